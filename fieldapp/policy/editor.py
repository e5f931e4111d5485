"""The county editor: what the county decides, edited as a form, written as the county's pack.

The seeds leave some things to the county: the figures of capped and county-set amounts (under
the seeds' caps), the monitoring income line, extending rules past their end dates on a county
document, the State Council's holiday schedule for a year and the county's own days off and
working days. `edit_county_pack` applies such an edit to the county's current pack (or starts
one), writes the complete new version as TOML and checks it exactly as `policy check` does; a
value over a cap, or a figure or an extension without the county's document, is refused with the
rule, the cap and the clause. A figure keeps the document it was set on (`figure_document`) from
edition to edition, and the papers cite it. Both the hub's command line and the county device's form use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.money import yuan
from fieldapp.domain.sentences import Sentence, Word, said, template
from fieldapp.policy.combine import check_new_pack, combine, rule_named
from fieldapp.policy.pack import (
    AmountKind,
    Document,
    PackError,
    PackFile,
    Policy,
    Rule,
    YearSchedule,
    money_said,
)
from fieldapp.policy.packfile import dump_pack, parse_pack_text

#: A pack file by the name its messages use.
NamedPack = tuple[str, PackFile]

#: Why a monitoring income line without the county's document is refused.
LINE_NEEDS_DOCUMENT = template(
    "设定防止返贫监测收入线须写明县里定这条线的文件文号：公益性岗位收入超线的提醒引用它"
)
#: Why a county figure without the county's document is refused.
FIGURE_NEEDS_DOCUMENT = template(
    "设定县定金额须写明县里定这个金额的文件文号：申请表、花名册和公示表引用它作为补贴标准的依据"
)
#: An extension without the county's document.
EXTENSION_UNDOCUMENTED = template("延续执行政策必须写明县里的文件文号")
#: A monitoring line below zero (%1 the yuan typed).
LINE_NEGATIVE = template("监测收入线是每月的金额（元），不能为负数：收到 %1")
#: A day (%1) given as a county holiday and a county working day.
DAY_OFF_AND_WORKED = template("%1 既是县定放假日又是县定上班日")
#: An extension of a rule (%1, `rule_named`) that has no end; of one to a day (%2) not after the
#: end its document gives (%3).
EXTENSION_NEEDLESS = template("%1长期有效，不需要延续执行")
EXTENSION_EARLIER = template(
    "%1延续执行到 %2 不晚于文件原定的结束日期 %3：延续执行请填写更晚的日期"
)

#: A county figure as the editor labels it (%1 the subsidy as the pack names it): with the
#: seeds' cap (%2, `money_said`: 500 元), or with its unit alone (%2: 元/月).
FIGURE_CAPPED = template("%1（最高 %2）")
FIGURE_UNIT = template("%1（%2）")


@dataclass(frozen=True, slots=True)
class FigureField:
    """One figure the county sets: a rule's amount, its cap and what it is now."""

    rule_id: str
    title: str
    value: float | None
    cap: float | None
    unit: str
    citation: str

    @property
    def label(self) -> str:
        """'一次性交通补助（跨县务工）（最高 500 元）' (`label_said`'s Chinese)."""
        return str(self.label_said)

    @property
    def label_said(self) -> Sentence:
        """The label as a sentence, for the editor in the window's language: the subsidy as the
        pack names it, its cap or its unit the program's words (at most 500 yuan)."""
        if self.cap is not None:
            return said(FIGURE_CAPPED, self.title, money_said(self.cap, self.unit))
        return said(FIGURE_UNIT, self.title, Word(self.unit))


def county_figures(policy: Policy) -> list[FigureField]:
    """The figures a county sets, in the order of the rules (capped and county-set amounts)."""
    return [
        FigureField(r.id, r.title, r.amount.value, r.amount.max, r.amount.unit, r.citation)
        for r in policy.rules
        if r.amount.kind in (AmountKind.CAPPED, AmountKind.COUNTY)
    ]


def extendable(policy: Policy) -> list[Rule]:
    """Rules with an end date (the ones a county may extend on a document of its own)."""
    return [r for r in policy.rules if r.valid_to is not None]


