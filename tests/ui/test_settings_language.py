"""Settings: language switch (live), paper wording, device, policy pack, backup and restore;
the reports page with charts and xlsx; the translation catalogue is complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox

from fieldapp.services.ledgers import Credentials
from fieldapp.store.backup import check_backup
from fieldapp.store.ledger import Ledger
from fieldapp.ui import prefs
from tests.records import Records
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.restore import restore_and_wait

ROOT = Path(__file__).resolve().parents[2]


def test_switch_to_english_and_back(window, qtbot):
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert window.nav.item(0).text() == "Ledger"
    assert window.nav.item(window.nav.count() - 1).text() == "Settings"
    assert window.current_key() == "settings"
    ledger = window.show_page("ledger")
    assert ledger.new_button.text() == "&Add person"
    assert prefs.language() == "en"
    assert "Labour ledger" in window.windowTitle()
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert window.nav.item(0).text() == "台账"
    assert window.show_page("ledger").new_button.text() == "新增人员(&A)"
    assert prefs.language() == "zh_CN"


def test_paper_wording_saved_to_ledger_meta(window):
    page = window.show_page("settings")
    page.paper_fields["county_name"].setText("七星关区")
    page.paper_fields["notice_days"].setText("七")
    assert window.has_unsaved()
    assert not page.save_paper()
    assert window.session.ledger.get_meta("paper.county_name") is None
    page.paper_fields["notice_days"].setText("7")
    assert page.save_paper()
    assert window.session.ledger.get_meta("paper.county_name") == "七星关区"
    assert window.session.ledger.get_meta("paper.notice_days") == "7"
    assert not window.has_unsaved()


def test_device_name_shows_in_title(window):
    page = window.show_page("settings")
    page.device_name.setText("大坝村笔记本")
    page.save_device()
    assert "大坝村笔记本" in window.windowTitle()
    assert Path(window.session.path).name in window.windowTitle()


def test_broken_policy_pack_refused(window, tmp_path, warnings_shown):
    page = window.show_page("settings")
    bad = tmp_path / "county.toml"
    bad.write_text("[pack]\nid = \n", encoding="utf-8")
    assert not page.install_pack(bad)
    assert warnings_shown


def test_backup_and_restore(qtbot, ledger_path, tmp_path, monkeypatch, warnings_shown):
    from fieldapp.ui.app import make_app, open_window

    make_app()
    # Backups are encrypted: the window runs on the same ledger, encrypted with its first user.
    li = Credentials("测试员", "测试员的口令")
    Ledger.open(ledger_path, credentials=li).close()
    window = open_window(ledger_path, li)
    page = window.show_page("settings")
    assert page.author.isReadOnly() and page.author.text() == "测试员"
    dest = tmp_path / "backup.fieldbackup"
    page.backup_to(dest)
    wait_idle(qtbot, page)
    assert check_backup(dest, li)["persons"] == 3
    session = window.session
    person = Records(session.ledger).person_by_id_number(
        session.ledger.db.execute("SELECT id_number FROM persons WHERE name = '王小明'").fetchone()[
            0
        ]
    )
    with session.ledger.transaction():
        session.ledger.update("persons", person.id, {"phone": "13500000000"})
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert not restore_and_wait(page, qtbot, dest, Credentials("测试员", "不对的口令"))
    assert restore_and_wait(page, qtbot, dest, li)
    phone = window.session.ledger.db.execute("SELECT phone FROM persons WHERE id = ?", [person.id])
    assert phone.fetchone()[0] in ("", None)
    kept = list(Path(window.session.path).parent.glob("*恢复前*.db"))
    assert kept and Path(f"{kept[0]}.keys").is_file()  # the replaced ledger, with its keys
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.close()
    window.shutdown_pages()
    window.session.close()


def test_monthly_report_charts_and_xlsx(demo_window, qtbot, tmp_path):
    page = demo_window.show_page("reports")
    page.make()
    wait_idle(qtbot, page)
    assert page.report is not None
    assert page.model.rowCount() == len(page.report.areas) + 1
    assert sum(v for _l, v in page.place_chart.items) == sum(
        page.report.total.employed_by_place.values()
    )
    out = tmp_path / "月报.xlsx"
    page.export_to(out)
    wait_idle(qtbot, page)
    book = openpyxl.load_workbook(out, read_only=True)
    assert "汇总" in book.sheetnames


def test_translation_catalogue_is_complete():
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (ROOT / "fieldapp" / "resources" / "translations" / "fieldapp_en.qm").exists()


COUNTY_PACK = """
[pack]
id = "qixingguan-2026"
version = "2026.1"
title = "七星关区就业帮扶补充政策"
extends = "guizhou-2023"
region = "520502"

