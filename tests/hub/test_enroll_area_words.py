"""`hub enroll` says the area a device is enrolled for in words beside its code: the clerk
typing 520502101001 from a list checks 七星关区梨树镇 by eye, not twelve digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.codes import plain_hub
from tests.hub.test_clerk_cli import run

pytestmark = pytest.mark.usefixtures("plain_enrol")


def _hub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    return hub


@pytest.mark.parametrize(
    ("area", "role", "words"),
    [
        ("520502100", "township", "贵州省毕节市七星关区鸭池镇"),
        ("520502", "county", "贵州省毕节市七星关区"),
        # A village the hub has no name for yet: its township's, and what it is under it.
        ("520502101001", "coordinator", "贵州省毕节市七星关区梨树镇下的村"),
        ("520502101901", "coordinator", "贵州省毕节市七星关区梨树镇下的安置点"),
    ],
)
def test_the_area_is_said_in_words_beside_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], area: str, role: str, words: str
) -> None:
    hub = _hub(tmp_path, capsys)
    enroll = ("hub", "enroll", "--dir", hub, "--device", "某设备", "--area", area)
    code, out, err = run(capsys, *enroll, "--role", role, "--out", tmp_path / "a.enrol")
    assert code == 0, err
    assert f"区域 {area} {words}" in out, out
    code, out, err = run(capsys, *enroll, "--role", role, "--out", tmp_path / "b.enrol", "--json")
    assert code == 0, err
    said = json.loads(out)
    assert (said["area"], said["area_name"]) == (area, words)


def test_a_village_the_hub_has_heard_of_is_named_as_its_ledger_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Re-enrolling 红星村 (its laptop replaced) after it has synced: the hub's ledger knows the
    village's own name, and that is what the clerk reads."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub = _hub(tmp_path, capsys)
    device = tmp_path / "红星村.db"
    enroll = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    assert run(capsys, *enroll, tmp_path / "a.enrol")[0] == 0
    assert run(capsys, "--db", device, "enrol", tmp_path / "a.enrol")[0] == 0
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["101"])  # the village is named 村001 on the laptop
    ledger.close()
    bundle = tmp_path / "1.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", bundle)[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, bundle)[0] == 0

    code, out, err = run(capsys, *enroll, tmp_path / "b.enrol", "--replace")
    assert code == 0, err
    assert f"区域 {VILLAGE} 贵州省毕节市七星关区梨树镇村001" in out, out
