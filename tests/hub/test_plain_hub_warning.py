"""A hub made without a password keeps hub.db in clear, and with it the hub's private box key,
which opens the county slot of every enrolled device ledger. `hub init` refuses to make one for
real work (a training hub may stay plain), saying how to give a password; a plain hub made
before (or through the Python API) still opens, and the clerk is told what it gives away, in
words they can act on, each time hub devices or hub serve starts (issue 16)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from tests.helpers.cli import run


def _says_the_consequence(err: str) -> bool:
    return "未加密" in err and "每个已登记设备的台账" in err and "--user" in err


def test_hub_init_without_a_password_is_refused_and_says_how_to_give_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = tmp_path / "县汇总"
    code, out, err = run(capsys, "hub", "init", "--dir", hub)
    assert code == 1 and out == "", out
    assert "没有设置口令，不能建立正式的汇总中心" in err and "私钥" in err, err
    assert "--user" in err and "--password-file" in err and "FIELDAPP_PASSWORD" in err, err
    assert "--training" in err and "没有建立汇总中心" in err, err
    assert not (hub / "hub.db").exists() and not (hub / "keys").exists()
    assert "Traceback" not in err


def test_a_plain_hub_says_what_its_clear_file_gives_away(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = tmp_path / "县汇总"
    Hub.init(hub).close()  # a plain hub made before `hub init` refused it
    code, _out, err = run(capsys, "hub", "devices", "--dir", hub)
    assert code == 0 and _says_the_consequence(err)
    with socket.socket() as taken:  # hub serve says it at start-up, before it listens
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        code, _out, err = run(
            capsys, "hub", "serve", "--dir", hub, "--port", taken.getsockname()[1]
        )
    assert code == 1 and _says_the_consequence(err) and "已被占用" in err
    assert "Traceback" not in err


def test_an_encrypted_or_training_hub_does_not_warn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    training = tmp_path / "培训中心"
    code, _out, err = run(capsys, "hub", "init", "--dir", training, "--training")
    assert code == 0 and "每个已登记设备的台账" not in err
    assert run(capsys, "hub", "devices", "--dir", training)[2] == ""
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    hub = tmp_path / "县汇总"
    code, _out, err = run(capsys, "hub", "init", "--dir", hub)
    assert code == 0 and "未加密" not in err
    assert "未加密" not in run(capsys, "hub", "devices", "--dir", hub)[2]
