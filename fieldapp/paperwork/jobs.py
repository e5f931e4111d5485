"""Print jobs: what the CLI and the GUI call. Load on the caller's thread, render anywhere, log.

A job is prepared from the ledger (`form_job`, `roster_job` …: quick reads on the thread that
owns the SQLite connection), rendered with `job.render(progress, cancelled)` (pure, may run on a
worker thread; cancelling raises `Cancelled` and writes nothing), then `save(ledger, job,
pdf, out)` writes the file atomically and logs the print (`fieldapp.services.printing`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.claims import Payee
from fieldapp.domain.dates import days_written, written_text
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.dates import written as day_written
from fieldapp.domain.errors import FieldappError, ValidationFailed
from fieldapp.domain.idnumber import region_of
from fieldapp.domain.month import Month
from fieldapp.domain.prints import PrintRecord
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.sentences import Day, Part, Sentence, said
from fieldapp.paperwork.certificate import render_certificate
from fieldapp.paperwork.digest import content_hash, short_hash
from fieldapp.paperwork.fonts import default_chain
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.masking import door_to_door_note, mask_roster, mask_sheet, wall_note
from fieldapp.paperwork.notes_said import (
    BAD_MONTH,
    DUE_ESTIMATED,
    GLYPHS,
    HOLIDAYS_ESTIMATED,
    NO_DUE_LIST,
    NO_DUTIES,
    NO_FORMS,
    NO_FORMS_LEFT_OFF,
    NO_PHONE,
    NO_POLICY,
    NO_ROSTER_ROWS,
    NO_ROSTERS,
    NOT_PDF,
    UNIT_ACCOUNT,
    NothingToPrint,
    notes,
    some,
)
from fieldapp.paperwork.numerals import from_fen, to_fen
from fieldapp.paperwork.paper_data import (
    DueLookup,
    PaperData,
    attendance_so_far,
    common_area,
    paid_month,
)
from fieldapp.paperwork.roster import render_notice, render_roster
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.tables import Section, TablesView, render_tables, row_texts
from fieldapp.paperwork.views import FormView, NoticeView, RosterView, VisitSheetView
from fieldapp.paperwork.visits import render_visits
from fieldapp.policy.citations import official
from fieldapp.policy.due import Urgency
from fieldapp.policy.households import DutyFlag
from fieldapp.policy.pack import Policy
from fieldapp.policy.workdays import WorkCalendar, notice_said
from fieldapp.saving import check_folder, discard, written
from fieldapp.services import printing
from fieldapp.services.changes import ChangeSet
from fieldapp.services.exports import not_logged
from fieldapp.services.policy_views import due_list
from fieldapp.services.writer import Actor, actor_of
from fieldapp.store.ledger import Ledger

Renderer = Callable[[Progress | None, CancelCheck | None], bytes]

#: Characters no file name may hold on Windows (and so on a FAT/exFAT USB stick).
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class PrintJob:
    """A paper ready to render: its view, how to render it, what the log will say, and what
    to say before it is printed (`said`: a sentence, said in the window's language by the
    preview; `note`, its Chinese, by the command)."""

    paper: str
    title: str
    view: object
    renderer: Renderer
    record: PrintRecord
    said: Part = ""

    @property
    def note(self) -> str:
        """What to say before it is printed, in Chinese ('' for nothing)."""
        return str(self.said)

    def render(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> bytes:
        """The PDF bytes; reports (done, total) and stops with Cancelled when asked."""
        return self.renderer(progress, cancelled)

    def __post_init__(self) -> None:
        # A character none of the bundled fonts has prints blank: say so before it is posted.
        glyphs = glyph_note(self.view)
        if glyphs:
            object.__setattr__(self, "said", notes(self.said, glyphs))

    def file_name(self) -> str:
        """The file name to suggest: the title, with what Windows or a USB stick's file system
        refuses in a name (/ \\ : * ? " < > |, a trailing dot) made '-', so a batch called
        “2026年11月/第一批” is one file, not a folder and a file in it."""
        name = _UNSAFE.sub("-", self.title).strip(" .-") or self.paper
        return f"{name}.pdf"


def _texts(value: object) -> Iterator[str]:
    """Every string a view prints (its fields, nested views and tuples of them)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)


