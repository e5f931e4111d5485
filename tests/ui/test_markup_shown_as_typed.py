"""Ledger data shown as it was typed, never drawn as markup.

A person's name is any text without spaces, so "<b>甲</b>" passes the model; Qt's labels draw
text that looks like HTML as rich text by default (Qt.AutoText), and a rich-text pane draws
what it is given. The person panel, the conflicts review's grid and the 补贴 page's reasons
pane each show such a name (and an author, a rule's title) as those very characters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt  # the same Qt, with mightBeRichText
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QTableWidgetItem, QWidget

from fieldapp.paperwork import jobs
from fieldapp.policy.eligibility import Status
from fieldapp.services import persons
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.ui.errors import show_delete_refused, show_error
from fieldapp.ui.papers import save_note
from fieldapp.ui.pdf_preview import PdfPreview
from fieldapp.ui.widgets import tip
from tests.ui.conftest import VILLAGE, answered, as_drawn, enrol_as, wait_idle
from tests.ui.demo_ledger import biggest_village
from tests.ui.ledger_page import ledger_page
from tests.ui.person_panel import person, shown
from tests.ui.subsidies_claim import eligible_row

MARKUP = "<b>甲</b>"


def drawn(label: QLabel) -> str:
    """What a label draws, as characters: its text as it is when plain, else what the
    rich-text document made of it shows."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _rename(window, was: str, name: str, **more: str) -> None:
    session = window.session
    who = person(window, was)
    renamed = who.model_copy(update={"name": name, **more})
    session.apply(persons.save(session.ledger, session.actor, renamed, loaded=who, confirmed=True))


def test_the_drawn_helper_sees_markup(qapp):
    """The check itself: an AutoText label given markup draws it, a plain one does not."""
    assert drawn(QLabel(MARKUP)) == "甲"
    label = QLabel(MARKUP)
    label.setTextFormat(Qt.TextFormat.PlainText)
    assert drawn(label) == MARKUP


def test_a_name_typed_as_markup_in_the_person_panel(window):
    _rename(window, "李建国", MARKUP)
    _page, panel = shown(window, MARKUP)
    text = drawn(panel.summary)
    assert text.splitlines()[0] == MARKUP, text


def test_a_name_and_author_typed_as_markup_in_the_conflicts_grid(window):
    led = window.session.ledger
    person_id = led.db.execute("SELECT id FROM persons WHERE name = '王小明'").fetchone()[0]
    seen = led.heads("persons", person_id)["name"]
    with led.transaction():
        led.update("persons", person_id, {"name": "王晓明"})
    remote = Change(
        "remote-device", 1, format_stamp(1_700_000_000_000, 0), "<b>李四</b>", "persons",
        person_id, {"name": MARKUP}, {"name": seen},
    )  # fmt: skip
    led.apply_changes([remote])

    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 1
    labels = [review.grid.itemAt(n).widget() for n in range(review.grid.count())]
    texts = [drawn(w) for w in labels if isinstance(w, QLabel)]
    assert "<b>李四</b>" in texts, texts
    assert MARKUP in [b.text() for b in review.choices.buttons()]  # a button's text is plain
    # The review's own header stays bold (our markup, not data).
    assert "值" in texts and "<b>值</b>" not in texts


def test_a_name_and_a_title_typed_as_markup_in_the_reasons_pane(demo_window, qtbot):
    """补贴 → 查找符合条件人员: the person's name, and a rule's title as a pack could word it,
    in the reasons pane as typed."""
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = next(n for n, r in enumerate(page.results.rows) if r.status is Status.ELIGIBLE)
    _rename(demo_window, page.results.rows[row].name, MARKUP)
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = next(n for n, r in enumerate(page.results.rows) if r.name == MARKUP)
    page.results_view.setCurrentIndex(page.results.index(row, 0))
    assert page.reasons.toPlainText().splitlines()[0].startswith(MARKUP + " — ")

    titled = dataclasses.replace(
        page.results.rows[row], rule_title="<i>稳岗</i>补贴", clause="<u>第三条</u>"
    )
    page.results.set_rows([titled])
    page.results_view.setCurrentIndex(QModelIndex())  # (the reset may keep row 0 current)
    page.results_view.setCurrentIndex(page.results.index(0, 0))
    first = page.reasons.toPlainText().splitlines()[0]
    assert first == f"{MARKUP} — <i>稳岗</i>补贴（<u>第三条</u>）", first


def test_a_name_typed_as_markup_on_the_visits_page(window):
    """走访: the chosen person's line and, once saved, the 已记入台账 line name them as typed."""
    _rename(window, "李建国", MARKUP)
    page = window.show_page("visits")
    page.prefill(person(window, MARKUP).id, "岗位推荐")
    assert drawn(page.chosen_label).startswith("已选：" + MARKUP), drawn(page.chosen_label)
    assert page.save()
    assert drawn(page.status).startswith("已记入台账：" + MARKUP + " "), drawn(page.status)


