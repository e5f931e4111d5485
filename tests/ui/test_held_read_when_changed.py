"""The 同步 page reads this device's held changes again on showing only when the ledger may have
changed: a commit by another connection (another program took in the hub's answer), a write
this program told of (a household's head renamed here) — and every time on a ledger that cannot tell (no
version: PostgreSQL)."""

from __future__ import annotations

from fieldapp.domain.models import Person
from fieldapp.services import persons
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from tests.ui.conftest import UI_USER


def _household_change(ledger: Ledger, head: str) -> tuple[str, str]:
    """(the head's person id, the change-log id of the change that added their household: its
    held line names it by its head, 张长英家)."""
    person_id, change_id = ledger.db.execute(
        "SELECT p.id, c.device_id || ':' || c.seq FROM persons p JOIN changes c "
        "ON c.tbl = 'households' AND c.row_id = p.household_id WHERE p.name = ? "
        "ORDER BY c.seq LIMIT 1",
        [head],
    ).fetchone()
    return person_id, change_id


def _held_by_another_program(path: str, change_id: str) -> None:
    """Another copy of the program keeps the hub's report of `change_id` (held for review), as
    taking in the hub's answer does."""
    other = Ledger.open(path, credentials=UI_USER)
    try:
        with other.transaction():
            RejectedReports(other.db).record(
                [
                    {
                        "change_id": change_id,
                        "id": 7,
                        "rule": "malformed",
                        "reason": "住址不合格",
                        "received_at": "2026-12-01T08:00:00",
                        "status": "held",
                    }
                ]
            )
    finally:
        other.close()


def test_held_changes_are_read_again_only_after_a_change(window, monkeypatch):
    page = window.show_page("sync")
    ledger = window.session.ledger
    assert page.held.list.count() == 0 and page.held_box.isHidden()
    person_id, change_id = _household_change(ledger, "张长英")
    reads: list[int] = []
    real = page.held.refresh
    monkeypatch.setattr(page.held, "refresh", lambda: (reads.append(1), real())[1])
    page.activated()
    assert reads == []  # nothing written since the page read them: not read again

    _held_by_another_program(ledger.path, change_id)
    page.activated()
    assert reads == [1]
    assert page.held.list.count() == 1 and not page.held_box.isHidden()
    assert "张长英家" in page.held.list.item(0).text()
    page.activated()
    assert reads == [1]

    # Renamed on this window's own connection (its commits leave data_version as it was):
    # the write told to the pages makes the next showing read the list again, the new name.
    person = records.find(ledger, Person, person_id)
    assert person is not None
    renamed = person.model_copy(update={"name": "张常英"})
    window.session.apply(persons.save(ledger, window.session.actor, renamed, loaded=person))
    page.activated()
    assert reads == [1, 1]
    assert "张常英家" in page.held.list.item(0).text()


def test_held_changes_on_a_ledger_without_a_version_are_read_every_time(window, monkeypatch):
    page = window.show_page("sync")
    monkeypatch.setattr(window.session.ledger, "data_version", lambda: None)
    page.held.refresh()  # read with no version to compare with
    reads: list[int] = []
    monkeypatch.setattr(page.held, "refresh", lambda: reads.append(1))
    page.activated()
    page.activated()
    assert reads == [1, 1]
