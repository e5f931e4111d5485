"""The hub keeps a held change's reason as its sentence beside the Chinese text (migration 43,
`held_changes.reason_said`), on SQLite and on PostgreSQL, and `GET /v1/held` carries it
(`reason_said`) so the county's desktop says it in its language. A change held before the
migration keeps its text only; a stored sentence that does not read (a hand edit) is sent as
none — the text stands — and never stops the list."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from fieldapp.domain.sentences import Sentence, sentence_or_none, sentence_read
from fieldapp.hub import server as service
from fieldapp.store import migrations, trails
from fieldapp.store.held import HeldChanges
from fieldapp.store.ledger import Ledger
from tests.helpers.held_kinds import held_of_each_kind


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_held_reason_is_kept_and_listed_as_its_sentence(hub, make_device, tmp_path):
    village = make_device("红星村", "520502101001")
    held_of_each_kind(hub, village, "520502101001", tmp_path)
    found = hub.rejected()
    assert len(found) >= 4
    for held in found:
        said = sentence_or_none(held.reason_said)
        assert isinstance(said, Sentence), (held.rule, held.reason, held.reason_said)
        assert str(said) == held.reason  # the text is the sentence's Chinese, byte for byte
    items = service.held_items(hub, found)
    for item, held in zip(items, found, strict=True):
        assert item["reason"] == held.reason  # the keys there were stay as they were
        assert sentence_read(item["reason_said"]) == sentence_read(held.reason_said)
        json.dumps(item, ensure_ascii=False)  # an answer's JSON

    # A hand edit of one row's sentence: not read, sent as none; the others as they were.
    first = found[0]
    with hub.ledger.transaction():
        trails.drop_guards(hub.ledger.db, {"held_changes"})  # a hand edit takes the guard away
        hub.ledger.db.execute(
            "UPDATE held_changes SET reason_said = ? WHERE id = ?",
            ['{"template": "<b>%1</b>", "parts": ["x"]}', first.id],
        )
    items = service.held_items(hub, hub.rejected())
    assert items[0]["reason_said"] is None and items[0]["reason"] == first.reason
    assert all(isinstance(i["reason_said"], dict) for i in items[1:])


def test_a_change_held_before_the_migration_keeps_its_text_only(tmp_path):
    path = tmp_path / "hub.db"
    db = sqlite_utils.Database(path)
    before = [m for m in migrations._modules() if m.VERSION < 43]
    migrations.migrate(db, before)
    db.execute(
        "INSERT INTO held_changes (device, device_id, seq, hlc, author, tbl, row_id, data, "
        "rule, reason, received_at) VALUES ('甲村', 'd1', 1, '0001', '张', 'persons', 'p1', "
        "'{}', 'area', '不在本设备负责的区域', '2026-12-01T08:00:00+08:00')"
    )
    db.conn.commit()
    assert migrations.migrate(db)[:2] == [43, 44]
    (held,) = HeldChanges(db).list()
    assert held.reason == "不在本设备负责的区域" and held.reason_said is None
    db.close()
    ledger = Ledger.open(path, author="县里")  # opens at the latest version
    (held,) = HeldChanges(ledger.db).list()
    assert held.reason_said is None
    ledger.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_hub_rejected_json_carries_the_sentence(hub, make_device, tmp_path, capsys):
    """`hub rejected --json` (`rejected.as_item`) lists each reason's sentence beside its text
    (`reason_said`, as `GET /v1/held` does), the keys there were kept as they were; one whose
    stored sentence does not read (a hand edit) has none."""
    from tests.helpers.cli import run

    village = make_device("红星村", "520502101001")
    held_of_each_kind(hub, village, "520502101001", tmp_path)
    found = hub.rejected()
    with hub.ledger.transaction():
        trails.drop_guards(hub.ledger.db, {"held_changes"})  # a hand edit takes the guard away
        hub.ledger.db.execute(
            "UPDATE held_changes SET reason_said = ? WHERE id = ?", ["not json", found[0].id]
        )
    root = hub.root
    hub.close()
    code, out, err = run(capsys, "hub", "rejected", "--dir", root, "--json")
    assert code == 0, err
    items = {item["id"]: item for item in json.loads(out)}
    assert items[found[0].id]["reason_said"] is None
    assert items[found[0].id]["reason"] == found[0].reason
    for held in found[1:]:
        item = items[held.id]
        assert item["reason"] == held.reason and item["rule"] == held.rule
        said = sentence_read(item["reason_said"])
        assert said == sentence_read(held.reason_said) and str(said) == held.reason
