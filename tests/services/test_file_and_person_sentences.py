"""The sentences of a file that cannot be written or read, of an ID number refused or warned
about, of a print setting refused, of a place the tables know only above it, of a namesake and
of a month left beside its job's income — each made here by the code that says it (a real
folder, the real division table), so that `test_every_template_is_met_by_a_scenario` counts
them as met (`said_here`) and the English window's catalogue is known to cover them."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Any

import pytest

from fieldapp import saving
from fieldapp.domain import errors, idnumber, places_said
from fieldapp.domain.errors import DuplicateIdNumber, InvalidIdNumber, ValidationFailed
from fieldapp.domain.sentences import AND_MORE_PEOPLE, TEMPLATES, Sentence
from fieldapp.paperwork import settings
from fieldapp.services import persons, work
from fieldapp.tabular import (
    areas,
    categories,
    cells,
    extra_sheets,
    ledger_import,
    person_row,
    placing,
    reader,
    workbook,
)
from tests.conftest import make_id
from tests.english import in_english
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
    *(t for trouble in saving.TROUBLES.values() for t in trouble),
    reader.NOT_FOUND,
    cells.UNREADABLE,
    person_row.HEAD_NUMBER,
    ledger_import.IN_COLUMN,
    ledger_import.START_GUESSED,
    workbook.TEMP_FOLDER_FULL,
    workbook._TEMP_FULL,
    workbook._TEMP_REFUSED,
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
    *(v for k, v in vars(cells).items() if k.isupper() and isinstance(v, str) and v in TEMPLATES),
    *(
        v
        for k, v in vars(categories).items()
        if k.isupper() and isinstance(v, str) and v in TEMPLATES
    ),
    *(v for k, v in vars(areas).items() if k.isupper() and isinstance(v, str) and v in TEMPLATES),
    *(
        v
        for k, v in vars(extra_sheets).items()
        if k.isupper() and isinstance(v, str) and v in TEMPLATES
    ),
}


def _said(error: BaseException) -> Sentence:
    said = getattr(error, "said", None)
    assert isinstance(said, Sentence), error
    return said


def _file_sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Sentence]:
    """Every way `saving` and the reader refuse a file, as they say it."""
    out = tmp_path / "村台账.xlsx"
    found = [_said(saving.cannot_write(out, OSError(n, "x"))) for n in saving.TROUBLES]
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
    assert all("村台账.xlsx" in str(s) for s in found[: len(saving.TROUBLES)])
    assert str(found[-1]) == "找不到文件：不在这里.xlsx"


def _told_sentences() -> list[Sentence]:
    """Each errno a file not read or written is told by (the desktop's `file_trouble`)."""
    found = []
    for number in saving.TROUBLES:
        said = saving.told(OSError(number, "x", "村台账.xlsx"), "“村台账.xlsx”")
        assert said is not None
        found.append(said)
    return found


def test_a_file_not_read_or_written_is_told_by_each_errnos_sentence() -> None:
    found = _told_sentences()
    assert {s.template for s in found} == {t.told for t in saving.TROUBLES.values()}
    assert all("村台账.xlsx" in str(s) for s in found)
    assert saving.told(OSError(errno.EBADMSG, "odd"), "“村台账.xlsx”") is None


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
    assert {
        workbook.TEMP_FOLDER_FULL,
        workbook._TEMP_FULL,
        workbook._TEMP_REFUSED,
        workbook._TEMP_OTHER,
    } <= met
    assert set(workbook._TEMP_ADVICE.values()) <= met
    assert str(found[0]).startswith("“2026年1月”列（H 列）：就业状态“外出”无法识别")


def _met_as_before(found: list[tuple[Sentence, str]]) -> set[str]:
    """The templates `found` says, each of its sentences having said, byte for byte, the
    Chinese recorded beside it (what the program said before the templates)."""
    assert [str(said) for said, _ in found] == [chinese for _, chinese in found]
    return set().union(*(templates(said) for said, _ in found))


def said_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The templates this file's scenarios say (the namesake's is said by
    `tests.services.test_persons.test_same_name_and_birth_date_needs_confirmation`, the month's
    kept by `tests.services.test_job_income_moves_month`; both check it)."""
    found = [
        *_file_sentences(tmp_path, monkeypatch),
        *_told_sentences(),
        *_id_sentences(),
        *_setting_sentences(),
        *_place_sentences(),
        *_cell_sentences(),
        *_sheet_sentences(tmp_path),
        *(said for said, _chinese in _import_cell_sentences(monkeypatch)),
        *_placed_sentences(tmp_path),
        *_month_column_sentences(tmp_path),
        *_job_cell_sentences(tmp_path),
        *(said for said, _chinese in _person_cell_sentences()),
        *(said for said, _chinese in _person_cell_notes()),
        *(said for said, _chinese in _job_notes()),
        *(said for said, _chinese in _job_end_notes(tmp_path)),
        *(said for said, _chinese in _birth_notes(tmp_path / "birth")),
        *(said for said, _chinese in _group_sheet_notes(tmp_path / "group")),
        *(said for said, _chinese in _village_code_notes(tmp_path / "village_code")),
        *(said for said, _chinese in _group_held_notes(tmp_path / "group_held")),
        *(said for said, _chinese in _age_notes(tmp_path / "age")),
        *(said for said, _chinese in _foot_notes(tmp_path / "foot")),
        *(said for said, _chinese in _account_sentences()),
        *(said for said, _chinese in _job_sheet_notes(tmp_path)),
        *(said for said, _chinese in _roster_notes(tmp_path)),
        *(said for said, _chinese in _monthly_notes(tmp_path)),
        *(said for said, _chinese in _ledger_refusals(tmp_path)),
        *(said for said, _chinese in _key_refusals(tmp_path / "key")),
        *(said for said, _chinese in _not_a_ledger(tmp_path / "not_a_ledger")),
        *(said for said, _chinese in _sheet_notes(tmp_path)),
        *(said for said, _chinese in _extra_date_notes()),
    ]
    return set().union(*map(templates, found)) | {persons.NAMESAKE, work.MONTH_KEPT}


def _extra_date_notes() -> list[tuple[Sentence, str]]:
    """What an extra sheet's row says of its dates when it is taken: an end not yet come left
    out, a month alone ending the month running taken as today, a visit of a month alone taken
    as its first day — each sentence and its Chinese."""
    from fieldapp.tabular.extra_sheets import parse_extra

    notes: list[Sentence] = []
    rows = [
        ("就业经历", {"start_date": "2026-03-02", "end_date": "2026-04-20"}),
        ("就业经历", {"start_date": "2026-03-02", "end_date": "2026-03"}),
        ("走访服务", {"visit_date": "2026-02"}),
    ]
    for kind, texts in rows:
        parse_extra(
            kind, kind, 2, {"id_number": "x", **texts}, {}, "2026-03-16", words={}, notes=notes
        )
    chinese = [
        "结束日期2026年4月20日晚于今天：这一格没有导入，按还没有结束记，请核对",
        "结束日期“2026-03”只填到月份，这个月还没有过完，已按今天（2026年3月16日）记为结束日期，"
        "请核对",
        "日期“2026-02”只填到月份，已按2026年2月1日记入，请核对",
    ]
    return list(zip(notes, chinese, strict=True))


def test_an_extra_sheets_date_notes_say_what_was_taken() -> None:
    for said, chinese in _extra_date_notes():
        assert str(said) == chinese


def _import_cell_sentences(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Sentence, str]]:
    """A spreadsheet's cell refused by the import, each way its readers refuse one (a date, a
    number, a term, a year, a yes or no; a category's item; a row's place; an extra sheet's
    row taken together; an ID number Excel made a float, or blank): its sentence and the
    Chinese the import said before the templates, recorded from the code of 3a2f6591."""
    from fieldapp.reference import divisions

    class _Twice:
        """The division table with a county twice (Guizhou has no two of one name)."""

        def __getattr__(self, name: str) -> object:
            return getattr(divisions(), name)

        def counties(self) -> list[object]:
            first = next(iter(divisions().counties()))
            return [first, first]

    resolver = areas.AreaResolver([])
    resolver.by_code.update(
        {f"520502101{n:03d}": ("x", "village", "520502101") for n in range(1, 1000)}
    )
    jobs = {"start_date": "开始日期", "visit_date": "走访日期"}.get
    cases = [
        (lambda: cells.date("3月", "出生日期"), None),
        (
            lambda: cells.date("2026-13-45", "出生日期"),
            "出生日期“2026-13-45”不是有效日期（应为 2024-03-05 这样的格式）",
        ),
        (lambda: cells.date("1800-01-01", "出生日期"), "出生日期“1800-01-01”不合理"),
        (
            lambda: cells.date(200, "出生日期"),
            "出生日期“200”是一个数，不是日期（应为 2024-03-05 这样的格式）",
        ),
        (
            lambda: cells.date(2019.0, "务工开始日期"),
            "务工开始日期“2019”只有年份，请填写到月份（如 2019-03）",
        ),
        (
            lambda: cells.date(2026.1, "务工开始日期"),
            "务工开始日期“2026.1”被 Excel 存成了数字（输入的 2026.10 会变成 2026.1），看不出是 2026 年 1 月还是 10 月；请把该列设为文本，填写 2026-01 或 2026-10 这样的格式后重新导入",
        ),
        (lambda: cells.number("约三千", "月收入（元）"), "月收入（元）“约三千”不是数字"),
        (lambda: cells.number(-5.0, "月收入（元）"), "月收入（元）不能为负数"),
        (
            lambda: cells.number(1e300, "月收入（元）"),
            "月收入（元）“1e+300”超过 100 万元，不会是一个月的收入",
        ),
        (lambda: cells.months("很久", "合同期限（月）"), "合同期限（月）“很久”应为月数（整数）"),
        (
            lambda: cells.months("999999年", "合同期限（月）"),
            "合同期限（月）“999999年”超过 100 年，不会有这么长的期限",
        ),
        (lambda: cells.days(2.6, "培训天数"), "培训天数“2.6”应为天数（整数）"),
        (lambda: cells.year("26", "脱贫年度"), "脱贫年度“26”应为四位年份"),
        (lambda: cells.yes_no("也许", "是否参保"), "是否参保“也许”应填“是”或“否”"),
        (
            lambda: categories._category_item("脱贫人口(2016-13-45)"),
            "脱贫人口的认定日期“2016-13-45”不是有效日期（应为 2024-03-05 这样的格式）",
        ),
        (
            lambda: categories._category_item("脱贫人口(2016-01-01~2016-13-45)"),
            "脱贫人口的结束日期“2016-13-45”不是有效日期（应为 2024-03-05 这样的格式）",
        ),
        (
            lambda: categories._category_item("脱贫人口(2016-01-01)(x)"),
            "人员类别“脱贫人口(2016-01-01)(x)”格式不对",
        ),
        (
            lambda: categories._category("三类人员"),
            "“三类人员”是统称，请写明具体类别（脱贫人口、农村低收入人口、易地搬迁人口等）",
        ),
        (
            lambda: categories._category("外星人"),
            "未知的人员类别“外星人”（可用：脱贫人口、防返贫监测对象、农村低收入人口、农村低保对象、农村特困人员、易地搬迁人口、易地搬迁随迁人口、登记失业人员、就业困难人员、高校毕业生、返乡农村劳动力、退役军人、残疾人、退捕渔民、戒毒康复人员、刑满释放人员）",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(areas.PlaceRef(county="不存在县")),
            "贵州省内找不到县（市、区）“不存在县”",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(
                areas.PlaceRef(county="七星关区", township="不存在镇")
            ),
            "七星关区下找不到乡镇（街道）“不存在镇”",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(areas.PlaceRef(township="碧阳街道")),
            "请填写县（市、区）或区划代码",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(
                areas.PlaceRef(county="七星关区", village="大坝村")
            ),
            "填写了村或安置点，但没有填写乡镇（街道）",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(areas.PlaceRef(code="12345")),
            "区划代码“12345”应为 6、9、12 或 15 位数字",
        ),
        (
            lambda: areas.AreaResolver([]).resolve(areas.PlaceRef(code="529999")),
            "区划代码 529999 不是贵州省现行的县或乡镇代码",
        ),
        (lambda: resolver._next_code("520502101"), "520502101 下的地点已满 999 个，无法再新建"),
        (lambda: extra_sheets._bool("也许", "是否全户", []), "是否全户“也许”应填“是”或“否”"),
        (
            lambda: extra_sheets._check("失业登记", {}, str, "2026-05-01"),
            "登记日期和发现日期至少填一个",
        ),
        (
            lambda: extra_sheets._check(
                "就业经历",
                {"start_date": "2026-03-05", "end_date": "2026-01-02"},
                str,
                "2026-05-01",
            ),
            "结束日期2026年1月2日早于开始日期2026年3月5日",
        ),
        (
            lambda: extra_sheets._check(
                "就业经历", {"start_date": "2026-06-05"}, jobs, "2026-05-01"
            ),
            "开始日期 2026-06-05 晚于今天",
        ),
        (lambda: extra_sheets._check("月度状态", {}, str, "2026-05-01"), "月份为空"),
        (
            lambda: extra_sheets._check("月度状态", {"month": "2026-03"}, str, "2026-05-01"),
            "就业状态为空",
        ),
        (
            lambda: extra_sheets._check("走访服务", {}, jobs, "2026-05-01"),
            "走访日期为空：请填写走访日期（只知道月份的，填 2024-03 这样）",
        ),
        (
            lambda: extra_sheets.parse_extra(
                "就业经历",
                "就业经历",
                2,
                {"id_number": "x", "workplace_code": "5205"},
                {},
                words={},
            ),
            None,
        ),
        # Excel's float of a number: now the domain's sentence (its number quoted), where it
        # said 户主身份证号码已被 Excel 存成数字（5.20502e+17）…
        (
            lambda: person_row._id_number(5.20502197505e17, "head_id_number"),
            "户主身份证号码“5.20502e+17”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；请把该列设为文本后重新录入",
        ),
        # … and in an .xls or an .ods: said as that kind of file loses the digits.
        (
            lambda: person_row._id_number(5.20502197505e17, "id_number", ".xls"),
            "身份证号码“5.20502e+17”在表格里存成了数字：.xls 格式的表格里，数字最多只能存 15 位，"
            "18 位身份证号码的后几位已丢失，无法恢复；请把身份证号码这一列设为文本，"
            "对照身份证重新填写后再导入",
        ),
        (
            lambda: person_row._id_number(5.20502197505e17, "head_id_number", ".ods"),
            "户主身份证号码“5.20502e+17”在表格里存成了数字，后几位已丢失，无法恢复；"
            "请在 LibreOffice 或 WPS 中把身份证号码这一列设为文本，对照身份证重新填写后再导入",
        ),
        (lambda: person_row._id_number("", "head_id_number"), "户主身份证号码为空"),
        (
            lambda: extra_sheets.parse_extra("就业经历", "就业经历", 2, {}, {}, words={}),
            "身份证号码为空",
        ),
    ]
    found: list[tuple[Sentence, str]] = []
    for make, chinese in cases:
        with pytest.raises(cells.CellError) as refused:
            make()
        found.append((_said(refused.value), chinese or str(refused.value)))
    with monkeypatch.context() as patched:  # (undone: later scenarios read the real table)
        patched.setattr(areas, "divisions", _Twice)
        with pytest.raises(cells.CellError) as twice:
            county = next(iter(divisions().counties())).name
            areas.AreaResolver([]).resolve(areas.PlaceRef(county=county))
    found.append((_said(twice.value), str(twice.value)))
    return found


def test_a_cell_the_import_refuses_says_what_it_said_before_and_each_template(monkeypatch) -> None:
    found = _import_cell_sentences(monkeypatch)
    for said, chinese in found:
        assert str(said) == chinese
    met = set().union(*(templates(said) for said, _chinese in found))
    mine = {
        t
        for t in SAID_HERE
        for m in (cells, categories, areas, extra_sheets)
        if t in vars(m).values()
    }
    # (said by `_cell_sentences` and `_job_sheet_notes`; an end to come and a day of a month
    # alone are notes on a row taken, said whole by tests/tabular/test_real_sheets.py; a
    # category dated by its year alone, a note too, by tests/tabular/test_import_notes_said.py)
    notes = {extra_sheets.END_TO_COME, extra_sheets.DAY_MONTH_ONLY, categories.YEAR_ONLY}
    assert mine - met == {cells.UNREADABLE, extra_sheets.BOTH_GIVEN, *notes}
    assert str(found[0][0]).startswith("出生日期“3月”没有写年份：请写成 ")
    assert str(found[-1][0]).endswith("”有重名，请填写区划代码")


def _placed_sentences(tmp_path: Path) -> list[Sentence]:
    """The rows a real import refuses for their person or household (`placing.Placer`) and an
    extra sheet's rows of a person refused or nowhere (`ledger_import`), each as the report
    keeps it; a head the ledger holds in no household (`Placer._household_for`)."""
    import openpyxl

    from fieldapp.store.ledger import Ledger
    from fieldapp.store.queries.tabular import KnownPerson
    from fieldapp.tabular.outcome import ImportReport

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, other, lost = (make_id("520502", "19750316", n) for n in ("131", "142", "153"))
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *place])
    people.append(["张长英", head, head, "户主", *place.values()])
    people.append(["张长英", head, head, "户主", *place.values()])  # 与第 2 行重复
    people.append(["李秀", other, other, "户主", "不存在县", "碧阳街道", "大坝村"])
    people.append(["李明", make_id("520502", "20010101", "164"), other, "子女", *place.values()])
    people.append(["王五", make_id("520502", "19900101", "175"), lost, "子女", *place.values()])
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "务工单位", "务工开始日期"])
    jobs.append(["李秀", other, "某厂", "2026-01-05"])
    jobs.append(["赵六", lost, "某厂", "2026-01-05"])
    book.save(tmp_path / "户.xlsx")
    ledger = Ledger.open(tmp_path / "placed.db", author="王专员")
    try:
        first = ledger_import.import_ledger(ledger, tmp_path / "户.xlsx")
        again = ledger_import.import_ledger(ledger, tmp_path / "户.xlsx")
        report = ImportReport()
        placer = placing.Placer(report, ledger.db, areas.AreaResolver([]), update=False, month="")
        item = person_row.parse_row(
            2,
            {"name": "王五", "id_number": lost, "head_id_number": other, "relation": "子女"},
            {},
            words={},
        )
        known = {other: KnownPerson("p1", "李秀", other, None, None)}
        assert placer._household_for(item, known) is None
    finally:
        ledger.close()
    found = [p.said for p in (*first.rejected, *again.rejected, *report.rejected)]
    found.append(placing._row_at("花名册", 3, "台账"))
    return [said for said in found if isinstance(said, Sentence)]


def test_a_row_placed_nowhere_is_said_by_each_of_its_templates(tmp_path) -> None:
    found = _placed_sentences(tmp_path)
    met = set().union(*map(templates, found))
    mine = {t for t in SAID_HERE if t in vars(placing).values()}
    assert mine | {ledger_import.REFUSED_THERE, ledger_import.NOT_FOUND} <= met
    said = [str(s) for s in found]
    assert f"身份证号码 {make_id('520502', '19750316', '131')} 与第 2 行重复" in said
    assert "户主所在的第 4 行未能导入，同户成员一并退回" in said
    assert "工作表“花名册”第 3 行" in said


def _month_column_sentences(tmp_path: Path) -> list[Sentence]:
    """A sheet's columns of one month each: four naming no year anywhere (refused), two
    naming theirs (read, said on the header's row)."""
    import openpyxl

    from fieldapp.store.ledger import Ledger

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head = make_id("520502", "19750316", "131")
    found: list[Sentence] = []
    for name, months in (
        ("无年.xlsx", ["1月", "2月", "3月", "4月"]),
        ("有年.xlsx", ["2026年1月", "2026年2月"]),
    ):
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "台账"
        sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *place, *months])
        sheet.append(["张长英", head, head, "户主", *place.values(), *["已就业"] * len(months)])
        book.save(tmp_path / name)
        ledger = Ledger.open(tmp_path / f"{name}.db", author="王专员")
        try:
            report = ledger_import.import_ledger(ledger, tmp_path / name, dry_run=True)
        finally:
            ledger.close()
        found += [
            p.said for p in (*report.rejected, *report.warnings) if isinstance(p.said, Sentence)
        ]
    return found