@dataclass
class CountyEdit:
    """What the county decides in one edition of its pack (None / empty: leave as it is)."""

    #: Rule id → the county's figure (None clears it back to 待县里核定标准).
    figures: dict[str, float | None] = field(default_factory=dict)
    #: The day `figures` (and a changed `income_line`) apply from (None: every month and job
    #: alike); before it each figure (the line) in force now still applies, with its document.
    figure_from: dt.date | None = None
    income_line: float | None = None
    #: Rule id → its new end date; needs `document`.
    extensions: dict[str, dt.date] = field(default_factory=dict)
    #: The county document this edition rests on (number, title, issuer, date): needed by
    #: `figures` set and by `extensions`, and cited with each on the papers.
    document: Document | None = None
    extra_holidays: list[dt.date] = field(default_factory=list)
    extra_workdays: list[dt.date] = field(default_factory=list)
    schedules: list[YearSchedule] = field(default_factory=list)
    title: str = ""
    authority: str = ""
    #: The county's whole list of 就业状态 words (word → status) replacing the pack's
    #: `[status_words]`; {} leaves the pack without the section; None: leave as it is.
    status_words: dict[str, str] | None = None

    def is_empty(self) -> bool:
        """True when the edit decides nothing (signing it would only make a new version)."""
        return not (
            self.figures
            or self.income_line is not None
            or self.extensions
            or self.document
            or self.extra_holidays
            or self.extra_workdays
            or self.schedules
            or self.title
            or self.authority
            or self.status_words is not None
        )


#: The monitoring line's keys for a line applying from a day and the line before it.
_LINE_DATED = (
    "welfare_post_income_line_from",
    "welfare_post_income_line_before",
    "welfare_post_income_line_before_document",
)


def _date_the_line(lines: dict[str, Any], start: dt.date | None) -> None:
    """A new line from `start` on: the line in force before it is kept for the months before
    (a line dated ahead corrected from the same day or earlier keeps what came before it)."""
    before = lines.get("welfare_post_income_line")
    before_document = lines.get("welfare_post_income_line_document")
    dated = lines.get(_LINE_DATED[0])
    if dated is not None and start is not None and dated >= start:
        before, before_document = lines.get(_LINE_DATED[1]), lines.get(_LINE_DATED[2])
    for key in _LINE_DATED:
        lines.pop(key, None)
    if start is None:
        return
    lines[_LINE_DATED[0]] = start
    if before is not None:
        lines[_LINE_DATED[1]] = before
        if before_document:
            lines[_LINE_DATED[2]] = before_document


#: An override's keys for a figure applying from a day and the figure before it.
_DATED = ("figure_from", "figure_before", "figure_before_document")


