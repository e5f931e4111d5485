"""打印 → 公示表 with no 异议受理电话 set: a notice posted with no number to object to is not a
valid 公示, and the page printed it with nothing said — the paper's 监督电话 a blank line the
clerk might not notice. The page now says, before 预览, that the phone is not set, that the
paper leaves a line to write it in by hand, and where to set it (设置 → 打印用语); the preview
says it again. Set and saved, the warning goes."""

from __future__ import annotations

from fieldapp.services.changes import ChangeSet, Kind
from tests.english import in_english
from tests.paperwork.builders import add_claims
from tests.ui.conftest import wait_idle


def test_the_print_page_says_the_notice_has_no_phone_before_printing(window, qtbot, warnings_shown):
    from fieldapp.ui.pdf_preview import PdfPreview

    add_claims(window.session.ledger, 2)
    page = window.show_page("print")
    page.refresh()
    page.paper.setCurrentIndex(page.paper.findData("notice"))
    assert page.phone_warning.isVisibleTo(page)
    said = page.phone_warning.text()
    assert "还没有设置异议受理电话" in said and "用笔填上" in said
    assert "“设置”页的“打印用语”" in said and "“异议受理电话”" in said
    opened: list[PdfPreview] = []
    page.preview(on_open=opened.append)
    wait_idle(qtbot, page)
    assert opened and "异议受理电话" in opened[0].note.text()
    opened[0].close()
    # In the English window, in English — the preview's note too (the paper stays Chinese).
    with in_english():
        english = type(page)(window.session)
        english.paper.setCurrentIndex(english.paper.findData("notice"))
        text = english.phone_warning.text()
        english.preview(on_open=opened.append)
        wait_idle(qtbot, english)
        note = opened[-1].note.text()
        opened[-1].close()
    assert "complaint phone" in text and "Settings" in text, text
    assert len(opened) == 2 and note.startswith("No complaint phone is set: the notice"), note
    assert not any("\u4e00" <= c <= "\u9fff" for c in note), note
    assert not any("\u4e00" <= c <= "\u9fff" for c in text.replace("监督电话", "")), text
    # Set on the settings page and saved: the print page no longer warns.
    settings = window.show_page("settings")
    settings.paper_fields["objection_phone"].setText("0851-27221234")
    assert settings.save_paper()
    assert not page.phone_warning.isVisibleTo(page)
    # Cleared again (by whatever wrote it), it warns again.
    window.session.ledger.set_meta("paper.objection_phone", "  ")
    window.session.apply(ChangeSet.of(Kind.SETTINGS))
    assert page.phone_warning.isVisibleTo(page)
    assert warnings_shown == []


def test_a_claim_written_elsewhere_reads_no_print_setting_on_the_hidden_print_page(window):
    """Hidden, the print page read the print settings again on every claim, batch or print-log
    write to keep its phone warning right, which only a settings write can change: read then
    only. A settings write still puts the warning right while the page is hidden."""
    page = window.show_page("print")
    window.show_page("settings")
    statements: list[str] = []
    ledger = window.session.ledger
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        window.session.apply(ChangeSet.of(Kind.CLAIMS))
        window.session.apply(ChangeSet.of(Kind.BATCHES))
    finally:
        ledger.db.conn.set_trace_callback(None)
    assert not [s for s in statements if "meta" in s], statements
    ledger.set_meta("paper.objection_phone", "0851-27221234")
    window.session.apply(ChangeSet.of(Kind.SETTINGS))
    assert not page.phone_warning.isVisibleTo(page)
