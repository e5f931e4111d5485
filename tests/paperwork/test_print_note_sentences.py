"""What a print job says before the paper is printed (`PrintJob.said`: the preview's note, the
command's 提示) was Chinese only: the English window's preview said 还没有设置异议受理电话…,
收款账号一栏留空… to a clerk who chose English. Each note is now a sentence of a template
(`fieldapp.paperwork.notes_said`), said in the window's language; the paper stays Chinese, and
the command still says it in Chinese (`PrintJob.note`, byte for byte as before).

`said_here` makes every note by the code that says it (real ledgers, real views), so that
`test_every_template_is_met_by_a_scenario` counts the templates as met."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import parse_date
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.errors import FieldappError, InvalidDate, NotFound, ValidationFailed
from fieldapp.domain.models import Area
from fieldapp.domain.month import InvalidMonth, Month
from fieldapp.domain.sentences import Part, Sentence
from fieldapp.paperwork import jobs, notes_said
from fieldapp.paperwork.jobs import (
    duties_job,
    form_job,
    forms_job,
    glyph_note,
    notice_job,
    policy_due_lookup,
    roster_job,
    rosters_job,
    visits_job,
    write_pdf,
)
from fieldapp.paperwork.masking import door_to_door_note, wall_note
from fieldapp.paperwork.notes_said import NothingToPrint
from fieldapp.paperwork.paper_data import PaperData
from fieldapp.paperwork.views import (
    HouseholdMonth,
    MemberMonth,
    RosterRow,
    RosterView,
    VisitSheetView,
)
from fieldapp.policy.combine import combine
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.policy.report import month_end
from fieldapp.services import persons
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.english import in_english
from tests.paperwork.approved_account import NEW, OLD, RULE, _approved, _set_account
from tests.paperwork.builders import (
    COUNTY,
    GROUP,
    TOWNSHIP,
    VILLAGE,
    add_areas,
    add_claims,
    add_household,
)
from tests.policy.helpers import COUNTY_PACK, populate
from tests.records import Records
from tests.services.sentence_checks import filled, templates

ROUNDED = "6217002870012340000"  # an account as Excel leaves it: digits past the 15th lost
RARE = "𪨊"  # a character no bundled font has
OTHER_VILLAGE = "520321101002"  # 新寨村, beside the builders' 大坪村


def _ledger(folder: Path) -> Ledger:
    folder.mkdir(parents=True, exist_ok=True)
    return Ledger.open(folder / "ledger.db", author="测试员")


def _batch_notes(folder: Path) -> dict[str, Part]:
    """A batch of twelve whose accounts Excel rounded, four paid to units, six rejected since
    and one person deleted: its papers' notes."""
    ledger = _ledger(folder)
    try:
        batch_id, claims = add_claims(ledger, 12)
        for claim_id in claims:
            person_id = ledger.get("claims", claim_id)["person_id"]
            ledger.update("persons", person_id, {"account_number": ROUNDED})
        for i, claim_id in enumerate(claims[:4]):
            unit = {"payee": "用人单位", "payee_name": f"宁波某某电子有限公司第{i + 1}分厂"}
            ledger.update("claims", claim_id, unit)
        out = {
            "roster": roster_job(ledger, batch_id).said,
            "forms": forms_job(ledger, batch_id).said,
            # 2027's holiday schedule is not loaded: the period is an estimate; no phone set.
            "notice": notice_job(ledger, batch_id, dt.date(2027, 1, 4)).said,
            "visits": visits_job(ledger, GROUP, "2026-11").said,
        }
        for claim_id in claims[6:]:
            ledger.update("claims", claim_id, {"state": ClaimState.REJECTED})
        gone = ledger.get("claims", claims[5])["person_id"]
        persons.delete(ledger, actor_of(ledger), gone, "重复录入")
        out["dropped"] = roster_job(ledger, batch_id).said
        # One the township has reviewed, the county not yet: left off the 发放花名册, said.
        ledger.update("claims", claims[4], {"state": ClaimState.TOWNSHIP_REVIEWED})
        out["waiting"] = roster_job(ledger, batch_id).said
        return out
    finally:
        ledger.close()