def _override(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    overrides: list[dict[str, Any]] = data.setdefault("overrides", [])
    for entry in overrides:
        if entry.get("rule") == rule_id:
            return entry
    entry = {"rule": rule_id}
    overrides.append(entry)
    return entry


def edit_county_pack(
    base: Sequence[NamedPack],
    current: PackFile | None,
    edit: CountyEdit,
    *,
    version: str,
    pack_id: str = "county",
    today: dt.date | None = None,
) -> tuple[str, Policy]:
    """The county's next pack as TOML text, and the policy it gives; PackError when refused.

    `current` is the county's pack in force (None: a first edition extending the base pack).
    """
    today = today or china_today()
    base_id = base[0][1].pack.id
    if current is not None:
        data = current.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    else:
        data = {"pack": {"id": pack_id, "title": "县级就业帮扶政策", "extends": base_id}}
    header = data["pack"]
    header.update(version=version, issued=today, extends=header.get("extends") or base_id)
    # The program the edition needs is stamped when it is published, from what it then uses
    # (`packfile.LATER_KEYS`): the last edition's stamp would outlive what asked for it (the
    # county's status words all removed).
    header.pop("requires", None)
    if edit.title:
        header["title"] = edit.title
    if edit.authority:
        header["authority"] = edit.authority
    documents: list[dict[str, Any]] = data.setdefault("documents", [])
    if edit.document is not None:
        number = edit.document.number
        given = edit.document.model_dump(mode="python", exclude_none=True)
        # The same document given again by its number alone keeps what was written of it
        # (a form or command line fills a missing title with the number).
        for earlier in (d for d in documents if number and d.get("number") == number):
            for key, value in earlier.items():
                if not given.get(key) or (key == "title" and given[key] == number):
                    given[key] = value
        documents[:] = [d for d in documents if d.get("number") != number]
        documents.append(given)
        header.update(document=number, document_date=given.get("date"))
        header.setdefault("authority", given.get("issuer", ""))
    number = edit.document.number if edit.document is not None else ""
    # The application form, roster and notice cite the document that sets the amount (told
    # after the figures are checked against the caps, which matter more).
    undocumented = any(value is not None for value in edit.figures.values()) and not number
    undocumented_line = False
    for rule_id, value in edit.figures.items():
        entry = _override(data, rule_id)
        before, before_document = entry.get("figure"), entry.get("figure_document")
        dated = entry.get("figure_from")
        if dated is not None and edit.figure_from is not None and dated >= edit.figure_from:
            # The dated figure corrected (from the same day, or an earlier one): what applied
            # before it still does.
            before = entry.get("figure_before")
            before_document = entry.get("figure_before_document")
        for key in ("figure", "figure_document", *_DATED):
            entry.pop(key, None)
        if value is not None:
            entry["figure"] = value
            if number:
                entry["figure_document"] = number
            if edit.figure_from is not None:
                entry["figure_from"] = edit.figure_from
                if before is not None:
                    entry["figure_before"] = before
                    if before_document:
                        entry["figure_before_document"] = before_document
    if edit.extensions:
        if edit.document is None or not edit.document.number:
            raise PackError("county.toml", None, said(EXTENSION_UNDOCUMENTED))
        seeds = {r.id: r for r in combine(list(base)).rules}
        for rule_id, until in edit.extensions.items():
            _check_extension(seeds.get(rule_id), until)
            entry = _override(data, rule_id)
            entry.update(valid_to=until, document=edit.document.number)
            if edit.document.date:
                entry["document_date"] = edit.document.date
    if edit.income_line is not None:
        if not edit.income_line >= 0:  # said in the clerk's words, not as the pack's key
            refused = said(LINE_NEGATIVE, yuan(edit.income_line))
            raise PackError("county.toml", None, refused)
        lines = data.setdefault("lines", {})
        # The form always gives the line it shows: the same line again is no new decision (it
        # keeps its document), unless it is now given the document it lacked.
        same = edit.income_line == lines.get("welfare_post_income_line")
        if not same:
            _date_the_line(lines, edit.figure_from)
        if not same or (number and not lines.get("welfare_post_income_line_document")):
            lines["welfare_post_income_line"] = edit.income_line
            if number:
                lines["welfare_post_income_line_document"] = number
            else:
                lines.pop("welfare_post_income_line_document", None)
                undocumented_line = True
    calendar: dict[str, Any] = data.setdefault("calendar", {})
    both = set(edit.extra_holidays) & set(edit.extra_workdays)
    if both:
        raise PackError("county.toml", None, said(DAY_OFF_AND_WORKED, str(min(both))))
    # The later decision on a day replaces the earlier one (off → worked, or back).
    for key, days, other in (
        ("extra_holidays", edit.extra_holidays, "extra_workdays"),
        ("extra_workdays", edit.extra_workdays, "extra_holidays"),
    ):
        if days:
            calendar[key] = sorted(set(calendar.get(key, [])) | set(days))
            kept = [d for d in calendar.get(other, []) if d not in set(days)]
            if kept:
                calendar[other] = kept
            else:
                calendar.pop(other, None)
    if edit.schedules:
        years = {y["year"]: y for y in calendar.get("years", [])}
        years |= {
            s.year: s.model_dump(mode="python", exclude_defaults=True) for s in edit.schedules
        }
        calendar["years"] = [years[y] for y in sorted(years)]
    if edit.status_words is not None:
        data.pop("status_words", None)
        if edit.status_words:
            data["status_words"] = dict(edit.status_words)
    data["overrides"] = [o for o in data.get("overrides", []) if len(o) > 1]
    name = f"{header['id']}.toml"
    # Written, read back (every field checked, in the pack's Chinese words), written again
    # canonically, then checked against the base exactly as `policy check` does.
    text = dump_pack(parse_pack_text(dump_pack(data), name))
    pack = parse_pack_text(text, name)
    check_new_pack(base, name, pack)
    policy = combine([*base, (name, pack)], source="hub")
    if undocumented:
        raise PackError(name, None, said(FIGURE_NEEDS_DOCUMENT))
    if undocumented_line:
        raise PackError(name, None, said(LINE_NEEDS_DOCUMENT))
    return text, policy


def _check_extension(seed: Rule | None, until: dt.date) -> None:
    """An extension continues a rule past the end its own document gives: a date not after
    that end (2024 typed for 2026) would silently take a year of eligibility away, and a rule
    without an end needs none. (A rule the seeds lack is refused when the packs combine.)"""
    if seed is None:
        return
    if seed.valid_to is None:
        raise PackError("county.toml", None, said(EXTENSION_NEEDLESS, rule_named(seed)))
    if until <= seed.valid_to:
        refused = said(EXTENSION_EARLIER, rule_named(seed), str(until), str(seed.valid_to))
        raise PackError("county.toml", None, refused)


def next_version(versions: Sequence[str], today: dt.date) -> str:
    """'2026.3' after 2026.1 and 2026.2 (numbered within the calendar year), or within the year
    of an edition published ahead for the coming year: after 2027.1, published in December
    2026 with the new year's standards, comes 2027.2 (2026.3 would be older than it)."""
    numbered = [
        (int(year), int(number))
        for year, _, number in (v.partition(".") for v in versions)
        if year.isdigit() and number.isdigit()
    ]
    year = max([today.year, *(y for y, _ in numbered)])
    return f"{year}.{max((n for y, n in numbered if y == year), default=0) + 1}"


# -- parsing the form's and the command line's dates -------------------------------------------

_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\.\.(\d{4}-\d{1,2}-\d{1,2}))?$")


