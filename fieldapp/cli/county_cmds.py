"""The county's policy year on the command line: the working-day calendar, and the hub's packs.

```
fieldapp [--db PATH] calendar --year YYYY [--json]
fieldapp hub policy publish --dir HUBDIR FILE
fieldapp hub policy list --dir HUBDIR [--json]
fieldapp hub policy edit --dir HUBDIR [--figure RULE=AMOUNT]... [--extend RULE=DATE]... …
    [--word 词=含义]... [--drop-word 词]...
```
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.cli.common import JSON_HELP, fail, hinted, no_ledger, open_ledger, print_json
from fieldapp.domain.dates import china_minute
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.saving import written

if TYPE_CHECKING:
    from fieldapp.hub.folder import Hub
    from fieldapp.policy.editor import CountyEdit
    from fieldapp.policy.pack import Policy
    from fieldapp.policy.published import PublishedPack


def register_calendar(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `calendar`."""
    p = sub.add_parser(
        "calendar", help="某一年的放假和调休上班日，以及出处（无安排时按法定节假日估算）"
    )
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help="年份，如 2027")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_calendar)


def register_hub_policy(hub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `hub policy publish|list` to the hub's commands."""
    policy = hub.add_parser("policy", help="县级政策包：检查、签发并随数据包下发到各设备")
    cmds = policy.add_subparsers(dest="hub_policy_cmd", required=True)
    p = cmds.add_parser(
        "publish", help="检查并签发一个县级政策包，随下一次数据包下发（输出版本号）"
    )
    p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
    p.add_argument("file", type=Path, help="县级政策包文件（.toml）")
    p.add_argument(
        "--json",
        action="store_true",
        help="以 JSON 输出签发结果（含程序太旧、未报告程序版本的设备），供脚本读取",
    )
    p.set_defaults(func=cmd_hub_policy_publish)
    p = cmds.add_parser("list", help="列出已签发的县级政策包")
    p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_hub_policy_list)
    p = cmds.add_parser(
        "edit",
        help="县级编辑：县定金额（不超过政策规定的最高额）、延续执行、监测收入线、放假安排、"
        "就业状态用词；检查后签发",
    )
    p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
    p.add_argument("--figure", action="append", default=[], metavar="RULE=AMOUNT",
                   help="县定金额，如 transport_cross_county=400（须写 --document；写 - 清除）")  # fmt: skip
    p.add_argument(
        "--figure-from",
        metavar="DATE",
        help="这次的县定金额（和监测收入线）从哪一天起执行，如 2027-01-01：此前的月份（此前开始的就业）仍按原标准",
    )
    p.add_argument(
        "--income-line",  # (read by `county_edit`: a refusal says it as typed)
        metavar="AMOUNT",
        help="防止返贫监测收入线（元/月，须写 --document）",
    )
    p.add_argument("--extend", action="append", default=[], metavar="RULE=DATE",
                   help="延续执行到某日，如 absorb_returned=2026-12-31（须写 --document）")  # fmt: skip
    p.add_argument("--document", metavar="NUMBER",
                   help="县里的文件文号（设定金额、延续执行时必填，打印时引用），如 某人社通〔2026〕3号")  # fmt: skip
    p.add_argument("--document-title", default="", metavar="TITLE", help="该文件的标题")
    p.add_argument("--document-issuer", default="", metavar="NAME", help="该文件的发文单位")
    p.add_argument("--document-date", metavar="DATE", help="该文件的成文日期")
    p.add_argument("--holiday", action="append", default=[], metavar="DATES",
                   help="县里自定的放假日（可写范围 2027-02-05..2027-02-08）")  # fmt: skip
    p.add_argument(
        "--workday", action="append", default=[], metavar="DATES", help="县里自定的上班日"
    )
    p.add_argument("--schedule-year", type=int, metavar="YYYY", help="国务院办公厅放假安排的年份")
    p.add_argument("--schedule-document", metavar="NUMBER", help="放假安排通知的文号")
    p.add_argument("--days-off", default="", metavar="DATES", help="该年全部放假日（可写范围）")
    p.add_argument("--make-up-workdays", default="", metavar="DATES", help="该年调休上班日")
    p.add_argument(
        "--word",
        action="append",
        default=[],
        metavar="词=含义",
        help="县里的就业状态用词表：村里台账写的一个词读作哪种就业状态（已就业、未就业、在校、无需就业），"
        "全县导入都这样读；表里已有的词改读作这个（如 --word 在家=未就业 --word √=已就业；可写多次）",
    )
    p.add_argument(
        "--drop-word",
        action="append",
        default=[],
        metavar="词",
        help="从县里的就业状态用词表删去一个词（如 --drop-word 在家；可写多次）",
    )
    p.add_argument("--title", default="", help="政策包的名称")
    p.add_argument("--authority", default="", help="发布单位，如 某县人力资源和社会保障局")
    p.add_argument("--id", default="", help="县级政策包编号（首次编辑时，默认 county）")
    p.add_argument("--version", default="", help="版本号（默认 年份.序号）")
    p.add_argument("--out", type=Path, help="只写出政策包文件，不签发")
    p.add_argument(
        "--json",
        action="store_true",
        help="以 JSON 输出签发结果（含程序太旧、未报告程序版本的设备），供脚本读取",
    )
    p.set_defaults(func=cmd_hub_policy_edit)