def _namesake_notes(folder: Path) -> dict[str, Part]:
    """Three rounded accounts, two of them of two people named 王芳: the roster's note tells
    them apart by their ID numbers' tails; one person's form says it of one account."""
    ledger = _ledger(folder)
    try:
        batch_id, claims = add_claims(ledger, 3)
        people = [ledger.get("claims", c)["person_id"] for c in claims]
        for person_id in people:
            ledger.update("persons", person_id, {"account_number": ROUNDED})
        for claim_id, person_id in zip(claims[:2], people[:2], strict=True):
            ledger.update("persons", person_id, {"name": "王芳"})
            ledger.update("claims", claim_id, {"person_name": "王芳"})
        return {
            "namesakes": roster_job(ledger, batch_id).said,
            "one account": form_job(ledger, claims[0]).said,
        }
    finally:
        ledger.close()


def _nothing_to_print(folder: Path) -> dict[str, Part]:
    """A batch all of whose claims were rejected, and one whose claims all left it: the roster
    and the forms refuse to print, saying why in a sentence (`NothingToPrint.said`)."""
    ledger = _ledger(folder)
    try:
        dropped, claims = add_claims(ledger, 2)
        for claim_id in claims:
            ledger.update("claims", claim_id, {"state": ClaimState.REJECTED})
        empty, claims = add_claims(ledger, 1)
        ledger.update("claims", claims[0], {"batch_id": None})
        waiting, _claims = add_claims(ledger, 2, state=ClaimState.TOWNSHIP_REVIEWED)
        out: dict[str, Part] = {}
        with pytest.raises(NothingToPrint) as refused:
            roster_job(ledger, waiting)
        out["nothing: roster, waiting"] = refused.value.said
        for name, batch_id in (("dropped", dropped), ("empty", empty)):
            for paper, make in (("roster", roster_job), ("forms", forms_job)):
                with pytest.raises(NothingToPrint) as refused:
                    make(ledger, batch_id)
                out[f"nothing: {paper}, {name}"] = refused.value.said
        return out
    finally:
        ledger.close()


def _other_village(ledger: Ledger) -> None:
    """新寨村, beside the builders' 大坪村 in 龙坑街道."""
    Records(ledger).ensure_area(
        Area(code=OTHER_VILLAGE, name="新寨村", kind=AreaKind.VILLAGE, parent_code=TOWNSHIP)
    )


def _same_tails() -> tuple[str, str]:
    """Two valid ID numbers of different people whose last four digits are the same."""
    seen: dict[str, str] = {}
    for day in range(400):
        born = (dt.date(1980, 1, 1) + dt.timedelta(days=day)).strftime("%Y%m%d")
        number = make_id(COUNTY, born, "021")
        if number[-4:] in seen:
            return seen[number[-4:]], number
        seen[number[-4:]] = number
    raise AssertionError("no two ID numbers ending alike")


def _namesakes_left_off(folder: Path) -> dict[str, Part]:
    """Two 王芳 rejected since, their ID numbers ending alike (one of 大坪村, one of 新寨村),
    and a third 王芳 of another ending; two 李强 ending alike, of the two villages, whose
    accounts changed after the county approved them: the roster's note tells each apart by
    the ending, and by the village where the endings are the same."""
    ledger = _ledger(folder)
    try:
        batch_id, claims = add_claims(ledger, 6)
        _other_village(ledger)
        first, second = _same_tails()
        people = [
            ("王芳", first, VILLAGE, ClaimState.REJECTED),
            ("王芳", second, OTHER_VILLAGE, ClaimState.REJECTED),
            ("王芳", make_id(COUNTY, "19800101", "035"), VILLAGE, ClaimState.REJECTED),
            ("李强", first, VILLAGE, ClaimState.COUNTY_APPROVED),
            ("李强", second, OTHER_VILLAGE, ClaimState.COUNTY_APPROVED),
        ]
        for claim_id, (name, number, village, state) in zip(claims, people, strict=False):
            fields: dict[str, object] = {
                "person_name": name,
                "id_number": number,
                "area_code": village,
                "state": state,
            }
            if state is ClaimState.COUNTY_APPROVED:  # approved to a card changed since
                fields |= {"approved_bank": "中国农业银行", "approved_account": OLD}
            ledger.update("claims", claim_id, fields)
        return {"namesakes left off": roster_job(ledger, batch_id).said}
    finally:
        ledger.close()


