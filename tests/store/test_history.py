"""A person's history is read through indexes: the person panel reads it each time the
selection settles, on ledgers of a million persons."""

from __future__ import annotations

from fieldapp.store.queries.history import PERSON_CHILD_TABLES


def test_every_record_of_a_person_is_found_by_index(repo):
    for table in PERSON_CHILD_TABLES:
        plan = " ".join(
            str(row[3])
            for row in repo.db.execute(
                f"EXPLAIN QUERY PLAN SELECT id FROM [{table}] WHERE person_id = ?", ["x"]
            ).fetchall()
        )
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (table, plan)