def glyph_note(view: object) -> Part:
    """What the paper would print blank (characters no bundled font has) and where, or ''."""
    chain = default_chain()
    missing: dict[str, None] = {}
    where: dict[str, None] = {}
    for text in _texts(view):
        if text.isascii():
            continue
        lacking = chain.missing(text)
        if lacking:
            missing.update(dict.fromkeys(lacking))
            where[text] = None
    if not missing:
        return ""
    return said(GLYPHS, "".join(missing), some(list(where), 3))


def _record(paper: str, view: object, **fields: object) -> PrintRecord:
    return PrintRecord.model_validate(
        {"paper": paper, "code": short_hash(view), "content_hash": content_hash(view), "pages": 0}
        | fields
    )


def form_job(ledger: Ledger, claim_id: str, today: dt.date | None = None) -> PrintJob:
    """One claim's application form, as printed on `today` (default: China's day): a month's
    attendance record is said to cover the month to that day (`attendance_so_far`)."""
    data = PaperData(ledger)
    claim = data.claim(claim_id)
    on = today or china_today()
    form = attendance_so_far(data.form(claim), paid_month(claim), on, data.work_calendar())
    settings = data.settings(claim.area_code)
    # A month's (year's) form names the month it pays: December's and January's are two files.
    paid = claim.paid_for()
    return PrintJob(
        "申请表",
        f"{form.person.name} {form.rule_title}申请表" + (f"（{paid}）" if paid else ""),
        form,
        lambda p, c: render_forms([form], settings, progress=p, cancelled=c),
        _record(
            "申请表",
            form,
            claim_id=claim.id,
            batch_id=claim.batch_id or "",
            person_id=claim.person_id,
            rows=1,
            total_amount=form.amount,
            area_code=claim.area_code,
        ),
        notes(data.account_note(), unit_account_note([form])),
    )


def unit_account_note(forms: Sequence[FormView]) -> Part:
    """What to say of the forms paid to a unit (用人单位, 经营性人力资源服务机构): the ledger
    keeps no unit's account, so the form's 收款账号 box is left blank for the unit to write in
    by hand where it stamps the form (a printed 待填 would be written over or struck out on a
    paper the county pays from); '' when none is paid to a unit."""
    units = list(dict.fromkeys(f.payee_name or f.payee for f in forms if f.payee != Payee.PERSON))
    if not units:
        return ""
    return said(UNIT_ACCOUNT, some(units, 3))


def forms_job(ledger: Ledger, batch_id: str, today: dt.date | None = None) -> PrintJob:
    """Every application form of a batch, one page each, in roster order, as printed on
    `today` (default: China's day; see `form_job`)."""
    data = PaperData(ledger)
    batch = data.batch(batch_id)
    claims = {c.id: c for c in data.batch_claims(batch.id)}
    if not claims:
        note = data.dropped_note(batch.id)
        name = batch.name() or batch.number
        raise NothingToPrint(
            said(NO_FORMS_LEFT_OFF, name, note) if str(note) else said(NO_FORMS, name)
        )
    # Stapled behind the roster's lines: in the order it prints them, fund by fund.
    order = data.roster(batch.id).printed_claims()
    on, calendar = today or china_today(), data.work_calendar()
    forms: Sequence[FormView] = tuple(
        attendance_so_far(data.form(claims[c]), paid_month(claims[c]), on, calendar) for c in order
    )
    area_code = data.batch_area(batch)
    settings = data.settings(area_code or region_of(forms[0].person.id_number))
    total = from_fen(sum(to_fen(f.amount) for f in forms))
    return PrintJob(
        "申请表",
        # Named with its 批次编号 as the 花名册 is: two batches of one name are two files.
        f"{batch.name()}申请表" + (f"（批次编号{batch.number}）" if batch.number else ""),
        forms,
        lambda p, c: render_forms(forms, settings, progress=p, cancelled=c),
        _record(
            "申请表",
            forms,
            batch_id=batch.id,
            rows=len(forms),
            total_amount=float(total),
            area_code=area_code,
        ),
        notes(data.dropped_note(batch.id), data.account_note(), unit_account_note(forms)),
    )