def _nothing_in_the_area(folder: Path) -> dict[str, Part]:
    """An area's 一库五册 (one roster of it) with no one on it, its household duties with none
    to list, a visit sheet asked of a township and of a village whose households all left:
    each refused in a sentence (`NothingToPrint.said`, `ValidationFailed.said`)."""
    ledger = _ledger(folder)
    try:
        add_areas(Records(ledger))
        _other_village(ledger)
        _household, (person_id,) = add_household(Records(ledger), 0)
        on = dt.date(2026, 11, 30)
        out: dict[str, Part] = {}
        with pytest.raises(NothingToPrint) as refused:
            rosters_job(ledger, OTHER_VILLAGE, on)
        out["nothing: rosters"] = refused.value.said
        with pytest.raises(NothingToPrint) as refused:
            rosters_job(ledger, OTHER_VILLAGE, on, "公益性岗位名册")
        out["nothing: one roster"] = refused.value.said
        with pytest.raises(NothingToPrint) as refused:
            duties_job(ledger, [], VILLAGE, "大坪村", on, str)
        out["nothing: duties"] = refused.value.said
        with pytest.raises(ValidationFailed) as wrong:
            visits_job(ledger, TOWNSHIP, "2026-11")
        assert isinstance(wrong.value.said, Sentence)
        out["visits: not a village"] = wrong.value.said
        persons.delete(ledger, actor_of(ledger), person_id, "重复录入")
        with pytest.raises(NothingToPrint) as refused:
            visits_job(ledger, GROUP, "2026-11")
        out["visits: no households"] = refused.value.said
        return out
    finally:
        ledger.close()


def _wrong_input(folder: Path) -> dict[str, Part]:
    """A visit sheet asked for a month not written YYYY-MM (by the job, and of the sheet's data
    directly), and of a code the ledger knows no village or site by; a paper to be written to
    a file not ending in .pdf: each refused in a sentence (`said`), nothing written."""
    ledger = _ledger(folder)
    try:
        add_areas(Records(ledger))
        add_household(Records(ledger), 0)
        out: dict[str, Part] = {}
        with pytest.raises(ValidationFailed) as wrong:
            visits_job(ledger, VILLAGE, "2026-13")
        out["visits: bad month"] = wrong.value.said or ""
        with pytest.raises(ValidationFailed) as wrong:
            PaperData(ledger).visit_sheet(VILLAGE, "2026年11月")
        out["visit sheet: bad month"] = wrong.value.said or ""
        # The month itself (a clerk's 2026年13月, as the command line's --month reads it).
        with pytest.raises(InvalidMonth) as not_a_month:
            Month.parse("2026年13月")
        out["month: not a month"] = not_a_month.value.said or ""
        # The monthly report's month (fieldapp.policy.report), said the same way.
        with pytest.raises(InvalidMonth) as not_a_month:
            month_end("2026/11")
        out["report: not a month"] = not_a_month.value.said or ""
        # A notice's first day (print notice --start) read by parse_date: said as typed.
        for typed, key in (("2026-11", "date: not written right"), ("2026-13-01", "date: none")):
            with pytest.raises(InvalidDate) as not_a_date:
                parse_date(typed)
            out[key] = not_a_date.value.said or ""
        with pytest.raises(NotFound) as missing:
            visits_job(ledger, "520321999999", "2026-11", due=lambda _pid: [])
        out["visits: no such village"] = missing.value.said or ""
        out_file = folder / "申请表.txt"
        with pytest.raises(ValidationFailed) as wrong:
            write_pdf(b"%PDF-1.4", out_file)
        assert list(folder.glob("申请表*")) == []
        out["not a pdf"] = wrong.value.said or ""
        return out
    finally:
        ledger.close()


def _moved_notes(folder: Path) -> dict[str, Part]:
    """王五's account changed after the county approved his claim, then his bank cleared."""
    ledger = _ledger(folder)
    try:
        base = PolicyRegistry(local=folder / "packs").base_files()
        policy = combine([*base, ("county.toml", parse_pack_text(COUNTY_PACK, "county.toml"))])
        service, _claim_id, person_id = _approved(Records(ledger), policy)
        _set_account(ledger, person_id, "中国农业银行", NEW)
        batch, _ = service.create_batch(RULE, state=ClaimState.COUNTY_APPROVED)
        account = roster_job(ledger, batch.id).said
        _set_account(ledger, person_id, "", OLD)
        return {"moved account": account, "moved bank": roster_job(ledger, batch.id).said}
    finally:
        ledger.close()


