"""One model per record: model fields, the migrations' columns and the policy facts agree.

A field added to a model without its column (or a column without its field), or a facts field
whose name or type is not the model's, fails here rather than as a silently empty fact.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import types
from dataclasses import MISSING, fields
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest

import fieldapp.domain.claims  # noqa: F401 - its records are Record subclasses too
from fieldapp.domain.models import Person, Record
from fieldapp.domain.snapshots import SNAPSHOTS, snapshot_fields, source_model
from fieldapp.policy.facts import FACT_CLASSES, PersonFields
from fieldapp.store.ledger import Ledger


def _records(base: type[Record] = Record) -> list[type[Record]]:
    """Every record model (a Record subclass with a table), however deep."""
    found = []
    for model in base.__subclasses__():
        if model.TABLE:
            found.append(model)
        found += _records(model)
    return found


MODELS = _records()
assert len(MODELS) >= 12  # areas … monthly_status, claims, batches, claim_events

#: Attribution the store fills from the log: model fields, but not fields a change sets
#: (`creating_key`: a claim's or batch's creating change, its printed number's source).
FROM_THE_LOG = {"id", "created_at", "created_by", "created_device"} | {
    "updated_at",
    "updated_by",
    "updated_device",
    "creating_key",
}

#: Model fields no facts class copies: deleted rows are never loaded, person_id groups them.
NEVER_FACTS = {"deleted", "person_id"}

#: Model fields the rules deliberately do not see, per facts class. Adding a field to a model
#: means deciding, here or in the facts class, whether the rules see it.
NOT_FACTS: dict[str, set[str]] = {
    "CategorySpan": set(),
    "SpellFacts": set(),
    "RegistrationFacts": set(),
    "ServiceFacts": {"household_id", "notes", "outcome", "visit_id"},
    "ClaimFacts": {
        "amount",
        "applied_on",
        "approved_account",
        "approved_bank",
        "area_code",
        "batch_id",
        "claim_date",
        "evidence",
        "facts",
        "funding_source",
        "held_key",
        "id_number",
        "limit_kind",
        "missing_evidence_reason",
        "pack_version",
        "payee",
        "payee_name",
        "person_name",
        "reason",
        "rule_title",
        "source_clause",
        "spell_id",
        "township_code",
    },  # fmt: skip
    "MonthFacts": {"notes", "spell_id"},
    "PersonFields": {
        "account_bank",
        "account_number",
        "change_reason",
        "education",
        "health",
        "hukou_code",
        "moving_to",
        "notes",
        "phone",
    },  # fmt: skip
}


def _model_fields(model: type[Record]) -> set[str]:
    return set(model.model_fields) - FROM_THE_LOG


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_model_fields_are_the_tables_data_columns(ledger: Ledger, model: type[Record]):
    assert set(ledger.projector.data_fields(model.TABLE)) == _model_fields(model)


def _shape(hint: Any) -> tuple[set[type], bool]:
    """(the types a value may have, None allowed), enums counted as the text they store."""
    args = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    kinds = {str if isinstance(a, type) and issubclass(a, Enum) else a for a in args}
    optional = type(None) in kinds
    return kinds - {type(None)}, optional


@pytest.mark.parametrize("facts", [*FACT_CLASSES, PersonFields], ids=lambda c: c.__name__)
def test_facts_are_their_models_fields_by_name_and_type(facts: type):
    ((model,), _extra) = SNAPSHOTS[facts]
    hints = get_type_hints(facts)
    defaults = {f.name: f.default for f in fields(facts)}
    for name in snapshot_fields(facts):
        assert name in model.model_fields, f"{facts.__name__}.{name} is no {model.__name__} field"
        kinds, optional = _shape(model.model_fields[name].annotation)
        fact_kinds, fact_optional = _shape(hints[name])
        assert fact_kinds == kinds, f"{facts.__name__}.{name}: {fact_kinds} vs {kinds}"
        if optional and not fact_optional:
            # The facts field turns a missing value into its default ("" for text).
            assert defaults[name] is not MISSING or kinds == {str}, name
    left_out = set(model.model_fields) - set(snapshot_fields(facts)) - FROM_THE_LOG - NEVER_FACTS
    assert left_out == NOT_FACTS[facts.__name__]


def _snapshots() -> list[type]:
    """Every snapshot class: the store's modules (and the facts) are imported to register theirs."""
    import fieldapp.paperwork.views  # noqa: F401 - the printed person
    import fieldapp.store

    for info in pkgutil.walk_packages(fieldapp.store.__path__, "fieldapp.store."):
        importlib.import_module(info.name)
    return list(SNAPSHOTS)


@pytest.mark.parametrize("snapshot", _snapshots(), ids=lambda c: c.__name__)
def test_every_snapshot_field_is_its_models_field_by_name(snapshot: type):
    """Facts and views (a ledger table row, a search hit …) name only their models' fields."""
    models, extra = SNAPSHOTS[snapshot]
    for name in snapshot_fields(snapshot):
        model = source_model(snapshot, name)  # raises for a name no model has
        assert model is None or model in models
        assert model is not None or name in extra
    assert extra <= set(snapshot_fields(snapshot))


def test_facts_load_every_field_from_the_ledger(ledger: Ledger):
    """A spell written through the ledger comes back in the facts with every field as typed."""
    from fieldapp.store.facts import FactsLoader
    from tests.conftest import make_id

    with ledger.transaction():
        person = ledger.insert("persons", {"name": "王五", "id_number": make_id()})
        values = {
            "person_id": person,
            "start_date": dt.date(2024, 3, 1),
            "end_date": dt.date(2024, 9, 30),
            "place_code": "440305",
            "place_name": "深圳",
            "form": "灵活就业",
            "employer": "某厂",
            "monthly_income": 4200.5,
            "contract_months": 12,
            "insurance_months": 3,
            "organized_export": True,
            "export_agency": "劳务公司",
            "is_first_export": False,
            "is_casual": True,
            "training_days": 5,
        }
        spell_id = ledger.insert("employment_spells", values)
    (facts,) = FactsLoader(ledger).persons()
    (spell,) = facts.spells
    assert spell.id == spell_id
    for name, value in values.items():
        if name != "person_id":
            assert getattr(spell, name) == value and type(getattr(spell, name)) is type(value)


def test_a_view_naming_no_field_of_its_models_is_caught():
    from dataclasses import dataclass

    from fieldapp.domain.snapshots import snapshot_of

    @dataclass(frozen=True)
    class Misnamed:
        id: str
        full_name: str  # Person calls it `name`

    try:
        snapshot_of(Person)(Misnamed)
        assert source_model(Misnamed, "id") is Person
        with pytest.raises(KeyError, match="full_name"):
            source_model(Misnamed, "full_name")
    finally:
        SNAPSHOTS.pop(Misnamed, None)
