"""The sentence saying a sheet's date was set aside is filled at once (`sentences.fill`): the
title's own words, as typed, keep a "%3" they hold (it was filled with the import's time)."""

from __future__ import annotations

from fieldapp.tabular.outcome import ImportReport


def test_a_title_holding_a_blank_is_said_as_typed() -> None:
    report = ImportReport(
        date_claimed="台账%3月",
        date_claimed_where="标题",
        date_not_believed="unreadable",
        imported_at="2026-12-07 18:30",
    )
    said = report.date_refused_said()
    assert "“台账%3月”" in said
    assert "2026-12-07 18:30" not in said