def _batch_papers(
    ledger: Ledger, batch_id: str, *, paying: bool = False
) -> tuple[RosterView, PaperSettings, str, Part]:
    """A batch's roster (`paying`: the 发放花名册's, of the claims the county approved or
    paid), the paper settings of its area, the area code and what the paper leaves off."""
    data = PaperData(ledger)
    roster = data.roster(batch_id, paying=paying)
    area_code = data.batch_area(data.batch(roster.batch_id))
    settings = data.settings(area_code or _first_area(data, roster.batch_id))
    waiting = data.waiting_note(roster.batch_id) if paying else ""
    note = notes(data.dropped_note(roster.batch_id), waiting, data.account_note())
    return roster, settings, area_code, note


def _batch_record(kind: str, printed: object, roster: RosterView, area_code: str) -> PrintRecord:
    """The print-log record of a batch paper: rows and total of what was printed."""
    total = from_fen(sum(to_fen(r.amount) for r in roster.rows))
    return _record(
        kind,
        printed,
        batch_id=roster.batch_id,
        rows=len(roster.rows),
        total_amount=float(total),
        area_code=area_code,
    )


def _of_batch(roster: RosterView) -> str:
    """Which batch a paper is of, after its title: （批次编号FVBAA-17）, as its footer prints
    it (else the batch's name) — two batches under one rule are two files, not the same name."""
    said = f"批次编号{roster.number}" if roster.number else roster.batch_name
    return f"（{said}）" if said else ""


def roster_job(ledger: Ledger, batch_id: str) -> PrintJob:
    """A batch's 发放花名册, one per funding source: the claims the county approved or paid
    (one not yet approved is said to be left off, on the paper and before it is printed)."""
    roster, settings, area_code, note = _batch_papers(ledger, batch_id, paying=True)
    return PrintJob(
        "花名册",
        f"{roster.title}发放花名册{_of_batch(roster)}",
        roster,
        lambda p, c: render_roster(roster, settings, progress=p, cancelled=c),
        _batch_record("花名册", roster, roster, area_code),
        note,
    )


def notice_period(
    settings: PaperSettings, start: dt.date, calendar: WorkCalendar | None = None
) -> tuple[dt.date, dt.date]:
    """The notice period from its first day: N working days (statutory calendar, with the
    county's holiday schedule when `calendar` carries it) or N days."""
    if not settings.notice_working_days:
        return start, start + dt.timedelta(days=settings.notice_days - 1)
    calendar = calendar or WorkCalendar()
    while not calendar.is_workday(start):
        start += dt.timedelta(days=1)
    return start, calendar.add_workdays(start, settings.notice_days - 1)


#: A notice printed with no complaint phone set: said before it is posted (`NO_PHONE`).
NO_PHONE_NOTE = NO_PHONE


def notice_lacks_phone(ledger: Ledger) -> bool:
    """True when the ledger's print settings give no complaint phone for the 公示表."""
    return not PaperData(ledger).settings().objection_phone.strip()


def notice_job(
    ledger: Ledger, batch_id: str, start: dt.date | None = None, policy: Policy | None = None
) -> PrintJob:
    """A batch's public notice: masked rows, the period from `start` (default: today), counted
    on the holiday schedule of `policy` (the policy in force, which the caller loaded)."""
    full, settings, area_code, note = _batch_papers(ledger, batch_id)
    roster = mask_roster(full)
    # Posted on the wall: a private word in what it prints as recorded is pointed out; a
    # notice with no number to object to is not posted so (it prints a blank to fill in).
    phone = said(NO_PHONE) if not settings.objection_phone.strip() else ""
    note = notes(note, wall_note(roster), phone)
    calendar = WorkCalendar(policy.calendar) if policy is not None else WorkCalendar()
    first, last = notice_period(settings, start or china_today(), calendar)
    notice = NoticeView(roster, first, last)
    if settings.notice_working_days:
        # Posted in the village: a period counted on a year without its schedule is an estimate.
        years = calendar.estimated_years(first, last)
        note = notes(note, *(said(HOLIDAYS_ESTIMATED, str(year)) for year in years))
    return PrintJob(
        "公示表",
        f"{roster.title}公示表{_of_batch(roster)}",
        notice,
        lambda p, c: render_notice(notice, settings, progress=p, cancelled=c),
        _batch_record("公示表", notice, roster, area_code),
        note,
    )


