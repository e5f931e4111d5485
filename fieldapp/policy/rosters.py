"""一库五册: the labour roster and the four rosters drawn from it, as rows (pure code).

The labour roster lists every working-age person with labour ability; the trained, the
transferred (migrant) workers, the self-employed and the public-welfare post holders follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.enums import OTHER_RURAL, ServiceType
from fieldapp.domain.regions import PlaceScope, place_scope
from fieldapp.policy.conditions import where_worked
from fieldapp.policy.facts import HouseholdFacts, PersonFacts, SpellFacts
from fieldapp.policy.households import has_labour, is_employed

LABOUR, TRAINED, MIGRANT, SELF_EMPLOYED, WELFARE = (
    "劳动力名册",
    "培训名册",
    "转移就业名册",
    "自主创业名册",
    "公益性岗位名册",
)

#: Every roster opens with who the person is and where they belong.
_IDENTITY = ["序号", "姓名", "身份证号", "性别", "年龄", "户号"]
_PLACE = ["所在村/安置点", "人员类别"]

COLUMNS: dict[str, list[str]] = {
    LABOUR: [
        *_IDENTITY,
        "与户主关系",
        *_PLACE,
        "劳动能力",
        "就业状态",
        "就业地点",
        "地点范围",
        "就业形式",
        "工作单位",
        "月收入（元）",
    ],
    # As the county's 培训花名册 heads them (培训机构 is not recorded in the ledger).
    TRAINED: [*_IDENTITY, *_PLACE, "培训类型", "培训日期", "培训天数"],
    MIGRANT: [
        *_IDENTITY,
        *_PLACE,
        "务工地点",
        "地点范围",
        "工作单位",
        "就业形式",
        "开始日期",
        "月收入（元）",
        "有组织输出",
        "输出机构",
    ],
    SELF_EMPLOYED: [*_IDENTITY, *_PLACE, "经营主体/项目", "开始日期", "经营地点", "月收入（元）"],
    WELFARE: [
        *_IDENTITY,
        *_PLACE,
        "劳动能力",
        "岗位",
        "开始日期",
        "结束日期",
        "协议期限（月）",
        "月收入（元）",
    ],
}

Row = list[object]


@dataclass
class RosterSet:
    """The five rosters of one area as of a date."""

    area_code: str
    area_name: str
    as_of: dt.date
    sheets: dict[str, list[Row]] = field(default_factory=dict)

    def persons(self, name: str) -> int:
        """How many persons a roster lists (someone trained twice, or in two jobs, is on two
        of its rows and counts once)."""
        column = COLUMNS[name].index("身份证号")
        return len({str(row[column]) for row in self.sheets.get(name, [])})


def _current(person: PersonFacts, on: dt.date) -> SpellFacts | None:
    active = [s for s in person.spells if s.active_on(on)]
    return max(active, key=lambda s: s.start_date) if active else None


def _scope(person: PersonFacts, spell: SpellFacts) -> str:
    if not spell.place_code or not person.home_code:
        return ""
    return str(place_scope(person.home_code, spell.place_code))


def _where(spell: SpellFacts, names: dict[str, str]) -> str:
    """Where a job is: the place written with it (not digits); else, for a code the ledger
    lists (a township the division table does not name: a new one, or one of a retired
    county code), the ledger's names of its levels (新发镇), never the code's digits nor
    only its county; else `where_worked`."""
    code = spell.place_code or ""
    written = spell.place_name.strip()
    if written.isdigit() and code:  # a code written as its name (as an old sheet has it)
        written = ""
    if written or code not in names:
        return written or where_worked(replace(spell, place_name=""))
    levels = [area_at(code, level) for level in AreaLevel if level >= AreaLevel.COUNTY]
    return "".join(names[c] for c in dict.fromkeys(levels) if c in names and len(c) <= len(code))


def build_rosters(
    households: Iterable[HouseholdFacts],
    area_code: str,
    area_name: str,
    on: dt.date,
    area_names: dict[str, str] | None = None,
) -> RosterSet:
    """The five rosters for the households given (already limited to the area)."""
    names = area_names or {}
    sheets: dict[str, list[Row]] = {name: [] for name in COLUMNS}
    for hh in households:
        place = names.get(area_at(hh.area_code, AreaLevel.VILLAGE), hh.area_code)
        for p in hh.members:
            # Of none of the groups: named as the claim papers name them, not left blank.
            cats = "、".join(sorted(p.categories_on(on))) or OTHER_RURAL
            head = [p.name, p.id_number, p.sex, p.age_on(on), hh.household_no]
            spell = _current(p, on)
            if has_labour(p, on):
                sheets[LABOUR].append(
                    [
                        *head,
                        p.relation,
                        place,
                        cats,
                        p.labour_ability,
                        "已就业" if is_employed(p, on) else "未就业",
                        _where(spell, names) if spell else "",
                        _scope(p, spell) if spell else "",
                        spell.form if spell else "",
                        spell.employer if spell else "",
                        spell.monthly_income if spell else None,
                    ]
                )
            for service in p.services:
                if (
                    service.service_type == ServiceType.TRAINING.value
                    and service.service_date <= on
                ):
                    sheets[TRAINED].append(
                        [
                            *head,
                            place,
                            cats,
                            service.training_kind,
                            service.service_date.isoformat(),
                            service.training_days,
                        ]
                    )
            for s in p.spells:
                if not s.active_on(on):
                    continue
                scope = _scope(p, s)
                if s.form == "自主创业":
                    sheets[SELF_EMPLOYED].append(
                        [
                            *head,
                            place,
                            cats,
                            s.employer,
                            s.start_date.isoformat(),
                            _where(s, names),
                            s.monthly_income,
                        ]
                    )
                elif s.form == "公益性岗位":
                    sheets[WELFARE].append(
                        [
                            *head,
                            place,
                            cats,
                            p.labour_ability,
                            s.employer,
                            s.start_date.isoformat(),
                            s.end_date.isoformat() if s.end_date else "",
                            s.contract_months,
                            s.monthly_income,
                        ]
                    )
                if scope and scope != PlaceScope.TOWNSHIP.value:
                    sheets[MIGRANT].append(
                        [
                            *head,
                            place,
                            cats,
                            _where(s, names),
                            scope,
                            s.employer,
                            s.form,
                            s.start_date.isoformat(),
                            s.monthly_income,
                            "是" if s.organized_export else "否",
                            s.export_agency,
                        ]
                    )
    for rows in sheets.values():
        for number, row in enumerate(rows, start=1):
            row.insert(0, number)
    return RosterSet(area_code, area_name, on, sheets)
