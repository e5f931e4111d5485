"""`hub enroll` says the area a device is enrolled for in words beside its code: the clerk
typing 520502101001 from a list checks 七星关区梨树镇 by eye, not twelve digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.codes import plain_hub
from tests.helpers.cli import run

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


def _synced(tmp_path: Path, capsys: pytest.CaptureFixture[str], areas: list[object]) -> Path:
    """A hub whose ledger received `areas` from 红星村's laptop, and 红星村 enrolled again."""
    from fieldapp.store.ledger import Ledger
    from tests.records import Records
    from tests.sync.helpers import VILLAGE, add_family

    hub = _hub(tmp_path, capsys)
    device = tmp_path / "红星村.db"
    enroll = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    assert run(capsys, *enroll, tmp_path / "a.enrol")[0] == 0
    assert run(capsys, "--db", device, "enrol", tmp_path / "a.enrol")[0] == 0
    ledger = Ledger.open(device)
    for each in areas:
        Records(ledger).ensure_area(each)  # type: ignore[arg-type]
    add_family(ledger, VILLAGE, ["101"])
    ledger.close()
    bundle = tmp_path / "1.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", bundle)[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, bundle)[0] == 0
    return hub


def test_a_village_the_hub_has_heard_of_is_named_as_its_ledger_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Re-enrolling 红星村 (its laptop replaced) after it has synced: the hub's ledger knows the
    village's own name, and that is what the clerk reads."""
    from tests.sync.helpers import VILLAGE

    hub = _synced(tmp_path, capsys, [])  # the village is named 村001 on the laptop
    enroll = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    code, out, err = run(capsys, *enroll, tmp_path / "b.enrol", "--replace")
    assert code == 0, err
    assert f"区域 {VILLAGE} 贵州省毕节市七星关区梨树镇村001" in out, out


@pytest.mark.timeout(60)
def test_a_loop_in_the_ledgers_tree_does_not_hang_the_clerk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A village and its group each named as the other's parent (an import gone wrong on a
    laptop): `hub enroll` and `hub resets` named the village by walking up the hub's ledger
    without end. They now name it as `say_place` does, which stops where it has been."""
    from fieldapp.domain.models import Area, AreaKind
    from tests.sync.helpers import VILLAGE

    group = VILLAGE + "001"
    hub = _synced(tmp_path, capsys, [
        Area(code=VILLAGE, name="红星村", kind=AreaKind.VILLAGE, parent_code=group),
        Area(code=group, name="一组", kind=AreaKind.GROUP, parent_code=VILLAGE),
    ])  # fmt: skip
    enroll = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    code, out, err = run(capsys, *enroll, tmp_path / "b.enrol", "--replace")
    assert code == 0, err
    assert f"区域 {VILLAGE} 贵州省毕节市七星关区梨树镇一组 红星村" in out, out


def test_a_group_is_named_under_its_village_from_the_township_down(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.domain.models import Area, AreaKind
    from tests.sync.helpers import VILLAGE

    group = VILLAGE + "001"
    hub = _synced(tmp_path, capsys, [
        Area(code=VILLAGE, name="红星村", kind=AreaKind.VILLAGE, parent_code=VILLAGE[:9]),
        Area(code=group, name="一组", kind=AreaKind.GROUP, parent_code=VILLAGE),
    ])  # fmt: skip
    enroll = ("hub", "enroll", "--dir", hub, "--device", "红星村组", "--area", group, "--out")
    code, out, err = run(capsys, *enroll, tmp_path / "g.enrol", "--json")
    assert code == 0, err
    assert json.loads(out)["area_name"] == "贵州省毕节市七星关区梨树镇红星村 一组"
