"""The desktop app's read queries: the paged ledger table, filters, month view; backups."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.enums import AreaKind, Category
from fieldapp.domain.models import Area, CategoryMembership, Household, MonthlyStatus, Person, Visit
from fieldapp.store.backup import BackupError, backup_to, check_backup, restore_from
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.persons import (
    NOT_UPDATED,
    LedgerFilter,
    household_members,
    month_visits,
    person_rowids,
    rows_by_id,
    rows_by_rowid,
)
from tests.conftest import make_id


@pytest.fixture
def village(repo):
    """Two villages, three households, five persons."""
    ids = {}
    with repo.ledger.transaction():
        repo.ensure_area(Area(code="520502", name="七星关区", kind=AreaKind.COUNTY))
        repo.ensure_area(
            Area(code="520502001", name="市西街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
        for code, name in (("520502001001", "大坝村"), ("520502001002", "小河村")):
            repo.ensure_area(
                Area(code=code, name=name, kind=AreaKind.VILLAGE, parent_code="520502001")
            )
        homes = [
            repo.save(Household(area_code="520502001001", household_no="1")),
            repo.save(Household(area_code="520502001001", household_no="2")),
            repo.save(Household(area_code="520502001002", household_no="1")),
        ]
        people = [
            ("张一", 0, "户主", "19800101"),
            ("张二", 0, "子女", "20050101"),
            ("李三", 1, "户主", "19700101"),
            ("王四", 2, "户主", "19900101"),
            ("王五", 2, "配偶", "19910101"),
        ]
        for seq, (name, home, relation, birth) in enumerate(people):
            pid, _w = repo.add_person(
                Person(
                    name=name,
                    id_number=make_id(birth=birth, seq=f"{seq + 1:03d}"),
                    household_id=homes[home],
                    relation=relation,
                )
            )
            ids[name] = pid
        ids["homes"] = homes
    return ids


def test_rowids_and_pages_in_entry_order(repo, village):
    rowids = person_rowids(repo.db, LedgerFilter())
    assert len(rowids) == 5
    rows = rows_by_rowid(repo.db, list(reversed(rowids[:3])))
    assert [r.name for r in rows] == ["李三", "张二", "张一"]
    assert rows[0].area_code == "520502001001"
    assert [r.name for r in rows_by_id(repo.db, [village["王五"], village["张一"]])] == [
        "王五",
        "张一",
    ]


def test_area_filter_uses_code_prefix(repo, village):
    in_daba = person_rowids(repo.db, LedgerFilter(area_prefix="520502001001"))
    in_township = person_rowids(repo.db, LedgerFilter(area_prefix="520502001"))
    assert len(in_daba) == 3 and len(in_township) == 5


def test_category_and_status_filters(repo, village):
    today = dt.date.today()
    repo.save(
        CategoryMembership(person_id=village["李三"], category=Category.LIFTED, start_date=today)
    )
    ended = CategoryMembership(
        person_id=village["王四"],
        category=Category.LIFTED,
        start_date=today - dt.timedelta(days=400),
        end_date=today - dt.timedelta(days=30),
    )
    repo.save(ended)
    lifted = rows_by_rowid(repo.db, person_rowids(repo.db, LedgerFilter(category="脱贫人口")))
    assert [r.name for r in lifted] == ["李三"]
    month = today.strftime("%Y-%m")
    repo.set_monthly_status(MonthlyStatus(person_id=village["张一"], month=month, status="已就业"))
    employed = person_rowids(repo.db, LedgerFilter(work_status="已就业", month=month))
    missing = person_rowids(repo.db, LedgerFilter(work_status=NOT_UPDATED, month=month))
    assert len(employed) == 1 and len(missing) == 4


def test_deleted_persons_are_not_listed(repo, village):
    with repo.ledger.transaction():
        repo.ledger.delete("persons", village["张二"])
    assert len(person_rowids(repo.db, LedgerFilter())) == 4
    assert [m.name for m in household_members(repo.db, village["homes"][0])] == ["张一"]


def test_month_view_counts_visits_unvisited_first(repo, village):
    day = dt.date(2026, 3, 5)
    repo.save(Visit(household_id=village["homes"][1], visit_date=day))
    repo.save(Visit(household_id=village["homes"][1], visit_date=day.replace(day=20)))
    repo.save(Visit(household_id=village["homes"][0], visit_date=dt.date(2026, 4, 1)))
    rows = month_visits(repo.db, "2026-03", "520502001")
    assert [r.visits for r in rows] == [0, 0, 2]
    assert rows[-1].head_name == "李三" and rows[-1].last_visit == "2026-03-20"
    assert sum(r.member_count for r in rows) == 5


def test_backup_restore_round_trip(ledger, repo, village, tmp_path):
    dest = tmp_path / "b" / "backup.fieldbackup"
    with pytest.raises(BackupError):  # a plain ledger is never backed up in clear
        backup_to(ledger, dest)
    path = tmp_path / "ledger.db"
    ledger.close()
    li = Credentials("李芳", "村里的口令1")
    encrypted = Ledger.open(path, credentials=li)  # converted on first open with a password
    seen = []
    backup_to(encrypted, dest, lambda done, total: seen.append((done, total)))
    assert check_backup(dest, li)["persons"] == 5 and seen
    with encrypted.transaction():
        encrypted.delete("persons", village["王五"])
    encrypted.close()
    kept = restore_from(dest, path, li)
    assert kept is not None

    def persons(at):
        opened = Ledger.open(at, credentials=li)
        try:
            return opened.db.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()[0]
        finally:
            opened.close()

    assert persons(kept) == 4
    assert persons(path) == 5
    with pytest.raises(BackupError):
        check_backup(tmp_path / "missing.db", li)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(BackupError):
        check_backup(junk, li)
