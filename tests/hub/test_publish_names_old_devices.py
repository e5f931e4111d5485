"""Publishing a county pack that needs a later program (`[pack] requires`) told the clerk only
"各设备的程序版本见 hub devices": which villages would keep last year's pack was a second
command away. `hub policy publish` (and `edit`) now name the devices that said they run an
older program, and those that never said which they run; `--json` gives both lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fieldapp
from fieldapp.hub.server import ServerThread
from fieldapp.policy import packfile
from fieldapp.sync import exchange
from tests.hub.device_listing import County
from tests.policy.helpers import COUNTY_PACK

pytestmark = pytest.mark.usefixtures("plain_enrol")

NEXT_YEAR = COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.2"\nrequires = "0.3.0"\n')


@pytest.fixture
def county(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> County:
    """红星村 has synced with this program; 大坝村 with one from before devices said theirs; a
    third laptop, 小河村, is enrolled and has never synced; 老寨村 was revoked. The hub is then
    upgraded to 0.3.0."""
    from tests.sync.helpers import VILLAGE

    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        county.push("红星村", server.url)
        with monkeypatch.context() as older:
            older.setattr(exchange, "About", lambda *_: None)
            county.push("大坝村", server.url)
    for name in ("小河村", "老寨村"):
        assert county.run("hub", "enroll", "--dir", county.hub, "--device", name,
                          "--area", VILLAGE, "--out", tmp_path / f"{name}.enrol")[0] == 0  # fmt: skip
    assert county.run("hub", "revoke", "--dir", county.hub, "--device", "老寨村")[0] == 0
    monkeypatch.setattr(packfile, "__version__", "0.3.0")
    monkeypatch.setattr(fieldapp, "__version__", "0.3.0")
    return county


def test_publishing_a_pack_for_a_newer_program_names_the_devices_that_will_not_use_it(
    county: County,
) -> None:
    pack = county.tmp / "county2.toml"
    pack.write_text(NEXT_YEAR, encoding="utf-8")
    code, out, err = county.run("hub", "policy", "publish", "--dir", county.hub, pack)
    assert code == 0, err
    assert out.splitlines()[-1] == "2026.2"  # scripts read the version from the last line
    assert "程序比 0.3.0 旧" in out and "红星村" in out, out
    assert "从未报告程序版本" in out and "大坝村" in out and "小河村" in out, out
    assert "老寨村" not in out  # revoked: no one to visit


def test_publish_json_lists_older_and_unreported_programs(county: County) -> None:
    pack = county.tmp / "county2.toml"
    pack.write_text(NEXT_YEAR, encoding="utf-8")
    code, out, err = county.run("hub", "policy", "publish", "--dir", county.hub, pack, "--json")
    assert code == 0, err
    said = json.loads(out)
    assert said["version"] == "2026.2" and said["requires"] == "0.3.0"
    assert said["older_program"] == ["红星村"]
    assert sorted(said["unreported_program"]) == ["大坝村", "小河村"]


def test_a_pack_every_program_reads_names_no_device(county: County) -> None:
    pack = county.tmp / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = county.run("hub", "policy", "publish", "--dir", county.hub, pack, "--json")
    assert code == 0, err
    said = json.loads(out)
    assert (said["older_program"], said["unreported_program"]) == ([], [])
    code, out, err = county.run(
        "hub", "policy", "edit", "--dir", county.hub, "--holiday", "2026-10-09", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["older_program"] == []
