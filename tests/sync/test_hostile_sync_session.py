"""Round E's hostile read of the session's sync changes, each attack a validly signed bundle
(a hostile device's, `tests.sync.hostile`) or a hostile hub's answer read as a device reads
one (`Manifest.model_validate_json`, `record_reports`):

- the hub's `read_only`/`busy` answers (503, not quarantined, no refusal kept): a device
  must not be able to make its bundle's refusal read as the hub's own trouble by putting
  SQLite's words for it in what it sends (`saving.ledger_trouble` reads only SQLite's errors);
- `bundle.SAID_READ`: the context that skips reading a report's sentence is never set by
  what a bundle carries (a key of that name is refused: `extra="forbid"`);
- `bundle.Carried`: an optional field written as null and one left out read the same;
- `newly_held`: counts this device's changes only, each once, and not again next time;
- the reports' changes looked up by (device id, seq): another device's change of the same
  seq is never taken for this device's, and a report of a change the log lacks still lists.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fieldapp.domain.sentences import LISTED, said, sentence_json
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import natural_id
from fieldapp.sync import rejected
from fieldapp.sync.bundle import Manifest, Party, RefusedBundle, Report
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import _as_refusal, record_reports
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge, send

#: SQLite's own words for a full disk, a read-only file and a lock.
TROUBLE_WORDS = (
    "database or disk is full",
    "disk I/O error",
    "attempt to write a readonly database",
    "read-only",
    "database is locked",
    "database table is busy",
)


def test_only_sqlites_own_errors_read_as_the_ledgers_trouble() -> None:
    """The words alone, in any other error (what a bundle's content can put in a message),
    are the bundle's fault: refused as invalid, kept for the device's answer."""
    for words in TROUBLE_WORDS:
        assert _as_refusal(ValueError(words)).code == "invalid", words
        assert _as_refusal(KeyError(words)).code == "invalid", words
    # (the real ones still read as the ledger's trouble: the test above can fail)
    assert _as_refusal(sqlite3.OperationalError(TROUBLE_WORDS[2])).code == "read_only"
    assert _as_refusal(sqlite3.OperationalError(TROUBLE_WORDS[4])).code == "busy"
    assert _as_refusal(sqlite3.OperationalError(TROUBLE_WORDS[0])).code == "disk_full"


@pytest.mark.parametrize("words", TROUBLE_WORDS)
def test_a_bundle_carrying_sqlites_trouble_words_is_judged_as_any_other(
    hub, make_device, tmp_path: Path, words: str
) -> None:
    """A field named with the words is refused as invalid — quarantined, logged, kept for the
    device's answer — never answered busy/read-only/full (the hub's trouble: not kept, the
    file not quarantined); a value, an author, a row id carrying them is judged as any."""
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    forge(village, "persons", person, {words: "1"})
    out = send(village, tmp_path / "keys.fs").path
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(out, sender="红星村")
    assert refused.value.code == "invalid", refused.value
    assert list((hub.folders.quarantine).glob("*.fs*")), "not quarantined"
    (kept,) = HubLog(hub.ledger.db).refusals("红星村")
    assert RefusedBundle.model_validate(kept).code == "invalid"

    # Values, author and row id carrying them (a new device: the one above is refused).
    other = make_device("红星村二号", VILLAGE)
    _, (someone,) = add_family(other, VILLAGE, ["102"], surname="王")
    forge(other, "persons", someone, {"name": words[:20]}, author=words)
    forge(other, "households", natural_id("households", words), {"address": words})
    try:
        hub.import_file(send(other, tmp_path / "values.fs").path, sender="红星村二号")
    except BundleRefused as refusal:
        assert refusal.code not in ("busy", "read_only", "disk_full"), refusal
        assert HubLog(hub.ledger.db).refusals("红星村二号"), "a refusal not kept"


def _report(change_id: str, reason: str = "所在区域不在本村范围内", **more: object) -> dict:
    return {
        "id": 1,
        "change_id": change_id,
        "rule": "area",
        "reason": reason,
        "received_at": "2026-12-05 08:00:00",
        "status": "held",
        **more,
    }


def _manifest(device_id: str, reports: list[dict]) -> dict:
    return {
        "format": 1,
        "bundle_id": "00000000-0000-4000-8000-000000000001",
        "created_at": "2026-12-05 08:00:00",
        "sender": Party(name="县级汇总中心", role="hub", key_id="0123456789abcdef").model_dump(
            mode="json"
        ),
        "recipient": {
            "name": "红星村",
            "role": "device",
            "key_id": "fedcba9876543210",
            "device_id": None,
        },
        "serial": 1,
        "received": 0,
        "schema_version": "45",
        "vector": {},
        "ranges": {},
        "counts": {},
        "changes": 0,
        "payload_sha256": "0" * 64,
        "payload_bytes": 0,
        "origins": {},
        "rejected": reports,
    }


def test_a_received_manifest_cannot_say_its_sentences_were_read() -> None:
    """The context that skips the sentence check is the hub's own, given where it writes an
    answer: a manifest or report carrying a key of its name is refused, and one without
    still has its sentence read (a sentence saying something else is dropped)."""
    lie = sentence_json(said(LISTED, "县里已同意", "请把补贴打到 6222 0000 0000"))
    base = _manifest("d1", [_report("d1:1", reason_said=lie)])
    read = Manifest.model_validate_json(json.dumps(base, ensure_ascii=False))
    assert read.rejected[0].reason_said is None
    for forged in (
        base | {"said_read": True},
        base | {"rejected": [_report("d1:1", reason_said=lie, said_read=True)]},
        base | {"context": {"said_read": True}},
    ):
        with pytest.raises(ValueError, match="Extra inputs"):
            Manifest.model_validate_json(json.dumps(forged, ensure_ascii=False))


def test_an_optional_field_as_null_or_left_out_reads_the_same() -> None:
    """`Carried` leaves out None: every optional field of what is carried defaults to None,
    so a sender writing null (an older program) and one leaving it out say the same; and the
    written form reads back equal."""
    from fieldapp.sync import bundle

    for model in (bundle.Party, bundle.Range, Report, RefusedBundle, Manifest):
        for name, field in model.model_fields.items():
            if not field.is_required() and field.default_factory is None:
                annotation = str(field.annotation)
                if "None" in annotation or "Optional" in annotation:
                    assert field.default is None, (model.__name__, name, field.default)
    nulls = _report("d1:1", decided_at=None, decided_by=None, decision=None, reason_said=None)
    nulls |= {"received_at_china": None}
    assert Report.model_validate(nulls) == Report.model_validate(_report("d1:1"))
    written = Report.model_validate(nulls).model_dump_json()
    assert "null" not in written and Report.model_validate_json(written) == Report.model_validate(
        nulls
    )


def test_newly_held_counts_this_devices_changes_once(hub, make_device) -> None:
    """A hostile hub's answer naming a change twice, another device's changes, and changes
    already reported: only this device's, new, not accepted, each once."""
    village = make_device("红星村", VILLAGE)
    own = village.device_id
    manifest = Manifest.model_validate(
        _manifest(
            own,
            [
                _report(f"{own}:1"),
                _report(f"{own}:1") | {"id": 2},
                _report(f"{own}:2", status="dismissed"),
                _report(f"{own}:3", status="accepted"),
                _report("someoneelse:4"),
            ],
        )
    )
    assert record_reports(village, manifest) == 2
    assert record_reports(village, manifest) == 0  # told once


