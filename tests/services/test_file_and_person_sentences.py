"""The sentences of a file that cannot be written or read, of an ID number refused or warned
about, of a print setting refused, of a place the tables know only above it, of a namesake and
of a month left beside its job's income — each made here by the code that says it (a real
folder, the real division table), so that `test_every_template_is_met_by_a_scenario` counts
them as met (`said_here`) and the English window's catalogue is known to cover them."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from fieldapp import saving
from fieldapp.domain import errors, idnumber, places_said
from fieldapp.domain.errors import DuplicateIdNumber, InvalidIdNumber, ValidationFailed
from fieldapp.domain.sentences import Sentence
from fieldapp.paperwork import settings
from fieldapp.services import persons, work
from fieldapp.tabular import cells, extra_sheets, ledger_import, person_row, reader, workbook
from tests.conftest import make_id
from tests.services.sentence_checks import templates
from tests.ui.test_our_errors_in_english import REFUSED_IDS

SAID_HERE = {
    saving.WRITE_FAILED,
    saving._OTHER,
    saving._NOT_A_FOLDER,
    saving._NO_FOLDER,
    saving._ENCRYPTED_LEDGER,
    saving._LEDGER_KEYS,
    saving._LEDGER_PART,
    saving._PLAIN_LEDGER,
    saving._OVER_LEDGER,
    saving._NO_STICK,
    *saving._CAUSES.values(),
    reader.NOT_FOUND,
    cells.UNREADABLE,
    person_row.HEAD_NUMBER,
    ledger_import.IN_COLUMN,
    workbook.TEMP_FOLDER_FULL,
    *workbook._TEMP_CAUSES.values(),
    workbook._TEMP_OTHER,
    *workbook._TEMP_ADVICE.values(),
    settings.NO_SUCH_SETTING,
    settings.YES_OR_NO,
    settings.ONE_TO_SIXTY,
    idnumber.EXCEL_FLOAT,
    idnumber.EMPTY,
    idnumber.LENGTH,
    idnumber.FORMAT,
    idnumber.EXCEL_000,
    idnumber.CHECK,
    idnumber.NO_DATE,
    idnumber.ODD_DATE,
    idnumber.REGION_UNKNOWN,
    errors.ALREADY_ENTERED,
    persons.NAMESAKE,
    work.MONTH_KEPT,
    places_said.UNKNOWN_PLACE,
    *places_said._BELOW.values(),
    places_said._BELOW_ANY,
}


def _said(error: BaseException) -> Sentence:
    said = getattr(error, "said", None)
    assert isinstance(said, Sentence), error
    return said


def _file_sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Sentence]:
    """Every way `saving` and the reader refuse a file, as they say it."""
    out = tmp_path / "村台账.xlsx"
    found = [_said(saving.cannot_write(out, OSError(n, "x"))) for n in saving._CAUSES]
    found.append(_said(saving.cannot_write(out, OSError(errno.EBADMSG, "odd"))))
    blocker = tmp_path / "一个文件"
    blocker.write_text("x")
    for folder in (blocker, tmp_path / "没有的文件夹"):
        with pytest.raises(saving.CannotWrite) as refused:
            saving.check_folder(folder / "村台账.xlsx")
        found.append(_said(refused.value))
    ledger = tmp_path / "台账.db"
    ledger.write_bytes(b"SQLite format 3\x00" + bytes(100))
    encrypted = tmp_path / "加密台账.db"
    encrypted.write_bytes(bytes(100))
    Path(f"{encrypted}.keys").write_bytes(b"k")
    for target in (ledger, encrypted, Path(f"{encrypted}.keys"), Path(f"{encrypted}-wal")):
        with pytest.raises(saving.CannotWrite) as refused:
            saving.check_not_ledger(target)
        found.append(_said(refused.value))
    media = tmp_path / "media"
    (media / "clerk").mkdir(parents=True)
    monkeypatch.setattr(saving, "MOUNT_ROOTS", (media,))
    monkeypatch.setattr(saving, "USER_MOUNT_ROOTS", (media,))
    with pytest.raises(saving.CannotWrite) as refused:
        saving.make_folder_for(media / "clerk" / "U盘" / "村台账.xlsx")
    found.append(_said(refused.value))
    with pytest.raises(ValidationFailed) as missing:
        reader.read_workbook(tmp_path / "不在这里.xlsx")
    found.append(_said(missing.value))
    return found


def test_a_file_refused_is_said_by_each_of_its_templates(tmp_path, monkeypatch) -> None:
    found = _file_sentences(tmp_path, monkeypatch)
    met = set().union(*map(templates, found))
    mine = {t for t in SAID_HERE if t in vars(saving).values() or t == reader.NOT_FOUND}
    assert mine - met == set()
    assert all("村台账.xlsx" in str(s) for s in found[: len(saving._CAUSES)])
    assert str(found[-1]) == "找不到文件：不在这里.xlsx"


def _id_sentences() -> list[Sentence]:
    found: list[Sentence] = []
    for raw in REFUSED_IDS:
        with pytest.raises(InvalidIdNumber) as refused:
            idnumber.validate(raw)
        found.append(_said(refused.value))
    info = idnumber.validate(make_id(region="529999"))
    found.extend(idnumber.warnings_said(info))
    found.append(DuplicateIdNumber("520502198003161031", "p1", "张长英", "大坝村").said)
    return found


def test_an_id_number_refused_or_warned_is_said_by_each_of_its_templates() -> None:
    met = set().union(*map(templates, _id_sentences()))
    mine = {t for t in SAID_HERE if t in vars(idnumber).values()} | {errors.ALREADY_ENTERED}
    assert mine - met == set()


def _setting_sentences() -> list[Sentence]:
    found: list[Sentence] = []
    for refuse in (
        lambda: settings.setting_name("县长"),
        lambda: settings.parse_value("notice_working_days", "也许"),
        lambda: settings.parse_value("notice_days", "九十"),
    ):
        with pytest.raises(settings.SettingRefused) as refused:
            refuse()
        found.append(_said(refused.value))
    return found


def test_a_print_setting_refused_is_said_by_each_of_its_templates() -> None:
    met = set().union(*map(templates, _setting_sentences()))
    assert {settings.NO_SUCH_SETTING, settings.YES_OR_NO, settings.ONE_TO_SIXTY} <= met


def _place_sentences() -> list[Sentence]:
    """An area said in a sentence where the tables know only what is above it (a township, a
    village, a group, a code of no level's length) or nothing of it."""
    from fieldapp.reference import divisions

    codes = ("999999999999", "520502999", "520502101002", "520502101002009", "5205021019")
    found = [places_said.place_part(code, divisions()) for code in codes]
    assert all(isinstance(part, Sentence) for part in found), found
    return [part for part in found if isinstance(part, Sentence)]


def test_a_place_below_what_the_tables_know_is_said_by_each_of_its_templates() -> None:
    found = _place_sentences()
    met = set().union(*map(templates, found))
    assert {places_said.UNKNOWN_PLACE, *places_said._BELOW.values(), places_said._BELOW_ANY} <= met
    assert str(found[2]) == "七星关区梨树镇的一个村"


def _cell_sentences() -> list[Sentence]:
    """A drop-down cell of an extra sheet whose word no list reads (`extra_sheets._choice`); a
    household head's ID number refused in its cell (`person_row._validate_cell`)."""
    with pytest.raises(cells.CellError) as refused:
        extra_sheets._choice("随便", "服务类型", extra_sheets._SERVICE, [], {})
    with pytest.raises(cells.CellError) as head:
        person_row._validate_cell("520502198003161031", "head_id_number")
    return [_said(refused.value), _said(head.value)]


def test_a_cell_refused_is_said_by_its_templates() -> None:
    found, head = _cell_sentences()
    assert found.template == cells.UNREADABLE
    assert str(found).startswith("服务类型“随便”无法识别，应为：")
    assert head.template == person_row.HEAD_NUMBER
    assert str(head).startswith("户主身份证号码“520502198003161031”校验位不符")


def _sheet_sentences(tmp_path: Path) -> list[Sentence]:
    """A month's column of a real workbook whose word no list reads, said with the column (the
    import's report row); the workbook writer's work files refused by the computer's own disk
    (`workbook._said_as_the_disks`, as the Rust writer reports an errno)."""
    import openpyxl

    from fieldapp.store.ledger import Ledger

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head = make_id("520502", "19750316", "131")
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *place, "2026年1月"])
    sheet.append(["张长英", head, head, "户主", *place.values(), "外出"])
    book.save(tmp_path / "村台账.xlsx")
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / "村台账.xlsx")
    finally:
        ledger.close()
    found = [p.said for p in report.rejected if isinstance(p.said, Sentence)]
    for number in (28, 13, 5):
        with pytest.raises(workbook.TempFolderFull) as refused:
            with workbook._said_as_the_disks():
                raise RuntimeError(f"Os {{ code: {number}, kind: Other }} (os error {number})")
        found.append(_said(refused.value))
    return found


def test_a_sheet_refused_is_said_by_its_templates(tmp_path) -> None:
    found = _sheet_sentences(tmp_path)
    met = set().union(*map(templates, found))
    assert ledger_import.IN_COLUMN in met
    assert {workbook.TEMP_FOLDER_FULL, *workbook._TEMP_CAUSES.values(), workbook._TEMP_OTHER} <= met
    assert set(workbook._TEMP_ADVICE.values()) <= met
    assert str(found[0]).startswith("“2026年1月”列（H 列）：就业状态“外出”无法识别")


def said_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The templates this file's scenarios say (the namesake's is said by
    `tests.services.test_persons.test_same_name_and_birth_date_needs_confirmation`, the month's
    kept by `tests.services.test_job_income_moves_month`; both check it)."""
    found = [
        *_file_sentences(tmp_path, monkeypatch),
        *_id_sentences(),
        *_setting_sentences(),
        *_place_sentences(),
        *_cell_sentences(),
        *_sheet_sentences(tmp_path),
    ]
    return set().union(*map(templates, found)) | {persons.NAMESAKE, work.MONTH_KEPT}
