"""Migration 45 gives a device's copy of the hub's reports (`sync_rejected`) a column for the
reason's sentence (`reason_said`): a report kept before it keeps its text and reads as having
none (its Chinese is said); one kept after it keeps the sentence the hub sent."""

from __future__ import annotations

import sqlite_utils

from fieldapp.domain.sentences import said, sentence_json, sentence_read
from fieldapp.services.trust import NEW_AREA_OUTSIDE
from fieldapp.store import migrations
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import m0045_rejected_reason_said as m0045

REPORT = {
    "id": 7,
    "change_id": "d1:1",
    "rule": "area",
    "received_at": "2026-12-01T08:00:00+08:00",
    "status": "held",
}


def test_a_report_kept_before_keeps_its_text_and_one_kept_after_its_sentence(tmp_path):
    path = tmp_path / "village.db"
    db = sqlite_utils.Database(path)
    migrations.migrate(db, [m for m in migrations._modules() if m.VERSION < m0045.VERSION])
    assert "reason_said" not in db["sync_rejected"].columns_dict
    db.execute(
        "INSERT INTO sync_rejected (change_id, hub_id, rule, reason, received_at, status, "
        "reported_at) VALUES ('d1:1', 7, 'area', '不在本设备负责的区域', "
        "'2026-12-01T08:00:00+08:00', 'held', '2026-12-01T08:01:00+08:00')"
    )
    db.conn.commit()
    upto = [m for m in migrations._modules() if m.VERSION <= m0045.VERSION]
    assert migrations.migrate(db, upto) == [m0045.VERSION]
    assert db["sync_rejected"].columns_dict["reason_said"] is str
    (row,) = RejectedReports(db).list()
    assert row["reason"] == "不在本设备负责的区域" and row["reason_said"] is None
    db.close()

    ledger = Ledger.open(path, author="村里")  # opens at the latest version, nothing lost
    (row,) = RejectedReports(ledger.db).list()
    assert row["reason"] == "不在本设备负责的区域" and row["reason_said"] is None
    sentence = said(NEW_AREA_OUTSIDE, "新寨村", "村", "红星村笔记本")
    with ledger.transaction():  # the hub's next answer, with the sentence: kept beside the text
        RejectedReports(ledger.db).record(
            [{**REPORT, "reason": str(sentence), "reason_said": sentence_json(sentence)}]
        )
    (row,) = RejectedReports(ledger.db).list()
    assert row["reason"] == str(sentence) and sentence_read(row["reason_said"]) == sentence
    ledger.close()