def test_a_sheets_month_columns_are_said_by_their_templates(tmp_path) -> None:
    found = _month_column_sentences(tmp_path)
    by_template = {s.template: str(s) for s in found}
    assert by_template[ledger_import.MONTHS_NO_YEAR] == (
        "“1月”、“2月”、“3月”等列（H–K 列）是各月的就业状态，但没有写年份：这几列没有导入。请把"
        "列名写成“2026年1月”这样，或在表格标题中写明年份（如“2026年大坝村劳动力花名册”），再导入"
    )
    assert by_template[ledger_import.MONTHS_READ] == (
        "“2026年1月”、“2026年2月”列（H–I 列）是各月的就业状态：每一格按它那一列的月份读取，请核对"
    )


def _job_cell_sentences(tmp_path: Path) -> list[Sentence]:
    """A job's cell the import cannot read, said on its row's warning: a cell left out (its
    employer's kind), the form left out, the whole job left out (its start date no day)."""
    import openpyxl

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    job = ["就业状态", "务工单位", "务工开始日期", "就业形式", "用人单位类型"]
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *place, *job])
    for name, birth, start, form, kind in (
        ("张长英", "19750316", "2026-01-05", "单位就业", "乱写"),
        ("李秀", "19780520", "2026-01-05", "乱写", ""),
        ("张明", "20010101", "2026-13-45", "单位就业", ""),
    ):
        number = make_id("520502", birth, "131")
        cells_ = [name, number, number, "户主", *place.values(), "已就业", "某厂", start, form]
        sheet.append([*cells_, kind or None])
    return _warnings_said(tmp_path, book, "工作")