def parse_days(text: str) -> list[dt.date]:
    """Dates from '2027-02-05..2027-02-11, 2027-02-20' (ranges with .., 至, ~ or —; commas,
    spaces or new lines between); ValueError in Chinese naming the part that is wrong."""
    found: list[dt.date] = []
    joined = re.sub(r"\s*(?:\.\.|至|~|—|－)\s*", "..", text.strip())
    for part in re.split(r"[,，、;；\s]+", joined):
        if not part:
            continue
        match = _RANGE.match(part)
        if not match:
            raise ValueError(
                f"“{part}”不是日期或日期范围（如 2027-02-05 或 2027-02-05..2027-02-11）"
            )
        try:
            start = dt.date.fromisoformat(_pad(match.group(1)))
            end = dt.date.fromisoformat(_pad(match.group(2))) if match.group(2) else start
        except ValueError:
            raise ValueError(f"“{part}”不是有效日期") from None
        if end < start:
            raise ValueError(f"“{part}”的结束日期早于开始日期")
        if (end - start).days > 60:
            raise ValueError(f"“{part}”跨度超过 60 天，请检查")
        found += [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    return sorted(set(found))


def year_schedule(
    year: int, document: str, days_off: list[dt.date], workdays: list[dt.date]
) -> YearSchedule:
    """The State Council's schedule for `year` as a form or the command line gives it;
    ValueError in Chinese naming what is missing or wrong (never pydantic's English)."""
    if not 2000 <= year <= 2200:
        raise ValueError(f"放假安排的年份 {year} 超出范围（2000—2200）")
    if not document.strip():
        raise ValueError(f"载入{year}年放假安排须填写国务院办公厅通知文号")
    if not days_off:
        raise ValueError(f"载入{year}年放假安排须填写该年全部放假日")
    try:
        return YearSchedule(
            year=year, document=document.strip(), days_off=days_off, workdays=workdays
        )
    except ValidationError as error:
        first = error.errors()[0]
        text = str(first.get("msg", "")).removeprefix("Value error, ")
        raise ValueError(f"{year}年放假安排：{text}") from None


def _pad(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"
