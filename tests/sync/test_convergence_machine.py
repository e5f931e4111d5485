"""Hypothesis state machine: 3 devices and a hub edit, delete, resolve and exchange bundles that
are shuffled, duplicated and dropped; after one full exchange every replica is identical (log,
rows, conflicts) and holds every change ever made."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from fieldapp.hub.folder import Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import list_conflicts, resolve
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import AlreadyImported, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family

DEVICES = 3
RUNS = {
    "schedules": 0,
    "edits": 0,
    "bundles": 0,
    "imported_twice": 0,
    "replays_refused": 0,
    "conflicts_resolved": 0,
    "conflicts_at_end": 0,
}

device_index = st.integers(0, DEVICES - 1)
pick = st.integers(0, 1000)


class SyncMachine(RuleBasedStateMachine):
    """Devices and a hub on real files; bundles travel (or not) in any order."""

    def __init__(self) -> None:
        super().__init__()
        RUNS["schedules"] += 1
        self.root = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.hub = Hub.init(self.root / "hub")
        self.devices: list[Ledger] = []
        for i in range(DEVICES):
            ledger = Ledger.open(self.root / f"d{i}" / "ledger.db", author=f"员{i}")
            self.hub.enroll(f"设备{i}", VILLAGE, self.root / f"d{i}.json")
            enrol(ledger, self.root / f"d{i}.json")
            self.devices.append(ledger)
        self.to_hub: list[Path] = []
        self.to_device: list[list[Path]] = [[] for _ in range(DEVICES)]
        self.counter = 0

    def _name(self, d: int) -> str:
        return f"设备{d}"

    def _file(self, label: str) -> Path:
        self.counter += 1
        return self.root / "sticks" / f"{self.counter:04d}-{label}.fieldsync"

    def _people(self, d: int) -> list[str]:
        rows = self.devices[d].db.execute("SELECT id FROM persons ORDER BY id").fetchall()
        return [r[0] for r in rows]

    @initialize(d=device_index)
    def seed(self, d: int) -> None:
        """A shared starting point: one family, known to every device."""
        self.counter += 1
        add_family(self.devices[d], VILLAGE, [f"{self.counter * 2 + 1:03d}", "999"])
        for device in (d, *range(DEVICES)):
            self.round_trip(device)

    @rule(d=device_index)
    def add_person(self, d: int) -> None:
        self.counter += 1
        add_family(self.devices[d], VILLAGE, [f"{(self.counter * 2 + 1) % 1000:03d}"], "李")
        RUNS["edits"] += 1

    @rule(
        d=device_index,
        p=pick,
        field=st.sampled_from(["phone", "phone", "notes", "name", "graduation_year"]),
        value=st.sampled_from(["甲", "乙", "丙", ""]),
    )
    def edit(self, d: int, p: int, field: str, value: str) -> None:
        people = self._people(d)
        if not people:
            return
        new = (2000 + len(value) + d) if field == "graduation_year" else value + str(d)
        if field == "name" and not value:
            new = f"名{d}"
        # Mostly the two shared people, so that devices often edit the same field concurrently.
        target = people[p % 2] if p % 4 else people[p % len(people)]
        self.devices[d].update("persons", target, {field: new})
        RUNS["edits"] += 1

    @rule(d=device_index, e=device_index, p=pick, field=st.sampled_from(["phone", "notes"]))
    def both_edit_the_same_field(self, d: int, e: int, p: int, field: str) -> None:
        """Two devices change one field of a shared person while offline."""
        self.edit(d, p * 4 + 1, field, "甲")
        self.edit(e, p * 4 + 1, field, "乙")

    @rule(d=device_index, p=pick, dead=st.booleans())
    def delete_or_undelete(self, d: int, p: int, dead: bool) -> None:
        people = self._people(d)
        if people:
            ledger = self.devices[d]
            (ledger.delete if dead else ledger.undelete)("persons", people[p % len(people)])
            RUNS["edits"] += 1

    @rule(d=device_index, p=pick, new_value=st.booleans())
    def resolve_a_conflict(self, d: int, p: int, new_value: bool) -> None:
        conflicts = list_conflicts(self.devices[d])
        if not conflicts:
            return
        conflict = conflicts[p % len(conflicts)]
        if new_value and conflict.field in {"phone", "notes"}:
            resolve(self.devices[d], conflict.conflict_id, value=f"定{d}")
        else:
            keep = conflict.values[p % len(conflict.values)].value_id
            resolve(self.devices[d], conflict.conflict_id, keep=keep)
        RUNS["conflicts_resolved"] += 1

    @rule(d=device_index)
    def device_exports(self, d: int) -> None:
        self.to_hub.append(export_bundle(self.devices[d], self._file(f"up{d}")).path)

    @rule(d=device_index)
    def round_trip(self, d: int) -> None:
        """A device pushes and takes the answer at once (as `sync push` does)."""
        self.hub.import_file(export_bundle(self.devices[d], self._file(f"rt{d}")).path)
        path = self.hub.export_for(self._name(d), self._file(f"rt-back{d}")).path
        import_bundle(self.devices[d], path)
        RUNS["bundles"] += 2

    @rule(d=device_index)
    def hub_exports(self, d: int) -> None:
        path = self.hub.export_for(self._name(d), self._file(f"down{d}")).path
        self.to_device[d].append(path)

    @rule(i=pick, keep=st.booleans())
    def hub_imports_some_bundle(self, i: int, keep: bool) -> None:
        if not self.to_hub:
            return
        path = self.to_hub[i % len(self.to_hub)]  # any order; kept ones may come again
        if not keep:
            self.to_hub.remove(path)
        self._import(lambda: self.hub.import_file(path))

    @rule(d=device_index, i=pick, keep=st.booleans())
    def device_imports_some_bundle(self, d: int, i: int, keep: bool) -> None:
        waiting = self.to_device[d]
        if not waiting:
            return
        path = waiting[i % len(waiting)]
        if not keep:
            waiting.remove(path)
        self._import(lambda: import_bundle(self.devices[d], path))

    @rule(i=pick, d=st.integers(-1, DEVICES - 1))
    def a_stick_is_lost(self, i: int, d: int) -> None:
        waiting = self.to_hub if d < 0 else self.to_device[d]
        if waiting:
            waiting.pop(i % len(waiting))

    def _import(self, action) -> None:  # noqa: ANN001
        try:
            action()
            RUNS["bundles"] += 1
        except AlreadyImported:
            RUNS["imported_twice"] += 1
        except BundleRefused as refused:
            assert refused.code == "replay", str(refused)  # the only refusal honest sticks cause
            RUNS["replays_refused"] += 1

    def teardown(self) -> None:
        try:
            self._full_exchange_and_compare()
        finally:
            for ledger in self.devices:
                ledger.close()
            self.hub.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _full_exchange(self) -> list[dict]:
        for d, ledger in enumerate(self.devices):
            self.hub.import_file(export_bundle(ledger, self._file(f"final-up{d}")).path)
        for d, ledger in enumerate(self.devices):
            import_bundle(ledger, self.hub.export_for(self._name(d), self._file(f"fin{d}")).path)
        dumps = [canonical_dump(ledger.db) for ledger in (*self.devices, self.hub.ledger)]
        for other in dumps[1:]:
            assert other == dumps[0]
        return dumps

    def _full_exchange_and_compare(self) -> None:
        every_change = set()
        for ledger in (*self.devices, self.hub.ledger):
            every_change |= set(canonical_dump(ledger.db)["changes"])
        dumps = self._full_exchange()
        assert set(dumps[0]["changes"]) == every_change  # nothing lost, nothing invented
        RUNS["conflicts_at_end"] += len(dumps[0]["conflicts"])
        # Someone reviews every conflict on one device; the resolutions reach everyone.
        reviewer = self.devices[self.counter % DEVICES]
        for n, conflict in enumerate(list_conflicts(reviewer)):
            if n % 2 and conflict.field in {"phone", "notes"}:
                resolve(reviewer, conflict.conflict_id, value="复核值")
            else:
                resolve(reviewer, conflict.conflict_id, keep=conflict.values[0].value_id)
            RUNS["conflicts_resolved"] += 1
        assert self._full_exchange()[0]["conflicts"] == []


SyncMachine.TestCase.settings = settings(
    max_examples=160,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# 160 schedules of fsynced bundle writes: minutes on a busy 2-core machine (raise the default).
TestSyncConvergence = pytest.mark.timeout(900)(SyncMachine.TestCase)


def teardown_module() -> None:
    """Say how many schedules ran (pytest -s shows it)."""
    print(f"\nsync state machine: {RUNS}")
