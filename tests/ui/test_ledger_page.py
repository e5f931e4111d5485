"""The ledger page driven as a user would: search, add persons, refusals, history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import EmploymentSpell, Person
from tests.conftest import make_id
from tests.records import Records
from tests.ui.conftest import UI_USER, as_drawn
from tests.ui.ledger_page import ledger_page, search


def test_ledger_lists_everyone_and_searches_by_pinyin_initials(window, qtbot):
    page = ledger_page(window, qtbot)
    assert page.count_label.text() == "共 3 人"
    page.search_box.setFocus()
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.keyClicks(page.search_box, "zcy")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "张长英"
    # The panel follows once typing pauses.
    qtbot.waitUntil(lambda: page.panel.person is not None and page.panel.person.name == "张长英")


def test_ctrl_f_focuses_search(window, qtbot):
    page = ledger_page(window, qtbot)
    window.show_page("visits")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "ledger"
    qtbot.waitUntil(page.search_box.hasFocus)


def test_bad_id_is_refused_with_reason_and_nothing_saved(window, qtbot):
    page = ledger_page(window, qtbot)
    editor = page.new_person()
    editor.name.setText("赵丽")
    bad = make_id(birth="19900101", seq="222")[:-1] + (
        "0" if make_id(birth="19900101", seq="222")[-1] != "0" else "1"
    )
    editor.id_number.setText(bad)
    assert "校验位" in editor.id_status.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "校验位" in editor.error.text()
    assert editor.isVisible()
    assert (
        Records(page.session.ledger).person_by_id_number(make_id(birth="19900101", seq="222"))
        is None
    )
    count = page.session.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    assert count == 3


def test_valid_id_fills_birth_and_sex_then_person_is_found_by_initials(window, qtbot):
    page = ledger_page(window, qtbot)
    editor = page.new_person()
    editor.name.setText("赵丽")
    number = make_id(birth="19900101", seq="222")
    editor.id_number.setText(number)
    assert "出生日期 1990年1月1日" in editor.id_status.text()  # as a person writes a day
    assert "女" in editor.id_status.text()
    editor.address.setText("大坝村二组")
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    saved = Records(page.session.ledger).person_by_id_number(number)
    assert saved is not None and saved.name == "赵丽"
    search(page, qtbot, "zl")
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert "赵丽" in names


def test_duplicate_id_is_refused_and_opens_the_existing_person(window, qtbot):
    page = ledger_page(window, qtbot)
    existing = make_id(birth="19810316", seq="113")
    editor = page.new_person()
    editor.name.setText("李建")
    editor.id_number.setText(existing)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "已登记" in editor.error.text() and "李建国" in editor.error.text()
    assert editor.open_button.isVisible()
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert page.panel.person.name == "李建国"
    assert page.session.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 3


def test_cancel_with_changes_asks_first(window, qtbot, monkeypatch):
    page = ledger_page(window, qtbot)
    editor = page.new_person()
    editor.name.setText("草稿")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked and editor.isVisible()
    assert window.has_unsaved()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor.reject()
    assert not editor.isVisible()


def test_edit_person_is_logged_in_history(window, qtbot):
    page = ledger_page(window, qtbot)
    search(page, qtbot, "王小明")
    editor = page.edit_person(page.selected_id())
    editor.phone.setText("13800001111")
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    person = Records(page.session.ledger).person_by_id_number(make_id(birth="20010316", seq="123"))
    assert person.phone == "13800001111"
    page.panel.show_person(person.id)
    lines = [page.panel.history.index(r, 3).data() for r in range(page.panel.history.rowCount())]
    assert lines[0] == "联系电话：空 → 13800001111"
    assert lines[-1] == "登记到台账"


def test_employment_spell_added_from_panel(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs.records import SpellDialog

    page = ledger_page(window, qtbot)
    search(page, qtbot, "李建国")
    person_id = page.selected_id()
    dialog = SpellDialog(page.session, person_id, parent=page)
    dialog.place_code.setText("330106")
    assert "杭州" in dialog.place_label.text()
    dialog.employer.setText("杭州某电子厂")
    dialog.save_and_accept()
    spells = Records(page.session.ledger).person_records(EmploymentSpell, person_id)
    assert len(spells) == 1 and spells[0].employer == "杭州某电子厂"


def test_ledger_model_passes_qtmodeltester(window, qtbot, qtmodeltester):
    page = ledger_page(window, qtbot)
    qtmodeltester.check(page.model)
    search(page, qtbot, "zcy")
    qtmodeltester.check(page.model)


def test_household_members_shown(window, qtbot):
    page = ledger_page(window, qtbot)
    search(page, qtbot, "张长英")
    page.panel.show_person(page.selected_id())
    assert page.panel.members.rowCount() == 3
    assert isinstance(page.panel.person, Person)


def _as_a_real_workbook(path):
    """The demo's export with its 演示台账 title taken off: a real ledger refuses a demo's
    workbook (tests/tabular/test_demo_export_stays_demo.py), and the window's ledger is real."""
    import openpyxl

    from fieldapp.tabular.columns import DEMO_TITLE

    book = openpyxl.load_workbook(path)
    for sheet in book:
        title = sheet.cell(1, 1).value
        if isinstance(title, str) and title.startswith(DEMO_TITLE):
            sheet.cell(1, 1).value = title.removeprefix(DEMO_TITLE).lstrip()
    book.save(path)