def visits_job(
    ledger: Ledger,
    area_code: str,
    month: str,
    due: DueLookup | None = None,
    policy: Policy | None = None,
    today: dt.date | None = None,
) -> PrintJob:
    """The monthly visit sheet of a village or site.

    Its "应办事项" column is `due`, else the due list of `policy` (the policy in force, which
    the caller loaded) as of the month's end or `today` (default: the real day), if sooner;
    with neither, the sheet lists the month's status duty only.
    """
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise ValidationFailed(said(BAD_MONTH, month))
    note: Part = ""
    if due is None and policy is not None:
        due, note = policy_due_lookup(ledger, policy, area_code, month, today)
    elif due is None:
        note = said(NO_POLICY)
    data = PaperData(ledger)
    # Carried door to door: a number typed into its free text is masked as the notice's are.
    sheet: VisitSheetView = mask_sheet(data.visit_sheet(area_code, month, due))
    settings = data.settings(area_code)
    # Carried door to door: a private word typed as free text is pointed out before it goes.
    note = notes(door_to_door_note(sheet), note)
    return PrintJob(
        "走访记录",
        # 2026年10月, as the page says it, a space after the place as the page's title has.
        f"{sheet.area_name} {Month(month).label()}走访记录",
        sheet,
        lambda p, c: render_visits(sheet, settings, progress=p, cancelled=c),
        _record(
            "走访记录",
            sheet,
            area_code=area_code,
            month=month,
            rows=sum(len(h.members) for h in sheet.households),
        ),
        note,
    )


def policy_due_lookup(
    ledger: Ledger, policy: Policy, area_code: str, month: str, today: dt.date | None = None
) -> tuple[DueLookup | None, Part]:
    """The policy's due list for the area as of the month's end (or today, if sooner).

    Each deadline's urgency is as of the printing day `today`: one already past reads 已逾期
    even where the list, taken as of the month's end, still had it coming.

    When the policy cannot make one, the sheet still prints, with monthly status and services
    only, and the note says why; deadlines counted on a year without its holiday schedule are
    said to be estimates, as the due list says.
    """
    printed = today or china_today()
    on = min(Month(month).last_day, printed)
    try:
        items = due_list(ledger, policy, on, area_prefix=area_code)
    except (FieldappError, ValueError) as error:
        # Our error's sentence where it has one (said in the window's language), else its text.
        reason = getattr(error, "said", None)
        return None, said(NO_DUE_LIST, reason if isinstance(reason, Sentence) else str(error))
    grouped: dict[str, list[str]] = {}
    estimated: dict[str, None] = {}
    year = Month(month).last_day.year
    for item in items:
        day = item.due_date
        # A deadline of another year says it: on December's sheet, 5 January is next year's.
        other = f"{day.year}年" if day.year != year else ""
        # Its words' days as the sheet's (2026年10月3日发现失业, not 2026-10-03发现失业).
        # A past month's sheet printed later: a deadline passed by the printing day is 已逾期
        # (the due page's word), not the 即将到期 the list as of the month's end says.
        urgency = Urgency.OVERDUE if day < printed else item.urgency
        text = f"{days_written(item.title)}（{other}{day.month}月{day.day}日前，{urgency}）"
        grouped.setdefault(item.person_id, []).append(text)
        estimated |= dict.fromkeys(n for n in item.note.split("；") if n)
    # The policy's own note (2027年放假调休安排尚未载入…) in the window's language too.
    note = notes(*(said(DUE_ESTIMATED, notice_said(n)) for n in estimated))
    return (lambda person_id: grouped.get(person_id, [])), note


def certificate_job(
    ledger: Ledger, id_number: str, casual: bool = False, today: dt.date | None = None
) -> PrintJob:
    """A person's work certificate (stable work, or casual work with `casual`), as printed
    `today` (default: the real day)."""
    data = PaperData(ledger)
    cert = data.certificate(id_number, casual, today)
    person_id = data.person_id_of(id_number)
    settings = data.settings(region_of(cert.person.id_number))
    return PrintJob(
        "务工证明",
        f"{cert.person.name}务工证明",
        cert,
        lambda p, c: render_certificate(cert, settings),
        _record("务工证明", cert, person_id=person_id, rows=1),
    )


