"""Every table model passes qtmodeltester; the wizard makes a usable ledger; start-up, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import FieldappError
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.persons import LedgerFilter, person_rowids, rows_by_rowid
from fieldapp.ui import errors, prefs
from tests.ui.conftest import UI_USER, wait_idle

ROOT = Path(__file__).resolve().parents[2]


def test_every_table_model_passes_modeltester(demo_window, qtbot, qtmodeltester):
    ledger = demo_window.show_page("ledger")
    qtbot.waitUntil(lambda: ledger.model.rowCount() > 0)
    qtmodeltester.check(ledger.model)
    ledger.select_row(0)
    panel = ledger.panel
    for model in (panel.members, panel.spells, panel.registrations, panel.services, panel.history):
        qtmodeltester.check(model)
    visits = demo_window.show_page("visits")
    qtmodeltester.check(visits.households)
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    qtmodeltester.check(due.model)
    subsidies = demo_window.show_page("subsidies")
    subsidies.find_eligible()
    wait_idle(qtbot, subsidies)
    for model in (subsidies.results, subsidies.claims, subsidies.batches):
        qtmodeltester.check(model)
    printing = demo_window.show_page("print")
    qtmodeltester.check(printing.log)
    sync = demo_window.show_page("sync")
    qtmodeltester.check(sync.conflicts.model)
    reports = demo_window.show_page("reports")
    reports.make()
    wait_idle(qtbot, reports)
    qtmodeltester.check(reports.model)


def test_ledger_filters_by_area_category_and_status(demo_window, qtbot):
    page = demo_window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    total = page.model.rowCount()
    village = next(r.code for r in page.areas.rows if r.kind == "村")
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.area.set_code(village)
    in_village = page.model.rowCount()
    assert 0 < in_village <= total
    for row in range(in_village):
        assert page.model.row_at(row).area_code.startswith(village)
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.category.set_value("脱贫人口")
    assert page.model.rowCount() <= in_village
    expected = person_rowids(
        page.session.ledger.db, LedgerFilter(area_prefix=village, category="脱贫人口")
    )
    assert list(page.model.rowids) == list(expected)


def test_scroll_to_the_end_fetches_only_pages(demo_window, qtbot):
    page = demo_window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    last = page.model.rowCount() - 1
    page.table.scrollToBottom()
    row = page.model.row_at(last)
    assert row == rows_by_rowid(page.session.ledger.db, [page.model.rowids[last]])[0]
    assert len(page.model.pages) <= 40


def test_wizard_creates_ledger_with_area_and_demo(qtbot, tmp_path):
    from fieldapp.reference import divisions
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard

    make_app()
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    path = tmp_path / "new" / "ledger.db"
    wizard.new_path.setText(str(path))
    wizard.device_name.setText("大坝村笔记本")
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令1")
    county = divisions().counties()[0]
    wizard.set_county(county.code)
    township = divisions().children(county.code)[0]
    wizard.township.setCurrentIndex(wizard.township.findData(township.code))
    wizard.place_name.setText("大坝村")
    wizard.demo.setChecked(True)
    wizard.demo_count.setValue(20)
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    # The demo went into a ledger of its own, opened first; the real one holds nobody.
    demo = path.with_name("演示台账.db")
    assert wizard.ledger_path == demo
    me = Credentials("王芳", "王芳的口令1")
    for file, people in ((path, 0), (demo, 20)):
        # Both created encrypted from the start, 王芳 their first user: never a clear file.
        assert Path(f"{file}.keys").is_file()
        assert not file.read_bytes().startswith(b"SQLite format 3")
        led = Ledger.open(file, credentials=me)
        try:
            home = led.get_meta("home_area_code")
            assert home.startswith(township.code) and len(home) == 12
            assert led.get_meta("device_name") == "大坝村笔记本"
            assert led.user == led.author == "王芳"
            names = [r[0] for r in led.db.execute("SELECT name FROM areas WHERE code = ?", [home])]
            assert names == ["大坝村"]
            persons = led.db.execute("SELECT count(*) FROM persons").fetchone()[0]
            assert persons >= people and (people or persons == 0)
            assert (led.get_meta("ledger_kind") == "demo") == bool(people)
            # The demo's people were written as 演示数据; the real ledger only by the user.
            authors = {r[0] for r in led.db.execute("SELECT DISTINCT author FROM changes")}
            assert ("演示数据" in authors) if people else authors == {"王芳"}
        finally:
            led.close()
    from fieldapp.ui.app import open_window

    window = open_window(demo, credentials=me)
    try:
        assert window.windowTitle().startswith("演示台账")
        assert not window.demo_banner.isHidden() and "虚构" in window.demo_banner.text()
    finally:
        window.shutdown_pages()
        window.session.close()


def test_wizard_refuses_a_first_user_without_a_good_password(qtbot, tmp_path, warnings_shown):
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard

    make_app()
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    path = tmp_path / "new" / "ledger.db"
    wizard.new_path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == 1  # the device page: name, first user, password
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令2")
    assert not wizard.validateCurrentPage()
    assert "请在“再输入一次”中重新输入" in warnings_shown[-1]
    wizard.password.setText("123")
    wizard.password_again.setText("123")
    assert not wizard.validateCurrentPage() and "口令至少" in warnings_shown[-1]
    wizard.author.setText("")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令1")
    assert not wizard.validateCurrentPage() and "用户名" in warnings_shown[-1]
    wizard.author.setText("王芳")
    assert wizard.validateCurrentPage()
    assert not path.exists()  # nothing is written before the wizard's last page


def test_wizard_refuses_missing_file_to_open(qtbot, tmp_path, warnings_shown):
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard

    make_app()
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_radio.setChecked(True)
    wizard.open_path.setText(str(tmp_path / "missing.db"))
    assert not wizard.validateCurrentPage()
    assert warnings_shown and "找不到" in warnings_shown[-1]


def test_excepthook_shows_chinese_not_traceback(qtbot, warnings_shown):
    from fieldapp.ui.app import make_app

    make_app()
    errors.setup_logging()
    try:
        raise KeyError("internal detail")
    except KeyError as error:
        errors.excepthook(type(error), error, error.__traceback__)
    assert "程序内部出错" in warnings_shown[-1]
    assert "KeyError" not in warnings_shown[-1]
    try:
        raise FieldappError("身份证号码有误")
    except FieldappError as error:
        errors.excepthook(type(error), error, error.__traceback__)
    assert warnings_shown[-1] == "身份证号码有误"
    log = Path(os.environ["FIELDAPP_HOME"]) / "fieldapp.log"
    assert "KeyError" in log.read_text(encoding="utf-8")


def test_app_reopens_last_ledger_and_page(window, qtbot):
    window.show_page("reports")
    window.close()
    assert prefs.get("last_ledger") == window.session.path
    assert prefs.get("last_page") == "reports"
    from fieldapp.ui.app import ledger_to_open

    assert str(ledger_to_open(None)) == window.session.path


def test_run_app_starts_and_quits(tmp_path, ledger_path):
    # A scripted start logs in from FIELDAPP_USER / FIELDAPP_PASSWORD, as the command line does.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_QUIT_AFTER_START="1")
    env.update(FIELDAPP_USER=UI_USER.user, FIELDAPP_PASSWORD=UI_USER.password)
    env["FIELDAPP_HOME"] = str(tmp_path / "home2")
    result = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--db", str(ledger_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_unsaved_visit_asks_before_close(window, qtbot, monkeypatch):
    visits = window.show_page("visits")
    row = rows_by_rowid(window.session.ledger.db, [1])[0]
    visits.choose(row)
    visits.notes.setText("还没保存")
    asked: list[object] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    window.close()
    assert asked and window.isVisible()
    assert visits.notes.text() == "还没保存"


def _shown_in_open_list(combo) -> list[str]:
    """The names as the open list draws them (through the view's delegate)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    delegate, model, shown = combo.view().itemDelegate(), combo.model(), []
    for row in range(combo.count()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(row, 0))
        shown.append(option.text)
    return shown


def test_area_picker_lists_indented_names_and_keeps_the_choice(window):
    """The open list indents names by their depth; the closed box shows the chosen name alone
    (it read '　　大坝村', leading spaces and all)."""
    from fieldapp.ui.areas import AreaCombo, AreaIndex
    from tests.ui.conftest import VILLAGE

    index = AreaIndex.load(window.session.ledger)
    combo = AreaCombo("全部区域")
    combo.fill(index, keep=VILLAGE)
    assert combo.code() == VILLAGE and combo.currentText() == "大坝村"
    assert _shown_in_open_list(combo) == [
        "全部区域",
        "七星关区",
        "　市西街道",
        "　　大坝村",
    ]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "全部区域",
        "七星关区",
        "市西街道",
        "大坝村",
    ]
    # Not in the ledger: kept, in words, as a refill keeps it (it did nothing, and a page that
    # chose a family's unlisted village showed another area).
    combo.set_code("520502999999")
    assert combo.code() == "520502999999"
    assert combo.currentText() == index.said("520502999999")
    combo.fill(index)
    assert combo.code() == "520502999999"
    combo.set_code("")
    assert combo.code() == "" and combo.currentIndex() == 0
    combo.set_code("520502001")
    combo.fill(index)  # refilled (an area was added or renamed): the choice is kept
    assert combo.code() == "520502001"
    picked: list[str] = []
    combo.currentIndexChanged.connect(lambda _i: picked.append(combo.code()))
    combo.setCurrentIndex(3)
    assert picked == [VILLAGE]


