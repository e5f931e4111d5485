"""`print`: application forms, rosters, notices, visit sheets and work certificates as PDF."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from fieldapp.cli.common import (
    BATCH_NAMED,
    CLAIM_NAMED,
    JSON_HELP,
    escaped,
    fail,
    open_ledger,
    print_json,
    warn,
)
from fieldapp.domain.dates import china_iso, china_minute, parse_date
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Person
from fieldapp.domain.month import Month
from fieldapp.paperwork import jobs
from fieldapp.paperwork.paper_data import PaperData
from fieldapp.paperwork.settings import (
    LABELS,
    PaperSettings,
    meta_key,
    parse_value,
    setting_name,
    to_text,
)
from fieldapp.policy.pack import Policy
from fieldapp.services import settings
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import batch_area
from fieldapp.store.queries.paper import print_log
from fieldapp.store.queries.paper import row as paper_row


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `print form|forms|roster|notice|visits|certificate|log|settings`."""
    top = sub.add_parser("print", help="打印申请表、花名册、公示表、走访记录、务工证明（PDF）")
    cmds = top.add_subparsers(dest="print_cmd", required=True, metavar="纸张")

    p = cmds.add_parser("form", help="一份申领的申请表")
    p.add_argument("--claim", required=True, help=CLAIM_NAMED)
    _out(p)
    p.set_defaults(func=cmd_form)

    p = cmds.add_parser("forms", help="一个批次全部申请表（一个文件，每份一页）")
    p.add_argument("--batch", required=True, help=BATCH_NAMED)
    _out(p)
    p.set_defaults(func=cmd_forms)

    p = cmds.add_parser("roster", help="批次发放花名册（按资金来源分表）")
    p.add_argument("--batch", required=True, help=BATCH_NAMED)
    _out(p)
    p.set_defaults(func=cmd_roster)

    p = cmds.add_parser("notice", help="批次公示表（身份证号、账号脱敏）")
    p.add_argument("--batch", required=True, help=BATCH_NAMED)
    p.add_argument("--from", dest="start", help="公示开始日期 YYYY-MM-DD（默认今天）")
    _out(p)
    p.set_defaults(func=cmd_notice)

    p = cmds.add_parser("visits", help="村（社区）或安置点的月度走访记录")
    p.add_argument("--area", help="区划代码（村或安置点；村、安置点的设备默认本机负责的区域）")
    p.add_argument("--month", required=True, help="月份，如 2026-10（也可写 2026年10月）")
    _out(p)
    p.set_defaults(func=cmd_visits)

    p = cmds.add_parser("certificate", help="务工证明模板（由用工单位填写盖章）")
    p.add_argument("--person", required=True, help="身份证号码（- 从标准输入读）")
    p.add_argument("--casual", action="store_true", help="临时务工（临工）版本")
    _out(p)
    p.set_defaults(func=cmd_certificate)

    p = cmds.add_parser("log", help="打印记录（可按批次或页脚校验码查）")
    p.add_argument("--batch", help=BATCH_NAMED)
    p.add_argument("--code", help="页脚校验码")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_log)

    p = cmds.add_parser("settings", help="查看或修改打印设置（县名、审核单位、公示天数等）")
    p.add_argument(
        "--set",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="修改一项设置：名称写中文（如 公示天数）或英文（notice_days），可多次使用",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_settings)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="输出 PDF 文件")


def _run(args: argparse.Namespace, make: object, hint: str = "") -> int:
    """Print `make`'s job to --out; its note, and then `hint` (how to mend it), on stderr."""
    ledger = open_ledger(args, existing=f"print {args.print_cmd}")
    try:
        job = make(ledger)  # type: ignore[operator]
        if job.note:
            warn(f"提示：{job.note}")
            if hint:
                print(hint, file=sys.stderr)
        record = jobs.print_to_file(ledger, job, args.out)
    finally:
        ledger.close()
    print(f"已生成 {job.paper}：{args.out}（{record.pages} 页，校验码 {record.code}）")
    return 0


def cmd_form(args: argparse.Namespace) -> int:
    """Print one claim's application form."""
    return _run(args, lambda led: jobs.form_job(led, args.claim))


def cmd_forms(args: argparse.Namespace) -> int:
    """Print every form of a batch into one file."""
    return _run(args, lambda led: jobs.forms_job(led, args.batch))


def cmd_roster(args: argparse.Namespace) -> int:
    """Print a batch's roster."""
    return _run(args, lambda led: jobs.roster_job(led, args.batch))


def cmd_notice(args: argparse.Namespace) -> int:
    """Print a batch's public notice."""
    start = None
    if args.start:
        try:  # as --on is read elsewhere: 2026-11-23, 2026/11/23, 20261123
            start = parse_date(args.start)
        except ValueError as error:
            return fail(f"公示开始日期：{error}")
    policy = _policy_in_force(args)
    hint = ""
    if jobs.notice_lacks_phone(open_ledger(args, existing="print notice")):  # `_run` closes it
        hint = "设置异议受理电话：fieldapp print settings --set 异议受理电话 电话号码"
    return _run(args, lambda led: jobs.notice_job(led, args.batch, start, policy=policy), hint)


