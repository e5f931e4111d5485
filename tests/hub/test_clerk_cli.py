"""The county's IT clerk at the command line: the hub's commands as a month of work uses them,
each failure one Chinese sentence and the right exit code, nothing half done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from tests.policy.helpers import COUNTY_PACK


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def as_clerk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell of 张科员, the county's IT clerk, on a hub that has a password."""
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")


def test_county_policy_on_a_hub_with_a_password(
    tmp_path: Path, as_clerk: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`hub policy publish|list|edit` open an encrypted hub as the user given, like every other
    hub command (they used to say 这个台账已加密 whatever was given)."""
    hub = tmp_path / "县汇总"
    assert run(capsys, "hub", "init", "--dir", hub)[0] == 0
    assert (hub / "hub.db.keys").exists()
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = run(capsys, "hub", "policy", "publish", "--dir", hub, pack)
    assert (code, err) == (0, ""), err
    assert "已签发县级政策包" in out
    code, out, err = run(capsys, "hub", "policy", "list", "--dir", hub, "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["in_force"] and row["signature_ok"]
    code, out, err = run(
        capsys, "hub", "policy", "edit", "--dir", hub, "--income-line", "700", "--version", "2027.1"
    )
    assert code == 0, err
    assert out.strip().endswith("2027.1")