# -- calendar --------------------------------------------------------------------------------


def cmd_calendar(args: argparse.Namespace) -> int:
    """Print a year's days off and make-up workdays in force, and where they came from."""
    from fieldapp.policy.workdays import WorkCalendar
    from fieldapp.services.policy_admin import policy_in_force

    if not 1950 <= args.year <= 2200:
        return fail(f"年份 {args.year} 超出范围（1950—2200）", 2)
    missing = no_ledger(args)
    if missing is None:
        policy = policy_in_force(open_ledger(args, existing="calendar"))
    else:  # a fresh machine (README's first command): the program's own days, said so
        from fieldapp.policy.registry import PolicyRegistry

        policy = PolicyRegistry().load(local=False)
    calendar = WorkCalendar(policy.calendar)
    info = calendar.year_info(args.year)
    if missing is not None:
        note = (
            f"注意：没有找到台账 {missing}，下面是程序内置政策包的工作日历（县里下发、本机安装的"
            "政策包里的放假安排没有算进来；要用的台账不在默认位置时，用 --db 指明）"
        )
        print(note, file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json(
            {
                "year": info.year,
                "source": str(info.source),
                "origin": info.origin,
                "estimated": info.estimated,
                "notice": info.notice or None,
                "days_off": [{"date": d.isoformat(), "name": n} for d, n in info.days_off],
                "workdays": [{"date": d.isoformat(), "name": n} for d, n in info.workdays],
            }
        )
        return 0
    print(f"{info.year}年工作日历：{info.origin}")
    if info.notice:
        print(f"注意：{info.notice}")
    print("放假（周末以外及法定节假日）：")
    for day, name in info.days_off:
        print(f"  {day}  {'一二三四五六日'[day.weekday()]}  {name}")
    print("调休上班：" + ("" if info.workdays else "无"))
    for day, name in info.workdays:
        print(f"  {day}  {'一二三四五六日'[day.weekday()]}  {name}")
    return 0


# -- the hub's packs -------------------------------------------------------------------------


def _hub(args: argparse.Namespace) -> Hub:
    """The hub folder open as the user given (a hub with a password), as every hub command."""
    from fieldapp.cli.sync_cmds import _open_hub

    return _open_hub(args)


def say_no_users(hub: Hub, done: str, verb: str) -> None:
    """`sync_cmds.say_no_users` (imported when called, as `_hub` is)."""
    from fieldapp.cli import sync_cmds

    sync_cmds.say_no_users(hub, done, verb)


def cmd_hub_policy_publish(args: argparse.Namespace) -> int:
    """Check, sign and queue a county pack; prints its version (last line)."""
    from fieldapp.policy.pack import PackError
    from fieldapp.services.policy_admin import PolicyRefused, publish

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return fail(f"找不到政策包文件 {path}", 2)
    except UnicodeDecodeError:
        from fieldapp.policy.packfile import NOT_UTF8

        return fail(f"{path.name} {NOT_UTF8}", 2)
    hub = _hub(args)
    try:
        record = publish(hub.ledger, text, path.name)
        devices = hub.status()
    except (PackError, PolicyRefused) as error:
        return fail(f"{error}；未签发，各设备的政策包不变{hinted(error)}", 2)
    finally:
        hub.close()
    if not _said_published(args, text, record, devices):
        print(
            f"已签发县级政策包“{_titled(record)}”（第 {record.seq} 号），"
            "将随下一次发给各设备的数据包下发；版本："
        )
        print(record.version)
    say_no_users(hub, "签发人", "签发")
    _say_unused_figures(args, "在政策包该条 [[overrides]] 里写 valid_to 和 document")
    return 0


def _titled(record: PublishedPack) -> str:
    """A published pack as the county names it: its title (设置 and `policy show` say it so),
    not its id ("county"), which no page or paper uses; the id only if the text cannot be read."""
    try:
        return record.read().pack.title
    except FieldappError:
        return record.pack_id


def _said_published(
    args: argparse.Namespace,
    written: str,
    record: PublishedPack,
    devices: list[dict[str, object]],
) -> bool:
    """What publishing `record` means for the devices: the program it needs and which devices
    will not take it in force (older program, or never said which they run). With --json the
    whole answer as JSON (True: the version is said there); else said before the version."""
    from fieldapp.hub.versions import LACKING_NAMED, named, short_of

    requires = record.read().pack.requires
    older, unreported = short_of(devices, requires)
    if getattr(args, "json", False):
        print_json(
            {
                "pack_id": record.pack_id,
                "seq": record.seq,
                "version": record.version,
                "requires": requires,
                "status_words": record.read().status_words,
                "older_program": [str(d["device"]) for d in older],
                "unreported_program": [str(d["device"]) for d in unreported],
            }
        )
        return True
    _say_stamped(written, record.text)
    if older:
        print(
            f"注意：{len(older)} 台设备的程序比 {requires} 旧，收到这个政策包也不会启用"
            f"（原政策包继续有效），要去升级程序：{named(older, LACKING_NAMED, with_program=True)}"
        )
    if unreported:
        print(
            f"注意：{len(unreported)} 台设备从未报告程序版本（还没同步过，或程序旧得不会报告），"
            f"不知道能不能启用这个政策包，请核对它们的程序不比 {requires} 旧："
            f"{named(unreported, LACKING_NAMED)}"
        )
    return False


def _say_stamped(written: str, signed: str) -> None:
    """Say, in the clerk's words, which program the computers need to take the pack in force
    and why (what in it an earlier program does not know), that `publish` wrote it into the
    pack (`requires`), and what the computers not upgraded will do. It said “用到了县里的就业状态
    用词表（[status_words]），fieldapp 0.2.0 起才认识，已在政策包中写明 requires = "0.2.0"”."""
    from fieldapp.policy.packfile import needed_program

    # What the pack as written uses (the signed text states `requires` too, which would name
    # the stamp itself as what asks for the program).
    needed = needed_program(written)
    if written == signed or needed is None:
        return
    version, what = needed.version, needed.what
    print(
        f"注意：村里和县里的设备要用 {version} 版或更新版本的程序才能启用这个政策包："
        f"它用到了{what}，更早的版本不认识。签发时已在政策包里写明这一要求"
        f'（requires = "{version}" 一行）。程序比 {version} 旧的设备收到后不启用它，'
        "照旧用原来的政策包，并提示升级程序；各设备的程序版本见 hub devices"
    )


def _say_unused_figures(args: argparse.Namespace, how: str | None = None) -> None:
    """Warn of a figure published from a day past its rule's end (`unused_figures`)."""
    from fieldapp.policy.eligibility import unused_figures
    from fieldapp.services.policy_admin import load_policy

    hub = _hub(args)
    try:
        policy = load_policy(hub.ledger).policy
    finally:
        hub.close()
    for rule, text in unused_figures(policy):
        hint = how or f"--extend {rule.id}=YYYY-12-31 --document 文号"
        print(f"注意：{text}（{hint}）", file=sys.stderr)


def cmd_hub_policy_list(args: argparse.Namespace) -> int:
    """List the packs the hub has published, newest first, and which is in force."""
    from fieldapp.services.policy_admin import hub_sign_key, load_policy, published

    hub = _hub(args)
    try:
        key = hub_sign_key(hub.ledger)
        state = load_policy(hub.ledger)
        in_force = state.hub_pack
        rows = []
        titled: list[bool] = []  # by row: the pack was read and has a title to name it by
        for record in published(hub.ledger):
            try:
                header = record.read().pack
                titled.append(bool(header.title))
                title, document = (
                    header.title,
                    " ".join(x for x in (header.authority, header.document) if x),
                )
            except FieldappError as error:
                titled.append(False)
                title, document = f"（无法读取：{error}）", ""
            rows.append(
                {
                    "seq": record.seq,
                    "id": record.pack_id,
                    "version": record.version,
                    "published_at": record.published_at,
                    "title": title,
                    "document": document,
                    "signature_ok": key is not None and record.verified_by(key),
                    "in_force": in_force is not None and in_force.as_row() == record.as_row(),
                }
            )
    finally:
        hub.close()
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("尚未签发县级政策包（各设备使用内置政策包）")
    for r, has_title in zip(rows, titled, strict=True):
        mark = "［现行］" if r["in_force"] else ""
        sig = "" if r["signature_ok"] else "［签名不符］"
        # The title is what the clerk calls the pack; its id only when there is no title.
        said = "" if has_title else f"{r['id']}\t"
        print(
            f"第{r['seq']}号\t{said}{r['version']}\t{china_minute(r['published_at'])}\t"
            f"{r['title']}\t{r['document']}{mark}{sig}"
        )
    return 0


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    found = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise FieldappError(f"{what}“{item}”应写成 规则编号=值")
        found.append((key.strip(), value.strip()))
    return found


def _day(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldappError(f"{what}“{text}”不是日期（如 2026-12-31）") from None


def _income_line(text: str | None) -> float | None:
    """The monitoring income line typed (元/月); refused, said as typed (“inf”, “1e309”, “六百”
    — not as Python spells the float it made of it), when it is not a finite number."""
    if text is None:
        return None
    try:
        line = float(text)
    except ValueError:
        line = math.nan
    if not math.isfinite(line):
        raise FieldappError(f"监测收入线“{text}”不是数字（元/月，如 650）")
    return line


def county_edit(args: argparse.Namespace) -> CountyEdit:
    """The edit the command line describes; FieldappError in Chinese on a malformed value."""
    from fieldapp.policy.editor import CountyEdit, parse_days, year_schedule
    from fieldapp.policy.pack import Document

    line = _income_line(args.income_line)
    edit = CountyEdit(title=args.title, authority=args.authority, income_line=line)
    for rule, value in _pairs(args.figure, "金额"):
        try:
            figure = None if value == "-" else float(value)
        except ValueError:
            figure = math.nan
        if figure is not None and not math.isfinite(figure):
            raise FieldappError(f"金额“{value}”不是数字（规则 {rule}）")
        edit.figures[rule] = figure
    edit.figure_from = _day(args.figure_from, "县定金额的执行日期")
    if (
        edit.figure_from is not None
        and line is None
        and not any(v is not None for v in edit.figures.values())
    ):
        raise FieldappError(
            "写了 --figure-from 却没有用 --figure 写新的县定金额（或用 --income-line 写新的监测收入线）"
        )
    for rule, value in _pairs(args.extend, "延续执行"):
        day = _day(value, "延续执行日期")
        assert day is not None
        edit.extensions[rule] = day
    if args.document:
        edit.document = Document(
            number=args.document,
            title=args.document_title or args.document,
            issuer=args.document_issuer or args.authority,
            date=_day(args.document_date, "文件日期"),
        )
    try:
        edit.extra_holidays = [d for text in args.holiday for d in parse_days(text)]
        edit.extra_workdays = [d for text in args.workday for d in parse_days(text)]
        if args.schedule_year:
            if not args.schedule_document:
                raise FieldappError("载入放假安排须写明通知文号（--schedule-document）")
            edit.schedules.append(
                year_schedule(
                    args.schedule_year,
                    args.schedule_document,
                    parse_days(args.days_off),
                    parse_days(args.make_up_workdays),
                )
            )
    except ValueError as error:
        raise FieldappError(str(error).split("\n")[0]) from None
    return edit


def status_word_changes(args: argparse.Namespace) -> tuple[dict[str, str], list[str]]:
    """The words `--word` says (word → status) and those `--drop-word` removes, checked as
    the county editor's table is (`pack.status_word_refusals`: each as publishing checks a
    row, none written twice); FieldappError naming the word."""
    from fieldapp.policy.pack import status_word_refusals

    rows: list[tuple[str, str]] = []
    for item in args.word:
        word, equals, meaning = item.partition("=")
        if not equals:
            raise FieldappError(f"--word 要写成“词=含义”，如 在家=未就业（写的是“{item}”）")
        rows.append((word, meaning))
    said: dict[str, str] = {}
    for (word, meaning), refusal in zip(rows, status_word_refusals(rows), strict=True):
        if refusal is not None:
            raise FieldappError(str(refusal))
        said[word.strip()] = meaning.strip()
    dropped: list[str] = []
    for word in (w.strip() for w in args.drop_word):
        if not word:
            raise FieldappError("--drop-word 要写明删去哪个用词")
        if word in said:
            raise FieldappError(f"就业状态用词“{word}”既用 --word 写了，又用 --drop-word 删去")
        if word not in dropped:
            dropped.append(word)
    return said, dropped


def status_words_after(
    current: dict[str, str], said: dict[str, str], dropped: list[str]
) -> dict[str, str]:
    """The county's whole list after the command: `current` less `dropped`, with `said` set;
    FieldappError naming a dropped word the list does not have."""
    for word in dropped:
        if word not in current:
            raise FieldappError(f"县里的就业状态用词表中没有“{word}”，无从删去")
    return {w: m for w, m in current.items() if w not in dropped} | said


def _unknown_rules(edit: CountyEdit, policy: Policy) -> str:
    """Why a rule `--figure` or `--extend` names is none the county can set or extend, with
    the ones it can (their ids and titles: the hub has no other list of them); '' when all
    are known. A known rule the county may not change is refused later, with its clause."""
    from fieldapp.policy.combine import no_such_rule
    from fieldapp.policy.editor import county_figures, extendable

    known = {r.id for r in policy.rules}
    for given, rules, what in (
        (edit.figures, [(f.rule_id, f.title) for f in county_figures(policy)], "设定金额"),
        (edit.extensions, [(r.id, r.title) for r in extendable(policy)], "延续执行"),
    ):
        for rule in given:
            if rule not in known:
                listed = "、".join(f"{i}（{t}）" for i, t in rules)
                return f"{no_such_rule(rule)}：县里可以{what}的规则有 {listed}"
    return ""


def cmd_hub_policy_edit(args: argparse.Namespace) -> int:
    """The county editor on the hub: apply the edit to the county's pack, check, sign, queue."""
    from fieldapp.policy.editor import (
        FIGURE_NEEDS_DOCUMENT,
        LINE_NEEDS_DOCUMENT,
        edit_county_pack,
        next_version,
    )
    from fieldapp.policy.pack import PackError
    from fieldapp.policy.packfile import merged_words
    from fieldapp.policy.registry import PolicyRegistry
    from fieldapp.services.policy_admin import PolicyRefused, load_policy, publish, published

    try:
        edit = county_edit(args)
        said, dropped = status_word_changes(args)
    except FieldappError as error:  # a value mistyped on the command line: a usage mistake
        return fail(f"{error}；未签发，各设备的政策包不变", 2)
    if edit.is_empty() and not said and not dropped:
        return fail(
            "没有要修改的内容：请用 --figure、--extend、--income-line、--holiday、--workday、"
            "--schedule-year、--word 或 --drop-word 写明县里的决定；未签发，各设备的政策包不变",
            2,
        )
    hub = _hub(args)
    try:
        registry = PolicyRegistry()
        state = load_policy(hub.ledger, registry)
        current = state.hub_pack.read() if state.hub_pack is not None else None
        pack_id = args.id or (current.pack.id if current else "county")
        versions = [p.version for p in published(hub.ledger) if p.pack_id == pack_id]
        version = args.version or next_version(versions, china_today())
        unknown = _unknown_rules(edit, state.policy)
        if unknown:
            return fail(f"{unknown}；未签发，各设备的政策包不变", 2)
        # A word the pack in force spells twice (signed before such a list was refused): the
        # edition writes it once, with the last spelling's meaning. Signed only once the clerk
        # has said the word's meaning (--word) or dropped it; a draft (--out) is told so.
        merged = merged_words(state.hub_pack.text) if state.hub_pack is not None else []
        unsaid = [m for m in merged if m.word not in said and m.word not in dropped]
        if unsaid and not args.out:
            told = "；".join(str(m) for m in unsaid)
            flags = " ".join(f"--word {m.word}={m.kept}" for m in unsaid)
            return fail(
                f"{told}。请用 {flags} 写明县里要的读法（或用 --drop-word 删去这个词）后再签发；"
                "未签发，各设备的政策包不变",
                2,
            )
        if said or dropped:
            try:
                edit.status_words = status_words_after(
                    dict(current.status_words) if current else {}, said, dropped
                )
            except FieldappError as error:
                return fail(f"{error}；未签发，各设备的政策包不变", 2)
        try:
            text, drafted = edit_county_pack(
                registry.base_files(), current, edit, version=version, pack_id=pack_id
            )
        except PackError as error:
            problem = str(error.problem)
            made = error.problem if isinstance(error.problem, Sentence) else None
            if made is not None and made.template in (FIGURE_NEEDS_DOCUMENT, LINE_NEEDS_DOCUMENT):
                problem += "（请用 --document 写明文号，并可写 --document-title、--document-date）"
            return fail(f"{problem}；未签发，各设备的政策包不变{hinted(error)}", 2)
        if args.out:
            with written(Path(args.out)):
                Path(args.out).write_text(text, encoding="utf-8")
            for word in unsaid:
                print(f"请注意：{word}")
            print(f"已写出县级政策包“{drafted.title}”（版本 {version}）：{args.out}（未签发）")
            return 0
        try:
            record = publish(hub.ledger, text, f"{pack_id}.toml", registry)
        except (PackError, PolicyRefused) as error:
            return fail(f"{error}；未签发，各设备的政策包不变{hinted(error)}", 2)
        devices = hub.status()
    finally:
        hub.close()
    if (said or dropped) and not args.json:
        words = record.read().status_words
        listed = "、".join(f"“{w}”读作“{m}”" for w, m in words.items())
        print(f"县里的就业状态用词表：{listed}" if words else "县里的就业状态用词表已删空")
    if not _said_published(args, text, record, devices):
        print(
            f"已签发县级政策包“{_titled(record)}”（第 {record.seq} 号），将随下一次数据包下发；版本："
        )
        print(record.version)
    say_no_users(hub, "签发人", "签发")
    _say_unused_figures(args)
    return 0
