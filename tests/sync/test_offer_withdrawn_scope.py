"""What the receiving village keeps of a person offered to it who never came.

The offer sends the person (and what hangs off them) to the device of the household's village,
read-only, as if they lived there (`answers.OFFER`). Taken back or turned down, the person
leaves its scope as a family that moved out does: it keeps them as they stood when it was told,
and hears nothing of them after (`docs/security.md`, 迁出的人). That is what a device whose
program is from before it forgot them does (`trip_older`); a newer one removes them
(`test_offer_forgotten.py`)."""

from __future__ import annotations

import pytest

from fieldapp.services import households
from fieldapp.services.writer import actor_of
from tests.sync.helpers import job_of
from tests.sync.test_move_in_offered import _offered, _trip
from tests.sync.test_offer_forgotten import trip_older

ACCOUNT = "6222000077776666"


@pytest.mark.parametrize("how", ["withdrawn", "declined"])
def test_an_offer_ended_tells_the_receiver_nothing_of_the_person_after(
    tmp_path, hub, make_device, how: str
):
    village, site, home, second, _there = _offered(tmp_path, hub, make_device)
    assert site.get("persons", second) is not None  # the offer: read-only, as if living there
    if how == "withdrawn":
        households.withdraw_offer(village, actor_of(village), second)
        _trip(hub, village, "红星村", tmp_path, 4)
    else:
        households.decline_move(site, actor_of(site), second)
    trip_older(hub, site, "幸福安置点", tmp_path, 4)
    trip_older(hub, site, "幸福安置点", tmp_path, 5)  # told, and confirmed
    assert site.get("persons", second)["moving_to"] is None
    with village.transaction():
        village.update("persons", second, {"phone": "13912345678", "account_number": ACCOUNT})
    _trip(hub, village, "红星村", tmp_path, 6)
    for n in (6, 7):
        trip_older(hub, site, "幸福安置点", tmp_path, n)
        row = site.get("persons", second)
        assert row["account_number"] != ACCOUNT and row["phone"] != "13912345678"
    for answer in (hub.plan_answer("幸福安置点"), hub.plan_answer("幸福安置点", afresh=True)):
        assert second not in {c[5] for c in answer.changes}


def _listed(ledger) -> set[str]:  # noqa: ANN001
    """The persons the 台账 page lists over 全部区域."""
    from fieldapp.store.queries.persons import LedgerFilter, person_rowids, rows_by_rowid

    return {row.id for row in rows_by_rowid(ledger, list(person_rowids(ledger, LedgerFilter())))}


def _found(ledger, *texts: str) -> set[str]:  # noqa: ANN001
    """The persons the search finds for any of `texts`."""
    from fieldapp.store.queries.search import PersonSearch

    return {row.id for text in texts for row in PersonSearch(ledger).rows(text)}


def _exported(ledger, path) -> dict[str, str]:  # noqa: ANN001
    """The 台账 export's every sheet, its cells as one text, by sheet."""
    from openpyxl import load_workbook

    from fieldapp.tabular.ledger_export import export_ledger

    export_ledger(ledger, path)
    book = load_workbook(path, read_only=True)
    return {
        sheet.title: " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
        for sheet in book
    }


@pytest.mark.parametrize("how", ["withdrawn", "declined"])
def test_a_person_whose_offer_ended_is_not_listed_as_one_of_the_receivers_people(
    tmp_path, hub, make_device, how: str
):
    """The site keeps the row of a person offered to it who never came, as it stood, but not
    their household (another village's): with the offer cleared, its 台账 list, its search,
    its count and its 台账 export (every sheet: their job, their month) listed them as one of
    its own people, 未分户 and no place. They are not its people, offered or not."""
    from fieldapp.store.queries.sheets import count_persons

    village, site, home, second, _there = _offered(tmp_path, hub, make_device, job=True)
    row = site.get("persons", second)
    number = row["id_number"]
    assert site.get("employment_spells", job_of(second)) is not None  # sent with the offer
    assert site.get("households", home) is None
    sheets = _exported(site, tmp_path / "offered.xlsx")
    assert [name for name, cells in sheets.items() if number in cells] == []
    if how == "withdrawn":
        households.withdraw_offer(village, actor_of(village), second)
        _trip(hub, village, "红星村", tmp_path, 4)
    else:
        households.decline_move(site, actor_of(site), second)
    trip_older(hub, site, "幸福安置点", tmp_path, 4)
    trip_older(hub, site, "幸福安置点", tmp_path, 5)
    assert site.get("persons", second)["moving_to"] is None  # kept as it stood, offer ended
    assert second not in _listed(site)
    assert second not in _found(site, "王1", number)
    assert count_persons(site) == len(_listed(site)) == 2  # 王0 who lives there, 李0
    sheets = _exported(site, tmp_path / "ended.xlsx")
    assert [name for name, cells in sheets.items() if number in cells] == []
    # Nor is a 务工证明 printed for them there (typed by their ID number).
    from fieldapp.domain.errors import NotFound
    from fieldapp.paperwork.jobs import certificate_job

    with pytest.raises(NotFound):
        certificate_job(site, number)
    assert certificate_job(village, number).paper == "务工证明"
    # Their own village lists them as ever, job and month too.
    assert second in _listed(village) and second in _found(village, "王1")
    sheets = _exported(village, tmp_path / "village.xlsx")
    assert len([name for name, cells in sheets.items() if number in cells]) >= 3, sheets.keys()
