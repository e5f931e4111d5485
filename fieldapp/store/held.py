"""SQL of held changes (migration m0016): the hub's review queue and a device's copy of it.

The hub keeps every change the trust rules refused in `held_changes`, never in the change log:
it is not applied, not forwarded, and its (device id, seq) still counts as received. A device
keeps the hub's reports about its own changes in `sync_rejected`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldapp.domain.dates import china_iso
from fieldapp.domain.roles import said_to_devices
from fieldapp.domain.sentences import Sentence, saying, sentence_json, sentence_or_none
from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.migrations.m0033_rejected_china_time import VERSION as CHINA_TIME_SINCE
from fieldapp.store.migrations.m0045_rejected_reason_said import VERSION as SAID_VERSION
from fieldapp.store.replica import vector
from fieldapp.store.sync_state import now_text

#: What a held change may become.
HELD, ACCEPTED, DISMISSED = "held", "accepted", "dismissed"

#: Held changes that carry their sender's own change-log id (not one forged as another's).
_OWNED = "JOIN sync_origins o ON o.device_id = h.device_id AND o.peer = h.device"

_HELD_COLUMNS = (
    "id, device, device_id, seq, hlc, author, tbl, row_id, data, parents, rule, reason, "
    "bundle_id, received_at, status, decided_at, decided_by, decision, applied_change, "
    "reason_said"
)


@dataclass(frozen=True)
class HeldChange:
    """One refused change at the hub, with the county's decision once made."""

    id: int
    device: str
    change: Change
    rule: str
    reason: str
    bundle_id: str | None
    received_at: str
    status: str
    decided_at: str | None
    decided_by: str | None
    decision: str | None
    applied_change: str | None
    #: Its stored values (or what it claimed to have seen) cannot be read back: a disk fault or
    #: a hand edit. Listed and reported like any other, with no values; never applied.
    damaged: bool = False
    #: The reason as its sentence (`sentences.sentence_json`'s JSON text, as stored: read it
    #: with `sentences.sentence_or_none`), where the rule made it of one; None for a reason
    #: held before migration 43 kept it, or one said as text only.
    reason_said: str | None = None

    @property
    def change_id(self) -> str:
        """The change's own id (device id : seq), as the device knows it."""
        return self.change.id


def _held(row: Sequence[Any]) -> HeldChange:
    (id_, device, device_id, seq, hlc, author, tbl, row_id, data, parents) = row[:10]
    try:
        change = Change.from_row((device_id, seq, hlc, author, tbl, row_id, data, parents))
        damaged = not isinstance(change.data, dict) or not isinstance(change.parents, dict | None)
    except (ValueError, TypeError):
        change, damaged = None, True
    if damaged:  # the row is still listed, reported and dismissable: not a traceback
        change = Change(device_id, int(seq), hlc, author, tbl, row_id, {}, None)
    assert change is not None
    (rule, reason, bundle, received, status, decided_at, decided_by, decision, applied) = row[10:19]
    return HeldChange(
        int(id_),
        device,
        change,
        rule,
        reason,
        bundle,
        received,
        status,
        decided_at,
        decided_by,
        decision,
        applied,
        damaged,
        row[19],
    )


