"""A county device's 待办 list said “2026-11 就业状态按月更新”, “2025-09-26 发现失业，…” and
“2025-08-01 就业（…）后第1次跟踪回访”: days and months as the database keeps them, beside
“2025年7月3日起计” on the 分级服务 line. Every item's 说明 now says them as a paper writes them;
the month a 月度更新 is for travels apart (`DueItem.month`: the page opened the 按月更新 grid at
the month it read off the front of the title)."""

from __future__ import annotations

import re

from fieldapp.policy.due import DueListBuilder
from fieldapp.policy.facts import MonthFacts, RegistrationFacts
from fieldapp.policy.pack import Policy
from tests.policy.helpers import D, person, spell

ISO = re.compile(r"\d{4}-\d{2}")


def test_every_due_items_days_are_written(policy: Policy) -> None:
    found = RegistrationFacts("r", D(2025, 9, 26), None)
    placed = person(
        registrations=(found,),
        spells=(spell(D(2025, 8, 1), organized_export=True),),
        months=(MonthFacts("2025-08", "已就业"),),
    )
    items = {i.kind: i for i in DueListBuilder(policy).for_person(placed, D(2025, 9, 29))}
    assert {"1311服务", "失业登记", "月度更新", "跟踪回访"} <= set(items), items
    for item in items.values():
        assert not ISO.search(item.title), item.title
    assert items["失业登记"].title.startswith("2025年9月26日发现失业，")
    assert items["1311服务"].title.startswith("2025年9月26日发现失业，")
    assert items["跟踪回访"].title.startswith("2025年8月1日就业（")
    assert items["月度更新"].title == "2025年9月就业状态按月更新"
    assert items["月度更新"].month == "2025-09"
    assert all(item.month == "" for kind, item in items.items() if kind != "月度更新")


def test_a_monthly_updates_month_is_in_its_json(policy: Policy) -> None:
    """`fieldapp due --json` printed a 月度更新 without its month: a script had to read it back
    off the Chinese title. Its `month` now travels as a key; the other keys stay."""
    placed = person(months=(MonthFacts("2025-08", "已就业"),))
    items = {i.kind: i for i in DueListBuilder(policy).for_person(placed, D(2025, 9, 29))}
    shown = items["月度更新"].as_dict()
    assert shown["month"] == "2025-09"
    assert {"id_number", "name", "area_code", "kind", "title", "due_date", "urgency"} <= set(shown)
    assert {"workdays_left", "clause", "progress", "note"} <= set(shown)
