"""The PDF preview: as large as the screen, fitted to the width, zoom steps, page by page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtPdfWidgets import QPdfView

from fieldapp.paperwork import jobs
from fieldapp.ui.pdf_preview import PdfPreview
from tests.ui.demo_ledger import biggest_village


def test_fit_zoom_and_pages(demo_window, qtbot):
    ledger = demo_window.session.ledger
    job = jobs.rosters_job(ledger, biggest_village(ledger), dt.date.today())
    preview = PdfPreview(job.render(), job.title, "x.pdf", saver=lambda _p: "", parent=demo_window)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    # As large as the screen allows, not a fixed 900×700 (offscreen, the screen is 800×600).
    room = preview.screen().availableGeometry()
    assert preview.width() >= room.width() * 0.9 and preview.height() >= room.height() * 0.9
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width.isChecked()
    fitted = preview._effective_zoom()
    # The label says what the fit works out to at the window's size (not the first layout's).
    qtbot.waitUntil(lambda: preview.zoom_label.text() == f"{round(fitted * 100)}%")
    assert fitted > 0.5
    preview.step_zoom(1)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.zoom() > fitted and not preview.fit_width.isChecked()
    assert preview.zoom_label.text() == f"{round(preview.zoom() * 100)}%"
    preview.step_zoom(-1)
    preview.step_zoom(-1)
    assert preview.zoom() < fitted
    preview.set_fit(QPdfView.ZoomMode.FitInView)
    assert preview.fit_page.isChecked() and not preview.fit_width.isChecked()
    pages = preview.document.pageCount()
    assert pages >= 3
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.page_box.setValue(pages)
    assert preview.current_page() == pages - 1 and not preview.next_button.isEnabled()
    preview.go_to(99)
    assert preview.current_page() == pages - 1
    preview.close()


def test_the_keys_turn_pages_and_zoom(demo_window, qtbot):
    # PageDown/PageUp turn the page, Ctrl+= and Ctrl+- zoom: each key's shortcut is there and
    # does its work when it fires. (Offscreen, a second window is never the active one, so the
    # shortcuts are fired here rather than pressed.)
    from PySide6.QtGui import QKeySequence, QShortcut

    ledger = demo_window.session.ledger
    job = jobs.rosters_job(ledger, biggest_village(ledger), dt.date.today())
    preview = PdfPreview(job.render(), job.title, "x.pdf", saver=lambda _p: "", parent=demo_window)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    keys = {
        s.key().toString(QKeySequence.SequenceFormat.PortableText): s
        for s in preview.findChildren(QShortcut)
    }
    assert set(keys) == {"Ctrl++", "Ctrl+=", "Ctrl+-", "PgDown", "PgUp"}
    assert preview.document.pageCount() >= 2 and preview.current_page() == 0
    keys["PgDown"].activated.emit()
    assert preview.current_page() == 1
    keys["PgUp"].activated.emit()
    assert preview.current_page() == 0
    fitted = preview._effective_zoom()
    keys["Ctrl+="].activated.emit()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom and preview.zoom() > fitted
    zoomed = preview.zoom()
    keys["Ctrl++"].activated.emit()
    assert preview.zoom() > zoomed
    keys["Ctrl+-"].activated.emit()
    assert preview.zoom() == zoomed
    preview.close()
