"""一库五册 and 户级责任 pages: counts on screen, previewed as paper and saved, exported to Excel."""

from __future__ import annotations

import io
import re

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldapp.policy.rosters import COLUMNS
from fieldapp.services.exports import export_log
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.demo_ledger import biggest_village


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def save_preview(preview, path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert preview.save_dialog() == path


def test_five_rosters_previewed_saved_and_exported(demo_window, qtbot, tmp_path, monkeypatch):
    page = demo_window.show_page("rosters")
    village = biggest_village(demo_window.session.ledger)
    page.area.set_code(village)
    wait_idle(qtbot, page)
    labour = len(page.rosters.sheets["劳动力名册"])
    assert labour > 0 and page.buttons["劳动力名册"].text() == f"劳动力名册 {labour} 人"
    page.choose("转移就业名册")
    migrants = page.rosters.sheets["转移就业名册"]
    assert page.model.rowCount() == len(migrants) > 0
    assert page.model.columnCount() == len(COLUMNS["转移就业名册"])
    # Money on screen without ".0".
    incomes = [page.model.index(r, 13).data() for r in range(page.model.rowCount())]
    assert incomes and not any(str(i).endswith(".0") for i in incomes)
    opened = []
    page.preview(page.current(), opened.append)
    wait_idle(qtbot, page)
    text = pdf_text(opened[0].pdf)
    assert "转移就业名册" in text and migrants[0][1] in text and "第 1 页" in text
    save_preview(opened[0], tmp_path / "转移就业名册.pdf", monkeypatch)
    assert (tmp_path / "转移就业名册.pdf").read_bytes().startswith(b"%PDF")
    opened[0].close()
    opened.clear()
    page.preview(None, opened.append)
    wait_idle(qtbot, page)
    text = pdf_text(opened[0].pdf)
    for name in COLUMNS:
        assert name in text
    opened[0].close()
    out = tmp_path / "一库五册.xlsx"
    page.export_to(out)
    wait_idle(qtbot, page)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(COLUMNS)
    assert book["劳动力名册"].max_row >= labour + 2
    assert "含个人信息" in page.summary.text()
    assert export_log(demo_window.session.ledger)[0]["kind"] == "一库五册"


def test_household_duties_counted_previewed_saved_and_exported(
    demo_window, qtbot, tmp_path, monkeypatch
):
    page = demo_window.show_page("duties")
    wait_idle(qtbot, page)
    flags = page.flags
    assert flags
    zero = [f for f in flags if f.kind == "零就业家庭"]
    assert page.kind_buttons["零就业家庭"].text() == f"零就业家庭 {len(zero)}"
    page.set_kind("零就业家庭")
    assert page.model.rowCount() == len(zero)
    opened = []
    page.preview(opened.append)
    wait_idle(qtbot, page)
    text = pdf_text(opened[0].pdf)
    assert "户级责任清单" in text and "零就业家庭" in text and "演示台账" in text
    save_preview(opened[0], tmp_path / "户级责任.pdf", monkeypatch)
    opened[0].close()
    out = tmp_path / "户级责任.xlsx"
    page.export_to(out)
    wait_idle(qtbot, page)
    sheet = openpyxl.load_workbook(out)["户级责任"]
    assert sheet.max_row == len(zero) + 2
    assert {sheet.cell(r, 2).value for r in range(3, sheet.max_row + 1)} == {"零就业家庭"}


def test_duties_follow_an_area_chosen_while_the_list_is_worked_out(demo_window, qtbot):
    """Choosing another area while the county's duties were still being worked out was ignored:
    the county's list stayed under the new area's name, and 导出/预览 wrote it under that name.
    The list is worked out again for the area chosen; preview and export wait for it."""
    page = demo_window.show_page("duties")
    page.area.set_code("")
    wait_idle(qtbot, page)
    everywhere = page.flags
    village = biggest_village(demo_window.session.ledger)
    assert everywhere and all(f.area_code.startswith(village) for f in everywhere)
    other = demo_window.session.ledger.db.execute(
        "SELECT code FROM areas WHERE length(code) = 9 AND code <> ? ORDER BY code LIMIT 1",
        [village[:9]],
    ).fetchone()[0]
    page.refresh()
    assert page.panel.busy
    assert not page.export_button.isEnabled() and not page.preview_button.isEnabled()
    page.area.set_code(other)  # while the county's list is still being worked out
    wait_idle(qtbot, page)
    assert page.area.code() == other
    assert all(f.area_code.startswith(other) for f in page.flags)
    assert len(page.flags) < len(everywhere)
    assert page.export_button.isEnabled() and page.preview_button.isEnabled()


def test_rosters_and_report_exports_wait_for_the_new_figures(demo_window, qtbot):
    """导出 on 一库五册 or 报表 while new figures were worked out dropped them: the old area's
    or month's stayed on screen under the new choice. The buttons are off meanwhile."""
    rosters = demo_window.show_page("rosters")
    rosters.area.set_code(biggest_village(demo_window.session.ledger))
    wait_idle(qtbot, rosters)
    assert rosters.export_button.isEnabled()
    rosters.make()
    buttons = (rosters.preview_button, rosters.preview_all_button, rosters.export_button)
    assert rosters.panel.busy and not any(b.isEnabled() for b in buttons)
    wait_idle(qtbot, rosters)
    assert all(b.isEnabled() for b in buttons)
    reports = demo_window.show_page("reports")
    reports.make()
    wait_idle(qtbot, reports)
    assert reports.export_button.isEnabled()
    reports.make()
    assert reports.panel.busy and not reports.export_button.isEnabled()
    wait_idle(qtbot, reports)
    assert reports.export_button.isEnabled()


def test_duties_of_the_old_area_are_not_shown_under_the_new_one(demo_window, qtbot):
    """While the list of a newly chosen area was worked out, the old area's duties stayed on
    screen under the new name, their count in the summary, until the old list had finished and
    the new one was worked out after it. The old list is now dropped at once and the new one
    started (the newest question wins); an export being written is still waited for."""
    page = demo_window.show_page("duties")
    village = biggest_village(demo_window.session.ledger)
    page.area.set_code("")
    wait_idle(qtbot, page)
    assert page.flags and page.model.rowCount()
    page.refresh()
    assert page.panel.busy
    page.area.set_code(village)
    # Nothing of the whole area's list is shown under the village.
    assert page.flags == [] and page.model.rowCount() == 0
    assert "涉及" not in page.summary.text()
    wait_idle(qtbot, page)
    assert page.flags and all(f.area_code.startswith(village) for f in page.flags)
    assert page.summary.text().startswith(f"{page.model.rowCount()} 项")


def test_an_area_chosen_while_duties_are_exported_is_listed_after(demo_window, qtbot, tmp_path):
    """An area chosen while the duties were written to Excel was waited for, and then never
    listed: the old area's duties stayed under the new name."""
    page = demo_window.show_page("duties")
    village = biggest_village(demo_window.session.ledger)
    other = demo_window.session.ledger.db.execute(
        "SELECT code FROM areas WHERE length(code) = 9 AND code <> ? ORDER BY code LIMIT 1",
        [village[:9]],
    ).fetchone()[0]
    page.area.set_code("")
    wait_idle(qtbot, page)
    assert page.model.rowCount() and not any(r.area_code.startswith(other) for r in page.flags)
    page.export_to(tmp_path / "户级责任.xlsx")
    assert page.panel.writing
    page.area.set_code(other)
    qtbot.waitUntil(lambda: not page.panel.busy and page._fresh and not page._again, timeout=20000)
    wait_idle(qtbot, page)
    assert all(r.area_code.startswith(other) for r in page.model.rows)
    assert page.summary.text().startswith(f"{page.model.rowCount()} 项")
    assert (tmp_path / "户级责任.xlsx").exists()


def test_rosters_of_the_old_area_are_not_shown_under_the_new_one(demo_window, qtbot, tmp_path):
    """一库五册: while another area's rosters were worked out, the old area's stayed on screen
    under the new choice. The old rosters are now dropped at once; a workbook being written is
    waited for, and the new area's rosters worked out after it."""
    page = demo_window.show_page("rosters")
    village = biggest_village(demo_window.session.ledger)
    page.area.set_code(village)
    wait_idle(qtbot, page)
    assert page.rosters is not None and page.model.rowCount()
    township = village[:9]
    page.area.set_code(township)
    assert page.panel.busy and page.rosters is None and page.model.rowCount() == 0
    wait_idle(qtbot, page)
    assert page.rosters is not None and page.rosters.area_code == township
    page.export_to(tmp_path / "一库五册.xlsx")
    assert page.panel.writing
    page.area.set_code(village)
    assert page.panel.writing and page._again  # the workbook is not dropped for the new area
    qtbot.waitUntil(
        lambda: page.rosters is not None and page.rosters.area_code == village, timeout=20000
    )
    wait_idle(qtbot, page)
    assert (tmp_path / "一库五册.xlsx").exists()


@pytest.mark.today("2026-12-03")
def test_a_roster_button_counts_persons_as_the_paper_does(window, qtbot):
    """王 trained in October and again in November, 李 once: the 培训名册 button said
    培训名册 3 and the line under the list 3 人 — rows, while the printed roster says 共 2 人
    3 条. They now count as the paper does: 培训名册 2 人 3 条 and 2 人 3 条; a roster listing
    each person once says its persons (劳动力名册 3 人)."""
    import datetime as dt

    from fieldapp.domain.models import ServiceRecord
    from fieldapp.store.queries import records
    from tests.conftest import make_id
    from tests.records import Records
    from tests.ui.conftest import PEOPLE

    ledger = window.session.ledger
    people = [
        records.person_by_id_number(ledger, make_id(birth=birth, seq=seq))
        for _name, birth, seq, _relation in PEOPLE[:2]
    ]
    repo = Records(ledger)
    with ledger.transaction():
        for person, day in (
            (people[0], dt.date(2026, 10, 12)),
            (people[0], dt.date(2026, 11, 20)),
            (people[1], dt.date(2026, 11, 20)),
        ):
            repo.save(
                ServiceRecord(
                    person_id=person.id,
                    service_date=day,
                    service_type="职业培训",
                    training_days=5,
                )
            )
    page = window.show_page("rosters")
    page.area.set_code(VILLAGE)
    wait_idle(qtbot, page)
    assert len(page.rosters.sheets["培训名册"]) == 3
    assert page.buttons["培训名册"].text() == "培训名册 2 人 3 条"
    labour = page.rosters.persons("劳动力名册")
    assert page.buttons["劳动力名册"].text() == f"劳动力名册 {labour} 人"
    page.choose("培训名册")
    assert page.current() == "培训名册"
    # The day as the printed roster says it (it read 截至 2026-12-03).
    assert "培训名册：2 人 3 条（截至 2026年12月3日）" in page.summary.text(), page.summary.text()
    # In English the five buttons still fit a 1024 screen (the page does not scroll sideways).
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.set_language("en")
    page = window.show_page("rosters")
    page.area.set_code(VILLAGE)
    wait_idle(qtbot, page)
    window.resize(1024, 768 - 72)
    qtbot.wait(100)
    # The buttons are the window's words: each roster named in English (劳动力名册 … stayed).
    assert page.buttons["培训名册"].text() == "Training 2 (3 rows)"
    for button in page.buttons.values():
        assert not re.search(r"[\u4e00-\u9fff]", button.text()), button.text()
    page.choose("培训名册")
    assert page.current() == "培训名册"
    assert "Training: 2 person(s), 3 entries" in page.summary.text(), page.summary.text()
    room = window._room_of(page)
    assert page.minimumSizeHint().width() <= room.viewport().width()
    window.set_language("zh_CN")