def test_a_name_typed_as_markup_in_the_ask_to_drop_a_visit(window, monkeypatch):
    """走访: choosing someone else with a visit typed asks first, naming whose visit it is —
    the static QMessageBox takes text that looks like HTML as rich, so the name is escaped."""
    _rename(window, "李建国", MARKUP)
    page = window.show_page("visits")
    page.prefill(person(window, MARKUP).id, "岗位推荐")
    page.notes.setText("已电话联系")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Cancel, asked)
    )
    page.prefill(person(window, "张长英").id, "岗位推荐")
    assert len(asked) == 1, asked
    assert as_drawn(asked[0]).startswith(MARKUP + " 的走访还没保存"), asked[0]
    assert page.chosen is not None and page.chosen.name == MARKUP  # kept: nothing dropped


def test_a_file_named_as_markup_in_an_error_box(qapp, warnings_shown):
    """An error box naming a file (or a person) draws it as typed, its lines kept; a sentence
    with nothing that looks like HTML is passed on as it is."""
    said = "读不了 <b>台账</b>.xlsx：\n第 2 行的身份证号不对。"
    show_error(None, said)
    show_delete_refused(None, ValueError("<i>张三</i> 还有未结束的就业经历"))
    show_error(None, "读不了 红星村.xlsx")
    first, refused, plain_one = warnings_shown
    assert as_drawn(first) == said, first
    assert "<i>张三</i> 还有未结束的就业经历" in as_drawn(refused), refused
    assert plain_one == "读不了 红星村.xlsx"


def test_a_tooltip_of_markup_drawn_as_typed(qapp):
    """The tooltip helper: markup shown as typed, in rich text (so Qt wraps a long one); no
    text, no tooltip."""
    assert as_drawn(tip("经办：<b>王主任</b>")) == "经办：<b>王主任</b>"
    assert tip("经办：王主任").startswith("<p>")
    assert tip("") == ""
    item = QTableWidgetItem("x")
    item.setToolTip(tip("<u>七星关区</u>汇总中心"))
    assert as_drawn(item.toolTip()) == "<u>七星关区</u>汇总中心"


def test_the_export_line_names_a_file_typed_as_markup(window, qtbot, tmp_path):
    """台账: the line under the list names the exported file as it is called, markup and all;
    its tooltip (the whole path) too."""
    page = ledger_page(window, qtbot)
    out = tmp_path / "<b>台账.xlsx"  # (a "/" would make it a folder)
    page.export_file(out)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=30000)
    assert drawn(page.count_label).startswith("已导出 3 人 → <b>台账.xlsx"), drawn(page.count_label)
    assert as_drawn(page.count_label.toolTip()) == str(out)


def test_the_lines_that_name_files_places_and_packs_are_plain(window):
    """Each line that names an exported file, a place or a policy pack draws its text as it is
    (a file or a place typed as markup would otherwise be drawn as markup)."""
    lines = [window.show_page(name).summary for name in ("reports", "duties", "rosters")]
    lines.append(window.show_page("settings").policy_label)
    for line in lines:
        line.setText("已导出：/tmp/<b>表</b>.xlsx")
        assert drawn(line) == "已导出：/tmp/<b>表</b>.xlsx", line.objectName()


def test_the_saved_line_of_a_paper_names_a_file_typed_as_markup(
    demo_window, qtbot, tmp_path, monkeypatch
):
    """The PDF preview's 已保存到 line names the file as it is called, markup and all."""
    ledger = demo_window.session.ledger
    job = jobs.rosters_job(ledger, biggest_village(ledger), dt.date.today())
    out = tmp_path / "<b>花名册.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    preview = PdfPreview(
        job.render(), job.title, "x.pdf", saver=lambda p: save_note(1, "AB12", p), parent=None
    )
    qtbot.addWidget(preview)
    assert preview.save_dialog() == out
    assert drawn(preview.note) == f"已保存到 {out}（共 1 页，校验码 AB12）", drawn(preview.note)


def _claimed_by_markup(demo_window, qtbot, warnings_shown):
    """补贴: an eligible person renamed "<b>甲</b>", chosen and claimed for; the page."""
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    claimed = page.results.rows[eligible_row(page)]  # a subsidy whose figure is set
    _rename(demo_window, claimed.name, MARKUP)
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = next(
        n
        for n, r in enumerate(page.results.rows)
        if r.name == MARKUP and r.rule_id == claimed.rule_id and r.status is Status.ELIGIBLE
    )
    page.results_view.selectRow(row)
    assert page.create_claim() is not None, warnings_shown
    return page


