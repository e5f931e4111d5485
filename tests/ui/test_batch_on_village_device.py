"""A village coordinator's 补贴 page after the township batched the village's claims: the
claims name the batch, the batch is listed, and its 公示表 previews and saves with the village's
own people only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldapp.ui.app import open_window
from fieldapp.ui.pdf_preview import PdfPreview
from tests.helpers.two_villages import DABA, QIAN, RULE, WANG, township_batch, two_villages
from tests.paperwork.pdftext import page_texts
from tests.ui.conftest import close_window, wait_idle

TITLE = "碧阳街道2026年第一批交通补助"


@contextmanager
def _subsidies_page(county, monkeypatch: pytest.MonkeyPatch) -> Iterator:  # noqa: ANN001
    """大坝村's window on its 补贴 page, showing the village's own claims; closed afterwards."""
    win = open_window(county.db("d"))
    win.show()
    try:
        page = win.show_page("subsidies")
        page.area.set_code(DABA)  # the coordinator looks at the village's own claims
        page.refresh_claims()
        yield page
    finally:
        close_window(win, monkeypatch)


def _saved_notice(qtbot, page, out: Path, monkeypatch, warnings_shown) -> str:  # noqa: ANN001
    """Preview the first batch's 公示表 as the coordinator does, save it to `out`; its text."""
    page.tabs.setCurrentIndex(2)
    page.batches_view.selectRow(0)
    page.preview_notice()
    wait_idle(qtbot, page)
    previews = page.findChildren(PdfPreview)
    assert previews, warnings_shown
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    assert previews[-1].save_dialog() == out
    text = "\n".join(page_texts(out.read_bytes()))
    previews[-1].close()
    return text


def test_the_village_previews_the_notice_of_the_townships_batch(
    qtbot, tmp_path, capsys, monkeypatch, warnings_shown
):
    county = two_villages(tmp_path, capsys)
    batch, daba, _xiaohe = township_batch(county)
    with _subsidies_page(county, monkeypatch) as page:
        model = page.claims_view.model()
        header = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        shown = {model.index(r, header.index("批次")).data() for r in range(model.rowCount())}
        assert shown == {TITLE}, shown
        assert [b.id for b in page.batches.rows] == [batch]
        text = _saved_notice(qtbot, page, tmp_path / "公示表.pdf", monkeypatch, warnings_shown)
        assert "王五" in text and "赵六" in text and "钱七" not in text, text
        assert "公示单位（盖章）：碧阳街道 大坝村" in text, text
        assert len(daba) == 2 and warnings_shown == []


def test_the_village_sees_the_countys_batch_made_for_the_whole_county(
    qtbot, tmp_path, capsys, monkeypatch, warnings_shown
):
    """The county batches every approved claim without naming an area: the village's page,
    showing its own area, lists the batch too, and its notice is the village's."""
    county = two_villages(tmp_path, capsys)
    claims = {"d": [county.create("d", WANG, RULE)], "x": [county.create("x", QIAN, RULE)]}
    for stem, mine in claims.items():
        county.advance(stem, mine[0], "已提交", "村审核")
    county.sync("d", "x", "t")
    for claim in claims["d"] + claims["x"]:
        county.advance("t", claim, "乡镇审核")
    county.sync("t", "c")
    for claim in claims["d"] + claims["x"]:
        county.advance("c", claim, "县审批")
    out = county.run("batch", "create", "--rule", RULE, "--title", "全县第一批", db="c")
    batch = out.split("提示")[0].split()[-1]
    county.sync("c", "d")
    with _subsidies_page(county, monkeypatch) as page:
        assert page.area.code() == DABA
        assert [b.id for b in page.batches.rows] == [batch]
        text = _saved_notice(qtbot, page, tmp_path / "公示表.pdf", monkeypatch, warnings_shown)
        assert "王五" in text and "钱七" not in text, text
        assert "公示单位（盖章）：碧阳街道 大坝村" in text, text
