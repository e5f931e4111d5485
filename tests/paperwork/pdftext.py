"""Reading our PDFs back: page texts and the fonts each page uses."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

ID_RE = re.compile(r"(?<![0-9*])\d{17}[\dX](?![0-9])")


def reader(pdf: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's extracted text."""
    return [page.extract_text() for page in reader(pdf).pages]


def fonts(pdf: bytes) -> list[tuple[str, str, bool]]:
    """(base font, subtype, embedded) for every font any page uses."""
    found = []
    for page in reader(pdf).pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            subtype = str(font["/Subtype"])
            descriptor = font.get("/FontDescriptor")
            if subtype == "/Type0":
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            embedded = False
            if descriptor is not None:
                d = descriptor.get_object()
                embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font["/BaseFont"]), subtype, embedded))
    return found


def assert_fonts_embedded(pdf: bytes) -> None:
    """Every font is embedded (a subset of ours): no viewer needs Chinese fonts installed."""
    used = fonts(pdf)
    assert used, "no fonts found"
    missing = [f for f in used if not f[2]]
    assert missing == [], f"fonts not embedded: {missing}"
    assert all("+" in name for name, _s, _e in used), "fonts should be embedded as subsets"


def pdftotext(pdf: bytes, *, layout: bool = True) -> list[str]:
    """Each page's text as poppler's pdftotext reads it (what a clerk's viewer copies out),
    in reading layout unless `layout` is False; the test is skipped without poppler."""
    import shutil
    import subprocess

    import pytest

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    args = [tool, "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")[: len(reader(pdf).pages)]


def rendered(pdf: bytes, page: int = 0, dpi: int = 60) -> Any:
    """Page `page` of the PDF drawn as a viewer draws it (Qt's PDF module, PDFium — the
    desktop's own preview), as a QImage at `dpi`: needs the test's `qapp`. Nothing installed
    by hand (poppler's pdftoppm, used before, is not on every machine)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready, document.error()
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = document.render(page, size)
    document.close()
    buffer.close()
    return image
