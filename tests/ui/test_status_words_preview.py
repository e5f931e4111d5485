"""The import preview lists the 就业状态 words no list knows, a choice box each; what the
user chooses is read for the whole import and said in its result."""

from __future__ import annotations

from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from fieldapp.ui.dialogs.import_report import ImportReportDialog
from tests.tabular.status_book import _statuses, _village_book


def test_the_preview_offers_a_choice_per_word_and_the_import_reads_it(qtbot, tmp_path):
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    path = _village_book(tmp_path / "村台账.xlsx")
    preview = import_ledger(ledger, path, update=True, dry_run=True)
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert "就业状态中有 3 个用词台账不认识" in dialog.summary.text()
    assert dialog.tabs.currentWidget() is dialog.words  # shown first: nothing is guessed
    table = dialog.words
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"在家", "√", "外出"}
    home = rows["在家"]
    assert table.item(home, 2).text() == "3"
    assert table.item(home, 3).text() == "台账 第 3 行、月度状态 第 3 行、月度状态 第 4 行"
    assert dialog.chosen_words() == {}  # none chosen until the user chooses
    dialog.word_choices["在家"].setCurrentText("未就业")
    dialog.word_choices["外出"].setCurrentText("已就业")
    assert dialog.chosen_words() == {"在家": "未就业", "外出": "已就业"}
    dialog.confirm.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    report = import_ledger(ledger, path, update=True, words=dialog.chosen_words())
    assert [r.row for r in report.rejected] == [4]  # √ left unchosen: 张明's row not imported
    assert ("李秀", "2026-02", "未就业") in _statuses(ledger)
    shown = ImportReportDialog(report)
    qtbot.addWidget(shown)
    assert "就业状态“在家”按您的选择读作“未就业”：3 格" in shown.summary.text()
    assert "就业状态“外出”按您的选择读作“已就业”：1 格" in shown.summary.text()
    ledger.close()


def test_the_ledger_page_imports_with_the_words_chosen_in_its_preview(window, qtbot, tmp_path):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.import_file(_village_book(tmp_path / "村台账.xlsx"))
    qtbot.waitUntil(lambda: not page.ops.busy and hasattr(page, "preview"), timeout=60000)
    first = page.preview
    assert first.rejected_rows.rowCount() == 5  # each cell of the three words, not yet said
    for word, meaning in {"在家": "未就业", "√": "已就业", "外出": "已就业"}.items():
        first.word_choices[word].setCurrentText(meaning)
    # 按所选重新预览: the rows are now previewed as the import will read them.
    first.again.click()
    qtbot.waitUntil(lambda: not page.ops.busy and page.preview is not first, timeout=60000)
    assert first.result() == first.DialogCode.Rejected  # nothing imported by the first
    again = page.preview
    assert again.rejected_rows.rowCount() == 0 and not again.report.unknown_words
    assert "就业状态“在家”按您的选择读作“未就业”：3 格" in again.summary.text()
    again.confirm.click()
    qtbot.waitUntil(lambda: hasattr(page, "last_import"), timeout=60000)
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    report = page.last_import
    assert report.rejected == [] and report.persons_imported == 3
    said = {(w.word, w.meaning, w.cells) for w in report.words_said}
    assert said == {("在家", "未就业", 3), ("√", "已就业", 1), ("外出", "已就业", 1)}
    for dialog in page.findChildren(ImportReportDialog):
        dialog.close()


def test_the_countys_words_are_chosen_in_the_preview_and_one_may_be_said_otherwise(
    qtbot, tmp_path, capsys
):
    """A county pack with `[status_words]` installed: the preview lists the words its list read,
    each chosen as the list says; changing one box says that word otherwise, the rest stay the
    county's, and the result says whose each word was."""
    from fieldapp.cli.main import main
    from tests.policy.helpers import COUNTY_PACK
    from tests.tabular.county_words import LIST, WORDS

    db = tmp_path / "l.db"
    pack = tmp_path / "本县政策.toml"
    pack.write_text(COUNTY_PACK + WORDS, encoding="utf-8")
    Ledger.open(db, author="王专员").close()  # (policy install refuses a missing ledger)
    assert main(["--db", str(db), "policy", "install", str(pack)]) == 0, capsys.readouterr()
    ledger = Ledger.open(db, author="王专员")
    path = _village_book(tmp_path / "村台账.xlsx")
    preview = import_ledger(ledger, path, update=True, dry_run=True)
    assert preview.unknown_words == {}
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert f"就业状态“在家”按{LIST}读作“未就业”：3 格" in dialog.summary.text()
    table = dialog.words
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"在家", "√", "外出"}
    assert table.item(rows["在家"], 3).text() == f"按{LIST}"
    assert dialog.word_choices["在家"].currentText() == "未就业"
    assert dialog.chosen_words() == {}  # the county's list as it is: nothing the user said
    dialog.word_choices["外出"].setCurrentText("无需就业")
    assert dialog.chosen_words() == {"外出": "无需就业"}
    report = import_ledger(ledger, path, update=True, words=dialog.chosen_words())
    assert report.rejected == []
    assert ("张长英", "2026-02", "无需就业") in _statuses(ledger)
    shown = ImportReportDialog(report)
    qtbot.addWidget(shown)
    assert "就业状态“外出”按您的选择读作“无需就业”：1 格" in shown.summary.text()
    assert f"就业状态“√”按{LIST}读作“已就业”：1 格" in shown.summary.text()
    ledger.close()
