"""Subsidies as a user works them: eligible people with reasons, a claim, a refused repeat,
review steps, a batch, and the roster previewed in the app and saved as a real PDF."""

from __future__ import annotations

import collections
import datetime as dt
import io
import re
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from fieldapp.domain.claims import ClaimState
from fieldapp.paperwork import jobs
from fieldapp.paperwork.jobs import notice_period
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.policy.eligibility import Status
from fieldapp.policy.pack import CalendarDays
from fieldapp.policy.workdays import WorkCalendar
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.queries.paper import print_log
from fieldapp.ui import papers, policy_access
from fieldapp.ui.pdf_preview import PdfPreview
from tests.paperwork.builders import TO_APPROVAL
from tests.paperwork.pdftext import page_texts
from tests.ui.conftest import wait_idle
from tests.ui.plain import assert_plain
from tests.ui.subsidies_claim import find_and_claim


def test_claim_then_second_refused(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    result, claim = find_and_claim(page, qtbot)
    assert claim is not None and claim.person_id == result.person_id
    assert claim.rule_id == result.rule_id and claim.state == ClaimState.DRAFT
    store = ClaimQueries(page.session.ledger)
    assert len(store.select(person_id=result.person_id, rule_id=result.rule_id)) == 1
    # The row says so at once: the claim exists.
    assert page.results.rows[page.results_view.currentIndex().row()].status is Status.CLAIMED
    assert "已申领" in page.reasons.toPlainText()
    again = page.create_claim()
    assert again is None
    box = page.repeat_box
    assert box.windowTitle() == "请检查"
    assert box.textFormat() == Qt.TextFormat.PlainText  # a name or a title drawn as typed
    assert_plain(box.text())
    assert result.name in box.text() and "不能重复申领" in box.text()
    assert claim.rule_title in box.text()
    assert len(store.select(person_id=result.person_id, rule_id=result.rule_id)) == 1
    # Its button opens the first claim.
    opener = next(b for b in box.buttons() if b.text() == "查看首次申领")
    opener.click()
    assert page.tabs.currentIndex() == 1
    assert page.selected_claim().id == claim.id
    assert warnings_shown == []


def test_review_batch_and_roster_pdf(demo_window, qtbot, warnings_shown, tmp_path, monkeypatch):
    page = demo_window.show_page("subsidies")
    result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.collect_all_evidence()
    page._select_claim(claim.id)
    assert page.target.currentData() == ClaimState.SUBMITTED.value
    moved = page.advance_selected()
    assert moved is not None and moved.state == ClaimState.SUBMITTED
    page.rule.setCurrentIndex(page.rule.findData(claim.rule_id))
    batch = page.make_batch()
    assert batch is not None, warnings_shown
    assert ClaimQueries(page.session.ledger).get(claim.id).batch_id == batch.id
    # Reviewed on, to the county's approval: the 发放花名册 lists only what the county approved.
    for step in TO_APPROVAL[1:]:
        page._select_claim(claim.id)
        page.target.setCurrentIndex(page.target.findData(step.value))
        assert page.advance_selected() is not None, (step, warnings_shown)
    page.refresh_claims()
    page.batches_view.selectRow(0)
    page.preview_batch(__import__("fieldapp.paperwork.jobs", fromlist=["roster_job"]).roster_job)
    wait_idle(qtbot, page)
    previews = page.findChildren(PdfPreview)
    assert previews, warnings_shown
    preview = previews[-1]
    assert preview.page_count() >= 1
    out = tmp_path / "花名册.pdf"
    assert "含个人信息，请妥善保管" in preview.note.text()  # said before anything is saved
    captions: list[str] = []

    def save_as(_parent, caption, *_a, **_k):
        captions.append(caption)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    assert preview.save_dialog() == out
    assert captions and "含个人信息，请妥善保管" in captions[0]
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert claim.person_name in text
    assert "校验码" in preview.note.text()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer)
    assert len(pypdf.PdfReader(printed).pages) == preview.page_count()
    preview.close()


