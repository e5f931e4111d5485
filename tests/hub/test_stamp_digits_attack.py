"""A hostile device's stamps in digits of another script (full-width １７６５…, Arabic-Indic
١٧٦５…): pydantic's and Python's `\\d` took them, so they passed the bundle's checks and the
trust rules (`int` reads them as the time they spell, not ahead); the hub logged them, and as
text they sort above every stamp a clock writes (the merge and `HubLog.raise_stamps` compare
stamps as text). A stamp is now 13 ASCII digits, a dash and ASCII digits, or the bundle is
refused, over HTTP as from a stick."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.hub_state import HIGHEST, HubLog
from fieldapp.sync import httpauth
from tests.hub.httpkit import header_for, post
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge, send

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _kept(hub: Hub) -> list[tuple[str, str]]:
    return hub.ledger.db.execute(
        "SELECT key, value FROM meta WHERE key LIKE ?", [HIGHEST + "%"]
    ).fetchall()


@pytest.mark.parametrize("digits", [WIDE, ARABIC], ids=["full-width", "arabic-indic"])
def test_a_stamp_in_other_digits_is_refused_over_http(
    server: ServerThread, hub: Hub, make_device: Any, tmp_path: Path, digits: dict[int, int]
) -> None:
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    stamp = village.clock.now()
    forge(
        village,
        "persons",
        person,
        {"phone": "13900000000"},
        hlc=stamp[:13].translate(digits) + stamp[13:],
    )
    body = send(village, tmp_path / "wide.fs").path.read_bytes()
    status, answer = post(server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)})
    assert status == 422 and isinstance(answer, dict), (status, answer)
    assert answer["error"] == "invalid" and "hlc" in str(answer), answer
    assert hub.ledger.get("persons", person) is None  # nothing of the bundle taken
    assert not hub.ledger.db.execute("SELECT count(*) FROM changes WHERE hlc > '9'").fetchone()[0]
    assert _kept(hub) == []


def test_raise_stamps_reads_only_stamps_a_clock_writes(hub: Hub) -> None:
    """Were one logged all the same (a hub before this check): as text it is the latest, yet
    the latest a clock wrote is what the id vouches for."""
    wall = 1_796_000_000_000
    wide = format_stamp(wall + 60_000, 0)
    changes = [
        Change("d1", 1, format_stamp(wall, 0), "a", "persons", "p1", {"phone": "1"}, None),
        Change("d1", 2, wide[:13].translate(WIDE) + wide[13:], "a", "persons", "p1", {}, None),
        Change("d1", 3, format_stamp(wall + 5, 0), "a", "persons", "p1", {"phone": "2"}, None),
    ]
    log = HubLog(hub.ledger.db)
    with hub.ledger.transaction():
        log.raise_stamps(changes)
    assert _kept(hub) == [(HIGHEST + "d1", str(wall + 5))]


@pytest.mark.parametrize("digits", [WIDE, ARABIC], ids=["full-width", "arabic-indic"])
def test_a_hub_that_logged_one_before_says_so_naming_the_device(
    hub: Hub, make_device: Any, tmp_path: Path, digits: dict[int, int]
) -> None:
    """A hub that took such a stamp before it refused them keeps it in its log, where as
    text it sorts above every stamp a clock writes: `hub violations` tells the clerk, in
    Chinese, which device sent it and whose record it touches (the hub cannot say what time
    was meant, so it does not guess one)."""
    from fieldapp.sync.exchange import export_bundle

    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"], surname="王")
    hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
    assert not [p for p in hub.violations() if p["kind"] == "odd_stamp"]
    origin = village.device_id
    stamp = format_stamp(1_796_000_000_000, 0)
    odd = forge(
        village,
        "persons",
        person,
        {"phone": "13900000000"},
        hlc=stamp[:13].translate(digits) + stamp[13:],
    )
    hub.ledger.apply_changes([odd])  # as a hub before 1bcf59f3 logged it
    found = [p for p in hub.violations() if p["kind"] == "odd_stamp"]
    assert len(found) == 1, found
    message = str(found[0]["message"])
    assert "红星村" in message and "王" in message and "1 条修改" in message, message
    assert origin not in message and person not in message  # no ids for people
    assert found[0]["rows"] == [person]


@pytest.mark.parametrize("digits", [WIDE, ARABIC], ids=["full-width", "arabic-indic"])
def test_a_held_change_in_other_digits_is_named_before_it_is_accepted(
    hub: Hub, make_device: Any, tmp_path: Path, digits: dict[int, int]
) -> None:
    """A hub that held such a change (refused by a trust rule) before it refused the stamps
    keeps it in its review queue: accepted, it would sort above every stamp a clock writes.
    `hub violations` names the device and the people, not ids; one already dismissed is not
    named again."""
    from fieldapp.store.held import DISMISSED, HeldChanges
    from fieldapp.sync.exchange import export_bundle

    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"], surname="王")
    hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
    stamp = format_stamp(1_796_000_000_000, 0)
    odd_hlc = stamp[:13].translate(digits) + stamp[13:]
    changed = forge(village, "persons", person, {"phone": "13900000000"}, hlc=odd_hlc)
    added = forge(village, "persons", "p-new", {"name": "李四"}, hlc=odd_hlc)
    plain = forge(village, "persons", person, {"phone": "13900000001"})
    held = HeldChanges(hub.ledger.db)
    with hub.ledger.transaction():  # as a hub before 1bcf59f3 held them
        for change in (changed, added, plain):
            held.add("红星村", change, "role", "超出权限", "b1")
    found = [p for p in hub.violations() if p["kind"] == "odd_stamp"]
    assert len(found) == 1, found
    message = str(found[0]["message"])
    assert "红星村" in message and "等待审核的 2 条修改" in message, message
    assert "王" in message and "李四" in message, message
    assert village.device_id not in message and person not in message and "p-new" not in message
    assert found[0]["rows"] == sorted([person, "p-new"])
    with hub.ledger.transaction():
        for item in held.list():
            held.decide(item.id, DISMISSED, "县里", "驳回")
    assert not [p for p in hub.violations() if p["kind"] == "odd_stamp"]
