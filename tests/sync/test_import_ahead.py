"""`Hub.import_files` decodes the next bundle while it merges one — on a second thread, and for a
county's batch in a child process: the same outcome, in the same order of checks, as importing
the files one by one; a child that dies costs time only."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from fieldapp.hub import ahead as read_ahead
from fieldapp.hub.folder import Hub
from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync import bundle, exchange
from fieldapp.sync.bundle import Manifest, seal_bundle
from fieldapp.sync.errors import BundleRefused
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family, keys_of, repack, unpack

OTHER_VILLAGE = "520502101002"


def _bundles(tmp_path: Path, make_device) -> list[tuple[Ledger, Path]]:  # noqa: ANN001
    """Three devices, each with its first bundle."""
    made = []
    for n, (name, area) in enumerate(
        [("甲村", VILLAGE), ("乙村", OTHER_VILLAGE), ("丙村", VILLAGE)]
    ):
        device = make_device(name, area)
        add_family(device, area, [f"{101 + 2 * n:03d}", f"{201 + 2 * n:03d}"], surname="张李王"[n])
        made.append((device, exchange.export_bundle(device, tmp_path / f"{name}.fieldsync").path))
    return made


def _twin(hub: Hub, tmp_path: Path) -> Hub:
    """A copy of the hub folder as it is now (same keys, same enrolments)."""
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    shutil.copytree(hub.root, tmp_path / "twin")
    return Hub.open(tmp_path / "twin")


def _with_bad_line(hub: Hub, device: Ledger, path: Path, out: Path) -> Path:
    """The bundle with one change's stamp spoiled, payload hash fixed and signed again by the
    device itself: only validating the lines can tell."""

    def spoil(lines: list[dict]) -> None:
        lines[0]["hlc"] = "yesterday"

    return _resigned(hub, device, path, out, spoil)


def _resigned(hub: Hub, device: Ledger, path: Path, out: Path, edit) -> Path:  # noqa: ANN001
    """The bundle with its changes edited by `edit` (a list of decoded lines, in place),
    payload hash fixed and signed again by the device itself, as a hostile device would."""
    parts = unpack(path, hub.ledger)
    lines = [json.loads(line) for line in parts["changes.ndjson"].splitlines()]
    edit(lines)
    payload = b"".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        for line in lines
    )
    manifest = json.loads(parts["manifest.json"])
    manifest["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    manifest["payload_bytes"] = len(payload)
    sealed = seal_bundle(
        Manifest.model_validate(manifest),
        payload,
        keys_of(device).sign_secret,
        keys_of(hub.ledger).box_public,
    )
    out.write_bytes(sealed)
    return out


def _counted_decoding(monkeypatch) -> list[str]:  # noqa: ANN001
    """The names of the threads that decode a payload in this process, from now on."""
    decoded: list[str] = []
    real = bundle.decode_payload

    def counting(payload: bytes, columns: dict[str, set[str]]) -> list[Change]:
        decoded.append(threading.current_thread().name)
        return real(payload, columns)

    monkeypatch.setattr(exchange, "decode_payload", counting)
    return decoded


def test_read_ahead_lands_what_one_by_one_lands_decoding_each_bundle_once(
    tmp_path, hub, make_device, monkeypatch
):
    paths = [path for _device, path in _bundles(tmp_path, make_device)]
    twin = _twin(hub, tmp_path)
    try:
        one_by_one = [twin.import_file(path).new_changes for path in paths]
        decoded = _counted_decoding(monkeypatch)
        outcomes = hub.import_files(paths)
        assert [o.error for o in outcomes] == [None, None, None]
        assert [o.result.new_changes for o in outcomes if o.result] == one_by_one
        assert min(one_by_one) > 0
        # Each payload was decoded once, on the read-ahead thread, and the import used that.
        assert len(decoded) == len(paths)
        assert all(name.startswith("unseal") for name in decoded), decoded
        assert canonical_dump(hub.ledger.db) == canonical_dump(twin.ledger.db)
    finally:
        twin.close()


@pytest.mark.parametrize("in_child", [False, True], ids=["thread", "child"])
def test_read_ahead_holds_what_one_by_one_holds(tmp_path, hub, make_device, monkeypatch, in_child):
    """A hostile device moves one of its households to another village and names a person
    of another device's village as a monthly record's owner: the changes held, and why, are
    the same whether the bundles are screened with the work done ahead (on a thread, or the
    second bundle's in a child process) or one by one."""
    if in_child:
        monkeypatch.setattr(read_ahead, "PROCESS_FROM", 2)
        monkeypatch.setattr(read_ahead, "_cores", lambda: 2)
    (first, first_path), (_other, other_path), (third, third_path) = _bundles(tmp_path, make_device)

    def move_out(lines: list[dict]) -> None:
        household = next(line for line in lines if line["tbl"] == "households")
        household["data"]["area_code"] = OTHER_VILLAGE

    def reach_over(lines: list[dict]) -> None:
        person = next(line for line in lines if line["tbl"] == "persons")
        person["data"]["household_id"] = other_household
        reached.append(person["row_id"])

    reached: list[str] = []

    hub.import_file(other_path)  # the other village's people are at the hub first
    other_household = hub.ledger.db.execute(
        "SELECT id FROM households WHERE area_code = ?", [OTHER_VILLAGE]
    ).fetchone()[0]
    files = [
        _resigned(hub, first, first_path, tmp_path / "moved.fieldsync", move_out),
        _resigned(hub, third, third_path, tmp_path / "reached.fieldsync", reach_over),
    ]
    twin = _twin(hub, tmp_path)
    try:
        for path in files:
            twin.import_file(path)
        alone = [(h.device, h.change.id, h.rule, h.reason) for h in twin.rejected()]
        outcomes = hub.import_files(files)
        assert [o.error for o in outcomes] == [None, None]
        ahead = [(h.device, h.change.id, h.rule, h.reason) for h in hub.rejected()]
        assert ahead == alone
        rules = {(device, rule) for device, _id, rule, _why in ahead}
        assert {("甲村", "pull_in"), ("甲村", "no_place"), ("丙村", "pull_in")} <= rules
        assert hub.ledger.get("persons", reached[0]) is None
        assert canonical_dump(hub.ledger.db) == canonical_dump(twin.ledger.db)
    finally:
        twin.close()


def _four_bundles(tmp_path: Path, make_device) -> list[Path]:  # noqa: ANN001
    made = [path for _device, path in _bundles(tmp_path, make_device)]
    fourth = make_device("丁村", OTHER_VILLAGE)
    add_family(fourth, OTHER_VILLAGE, ["301", "302"], surname="赵")
    return [*made, exchange.export_bundle(fourth, tmp_path / "丁村.fieldsync").path]


def test_a_county_batch_is_decoded_in_a_child_process(tmp_path, hub, make_device, monkeypatch):
    """From `PROCESS_FROM` bundles on, all but the first are decoded by a child process: this
    process decodes one payload only, and lands exactly what importing one by one lands."""
    paths = _four_bundles(tmp_path, make_device)
    assert len(paths) >= read_ahead.PROCESS_FROM
    monkeypatch.setattr(read_ahead, "_cores", lambda: 2)
    twin = _twin(hub, tmp_path)
    try:
        one_by_one = [twin.import_file(path).new_changes for path in paths]
        decoded = _counted_decoding(monkeypatch)
        outcomes = hub.import_files(paths)
        assert [o.error for o in outcomes] == [None] * len(paths)
        assert [o.result.new_changes for o in outcomes if o.result] == one_by_one
        assert decoded == ["unseal_0"], decoded  # the first bundle, while the child starts
        assert canonical_dump(hub.ledger.db) == canonical_dump(twin.ledger.db)
        # People's search words, worked out by the child, are the ones worked out here.
        words = "SELECT id, search_words FROM persons ORDER BY id"
        assert hub.ledger.db.execute(words).fetchall() == twin.ledger.db.execute(words).fetchall()
    finally:
        twin.close()


def _die(payload: bytes, manifest: Manifest, columns: dict[str, set[str]], hub: bool) -> None:
    """In place of the child's decoding: the child dies (as when the machine runs out of
    memory and the system ends it)."""
    os._exit(3)


def test_one_core_decodes_on_the_thread(tmp_path, hub, make_device, monkeypatch):
    """A process allowed one core starts no child (it would take turns with the merge)."""
    paths = _four_bundles(tmp_path, make_device)
    monkeypatch.setattr(read_ahead, "_cores", lambda: 1)
    decoded = _counted_decoding(monkeypatch)
    outcomes = hub.import_files(paths)
    assert [o.error for o in outcomes] == [None] * len(paths)
    assert decoded == ["unseal_0"] * len(paths), decoded


def test_a_child_that_cannot_start_costs_time_only(tmp_path, hub, make_device, monkeypatch, caplog):
    """No child where the system refuses one (e.g. no shared memory for its locks): every
    bundle is decoded on the reading thread, and a warning says why."""
    paths = _four_bundles(tmp_path, make_device)
    monkeypatch.setattr(read_ahead, "_cores", lambda: 2)

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(read_ahead, "ProcessPoolExecutor", refused)
    decoded = _counted_decoding(monkeypatch)
    outcomes = hub.import_files(paths)
    assert [o.error for o in outcomes] == [None] * len(paths)
    assert decoded == ["unseal_0"] * len(paths), decoded
    assert "后台进程未能启动" in caplog.text


def test_a_child_that_dies_costs_time_only(tmp_path, hub, make_device, monkeypatch, caplog):
    paths = _four_bundles(tmp_path, make_device)
    monkeypatch.setattr(read_ahead, "_cores", lambda: 2)
    twin = _twin(hub, tmp_path)
    try:
        one_by_one = [twin.import_file(path).new_changes for path in paths]
        monkeypatch.setattr(read_ahead, "_decode_in_child", _die)
        decoded = _counted_decoding(monkeypatch)
        outcomes = hub.import_files(paths)
        assert [o.error for o in outcomes] == [None] * len(paths)
        assert [o.result.new_changes for o in outcomes if o.result] == one_by_one
        # Each payload the child did not decode was decoded here, once, still ahead.
        assert len(decoded) == len(paths)
        assert all(name.startswith("unseal") for name in decoded), decoded
        assert "后台进程出错" in caplog.text
        assert canonical_dump(hub.ledger.db) == canonical_dump(twin.ledger.db)
    finally:
        twin.close()


def test_refusals_keep_their_order_of_checks_when_read_ahead(
    tmp_path, hub, make_device, monkeypatch
):
    """Five files (all but the first decoded by the child): each refused with the code and the
    words an import one by one gives."""
    monkeypatch.setattr(read_ahead, "_cores", lambda: 2)
    (_a, good), (other_device, other), (third_device, third) = _bundles(tmp_path, make_device)
    parts = unpack(other, hub.ledger)
    parts["changes.ndjson"] = parts["changes.ndjson"].replace(b'"seq":1,', b'"seq":99,', 1)
    swapped = repack(parts, hub.ledger, other, tmp_path / "swapped.fieldsync")
    invalid = _with_bad_line(hub, other_device, other, tmp_path / "invalid.fieldsync")
    # Read ahead, this one's bad line is met first; its import must still say what an import
    # without read-ahead says: the device was revoked (the sender is checked before the lines).
    revoked = _with_bad_line(hub, third_device, third, tmp_path / "revoked.fieldsync")
    hub.revoke("丙村", by="县里的科员")
    junk = tmp_path / "junk.fieldsync"
    junk.write_bytes(b"not a bundle")
    files = [good, swapped, invalid, revoked, junk]
    twin = _twin(hub, tmp_path)
    try:
        alone, said = [], []
        for path in files:
            try:
                twin.import_file(path)
                alone.append(None)
            except BundleRefused as refused:
                alone.append(refused.code)
                said.append(str(refused))
    finally:
        twin.close()
    outcomes = hub.import_files(files)
    assert (
        [o.code for o in outcomes]
        == alone
        == [
            None,
            "tampered",
            "invalid",
            "revoked",
            "not_bundle",
        ]
    )
    assert [o.error for o in outcomes[1:]] == said
    assert outcomes[0].result is not None and outcomes[0].result.new_changes > 0
    assert all(Path(o.quarantined or "").exists() for o in outcomes[1:])


def test_the_common_case_cleared_in_bulk_is_judged_as_change_by_change(tmp_path):
    """A village's first bundle of a demo ledger (households, people, spells, statuses,
    services, visits, claims …), then hostile bundles signed by hand (a household moved to
    another village, a person put into another village's household, a new monthly record of
    a person of that village): the screen that clears the common case in bulk accepts and
    holds exactly what judging every change in full does, and clears most of a first bundle."""
    from fieldapp.demo.generator import build_demo
    from fieldapp.sync.enrolment import enrol
    from tests.sync.hostile import both_ways_judged

    hub = Hub.init(tmp_path / "hub", training=True)  # a hub that takes demo ledgers
    devices = {}
    for name, area, seed in (("甲村", VILLAGE, 1), ("乙村", OTHER_VILLAGE, 2)):
        device = Ledger.open(tmp_path / f"{name}.db", author=f"{name}员")
        build_demo(device, 40, seed=seed, area=area)
        hub.enroll(name, area, tmp_path / f"{name}.json", code=ENROL_CODE, by="县里的科员")
        enrol(device, tmp_path / f"{name}.json", code=ENROL_CODE)
        devices[name] = device
    try:
        other = exchange.export_bundle(devices["乙村"], tmp_path / "乙村.fieldsync").path
        with both_ways_judged() as cleared:
            hub.import_file(other)
        total = hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
        assert cleared[0] > total * 0.8, (cleared, total)
        other_household, other_person = hub.ledger.db.execute(
            "SELECT h.id, p.id FROM households h JOIN persons p ON p.household_id = h.id "
            "WHERE h.area_code LIKE ? || '%' LIMIT 1",
            [OTHER_VILLAGE],
        ).fetchone()
        first = exchange.export_bundle(devices["甲村"], tmp_path / "甲村.fieldsync").path

        def hostile(lines: list[dict]) -> None:
            household = next(line for line in lines if line["tbl"] == "households")
            household["data"]["area_code"] = OTHER_VILLAGE
            person = next(line for line in lines if line["tbl"] == "persons")
            person["data"]["household_id"] = other_household
            status = next(line for line in lines if line["tbl"] == "monthly_status")
            status["data"]["person_id"] = other_person

        forged = _resigned(hub, devices["甲村"], first, tmp_path / "forged.fieldsync", hostile)
        with both_ways_judged() as cleared:
            result = hub.import_file(forged)
        assert result.held >= 3 and cleared[0] > result.new_changes * 0.5, (cleared, result)
        rules = {h.rule for h in hub.rejected()}
        assert {"pull_in", "link_scope"} & rules, rules
    finally:
        for device in devices.values():
            device.close()
        hub.close()