class HeldChanges:
    """The hub's held changes over one ledger database (call writes inside a transaction)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(
        self,
        device: str,
        change: Change,
        rule: str,
        reason: str,
        bundle_id: str,
        said: Sentence | None = None,
    ) -> None:
        """Hold a refused change (once: a change already held stays as it was), with its
        reason's sentence where the rule made one (`said`, kept as JSON beside the text)."""
        row = change.as_row()
        kept = sentence_json(said) if said is not None else None
        self.db.execute(
            "INSERT OR IGNORE INTO held_changes (device, device_id, seq, hlc, author, tbl, "
            "row_id, data, parents, rule, reason, bundle_id, received_at, reason_said) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [device, *row, rule, reason, bundle_id, now_text(), kept],
        )

    def stored_rows(self, changes: Sequence[Change], device: str) -> dict[str, tuple[Any, ...]]:
        """The copies `device` sent before and the hub holds (as `changes` rows) of any of
        `changes`, by change id."""
        by_device: dict[str, set[int]] = {}
        for change in changes:
            by_device.setdefault(change.device_id, set()).add(change.seq)
        found: dict[str, tuple[Any, ...]] = {}
        sender = device
        for origin, seqs in by_device.items():
            rows = self.db.execute(
                f"SELECT {CHANGE_COLUMNS} FROM held_changes "
                "WHERE device = ? AND device_id = ? AND seq BETWEEN ? AND ?",
                [sender, origin, min(seqs), max(seqs)],
            ).fetchall()
            found.update({f"{r[0]}:{r[1]}": tuple(r) for r in rows if r[1] in seqs})
        return found

    def rows_of(self, change_ids: Iterable[str], device: str) -> dict[str, tuple[str, str]]:
        """Held change id → (table, row id), for those of `change_ids` `device` sent."""
        return _rows_of(
            self.db,
            "SELECT device_id, seq, tbl, row_id FROM held_changes WHERE device = ? AND "
            "device_id = ? AND seq BETWEEN ? AND ?",
            [device],
            change_ids,
        )

    def odd_stamps(self) -> list[HeldChange]:
        """Changes still held (not yet decided) whose stamp holds anything but ASCII digits and
        dashes (full-width, Arabic-Indic: taken by a hub before it refused them), oldest
        first: no clock writes them, as text they sort above every stamp one does."""
        rows = self.db.execute(
            f"SELECT {_HELD_COLUMNS} FROM held_changes WHERE status = ? "
            "AND trim(hlc, '0123456789-') != '' ORDER BY id",
            [HELD],
        ).fetchall()
        return [_held(r) for r in rows]

    def max_seq(self, device_id: str) -> int:
        """The highest held seq of one change-log id sent by the device it belongs to (0 when
        none): those count as received; one forged by another device does not."""
        row = self.db.execute(
            f"SELECT max(h.seq) FROM held_changes h {_OWNED} WHERE h.device_id = ?", [device_id]
        ).fetchone()
        return int(row[0] or 0)

    def get(self, held_id: int) -> HeldChange | None:
        """One held change by its number."""
        row = self.db.execute(
            f"SELECT {_HELD_COLUMNS} FROM held_changes WHERE id = ?", [held_id]
        ).fetchone()
        return _held(row) if row else None

    def list(
        self, *, status: str | None = None, devices: Iterable[str] | None = None
    ) -> list[HeldChange]:
        """Held changes (of a status, of some devices), oldest first."""
        where, params = ["1 = 1"], []
        if status is not None:
            where.append("status = ?")
            params.append(status)
        if devices is not None:
            where.append("device IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(set(devices))))
        rows = self.db.execute(
            f"SELECT {_HELD_COLUMNS} FROM held_changes WHERE {' AND '.join(where)} ORDER BY id",
            params,
        ).fetchall()
        return [_held(r) for r in rows]

    def waiting_rows(
        self, row_ids: Iterable[str], device: str
    ) -> dict[str, tuple[str, dict[str, Any], str, str | None]]:
        """Of `row_ids`, the rows a change of `device` still held (not yet decided) would make
        or change: row id → (table, what its held changes set, oldest first, the first one's
        reason and its sentence's JSON, as `HeldChange.reason_said` keeps it). Another
        device's held changes are none of its business (a reason said to it never names them).
        """
        ids = sorted(set(row_ids))
        if not ids:
            return {}
        rows = self.db.execute(
            f"SELECT {_HELD_COLUMNS} FROM held_changes WHERE status = ? AND device = ? "
            "AND row_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            [HELD, device, json.dumps(ids)],
        ).fetchall()
        found: dict[str, tuple[str, dict[str, Any], str, str | None]] = {}
        for row in rows:
            held = _held(row)
            first: tuple[str, dict[str, Any], str, str | None] = (
                held.change.tbl,
                {},
                held.reason,
                held.reason_said,
            )
            table, data, reason, reason_said = found.get(held.change.row_id, first)
            found[held.change.row_id] = (table, {**data, **held.change.data}, reason, reason_said)
        return found

    def first_key(self, held: HeldChange) -> str | None:
        """The key (stamp/change id) of the first change its device made `held`'s row with, of
        those the hub holds from it under the same change-log id: the key the row's number
        (申请编号、批次编号) was read from there. None when that id is not the sender's own (one
        forged as another device's: its number is not the sender's to keep).

        First by the device's own count (its log's order, signed and without gaps), not by the
        least key: the stamp is the device's to write, and a later change of the row stamped
        before the one that made it (what `numbered_first` holds of a row the hub has) would
        take its place, the row numbered from a change its papers never printed. An honest
        device's clock moves past every change it makes: there the two are the same."""
        row = self.db.execute(
            f"SELECT h.hlc, h.device_id, h.seq FROM held_changes h {_OWNED} "
            "WHERE h.device = ? AND h.device_id = ? AND h.tbl = ? AND h.row_id = ? "
            "ORDER BY h.seq, h.id LIMIT 1",
            [held.device, held.change.device_id, held.change.tbl, held.change.row_id],
        ).fetchone()
        return f"{row[0]}/{row[1]}:{row[2]}" if row else None

    def decide(
        self,
        held_id: int,
        status: str,
        by: str,
        decision: str,
        applied_change: str | None = None,
    ) -> None:
        """Record the county's decision on a held change."""
        self.db.execute(
            "UPDATE held_changes SET status = ?, decided_at = ?, decided_by = ?, decision = ?, "
            "applied_change = ? WHERE id = ?",
            [status, now_text(), by, decision, applied_change, held_id],
        )

    def counts(self) -> dict[str, int]:
        """Per device, how many of its changes are still waiting for the county's decision."""
        rows = self.db.execute(
            "SELECT device, count(*) FROM held_changes WHERE status = 'held' GROUP BY device"
        )
        return {d: int(n) for d, n in rows.fetchall()}


def received_vector(db: sqlite_utils.Database) -> dict[str, int]:
    """Per change-log id, the highest seq received: applied (in the log) or held for review.

    What the hub acknowledges to devices: a device's own held change is received (never asked
    for again) even though it is not in the log. The log's part is one index probe per origin
    (`replica.vector`): every answer asks, and a GROUP BY over the log (or over the log and
    the held changes together) reads a county's whole log each time.
    """
    found = vector(db)
    rows = db.execute(
        f"SELECT h.device_id, max(h.seq) FROM held_changes h {_OWNED} GROUP BY h.device_id"
    ).fetchall()
    for device_id, seq in rows:
        found[device_id] = max(found.get(device_id, 0), int(seq))
    return found


def logged_rows(db: sqlite_utils.Database, change_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Change id → (table, row id), for those of `change_ids` in this ledger's change log."""
    return _rows_of(
        db,
        "SELECT device_id, seq, tbl, row_id FROM changes WHERE device_id = ? "
        "AND seq BETWEEN ? AND ?",
        [],
        change_ids,
    )


def _rows_of(
    db: sqlite_utils.Database, sql: str, before: list[Any], change_ids: Iterable[str]
) -> dict[str, tuple[str, str]]:
    """(table, row id) of the wanted changes: one range scan per device (plain SQL that the
    hub's PostgreSQL store speaks too)."""
    wanted: dict[str, set[int]] = {}
    for change_id in set(change_ids):
        device, _colon, seq = change_id.rpartition(":")
        if device and seq.isdigit():
            wanted.setdefault(device, set()).add(int(seq))
    found: dict[str, tuple[str, str]] = {}
    for device, seqs in wanted.items():
        rows = db.execute(sql, [*before, device, min(seqs), max(seqs)]).fetchall()
        found.update({f"{d}:{n}": (t, r) for d, n, t, r in rows if int(n) in seqs})
    return found


def logged_tables(db: sqlite_utils.Database, row_ids: Iterable[str]) -> dict[str, set[str]]:
    """Row id → the tables this ledger's change log holds changes of it in, for those of
    `row_ids` it holds any of (one look-up by the log's row index, whatever their number)."""
    wanted = sorted({str(r) for r in row_ids})
    if not wanted:
        return {}
    found: dict[str, set[str]] = {}
    rows = db.execute(
        "SELECT DISTINCT row_id, tbl FROM changes WHERE row_id IN (SELECT value FROM json_each(?))",
        [json.dumps(wanted, ensure_ascii=False)],
    ).fetchall()
    for row_id, table in rows:
        found.setdefault(str(row_id), set()).add(str(table))
    return found


# -- the device's copy of the hub's reports ------------------------------------------------

_REPORT_COLUMNS = (
    "change_id, hub_id, rule, reason, received_at, status, decided_at, decided_by, decision, "
    "reported_at, undone_at, received_at_china, reason_said"
)


#: The most seqs one statement of `RejectedReports._changes` asks for (SQLite's bound
#: parameters are 32,766 at most; PostgreSQL's 65,535).
_CHUNK = 500


class RejectedReports:
    """What the hub said about this device's changes (a device ledger)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record(self, items: Iterable[dict[str, Any]]) -> int:
        """Store (or update) the hub's reports; a local undo is kept. A report's sentence
        (`reason_said`) is kept only as `sentence_json` writes one that reads back
        (`report_said`: checked again here, whoever calls); else NULL, the text said.
        Returns how many are news: changes this device had no report of, that the county did
        not take in (held, or already dismissed) — what a coordinator is told after the
        exchange (one already told, or the county's later decision on it, is not counted)."""
        items = list(items)
        news = {i["change_id"] for i in items if i["status"] != ACCEPTED}
        news -= self._known(news)
        now = now_text()
        self.db.conn.executemany(
            "INSERT INTO sync_rejected (change_id, hub_id, rule, reason, received_at, status, "
            "decided_at, decided_by, decision, reported_at, received_at_china, reason_said) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(change_id) DO UPDATE SET hub_id = excluded.hub_id, rule = excluded.rule, "
            "reason = excluded.reason, received_at = excluded.received_at, "
            "received_at_china = excluded.received_at_china, "
            "reason_said = excluded.reason_said, "
            "status = excluded.status, decided_at = excluded.decided_at, "
            "decided_by = excluded.decided_by, decision = excluded.decision, "
            "reported_at = excluded.reported_at",
            [
                (
                    i["change_id"],
                    int(i["id"]),
                    i["rule"],
                    i["reason"],
                    i["received_at"],
                    i["status"],
                    i.get("decided_at"),
                    i.get("decided_by"),
                    i.get("decision"),
                    now,
                    i.get("received_at_china"),
                    _kept_said(report_said(i["reason"], i.get("reason_said"))),
                )
                for i in items
            ],
        )
        return len(news)

    def _known(self, change_ids: set[str]) -> set[str]:
        """Which of `change_ids` this device already has a report of (by its key, a few
        hundred at a time: not every report the device ever kept)."""
        ids, known = sorted(change_ids), set[str]()
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT change_id FROM sync_rejected WHERE change_id IN ({marks})"
            known.update(str(r[0]) for r in self.db.execute(sql, chunk).fetchall())
        return known

    def list(self) -> list[dict[str, Any]]:
        """Every report with the change it is about (table, row, values; None where the log
        does not hold it), newest first.

        The changes are looked up by their key (device id, seq), a few hundred at a time: a
        join on `device_id || ':' || seq = change_id` compared every report with the whole
        log (13.6 s for 40 reports at 50,000 persons)."""
        cursor = self.db.execute(
            f"SELECT {_REPORT_COLUMNS} FROM sync_rejected ORDER BY received_at DESC, hub_id DESC"
        )
        names = [d[0] for d in cursor.description]
        reports = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        logged = self._changes([str(r["change_id"]) for r in reports])
        out = []
        for item in reports:
            tbl, row_id, data, author, hlc = logged.get(item["change_id"], (None,) * 5)
            item.update(tbl=tbl, row_id=row_id, author=author, hlc=hlc)
            item["data"] = json.loads(data) if data else {}
            out.append(item)
        return out

    def _changes(self, change_ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
        """Change id → (table, row id, data, author, hlc) of those of `change_ids` the log
        holds: by the log's key, per device, `_CHUNK` seqs a statement (plain SQL that
        PostgreSQL speaks too)."""
        wanted: dict[str, set[int]] = {}
        for change_id in set(change_ids):
            device, _colon, seq = change_id.rpartition(":")
            if device and seq.isdigit():
                wanted.setdefault(device, set()).add(int(seq))
        found: dict[str, tuple[Any, ...]] = {}
        for device, seqs in wanted.items():
            ordered = sorted(seqs)
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                rows = self.db.execute(
                    "SELECT seq, tbl, row_id, data, author, hlc FROM changes "
                    f"WHERE device_id = ? AND seq IN ({', '.join('?' * len(chunk))})",
                    [device, *chunk],
                ).fetchall()
                found.update({f"{device}:{int(r[0])}": tuple(r[1:]) for r in rows})
        return found

    def undone(self) -> set[str]:
        """Ids of this device's changes the user took back locally."""
        rows = self.db.execute("SELECT change_id FROM sync_rejected WHERE undone_at IS NOT NULL")
        return {r[0] for r in rows.fetchall()}

    def mark_undone(self, change_ids: Iterable[str]) -> None:
        """Record that these changes were taken back on this device."""
        self.db.conn.executemany(
            "UPDATE sync_rejected SET undone_at = ? WHERE change_id = ? AND undone_at IS NULL",
            [(now_text(), i) for i in change_ids],
        )


#: The longest reason or decision, and reviewer's name, a report carries (`bundle.Report`).
REPORT_TEXT_MAX = 2000
REPORT_NAME_MAX = 200
#: The longest reason's sentence (its JSON text) a report carries: a longer one is sent as
#: none (the device says the text), never cut (cut, it would not read).
REPORT_SAID_MAX = 8000

#: The ledger version from which a device keeps a report's sentence (`reason_said`), so its
#: list of held changes says it in its language: migration 45's, which gives its copy of the
#: reports (`sync_rejected`) the column. A device states its version in every bundle; the hub
#: sends the key only to one at or past it (`reads_said`): an older device's reader
#: (`bundle.Report`) refuses a report with a key it does not know. An older hub sends none,
#: and the device says the Chinese text, as it always did.
SAID_SINCE: int | None = SAID_VERSION


def reads_china_time(schema_version: object) -> bool:
    """Whether a device whose bundles state `schema_version` reads a report's China time (its
    program has the migration that keeps it); an unknown version: no."""
    text = str(schema_version or "")
    return text.isascii() and text.isdigit() and int(text) >= CHINA_TIME_SINCE


def reads_said(schema_version: object) -> bool:
    """Whether a device whose bundles state `schema_version` keeps a report's sentence
    (`SAID_SINCE`); an unknown version (ASCII digits only), or before any does: no."""
    text = str(schema_version or "")
    return SAID_SINCE is not None and text.isascii() and text.isdigit() and int(text) >= SAID_SINCE


def _clip(text: str | None, longest: int) -> str | None:
    if text is None or len(text) <= longest:
        return text
    return text[: longest - 1] + "…"


def held_payload(
    held: HeldChange, *, china_time: bool = False, said: bool = False
) -> dict[str, Any]:
    """The report of one held change as the hub sends it to its device (manifest JSON).

    A reason quotes the values the device sent and a decision is what the clerk typed: either
    may be longer than a report holds, and is cut short rather than stop every answer to it.
    `china_time`: the device reads `received_at_china` (`reads_china_time`); an older one
    refuses a report with a key it does not know, so it is sent only then. Who decided is
    said as devices read it: a hub without users decided by its computer's account
    (`roles.said_to_devices`), whose login name stays at the hub.
    `said`: the device keeps the reason's sentence (`reads_said`): `reason_said`, the JSON
    text `sentences.sentence_json` wrote, where the hub kept one that still reads and that is
    no longer than `REPORT_SAID_MAX` (else None: the device says the text).
    """
    report: dict[str, Any] = {
        "id": held.id,
        "change_id": held.change_id,
        "rule": held.rule,
        "reason": _clip(held.reason, REPORT_TEXT_MAX),
        "received_at": held.received_at,
        "status": held.status,
        "decided_at": held.decided_at,
        # Decided on a hub without users: its computer's account, not its login name (the
        # hub's own listing keeps it, `said_to_devices`).
        "decided_by": _clip(said_to_devices(held.decided_by), REPORT_NAME_MAX),
        "decision": _clip(held.decision, REPORT_TEXT_MAX),
    }
    if china_time:
        report["received_at_china"] = china_iso(held.received_at) or None
    if said:
        # A reason cut short sends no sentence (`saying`), yet the hub keeps the one it stored:
        # its own listing (`hub held`, the county's desktop, `rejected.as_item`) says the
        # whole reason, in English by that sentence — only the device's report goes without.
        report["reason_said"] = _said_text(held.reason_said, report["reason"])
    return report


def report_said(reason: object, said: object) -> Sentence | None:
    """The sentence a device keeps of a hub's report: `said` (its `reason_said`) where it
    reads back as one this program made (`sentences.sentence_read`, as the hub reads what it
    keeps) and its Chinese is the report's text `reason`, word for word (`saying`: a reason cut
    short keeps none) — so a window in another language says what the Chinese says;
    else None (an older hub's report, a hostile hub's template, a sentence that says something
    else: the text is said)."""
    if not isinstance(said, str) or len(said) > REPORT_SAID_MAX:
        return None
    return saying(reason, sentence_or_none(said))


def _kept_said(sentence: Sentence | None) -> str | None:
    return None if sentence is None else sentence_json(sentence)


def _said_text(stored: str | None, reason: str | None) -> str | None:
    """A held change's stored sentence as a report carries it: written again from what reads
    back and says the report's `reason` (`saying`: a hand edit that does not read or says
    something else, or a template this program dropped: None), None beyond
    `REPORT_SAID_MAX` — the check a device makes on receipt (`report_said`), made here once:
    the answer's reports are not read again (`bundle.SAID_READ`)."""
    sentence = saying(reason, sentence_or_none(stored))
    if sentence is None:
        return None
    text = sentence_json(sentence)
    return text if len(text) <= REPORT_SAID_MAX else None


__all__ = [
    "ACCEPTED",
    "REPORT_NAME_MAX",
    "REPORT_SAID_MAX",
    "SAID_SINCE",
    "REPORT_TEXT_MAX",
    "DISMISSED",
    "HELD",
    "HeldChange",
    "HeldChanges",
    "RejectedReports",
    "held_payload",
    "logged_rows",
    "reads_china_time",
    "reads_said",
    "received_vector",
    "report_said",
    "saying",
]
