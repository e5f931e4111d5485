"""SQL of the hub's own bookkeeping (migration m0009): the exchange log and the status view.

The hub package calls these; nothing here touches the synced tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from fieldapp.domain.dates import china_iso
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.sync_state import now_text

#: The hub's setting keeping what a device said of itself (`HubLog.set_reported`), + its name.
REPORTED = "device.reported:"
#: The hub's setting keeping a device's bundles it refused since its last one got through
#: (`HubLog.keep_refusal`), + its name.
REFUSED = "device.refused:"
#: How many of a device's refused bundles the hub keeps (the newest).
REFUSALS_KEPT = 20
#: The hub's setting keeping a device's users it knows disabled there (`HubLog.device_users`),
#: + its name.
DEVICE_USERS = "device.users:"
#: The most users of one device the hub keeps word of (a village laptop has a handful): a
#: device's bundles naming ever more made-up users would grow what every import of it reads.
DEVICE_USERS_KEPT = 200
#: The hub's setting keeping the latest stamp (its wall time, ms) it ever took from a change-log
#: id (`HubLog.raise_stamps`), + the id: what that origin's changes vouch for of the time.
HIGHEST = "origin.highest_stamp:"
#: What `hub_device_events` records (m0040): a name enrolled for the first time; enrolled again
#: with new keys, the same role and area; enrolled again with new keys and another role or
#: area; revoked; its ledger restored from a backup (or copied back), as its first bundle of a
#: new incarnation told the hub (`sync.exchange`: a new change-log id taking the device's place).
DEVICE_EVENTS = ("enrolled", "reenrolled", "rescoped", "revoked", "restored")
#: The events of `DEVICE_EVENTS` that make a device's enrolment as it stands (who made it:
#: `enrolled_by`); a restore or a revocation is no enrolment.
ENROLMENTS = ("enrolled", "reenrolled", "rescoped")


class HubLog:
    """Reads and writes of the hub's own bookkeeping of one hub ledger: `hub_exchanges`,
    `hub_answer_scope`, `hub_away_rows`, `hub_password_resets`, `hub_device_events`,
    `hub_user_decisions` and its settings in `meta`."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record(
        self,
        device: str,
        way: str,
        channel: str,
        outcome: str = "ok",
        changes: int = 0,
        new_changes: int = 0,
        detail: str = "",
    ) -> None:
        """Log one exchange (call inside a transaction)."""
        self.db.execute(
            "INSERT INTO hub_exchanges (device, at, way, channel, outcome, changes, new_changes, "
            "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [device, now_text(), way, channel, outcome, changes, new_changes, detail[:500]],
        )

    def exchanges(self, device: str, limit: int = 20) -> list[dict[str, Any]]:
        """A device's latest exchanges, newest first."""
        cursor = self.db.execute(
            "SELECT at, way, channel, outcome, changes, new_changes, detail FROM hub_exchanges "
            "WHERE device = ? ORDER BY id DESC LIMIT ?",
            [device, limit],
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def device_status(self) -> list[dict[str, Any]]:
        """Per enrolled device: area, keys' state, last good exchange since its enrolment (a
        bundle imported from it or an answer made for it; a laptop enrolled in place of a lost
        one has not synced until it has), changes sent but not yet confirmed (`pending`),
        bundles it uploaded that were refused (`refused_bundles`), the newest county pack
        it has confirmed receiving (`policy`: its version, None when none), and who at the hub
        made its enrolment as it stands and its revocation (`enrolled_by`, `revoked_by`; a device
        enrolled before m0040 has its `UNRECORDED` sentence); how often its ledger came back
        from a backup at the hub (`restored`), the latest such time and who on the device it
        names (`last_restored`, `last_restored_by`; None when never)."""
        cursor = self.db.execute(
            """SELECT p.name AS device, p.device_role AS role, p.area_code AS area,
                p.enrolled_at, p.revoked_at,
                p.serial_in, p.serial_out, p.acked_out,
                (SELECT max(e.at) FROM hub_exchanges e
                  WHERE e.device = p.name AND e.outcome = 'ok'
                    AND (p.enrolled_at IS NULL OR e.at >= p.enrolled_at)) AS last_answer,
                (SELECT max(s.imported_at) FROM sync_imports s
                  WHERE s.sender = p.name
                    AND (p.enrolled_at IS NULL OR s.imported_at >= p.enrolled_at))
                  AS last_import,
                (SELECT coalesce(sum(i.changes), 0) FROM sync_issued i
                  WHERE i.peer = p.name AND i.serial > p.acked_out) AS pending,
                (SELECT count(*) FROM hub_exchanges e
                  WHERE e.device = p.name AND e.outcome != 'ok') AS refused_bundles,
                (SELECT count(*) FROM held_changes h
                  WHERE h.device = p.name AND h.status = 'held') AS refused,
                (SELECT k.version FROM policy_packs k JOIN sync_sent_rows r
                   ON r.peer = p.name AND r.row_id = k.id
                  WHERE k.deleted = 0 AND r.first_serial <= p.acked_out
                  ORDER BY k.seq DESC LIMIT 1) AS policy,
                (SELECT v.by_user FROM hub_device_events v
                  WHERE v.device = p.name
                    AND v.event IN ('enrolled', 'reenrolled', 'rescoped')
                  ORDER BY v.id DESC LIMIT 1) AS enrolled_by,
                CASE WHEN p.revoked_at IS NULL THEN NULL ELSE
                  (SELECT v.by_user FROM hub_device_events v
                    WHERE v.device = p.name AND v.event = 'revoked'
                    ORDER BY v.id DESC LIMIT 1) END AS revoked_by,
                (SELECT count(*) FROM hub_device_events v
                  WHERE v.device = p.name AND v.event = 'restored') AS restored,
                (SELECT v.at FROM hub_device_events v
                  WHERE v.device = p.name AND v.event = 'restored'
                  ORDER BY v.id DESC LIMIT 1) AS last_restored,
                (SELECT v.by_user FROM hub_device_events v
                  WHERE v.device = p.name AND v.event = 'restored'
                  ORDER BY v.id DESC LIMIT 1) AS last_restored_by
            FROM sync_peers p WHERE p.role = 'device' ORDER BY p.name"""
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        for row in rows:
            times = [t for t in (row.pop("last_answer"), row.pop("last_import")) if t]
            row["last_exchange"] = max(times) if times else None
            if row["last_exchange"] is None:  # what a lost laptop confirmed is not the new one's
                row["policy"] = None
        return rows

    # -- what each device says of itself ------------------------------------------------------

    def set_reported(
        self, device: str, program: str, pack: str, schema: int | None = None, build: str = ""
    ) -> None:
        """Keep what `device` said in its latest bundle: its program and the county pack in
        force there ('' the built-in one), with the time (a hub setting, not synced); `schema`:
        the ledger version its bundle states (what its answers may carry: `reads_china_time`);
        `build`: its build's label, when a packaged build said it ('' otherwise)."""
        said: dict[str, object] = {"program": program, "pack": pack, "at": now_text()}
        if schema is not None:
            said["schema"] = schema
        if build:
            said["build"] = build
        value = json.dumps(said)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [REPORTED + device, value])

    def forget_reported(self, device: str) -> None:
        """Forget what a device said (enrolled again: the new computer has not said yet)."""
        self.db.execute("DELETE FROM meta WHERE key = ?", [REPORTED + device])

    def reported(self) -> dict[str, dict[str, str]]:
        """What each device said of itself, by device name."""
        rows = self.db.execute(
            "SELECT key, value FROM meta WHERE key LIKE ?", [REPORTED + "%"]
        ).fetchall()
        said: dict[str, dict[str, str]] = {}
        for key, value in rows:
            try:
                item = json.loads(value)
            except (TypeError, ValueError):
                continue
            if isinstance(item, dict):
                said[str(key)[len(REPORTED) :]] = {k: str(v) for k, v in item.items()}
        return said

    # -- a device's users disabled there ----------------------------------------------------

    def device_users(self, device: str) -> dict[str, dict[str, Any]]:
        """The users of `device` the hub was told (or decided) are disabled there, and those
        enabled again by the county, by name: `disabled`, `since` (the hub's time it learnt or
        decided it), `by` (who: 姓名@设备名 for the device's word, the county's clerk for its
        own), `source` ("device" or "county"), `said_at` (the device's time of its
        disabling), `origin` (the change-log id whose bundle said it) and, for one the device
        says it enabled again while the hub holds them disabled, `enable_asked` (`at`, `by`,
        `since`): a request only the county grants (`set_device_user`)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [DEVICE_USERS + device])
        found = row.fetchone()
        return _users_kept(found[0]) if found else {}

    def disabled_users(self, device: str) -> frozenset[str]:
        """The names of `device`'s users the hub holds disabled: whatever is authored as one of
        them on it is held (`trust.check_author`), from any incarnation of it."""
        return frozenset(n for n, u in self.device_users(device).items() if u.get("disabled"))

    def all_device_users(self) -> dict[str, dict[str, dict[str, Any]]]:
        """`device_users` of every device that has any, by device name: one read of them all
        (the county's status view asks it for hundreds of devices at once)."""
        rows = self.db.execute(
            "SELECT key, value FROM meta WHERE key LIKE ?", [DEVICE_USERS + "%"]
        ).fetchall()
        kept = {
            str(key)[len(DEVICE_USERS) :]: _users_kept(value)
            for key, value in rows
            if str(key).startswith(DEVICE_USERS)
        }
        return {name: kept[name] for name in sorted(kept)}

    def _keep_device_users(self, device: str, kept: dict[str, dict[str, Any]]) -> None:
        value = json.dumps(kept, ensure_ascii=False, sort_keys=True)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [DEVICE_USERS + device, value])

    def learn_device_users(
        self, device: str, told: Iterable[tuple[str, bool, str | None, str | None]], origin: str
    ) -> list[str]:
        """Take in what a bundle of `device` (change-log id `origin`) said of its users ever
        disabled there (name, disabled now, when, by whom): a disabling the hub had not heard
        of makes the user disabled at the hub; an "enabled again" is kept as a request only
        (`enable_asked`), never lifting it — any copy of the ledger signs with the device's
        key and may say anything. A disabling the county has lifted since is not taken again
        from the same word (its `said_at`), nor one said to be by a user the hub holds disabled
        there (an old copy, where that user may be an administrator, disabling the others:
        the ledger's own program writes who did it). Returns the names newly disabled (call
        inside the import's transaction)."""
        kept = self.device_users(device)
        # Who the hub holds disabled here before this bundle: their word is not the device's
        # any more (an old copy where one of them is an administrator disables the others).
        held = {n for n, u in kept.items() if u.get("disabled")}
        now = now_text()
        disabled: list[str] = []
        changed = False
        for name, is_disabled, at, by in told:
            if not _named(name) or (by is not None and not _named(by)):
                continue  # not a user's name (a forged file): nothing to print to the clerk
            record = kept.get(name)
            if record is None and len(kept) >= DEVICE_USERS_KEPT:
                continue
            who = f"{by}@{device}" if by else device
            if is_disabled:
                if by in held:
                    continue
                if record is None or (not record.get("disabled") and _newer(at, record)):
                    kept[name] = {
                        "disabled": True, "since": now, "by": who, "source": "device",
                        "said_at": at, "origin": origin,
                    }  # fmt: skip
                    disabled.append(name)
                    changed = True
                elif record.get("disabled"):
                    if _after(at, record.get("enable_asked")):
                        # Disabled there again since it asked: no request stands. (A copy still
                        # saying the first disabling leaves it: two copies disagreeing is for
                        # the county to see.)
                        del record["enable_asked"]
                        changed = True
                    if _newer(at, record):
                        record["said_at"] = at  # the latest word of it the county decides on
                        changed = True
            elif record is not None and record.get("disabled") and at:
                asked = record.get("enable_asked")
                if not isinstance(asked, dict) or asked.get("at") != at:
                    record["enable_asked"] = {"at": at, "by": who, "since": now, "origin": origin}
                    changed = True
        if changed:
            self._keep_device_users(device, kept)
        return disabled

    def set_device_user(self, device: str, name: str, disabled: bool, by: str) -> bool:
        """The county disables `name` on `device` (a laptop lost with its ledger) or enables
        them again (after checking with the village that it was the village's own doing);
        False when nothing changed (call inside a transaction)."""
        kept = self.device_users(device)
        record = kept.get(name)
        if record is None and not disabled:
            return False
        if record is not None and bool(record.get("disabled")) == disabled:
            return False
        said_at = record.get("said_at") if record is not None else None
        now = now_text()
        kept[name] = {
            "disabled": disabled, "since": now, "by": by, "source": "county",
            "said_at": said_at, "origin": None,
        }  # fmt: skip
        self._keep_device_users(device, kept)
        # The latest word above is what the trust check reads; the decision stays in the trail.
        self.db.execute(
            "INSERT INTO hub_user_decisions (at, device, user_name, disabled, by_user) "
            "VALUES (?, ?, ?, ?, ?)",
            [now, device, name, int(disabled), by],
        )
        return True

    def user_decisions(self, device: str | None = None) -> list[dict[str, Any]]:
        """The county's decisions on devices' users (`set_device_user`; every device's with
        None), oldest first: `at`, `device`, `user`, `disabled`, `by`."""
        where, params = ("WHERE device = ?", [device]) if device is not None else ("", [])
        cursor = self.db.execute(
            "SELECT at, device, user_name, disabled, by_user "
            f"FROM hub_user_decisions {where} ORDER BY id",
            params,
        )
        return [
            {"at": at, "device": d, "user": u, "disabled": bool(x), "by": by}
            for at, d, u, x, by in cursor.fetchall()
        ]

    # -- a device's refused bundles, for its next answer ---------------------------------------

    def keep_refusal(self, device: str, item: dict[str, Any]) -> None:
        """Keep `item` (a refused bundle of `device`: `bundle.RefusedBundle`'s fields) for the
        device's next answer, the newest `REFUSALS_KEPT` (a hub setting, not synced; call inside
        a transaction)."""
        kept = [*self.refusals(device), item][-REFUSALS_KEPT:]
        value = json.dumps(kept, ensure_ascii=False)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [REFUSED + device, value])

    def refusals(self, device: str) -> list[dict[str, Any]]:
        """`device`'s refused bundles kept since its last bundle got through, oldest first."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [REFUSED + device]).fetchone()
        try:
            kept = json.loads(row[0]) if row else []
        except (TypeError, ValueError):
            return []
        return [item for item in kept if isinstance(item, dict)] if isinstance(kept, list) else []

    def forget_refusals(self, device: str) -> None:
        """Forget `device`'s refused bundles (one of its bundles got through, or it was enrolled
        again)."""
        self.db.execute("DELETE FROM meta WHERE key = ?", [REFUSED + device])

    # -- rows that left a device's area ------------------------------------------------------

    def away_rows(self, device: str) -> dict[str, int]:
        """Rows `device` was sent that left its area: row id → the serial of the first answer
        made after they left; once the device confirmed that answer it gets no more of them
        (`hub_away_rows`, migration m0039)."""
        rows = self.db.execute(
            "SELECT row_id, serial FROM hub_away_rows WHERE device = ?", [device]
        ).fetchall()
        return {str(row_id): int(serial) for row_id, serial in rows}

    def set_away_rows(self, device: str, rows: dict[str, int]) -> None:
        """Make `device`'s rows that left its area `rows` (none: forgotten), writing only the
        rows that changed: a move adds its rows, a confirmed answer removes its own, and the
        rest of the county's moves stay as they are (call inside a transaction)."""
        if not rows:
            self.db.execute("DELETE FROM hub_away_rows WHERE device = ?", [device])
            return
        kept = self.away_rows(device)
        self.db.conn.executemany(
            "DELETE FROM hub_away_rows WHERE device = ? AND row_id = ?",
            [(device, row_id) for row_id in sorted(kept.keys() - rows.keys())],
        )
        self.db.conn.executemany(
            "INSERT INTO hub_away_rows VALUES (?, ?, ?) ON CONFLICT(device, row_id) "
            "DO UPDATE SET serial = excluded.serial",
            [(device, r, s) for r, s in sorted(rows.items()) if kept.get(r) != s],
        )

    # -- the hub's own clock (`hub.own_clock`) ---------------------------------------------

    def newest_stamps(self) -> dict[str, int]:
        """The wall-clock part (ms) of the latest stamp the hub ever took from each enrolled
        device (its ledgers since a reset together), by the device's name: the highest it
        kept (`raise_stamps`), or its latest change's where none is kept yet (an origin the
        hub took nothing from since it began keeping them). A device cannot lower it by
        sending a change stamped in the past. Two index probes per origin."""
        rows = self.db.execute(
            "SELECT o.peer, (SELECT c.hlc FROM changes c WHERE c.device_id = o.device_id "
            "ORDER BY c.seq DESC LIMIT 1), (SELECT m.value FROM meta m WHERE m.key = ? || "
            "o.device_id) FROM sync_origins o",
            [HIGHEST],
        ).fetchall()
        newest: dict[str, int] = {}
        for peer, hlc, kept in rows:
            for wall in (str(hlc or "")[:13], str(kept or "")):
                if wall.isascii() and wall.isdigit():
                    newest[str(peer)] = max(newest.get(str(peer), 0), int(wall))
        return newest

    def raise_stamps(self, changes: Iterable[Change]) -> None:
        """Keep, per change-log id, the latest stamp the hub took from it (`HIGHEST`), `changes`
        being the ones an import takes — before they are applied: an id's first keeping starts
        from its latest change's stamp in the log, as the evidence was read before. Never
        lowered: each device's evidence of the time (`hub.own_clock`) is the latest it was ever
        taken at, so colluding devices that step back to a clock that is wrong cannot end the
        hub's doubt of it. One index probe per id the import carries (two its first time),
        a write only when it rises (call inside the import's transaction)."""
        latest: dict[str, str] = {}
        taken = list(changes)
        for change in taken:  # stamps as text: 13 digits of wall time first (`format_stamp`)
            if change.hlc > latest.get(change.device_id, ""):
                latest[change.device_id] = change.hlc
        top: dict[str, int] = {}
        for origin, stamp in latest.items():
            if not _walled(stamp):  # one no clock writes sorted above the rest: read them all
                walls = [int(c.hlc[:13]) for c in taken if c.device_id == origin and _walled(c.hlc)]
                stamp = format_stamp(max(walls), 0) if walls else ""
            if stamp:
                top[origin] = int(stamp[:13])
        for origin, wall in sorted(top.items()):
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", [HIGHEST + origin])
            kept = row.fetchone()
            before = str(kept[0]) if kept else ""
            if kept is None:  # the first keeping: from what the log said before
                last = self.db.execute(
                    "SELECT hlc FROM changes WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
                    [origin],
                ).fetchone()
                before = str(last[0])[:13] if last else ""
            was = int(before) if before.isascii() and before.isdigit() else -1
            if kept is None or wall > was:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [HIGHEST + origin, str(max(wall, was))],
                )

    # -- answer scope -----------------------------------------------------------------------

    def answer_scope(self, peer: str) -> tuple[str, int] | None:
        """(area, serial) of the last answer whose scope was worked out for `peer`."""
        row = self.db.execute(
            "SELECT area_code, serial FROM hub_answer_scope WHERE peer = ?", [peer]
        ).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def set_answer_scope(self, peer: str, area: str, serial: int) -> None:
        """Remember the area an answer's scope was worked out for."""
        self.db.execute(
            "INSERT INTO hub_answer_scope VALUES (?, ?, ?) ON CONFLICT(peer) DO UPDATE SET "
            "area_code = excluded.area_code, serial = excluded.serial",
            [peer, area, serial],
        )

    # -- password resets (m0031) -------------------------------------------------------------

    def record_reset(self, by: str, device: str, user: str, ledger_file: str) -> None:
        """Keep the county's reset of `user`'s password on `device` (call inside a transaction)."""
        self.db.execute(
            "INSERT INTO hub_password_resets (at, by_user, device, user_name, ledger_file) "
            "VALUES (?, ?, ?, ?, ?)",
            [now_text(), by, device, user, ledger_file],
        )

    def resets(self) -> list[dict[str, Any]]:
        """Every password reset the county made, oldest first."""
        cursor = self.db.execute(
            "SELECT at, by_user, device, user_name, ledger_file FROM hub_password_resets "
            "ORDER BY id"
        )
        names = ["at", "by", "device", "user", "ledger_file"]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    # -- who enrolled and revoked each device (m0040) ------------------------------------------

    def record_device_event(
        self,
        device: str,
        event: str,
        role: str,
        area: str | None,
        key_id: str | None,
        by: str,
    ) -> None:
        """Add one event of a device's enrolment (`DEVICE_EVENTS`; call inside the transaction
        of the change it records). Events are only ever added: nothing here changes one."""
        if event not in DEVICE_EVENTS:
            raise ValueError(f"unknown device event {event!r}")
        if not by.strip():
            raise ValueError("a device event needs who did it")
        self.db.execute(
            "INSERT INTO hub_device_events (at, device, event, device_role, area_code, key_id, "
            "by_user) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now_text(), device, event, role, area, key_id, by],
        )

    def synced_since_enrolment(self, device: str) -> bool:
        """Whether the hub imported a bundle of `device` since its enrolment as it stands: the
        first bundle after an enrolment (a new laptop in place of a lost one, its own fresh
        ledger) is the device's first, not a restore of it."""
        return bool(
            self.db.execute(
                "SELECT 1 FROM sync_imports s JOIN sync_peers p ON p.name = s.sender "
                "WHERE s.sender = ? AND (p.enrolled_at IS NULL OR s.imported_at >= p.enrolled_at) "
                "LIMIT 1",
                [device],
            ).fetchall()
        )

    def device_events(self, device: str | None = None) -> list[dict[str, Any]]:
        """A device's events (`DEVICE_EVENTS`; every device's with None), oldest first: `at`,
        `device`, `event`, `role`, `area`, `key_id`, `by`."""
        where, params = ("WHERE device = ?", [device]) if device is not None else ("", [])
        cursor = self.db.execute(
            "SELECT at, device, event, device_role, area_code, key_id, by_user "
            f"FROM hub_device_events {where} ORDER BY id",
            params,
        )
        names = ["at", "device", "event", "role", "area", "key_id", "by"]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _users_kept(value: object) -> dict[str, dict[str, Any]]:
    """A device's users as its `DEVICE_USERS` entry keeps them (`HubLog.device_users`); {}
    when it is unreadable."""
    try:
        kept = json.loads(str(value))
    except (TypeError, ValueError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {str(k): v for k, v in kept.items() if isinstance(v, dict)}


def _named(name: str) -> bool:
    """Whether a device's word names a user as the device's program writes one: printable
    (no line break or terminal escape reaching `hub users`), no "@" (authors are
    ``姓名@设备名``)."""
    return bool(name.strip()) and name.isprintable() and "@" not in name


def _newer(at: str | None, record: dict[str, Any]) -> bool:
    """Whether a device's word of a disabling at `at` is newer than the word `record` keeps
    (`said_at`; any is, when it keeps none): an older or the same word, which the county may
    have decided on since, is not taken again."""
    if not at:
        return False
    return not record.get("said_at") or _after(at, {"at": record["said_at"]})


def _after(at: str | None, asked: object) -> bool:
    """Whether a device's time `at` (of a disabling) is after the `at` of the request `asked`
    (an `enable_asked`): both China time as the device's users table writes them (`now_text`);
    False when either is missing or unreadable."""
    if not at or not isinstance(asked, dict) or not asked.get("at"):
        return False
    return china_iso(at) > china_iso(str(asked["at"]))


def _walled(stamp: str) -> bool:
    """Whether `stamp` starts as `format_stamp` writes it: 13 digits of wall time and a dash."""
    return stamp[:13].isascii() and stamp[:13].isdigit() and stamp[13:14] == "-"