#: Relative column widths of the tables papers, by header (others: 1).
_WIDTHS = {
    "序号": 0.5,
    "姓名": 0.9,
    "身份证号": 2.1,
    "性别": 0.5,
    "年龄": 0.5,
    "户号": 1.3,
    "与户主关系": 0.9,
    "所在村/安置点": 1.4,
    "人员类别": 1.6,
    "劳动能力": 1.3,
    "就业地点": 1.8,
    "务工地点": 1.8,
    "工作单位": 1.8,
    "经营主体/项目": 1.8,
    "经营地点": 1.6,
    "岗位": 1.6,
    "输出机构": 1.4,
    "说明": 4.2,
    "依据": 2.2,
    "户主/成员": 1.4,
    # Days as papers write them (2026年10月27日): wide enough to stay on one line.
    "开始日期": 1.6,
    "结束日期": 1.6,
    "培训日期": 1.6,
    "培训类型": 1.5,
    "月收入（元）": 0.9,
}


def _section(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Section:
    return Section(
        title,
        tuple(columns),
        tuple(_WIDTHS.get(c, 1.0) for c in columns),
        row_texts(rows),
    )


#: The columns of the five rosters that name a job's place.
_PLACE_COLUMNS = frozenset({"就业地点", "务工地点", "经营地点"})
#: ... and its unit or post: one of the paper's own county is named from below the county
#: (公益性岗位（保洁员）, not 威宁彝族回族苗族自治县公益性岗位（保洁员） over three lines).
_UNIT_COLUMNS = frozenset({"工作单位", "岗位"})
#: A post named as the 公益性岗位名册 already says it is one: 公益性岗位（护林员） prints 护林员.
_POST = re.compile(r"公益性岗位[（(](.+)[）)]")


def rosters_job(ledger: Ledger, area_code: str, on: dt.date, which: str | None = None) -> PrintJob:
    """一库五册 of an area as of a date: all five rosters, or the one named `which`."""
    from fieldapp.policy.rosters import COLUMNS
    from fieldapp.services.report import five_rosters

    rosters = five_rosters(ledger, area_code, on)
    names = [which] if which else list(COLUMNS)
    if not any(rosters.sheets.get(n) for n in names):
        raise NothingToPrint(
            said(NO_ROSTER_ROWS, rosters.area_name, Day(on), which)
            if which
            else said(NO_ROSTERS, rosters.area_name, Day(on))
        )
    data = PaperData(ledger)

    def near(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list[list[object]]:
        def said(column: str, value: object) -> object:
            if not isinstance(value, str):
                return value
            if column in _PLACE_COLUMNS:
                # A job in the area's county from below the county (鸭溪镇 beside its 县内),
                # not 贵州省遵义市播州区鸭溪镇 over four lines of a narrow column.
                return data.place_near(value, area_code)
            if column in _UNIT_COLUMNS:
                # Its unit so (公益性岗位（保洁员）); on the 公益性岗位名册 its post alone.
                unit = data.unit_near(value, area_code)
                post = _POST.fullmatch(unit) if column == "岗位" else None
                return post.group(1) if post else unit
            if column == "结束日期" and not value.strip():
                # The 公益性岗位名册 lists the posts held on the day: one of no end is held
                # still (在岗, as the 务工证明 says 至今在岗), not a box left to fill in. The
                # xlsx keeps it blank, as its import reads a post still held.
                return "在岗"
            # Days as the heading's 截至2026年8月1日 says them (2025年10月9日, not
            # 2025-10-09).
            return written_text(value) if column.endswith("日期") else value

        # The xlsx keeps every value whole, and its dates.
        head = [*columns, *[""] * max(0, max(map(len, rows), default=0) - len(columns))]
        return [[said(head[i], v) for i, v in enumerate(row)] for row in rows]

    view = TablesView(
        "一库五册" if not which else which,
        rosters.area_name,
        on,
        tuple(_section(n, COLUMNS[n], near(COLUMNS[n], rosters.sheets.get(n, []))) for n in names),
    )
    settings = data.settings(area_code)
    return PrintJob(
        "一库五册",
        f"{rosters.area_name}{view.title}（截至{day_written(on)}）",
        view,
        lambda p, c: render_tables(view, settings, progress=p, cancelled=c),
        _record(
            "一库五册",
            view,
            area_code=area_code,
            rows=sum(len(x.rows) for x in view.sections),
        ),
    )


DUTY_COLUMNS = ("序号", "事项", "户号", "户主/成员", "所在地", "说明", "依据")


def duties_job(
    ledger: Ledger,
    flags: Sequence[DutyFlag],
    area_code: str,
    area_name: str,
    on: dt.date,
    place_of: Callable[[str], str],
) -> PrintJob:
    """The household duties of an area (一户一人、零就业家庭、公益性岗位超线、一人多岗) as a list
    to act on, one row per household or person flagged."""
    if not flags:
        raise NothingToPrint(said(NO_DUTIES, area_name, Day(on)))

    def near(code: str) -> str:
        # From below the list's own area (a township's list: 大坪村, not 龙坑街道 大坪村 on
        # every row under a heading that names 龙坑街道); the place itself when nothing is.
        place = place_of(code)
        below = place[len(area_name) :].strip() if area_name else ""
        return below if below and place.startswith(f"{area_name} ") else place

    rows = [
        (
            n,
            f.kind,
            f.household_no,
            "、".join(f.names),
            near(f.area_code),
            official(f.text),  # the county's documents by their official numbers
            official(f.clause),
        )
        for n, f in enumerate(flags, start=1)
    ]
    view = TablesView(
        "户级责任清单",
        area_name,
        on,
        (
            Section(
                "户级责任清单",
                DUTY_COLUMNS,
                tuple(_WIDTHS.get(c, 1.0) for c in DUTY_COLUMNS),
                row_texts(rows),
                "项",
            ),
        ),
    )
    settings = PaperData(ledger).settings(area_code)
    return PrintJob(
        "户级责任",
        f"{area_name}户级责任清单（截至{day_written(on)}）",
        view,
        lambda p, c: render_tables(view, settings, progress=p, cancelled=c),
        _record("户级责任", view, area_code=area_code, rows=len(rows)),
    )


def _first_area(data: PaperData, batch_id: str) -> str:
    """The area a batch made for no one area covers (its claims' smallest common one: a
    county-wide batch speaks for the county, not for its first claim's township)."""
    codes = [c.area_code for c in data.batch_claims(batch_id)]
    return common_area(codes) or (codes[0] if codes else "")


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF we made (ReportLab writes page objects uncompressed)."""
    return len(_PAGE.findall(pdf))


def write_pdf(pdf: bytes, out: Path) -> None:
    """Write the file atomically: a half-written PDF never replaces a good one."""
    part = _write_part(pdf, out)
    try:
        with written(out):
            os.replace(part, out)
    finally:
        discard(part)


def _write_part(pdf: bytes, out: Path) -> Path:
    """Write `pdf` beside `out` under a work name (removed again if that fails); its path."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValidationFailed(said(NOT_PDF, str(out)))
    check_folder(out)
    part = out.with_name(out.name + ".part")
    try:
        with written(out):
            part.write_bytes(pdf)
    except BaseException:
        discard(part)
        raise
    return part


@dataclass(frozen=True)
class Printed:
    """A paper written to a file: its print-log record and what logging it changed."""

    record: PrintRecord
    changes: ChangeSet


def save(
    ledger: Ledger, job: PrintJob, pdf: bytes, out: Path, actor: Actor | None = None
) -> Printed:
    """Write the PDF and log the print (a synced, attributable record). The file takes its
    name only once its print is logged: a print the ledger cannot record (its disk full, its
    stick pulled out) leaves no file, and a file of that name as it was."""
    out = Path(out)
    part = _write_part(pdf, out)
    try:
        try:
            printed = log_printed(ledger, job, pdf, out.name, actor)
        except Exception as error:
            refusal = not_logged(error, out, printed=True, old_kept=out.exists())
            if refusal is None:
                raise
            raise refusal from error
        with written(out):
            os.replace(part, out)
    finally:
        discard(part)
    return printed


def log_printed(
    ledger: Ledger, job: PrintJob, pdf: bytes, where: str, actor: Actor | None = None
) -> Printed:
    """Log a print of `pdf` to `where` (a file's name, or the printer it was sent to): the code
    in its footer can then be looked up, whichever way the paper left the computer."""
    record = job.record.model_copy(update={"pages": page_count(pdf), "file_name": where})
    changes = printing.log_print(ledger, actor or actor_of(ledger), record)
    return Printed(record.model_copy(update={"id": changes.id or ""}), changes)


def print_to_file(
    ledger: Ledger,
    job: PrintJob,
    out: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintRecord:
    """Render, write and log in one call (the CLI's path; the GUI splits it across threads)."""
    return save(ledger, job, job.render(progress, cancelled), out).record