def _warnings_said(tmp_path: Path, book: Any, name: str) -> list[Sentence]:
    """The warnings, as sentences, of a dry-run import of `book` saved as `name`.xlsx."""
    from fieldapp.store.ledger import Ledger

    book.save(tmp_path / f"{name}.xlsx")
    ledger = Ledger.open(tmp_path / f"{name}.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / f"{name}.xlsx", dry_run=True)
    finally:
        ledger.close()
    return [p.said for p in report.warnings if isinstance(p.said, Sentence)]


def test_a_jobs_cell_left_out_is_said_by_its_templates(tmp_path) -> None:
    by_template = {s.template: str(s) for s in _job_cell_sentences(tmp_path)}
    assert by_template[person_row.CELL_LEFT_OUT].startswith("用人单位类型“乱写”无法识别")
    assert by_template[person_row.CELL_LEFT_OUT].endswith(
        "：这一格没有导入，这份工作照常导入，请核对后补填"
    )
    assert by_template[person_row.FORM_LEFT_OUT].startswith("就业形式“乱写”无法识别")
    assert by_template[person_row.FORM_LEFT_OUT].endswith("：" + person_row.FORM_NOT_READ)
    assert by_template[person_row.JOB_CELL_LEFT_OUT] == (
        "务工开始日期“2026-13-45”不是有效日期（应为 2024-03-05 这样的格式）"
        + person_row.JOB_LEFT_OUT
    )


def _job_sheet_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """What the import says of jobs across sheets: a monthly roster's jobs with no start date
    (dated by their first month), a job's cell the 就业经历 sheet gives otherwise (a value,
    a blank): each sentence and the Chinese said before the templates."""
    import openpyxl

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *place, "月份", "就业状态", "务工单位"])
    head = make_id("520502", "19750316", "131")
    for month, employer in (("2026-01", "电子厂"), ("2026-02", "电子厂"), ("2026-03", "鞋厂")):
        sheet.append(["张长英", head, head, *place.values(), month, "已就业", employer])
    said = _warnings_said(tmp_path, book, "花名册")
    [started] = [s for s in said if s.template == ledger_import.START_GUESSED]
    return [
        (started, "有 2 份工作没有填务工开始日期：按它最早出现的那个月的 1 日记为开始日期，请核对"),
        (
            extra_sheets._both("monthly_income", 2800, "就业经历", 4, 3100),
            "月收入：本表填的是 2800，工作表“就业经历”第 4 行填的是 3100，按“就业经历”导入；"
            "请核对哪个对",
        ),
        (
            extra_sheets._both("employer", None, "就业经历", 5, "鞋厂"),
            "务工单位：本表填的是 （空），工作表“就业经历”第 5 行填的是 鞋厂，按“就业经历”导入；"
            "请核对哪个对",
        ),
    ]


def _roster_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """What the import says of a monthly roster's people read from the workbook's people sheet
    (eleven: ten named, and how many), and of a 人员类别 cell's 登记失业人员 kept as the
    registration too: each sentence and the Chinese said before the templates."""
    import openpyxl

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "人员"
    people.append(["姓名", "身份证号码", "户主身份证号码", "人员类别", *place])
    roster = book.create_sheet("花名册")
    roster.append(["姓名", "身份证号码", "月份", "就业状态", "务工单位", "务工开始日期"])
    names = [f"张{word}" for word in "一二三四五六七八九十"] + ["李一"]
    for n, name in enumerate(names):
        number = make_id("520502", "19750316", f"{n + 10}1")
        category = "登记失业人员（2024-06-01至2025-01-15）" if n == 0 else ""
        people.append([name, number, number, category, *place.values()])
        for month in ("2026-01", "2026-02"):
            roster.append([name, number, month, "已就业", "砖厂", "2026-01-05"])
    said = _warnings_said(tmp_path, book, "花名册与人员")
    [read] = [s for s in said if s.template == ledger_import.READ_ON_SHEET]
    [registered] = [s for s in said if s.template == ledger_import.REGISTERED_TOO]
    return [
        (
            read,
            "、".join(names[:10]) + "等 11 人已在工作表“人员”中读取：这张表中他们的人员信息"
            "没有再读（以那张表为准），各月的就业状态和工作照常读取",
        ),
        (registered, "人员类别中的“登记失业人员”已同时记为失业登记"),
    ]


def test_a_roster_read_beside_its_people_sheet_says_what_it_said_before(tmp_path) -> None:
    met = _met_as_before(_roster_notes(tmp_path))
    assert {
        ledger_import.READ_ON_SHEET,
        AND_MORE_PEOPLE,
        ledger_import.QUOTED,
        ledger_import.REGISTERED_TOO,
    } <= met


def test_a_job_across_sheets_says_what_it_said_before(tmp_path) -> None:
    met = _met_as_before(_job_sheet_notes(tmp_path))
    assert {ledger_import.START_GUESSED, extra_sheets.BOTH_GIVEN} <= met


def _person_cell_sentences() -> list[tuple[Sentence, str]]:
    """A row refused for its person's cells (`person_row.parse_row`): its sentence and the
    Chinese it said before the templates."""
    head, son = make_id("520502", "19750316", "131"), make_id("520502", "20010101", "153")
    cases = [
        ({"name": " ", "id_number": head}, "姓名为空"),
        ({"name": "张" * 41, "id_number": head}, "姓名“张张张张张张张张张张…”过长"),
        (
            {"name": "张明", "id_number": son, "relation": "子女"},
            "户主身份证号码为空（户主本人可填自己的号码）",
        ),
        (
            {"name": "张明", "id_number": head, "head_id_number": head, "relation": "子女"},
            "本人身份证号码与户主身份证号码相同，但与户主关系填的是“子女”",
        ),
        (
            {"name": "张明", "id_number": son, "head_id_number": head, "relation": "户主"},
            "与户主关系为“户主”，但户主身份证号码不是本人的号码",
        ),
        (
            {"name": "张长英", "id_number": head, "sex": "男人?"},
            "性别“男人?”无法识别，应为：男、女",
        ),
        (
            {"name": "张长英", "id_number": head, "sex": "女"},
            "性别填的是“女”，但身份证号码表明是男性，请核对",
        ),
        (
            {"name": "张长英", "id_number": head, "hukou_code": "5205"},
            "户籍地区划代码“5205”应为 6、9 或 12 位数字",
        ),
    ]
    found: list[tuple[Sentence, str]] = []
    for texts, chinese in cases:
        with pytest.raises(cells.CellError) as refused:
            person_row.parse_row(2, texts, {}, words={})
        found.append((_said(refused.value), chinese))
    return found


def test_a_persons_cell_refused_says_what_it_said_before() -> None:
    met = _met_as_before(_person_cell_sentences())
    assert {person_row.NO_NAME, person_row.OTHER_SEX, cells.CODE_DIGITS} <= met


def _person_cell_notes() -> list[tuple[Sentence, str]]:
    """A row's cell refused or noted on its own (too long, control characters, cut by the
    export; a phone or account Excel stored as a number; a job starting after today or beside
    a status other than 已就业; a phone's dropped 0 or wrong length; a place of work no division
    is): its sentence and the Chinese the import said before the templates."""
    from fieldapp.domain import phone
    from fieldapp.store.queries.sheets import CUT_MARK

    head = make_id("520502", "19750316", "131")
    today = dt.date(2026, 6, 1)
    person = {"name": "张长英", "id_number": head}
    left_out = person_row.JOB_LEFT_OUT
    refused = [
        (
            {**person, "group": "一" * 101},
            {},
            "村民组过长（101 字，最多 100 字）",
        ),
        (
            {**person, "address": "大坝村\x01二组"},
            {},
            "详细地址含有控制字符（不可见的特殊字符），请删除后重新填写",
        ),
        (
            {**person, "phone": "1.38E+16"},
            {"phone": 1.38e16},
            "联系电话已被 Excel 存成数字（1.38e+16），后几位可能已丢失，无法恢复；"
            "请把该列设为文本后重新录入",
        ),
        (
            {**person, "phone": "1.38E+16"},
            {},
            "联系电话“1.38E+16”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
            "请把该列设为文本后重新录入",
        ),
    ]
    found: list[tuple[Sentence, str]] = []
    for texts, raw, chinese in refused:
        with pytest.raises(cells.CellError) as error:
            person_row.parse_row(2, texts, raw, today, words={})
        found.append((_said(error.value), chinese))
    # … in an .xls or an .ods: said as that kind of file holds the number, not as Excel's.
    phone_number = ({**person, "phone": "1.38E+16"}, {"phone": 1.38e16})
    for kind, chinese in [
        (
            ".xls",
            "联系电话在表格里存成了数字（1.38e+16）：.xls 格式的表格里，数字最多只能存 15 位，"
            "后几位可能已丢失，无法恢复；请把该列设为文本后重新录入",
        ),
        (
            ".ods",
            "联系电话在表格里存成了数字（1.38e+16），后几位可能已丢失，无法恢复；"
            "请在 LibreOffice 或 WPS 中把该列设为文本后重新录入",
        ),
    ]:
        with pytest.raises(cells.CellError) as error:
            person_row.parse_row(
                2, dict(phone_number[0]), phone_number[1], today, words={}, kind=kind
            )
        found.append((_said(error.value), chinese))
    job = {"work_status": "已就业", "form": "单位就业"}
    noted = [
        (
            {**person, "notes": "记" * 200 + CUT_MARK},
            {},
            "备注是导出时截短的长文本，这一格没有导入（台账里的全文不变；要改它，请在程序里改）",
        ),
        (
            {**person, "account_number": "6.21E+18"},
            {"account_number": 6.21e18},
            "社保卡账号已被 Excel 存成数字（6.21e+18），后几位可能已丢失，无法恢复；这一格没有导入，"
            "这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写",
        ),
        (
            {**person, "account_number": "6.21E+18"},
            {},
            "社保卡账号“6.21E+18”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
            "这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写",
        ),
        (
            {**person, "account_number": "6217002870012340000"},
            {},
            "社保卡账号“6217002870012340000”第 15 位以后全是 0：多半是 Excel 把它存成数字时丢掉了"
            "后几位（Excel 只保留 15 位数字），无法恢复；这一格没有导入，这个人的其余信息照常导入；"
            "请对照银行卡或存折重新填写，并把该列设为文本",
        ),
        (
            {**person, "account_number": "62170"},
            {},
            "社保卡账号：账号“62170”是 5 位，位数不对，请核对（银行卡、社保卡账号一般 16–19 位）。"
            "这一格没有导入，这个人的其余信息照常导入；请对照银行卡或存折核对后重新填写",
        ),
        (
            {**person, **job, "start_date": "2026-07-01"},
            {},
            "务工开始日期2026年7月1日晚于今天" + left_out,
        ),
        (
            {**person, "work_status": "未就业", "employer": "遵义某厂"},
            {},
            "就业状态为“未就业”，但填写了务工信息，请核对" + left_out,
        ),
        (
            {**person, "phone": "8571234567"},
            {},
            "联系电话“8571234567”前面的 0 被表格程序去掉了（存成了数字），已按“08571234567”读取，"
            "请核对；以后请把该列设为文本",
        ),
        (
            {**person, "phone": "1380013800"},
            {},
            "联系电话：手机号码应为 11 位，“1380013800”是 10 位，请核对（这个人已照常导入）",
        ),
        (
            {**person, "phone": "0857123"},
            {},
            "联系电话：固定电话应为区号加 7–8 位号码，“0857123”的位数不对，请核对（这个人已照常导入）",
        ),
        (
            {**person, "phone": "23456"},
            {},
            "联系电话：电话号码“23456”位数不对：手机 11 位，固定电话为区号加 7–8 位"
            "（这个人已照常导入）",
        ),
        (
            {**person, "phone": "138-abcd"},
            {},
            "联系电话：电话号码“138abcd”只能有数字（可带区号和短横线）（这个人已照常导入）",
        ),
        (
            {**person, **job, "start_date": "2025-03-01", "workplace": "火星基地"},
            {},
            "务工地点“火星基地”未能识别为行政区划，按文字保存",
        ),
        (
            {**person, "id_number": "520502680808011", "head_id_number": "520502680808011"},
            {},
            "身份证号码 520502680808011 是 15 位的旧号码，已按国家标准升级为 18 位 520502196808080111",
        ),
        (
            {**person, "work_status": "已就业", "employer": "遵义某厂"},
            {},
            "已就业但没有务工开始日期，就业情况未导入，请补录",
        ),
        (
            {**person, "employer": "遵义某厂", "monthly_income": "3000"},
            {},
            "填了务工单位、月收入但没有务工开始日期，就业情况未导入，请补录",
        ),
        (
            {**person, "monthly_income": "3000"},
            {},
            "填了月收入但没有务工开始日期，就业情况未导入，请补录",
        ),
    ]
    for texts, raw, chinese in noted:
        parsed = person_row.parse_row(2, dict(texts), raw, today, words={})
        said = [w for w in parsed.warnings if isinstance(w, Sentence) and str(w) == chinese]
        assert said, (chinese, parsed.warnings)
        found.append((said[0], chinese))
    account_number = ({**person, "account_number": "6.21E+18"}, {"account_number": 6.21e18})
    left = "这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写"
    for kind, chinese in [
        (
            ".xls",
            "社保卡账号在表格里存成了数字（6.21e+18）：.xls 格式的表格里，数字最多只能存 15 位，"
            "后几位可能已丢失，无法恢复；" + left,
        ),
        (".ods", "社保卡账号在表格里存成了数字（6.21e+18），后几位可能已丢失，无法恢复；" + left),
    ]:
        parsed = person_row.parse_row(
            2, dict(account_number[0]), account_number[1], today, words={}, kind=kind
        )
        said = [w for w in parsed.warnings if isinstance(w, Sentence) and str(w) == chinese]
        assert said, (chinese, parsed.warnings)
        found.append((said[0], chinese))
    assert phone.phone_said("13800138000") is None
    return found