_CRASH = """
import faulthandler
from fieldapp.ui import errors
errors.record_crashes()
faulthandler._sigsegv()
"""


def test_a_hard_crash_leaves_its_stack_in_crash_log(tmp_path):
    # A native crash (Qt, a C library) raises no Python exception: the app records where it was.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _CRASH], env=env, capture_output=True, text=True, timeout=120,
        cwd=ROOT,
    )  # fmt: skip
    assert result.returncode != 0
    log = tmp_path / "crash.log"
    text = log.read_text(encoding="utf-8")
    assert "Segmentation fault" in text and 'File "<string>", line 5' in text
    if os.name == "posix":
        assert log.stat().st_mode & 0o077 == 0  # readable by its owner only, like fieldapp.log


def test_wizard_enrols_with_the_code_told_apart_from_the_file(qtbot, tmp_path, warnings_shown):
    from fieldapp.hub.folder import Hub
    from fieldapp.reference import divisions
    from fieldapp.store.sync_state import SyncState
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard
    from tests.codes import ENROL_CODE

    make_app()
    county = divisions().counties()[0]
    township = divisions().children(county.code)[0]
    hub = Hub.init(tmp_path / "hub")
    enrolment = tmp_path / "大坝村.enrol"
    # The county gave 大坝村 the second code below its township (the first is another village's).
    hub.enroll("大坝村笔记本", township.code + "002", enrolment, code=ENROL_CODE, by="县里的科员")
    hub.close()
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    path = tmp_path / "new" / "ledger.db"
    wizard.new_path.setText(str(path))
    wizard.device_name.setText("大坝村笔记本")
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令1")
    wizard.set_county(county.code)
    wizard.township.setCurrentIndex(wizard.township.findData(township.code))
    wizard.place_name.setText("大坝村")
    wizard.enrol_path.setText(str(enrolment))
    wizard.accept()  # no code typed: told before anything is made
    assert warnings_shown[-1] == "这个登记文件需要登记码：请填写县里告诉你的 16 位数字"
    assert not path.exists()
    wizard.enrol_code.setText(ENROL_CODE)
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    led = Ledger.open(path, credentials=Credentials("王芳", "王芳的口令1"))
    try:
        identity = SyncState(led.db).identity()
        assert identity is not None and identity.name == "大坝村笔记本"
        # The village typed in the wizard is the laptop's own (its enrolled code), so the
        # people it imports or types in are inside its scope.
        villages = led.db.execute("SELECT code, name FROM areas WHERE kind = '村'").fetchall()
        assert [tuple(v) for v in villages] == [(township.code + "002", "大坝村")]
        assert led.get_meta("home_area_code") == township.code + "002"
    finally:
        led.close()
