"""SQL of the local sync bookkeeping (migration m0003): identity, peers, acks, imports.

The sync and hub packages call these methods inside the ledger's transactions; nothing here
touches the synced tables, which change only through the change log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldapp.domain.dates import now_stamp
from fieldapp.domain.roles import DEFAULT_ROLE, Role


def now_text() -> str:
    """Now as the sync and hub bookkeeping keeps it (not for merging): China time with its
    offset, `dates.now_stamp` — one form for every row, so the stores' comparisons of stored
    times as text (an exchange since enrolment) hold whatever zone the computer keeps or was
    moved to; rows written before ledger version 35 were rewritten to it (m0035). People see
    these times through `dates.china_minute`."""
    return now_stamp()


@dataclass(frozen=True)
class Identity:
    """This ledger's own sync identity and secret keys."""

    role: str
    name: str
    area_code: str | None
    sign_secret: bytes
    box_secret: bytes
    created_at: str
    #: The role the hub gave this device in its signed enrolment (`Role.HUB` on a hub).
    device_role: Role = DEFAULT_ROLE


@dataclass(frozen=True)
class Peer:
    """A known other side: the pinned hub of a device, or an enrolled device of a hub."""

    name: str
    role: str
    area_code: str | None
    sign_public: bytes
    box_public: bytes
    key_id: str
    enrolled_at: str
    revoked_at: str | None
    serial_in: int
    serial_out: int
    acked_out: int
    #: At the hub: the role given in the device's enrolment (migration m0006).
    device_role: Role = DEFAULT_ROLE
    #: At the hub: the change-log device id the device writes under now (its incarnation).
    origin: str | None = None


PEER_COLUMNS = (
    "name, role, area_code, sign_public, box_public, key_id, enrolled_at, revoked_at, "
    "serial_in, serial_out, acked_out, device_role, origin"
)


def _peer(row: Any) -> Peer:
    values = list(row)
    values[11] = Role.parse(values[11], DEFAULT_ROLE)
    return Peer(*values)


