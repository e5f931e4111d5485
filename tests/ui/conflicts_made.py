"""Conflicts to decide on the sync page: a phone changed by another device at the same time
(`make_conflicts`), or left undecided by an update from a sheet (`_kept`); the page's question
answered (`_answer`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.services.sheet_conflicts import Undecided, keep
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp


def make_conflicts(session, count: int) -> list[str]:
    """Another device changed `count` persons' phones concurrently with this one."""
    led = session.ledger
    ids = [r[0] for r in led.db.execute("SELECT id FROM persons ORDER BY id LIMIT ?", [count])]
    remote = []
    for n, person_id in enumerate(ids):
        seen = led.heads("persons", person_id)["phone"]
        with led.transaction():
            led.update("persons", person_id, {"phone": f"138{n:08d}"})
        remote.append(
            Change(
                "remote-device",
                n + 1,
                format_stamp(1_700_000_000_000 + n, 0),
                "李四",
                "persons",
                person_id,
                {"phone": f"139{n:08d}"},
                {"phone": seen},
            )
        )
    led.apply_changes(remote)
    return ids


def _answer(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _kept(ledger, count: int) -> list[str]:
    """`count` persons' phones left undecided by an update from 村里.xlsx (its value 136…)."""
    ids = [
        r[0]
        for r in ledger.db.execute(
            "SELECT id FROM persons ORDER BY id DESC LIMIT ?", [count]
        ).fetchall()
    ]
    undecided = []
    for n, pid in enumerate(ids):
        row = ledger.get("persons", pid)
        stamp, author = ledger.db.execute(
            "SELECT hlc, author FROM changes WHERE row_id = ? ORDER BY hlc DESC LIMIT 1", [pid]
        ).fetchone()
        undecided.append(
            Undecided(
                "人员",
                n + 2,
                row["name"],
                row["id_number"],
                "persons",
                pid,
                "phone",
                f"136{n:08d}",
                row["phone"],
                stamp,
                author,
            )  # fmt: skip
        )
    with writing(ledger, actor_of(ledger)) as writer:
        keep(writer, "村里.xlsx", undecided)
    return ids