def test_import_and_export_spreadsheets(window, qtbot, tmp_path, demo_path):
    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.ledger_export import export_ledger
    from fieldapp.ui.dialogs.import_report import ImportReportDialog

    source = tmp_path / "县里的台账.xlsx"
    demo = Ledger.open(demo_path, credentials=UI_USER)
    exported = export_ledger(demo, source)
    demo.close()
    _as_a_real_workbook(source)
    page = ledger_page(window, qtbot)
    page.import_file(source)
    qtbot.waitUntil(lambda: not page.ops.busy and hasattr(page, "preview"), timeout=60000)
    preview = page.preview
    assert preview.report.dry_run and preview.report.persons_imported == exported
    assert page.model.rowCount() == 3  # the preview wrote nothing
    assert preview.changes.rowCount() > 0  # the workbook's spells, visits … listed as new
    preview.confirm.click()
    qtbot.waitUntil(lambda: hasattr(page, "last_import"), timeout=60000)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    report = page.last_import
    assert report.persons_imported > 0
    assert report.persons_imported + len(report.rejected) >= exported
    dialogs = page.findChildren(ImportReportDialog)
    assert dialogs and str(report.persons_imported) in dialogs[-1].summary.text()
    dialogs[-1].close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 + report.persons_imported, timeout=10000)

    out = tmp_path / "导出.xlsx"
    page.export_file(out)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    import openpyxl

    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row}
    assert {"张长英", "李建国"} <= cells


def test_painted_cells_show_what_data_answers(window, qtbot):
    """multiData (one call per painted cell) answers the delegate what data() answers role by
    role: the table painted through it is the table painted through Qt's default."""
    from PySide6.QtCore import QAbstractItemModel, QModelRoleData, QModelRoleDataSpan

    page = ledger_page(window, qtbot)
    model = page.model
    shown = page.table.viewport().grab().toImage()
    # The same rows through Qt's default multiData (data() once per role) paint the same.
    model.multiData = lambda index, span: QAbstractItemModel.multiData(model, index, span)
    page.table.viewport().update()
    assert page.table.viewport().grab().toImage() == shown
    del model.multiData
    # Any other span is answered role by role, the tooltip and the row object included.
    from fieldapp.ui.table_model import ROW_ROLE

    answers = []
    for role in (Qt.ItemDataRole.ToolTipRole.value, Qt.ItemDataRole.FontRole.value, ROW_ROLE):
        wanted = QModelRoleData(int(role))
        model.multiData(model.index(0, 0), QModelRoleDataSpan(wanted))
        answers.append(wanted.data())
    assert answers[:2] == ["张长英", None]
    assert answers[2].name == "张长英"


def test_search_answers_replace_rows_in_place_and_the_panel_follows(window, qtbot):
    page = ledger_page(window, qtbot)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    search(page, qtbot, "张长英")
    qtbot.waitUntil(lambda: page.panel.person is not None and page.panel.person.name == "张长英")
    # Another answer with the first row still current: no reset, and the panel follows the
    # person now in that row.
    search(page, qtbot, "李建国")
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "李建国"
    assert page.table.currentIndex().row() == 0
    qtbot.waitUntil(lambda: page.panel.person is not None and page.panel.person.name == "李建国")
    search(page, qtbot, "zcy")
    search(page, qtbot, "没有这个人")
    assert page.model.rowCount() == 0
    assert resets == []


def test_row_numbers_are_as_wide_as_the_longest_number():
    from PySide6.QtGui import QStandardItemModel

    from fieldapp.ui.widgets import RowNumbers, table_view

    view = table_view()
    header = view.verticalHeader()
    assert isinstance(header, RowNumbers)
    assert header.sectionsClickable() and header.highlightSections()
    model = QStandardItemModel(9, 1)
    view.setModel(model)
    nine = header.sizeHint().width()
    model.setRowCount(100000)
    wide = header.sizeHint().width()
    assert wide > nine
    # Qt's own answer for the same rows.
    header._hints.clear()
    assert header.sizeHint().width() == wide
    model.setRowCount(5)
    assert header.sizeHint().width() == nine


def test_import_and_export_are_off_while_one_runs(window, qtbot, tmp_path):
    """导入 Excel… stayed on during an export (or an import): starting the other dropped the
    first one's outcome — an import's report of refused rows never showed."""
    page = ledger_page(window, qtbot)
    page.export_file(tmp_path / "台账.xlsx")
    assert page.ops.busy
    assert not page.import_button.isEnabled() and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=30000)
    assert page.import_button.isEnabled() and page.export_button.isEnabled()
    assert "已导出 3 人" in page.count_label.text()


def test_the_export_line_names_the_file_by_its_name(window, qtbot, tmp_path):
    """The line under the list said the workbook's whole path (a long one under the user's
    profile, or a stick's drive and folders), cut off in a narrow window; it names the file by
    its name, the whole path in its tooltip (the page has no 打开所在文件夹)."""
    page = ledger_page(window, qtbot)
    out = tmp_path / "给乡里" / "红星村台账.xlsx"
    out.parent.mkdir()
    page.export_file(out)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=30000)
    assert page.count_label.text() == "已导出 3 人 → 红星村台账.xlsx（含个人信息，请妥善保管）"
    assert as_drawn(page.count_label.toolTip()) == str(out)
    page.reload()  # the list's own line again: no tooltip of a file left on it
    qtbot.waitUntil(lambda: page.count_label.text() == "共 3 人")
    assert page.count_label.toolTip() == ""


def test_the_status_filter_lists_the_accounts_excel_rounded(window, qtbot):
    # Accounts kept before the import refused them (6217002870012340000: Excel kept 15 digits)
    # print blank on the papers; the coordinator finds them all under 账号待核实.
    page = ledger_page(window, qtbot)
    search(page, qtbot, "王小明")
    ledger = page.session.ledger
    ledger.update("persons", page.selected_id(), {"account_number": "6217002870012340000"})
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.search_box.clear()
    index = page.status.findText("账号待核实")
    assert index > 0
    page.status.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == "王小明"
