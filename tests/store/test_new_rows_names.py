"""A table column named like a change-log column (`policy_packs.seq`) keeps both apart."""

from __future__ import annotations

from fieldapp.store.ledger import Ledger


def test_a_data_column_named_seq_does_not_renumber_the_log(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.insert("policy_packs", {"pack_id": "p", "version": "1", "seq": 7, "text": "t"})
        ledger.insert_many(
            "policy_packs",
            [
                {"pack_id": "q", "version": "1", "seq": 9, "text": "t"},
                {"pack_id": "r", "version": "2", "seq": 11, "text": "t"},
            ],
        )
    log = ledger.db.execute("SELECT seq FROM changes ORDER BY seq").fetchall()
    assert [r[0] for r in log] == [1, 2, 3]
    rows = ledger.db.execute("SELECT seq, _origin FROM policy_packs ORDER BY seq").fetchall()
    assert rows == [(n, f"{ledger.device_id}:{i}") for i, n in enumerate((7, 9, 11), start=1)]