def test_bad_step_refused_with_reason(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    # Submitting without the evidence and without a reason is refused by the claim flow.
    assert page.advance_selected(reason="") is None
    assert warnings_shown and "缺少材料" in warnings_shown[-1]
    assert ClaimQueries(page.session.ledger).get(claim.id).state == ClaimState.DRAFT


def test_print_page_visit_sheet_preview(demo_window, qtbot, warnings_shown, tmp_path, monkeypatch):
    page = demo_window.show_page("print")
    page.paper.setCurrentIndex(page.paper.findData("visits"))
    village = next(r.code for r in page.areas.rows if r.kind in ("村", "安置点"))
    page.area.set_code(village)
    opened: list[PdfPreview] = []
    page.preview(on_open=opened.append)
    wait_idle(qtbot, page)
    assert opened, warnings_shown
    out = tmp_path / "走访记录表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert opened[0].save_dialog() == out
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: page.log.rowCount() >= 1)
    opened[0].close()


def test_print_page_without_batch_says_why(demo_window, warnings_shown):
    page = demo_window.show_page("print")
    page.paper.setCurrentIndex(page.paper.findData("roster"))
    page.preview()
    assert warnings_shown and "批次" in warnings_shown[-1]
    assert isinstance(Path(page.session.path), Path)


def test_batch_papers_wait_for_the_eligibility_list(demo_window, qtbot):
    """预览花名册/公示表/全部申请表 stayed on while eligibility was worked out; rendering a paper
    then dropped the rest of the list (the count never came). They are off meanwhile."""
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    buttons = (page.roster_button, page.notice_button, page.forms_button)
    assert page.panel.busy and not any(b.isEnabled() for b in buttons)
    qtbot.waitUntil(lambda: not page.panel.busy, timeout=60000)
    assert all(b.isEnabled() for b in buttons)
    assert "符合条件" in page.results_label.text()


def test_a_new_search_does_not_keep_the_old_count(demo_window, qtbot):
    """补贴: while the eligible list of another area was worked out, the old area's count
    (符合条件 … 人次) stayed beside the emptied list."""
    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    assert page.results.rowCount() and "符合条件" in page.results_label.text()
    page.find_eligible()
    assert page.panel.busy and page.results.rowCount() == 0
    assert page.results_label.text() == ""
    wait_idle(page=page, qtbot=qtbot)
    assert page.results_label.text().startswith("符合条件")


def test_the_notice_from_the_subsidies_page_counts_the_countys_own_days_off(
    demo_window, qtbot, warnings_shown
):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.collect_all_evidence()
    page._select_claim(claim.id)
    assert page.advance_selected() is not None
    page.rule.setCurrentIndex(page.rule.findData(claim.rule_id))
    assert page.make_batch() is not None, warnings_shown
    # The county's pack gives the next ten days off (an autonomous county's own festival).
    state = policy_access.state(page.session.ledger)
    today = dt.date.today()
    days_off = [today + dt.timedelta(days=n) for n in range(10)]
    state.policy = state.policy.model_copy(
        update={"calendar": CalendarDays(extra_holidays=days_off)}
    )
    settings = PaperSettings()
    first, last = notice_period(settings, today, WorkCalendar(state.policy.calendar))
    assert first > days_off[-1] and notice_period(settings, today) != (first, last)
    page.batches_view.selectRow(0)
    page.notice_button.click()
    wait_idle(qtbot, page)
    preview = page.findChildren(PdfPreview)[-1]
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(preview.pdf)).pages)
    said = f"{first.year}年{first.month}月{first.day}日至{last.year}年{last.month}月{last.day}日"
    assert said in "".join(text.split())
    preview.close()


def test_a_papers_note_is_shown_beside_the_privacy_reminder_not_instead_of_it(
    demo_window, qtbot, warnings_shown
):
    page = demo_window.show_page("print")
    village = next(r.code for r in page.areas.rows if r.kind in ("村", "安置点"))
    month = dt.date.today().strftime("%Y-%m")
    opened: list[PdfPreview] = []
    # Without a policy the sheet says its 应办事项 column lists the month's status only.
    papers.preview(
        page,
        page.panel,
        page.session,
        lambda led: jobs.visits_job(led, village, month),
        opened.append,
    )
    wait_idle(qtbot, page)
    assert opened, warnings_shown
    note = opened[0].note.text()
    assert "未载入政策包" in note and "含个人信息，请妥善保管" in note
    opened[0].close()


