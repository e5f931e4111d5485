"""The English window says the program's own words in English: the due list's and the duties
list's kinds and urgencies (buttons, combo and cells), a result's fund on its own line as the
county names it, and the yes/no print setting as a tick box (in both languages)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from fieldapp.policy.due import Urgency
from fieldapp.policy.eligibility import Status
from tests.ui.conftest import wait_idle

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _english(window) -> None:
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))


def test_due_kinds_and_urgencies_are_said_in_english(demo_window, qtbot):
    _english(demo_window)
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    assert due.items
    for button in due.kind_buttons.values():
        assert not CHINESE.search(button.text()), button.text()
    assert due.kind_buttons["1311服务"].text().startswith("1311 service ")
    assert due.kind_buttons["月度更新"].text().startswith("Monthly update ")
    urgencies = [due.urgency.itemText(i) for i in range(due.urgency.count())]
    assert not any(CHINESE.search(text) for text in urgencies), urgencies
    assert due.urgency.findData(str(Urgency.OVERDUE)) >= 0  # the filter still keys on the word
    headers = [
        due.model.headerData(c, Qt.Orientation.Horizontal) for c in range(due.model.columnCount())
    ]
    urgency_column, kind_column = headers.index("Urgency"), headers.index("Task")
    for row in range(due.model.rowCount()):
        for column in (urgency_column, kind_column):
            cell = due.model.index(row, column).data()
            assert cell and not CHINESE.search(cell), cell
    # The column holds its longest kind whole.
    longest = due.table.fontMetrics().horizontalAdvance("Unemployment registration")
    assert due.table.columnWidth(kind_column) > longest
    # Filtering by a kind still works on the Chinese the items keep.
    due.kind_buttons["月度更新"].click()
    assert due.model.rows and all(row.kind == "月度更新" for row in due.model.rows)


def test_duty_kinds_are_said_in_english(demo_window, qtbot):
    _english(demo_window)
    page = demo_window.show_page("duties")
    wait_idle(qtbot, page)
    assert page.kind_buttons["零就业家庭"].text().startswith("Zero-employment household ")
    for button in page.kind_buttons.values():
        assert not CHINESE.search(button.text()), button.text()
    assert page.model.rowCount()
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    column = headers.index("Task")
    longest = page.table.fontMetrics().horizontalAdvance(
        "Public-welfare post, income over the line"
    )
    assert page.table.columnWidth(column) > longest
    for row in range(page.model.rowCount()):
        cell = page.model.index(row, column).data()
        assert cell and not CHINESE.search(cell), cell


def test_the_fund_is_on_its_own_line_as_the_county_names_it(demo_window, qtbot):
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = next(
        r
        for r, result in enumerate(page.results.rows)
        if result.status is not Status.NOT_ELIGIBLE and result.funding_source
    )
    fund = page.results.rows[row].funding_source
    page.results_view.selectRow(row)
    lines = page.reasons.toPlainText().splitlines()
    assert f"资金来源：{fund}" in lines
    assert not any(line.startswith("金额：") and fund in line for line in lines)
    _english(demo_window)
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    page.results_view.selectRow(row)
    lines = page.reasons.toPlainText().splitlines()
    assert f"Funding source (as the county names it): {fund}" in lines
    amount = next(line for line in lines if line.startswith("Amount: "))
    assert fund not in amount


def test_working_days_setting_is_a_tick_box(demo_window):
    ledger = demo_window.session.ledger
    page = demo_window.show_page("settings")
    check = page.paper_checks["notice_working_days"]
    assert "notice_working_days" not in page.paper_fields
    assert check.isChecked()  # the default: working days
    check.setChecked(False)
    assert demo_window.has_unsaved()
    assert page.save_paper()
    assert ledger.get_meta("paper.notice_working_days") == "否"
    assert not demo_window.has_unsaved()
    _english(demo_window)
    page = demo_window.show_page("settings")
    check = page.paper_checks["notice_working_days"]
    assert not check.isChecked()  # as saved
    form = check.parentWidget().layout()
    label = form.labelForField(check).text()
    assert label == "Notice period in working days"
    check.setChecked(True)
    assert page.save_paper()
    assert ledger.get_meta("paper.notice_working_days") == "是"


#: The program's own Chinese in a 说明 (the templates' words, not a name or an employer's).
TEMPLATE_WORDS = re.compile(
    "发现失业|工作日内|按月更新|跟踪回访|最低服务|起计|无人就业|均未就业|动态清零|监测线|公益性岗位"
)


def _explanations(page) -> list[tuple[str, object]]:
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    column = next(c for c, h in enumerate(headers) if h in ("说明", "Details"))
    return [
        (page.model.index(row, column).data(), page.model.rows[row])
        for row in range(page.model.rowCount())
    ]


def test_due_and_duty_explanations_are_said_in_the_window_language(demo_window, qtbot):
    """The 说明 of the 待办 and 户级责任 lists (“2026年11月就业状态按月更新”, “有劳动力2人（…），
    无人就业”) were Chinese in the English window; each is now its sentence said in English,
    the names as they are, and the Chinese window says what it said."""
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    duties = demo_window.show_page("duties")
    wait_idle(qtbot, duties)
    for page, text in ((due, "title"), (duties, "text")):
        cells = _explanations(page)
        assert cells and all(cell == getattr(row, text) for cell, row in cells)
    _english(demo_window)
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    cells = _explanations(due)
    assert {row.kind for _c, row in cells} >= {"1311服务", "月度更新"}
    for cell, row in cells:
        assert cell != row.title and not TEMPLATE_WORDS.search(cell), (cell, row.title)
    monthly = next((c, r) for c, r in cells if r.kind == "月度更新")
    assert monthly[0].startswith("Monthly update of the work status for "), monthly
    duties = demo_window.show_page("duties")
    wait_idle(qtbot, duties)
    cells = _explanations(duties)
    assert cells
    for cell, row in cells:
        assert cell != row.text and not TEMPLATE_WORDS.search(cell), (cell, row.text)
        for name in row.names:
            assert name in cell or row.kind != "一户一人未实现", (cell, name)


def test_due_progress_is_said_in_the_window_language(demo_window, qtbot):
    """The 进度 of the 待办 list (“政策宣传 0/1、岗位推荐 0/3”, “跟踪回访 1/2”) was Chinese in
    the English window; it is now its sentence said in English, and the Chinese window says
    what it said."""
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    cells = [(c, r) for c, r in _progress(due) if r.progress]
    assert cells and all(cell == row.progress for cell, row in cells)
    _english(demo_window)
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    cells = [(c, r) for c, r in _progress(due) if r.progress]
    assert {row.kind for _c, row in cells} >= {"1311服务"}
    for cell, row in cells:
        assert not CHINESE.search(cell) and not TEMPLATE_WORDS.search(cell), (cell, row.progress)
        assert re.search(r"\d+/\d+$", cell), cell


def _progress(page) -> list[tuple[str, object]]:
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    column = next(c for c, h in enumerate(headers) if h in ("进度", "Progress"))
    return [
        (page.model.index(row, column).data(), page.model.rows[row])
        for row in range(page.model.rowCount())
    ]


def _noun(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def test_counts_say_their_nouns_in_english(demo_window, qtbot):
    """走访 said "1 households visited" and 户级责任 "10 item(s) in 7 household(s)": each count
    now says its noun for itself (1 household, 2 households), in each area and kind."""
    _english(demo_window)
    visits = demo_window.show_page("visits")
    seen = set()
    for index in range(visits.area.count()):
        visits.area.setCurrentIndex(index)
        rows = visits.households.rows
        visited = sum(1 for r in rows if r.visits)
        assert visits.summary.text() == (
            f"{_noun(visited, 'household', 'households')} visited, "
            f"{len(rows) - visited} not visited, {len(rows)} in all"
        )
        seen.add(min(visited, 2))
    assert 1 in seen, seen  # a single household said (the demo has such a month)
    duties = demo_window.show_page("duties")
    wait_idle(qtbot, duties)
    for button in duties.kind_buttons.values():
        button.click()
        shown = duties.shown()
        households = len({f.household_id for f in shown})
        assert duties.summary.text() == (
            f"{_noun(len(shown), 'item', 'items')} in "
            f"{_noun(households, 'household', 'households')}"
        )
    assert "(s)" not in duties.summary.text()
    demo_window.set_language("zh_CN")
    visits = demo_window.show_page("visits")
    assert re.fullmatch(r"已走访 \d+ 户，未走访 \d+ 户，共 \d+ 户", visits.summary.text())


def test_the_users_marks_are_bracketed_in_the_language_shown(demo_window):
    """Settings listed the user who manages users as 测试员（manages users）: the Chinese
    brackets around the English words. Each language's own now."""

    def users() -> list[str]:
        page = demo_window.show_page("settings")
        return [page.users_list.item(r).text() for r in range(page.users_list.count())]

    assert "测试员（可管理用户）" in users()
    _english(demo_window)
    shown = users()
    assert "测试员 (manages users)" in shown, shown
    assert not any(re.search("[（）]", text) for text in shown), shown
    demo_window.set_language("zh_CN")