def test_a_cell_noted_or_refused_says_what_it_said_before() -> None:
    met = _met_as_before(_person_cell_notes())
    from fieldapp.domain import phone

    assert {
        person_row.TOO_LONG,
        person_row.CONTROL_CHARACTERS,
        person_row.CUT_TEXT,
        person_row.EXCEL_NUMBER,
        person_row.NUMBER_XLS,
        person_row.NUMBER_ODS,
        person_row.EXCEL_SCIENTIFIC,
        *person_row.ACCOUNT_LOST.values(),
        person_row.ACCOUNT_ROUNDED,
        person_row.ACCOUNT_REFUSED,
        person_row.START_AHEAD,
        person_row.STATUS_BUT_WORK,
        person_row.ZERO_DROPPED,
        person_row.PHONE_KEPT,
        person_row.PLACE_AS_TEXT,
        person_row.NO_START_DATE,
        person_row.WORK_NO_START,
        person_row.UPGRADED_15,
        phone.NOT_DIGITS,
        phone.MOBILE_LENGTH,
        phone.LANDLINE_LENGTH,
        phone.LENGTH,
    } <= met


def _job_notes() -> list[tuple[Sentence, str]]:
    """A row's job with no 就业形式 (kept as 未登记), one whose start date is a month alone (kept
    from its first day) and 已就业 beside a job that ended before the month (its employer
    written or not): each sentence and the Chinese the import said before the templates."""
    head = make_id("520502", "19750316", "131")
    texts = {
        "name": "张长英",
        "id_number": head,
        "work_status": "已就业",
        "employer": "遵义某厂",
        "start_date": "2025-03-01",
    }
    parsed = person_row.parse_row(2, texts, {}, dt.date(2026, 6, 1), words={})
    form = [w for w in parsed.warnings if w == person_row.FORM_NOT_GIVEN]
    assert len(form) == 1 and isinstance(form[0], Sentence), parsed.warnings
    by_month = person_row.parse_row(
        3, {**texts, "start_date": "2025年5月"}, {}, dt.date(2026, 6, 1), words={}
    )
    month = [w for w in by_month.warnings if "只填到月份" in str(w)]
    assert len(month) == 1 and isinstance(month[0], Sentence), by_month.warnings
    rest = (
        "已于2025年10月31日结束：两者不一致。已按所填导入（2026年3月记为已就业，这份工作记为"
        "已结束，这个月没有算在这份工作上），请核对是否换了工作（换了的请补录新工作）"
    )
    job = {"start_date": "2025-03-01", "end_date": "2025-10-31"}
    named = person_row.ended_before({**job, "employer": "遵义某厂"}, "2026-03")
    unnamed = person_row.ended_before({**job, "employer": ""}, "2026-03")
    assert named is not None and unnamed is not None
    assert person_row.ended_before({**job, "employer": "遵义某厂"}, "2025-10") is None
    return [
        (
            form[0],
            "就业形式未填写，这份工作按“未登记”记录，按就业形式审核的补贴（吸纳就业、灵活就业、"
            "自主创业等）不会认定；请在程序中打开这个人，补填就业形式",
        ),
        (month[0], "务工开始日期“2025年5月”只填到月份，已按2025年5月1日记为开始日期，请核对"),
        (named, "就业状态是“已就业”，但这份工作（遵义某厂）" + rest),
        (unnamed, "就业状态是“已就业”，但这份工作（务工单位未填）" + rest),
    ]


def test_a_job_without_its_form_or_ended_before_its_month_says_what_it_said_before() -> None:
    met = _met_as_before(_job_notes())
    assert {
        person_row.FORM_NOT_GIVEN.template,
        person_row.START_MONTH_ONLY,
        person_row.ENDED_BEFORE,
        person_row.ENDED_BEFORE_NO_EMPLOYER,
    } <= met