def cmd_visits(args: argparse.Namespace) -> int:
    """Print a village's monthly visit sheet (its due column from the policy in force)."""
    month = Month.parse(args.month)  # 2026-10, 2026-1, 2026年10月 or 202610
    if not args.area:  # a device enrolled for a village, site or township: its own area
        args.area = batch_area(
            actor_of(open_ledger(args, existing="print visits")), None
        )  # `_run` closes it
        if not args.area:  # the county's device or a ledger never enrolled: which village's?
            return fail("请用 --area 写明村（社区）或安置点的代码（如 --area 520502101001）")
    policy = _policy_in_force(args)
    try:
        return _run(args, lambda led: jobs.visits_job(led, args.area, month, policy=policy))
    except FieldappError as error:
        if len(args.area) >= 12:
            raise
        return fail(f"{error}，请用 --area 写明村（社区）或安置点的代码（如 --area 520502101001）")


def _policy_in_force(args: argparse.Namespace) -> Policy | None:
    """The policy in force on the ledger, or None (with the reason on stderr) when no pack can
    be loaded (the county's pack from the hub included)."""
    from fieldapp.services.policy_admin import policy_in_force

    try:
        return policy_in_force(open_ledger(args, existing=f"print {args.print_cmd}"))
    except (FieldappError, OSError, ValueError) as error:
        warn(f"提示：未能载入政策包（{error}）")
        return None


def cmd_certificate(args: argparse.Namespace) -> int:
    """Print a work certificate template for one person."""
    return _run(args, lambda led: jobs.certificate_job(led, args.person, args.casual))


def cmd_log(args: argparse.Namespace) -> int:
    """List logged prints."""
    ledger = open_ledger(args, existing="print log")
    try:
        # A unique prefix of the batch id, as the papers take it.
        paper = PaperData(ledger)
        batch_id = paper.batch(args.batch).id if args.batch else None
        rows = print_log(ledger, batch_id=batch_id, code=args.code)
        said = {r["id"]: _printed_for(paper, r) for r in rows}
    finally:
        ledger.close()
    if args.json:  # printed_at stays as stored; China time beside it, as hub rejected gives it
        print_json([r | {"printed_at_china": china_iso(r["printed_at"]) or None} for r in rows])
        return 0
    if not rows and args.code:
        print(
            f"本台账没有校验码为 {args.code} 的打印记录：这份材料不是从本台账打印的，"
            "或打印它的设备还没有同步"
        )
    elif not rows:
        print("没有打印记录")
    for r in rows:
        # A record synced from another device says what that device wrote (its file's name,
        # its author, a person's name): escaped, as every value read from elsewhere.
        print(
            f"{china_minute(r['printed_at'])}  {escaped(r['paper'])}  {escaped(said[r['id']])}  "
            f"{r['pages']} 页  {r['rows']} 行  校验码 {escaped(r['code'])}  "
            f"{escaped(r['created_by'] or '未知')}  {escaped(r['file_name'])}"
        )
    return 0


def _printed_for(paper: PaperData, row: dict[str, Any]) -> str:
    """What a logged print was of, as a person names it: the claim's 申请编号 and its person,
    the batch's 批次编号, the person's name, or the area's name (an id only for a row this
    ledger does not hold, or one with no number)."""
    try:
        if row["claim_id"]:  # one claim's 申请表 (of a batch or not)
            claim = paper.claim(row["claim_id"])
            return f"申领 {claim.number or claim.id}（{claim.person_name}）"
        if row["batch_id"]:
            batch = paper.batch(row["batch_id"])
            return f"批次 {batch.number or batch.id}"
    except FieldappError:
        return str(row["claim_id"] or row["batch_id"])
    if row["person_id"]:
        person = paper_row(paper.ledger, Person, row["person_id"])
        return str(person["name"]) if person else str(row["person_id"])
    return paper.place_of(row["area_code"]) if row["area_code"] else ""


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the print settings; `--set NAME VALUE` changes one (stored in the ledger's meta)."""
    ledger = open_ledger(args, existing="print settings")
    try:
        for name, value in args.set or []:
            try:
                key = setting_name(name)
                typed = parse_value(key, value)
            except ValueError as error:
                return fail(str(error))
            settings.save_values(ledger, {meta_key(key): to_text(typed)})
        current = PaperData(ledger).settings()
    finally:
        ledger.close()
    values = {name: getattr(current, name) for name in LABELS}  # the wording, not `demo`
    if args.json:
        print_json(values)
        return 0
    defaults = dataclasses.asdict(PaperSettings())
    for name, value in values.items():
        mark = "" if value != defaults[name] else "（默认）"
        print(f"{name}\t{LABELS[name]}：{to_text(value)}{mark}")
    return 0
