"""The lists of employment statuses (`WorkStatus`) in the English window.

The ledger's status filter, the monthly grid's status editor and the import preview's choice of
what a word means listed 已就业 … in the English window: they added each status's stored
Chinese word as its label. They now take the statuses from `status_words_said.statuses()`,
through the translations the history and the ledger list already use for a month's status
(`held_words.stored_word`); what is chosen, filtered by and stored stays the Chinese word.
The monthly grid's cells (this month, last month, the labour ability) and the import's lines of
the words it read say the statuses in English too.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from fieldapp.domain.models import MonthlyStatus
from fieldapp.domain.month import Month
from fieldapp.services import work
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from fieldapp.ui.dialogs.import_report import ImportReportDialog
from fieldapp.ui.pages.monthly import LABOUR, LAST, NAME, STATUS
from tests.english import in_english
from tests.tabular.status_book import _statuses, _village_book
from tests.ui.conftest import VILLAGE
from tests.ui.person_panel import person

ENGLISH = ["Employed", "Not employed", "In school", "Not applicable"]
CHINESE = ["已就业", "未就业", "在校", "无需就业"]


@pytest.fixture
def english(window):
    assert window.set_language("en")
    yield window
    window.set_language("zh_CN")


@pytest.fixture
def english_app(qapp):
    with in_english():
        yield qapp


def _items(box: QComboBox) -> list[tuple[str, str]]:
    return [(box.itemText(n), str(box.itemData(n))) for n in range(box.count())]


def _set_status(window, name: str, month: Month, status: str, income: float | None = None):
    session = window.session
    row = MonthlyStatus(
        person_id=person(window, name).id, month=str(month), status=status, income=income
    )
    session.apply(work.set_monthly_status(session.ledger, session.actor, row))


def test_the_ledgers_status_filter_in_english_filters_by_the_stored_word(english, qtbot):
    _set_status(english, "李建国", Month.current(), "未就业")
    page = english.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    items = _items(page.status)
    assert items[1:5] == list(zip(ENGLISH, CHINESE, strict=True)), items
    assert items[0] == ("Any work status", "")
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.status.setCurrentIndex(page.status.findText("Not employed"))
    assert page.current_filter().work_status == "未就业"
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["李建国"]


def test_the_ledgers_status_filter_in_chinese_is_as_it_was(window, qtbot):
    page = window.show_page("ledger")
    assert _items(page.status)[1:5] == list(zip(CHINESE, CHINESE, strict=True))


def _grid(window, qtbot):
    page = window.show_page("monthly")
    page.area.set_code(VILLAGE)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1)
    rows = {page.model.index(r, NAME).data(): r for r in range(page.model.rowCount())}
    return page, rows


def test_the_monthly_grid_says_and_offers_the_statuses_in_english(english, qtbot):
    _set_status(english, "李建国", Month.current().previous(), "已就业", 3000)
    page, rows = _grid(english, qtbot)
    model, row = page.model, rows["李建国"]
    # Last month's status, this month's pre-filled from it, the labour ability: in English.
    assert model.index(row, LAST).data() == "Employed 3,000"
    assert model.index(row, STATUS).data() == "Employed"
    assert model.index(row, LABOUR).data() == "Ordinary labour"
    assert model.entries[row].status == "已就业"  # what is held and saved: the stored word
    # The status cell's editor lists the statuses in English, the cell's own chosen.
    index = model.index(row, STATUS)
    delegate = page.table.itemDelegateForColumn(STATUS)
    editor = delegate.createEditor(page.table.viewport(), QStyleOptionViewItem(), index)
    assert _items(editor) == list(zip(ENGLISH, CHINESE, strict=True))
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Employed"
    editor.setCurrentIndex(editor.findText("Not employed"))
    delegate.setModelData(editor, model, index)
    editor.deleteLater()
    assert model.index(row, STATUS).data() == "Not employed"
    assert model.entries[row].status == "未就业"
    assert page.save() >= 1
    stored = english.session.ledger.db.execute(
        "SELECT status FROM monthly_status WHERE person_id = ? AND month = ?",
        [person(english, "李建国").id, str(Month.current())],
    ).fetchone()
    assert stored[0] == "未就业"


def test_the_monthly_grid_in_chinese_is_as_it_was(window, qtbot):
    _set_status(window, "李建国", Month.current().previous(), "已就业", 3000)
    page, rows = _grid(window, qtbot)
    row = rows["李建国"]
    assert page.model.index(row, LAST).data() == "已就业 3,000"
    assert page.model.index(row, STATUS).data() == "已就业"
    assert page.model.index(row, LABOUR).data() == "普通劳动力"
    index = page.model.index(row, STATUS)
    delegate = page.table.itemDelegateForColumn(STATUS)
    editor = delegate.createEditor(page.table.viewport(), QStyleOptionViewItem(), index)
    assert _items(editor) == list(zip(CHINESE, CHINESE, strict=True))
    editor.deleteLater()


def test_the_import_preview_offers_the_statuses_in_english(english_app, qtbot, tmp_path):
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    path = _village_book(tmp_path / "村台账.xlsx")
    dialog = ImportPreviewDialog(import_ledger(ledger, path, update=True, dry_run=True))
    qtbot.addWidget(dialog)
    box = dialog.word_choices["在家"]
    assert _items(box) == [
        ("(not chosen: these rows are not imported)", ""),
        *zip(ENGLISH, CHINESE, strict=True),
    ]
    box.setCurrentText("Not employed")
    dialog.word_choices["外出"].setCurrentText("Employed")
    assert dialog.chosen_words() == {"在家": "未就业", "外出": "已就业"}
    report = import_ledger(ledger, path, update=True, words=dialog.chosen_words())
    assert ("李秀", "2026-02", "未就业") in _statuses(ledger)
    shown = ImportReportDialog(report)
    qtbot.addWidget(shown)
    assert "Employment status “在家” read as “Not employed”, as you chose: 3 cell(s)" in (
        shown.summary.text()
    )
    ledger.close()


def test_the_import_preview_chooses_the_countys_words_in_english(
    english_app, qtbot, tmp_path, capsys
):
    from fieldapp.cli.main import main
    from tests.policy.helpers import COUNTY_PACK
    from tests.tabular.county_words import WORDS

    db = tmp_path / "l.db"
    pack = tmp_path / "本县政策.toml"
    pack.write_text(COUNTY_PACK + WORDS, encoding="utf-8")
    Ledger.open(db, author="王专员").close()  # (policy install refuses a missing ledger)
    assert main(["--db", str(db), "policy", "install", str(pack)]) == 0, capsys.readouterr()
    ledger = Ledger.open(db, author="王专员")
    path = _village_book(tmp_path / "村台账.xlsx")
    dialog = ImportPreviewDialog(import_ledger(ledger, path, update=True, dry_run=True))
    qtbot.addWidget(dialog)
    box = dialog.word_choices["在家"]
    assert _items(box) == list(zip(ENGLISH, CHINESE, strict=True))
    assert box.currentText() == "Not employed" and dialog.chosen_words() == {}
    assert "Employment status “在家” read as “Not employed”, as the county’s word list" in (
        dialog.summary.text()
    )
    ledger.close()


def _where(dialog: ImportPreviewDialog, word: str) -> str:
    table = dialog.words
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == word)
    return table.item(row, 3).text()


def test_the_import_previews_places_are_listed_in_the_windows_language(qapp, qtbot, tmp_path):
    """Where a word stands was joined with “、” in the English window too."""
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    path = _village_book(tmp_path / "村台账.xlsx")
    with in_english():
        dialog = ImportPreviewDialog(import_ledger(ledger, path, update=True, dry_run=True))
        qtbot.addWidget(dialog)
        assert _where(dialog, "在家") == "台账 row 3, 月度状态 row 3, 月度状态 row 4"
    chinese = ImportPreviewDialog(import_ledger(ledger, path, update=True, dry_run=True))
    qtbot.addWidget(chinese)
    assert _where(chinese, "在家") == "台账 第 3 行、月度状态 第 3 行、月度状态 第 4 行"
    ledger.close()
