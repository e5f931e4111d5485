"""Windows needs, tested on Linux: fonts from a user profile path with Chinese characters and
spaces (%LOCALAPPDATA%\\Programs under a profile named 张 三), and printing through the system
print dialog to whatever printer the user picks (packaging/README.md, Windows)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp import paths
from fieldapp.ui.pdf_preview import PdfPreview


def test_fonts_load_from_a_profile_path_with_chinese_and_spaces(tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "Users" / "张 三" / "AppData" / "Local" / "Programs" / "fieldapp"
    shutil.copytree(paths.resource("fonts"), folder)
    for font in ("wqy-microhei.ttc", "HanaMinA.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(folder / font))
        assert font_id >= 0, font
        assert QFontDatabase.applicationFontFamilies(font_id)
    assert TTFont("WQYMicroHeiFromProfile", str(folder / "wqy-microhei.ttc"), subfontIndex=0)


@pytest.fixture
def roster_pdf(tmp_path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    from fieldapp.paperwork.fonts import default_chain

    chain = default_chain()
    out = tmp_path / "花名册.pdf"
    page = canvas.Canvas(str(out))
    for n in range(2):
        page.setFont(chain.primary, 14)
        page.drawString(72, 700, f"花名册 第 {n + 1} 页")
        page.showPage()
    page.save()
    return out.read_bytes()


def test_printing_goes_through_the_system_dialog(roster_pdf, tmp_path, qtbot, monkeypatch):
    preview = PdfPreview(roster_pdf, "花名册", "花名册.pdf", saver=lambda p: "")
    qtbot.addWidget(preview)
    printed = tmp_path / "printed.pdf"
    chosen: list[QPrinter] = []

    def user_picks_a_printer(dialog: QPrintDialog) -> int:
        # What the user does in Windows' dialog: pick a printer (here a PDF one) and press 打印.
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        chosen.append(dialog.printer())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", user_picks_a_printer)
    assert preview.print_dialog()
    assert chosen and chosen[0].resolution() >= 300  # the high-resolution printer mode
    assert len(pypdf.PdfReader(printed).pages) == preview.page_count() == 2

    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not preview.print_dialog()  # 取消 prints nothing
