"""The monthly report and the five rosters over a ledger (figures computed in fieldapp.policy)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.month import Month
from fieldapp.domain.sentences import Day, said, template
from fieldapp.policy.pack import Policy
from fieldapp.policy.report import MonthlyReport, monthly_figures
from fieldapp.policy.rosters import RosterSet, build_rosters
from fieldapp.services.claims import batch_area
from fieldapp.services.writer import Actor
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries

#: A 月报 asked for a month (%1) that has not begun on this day (%2): it would be last
#: month's figures under its title (January's on 31 December: 2026's 本年累计 as 2027年1月's).
MONTH_NOT_BEGUN = template(
    "%1还没有到（今天是%2），不能生成这个月的月报：请选今天所在的月份或以前的月份"
)


class ReportRefused(FieldappError):
    """A report that cannot be made (`MONTH_NOT_BEGUN`)."""


def monthly_report(
    ledger: Ledger,
    policy: Policy,
    month: str,
    *,
    area_prefix: str | None = None,
    today: dt.date | None = None,
    actor: Actor | None = None,
) -> MonthlyReport:
    """The month's figures per village/site and in total, as of the month's last day (today
    for the month still running); a month not yet begun is refused (`MONTH_NOT_BEGUN`).

    Over every area (no `area_prefix`) on `actor`'s device, the claims are those its 申领 list
    shows (`claims.listed_claims`): not those of a person another village offers to it, held
    read-only with them, counted in a row of that village."""
    on = today or china_today()
    first = Month(month).first_day
    if on < first:
        raise ReportRefused(said(MONTH_NOT_BEGUN, Day(first, "month"), Day(on)))
    loader = FactsLoader(ledger)
    households = loader.households(area_prefix=area_prefix)
    queries = ClaimQueries(ledger)
    listed_by = batch_area(actor, None) if actor is not None and not area_prefix else None
    claims = queries.select(area_prefix=area_prefix, listed_by=listed_by)
    return monthly_figures(
        policy,
        month,
        households,
        claims,
        distinct_names(loader.area_names()),
        today=on,
        area=area_prefix,
        steps=queries.steps(area_prefix),
    )


def distinct_names(names: dict[str, str]) -> dict[str, str]:
    """Area names told apart: villages or sites of one name in different townships are named
    with their township (两个“幸福社区”安置点 → 城关镇幸福社区, 双河镇幸福社区)."""
    villages = [code for code in names if len(code) == 12]
    seen: dict[str, int] = {}
    for code in villages:
        seen[names[code]] = seen.get(names[code], 0) + 1
    out = dict(names)
    for code in villages:
        if seen[names[code]] > 1:
            township = names.get(code[:9], "")
            out[code] = f"{township}{names[code]}" if township else f"{names[code]}（{code}）"
    return out


def five_rosters(ledger: Ledger, area_code: str, on: dt.date) -> RosterSet:
    """一库五册 of one area (village, site, township…) as of `on`."""
    loader = FactsLoader(ledger)
    names = distinct_names(loader.area_names())
    households = loader.households(area_prefix=area_code, with_months=True)
    return build_rosters(households, area_code, names.get(area_code, area_code), on, names)