def _due_notes(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Part]:
    """A visit sheet's due list on a year whose holidays are estimated, and one the policy
    cannot make (the policy's own refusal, made to happen here)."""
    ledger = _ledger(folder)
    try:
        populate(Records(ledger))
        policy = combine(PolicyRegistry(local=folder / "packs").base_files())
        _due, estimated = policy_due_lookup(ledger, policy, "", "2027-01", dt.date(2027, 12, 1))
        with monkeypatch.context() as patched:

            def refused(*_args: object, **_kwargs: object) -> None:
                raise FieldappError("政策包中没有走访规则")

            patched.setattr(jobs, "due_list", refused)
            _due, failed = policy_due_lookup(ledger, policy, "", "2027-01")

            def broken(*_args: object, **_kwargs: object) -> None:
                idnumber.validate("52010219850316123")  # a number stored a digit short

            patched.setattr(jobs, "due_list", broken)
            _due, said_failed = policy_due_lookup(ledger, policy, "", "2027-01")
        return {"due estimated": estimated, "no due list": failed, "no due list said": said_failed}
    finally:
        ledger.close()


def _wall_and_door_notes() -> dict[str, Part]:
    """A notice and a visit sheet carrying a private group's word where they print as
    recorded."""
    rows = tuple(
        RosterRow(name, "男", "", "", f"{name}残疾人就业基地", 500, "", payee="残疾人托养中心")
        for name in ("张三", "李四", "王五")
    )
    roster = RosterView("b1", "一次性交通补助", rows, rule_clause="《关于扶持残疾人就业的通知》")
    member = MemberMonth(
        "赵六", work="残疾人之家", services=("残疾人就业指导",), due=("残疾证年审",)
    )
    household = HouseholdMonth(
        "001", "赵六", address="残疾人托养中心旁", members=(member,), visits=("送残疾证",)
    )
    sheet = VisitSheetView(GROUP, "一组", "2026-11", (household,))
    only_due = HouseholdMonth("002", "钱七", members=(MemberMonth("钱七", due=("残疾证年审",)),))
    due = VisitSheetView(GROUP, "一组", "2026-11", (only_due,))
    return {
        "wall": wall_note(roster),
        "door": door_to_door_note(sheet),
        "door due": door_to_door_note(due),
    }


def said_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Part]:
    """Every print note, made by the code that says it."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    return {
        **_batch_notes(folder / "batch"),
        **_namesake_notes(folder / "namesakes"),
        **_nothing_to_print(folder / "nothing"),
        **_moved_notes(folder / "moved"),
        **_namesakes_left_off(folder / "namesakes left off"),
        **_nothing_in_the_area(folder / "nothing in the area"),
        **_wrong_input(folder / "wrong input"),
        **_due_notes(folder / "due", monkeypatch),
        **_wall_and_door_notes(),
        "glyphs": glyph_note(tuple(f"{RARE}{n}" for n in "甲乙丙丁")),
    }


def said_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The templates the print notes are made of."""
    return {
        t
        for note in said_here(tmp_path, monkeypatch).values()
        if isinstance(note, Sentence)
        for t in templates(note)
    }


def test_every_note_template_is_said_by_a_scenario(tmp_path, monkeypatch):
    """Each template `notes_said` makes is met here: none is left for English to miss."""
    made = {v for k, v in vars(notes_said).items() if k.isupper() and isinstance(v, str)}
    assert made - said_templates(tmp_path, monkeypatch) == set()


