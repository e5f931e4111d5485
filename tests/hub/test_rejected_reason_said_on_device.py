"""A device kept only the Chinese text of why the hub held one of its changes (`sync_rejected`),
so a coordinator's English window said the hub's Chinese. The hub now sends the reason's
sentence (`reason_said`) to a device whose bundles state ledger version 45 or later
(`held.SAID_SINCE`), and the device keeps it (migration 45) — but only one that reads back as a
sentence this program made and says what the Chinese text says: a hostile hub's template, a
sentence saying something else, a value of another shape is dropped and the text is said, the
answer still read. An older hub's report (no sentence) and an older device (not sent one) work
as before; the command line stays Chinese."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.sentences import (
    LISTED,
    Sentence,
    said,
    sentence_data,
    sentence_json,
    sentence_read,
)
from fieldapp.store.held import (
    REPORT_SAID_MAX,
    REPORT_TEXT_MAX,
    SAID_SINCE,
    RejectedReports,
)
from fieldapp.store.hub_state import HubLog
from fieldapp.sync import rejected
from fieldapp.sync.bundle import Manifest, Report
from fieldapp.sync.client import push
from fieldapp.sync.exchange import record_reports
from tests.hub.test_rejected_china_time_on_device import ELSEWHERE, VILLAGE, village_export
from tests.sync.helpers import unpack
from tests.sync.hostile import forge

#: Templates no program of ours made: markup, a Qt argument beyond the parts, plain text.
FORGED = (
    {"template": "<b>%1</b>", "parts": ["县里已同意，请把补贴打到 6222 0000 0000"]},
    {"template": "%1", "parts": ["x"], "extra": 1},
    {"template": "请拨打 %1 领取补贴", "parts": ["400-000"]},
)


def _held_away(village) -> None:  # noqa: ANN001
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_held_reason_reaches_the_device_as_its_sentence(server, hub, make_device, capsys):
    village = make_device("鸭池村", VILLAGE)
    _held_away(village)
    push(village, server.url)  # a real hub on loopback holds it and answers
    (held,) = hub.rejected()
    sentence = sentence_read(held.reason_said)
    assert str(sentence) == held.reason
    # Migration 45 ran on the hub's store too (SQLite or PostgreSQL): one schema everywhere.
    assert "reason_said" in {c.name for c in hub.ledger.db["sync_rejected"].columns}

    (kept,) = RejectedReports(village.db).list()
    assert kept["reason"] == held.reason  # the Chinese text as it was
    assert sentence_read(kept["reason_said"]) == sentence  # and its sentence beside it
    (item,) = rejected.rejected_changes(village)
    assert item["reason_said"] == sentence_data(sentence)
    assert rejected.held_said(item).said == sentence
    assert f"原因：{held.reason}" in rejected.describe(item)  # the command line: Chinese

    village_db = village.db.conn.execute("PRAGMA database_list").fetchone()[2]
    village.close()
    capsys.readouterr()
    assert cli(["--db", village_db, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert f"原因：{held.reason}" in out and '"template"' not in out, out
    assert cli(["--db", village_db, "sync", "status", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)["rejected"]
    assert listed["reason"] == held.reason
    assert sentence_read(listed["reason_said"]) == sentence


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_older_device_is_not_sent_it_and_its_answer_still_reads(hub, make_device, tmp_path):
    village = make_device("鸭池村", VILLAGE)
    _held_away(village)
    hub.import_file(village_export(village, tmp_path), sender="鸭池村")
    (held,) = hub.rejected()
    assert int(HubLog(hub.ledger.db).reported()["鸭池村"]["schema"]) >= SAID_SINCE
    (report,) = _answer(hub, village, tmp_path / "new.fieldsync")
    assert sentence_read(report["reason_said"]) == sentence_read(held.reason_said)
    # A device whose bundles state the version before (its `Report` refuses a key it does
    # not know): the answer carries no such key at all, not even a null.
    HubLog(hub.ledger.db).set_reported("鸭池村", "0.1.9", "", SAID_SINCE - 1)
    (report,) = _answer(hub, village, tmp_path / "old.fieldsync")
    assert "reason_said" not in report and report["reason"] == held.reason


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_older_hubs_report_and_a_hostile_hubs_sentence_fall_back_to_the_text(
    hub, make_device, tmp_path
):
    village = make_device("鸭池村", VILLAGE)
    _held_away(village)
    hub.import_file(village_export(village, tmp_path), sender="鸭池村")
    (held,) = hub.rejected()
    answer = hub.export_for("鸭池村", tmp_path / "answer.fieldsync")
    manifest = json.loads(unpack(answer.path, village)["manifest.json"])
    (honest,) = manifest["rejected"]
    sentence = sentence_read(honest["reason_said"])

    def kept_after(report: dict[str, object]) -> dict[str, object]:
        """What the device keeps and lists of an answer carrying `report` (read as the
        device reads an answer's manifest, kept as it keeps them)."""
        record_reports(village, Manifest.model_validate({**manifest, "rejected": [report]}))
        (item,) = rejected.rejected_changes(village)
        return item

    # An older hub: no key. Read, kept, the text said.
    older = {k: v for k, v in honest.items() if k != "reason_said"}
    item = kept_after(older)
    assert item["reason_said"] is None and item["reason"] == held.reason
    assert rejected.held_said(item).said is None
    assert rejected.describe(item).count(held.reason) == 1

    # A hostile hub: a template this program did not make, a sentence of ours that says
    # something other than the text, values of other shapes, one too long. Never kept, never
    # a refusal of the answer (the text and the rest of the report stand).
    other = sentence_json(said(LISTED, "县里已同意", "请把补贴打到 6222 0000 0000"))
    nested = {"template": LISTED, "parts": [{"template": "<a href='x'>%1</a>", "parts": ["点"]}]}
    hostile = [
        *(json.dumps(f, ensure_ascii=False) for f in FORGED),
        *FORGED,
        other,
        json.dumps(nested),
        "not json",
        "",
        12,
        ["%1"],
        '{"template": "%1、%2", "parts": ["a"]}',  # fewer parts than it names
        sentence_json(said(LISTED, "长" * REPORT_SAID_MAX, "x")),
        "[" * 100_000,
        "[" * 7_000,  # shorter than a report holds, deeper than JSON reads
    ]
    for forged in hostile:
        assert Report.model_validate({**honest, "reason_said": forged}).reason_said is None
        item = kept_after({**honest, "reason_said": forged})
        assert item["reason_said"] is None, forged
        assert item["reason"] == held.reason and rejected.held_said(item).said is None
        (row,) = RejectedReports(village.db).list()
        assert row["reason_said"] is None
    # The honest one again: kept.
    assert sentence_read(kept_after(honest)["reason_said"]) == sentence

    # Kept by a caller that skipped the reader: the store checks again.
    RejectedReports(village.db).record([{**honest, "reason_said": json.dumps(FORGED[0])}])
    assert RejectedReports(village.db).list()[0]["reason_said"] is None
    # A hand edit of the kept sentence: listed as none, the text said.
    with village.transaction():  # (no guard: a device's copy of the reports is its own)
        village.db.execute("UPDATE sync_rejected SET reason_said = ?", [json.dumps(FORGED[0])])
    (item,) = rejected.rejected_changes(village)
    assert item["reason_said"] is None and item["reason"] == held.reason
    with village.transaction():
        village.db.execute("UPDATE sync_rejected SET reason_said = ?", [other])
    assert rejected.rejected_changes(village)[0]["reason_said"] is None


def test_a_reason_cut_short_keeps_no_sentence() -> None:
    """A report cuts a reason longer than it holds (`REPORT_TEXT_MAX`, ending “…”). A sentence
    said to be the one it was cut from went on past the cut with words of a hostile hub's own
    — a payee's account — that only an English window showed, the Chinese showing the cut
    text: kept before (its text began with the cut text). Now no sentence is kept for a cut
    reason, the one it was truly cut from neither (the text is said); a sentence whose
    Chinese is the reason word for word still is."""
    long = said(LISTED, "长" * REPORT_TEXT_MAX, "x")
    cut = str(long)[: REPORT_TEXT_MAX - 1] + "…"
    base = {"id": 1, "change_id": "d1:1", "rule": "area", "received_at": "t", "status": "held"}

    def kept(reason: str, sentence: Sentence) -> str | None:
        report = {**base, "reason": reason, "reason_said": sentence_json(sentence)}
        return Report.model_validate(report).reason_said

    hostile = said(LISTED, "长" * (REPORT_TEXT_MAX - 1), "县里已同意，请把补贴打到 6222 0000 0000")
    assert str(hostile).startswith(cut[:-1])  # the Chinese, cut, is the report's text
    assert kept(cut, hostile) is None
    assert kept(cut, said(LISTED, "长" * (REPORT_TEXT_MAX - 1), "")) is None  # one word short
    assert kept(cut, long) is None
    assert kept(cut, said(LISTED, "短" * REPORT_TEXT_MAX, "x")) is None
    whole = said(LISTED, "长" * (REPORT_TEXT_MAX - 3), "x…")  # its Chinese is the text itself
    assert str(whole) == cut[: REPORT_TEXT_MAX - 3] + "、x…" and len(str(whole)) == len(cut)
    assert kept(str(whole), whole) == sentence_json(whole)


def _answer(hub, village, out) -> list[dict[str, object]]:  # noqa: ANN001
    answer = hub.export_for("鸭池村", out)
    manifest = json.loads(unpack(answer.path, village)["manifest.json"])
    Manifest.model_validate(manifest)
    return list(manifest["rejected"])
