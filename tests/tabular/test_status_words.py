"""A coordinator's own 就业状态 words (在家, √, 外出 …) are listed, each with how many cells
and where, and read as the user says once for the whole import; nothing is guessed, and
the report says which word became what in how many cells."""

from __future__ import annotations

import openpyxl
import pytest

from fieldapp.cli.main import main
from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.cells import UnknownStatus
from fieldapp.tabular.extra_sheets import parse_extra
from fieldapp.tabular.import_report import write_import_report
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.person_row import parse_row
from tests.tabular.status_book import HEAD, PLACE, WIFE, _statuses, _village_book

WORDS = {"在家": "未就业", "√": "已就业", "外出": "已就业"}


def test_words_no_list_knows_are_listed_with_their_cells_and_nothing_is_guessed(ledger, tmp_path):
    report = import_ledger(ledger, _village_book(tmp_path / "村台账.xlsx"))
    listed = {w.word: (w.column, w.cells, w.places) for w in report.unknown_words.values()}
    assert listed == {
        "在家": ("就业状态", 3, [("台账", 3), ("月度状态", 3), ("月度状态", 4)]),
        "√": ("就业状态", 1, [("台账", 4)]),
        "外出": ("就业状态", 1, [("月度状态", 2)]),
    }
    assert _statuses(ledger) == [("张长英", "2026-01", "未就业")]  # none read as a guess
    assert report.words_said == []
    book = openpyxl.load_workbook(write_import_report(report, tmp_path / "结果.xlsx"))
    rows = list(book["就业状态用词"].iter_rows(min_row=3, values_only=True))
    assert ("√", "（未说明，这些行未导入）", 1, "台账 第 4 行") in rows
    assert report.as_json()["unknown_words"][1] == {
        "word": "√",
        "column": "就业状态",
        "cells": 1,
        "places": [{"sheet": "台账", "row": 4}],
    }


def test_the_users_words_are_read_for_the_whole_import_and_said_in_its_report(ledger, tmp_path):
    report = import_ledger(ledger, _village_book(tmp_path / "村台账.xlsx"), words=WORDS)
    assert report.rejected == [] and report.unknown_words == {}
    assert _statuses(ledger) == [
        ("张明", "2026-01", "已就业"),
        ("张长英", "2026-01", "未就业"),
        ("李秀", "2026-01", "未就业"),
        ("张明", "2026-02", "未就业"),
        ("张长英", "2026-02", "已就业"),
        ("李秀", "2026-02", "未就业"),
    ]
    said = {(w.word, w.meaning, w.cells) for w in report.words_said}
    assert said == {("在家", "未就业", 3), ("√", "已就业", 1), ("外出", "已就业", 1)}
    # Each cell read so is in the report, by sheet and row, as every word read as another is.
    assert ("月度状态", 2, "外出", "已就业") in {
        (m.sheet, m.row, m.before, m.after) for m in report.mapped
    }
    said_json = {"word": "√", "to": "已就业", "cells": 1, "county_list": None}
    assert said_json in report.as_json()["words_said"]
    # The report workbook a coordinator keeps says it too.
    book = openpyxl.load_workbook(write_import_report(report, tmp_path / "结果.xlsx"))
    rows = list(book["就业状态用词"].iter_rows(min_row=3, values_only=True))
    assert ("在家", "未就业", 3, "按导入时的说明读取") in rows and len(rows) == 3