def test_the_notes_say_in_chinese_what_they_always_said(tmp_path, monkeypatch):
    """`PrintJob.note` (the command's 提示) is the Chinese the notes always were, the template
    filled by hand saying the same."""
    notes = said_here(tmp_path, monkeypatch)
    chinese = {k: str(v) for k, v in notes.items()}
    for name, note in notes.items():
        assert isinstance(note, Sentence), name
        assert filled(note) == chinese[name], name
    assert (
        "宁波某某电子有限公司第1分厂、宁波某某电子有限公司第2分厂、宁波某某电子有限公司第3分厂等在申请表上填写"
        in chinese["forms"]
    )
    assert "等 12 人的社保卡账号第 15 位以后都是 0" in chinese["roster"]
    tails = re.findall(r"王芳（身份证尾号 (\d{3}[\dX])）", chinese["namesakes"])
    assert len(set(tails)) == 2, chinese["namesakes"]
    assert chinese["namesakes"].count("的社保卡账号第 15 位以后都是 0") == 1
    assert chinese["one account"].startswith("王芳的社保卡账号第 15 位以后全是 0")
    assert (
        "还没有设置异议受理电话" in chinese["notice"]
        and "2027年放假调休安排尚未载入" in chinese["notice"]
    )
    assert "未载入政策包，“应办事项”一栏只列本月状态" in chinese["visits"]
    assert (
        "批次中已驳回或撤销的 6 条申领（" in chinese["dropped"]
        and "等）不列入" in chinese["dropped"]
    )
    assert "批次中申领人已从台账删除的 1 条申领（" in chinese["dropped"]
    assert "另有 1 条申领（刘䶮）尚未经县审批，未列入本发放花名册" in chinese["waiting"]
    assert chinese["nothing: roster, waiting"] == (
        "批次“一次性交通补助”中还没有县审批的申领，发放花名册没有可列的人员"
        "（另有 2 条申领（张龑、李嫚）尚未经县审批，未列入本发放花名册）"
    )
    assert "王五的账号在审批后改过：审批时 " in chinese["moved account"]
    assert "王五的开户银行在审批后改过：审批时 中国农业银行，现为 （空）" in chinese["moved bank"]
    assert chinese["due estimated"].startswith(
        "“应办事项”中的期限是估算的：2027年放假调休安排尚未载入，期限按法定节假日估算"
    )
    assert chinese["no due list said"] == (
        "未能生成政策包待办清单（身份证号码“52010219850316123”长度为 17 位，应为 18 位），"
        "“应办事项”一栏只列本月状态"
    )
    assert chinese["nothing: roster, dropped"].startswith(
        "批次“一次性交通补助”中的申领都已驳回或撤销，没有可打印的人员（批次中已驳回或撤销的 2 条"
    )
    assert chinese["nothing: forms, dropped"].startswith(
        "批次“一次性交通补助”中没有可打印的申领，无法打印申请表（批次中已驳回或撤销的 2 条"
    )
    assert (
        chinese["nothing: roster, empty"] == "批次“一次性交通补助”中没有申领记录，没有可打印的人员"
    )
    assert (
        chinese["nothing: forms, empty"] == "批次“一次性交通补助”中没有可打印的申领，无法打印申请表"
    )
    assert (
        chinese["no due list"]
        == "未能生成政策包待办清单（政策包中没有走访规则），“应办事项”一栏只列本月状态"
    )
    assert chinese["wall"] == (
        "公示表要张贴，人人看得到：政策依据、张三的务工地点、张三的领款单位、李四的务工地点等处"
        "写有“残疾”，请打印后遮住再张贴"
    )
    assert chinese["door"].startswith(
        "走访记录要挨家挨户带着走，邻居也看得到：赵六家的地址、赵六家的走访、赵六的就业去向、"
        "赵六的本月服务等处写有“残疾”"
    )
    # Namesakes left off or moved: by their ID numbers' tails, by the village where those are
    # the same too.
    assert re.fullmatch(
        r"批次中已驳回或撤销的 3 条申领（王芳（身份证尾号 (\d{4})，大坪村）、王芳（身份证尾号 \1，"
        r"新寨村）、王芳（身份证尾号 0355））不列入；李强（身份证尾号 \1，大坪村）的账号在审批后改过"
        r"：.*；李强（身份证尾号 \1，新寨村）的账号在审批后改过：.*",
        chinese["namesakes left off"],
    ), chinese["namesakes left off"]
    assert chinese["nothing: rosters"] == (
        "新寨村截至2026年11月30日的一库五册没有人员，没有可打印的内容"
    )
    assert chinese["nothing: one roster"] == (
        "新寨村截至2026年11月30日的公益性岗位名册没有人员，没有可打印的内容"
    )
    assert chinese["nothing: duties"] == (
        "大坪村截至2026年11月30日没有要列出的户级责任，没有可打印的清单"
    )
    assert chinese["visits: not a village"] == (
        "走访记录表按村或安置点打印：播州区 龙坑街道 不是村或安置点"
    )
    assert chinese["visits: no households"] == (
        "龙坑街道 大坪村 三组在台账中还没有住户，没有可打印的走访记录"
    )
    # One wording for a month not written right, the command line's `--month` one (pinned by
    # tests/cli/test_month_argument.py): the print job's own (月份“…”格式不对…) is gone.
    assert chinese["visits: bad month"] == "月份应写成“年-月”，如 2025-03：2026-13"
    assert chinese["visit sheet: bad month"] == "月份应写成“年-月”，如 2025-03：2026年11月"
    assert chinese["month: not a month"] == "月份应写成“年-月”，如 2025-03：2026年13月"
    assert chinese["report: not a month"] == "月份应写成“年-月”，如 2025-03：2026/11"
    assert chinese["date: not written right"] == "日期“2026-11”格式不对，应为 YYYY-MM-DD"
    assert chinese["date: none"] == "日期“2026-13-01”不是有效日期"  # the CLI's, test_paper_edges
    assert chinese["visits: no such village"] == (
        "台账中没有区划代码为 520321999999 的村（社区）或安置点"
    )
    not_pdf = chinese["not a pdf"]
    assert re.fullmatch(r"输出文件“/.+/申请表\.txt”应以 \.pdf 结尾", not_pdf), not_pdf
    assert chinese["glyphs"] == (
        f"字库中没有“{RARE}”，这些字印出来是空白（{RARE}甲、{RARE}乙、{RARE}丙等），请在纸上用笔补写"
    )


