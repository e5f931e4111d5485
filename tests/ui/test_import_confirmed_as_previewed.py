"""确认导入 imports the file the preview showed: the ledger page's import read the file anew
when confirmed, so a workbook saved again in another program while the preview stood open
was written unseen (its conflicts decided on the preview's values). Now refused, said in
Chinese, nothing written."""

from __future__ import annotations

from fieldapp.ui.pages import ledger as ledger_page
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx
from tests.tabular.status_book import HEAD, PLACE, _village_book


def test_a_workbook_saved_again_while_its_preview_is_open_is_not_imported(
    window, qtbot, tmp_path, monkeypatch
):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    said: list[str] = []
    monkeypatch.setattr(ledger_page, "show_error", lambda _parent, error: said.append(str(error)))
    path = _village_book(tmp_path / "村台账.xlsx")
    page.import_file(path)
    qtbot.waitUntil(lambda: not page.ops.busy and hasattr(page, "preview"), timeout=60000)
    preview = page.preview
    assert preview.report.file_digest
    before = window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    # Saved again in WPS while the preview is open: another person, another family.
    write_xlsx(
        path,
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE],
        [["赵六", make_id("520502", "19900101", "999"), HEAD, "户主", *PLACE.values()]],
    )
    preview.confirm.click()
    qtbot.waitUntil(lambda: bool(said), timeout=60000)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    assert "在预览之后又改过了" in said[0] and "村台账.xlsx" in said[0]
    assert not hasattr(page, "last_import")
    after = window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert after == before
