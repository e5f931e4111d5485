"""A training hub (`hub init --training`) is not prompted for a password (docs/hub.md: 培训用的
中心只登记演示台账，不这样提示). Yet `hub init --training` said 用 --user 和口令初始化即加密, and
`hub enroll` (like `hub rejected --accept`) on it said 请给中心设置口令和用户. Now quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run


def test_a_training_hub_is_not_told_to_set_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FIELDAPP_USER", "FIELDAPP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    training = tmp_path / "培训中心"
    code, out, err = run(capsys, "hub", "init", "--dir", training, "--training")
    assert code == 0 and "已建立培训用汇总中心" in out
    assert err == "", err
    code, out, err = run(
        capsys, "hub", "enroll", "--dir", training, "--device", "红星村专员",
        "--area", "520102001001", "--out", tmp_path / "红星村.enrol",
    )  # fmt: skip
    assert code == 0 and "已登记设备 红星村专员" in out
    assert "口令" not in err and "本中心没有用户" not in err, err