def test_a_paper_sent_to_the_printer_is_in_the_print_log_by_its_code(
    demo_window, qtbot, warnings_shown, tmp_path
):
    page = demo_window.show_page("print")
    village = next(r.code for r in page.areas.rows if r.kind in ("村", "安置点"))
    month = dt.date.today().strftime("%Y-%m")
    opened: list[PdfPreview] = []
    papers.preview(
        page,
        page.panel,
        page.session,
        lambda led: jobs.visits_job(led, village, month),
        opened.append,
    )
    wait_idle(qtbot, page)
    assert opened, warnings_shown
    preview = opened[0]
    code = re.search(r"校验码 ([0-9a-f]{12})", "".join(page_texts(preview.pdf))).group(1)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    assert preview.print_to(printer)
    # The county checks a paper handed in by the code in its footer: printed, not saved, too.
    logged = print_log(page.session.ledger, code=code)
    assert logged and logged[0]["file_name"].startswith("打印机 ")
    assert "已记入打印记录" in preview.note.text() and code in preview.note.text()
    preview.close()


def test_an_account_excel_rounded_is_said_in_the_preview_naming_the_person(
    demo_window, qtbot, warnings_shown
):
    page = demo_window.show_page("print")
    ledger = page.session.ledger
    claims = ClaimQueries(ledger).select()
    if not claims:  # the demo holds none at this seed: make one as a user would
        claims = [find_and_claim(demo_window.show_page("subsidies"), qtbot)[1]]
    claim = claims[0]
    ledger.update("persons", claim.person_id, {"account_number": "6217002870012340000"})
    name = ledger.get("persons", claim.person_id)["name"]
    opened: list[PdfPreview] = []
    papers.preview(
        page, page.panel, page.session, lambda led: jobs.form_job(led, claim.id), opened.append
    )
    wait_idle(qtbot, page)
    assert opened, warnings_shown
    note = opened[0].note.text()
    assert f"{name}的社保卡账号第 15 位以后全是 0" in note and "用笔填写" in note
    assert "含个人信息，请妥善保管" in note
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(opened[0].pdf)).pages)
    assert "6217002870012340000" not in text
    opened[0].close()


def test_claims_for_several_people_are_made_in_one_step(demo_window, qtbot, warnings_shown):
    """A month's post subsidy is claimed for every post worker of the village, each month:
    为所选人员创建申领 took one selected row, so the coordinator clicked each person and the
    button in turn — dozens of times. Several rows are now selected at once (Ctrl/Shift-click)
    and one click makes a claim for each; those that cannot be claimed are said by name with
    their reason, the others made."""
    from PySide6.QtCore import QItemSelectionModel

    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(qtbot, page)
    rows = page.results.rows
    # People listed for one subsidy each (a job may be listed under two 吸纳就业补贴 of which
    # one is paid: the demo's jobs have their employers' kinds).
    listed = collections.Counter(r.id_number for r in rows if r.status is Status.ELIGIBLE)
    good = [
        n
        for n, r in enumerate(rows)
        if r.status is Status.ELIGIBLE and r.amount is not None and listed[r.id_number] == 1
    ]
    unset = next(n for n, r in enumerate(rows) if r.status is Status.ELIGIBLE and r.amount is None)
    assert len(good) >= 3
    chosen = [*good[:3], unset]
    selection = page.results_view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in chosen:
        selection.select(page.results.index(row, 0), flags)
    names = {rows[n].id_number: rows[n] for n in chosen}
    before = len(ClaimQueries(page.session.ledger).all())
    assert page.create_claim() is not None
    made = ClaimQueries(page.session.ledger).all()
    assert len(made) == before + 3
    assert "3" in page.results_label.text() and "已创建" in page.results_label.text()
    assert len(warnings_shown) == 1
    assert rows[unset].name in warnings_shown[0] and "待县里核定" in warnings_shown[0]
    claimed = [r for r in page.results.rows if r.status is Status.CLAIMED]
    assert len(claimed) == 3 and all(r.id_number in names for r in claimed)