[[overrides]]
rule = "new_form_accident_insurance"
enabled = true
"""


def test_local_policy_pack_installed_and_in_force(window, tmp_path, warnings_shown):
    from fieldapp.ui import policy_access

    page = window.show_page("settings")
    pack = tmp_path / "qixingguan.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    assert page.install_pack(pack), warnings_shown
    assert "qixingguan-2026" in policy_access.policy(page.session.ledger).version
    # Shown as the papers print it, not by the packs' internal ids.
    label = page.policy_label.text()
    assert "七星关区就业帮扶补充政策（规则版本 省 2026.1、县 2026.1，本机安装" in label, label
    assert "qixingguan-2026" not in label and "guizhou-2023" not in label


def test_standard_buttons_use_qt_chinese(window):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    assert box.button(QDialogButtonBox.StandardButton.Save).text().startswith("保存")
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")


def test_english_navigation_labels_are_not_cut_off(window, qtbot):
    """The navigation was 108 px whatever the language: "Monthly update" and "Household
    duties" were cut off, with a scroll bar under the list. It now fits its longest label, and
    the window still fits a 1024×640 screen on every page."""
    nav = window.nav
    assert nav.width() == 108  # Chinese: as before
    window.set_language("en")
    assert nav.item(4).text() == "Household duties"
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()
    assert nav.horizontalScrollBar().maximum() == 0
    window.resize(1024, 640)
    for key in ("ledger", "monthly", "visits", "due", "subsidies", "sync", "settings"):
        window.show_page(key)
        qtbot.wait(20)
        assert window.width() <= 1024 and window.height() <= 640, key
    window.set_language("zh_CN")
    assert nav.width() == 108


def test_english_visit_form_labels_fit_a_1024_screen(window, qtbot):
    """In English at 1024×640 the visit form's "Services (tick several)" was cut to "Services
    (tick severa" beside the ticks."""
    window.set_language("en")
    window.resize(1024, 640)
    page = window.show_page("visits")
    qtbot.wait(20)
    form = page.entry_box.layout()
    for field in (page.picker, page.services_box, page.notes, page.outcome):
        label = form.labelForField(field)
        assert label.width() >= label.sizeHint().width(), label.text()
    window.set_language("zh_CN")


def test_english_person_panel_and_id_check_have_no_chinese_units(window, qtbot):
    """In English the person panel said "男 1980-03-16（46 岁）", a job ran "2024-03～至今" and
    the ID check under the field "出生日期 1980-03-16". A job's months are now said as every
    other month is (`days.month_said`): 2024年3月～至今, March 2024 – now."""
    import datetime as dt

    from fieldapp.domain.models import EmploymentSpell, Person
    from fieldapp.ui.dialogs.person_editor import describe_id
    from fieldapp.ui.pages.person_panel import PersonPanel

    window.set_language("en")
    page = window.show_page("ledger")
    who = Records(window.session.ledger).select(Person, "name = ?", ["张长英"])[0]
    page.open_person(who.id)
    qtbot.waitUntil(lambda: page.panel.person is not None)
    summary = page.panel.summary.text()
    assert "岁" not in summary and "(aged " in summary
    born = who.birth_date
    assert f"{born.day} {born:%B} {born.year}" in summary, summary  # not 1980-03-16
    ok, line = describe_id(who.id_number)
    assert ok and "出生日期" not in line and line.startswith(f"born {born.day} {born:%B} ")
    running = EmploymentSpell(person_id=who.id, start_date=dt.date(2024, 3, 1))
    assert PersonPanel._spell_time(running) == "March 2024 – now"
    ended = EmploymentSpell(
        person_id=who.id, start_date=dt.date(2025, 10, 8), end_date=dt.date(2026, 1, 20)
    )
    assert PersonPanel._spell_time(ended) == "October 2025 – January 2026"
    window.set_language("zh_CN")
    assert PersonPanel._spell_time(running) == "2024年3月～至今"
    assert PersonPanel._spell_time(ended) == "2025年10月～2026年1月"
    summary = window.show_page("ledger").panel._summary_html(who)
    assert "岁）" in summary and f"{born.year}年{born.month}月{born.day}日" in summary


def test_a_device_name_typed_but_not_saved_is_not_dropped_silently(window, qtbot):
    """设备名称 or 工作区域 changed on Settings and not saved were dropped without a word when
    the window closed, another ledger was opened or the language switched; they now count as
    unsaved input, as the paper wording does."""
    page = window.show_page("settings")
    assert not window.has_unsaved()
    page.device_name.setText("大坝村笔记本")
    assert page.has_unsaved() and window.has_unsaved()
    page.save_device()
    assert not page.has_unsaved()
    page.home_area.set_code(VILLAGE)
    assert page.has_unsaved()
    page.discard_unsaved()
    assert not window.has_unsaved()


def test_english_monthly_grid_titles_are_not_cut(window, qtbot):
    """In English the monthly grid's "Income this month (yuan)" showed as "ome this month (yu"."""
    window.set_language("en")
    page = window.show_page("monthly")
    header = page.table.horizontalHeader()
    for column in range(header.count() - 1):  # the last one stretches
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    window.set_language("zh_CN")


def test_saving_this_devices_settings_is_said(window):
    """设置 → 本机 → 保存 said nothing: the coordinator who typed the laptop's name and clicked
    保存 saw the same form as before and could not tell it was kept (the print wording's
    保存 says 已保存到本台账…). It now says so under the button, until the form is changed."""
    page = window.show_page("settings")
    page.device_name.setText("大坝村笔记本")
    page.device_button.click()
    assert "已保存" in page.device_note.text() and not page.device_note.isHidden()
    page.device_name.setText("大坝村笔记本2")
    assert page.device_note.text() == ""


def test_what_the_county_still_has_to_set_is_said_in_the_window_language(window):
    """The settings page listed what the county has still to set in Chinese in the English
    window (…: 待县里核定标准); each is now said in the window's language, the subsidy named as
    the pack names it. Each is named once under the heading: the heading is not said again
    after each (待县里核定：甲：待县里核定标准；…)."""
    from fieldapp.ui import policy_access

    policy = policy_access.policy(window.session.ledger)
    unset = policy.unset_figures()
    assert unset, "the built-in pack leaves figures to the county"
    named = [str(n) for n in policy.unset_named()]
    assert [f"{n}：待县里核定标准" for n in named] == unset
    label = window.show_page("settings").policy_label.text()
    assert "待县里核定：" + "；".join(named) in label, label
    assert "待县里核定标准" not in label, label
    window.set_language("en")
    try:
        label = window.show_page("settings").policy_label.text()
        assert "Still to be set by the county: " in label, label
        listed = label.split("county: ", 1)[1].split("\n", 1)[0]
        assert "待县里核定标准" not in label and "；" not in listed, label
        assert "yet to be set" not in listed, listed
        first = policy.unset_said()[0]
        assert listed.startswith(f"{first.parts[0]}"), label
        if policy.lines.welfare_post_income_line is None:
            assert listed.endswith("Monitoring income line"), listed
    finally:
        window.set_language("zh_CN")