def _job_end_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A people sheet's 返乡时间 cell left out (on a row with no job, unreadable, before the
    job's start, not yet come; beside 未就业, the job left out with it) or a month alone taken
    as its last day, in a real import: each sentence as the report keeps it and the Chinese the
    import said (or, of the month alone, says)."""
    import openpyxl

    from fieldapp.domain.dates import today as china_today
    from fieldapp.store.ledger import Ledger

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    ids = [make_id("520502", "19750316", f"{n}1") for n in range(10, 16)]
    ahead = china_today() + dt.timedelta(days=30)
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    headers = ["姓名", "身份证号码", "户主身份证号码", *place, "就业状态", "务工单位"]
    headers += ["务工开始日期", "返乡时间", "就业形式"]
    people.append(headers)
    rows = [
        ("张一", "", "", "", "2025-10-31"),
        ("张二", "已就业", "鞋厂", "2025-03-01", "不详"),
        ("张三", "已就业", "电子厂", "2025-05-01", "2025-01-31"),
        ("张四", "已就业", "砖厂", "2025-05-01", ahead.isoformat()),
        ("张五", "未就业", "砖厂", "2025-05-01", "2025-01-31"),
        ("张六", "已就业", "鞋厂", "2025-03-01", "2025年10月"),
    ]
    for (name, status, employer, start, end), number in zip(rows, ids, strict=False):
        form = "单位就业" if employer else None
        people.append([name, number, number, *place.values(), status, employer, start, end, form])
    book.save(tmp_path / "返乡.xlsx")
    with pytest.raises(cells.CellError) as unreadable:
        cells.date("不详", "返乡时间")
    ledger = Ledger.open(tmp_path / "end.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / "返乡.xlsx")
    finally:
        ledger.close()
    by_row = {w.row: w.said for w in report.warnings if w.said and "返乡时间" in str(w.said)}
    kept = "这一格没有导入，这份工作照常导入（按仍在进行），请核对"
    wanted = {
        2: "返乡时间“2025-10-31”：这一行没有务工（就业状态或务工开始日期未填），这一格没有导入",
        3: f"{unreadable.value}：{kept}",
        4: f"返乡时间2025年1月31日早于务工开始日期2025年5月1日：{kept}",
        5: f"返乡时间{ahead.year}年{ahead.month}月{ahead.day}日晚于今天：{kept}",
        6: "返乡时间2025年1月31日早于务工开始日期2025年5月1日：这份工作没有导入，"
        "这个人的其余信息照常导入，请核对",
        7: "返乡时间“2025年10月”只填到月份，已按2025年10月31日记为结束日期，请核对",
    }
    assert set(by_row) == set(wanted), report.warnings
    return [(by_row[row], chinese) for row, chinese in sorted(wanted.items())]


def test_a_job_end_left_out_says_what_it_said_before(tmp_path) -> None:
    met = _met_as_before(_job_end_notes(tmp_path))
    assert {
        ledger_import.END_NO_JOB,
        ledger_import.END_KEPT,
        ledger_import.END_JOB_LEFT_OUT,
        ledger_import.END_BEFORE_START,
        ledger_import.END_AHEAD,
        person_row.END_MONTH_ONLY,
    } <= met


def _birth_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A people sheet's 出生日期 cell other than the ID number's day, or no day, in a real
    import: each sentence as the report keeps it and the Chinese the import says."""
    import openpyxl

    from fieldapp.store.ledger import Ledger

    tmp_path.mkdir()
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, wife = make_id("520502", "19750316", "131"), make_id("520502", "19780520", "142")
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.append(["姓名", "身份证号码", "户主身份证号码", "出生日期", *place])
    people.append(["张长英", head, head, "1957-03-16", *place.values()])
    people.append(["李秀", wife, head, "不详", *place.values()])
    book.save(tmp_path / "出生.xlsx")
    with pytest.raises(cells.CellError) as unreadable:
        cells.date("不详", "出生日期")
    ledger = Ledger.open(tmp_path / "birth.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / "出生.xlsx")
    finally:
        ledger.close()
    by_row = {w.row: w.said for w in report.warnings if w.said and "出生日期" in str(w.said)}
    wanted = {
        2: "出生日期填的是1957年3月16日，但身份证号码表明是1975年3月16日出生，已按身份证号码"
        "导入，请核对（是否把别人的身份证号码抄到了这一行）",
        3: f"{unreadable.value}：这一格没有读取，出生日期按身份证号码（1978年5月20日）导入",
    }
    assert set(by_row) == set(wanted), report.warnings
    return [(by_row[row], chinese) for row, chinese in sorted(wanted.items())]


def _group_sheet_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A people sheet named for a 村民组 with no such column, and one with the column whose
    cell a household left blank, in a real import: the sentences the report keeps and their
    Chinese."""
    import openpyxl

    from fieldapp.store.ledger import Ledger

    tmp_path.mkdir()
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head = make_id("520502", "19750316", "131")
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "三组"
    people.append(["姓名", "身份证号码", "户主身份证号码", *place])
    people.append(["张长英", head, head, *place.values()])
    blank = book.create_sheet("四组")
    blank.append(["姓名", "身份证号码", "户主身份证号码", *place, "村民组"])
    other = make_id("520502", "19680808", "171")
    blank.append(["王五", other, other, *place.values(), ""])
    stray = make_id("520502", "19700101", "182")  # a household of 红岩村 on 三组's sheet
    people.append(["赵六", stray, stray, "七星关区", "碧阳街道", "红岩村"])
    people.append(["李秀", make_id("520502", "19780520", "142"), head, *place.values()])
    book.save(tmp_path / "三组.xlsx")
    ledger = Ledger.open(tmp_path / "group.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / "三组.xlsx")
    finally:
        ledger.close()
    said = [w.said for w in report.warnings if w.said and "工作表名称" in str(w.said)]
    assert len(said) == 3 and all(s is not None for s in said), report.warnings
    return [
        (said[0], "这张表没有“村民组”列，表中的人按工作表名称记在“三组”，请核对"),
        (
            said[1],
            "这一行的村是“碧阳街道 红岩村”，不是这张表其他行的“碧阳街道 大坝村”：工作表名称“三组”"
            "说的是那个村的村民组，这一户没有记在“三组”，记在“碧阳街道 红岩村”，请核对",
        ),
        (said[2], "有 1 行的“村民组”一格空白（第 2 行），按工作表名称记在“四组”，请核对"),
    ]


def _group_held_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """An update from a sheet named for a group of a household the ledger holds in another
    group, in a real import: the sentence its row says and its Chinese."""
    import openpyxl

    from fieldapp.store.ledger import Ledger
    from tests.tabular.sheets import dated, write_xlsx

    tmp_path.mkdir()
    place = ["七星关区", "碧阳街道", "大坝村"]
    heads = [
        "姓名",
        "身份证号码",
        "户主身份证号码",
        "县（市、区）",
        "乡镇（街道）",
        "村（社区）",
        "村民组",
    ]
    head = make_id("520502", "19750316", "131")
    held = write_xlsx(tmp_path / "a.xlsx", heads, [["张长英", head, head, *place, "三组"]])
    group = write_xlsx(tmp_path / "b.xlsx", heads, [["张长英", head, head, *place, ""]])
    book = openpyxl.load_workbook(group)
    book.active.title = "一组"
    book.save(group)
    ledger = Ledger.open(tmp_path / "held.db", author="王专员")
    try:
        ledger_import.import_ledger(ledger, held)
        report = ledger_import.import_ledger(ledger, dated(group), update=True)
    finally:
        ledger.close()
    said = [w.said for w in report.warnings if w.said and "台账中这户" in str(w.said)]
    assert len(said) == 1 and said[0] is not None, report.warnings
    return [
        (
            said[0],
            "台账中这户在“三组”，没有按工作表名称改记到“一组”：表格导入不改变一户所在的村民组，"
            "要改请在程序中打开这户，改“所在区域”",
        )
    ]


def test_a_household_held_in_another_group_is_said(tmp_path) -> None:
    assert placing.GROUP_HELD in _met_as_before(_group_held_notes(tmp_path / "h"))


def test_a_sheet_named_for_its_group_is_said(tmp_path) -> None:
    met = _met_as_before(_group_sheet_notes(tmp_path / "g"))
    assert {
        ledger_import.GROUP_OF_SHEET,
        ledger_import.GROUP_OF_SHEET_BLANK,
        ledger_import.OTHER_VILLAGE,
    } <= met


def _village_code_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A village a sheet gives by its 区划代码 alone, kept by the code and said; named by the
    next import's 村（社区）; and both on a device that may not name the ledger's areas (the
    county's to keep): each sentence and its Chinese."""
    from fieldapp.domain.areacode import AreaRow
    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.outcome import ImportReport
    from tests.tabular.sheets import dated, write_xlsx

    tmp_path.mkdir()
    code, next_code = "520502010002", "520502010003"
    head, other = make_id("520502", "19750316", "131"), make_id("520502", "19680808", "171")
    heads = ["姓名", "身份证号码", "户主身份证号码", "区划代码"]
    alone = write_xlsx(tmp_path / "a.xlsx", heads, [["张长英", head, head, code]])
    named = write_xlsx(
        tmp_path / "b.xlsx", [*heads, "村（社区）"], [["张长英", head, head, code, "大坝村"]]
    )
    ledger = Ledger.open(tmp_path / "code.db", author="王专员")
    try:
        first = ledger_import.import_ledger(ledger, alone)
        again = ledger_import.import_ledger(ledger, dated(named), update=True)
        report = ImportReport()
        held = [AreaRow(code, code, "村", code[:9])]
        resolver = areas.AreaResolver(held, renames=False)
        placer = placing.Placer(report, ledger.db, resolver, update=True, month="")
        texts = {
            "name": "王五",
            "id_number": other,
            "head_id_number": other,
            "area_code": next_code,
        }
        new = person_row.parse_row(2, texts, {}, words={})
        texts = {"name": "张长英", "id_number": head, "area_code": code, "village": "大坝村"}
        known = person_row.parse_row(3, texts, {}, words={})
        placer.place([new])
        placer._say_unnamed()
        placer.place([known])
    finally:
        ledger.close()
    found = [
        w.said
        for w in (*first.warnings, *again.warnings, *report.warnings)
        if "区划代码" in w.reason
    ]
    found += [w for w in known.warnings if "区划代码" in str(w)]
    assert all(isinstance(s, Sentence) for s in found) and len(found) == 4, found
    return [
        (
            found[0],
            f"区划代码 {code} 的地点表中没有写名称，台账中暂以代码为名称：在表格的“村（社区）”一列"
            "写上名称，再导入一次（按月更新也可），即可记上名称",
        ),
        (
            found[1],
            f"区划代码 {code} 的地点台账中原以代码为名称，表中写的是“大坝村”：已记为“大坝村”",
        ),
        (
            found[2],
            f"区划代码 {next_code} 的地点表中没有写名称，台账中暂以代码为名称：区域由县里统一维护，"
            "请县里在导入的表格中写上它的“村（社区）”，即可记上名称",
        ),
        (
            found[3],
            f"区划代码 {code} 的地点台账中以代码为名称，表中写的是“大坝村”：区域由县里统一维护，"
            "本机不能改名，请县里记上名称",
        ),
    ]


def test_a_village_given_by_its_code_alone_is_said(tmp_path) -> None:
    met = _met_as_before(_village_code_notes(tmp_path / "v"))
    assert {
        placing.PLACE_UNNAMED,
        placing.PLACE_NAMED,
        placing.PLACE_UNNAMED_COUNTY,
        placing.PLACE_NAMED_COUNTY,
    } <= met


def _age_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A people sheet's 年龄 cell other than the ID number's age, or no age, in a real import
    on 2026-04-10: each sentence as the report keeps it and the Chinese the import says."""
    import openpyxl

    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.reader import SheetStream

    tmp_path.mkdir()
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, wife = make_id("520502", "19680808", "131"), make_id("520502", "19700101", "142")
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.append(["姓名", "身份证号码", "户主身份证号码", "年龄", *place])
    people.append(["张长英", head, head, 38, *place.values()])
    people.append(["李秀", wife, head, "不详", *place.values()])
    book.save(tmp_path / "年龄.xlsx")
    ledger = Ledger.open(tmp_path / "age.db", author="王专员")
    try:
        importer = ledger_import.LedgerImporter(ledger, today=dt.date(2026, 4, 10), words={})
        report = importer.run(SheetStream(tmp_path / "年龄.xlsx"))
    finally:
        ledger.close()
    by_row = {w.row: w.said for w in report.warnings if w.said and "年龄" in str(w.said)}
    wanted = {
        2: "年龄填的是38岁，但身份证号码表明是1968年8月8日出生（现年57岁），已按身份证号码导入，"
        "请核对（是否把别人的身份证号码抄到了这一行）",
        3: "年龄“不详”不是岁数：这一格没有读取，年龄按身份证号码（1970年1月1日出生）计算",
    }
    assert set(by_row) == set(wanted), report.warnings
    return [(by_row[row], chinese) for row, chinese in sorted(wanted.items())]


def test_an_age_other_than_the_numbers_is_said(tmp_path) -> None:
    met = _met_as_before(_age_notes(tmp_path / "age"))
    assert {ledger_import.AGE_OTHER, ledger_import.AGE_UNREAD} <= met


def _foot_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """The lines at a form's foot (制表人：, 填报日期：, 联系电话：), several, in a real
    import: the one sentence the report keeps of them and its Chinese."""
    import openpyxl

    from fieldapp.store.ledger import Ledger

    tmp_path.mkdir()
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head = make_id("520502", "19750316", "131")
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.append(["姓名", "身份证号码", "户主身份证号码", *place])
    people.append(["张长英", head, head, *place.values()])
    people.append(["制表人：王五", "", "审核人：李四"])
    people.append(["填报日期：2026年12月1日"])
    people.append(["联系电话：", "0857-8221234"])
    book.save(tmp_path / "表尾.xlsx")
    ledger = Ledger.open(tmp_path / "foot.db", author="王专员")
    try:
        report = ledger_import.import_ledger(ledger, tmp_path / "表尾.xlsx")
    finally:
        ledger.close()
    said = [w.said for w in report.warnings if w.said and "表尾" in str(w.said)]
    assert len(said) == 1 and said[0] is not None, report.warnings
    return [(said[0], "有 3 行是表尾的合计或签名（第 3–5 行，如“制表人：王五”），不是人员，未读取")]


def test_a_forms_foot_of_several_lines_is_said_once(tmp_path) -> None:
    assert ledger_import.FOOT_ROWS in _met_as_before(_foot_notes(tmp_path / "foot"))


def test_a_birth_date_other_than_the_numbers_is_said(tmp_path) -> None:
    met = _met_as_before(_birth_notes(tmp_path / "birth"))
    assert {ledger_import.BIRTH_OTHER, ledger_import.BIRTH_UNREAD} <= met


def _account_sentences() -> list[tuple[Sentence, str]]:
    """An account number the editor and the import refuse (`account.account_said`), each way:
    its sentence and the Chinese said before the templates."""
    from fieldapp.domain import account

    wanted = {
        "6217 abcd": "账号“6217 abcd”只能有数字（空格和短横线会自动去掉）",
        "62170": "账号“62170”是 5 位，位数不对，请核对（银行卡、社保卡账号一般 16–19 位）",
        "6217002870012340000": "账号“6217002870012340000”第 15 位以后全是 0：多半是从 Excel "
        "里复制的、已被 Excel 丢掉后几位的号码（Excel 只保留 15 位数字）；请对照银行卡或存折输入",
    }
    found = []
    for typed, chinese in wanted.items():
        said = account.account_said(typed)
        assert said is not None and str(said) == chinese
        found.append((said, chinese))
    assert account.account_said("6217 0028 7001 2345 678") is None
    return found


def test_an_account_refused_says_what_it_said_before() -> None:
    from fieldapp.domain import account

    met = _met_as_before(_account_sentences())
    assert {account.NOT_DIGITS, account.LENGTH, account.EXCEL_ZEROS} <= met


def _problems_said(tmp_path: Path, book: Any, name: str, again: bool = False) -> list[Sentence]:
    """The refusals and warnings, as sentences, of a dry-run import of `book` saved as
    `name`.xlsx (`again`: imported for real first, its people then in the ledger)."""
    from fieldapp.store.ledger import Ledger

    book.save(tmp_path / f"{name}.xlsx")
    ledger = Ledger.open(tmp_path / f"{name}.db", author="王专员")
    try:
        if again:
            ledger_import.import_ledger(ledger, tmp_path / f"{name}.xlsx")
        report = ledger_import.import_ledger(ledger, tmp_path / f"{name}.xlsx", dry_run=True)
    finally:
        ledger.close()
    return [p.said for p in (*report.rejected, *report.warnings) if isinstance(p.said, Sentence)]


#: What the import said of sheets of one row per person per month and of months without their
#: year, recorded from the code of 10983e91 (before the templates), by the sheet each is said of.
MONTHLY_BEFORE = {
    "无状态": [
        "工作表“花名册”有“月份”列（G 列），有 1 人各占多行，是每人每月一行的表，表中没有就业状态列："
        "按人员表读只会读到每人的第一行，这张表的 2 行都没有导入。人员信息请每人一行填在人员表中；"
        "各月的就业状态请放在名为“月度状态”的工作表中（身份证号码、月份、就业状态各一列，一人每月"
        "一行；导入模板和导出的台账里都有这张表），再导入"
    ],
    "改名": [
        "工作表“花名册”有“月份”列（H 列），有 1 人各占多行，是每人每月一行的表：每一行那个月的"
        "就业状态按月读取（“月份”列和“就业状态”列），不会把某个月的状态记成本月的；每人的各行合并"
        "为一人，人员信息取最近一个月那一行的（那一行空着的格取之前月份填的）；不同的工作（务工单位"
        "或开始日期不同）各记一段就业经历，后来换了工作或不再就业的，记为在最后填写它的那个月的月底"
        "结束，请核对",
        "张常英（520502197503161310）的姓名在第 2、3 行填得不一样（“姓名”列（A 列）：张长英、"
        "张常英）：姓名不应每月不同，按最近一个月（第 3 行）的“张常英”导入，请核对表格",
        "张常英（520502197503161310）的性别在第 2、3 行填得不一样（“性别”列（G 列）：男、女）："
        "性别不应每月不同，这一格没有导入，按身份证号码记录，请核对表格",
    ],
    "台账有名": [
        "张常英（520502197503161310）的姓名在第 2、3 行填得不一样（“姓名”列（A 列）：张长英、"
        "张常英）：姓名不应每月不同，保留台账中的“张常英”，请核对表格",
    ],
    "一人一行": [
        "工作表“花名册”有“统计月份”列（G 列），是每人每月一行的表：每一行那个月的就业状态按月读取"
        "（“统计月份”列和“就业状态”列），不会把某个月的状态记成本月的；每人的各行合并为一人，人员"
        "信息取最近一个月那一行的（那一行空着的格取之前月份填的）；不同的工作（务工单位或开始日期"
        "不同）各记一段就业经历，后来换了工作或不再就业的，记为在最后填写它的那个月的月底结束，请核对"
    ],
    "跨年": [
        "“月份”列（C 列）有月份没有写年份（如“11月”），按标题“2025年大坝村劳动力花名册”中的 2025 年"
        "读取；12月之后的1月、2月是跨年的，按 2026 年读取，请核对"
    ],
    "各月列": [
        "“11月”、“12月”、“1月”列（H–J 列）是各月的就业状态：每一格按它那一列的月份读取，没有写"
        "年份的按标题“2025年大坝村劳动力花名册”中的 2025 年读取；12月之后的1月是跨年的，按 2026 年"
        "读取，请核对"
    ],
}


def _monthly_books() -> list[tuple[str, Any, bool]]:
    """Workbooks of one row per person per month (no status column: refused; a name and a sex
    written differently in two months, for a new person and for one the ledger holds; one row
    each), a month column's and month columns' months without their year over the new year:
    each with its name and whether it is imported for real first."""
    import openpyxl

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, wife = make_id("520502", "19750316", "131"), make_id("520502", "19780520", "142")
    books: list[tuple[str, Any, bool]] = []
    book = openpyxl.Workbook()
    first = book.active
    first.title = "大坝村"
    first.append(["姓名", "身份证号码", "户主身份证号码", *place])
    first.append(["李秀", wife, wife, *place.values()])
    roster = book.create_sheet("花名册")
    roster.append(["姓名", "身份证号码", "户主身份证号码", *place, "月份", "务工地点"])
    roster.append(["张长英", head, head, *place.values(), "2026-01", "本村"])
    roster.append(["张长英", head, head, *place.values(), "2026-02", "广东省深圳市"])
    books.append(("无状态", book, False))
    for name, again in (("改名", False), ("台账有名", True)):
        book = openpyxl.Workbook()
        roster = book.active
        roster.title = "花名册"
        roster.append(["姓名", "身份证号码", "户主身份证号码", *place, "性别", "月份", "就业状态"])
        roster.append(["张长英", head, head, *place.values(), "男", "2026-01", "未就业"])
        roster.append(["张常英", head, head, *place.values(), "女", "2026-02", "未就业"])
        books.append((name, book, again))
    book = openpyxl.Workbook()
    roster = book.active
    roster.title = "花名册"
    roster.append(["姓名", "身份证号码", "户主身份证号码", *place, "统计月份", "就业状态"])
    roster.append(["张长英", head, head, *place.values(), "2026-01", "未就业"])
    roster.append(["李秀", wife, wife, *place.values(), "2026-01", "未就业"])
    books.append(("一人一行", book, False))
    book = openpyxl.Workbook()
    people = book.active
    people.title = "人员"
    people.append(["姓名", "身份证号码", "户主身份证号码", *place])
    people.append(["张长英", head, head, *place.values()])
    table = book.create_sheet("月度状态")
    table.append(["2025年大坝村劳动力花名册"])
    table.append(["姓名", "身份证号码", "月份", "就业状态"])
    for month in ["11月", "12月", "1月", "2月"]:
        table.append(["张长英", head, month, "未就业"])
    books.append(("跨年", book, False))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["2025年大坝村劳动力花名册"])
    months = ["11月", "12月", "1月"]
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *place, *months])
    sheet.append(["张长英", head, head, "户主", *place.values(), *["已就业"] * 3])
    books.append(("各月列", book, False))
    return books


def _monthly_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """What the import says of each of `_monthly_books` (its sentences of the templates
    below): each sentence and the Chinese said before the templates."""
    mine = {
        ledger_import.MONTHLY,
        ledger_import.MONTHLY_REPEATED,
        ledger_import.MONTHLY_NO_STATUS,
        ledger_import.MONTHLY_READ,
        ledger_import.MONTHS_YEARED,
        ledger_import.MONTHS_READ,
        ledger_import.SEX_DIFFERS,
        ledger_import.NAME_DIFFERS,
    }
    found: list[tuple[Sentence, str]] = []
    for name, book, again in _monthly_books():
        said = [s for s in _problems_said(tmp_path, book, name, again) if s.template in mine]
        if again:  # the roster's own note as for 改名: only the name's is another
            said = [s for s in said if s.template == ledger_import.NAME_DIFFERS]
        assert len(said) == len(MONTHLY_BEFORE[name]), (name, [str(s) for s in said])
        found += zip(said, MONTHLY_BEFORE[name], strict=True)
    return found


def test_a_sheet_of_months_says_what_it_said_before(tmp_path) -> None:
    met = _met_as_before(_monthly_notes(tmp_path))
    assert {
        ledger_import.MONTHLY,
        ledger_import.MONTHLY_REPEATED,
        ledger_import.MONTHLY_NO_STATUS,
        ledger_import.MONTHLY_READ,
        ledger_import.MONTHS_YEARED,
        ledger_import.MONTHS_BARE_READ,
        ledger_import.OVER_NEW_YEAR,
        ledger_import.MONTH_NUMBER,
        ledger_import.SEX_DIFFERS,
        ledger_import.NAME_DIFFERS,
        ledger_import.NAME_KEPT,
        ledger_import.NAME_LATEST,
        ledger_import.IN_COLUMN_ONLY,
    } <= met


def _ledger_refusals(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A ledger whose folder refuses SQLite's work files (a new one; one without and one with
    its key file beside it) and an ID number no one holds (well formed, mistyped, too short):
    each sentence and the Chinese said before the templates (the code of 10983e91)."""
    from fieldapp.store import connection

    good = make_id("520502", "19750516", "001")
    typo = good[:5] + str((int(good[5]) + 1) % 10) + good[6:]
    ledger = tmp_path / "台账.db"
    refused = " 的人员。这个号码本身有误：身份证号码"
    found: list[tuple[Sentence, str]] = [
        (idnumber.not_in_ledger(good), f"台账中没有身份证号为 {good} 的人员"),
        (
            idnumber.not_in_ledger(typo),
            f"台账中没有身份证号为 {typo}{refused}“{typo}”校验位不符：多半是前面有一位输错或两位"
            "颠倒，请对照身份证逐位核对（不要只改最后一位）",
        ),
        (
            idnumber.not_in_ledger(good[:16]),
            f"台账中没有身份证号为 {good[:16]}{refused}“{good[:16]}”长度为 16 位，应为 18 位",
        ),
        (
            _said(connection.cannot_open(ledger, new=True)),
            f"无法在“{tmp_path}”新建台账：这个文件夹（U 盘、光盘）是只读的，或没有写入权限。"
            "请关闭 U 盘的写保护，或另选一个文件夹",
        ),
    ]
    opened = (
        f"打不开台账“{ledger}”：它所在的文件夹（U 盘、光盘）是只读的，或没有写入权限——程序要在"
        "台账旁边写入它的工作文件才能打开它。请关闭 U 盘的写保护，或把台账文件%s拷到电脑上再打开。"
        "台账没有改动"
    )
    found.append((_said(connection.cannot_open(ledger)), opened % ""))
    Path(f"{ledger}.keys").write_bytes(b"k")
    along = "（连同旁边的钥匙文件 台账.db.keys）"
    found.append((_said(connection.cannot_open(ledger)), opened % along))
    return found


def test_a_ledger_not_opened_and_a_number_no_one_holds_say_what_they_said_before(
    tmp_path,
) -> None:
    from fieldapp.store import connection

    met = _met_as_before(_ledger_refusals(tmp_path))
    assert {
        idnumber.NOT_HELD,
        idnumber.NOT_HELD_WRONG,
        idnumber.CHECK,
        idnumber.LENGTH,
        connection.NEW_REFUSED,
        connection.OPEN_REFUSED,
        connection.KEYS_ALONG,
    } <= met


def _key_refusals(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A ledger's key not changed: on a full disk and beside a key file's work file the
    program cannot write (real key changes), a copy beside the ledger on a read-only stick and
    a key file on a full disk (their errors as the system gives them): each sentence and its
    Chinese, no word of the system's own (English) in it."""
    from fieldapp.services import users
    from fieldapp.store import connection, keyfile, vault
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.vault import Credentials
    from tests.helpers.clear_text import realistic_session
    from tests.helpers.full_disk import disk_full

    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "台账.db"
    ledger = Ledger.open(path, credentials=Credentials("李芳", "村里的口令1"))
    realistic_session(ledger)
    unlocked = ledger.unlocked
    ledger.close()
    assert unlocked is not None
    size = max(1, round(path.stat().st_size / 2**20))  # the room asked for, in MB
    refused: list[Sentence] = []
    with disk_full(), pytest.raises(users.RotationFailed) as full:
        users.rotate_key(path, unlocked)
    refused.append(_said(full.value))
    work = Path(f"{keyfile.keyfile_path(path)}.tmp")
    work.mkdir()
    (work / "别的文件").write_text("x")
    with pytest.raises(users.RotationFailed) as unwritten:
        users.rotate_key(path, unlocked)
    refused.append(_said(unwritten.value))
    read_only = vault.no_room(path, OSError(errno.EROFS, "Read-only file system"))
    assert read_only.trouble == saving.READ_ONLY
    refused.append(_said(read_only))
    refused.append(users.key_not_changed(OSError(errno.ENOSPC, "No space left on device")))
    (work / "别的文件").unlink()
    work.rmdir()
    # Another program holds the ledger open (the desktop, another command).
    other = vault.open_with_key(path, unlocked.key, unlocked.keyfile)
    other.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        with pytest.raises(users.RotationFailed) as busy:
            users.rotate_key(path, unlocked)
    finally:
        other.close()
    refused.append(_said(busy.value))
    # The copy, read back, holds what the ledger did not: a copy a failing disk (or a fault
    # of the program) spoilt between its writing and its check, made so here.
    export = vault.export_encrypted

    def spoilt(conn: Any, pending: Path, key: bytes, cipher: Any, *rest: Any) -> None:
        export(conn, pending, key, cipher, *rest)
        copy = connection.connect(pending, key, cipher)
        copy.execute("CREATE TABLE not_in_the_ledger (x)")
        copy.close()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vault, "export_encrypted", spoilt)
        with pytest.raises(users.RotationFailed) as differs:
            users.rotate_key(path, unlocked)
    refused.append(_said(differs.value))
    assert not list(tmp_path.glob("*.pending"))  # the spoilt copy not left behind
    Ledger.open(path, credentials=Credentials("李芳", "村里的口令1")).close()  # as it was
    copy = "台账钥匙没有更换：在台账旁边写新的加密台账时出错："
    return list(
        zip(
            refused,
            [
                f"{copy}磁盘已满。台账没有改动；加密或更换钥匙时要另有约 {size} MB 的空闲空间，"
                "请腾出空间后再试",
                "台账钥匙没有更换：写不了文件",
                "在台账旁边写新的加密台账时出错：磁盘是只读的（U 盘打开了写保护？）。台账没有改动；"
                "请排除后再试一次",
                "台账钥匙没有更换：写不了文件（磁盘已满）",
                "台账钥匙没有更换：台账正被另一个程序使用，请先关闭它再设置口令或更换钥匙",
                "台账钥匙没有更换：加密后的台账校验不符，台账没有改动",
            ],
            strict=True,
        )
    )


def test_a_key_not_changed_says_the_disk_in_our_words(tmp_path) -> None:
    """The disk full, the folder read-only: said by the errno (`saving.TROUBLES`), not by the
    system's English words (No space left on device) put into a Chinese sentence."""
    from fieldapp.services import users
    from fieldapp.store import vault

    met = _met_as_before(_key_refusals(tmp_path))
    assert {
        users.KEY_NOT_CHANGED,
        users.FILE_NOT_WRITTEN,
        users.FILE_NOT_WRITTEN_FOR,
        vault.NO_ROOM,
        vault.NOT_WRITTEN,
        vault.HELD_OPEN,
        vault.COPY_DIFFERS,
    } <= met


def test_a_key_not_changed_is_english_in_the_english_window(tmp_path, qapp) -> None:  # noqa: ANN001
    import re

    from fieldapp.ui.held_words import sentence_shown

    found = [said for said, _chinese in _key_refusals(tmp_path)]
    with in_english():
        shown = [sentence_shown(said) for said in found]
    assert shown[0].startswith("The ledger's key was not changed: The new encrypted ledger"), shown
    assert "the disk is full" in shown[0] and " MB of free space" in shown[0], shown
    assert "read-only" in shown[2], shown
    assert shown[4] == (
        "The ledger's key was not changed: Another program is using the ledger. Please close it "
        "first, then set the password or change the key"
    ), shown
    assert shown[5].startswith("The ledger's key was not changed: The encrypted copy"), shown
    for text in shown:
        assert not re.search(r"[\u4e00-\u9fff]", text), text


def _sheet_note_books() -> list[tuple[str, Any, str]]:
    """Workbooks whose rows the import passes over, notes or refuses as a whole sheet's matter:
    a person's number written otherwise in one month (new; then in the ledger), one month's
    status written twice, a person left off an exported 台账 (made by `_sheet_notes`), a 人员
    类别 of 登记失业人员 without (or with a wrong) date, a record the ledger holds otherwise,
    hidden rows, a template's example rows, totals, a hidden sheet and an old copy repeating
    people and jobs, open-ended contracts, a form's foot and a note under it, formulas without
    their result or with an error: each with its name and how it is imported ('' once, 'again'
    imported for real first, 'changed': the same person with another phone, imported first)."""
    import openpyxl

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, wife = make_id("520502", "19750316", "131"), make_id("520502", "19780520", "142")
    typed = make_id("520502", "19780520", "162")
    son = make_id("520502", "20000101", "113")
    late = "登记失业人员（2025-06-01至2024-01-01）"
    books: list[tuple[str, Any, str]] = []
    for name, again in (("换号", ""), ("台账有号", "again")):
        book = openpyxl.Workbook()
        roster = book.active
        roster.title = "花名册"
        roster.append(["姓名", "身份证号码", "户主身份证号码", *place, "月份", "就业状态"])
        roster.append(["张长英", head, head, *place.values(), "2026-01", "未就业"])
        roster.append(["李秀", wife, head, *place.values(), "2026-01", "未就业"])
        roster.append(["张长英", head, head, *place.values(), "2026-02", "未就业"])
        roster.append(["李秀", typed, head, *place.values(), "2026-02", "未就业"])
        books.append((name, book, again))
    book = openpyxl.Workbook()
    people = book.active
    people.title = "人员"
    people.append(["姓名", "身份证号码", "户主身份证号码", *place])
    people.append(["张长英", head, head, *place.values()])
    for title in ("月度状态", "月度状态（二）"):
        table = book.create_sheet(title)
        table.append(["姓名", "身份证号码", "月份", "就业状态"])
        table.append(["张长英", head, "2026-01", "未就业"])
        table.append(["张长英", head, "2026-01", "已就业" if "二" in title else "未就业"])
        table.append(["张长英", head, "2026-02", "未就业"])
        table.append(["张长英", head, "2026-02", "已就业"])
    books.append(("两个状态", book, ""))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["序号", "姓名", "身份证号码", "户主身份证号码", *place, "人员类别", "联系电话"])
    sheet.append(["示例", "张三", head, head, *place.values(), "", ""])
    sheet.append(["1", "张长英", head, head, *place.values(), "登记失业人员", "#N/A"])
    sheet.append(["2", "李秀", wife, head, *place.values(), "登记失业人员（2024-13-01）", ""])
    sheet.append(["3", "张小军", son, head, *place.values(), late, "=1+1"])
    sheet.append(["", "一组小计", "", "", "", "", "", "", ""])
    sheet.append(["", "合计：3人", "", "", "", "", "", "", ""])
    sheet.append(["填表人：王专员  审核人：李主任"])
    sheet.append(["", "", "", "", "", "", "", "", "1.身份证号码必须填写18位"])
    books.append(("类别", book, ""))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["序号", "姓名", "身份证号码", "户主身份证号码", *place, "联系电话"])
    sheet.append(["示例", "张三", head, head, *place.values(), ""])
    sheet.append(["例", "李四", wife, head, *place.values(), ""])
    sheet.append(["1", "张长英", head, head, *place.values(), "13800000001"])
    sheet.append(["2", "张小军", son, head, *place.values(), "13800000003"])
    sheet.append(["", "小计", "", "", "", "", "", ""])
    sheet.append(
        ["=NA()", "这一个人很长很长很长很长很长的说明文字，超过了三十个字的说明文字还在继续往下写"]
    )
    sheet.row_dimensions[4].hidden = True
    sheet.row_dimensions[5].hidden = True
    sheet.append(["", "", "", "", "", "", "", ""])
    sheet.append(["", "本页小计", "", "", "", "", "", ""])
    books.append(("示例", book, ""))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *place, "联系电话"])
    sheet.append(["张长英", head, head, *place.values(), "13900000001"])
    sheet.append(["合计：这一张表一共登记了一个人，一户，请各组长核对后签字"])
    sheet.row_dimensions[2].hidden = True
    books.append(("改电话", book, "changed"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *place])
    sheet.append(["张长英", head, head, *place.values()])
    sheet.append(["张小军", son, head, *place.values()])
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "务工单位", "开始日期", "劳动合同期限"])
    jobs.append(["张长英", head, "贵州某建筑公司", "2026-03-01", "无固定期限"])
    jobs.append(["张小军", son, "贵州某物流公司", "2026-03-01", "长期"])
    for title, hidden in (("台账（旧）", False), ("隐藏", True)):
        old = book.create_sheet(title)
        old.append(["姓名", "身份证号码", "户主身份证号码", *place])
        old.append(["张长英", head, head, *place.values()])
        old.append(["张小军", son, head, *place.values()])
        if hidden:
            old.sheet_state = "hidden"
    for title in ("就业经历（旧）", "就业经历（二）"):
        old = book.create_sheet(title)
        old.append(["姓名", "身份证号码", "务工单位", "开始日期"])
        old.append(["张长英", head, "贵州某建筑公司", "2026-03-01"])
        if "二" in title:
            old.sheet_state = "hidden"
    books.append(("旧表", book, ""))
    book = openpyxl.Workbook()
    many = [
        make_id("520502", f"19800{m}{d:02d}", "131") for m in (1, 2) for d in (1, 2, 3, 4, 5, 6)
    ]
    names = [f"王{n}" for n in "一二三四五六七八九十甲乙"]
    for title in ("台账", "台账（旧）"):
        sheet = book.active if title == "台账" else book.create_sheet(title)
        sheet.title = title
        sheet.append(["姓名", "身份证号码", "户主身份证号码", *place])
        for name, number in zip(names, many, strict=True):
            sheet.append([name, number, number, *place.values()])
    for title in ("就业经历", "就业经历（旧）"):
        jobs = book.create_sheet(title)
        jobs.append(["姓名", "身份证号码", "务工单位", "开始日期"])
        for name, number in zip(names, many, strict=True):
            jobs.append([name, number, "贵州某建筑公司", "2026-03-01"])
    books.append(("十二人", book, ""))
    book = openpyxl.Workbook()
    jobs = book.active
    jobs.title = "就业经历"
    jobs.append(["姓名", "身份证号码", "务工单位", "开始日期"])
    jobs.append(["张长英", head, "贵州某物流公司", "2026-03-01"])
    books.append(("改工作", book, "job"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(
        [
            "姓名",
            "身份证号码",
            "户主身份证号码",
            *place,
            "劳动合同期限",
            "务工单位",
            "务工开始日期",
            "就业状态",
        ]
    )
    sheet.append(
        [
            "张长英",
            head,
            head,
            *place.values(),
            "无固定期限",
            "贵州某建筑公司",
            "2026-03-01",
            "已就业",
        ]
    )
    books.append(("一行合同", book, ""))
    return books


def _sheet_problems(tmp_path: Path) -> dict[str, list[Any]]:
    """Every refusal and warning of each of `_sheet_note_books` (and `_left_off`), by name."""
    from fieldapp.store.ledger import Ledger

    out: dict[str, list[Any]] = {}
    for name, book, how in _sheet_note_books():
        book.save(tmp_path / f"{name}.xlsx")
        ledger = Ledger.open(tmp_path / f"{name}.db", author="王专员")
        try:
            if how == "again":
                ledger_import.import_ledger(ledger, tmp_path / f"{name}.xlsx")
            if how == "changed":
                sheet = book.active
                sheet["H2"] = "13800000001"
                book.save(tmp_path / f"{name}0.xlsx")
                ledger_import.import_ledger(ledger, tmp_path / f"{name}0.xlsx")
            if how == "job":
                first = _job_first(tmp_path / f"{name}0.xlsx")
                assert ledger_import.import_ledger(ledger, first).persons_imported == 1
            report = ledger_import.import_ledger(ledger, tmp_path / f"{name}.xlsx", dry_run=True)
        finally:
            ledger.close()
        out[name] = [*report.rejected, *report.warnings]
    out["漏人"] = _left_off(tmp_path)
    return out


def _job_first(path: Path) -> Path:
    """张长英 and his job at 贵州某建筑公司 from 2026-03-01, a workbook saved at `path`."""
    import openpyxl

    head = make_id("520502", "19750316", "131")
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *place])
    sheet.append(["张长英", head, head, *place.values()])
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "务工单位", "开始日期"])
    jobs.append(["张长英", head, "贵州某建筑公司", "2026-03-01"])
    book.save(path)
    return path


