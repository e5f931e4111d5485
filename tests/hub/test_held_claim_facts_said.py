"""A held claim's kept facts (`claims.facts`: the rule's amount and limit as the claim keeps
them, in Chinese, with its reasons and job) are said as what they are — 补贴标准为“600 元/月
（县定标准）”，享受次数为“每人每月一次” — not as the JSON under its key (facts为“{"amount_rule":…”),
on both lists (the county's review, the village's 同步 page); the English window reads each
back into the sentence it was made of and says it in English (the stored text stays the
record). Facts that are not this program's are said as they came."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import QualifyingFacts
from fieldapp.hub import server as service
from fieldapp.policy.pack import Amount, AmountKind, Limit, LimitKind
from fieldapp.store.ledger import natural_id
from fieldapp.sync import rejected
from fieldapp.sync.exchange import export_bundle, import_bundle
from fieldapp.ui.dialogs.held_review import content_shown
from fieldapp.ui.held_words import HeldLine
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.sync.hostile import forge

AMOUNT = Amount(kind=AmountKind.COUNTY, unit="元/月", value=600)
LIMIT = Limit(kind=LimitKind.ONCE_PER_MONTH)
KEPT = QualifyingFacts(
    amount_rule=AMOUNT.describe(), limit=LIMIT.describe(), reasons=("✓ 就业形式为公益性岗位",)
)
CHINESE = ("补贴标准为“600 元/月（县定标准）”", "享受次数为“每人每月一次”")
ENGLISH = (
    "Subsidy standard “600 yuan a month (the county's figure)”",
    "How often paid “once a person each month”",
)


def _held(hub, make_device, tmp_path, facts: str):  # noqa: ANN001, ANN202
    """A paid claim made on a village device with `facts` (held: a new claim is a draft)."""
    village = make_device("红星村", "520502101001")
    _, (person,) = add_family(village, "520502101001", ["101"])
    claim = natural_id("claims", "paid", person)
    forge(village, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                     "amount": 600.0, "claim_date": "2026-10-03",
                                     "facts": facts})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    items = [i for i in service.held_items(hub, hub.rejected()) if i["table"] == "claims"]
    import_bundle(village, hub.export_for("红星村", tmp_path / "answer.fieldsync").path)
    (mine,) = [i for i in rejected.rejected_changes(village) if i["table"] == "claims"]
    (county,) = items
    return county, mine


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_held_claims_kept_facts_are_said_as_what_they_are(
    hub, make_device, tmp_path, qapp
) -> None:
    county, mine = _held(hub, make_device, tmp_path, KEPT.to_text())
    said = rejected.held_said(mine)
    lines = {
        "county": str(county["content"]),
        "village": rejected.describe(mine),
        "county desktop": content_shown(county),
        "village desktop": HeldLine().said(
            said.table, said.whose, said.level, said.deleted, said.fields, mine["values"]
        ),
    }
    for where, line in lines.items():
        assert all(piece in line for piece in CHINESE), (where, line)
        assert "facts" not in line and "{" not in line and "✓" not in line, (where, line)
    with in_english():
        shown = {
            "county desktop": content_shown(county),
            "village desktop": HeldLine().said(
                said.table, said.whose, said.level, said.deleted, said.fields, mine["values"]
            ),
        }
    for where, line in shown.items():
        assert all(piece in line for piece in ENGLISH), (where, line)
        assert "县定" not in line and "每人" not in line, (where, line)


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("facts", ["某程序的说明", '{"说明":"某程序的说明"}'])
def test_facts_not_this_programs_are_said_as_they_came(
    hub, make_device, tmp_path, facts: str
) -> None:
    county, mine = _held(hub, make_device, tmp_path, facts)
    for line in (str(county["content"]), rejected.describe(mine)):
        assert "某程序的说明" in line and "补贴标准" not in line, line
