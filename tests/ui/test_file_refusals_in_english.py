"""A spreadsheet file refused before it is read (a zip bomb, a sheet past the cells that can be
read, a password, a Word document named .xlsx …) was said in Chinese in the English window: the
guard's and the reader's refusals were Chinese text. Each is now a template and its parts
(`tests.tabular.test_file_refusals_said` makes each from a real file): the English window says
it in English, nothing Chinese left but what the file itself holds (a sheet's name), and the
Chinese window, byte for byte, what it always said."""

from __future__ import annotations

import pytest

from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.tabular.test_file_refusals_said import SCENARIOS, import_refusals, refusal
from tests.ui.in_english import CHINESE, _stored

#: The headings a file must have, said in Chinese in either window: the words to look for in
#: the file (“姓名”, “身份证号码”), not the program's.
HEADINGS_ASKED = {"no_header"}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_refused_file_is_said_in_english_in_the_english_window(qapp, name, tmp_path, monkeypatch):
    refused = refusal(name, tmp_path, monkeypatch)
    assert message_for(refused) == str(refused)  # the Chinese window: as it always was
    with in_english():
        shown = message_for(refused)
    assert shown != str(refused)
    left = shown
    assert refused.said is not None
    for part in sorted(_stored(refused.said), key=len, reverse=True):
        left = left.replace(part, "")
    if name in HEADINGS_ASKED:
        left = left.replace("“姓名”", "").replace("“身份证号码”", "")
    assert not CHINESE.search(left), shown


def test_a_sheet_too_big_and_a_password_are_said_in_english_word_for_word(
    qapp, tmp_path, monkeypatch
):
    refused = refusal("sheet_too_big", tmp_path, monkeypatch)
    assert str(refused) == (
        "拒绝读取表格文件 wide.xlsx：工作表“台账”的范围达 1,000 行 × 16,384 列（16,384,000 个单元格），"
        "超过了可读取的 10,000,000 个单元格；请删除多余的行列或另存为 CSV 后再导入。"
        "文件未被读取，台账没有改动"
    )
    with in_english():
        assert message_for(refused) == (
            "The spreadsheet file wide.xlsx was refused: the sheet “台账” spans 1,000 rows × "
            "16,384 columns (16,384,000 cells), more than the 10,000,000 cells that can be read; "
            "please delete the rows and columns not needed, or save it as CSV, and import again. "
            "The file was not read and the ledger is unchanged"
        )
    password = refusal("password", tmp_path, monkeypatch)
    with in_english():
        assert message_for(password) == (
            "The spreadsheet file locked.xlsx cannot be read: the workbook has a password to open "
            "it (it is encrypted), so this program cannot read it; please open it in Excel or WPS "
            "with the password, remove the password, save it and import it again. The ledger is "
            "unchanged"
        )


def test_the_imports_refusals_before_it_reads_are_said_in_english(qapp, tmp_path):
    refusals = {name: refused for name, (_t, refused) in import_refusals(tmp_path).items()}
    with in_english():
        shown = {name: message_for(refused) for name, refused in refusals.items()}
    assert shown == {
        "changed_since_preview": "The spreadsheet “village.csv” has changed since it was "
        "previewed (it may have been saved in another program or replaced) and was not "
        "imported; please preview it again and confirm once you have looked it over",
        "word_blank": "Saying what a word means needs the word as the spreadsheet writes it "
        "(there is none before “未就业”)",
        "not_a_status": "“在家” cannot be said to mean “务农”: the employment statuses are only "
        "employed, not employed, in school, not applicable",
        "read_already": "“务工” is read as “Employed” already and cannot be said to mean "
        "“Not employed”",
    }