def _left_off(tmp_path: Path) -> list[Any]:
    """The problems of an update from the exported 台账 with a member's row deleted."""
    import openpyxl

    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.ledger_export import export_ledger

    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    head, son = make_id("520502", "19750316", "131"), make_id("520502", "20000101", "113")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *place])
    sheet.append(["张长英", head, head, *place.values()])
    sheet.append(["张小军", son, head, *place.values()])
    book.save(tmp_path / "漏人0.xlsx")
    ledger = Ledger.open(tmp_path / "漏人.db", author="王专员")
    try:
        ledger_import.import_ledger(ledger, tmp_path / "漏人0.xlsx")
        exported = tmp_path / "漏人.xlsx"
        export_ledger(ledger, exported)
        book = openpyxl.load_workbook(exported)
        sheet = book["劳动力台账"]
        sheet.delete_rows(next(c.row for c in sheet["C"] if c.value == son))
        book.save(exported)
        report = ledger_import.import_ledger(ledger, exported, update=True, dry_run=True)
    finally:
        ledger.close()
    return [*report.rejected, *report.warnings]


#: What the import said of each of `_sheet_note_books`, recorded from the code of 14f95f14
#: (before the templates), by the book's name.
SHEET_BEFORE: dict[str, list[str]] = {
    "换号": [
        "李秀在第 5 行的身份证号码是 520502197805201621，第 3 行（“身份证号码”列，B 列）却是 520502197805201429：同一户的同一个人各月的身份证号码应当相同，第 3 行按 520502197805201621 读取（取最近一个月填的号码），请核对表格中的号码",
    ],
    "台账有号": [
        "李秀在第 5 行的身份证号码是 520502197805201621，第 3 行（“身份证号码”列，B 列）却是 520502197805201429：同一户的同一个人各月的身份证号码应当相同，第 3 行按 520502197805201621 读取（台账中是这个号码），请核对表格中的号码",
    ],
    "两个状态": [
        "第 4 行已填了这个人2026年2月的就业状态“未就业”，这一行是“已就业”：一个月只能有一个就业状态，按第 4 行导入，这一行没有导入，请核对",
        "工作表“月度状态”第 2 行已填了这个人2026年1月的就业状态“未就业”，这一行是“已就业”：一个月只能有一个就业状态，按工作表“月度状态”第 2 行导入，这一行没有导入，请核对",
        "工作表“月度状态”第 4 行已填了这个人2026年2月的就业状态“未就业”，这一行是“已就业”：一个月只能有一个就业状态，按工作表“月度状态”第 4 行导入，这一行没有导入，请核对",
    ],
    "类别": [
        "这一行是模板的填写示例（“示例”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入",
        "联系电话是公式的错误值“#N/A”，按空白读取",
        "人员类别填了“登记失业人员”但没有登记日期，未记为失业登记（享受政策要看失业登记）：请写成“登记失业人员（2024-06-01）”，或在“失业登记”表中填写",
        "联系电话是公式没有保存结果，按空白读取",
        "人员类别中的“登记失业人员”未能记为失业登记：结束日期2024年1月1日早于开始日期2025年6月1日",
        "有 2 行是小计或合计（第 6–7 行，如“一组小计”），不是人员，未读取",
        "这一行“填表人：王专员  审核人：李主任”是表尾的合计或签名，不是人员，未读取",
        "这一行“1.身份证号码必须填写18位”只有这一格，没有身份证号码，是表下的说明、合计或签名，不是人员，未读取；如果是人员，请补填身份证号码",
    ],
    "示例": [
        "第 2–3 行是模板的填写示例（“示例”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入",
        "有 2 行在表格中是隐藏的（被筛选或手动隐藏）：第 4–5 行，已照常读取，请核对",
        "有 2 行是小计或合计（第 6、9 行，如“小计”），不是人员，未读取",
        "这一行“这一个人很长很长很长很长很长的说明文字，超过了三十个字的说明…”只有这一格，没有身份证号码，是表下的说明、合计或签名，不是人员，未读取；如果是人员，请补填身份证号码",
    ],
    "改电话": [
        "这一行在表格中是隐藏的，已照常读取",
        "这一行“合计：这一张表一共登记了一个人，一户，请…”是小计或合计，不是人员，未读取",
    ],
    "旧表": [
        "第 2–3 行的劳动合同期限是“无固定期限”（“长期”按无固定期限读）：工作照常导入，合同期限未记录（无固定期限合同没有月数；台账中已填的期限不变）；申请要看合同期限的补贴时，请以劳动合同核对",
        "张长英、张小军（第 2–3 行）也在工作表“台账”中：这张旧表或备份中他们的行没有读取，以工作表“台账”为准，请核对",
        "张长英（第 2 行）同一开始日期的就业经历记录也在工作表“就业经历”中：这张旧表或备份中这些行没有读取，以工作表“就业经历”为准，请核对",
        "张长英、张小军（第 2–3 行）也在显示的工作表“台账”中：这张隐藏的工作表中他们的行没有读取，以显示的工作表“台账”为准，请核对",
        "张长英（第 2 行）同一开始日期的就业经历记录也在显示的工作表“就业经历”中：这张隐藏的工作表中这些行没有读取，以显示的工作表“就业经历”为准，请核对",
    ],
    "十二人": [
        "王一、王二、王三、王四、王五、王六、王七、王八、王九、王十等 12 人（第 2–13 行）也在工作表“台账”中：这张旧表或备份中他们的行没有读取，以工作表“台账”为准，请核对",
        "王一、王二、王三、王四、王五、王六、王七、王八、王九、王十等 12 行（第 2–13 行）同一开始日期的就业经历记录也在工作表“就业经历”中：这张旧表或备份中这些行没有读取，以工作表“就业经历”为准，请核对",
    ],
    "改工作": [
        "台账中已有这条记录，就业经历：务工单位不同（台账：贵州某建筑公司，表格：贵州某物流公司）；要修改请用“更新”方式导入",
    ],
    "一行合同": [
        "这一行的劳动合同期限是“无固定期限”：工作照常导入，合同期限未记录（无固定期限合同没有月数；台账中已填的期限不变）；申请要看合同期限的补贴时，请以劳动合同核对",
    ],
    "漏人": [
        "台账中有 1 人不在表中：张小军（520502200001011130，张长英户）。表格导入不删除人员，他们在台账中照旧；如已迁出、去世或重复录入，请在程序中打开这个人，点“删除”并写明原因",
    ],
}