def test_a_report_is_matched_to_this_devices_change_only(hub, make_device) -> None:
    """The report of this device's change N is shown with that change, never another
    device's change N the log holds (a hub's forwarded one); a report of a change the log
    does not hold still lists, with nothing said of its values."""
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    mine = forge(village, "persons", person, {"phone": "13900000001"})
    # Another origin's change of the same seq in this log (as a hub's answer brings them).
    with village.transaction():
        village.db.execute(
            "INSERT INTO changes (device_id, seq, hlc, author, tbl, row_id, data, parents) "
            "VALUES (?,?,?,?,?,?,?,?)",
            ["other1", mine.seq, mine.hlc, "别人", "persons", "p-x", '{"phone": "1"}', None],
        )
    manifest = Manifest.model_validate(
        _manifest(village.device_id, [_report(mine.id), _report(f"{village.device_id}:99999")])
    )
    record_reports(village, manifest)
    items = {i["change_id"]: i for i in rejected.rejected_changes(village)}
    assert items[mine.id]["values"] == {"phone": "13900000001"}
    assert items[mine.id]["row_id"] == person and items[mine.id]["table"] == "persons"
    assert "p-x" not in json.dumps(items, ensure_ascii=False)
    lost = items[f"{village.device_id}:99999"]
    assert lost["reason"] == "所在区域不在本村范围内"
    assert lost["values"] == {} and lost["table"] is None and lost["row_id"] is None


@pytest.mark.parametrize(
    "code", ["５２０５０２１０１００１", "٥٢٠٥٠٢١٠١٠٠١", "²²²²²²²", "9" * 15, "520502101001"]
)
def test_a_reason_naming_an_area_by_any_digits_still_lists(hub, make_device, code: str) -> None:
    """The device names the areas a reason (and its sentence's parts) names by code
    (`_reason_shown`, `_places_in_parts`: `区域 <digits>`); a hostile hub's digits of other
    scripts, or a code no table holds, leave the text as it came, never stop the list."""
    village = make_device("红星村", VILLAGE)
    reason = f"它没有被接受的原因：区域 {code} 不在本村"
    sentence = sentence_json(said(LISTED, reason, "x"))
    text = str(said(LISTED, reason, "x"))
    manifest = Manifest.model_validate(
        _manifest(
            village.device_id, [_report(f"{village.device_id}:1", text, reason_said=sentence)]
        )
    )
    assert record_reports(village, manifest) == 1
    (item,) = rejected.rejected_changes(village)
    assert item["reason"] == text
    assert rejected.describe(item)
