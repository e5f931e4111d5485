"""Scope rules 2 built two expression indexes on the hub's change log ("who ever lived
here"); scope rules 3 no longer reads them, and each cost every insert of every bundle. A hub
opened by this version drops them, on PostgreSQL as on SQLite (where the expression is
translated, `store.postgres`), and keeps every index it does read."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.store import postgres
from fieldapp.store.answers import HUB_INDEXES, prepare_hub

OLD = (
    "CREATE INDEX IF NOT EXISTS hub_changes_household_area ON changes("
    "json_extract(data, '$.area_code')) WHERE tbl = 'households'",
    "CREATE INDEX IF NOT EXISTS hub_changes_person_household ON changes("
    "json_extract(data, '$.household_id')) WHERE tbl = 'persons'",
)


def test_the_indexes_scope_rules_2_built_are_dropped_and_the_others_kept(hub: Hub) -> None:
    db = hub.ledger.db
    with hub.ledger.transaction():
        for sql in OLD:
            db.execute(sql)
    assert {"hub_changes_household_area", "hub_changes_person_household"} <= (
        postgres.index_names(db)
    )
    with hub.ledger.transaction():
        prepare_hub(db)
    existing = postgres.index_names(db)
    assert not {"hub_changes_household_area", "hub_changes_person_household"} & existing
    wanted = {sql.split(" EXISTS ", 1)[1].split(" ", 1)[0] for sql in HUB_INDEXES}
    assert wanted <= existing
    with hub.ledger.transaction():
        prepare_hub(db)  # again: nothing to do
    assert postgres.index_names(db) == existing