#: The templates of a sheet's notes (`_sheet_note_books`).
SHEET_NOTES = {
    ledger_import.NUMBER_DIFFERS,
    ledger_import.STATUS_TWICE,
    ledger_import.NOT_ON_SHEET,
    ledger_import.UNEMPLOYED_UNDATED,
    ledger_import.UNEMPLOYED_REFUSED,
    ledger_import.RECORD_DIFFERS,
    ledger_import.HIDDEN_ROW,
    ledger_import.HIDDEN_ROWS,
    ledger_import.EXAMPLE_ROW,
    ledger_import.EXAMPLE_ROWS,
    ledger_import.TOTAL_ROW,
    ledger_import.TOTAL_ROWS,
    ledger_import.REPEATED_OLD,
    ledger_import.REPEATED_HIDDEN,
    ledger_import.REPEATED_RECORDS_OLD,
    ledger_import.REPEATED_RECORDS_HIDDEN,
    ledger_import.OPEN_ENDED,
    ledger_import.OPEN_ENDED_ROWS,
    ledger_import.FOOT_ROW,
    ledger_import.NOTE_ROW,
    ledger_import.FORMULA_UNSAVED,
    ledger_import.FORMULA_ERROR,
}


def _sheet_notes(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """What the import says of each of `_sheet_note_books` (its sentences of `SHEET_NOTES`):
    each sentence and the Chinese said before the templates."""
    found: list[tuple[Sentence, str]] = []
    for name, problems in _sheet_problems(tmp_path).items():
        said = [p.said for p in problems if p.said is not None and p.said.template in SHEET_NOTES]
        assert len(said) == len(SHEET_BEFORE[name]), (name, [str(s) for s in said])
        found += zip(said, SHEET_BEFORE[name], strict=True)
    return found


def test_a_sheets_rows_noted_or_passed_over_say_what_they_said_before(tmp_path) -> None:
    met = _met_as_before(_sheet_notes(tmp_path))
    assert (
        SHEET_NOTES
        | {
            ledger_import.NUMBER_HELD,
            ledger_import.NUMBER_LATEST,
            ledger_import.MEMBER_OF,
            ledger_import.MORE_PEOPLE,
            ledger_import.MORE_ROWS,
            ledger_import.LONG_AS_OPEN,
        }
        <= met
    )


def test_a_sheets_rows_noted_or_passed_over_are_said_in_english(tmp_path, qapp) -> None:  # noqa: ANN001
    """In the English window each note is English but for what the sheet wrote (names, sheet
    names, cells) and the words the import quotes from it (“示例”, “长期”)."""
    import re

    from fieldapp.ui.held_words import sentence_shown

    notes = [said for said, _chinese in _sheet_notes(tmp_path)]
    with in_english():
        shown = [sentence_shown(said) for said in notes]
    # (a record's field, 就业经历：务工单位, is labelled in Chinese by `ledger_update`)
    kept = (
        r"“[^”]*”|[\u4e00-\u9fff]+（[^）]*）|王.|张..|李秀|贵州某..公司|就业经历：务工单位"
        r"|填表人.*李主任|结束日期.*6月1日"
    )
    for text in shown:
        left = re.sub(kept, "", text)
        assert not re.search(r"[\u4e00-\u9fff]", left), text


def _not_a_ledger(tmp_path: Path) -> list[tuple[Sentence, str]]:
    """A file opened as the ledger that is not one — its key file, a backup of it, a copy
    without its key file beside it (real files): each refusal's sentence and the Chinese it
    said before it was a sentence (recorded from the code of c450c560)."""
    from fieldapp.services.backup import back_up
    from fieldapp.store import keyfile
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.vault import Credentials

    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "台账.db"
    ledger = Ledger.open(path, credentials=Credentials("李芳", "村里的口令1"))
    backup = back_up(ledger, tmp_path / "台账备份.fieldbackup")
    ledger.close()
    copy = tmp_path / "拷来的" / "台账.db"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    refused: list[Sentence] = []
    for given in (keyfile.keyfile_path(path), backup, copy):
        with pytest.raises(keyfile.KeyFileError) as error:
            Ledger.open(given, credentials=Credentials("李芳", "村里的口令1"))
        refused.append(_said(error.value))
    assert error.value.cli_hint == ""  # only the backup's names the command line's way
    return list(
        zip(
            refused,
            [
                "台账.db.keys 是台账的钥匙文件，不是台账本身：请给出它旁边的台账文件 台账.db",
                # before, the dialog named the command line's way in the same sentence
                "台账备份.fieldbackup 是台账的备份文件，不能直接打开：请用“设置 → 从备份恢复”"
                "把它恢复成台账",
                "台账.db 不是明文台账，旁边也没有它的钥匙文件 台账.db.keys。若这是加密的台账，"
                "请把钥匙文件连同台账一起拷来放在它旁边；钥匙文件丢了只能从备份恢复",
            ],
            strict=True,
        )
    )


def test_a_file_opened_as_the_ledger_that_is_not_one_says_what_it_said(tmp_path):
    for sentence, chinese in _not_a_ledger(tmp_path):
        assert str(sentence) == chinese
