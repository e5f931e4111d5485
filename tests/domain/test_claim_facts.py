"""A claim's frozen facts are a typed model; claims stored before it stay readable."""

from __future__ import annotations

import datetime as dt
import json

from fieldapp.domain.claims import Claim, QualifyingFacts
from fieldapp.domain.enums import EmploymentForm
from fieldapp.domain.models import EmploymentSpell

#: The facts column as claims stored it before the model was typed (no spell id or person).
OLD = {
    "reasons": ["跨县务工", "稳定就业3个月"],
    "event_id": "s1",
    "categories": ["脱贫人口"],
    "amount_rule": "500 元",
    "limit": "每人一次",
    "spell": {
        "start_date": "2026-03-01",
        "end_date": None,
        "place_code": "330206",
        "place_name": "浙江省宁波市北仑区",
        "form": "单位就业",
        "employer": "宁波某某电子有限公司",
        "contract_months": 12,
        "insurance_months": 6,
        "organized_export": False,
        "export_agency": "",
        "monthly_income": 4500,
    },
}


def test_old_stored_facts_read_as_the_typed_model():
    claim = Claim(person_id="p1", rule_id="r", spell_id="s1", facts=json.dumps(OLD))
    spell = claim.facts.spell
    assert spell is not None
    assert (spell.id, spell.person_id) == ("s1", "p1")
    assert spell.start_date == dt.date(2026, 3, 1) and spell.form is EmploymentForm.EMPLOYEE
    assert (spell.employer, spell.monthly_income) == ("宁波某某电子有限公司", 4500.0)
    assert claim.facts.categories == ("脱贫人口",) and claim.facts.limit == "每人一次"


def test_facts_are_stored_as_canonical_json_and_read_back_equal():
    spell = EmploymentSpell(
        id="s1", person_id="p1", start_date=dt.date(2026, 3, 1), employer="某厂", is_casual=True
    )
    facts = QualifyingFacts(reasons=("跨县务工",), event_id="s1", spell=spell)
    claim = Claim(person_id="p1", rule_id="r", spell_id="s1", facts=facts)
    stored = claim.fields()["facts"]
    assert isinstance(stored, str)
    data = json.loads(stored)
    assert list(data) == sorted(data) and data["spell"]["employer"] == "某厂"
    assert set(data["spell"]) == {"id", *EmploymentSpell.model_fields} - {
        "deleted", "created_at", "created_by", "created_device",
        "updated_at", "updated_by", "updated_device",
    }  # fmt: skip
    again = Claim.model_validate({"person_id": "p1", "rule_id": "r", "facts": stored})
    assert again.facts == facts


def test_unreadable_facts_never_make_the_claim_unreadable():
    broken_spell = {**OLD, "spell": {"start_date": "三月", "employer": "某厂"}}
    claim = Claim(person_id="p", rule_id="r", facts=json.dumps(broken_spell))
    assert claim.facts.spell is None and claim.facts.amount_rule == "500 元"
    for text in ("{bad json", "[1, 2]", ""):
        assert Claim(person_id="p", rule_id="r", facts=text).facts == QualifyingFacts()