def test_the_words_are_the_imports_own_not_the_next_ones(ledger, tmp_path):
    import_ledger(ledger, _village_book(tmp_path / "a.xlsx"), words=WORDS, dry_run=True)
    report = import_ledger(ledger, _village_book(tmp_path / "b.xlsx"))
    assert set(report.unknown_words) == {"在家", "√", "外出"}


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ({"在家": "务农"}, "“在家”不能说成“务农”：就业状态只有已就业、未就业、在校、无需就业"),
        ({"待业": "已就业"}, "“待业”已按“未就业”读取，不能再说成“已就业”"),
        ({" ": "未就业"}, "说明用词时要写明表格里的词"),
    ],
)
def test_a_word_said_as_what_the_column_does_not_have_is_refused(ledger, tmp_path, words, said):
    path = _village_book(tmp_path / "村台账.xlsx")
    with pytest.raises(ValidationFailed, match=said):
        import_ledger(ledger, path, words=words)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def test_the_cli_lists_the_words_and_takes_their_meaning_once(tmp_path, capsys):
    path = str(_village_book(tmp_path / "村台账.xlsx"))
    db = ["--db", str(tmp_path / "l.db")]
    assert main([*db, "import", path, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "就业状态中有无法识别的用词" in out
    assert "就业状态“在家”：3 格（台账 第 3 行、月度状态 第 3 行、月度状态 第 4 行）" in out
    assert main([*db, "import", path, "--word", "在家=务农"]) == 2
    assert "“在家”不能说成“务农”" in capsys.readouterr().err
    assert main([*db, "import", path, "--word", "在家"]) == 2
    assert "词=含义" in capsys.readouterr().err
    words = [a for word, meaning in WORDS.items() for a in ("--word", f"{word}={meaning}")]
    assert main([*db, "import", path, *words]) == 0
    out = capsys.readouterr().out
    assert "按您的说明，“在家”读作“未就业”：3 格" in out and "无法识别" not in out


def test_a_persons_own_status_column_takes_the_users_word_too(ledger, tmp_path):
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "就业状态"])
    people.append(["张长英", HEAD, HEAD, "户主", *PLACE.values(), "在家"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx", dry_run=True)
    assert [(w.word, w.cells, w.places) for w in report.unknown_words.values()] == [
        ("在家", 1, [("台账", 2)])
    ]
    report = import_ledger(ledger, tmp_path / "s.xlsx", words={"在家": "未就业"})
    assert report.rejected == [] and report.persons_imported == 1
    assert [(w.word, w.meaning, w.cells) for w in report.words_said] == [("在家", "未就业", 1)]


def test_two_imports_in_a_row_each_read_the_words_said_for_it(tmp_path, capsys):
    # The words said for an import travel with it to each cell's parser, and are kept nowhere
    # the next import could read them: two imports in a row in one process and on one thread
    # (as the app's import worker runs them) each read with their own, and a third with none.
    path = str(_village_book(tmp_path / "村台账.xlsx"))
    first = {"在家": "未就业", "√": "已就业", "外出": "已就业"}
    second = {"在家": "无需就业", "√": "未就业", "外出": "在校"}
    for name, words in (("一", first), ("二", second)):
        said = [a for word, meaning in words.items() for a in ("--word", f"{word}={meaning}")]
        assert main(["--db", str(tmp_path / f"{name}.db"), "import", path, *said]) == 0
        out = capsys.readouterr().out
        assert f"按您的说明，“在家”读作“{words['在家']}”：3 格" in out, out
    assert main(["--db", str(tmp_path / "三.db"), "import", path, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "就业状态“在家”：3 格" in out and "按您的说明" not in out
    for name, words in (("一", first), ("二", second)):
        ledger = Ledger.open(tmp_path / f"{name}.db")
        try:
            assert _statuses(ledger) == [
                ("张明", "2026-01", words["√"]),
                ("张长英", "2026-01", "未就业"),
                ("李秀", "2026-01", words["在家"]),
                ("张明", "2026-02", words["在家"]),
                ("张长英", "2026-02", words["外出"]),
                ("李秀", "2026-02", words["在家"]),
            ], name
        finally:
            ledger.close()


def test_a_status_cell_is_read_with_the_words_handed_to_its_parser():
    # The parsers keep each word they read for the next row (the same few words fill a
    # sheet): a word said for one import is not among them, so the next reads it afresh.
    row = {"name": "李秀", "id_number": WIFE, "head_id_number": HEAD, "relation": "配偶"}
    month = {"id_number": WIFE, "month": "2026-02", "status": "在家"}
    for words in ({"在家": "未就业"}, {"在家": "无需就业"}, {"在家": "未就业"}):
        parsed = parse_row(2, {**row, "month_status": "在家"}, {}, words=words)
        assert parsed.month_status == words["在家"]
        assert ("本月就业状态", "在家", words["在家"]) in parsed.mapped
        extra = parse_extra("月度状态", "月度状态", 2, dict(month), {}, words=words)
        assert extra.values["status"] == words["在家"]
        assert extra.mapped == (("就业状态", "在家", words["在家"]),)
    with pytest.raises(UnknownStatus, match="在家"):
        parse_row(2, {**row, "month_status": "在家"}, {}, words={})
    with pytest.raises(UnknownStatus, match="在家"):
        parse_extra("月度状态", "月度状态", 2, dict(month), {}, words={})
