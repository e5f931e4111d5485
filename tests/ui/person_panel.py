"""The ledger page's person panel, opened on a person found by name: shared by the UI tests
that look at what the panel shows."""

from __future__ import annotations

from fieldapp.domain.models import Person
from tests.records import Records


def person(window, name: str) -> Person:
    return Records(window.session.ledger).select(Person, "name = ?", [name])[0]


def shown(window, name: str):
    page = window.show_page("ledger")
    page.open_person(person(window, name).id)
    return page, page.panel


def history_texts(panel) -> list[str]:
    return [line.text for line in panel.history.rows]


def _rows(window, name: str):
    from fieldapp.store.queries.persons import rows_by_id

    return rows_by_id(window.session.ledger, [person(window, name).id])