def _held(note: Part) -> Iterator[str]:
    """The names, places and texts a note holds, said as they are in every language."""
    if isinstance(note, Sentence):
        for part in note.parts:
            yield from _held(part)
    elif isinstance(note, str):
        yield note


@pytest.fixture
def english(qapp) -> Iterator[None]:
    with in_english():
        yield


def test_the_english_window_says_every_note_in_english(tmp_path, monkeypatch, english):
    """Said in the English window, no note keeps a word of the program's Chinese: only the
    names, places and words the ledger holds (宁波某某电子有限公司, 王五, 残疾) and the
    policy's own note inside its frame."""
    from fieldapp.ui.held_words import part_shown

    notes = said_here(tmp_path, monkeypatch)
    for name, note in notes.items():
        shown = part_shown(note)
        assert shown != str(note), name
        for held in sorted(_held(note), key=len, reverse=True):
            shown = shown.replace(held, "")
        assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", shown), (name, shown)
    shown = {k: part_shown(v) for k, v in notes.items()}
    assert "; No complaint phone is set: the notice prints a blank line" in shown["notice"]
    assert "The notice period is estimated" in shown["notice"]
    assert shown["forms"].count("The payee account box is left blank") == 1
    assert "and more" in shown["forms"] and "12 people in all" in shown["roster"]
    assert shown["due estimated"].endswith(
        "are estimates: The official holiday schedule for 2027 is not loaded yet: deadlines are"
        " estimated from the statutory holidays"
    ), shown["due estimated"]
    assert "has 17 characters; it should have 18" in shown["no due list said"]
    assert shown["nothing: forms, empty"] == (
        "The batch “一次性交通补助” has no claim to print: no application forms can be printed"
    )
    assert shown["one account"].startswith("The social security card account of 王芳 is all 0")
    assert re.match(
        r"The social security card accounts of \S+, 王芳 \(ID number ending \d{3}[\dX]\), "
        r"王芳 \(ID number ending \d{3}[\dX]\) are all 0",
        shown["namesakes"],
    ), shown["namesakes"]
    assert shown["moved bank"].startswith(
        "The bank of 王五 changed after approval: 中国农业银行 when approved, (blank) now"
    )
    assert re.search(
        r"\(王芳 \(ID number ending (\d{4}), 大坪村\), 王芳 \(ID number ending \1, 新寨村\), "
        r"王芳 \(ID number ending 0355\)\)",
        shown["namesakes left off"],
    ), shown["namesakes left off"]
    assert shown["nothing: rosters"] == (
        "The five rosters of 新寨村 as of 30 November 2026 list no one: there is nothing to print"
    ), shown["nothing: rosters"]
    assert shown["visits: not a village"] == (
        "A visit sheet is printed for a village or relocation site: 播州区 龙坑街道 is neither"
    )
    assert shown["visits: bad month"] == "A month is written year-month, as 2025-03: 2026-13"
    assert shown["month: not a month"] == ("A month is written year-month, as 2025-03: 2026年13月")
    assert shown["visits: no such village"] == (
        "The ledger has no village (community) or relocation site with the area code 520321999999"
    )
    assert re.fullmatch(
        r"The output file “/.+/申请表\.txt” should end in \.pdf", shown["not a pdf"]
    )