class SyncState:
    """Reads and writes of the sync bookkeeping tables of one ledger database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- identity ---------------------------------------------------------------------------

    def identity(self) -> Identity | None:
        """This ledger's identity, or None when it was never enrolled / initialised."""
        row = self.db.execute(
            "SELECT role, name, area_code, sign_secret, box_secret, created_at, device_role "
            "FROM sync_identity WHERE key = 'self'"
        ).fetchone()
        if row is None:
            return None
        role, name, area_code, sign_secret, box_secret, created_at, device_role = row
        return Identity(
            role,
            name,
            area_code,
            sign_secret,
            box_secret,
            created_at,
            Role.parse(device_role, DEFAULT_ROLE),
        )

    def set_identity(self, identity: Identity) -> None:
        """Store (or replace) this ledger's identity."""
        self.db.execute(
            "INSERT OR REPLACE INTO sync_identity (key, role, name, area_code, sign_secret, "
            "box_secret, created_at, device_role) VALUES ('self', ?, ?, ?, ?, ?, ?, ?)",
            [
                identity.role,
                identity.name,
                identity.area_code,
                identity.sign_secret,
                identity.box_secret,
                identity.created_at,
                str(identity.device_role),
            ],
        )

    # -- peers ------------------------------------------------------------------------------

    def peers(self, role: str | None = None) -> list[Peer]:
        """Known peers (optionally of one role), by name."""
        where, params = ("WHERE role = ?", [role]) if role else ("", [])
        rows = self.db.execute(
            f"SELECT {PEER_COLUMNS} FROM sync_peers {where} ORDER BY name", params
        ).fetchall()
        return [_peer(r) for r in rows]

    def hub_box_public(self) -> bytes | None:
        """The pinned hub's public box key (a device's ledger after enrolment), else None."""
        row = self.db.execute(
            "SELECT box_public FROM sync_peers WHERE role = 'hub' ORDER BY name LIMIT 1"
        ).fetchone()
        return bytes(row[0]) if row else None

    def peer(self, name: str) -> Peer | None:
        """One peer by name."""
        row = self.db.execute(
            f"SELECT {PEER_COLUMNS} FROM sync_peers WHERE name = ?", [name]
        ).fetchone()
        return _peer(row) if row else None

    def peer_by_key(self, key_id: str) -> Peer | None:
        """The peer whose signing key has this id."""
        row = self.db.execute(
            f"SELECT {PEER_COLUMNS} FROM sync_peers WHERE key_id = ?", [key_id]
        ).fetchone()
        return _peer(row) if row else None

    def add_peer(
        self,
        name: str,
        role: str,
        area_code: str | None,
        sign_public: bytes,
        box_public: bytes,
        key_id: str,
        device_role: Role = DEFAULT_ROLE,
    ) -> None:
        """Record a new peer (or re-enrol one: new keys, role and area, counters kept,
        revocation lifted)."""
        self.db.execute(
            "INSERT INTO sync_peers (name, role, area_code, sign_public, box_public, key_id, "
            "enrolled_at, device_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET role=excluded.role, area_code=excluded.area_code, "
            "sign_public=excluded.sign_public, box_public=excluded.box_public, "
            "key_id=excluded.key_id, enrolled_at=excluded.enrolled_at, revoked_at=NULL, "
            "device_role=excluded.device_role",
            [name, role, area_code, sign_public, box_public, key_id, now_text(), str(device_role)],
        )

    def remove_peers(self, role: str) -> None:
        """Forget every peer of a role (a device re-enrolled with another hub)."""
        self.db.execute("DELETE FROM sync_peers WHERE role = ?", [role])

    def revoke(self, name: str) -> None:
        """Mark a peer's keys revoked from now on."""
        self.db.execute(
            "UPDATE sync_peers SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
            [now_text(), name],
        )

    def set_counters(self, name: str, **values: int) -> None:
        """Update serial_in / serial_out / acked_out of a peer."""
        allowed = {"serial_in", "serial_out", "acked_out"}
        if not set(values) <= allowed:
            raise KeyError(sorted(set(values) - allowed))
        assignments = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(
            f"UPDATE sync_peers SET {assignments} WHERE name = ?", [*values.values(), name]
        )

    def set_origin(self, name: str, origin: str) -> None:
        """Hub: the change-log id a device writes under from now on (a new incarnation)."""
        self.db.execute("UPDATE sync_peers SET origin = ? WHERE name = ?", [origin, name])

    def forget_sent(self, name: str) -> None:
        """Hub: forget what a device was sent, so its next answer is worked out afresh and
        complete (a restored device, or one whose area or role the county changed), and with
        it the rows it was sent that left its area (`HubLog.away_rows`): kept alone, they
        would name answers whose vectors are gone."""
        self.db.execute("DELETE FROM sync_sent_rows WHERE peer = ?", [name])
        self.db.execute("DELETE FROM sync_issued WHERE peer = ?", [name])
        self.db.execute("DELETE FROM hub_away_rows WHERE device = ?", [name])

    # -- version vectors --------------------------------------------------------------------

    def acks(self, peer: str) -> dict[str, int]:
        """What `peer` is known to hold: origin device id → highest seq."""
        rows = self.db.execute(
            "SELECT device_id, seq FROM sync_acks WHERE peer = ?", [peer]
        ).fetchall()
        return {d: int(s) for d, s in rows}

    def raise_acks(self, peer: str, vector: dict[str, int]) -> None:
        """Merge a vector into what `peer` is known to hold (never lowering an entry)."""
        self.db.conn.executemany(
            "INSERT INTO sync_acks VALUES (?, ?, ?) ON CONFLICT(peer, device_id) "
            "DO UPDATE SET seq = max(seq, excluded.seq)",
            [(peer, d, int(s)) for d, s in vector.items()],
        )

    # -- hub: origins, issued bundles, rows sent ---------------------------------------------

    def origin_owner(self, device_id: str) -> str | None:
        """The enrolled device that writes under this change-log device id."""
        row = self.db.execute(
            "SELECT peer FROM sync_origins WHERE device_id = ?", [device_id]
        ).fetchone()
        return row[0] if row else None

    def bound_at(self, device_id: str) -> str | None:
        """When the hub bound this change-log device id to its device (`now_stamp` text)."""
        row = self.db.execute(
            "SELECT bound_at FROM sync_origins WHERE device_id = ?", [device_id]
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def bind_origin(self, device_id: str, peer: str) -> None:
        """Record that `peer` writes under `device_id`."""
        self.db.execute(
            "INSERT OR REPLACE INTO sync_origins VALUES (?, ?, ?)", [device_id, peer, now_text()]
        )

    def origins_of(self, peer: str) -> list[str]:
        """Change-log device ids of an enrolled device."""
        rows = self.db.execute("SELECT device_id FROM sync_origins WHERE peer = ?", [peer])
        return [r[0] for r in rows.fetchall()]

    def origin_names(self) -> dict[str, str]:
        """Every bound change-log device id → device name."""
        return dict(self.db.execute("SELECT device_id, peer FROM sync_origins").fetchall())

    def record_issued(self, peer: str, serial: int, vector: dict[str, int], changes: int) -> None:
        """Remember a bundle issued to a device and the hub's vector when it was made."""
        self.db.execute(
            "INSERT OR REPLACE INTO sync_issued VALUES (?, ?, ?, ?, ?)",
            [peer, serial, json.dumps(vector, sort_keys=True), now_text(), changes],
        )

    def issued_vector(self, peer: str, serial: int) -> dict[str, int]:
        """The hub's vector when bundle `serial` was issued to `peer` (empty if none)."""
        row = self.db.execute(
            "SELECT vector FROM sync_issued WHERE peer = ? AND serial = ?", [peer, serial]
        ).fetchone()
        return {k: int(v) for k, v in json.loads(row[0]).items()} if row else {}

    def first_issued_vector(self, peer: str) -> dict[str, int]:
        """The hub's vector at the oldest bundle it still remembers issuing to `peer` (empty if
        none): for a device that confirmed none, every row it was sent was in its area then."""
        row = self.db.execute(
            "SELECT vector FROM sync_issued WHERE peer = ? ORDER BY serial LIMIT 1", [peer]
        ).fetchone()
        return {k: int(v) for k, v in json.loads(row[0]).items()} if row else {}

    def answered_floor(self) -> dict[str, int] | None:
        """Hub: per origin, how far every device in service that was sent rows has its answers
        reckoned from (`Hub.plan_answer`'s `since`: its confirmed answer's vector, else its
        first answer's) — the least over them. A row that leaves a device's area leaves it by a
        change past that; the order the hub took changes at or below it in never decides a cut
        (`store.arrivals.prune`). None when a device in service was sent rows and no vector is
        left to reckon from (nothing may be forgotten then).

        A revoked device counts no more: `hub revoke` is how the county gives a laptop up (lost,
        stolen, retired), and one never found again held every note since for ever. One that
        is found and enrolled again under its name comes back with what it was sent; if the
        notes its answers were reckoned from were forgotten meanwhile (`passed_over`), its next
        answer is complete, as a restored device's."""
        vectors: list[dict[str, int]] = []
        for _, revoked, vector, sent in self._reckoned():
            if revoked:
                continue
            if vector is None:
                if sent:
                    return None
                continue  # sent nothing yet: its answers start past all there is now
            vectors.append(vector)
        if not vectors:
            return {}
        origins = set().union(*vectors)
        return {o: min(v.get(o, 0) for v in vectors) for o in origins}

    def passed_over(self, floor: dict[str, int]) -> list[str]:
        """Hub: the revoked devices whose answers are reckoned from below `floor` (or were sent
        rows and have no vector left): forgetting the notes below it, the hub forgets what it
        sent them too (`forget_sent`), so one enrolled again gets a complete answer."""
        passed: list[str] = []
        for name, revoked, vector, sent in self._reckoned():
            if not revoked or (vector is None and not sent):
                continue
            if vector is None or any(vector.get(o, 0) < upto for o, upto in floor.items()):
                passed.append(name)
        return passed

    def _reckoned(self) -> list[tuple[str, bool, dict[str, int] | None, bool]]:
        """Per device: its name, whether revoked, the vector its answers are reckoned from
        (None: none left) and whether it was sent rows. One read."""
        rows = self.db.execute(
            "SELECT p.name, p.revoked_at IS NOT NULL, "
            "(SELECT i.vector FROM sync_issued i WHERE i.peer = p.name "
            " AND i.serial = p.acked_out), "
            "(SELECT i.vector FROM sync_issued i WHERE i.peer = p.name "
            " ORDER BY i.serial LIMIT 1), "
            "EXISTS (SELECT 1 FROM sync_sent_rows s WHERE s.peer = p.name) "
            "FROM sync_peers p WHERE p.role = 'device'"
        ).fetchall()
        reckoned: list[tuple[str, bool, dict[str, int] | None, bool]] = []
        for name, revoked, confirmed, first, sent in rows:
            text = confirmed or first
            vector = {k: int(v) for k, v in json.loads(text).items()} if text else None
            reckoned.append((str(name), bool(revoked), vector, bool(sent)))
        return reckoned

    def forget_issued_before(self, peer: str, serial: int) -> None:
        """Drop vectors of bundles older than the one the device confirmed."""
        self.db.execute("DELETE FROM sync_issued WHERE peer = ? AND serial < ?", [peer, serial])

    def mark_rows_sent(self, peer: str, row_ids: Iterable[str], serial: int) -> None:
        """Rows included in full in bundle `serial` (the first time only)."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO sync_sent_rows VALUES (?, ?, ?)",
            [(peer, r, serial) for r in row_ids],
        )

    def mark_rows_resent(self, peer: str, row_ids: Iterable[str], serial: int) -> None:
        """Rows sent again in full in bundle `serial` (back in the device's area after it
        stopped hearing of them): until it confirms this bundle, each answer sends them whole."""
        self.db.conn.executemany(
            "UPDATE sync_sent_rows SET first_serial = ? WHERE peer = ? AND row_id = ?",
            [(serial, peer, r) for r in row_ids],
        )

    def forget_rows_sent(self, peer: str, row_ids: Iterable[str]) -> None:
        """Rows the device stopped hearing of (they left its area and it confirmed the answer
        that told it): kept no longer, as if never sent — back in its area, each is sent whole
        again as a row it never had (`fieldapp.store.answers`)."""
        self.db.conn.executemany(
            "DELETE FROM sync_sent_rows WHERE peer = ? AND row_id = ?",
            [(peer, r) for r in row_ids],
        )

    # -- imports and quarantine -------------------------------------------------------------

    def was_imported(self, bundle_id: str) -> bool:
        """True when this bundle was imported before."""
        row = self.db.execute(
            "SELECT 1 FROM sync_imports WHERE bundle_id = ?", [bundle_id]
        ).fetchone()
        return row is not None

    def record_import(
        self, bundle_id: str, sender: str, serial: int, changes: int, new: int, sha256: str
    ) -> None:
        """Log a successful import (inside its transaction)."""
        self.db.execute(
            "INSERT INTO sync_imports VALUES (?, ?, ?, ?, ?, ?, ?)",
            [bundle_id, sender, serial, now_text(), changes, new, sha256],
        )

    def imports(self, limit: int = 50) -> list[dict[str, Any]]:
        """The latest imports, newest first."""
        cursor = self.db.execute(
            "SELECT * FROM sync_imports ORDER BY imported_at DESC, rowid DESC LIMIT ?", [limit]
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def record_quarantine(self, file: str, code: str, reason: str) -> None:
        """Log a refused bundle (its own small transaction, after the import rolled back)."""
        self.db.execute(
            "INSERT INTO sync_quarantine (at, file, code, reason) VALUES (?, ?, ?, ?)",
            [now_text(), file, code, reason],
        )

    def quarantined(self, limit: int = 50) -> list[dict[str, Any]]:
        """The latest refused bundles, newest first."""
        cursor = self.db.execute(
            "SELECT at, file, code, reason FROM sync_quarantine ORDER BY id DESC LIMIT ?", [limit]
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
