"""`RejectedReports.record` counts an answer's news (changes this device had no report of) by
reading the answer's own change ids: it read every report the device ever kept on each answer,
a device with many thousands held reading them all for an answer of one. The count stays what
it was: new held changes only, a known one or one the county took in not counted, an answer
longer than one statement asks for."""

from __future__ import annotations

from fieldapp.store import held
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger


def _report(change_id: str, hub_id: int, status: str = "held") -> dict[str, object]:
    return {
        "change_id": change_id,
        "id": hub_id,
        "rule": "malformed",
        "reason": "住址不合格",
        "received_at": "2026-12-05T08:00:00",
        "status": status,
    }


def _steps(ledger: Ledger, answer: list[dict[str, object]]) -> int:
    """SQLite's virtual-machine steps (in thousands) that recording `answer` takes."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    ledger.db.conn.set_progress_handler(tick, 1000)
    try:
        with ledger.transaction():
            RejectedReports(ledger.db).record(answer)
    finally:
        ledger.db.conn.set_progress_handler(None, 0)
    return count[0]


def test_news_counted_from_the_answers_ids(ledger: Ledger, monkeypatch) -> None:
    monkeypatch.setattr(held, "_CHUNK", 3)  # an answer longer than one statement asks for
    reports = RejectedReports(ledger.db)
    with ledger.transaction():
        assert reports.record([_report(f"d:{n}", n) for n in range(1, 8)]) == 7
    answer = [_report(f"d:{n}", n) for n in range(1, 8)]  # all known already
    answer += [_report("d:20", 20), _report("e:1", 21), _report("e:2", 22)]  # new, held
    answer += [_report("d:30", 30, "dismissed")]  # new, not taken in
    answer += [_report("d:31", 31, "accepted")]  # new, taken in: no news
    with ledger.transaction():
        assert reports.record(answer) == 4
    with ledger.transaction():
        assert reports.record(answer) == 0  # told once
    assert len(reports.list()) == 12


def test_an_answer_of_one_does_not_read_every_kept_report(ledger: Ledger) -> None:
    with ledger.transaction():
        RejectedReports(ledger.db).record([_report(f"d:{n}", n) for n in range(1, 30)])
    few = _steps(ledger, [_report("n:1", 1)])
    with ledger.transaction():
        RejectedReports(ledger.db).record([_report(f"d:{n}", n) for n in range(30, 60_000)])
    many = _steps(ledger, [_report("n:2", 2)])
    # Reading the 60,000 kept reports took some 180 thousand steps; a key lookup none.
    assert many <= few + 20, (few, many)