def test_a_name_typed_as_markup_in_the_repeat_claim_box(demo_window, qtbot, warnings_shown):
    """补贴: claiming again for someone already claimed says who claimed what; the box is built
    by hand, so its text is drawn plain: the name as typed."""
    page = _claimed_by_markup(demo_window, qtbot, warnings_shown)
    assert page.create_claim() is None  # the repeat, refused
    label = page.repeat_box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    assert drawn(label).startswith(MARKUP + " 已于 "), drawn(label)
    assert warnings_shown == []


def test_the_subsidies_lines_say_a_name_and_a_number_as_typed(demo_window, qtbot, warnings_shown):
    """补贴: the line over the results names the person just claimed for, and the line over the
    claims repeats a 申请编号 searched for: both as typed, not drawn as markup (a name from a
    hostile sheet or a bundle, a number pasted)."""
    page = _claimed_by_markup(demo_window, qtbot, warnings_shown)
    assert drawn(page.results_label).startswith(f"已创建申领：{MARKUP} "), drawn(page.results_label)
    page.number_search.setText(MARKUP)
    qtbot.keyClick(page.number_search, Qt.Key.Key_Return)
    assert drawn(page.claims_label) == f"没有申请编号为 {MARKUP} 的申领", drawn(page.claims_label)
    assert warnings_shown == []


def _name_drawn_as_markup(root: QWidget) -> tuple[int, list[str]]:
    """Every label and tooltip under `root` that shows the name: how many, and those that
    draw it as markup (its "甲" shown without the "<b>" typed around it). Our own rich
    headers hold no name, so they pass; a name put into one unescaped does not."""
    seen = 0
    wrong: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts = [(drawn(widget), "text")] if isinstance(widget, QLabel) else []
        if widget.toolTip():
            texts.append((as_drawn(widget.toolTip()), "tooltip"))
        for text, where in texts:
            if "甲" not in text:
                continue
            seen += 1
            if text.count("甲") != text.count(MARKUP):
                wrong.append(f"{type(widget).__name__} {widget.objectName()} {where}: {text}")
    return seen, wrong


def test_no_label_or_tooltip_draws_a_name_as_markup(window, qtbot, tmp_path):
    """A person renamed "<b>甲</b>", the computer enrolled, named and used under names holding
    it too; then every page of the main window shown in turn (the ledger's
    with the person open, 走访 with them chosen, each page's list read): every label and
    tooltip that shows one of them, on any page and in the window around them (the status
    bar's 使用人), shows it as typed."""
    from fieldapp.ui.main_window import PAGE_KEYS
    from fieldapp.ui.operations import OperationPanel

    _rename(window, "李建国", MARKUP)
    enrol_as(window.session.ledger, tmp_path, f"{MARKUP}机", VILLAGE)
    settings = window.show_page("settings")
    settings.device_name.setText(f"{MARKUP}的电脑")
    settings.save_device()
    # The user as a plain ledger's 设置 saves one typed (`settings.save_device`): this ledger
    # has users, whose name is the one logged in.
    window.session.ledger.author = f"{MARKUP}主任"
    window.update_title()
    seen: dict[str, int] = {}
    wrong: list[str] = []
    for key in PAGE_KEYS:
        page = window.show_page(key)
        if key == "ledger":
            page.open_person(person(window, MARKUP).id)
        elif key == "visits":
            page.prefill(person(window, MARKUP).id, "岗位推荐")
        for panel in page.findChildren(OperationPanel):  # a list read off the GUI thread
            qtbot.waitUntil(lambda panel=panel: not panel.busy, timeout=30000)
        seen[key], found = _name_drawn_as_markup(page)
        wrong += [f"{key}: {w}" for w in found]
    around, found = _name_drawn_as_markup(window)
    # The walk met them: the person on the ledger's and 走访, the enrolled name on 同步 and
    # 设置, the user in the status bar.
    assert all(seen[key] >= 1 for key in ("ledger", "visits", "sync", "settings")), seen
    assert around > sum(seen.values()), (around, seen)
    assert wrong + found == [], seen


def test_a_user_named_as_markup_in_the_password_question(window, monkeypatch):
    """设置: the question for one's own password names the user as typed — a user's name is
    any text an administrator types ("<b>甲</b>" passes `users.check_name`), and the asking
    dialog's label takes text that looks like HTML as rich."""
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []

    def get_text(_parent, _title, label, *_a, **_k):
        asked.append(label)
        return "", False  # 取消: nothing checked, nothing changed

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    page = window.show_page("settings")
    window.session.ledger.user = MARKUP  # as logged in under that name
    assert page._confirm_me() is False
    assert [as_drawn(a) for a in asked] == [f"请输入 {MARKUP} 现在的口令："], asked
