"""Policy commands: eligibility, services due, household duties, claims, batches, packs, reports."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from fieldapp.cli.common import (
    BATCH_NAMED,
    CLAIM_NAMED,
    JSON_HELP,
    area_or_own,
    checked_area,
    fail,
    hinted,
    no_ledger,
    open_ledger,
    print_json,
    warn,
)
from fieldapp.domain.claims import (
    Claim,
    Numbered,
    on_roster,
    persons_and_claims,
)
from fieldapp.domain.dates import china_minute, parse_date, today, written
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.month import Month
from fieldapp.domain.places_said import say_place
from fieldapp.policy.citations import official, rules_version
from fieldapp.policy.claim_flow import parse_state
from fieldapp.policy.eligibility import STATUS_LABELS, Status, ended_notices
from fieldapp.policy.guard import LimitExceeded, find_limit_violations, said
from fieldapp.policy.pack import AMOUNT_LABELS, PackError, Policy, money_text
from fieldapp.reference import divisions
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import (
    ClaimService,
    EligibilityService,
    batch_area,
    claims_at_another_figure,
    listed_claims,
)
from fieldapp.services.exports import PERSONAL_DATA_NOTE, record_export
from fieldapp.services.policy_admin import PolicyRefused, install_local, load_policy
from fieldapp.store.queries.areas import listed_places


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add eligible, due, duties, claim, batch, policy, report and rosters."""
    p = sub.add_parser("eligible", help="政策资格：每条规则是否符合、原因、金额、资金来源")
    p.add_argument("--person", metavar="ID_NUMBER", help="只看一个人（身份证号；- 从标准输入读）")
    p.add_argument("--on", metavar="DATE", help="按此日期判断（默认今天）")
    p.add_argument(
        "--area",
        metavar="CODE",
        help="只看此地区（代码前缀）；默认：登记到县里的村/安置点、乡镇设备为本机区域，否则全台账",
    )
    p.add_argument("--rule", metavar="RULE_ID", help="只看一条规则")
    p.add_argument("--all", action="store_true", help="全台账时也列出不符合的结果")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_eligible)

    p = sub.add_parser("due", help="待办服务：1311服务、失业登记、分级服务、月度更新、跟踪回访")
    p.add_argument("--on", metavar="DATE", help="按此日期算到期（默认今天）")
    p.add_argument(
        "--area",
        metavar="CODE",
        help="村/安置点代码（前缀）；默认：登记到县里的村/安置点、乡镇设备为本机区域，否则全台账",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("duties", help="家庭责任：一户一人、零就业家庭、公益性岗位超线、一人多岗")
    p.add_argument("--on", metavar="DATE", help="按此日期判断（默认今天）")
    p.add_argument(
        "--area",
        metavar="CODE",
        help="只看此地区（代码前缀）；默认：登记到县里的村/安置点、乡镇设备为本机区域，否则全台账",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_duties)

    _register_claims(sub)
    _register_batches(sub)

    pol = sub.add_parser("policy", help="政策包").add_subparsers(dest="policy_cmd", required=True)
    p = pol.add_parser("list", help="列出现行政策包的规则、所引文件和待县里核定的标准")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_policy_list)
    p = pol.add_parser("check", help="检查一个政策包文件（不启用）")
    p.add_argument("file", help="政策包文件（.toml）")
    p.set_defaults(func=cmd_policy_check)
    p = pol.add_parser(
        "install",
        help="检查并在本机启用一个政策包（村/安置点和乡镇设备不能安装：政策由县里下发）",
        description=(
            "检查并在本机启用一个政策包。政策包放在本机的用户数据文件夹（policies 文件夹），"
            "本机打开的台账（村/安置点和乡镇设备的除外）都按它执行；"
            "--db 给出的台账只用来检查能否安装（是哪一级设备、汇总中心已下发的政策包），"
            "政策包不放进这个台账，也不随它拷到别的电脑"
        ),
    )
    p.add_argument("file", help="政策包文件（.toml）")
    p.set_defaults(func=cmd_policy_install)

    from fieldapp.cli.county_cmds import register_calendar

    register_calendar(sub)

    rep = sub.add_parser("report", help="报表").add_subparsers(dest="report_cmd", required=True)
    p = rep.add_parser("monthly", help="月报（xlsx，每村/安置点一张表并汇总，含图表）")
    p.add_argument(
        "--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11（也可写 2026年11月）"
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的 Excel 文件")
    p.add_argument(
        "--area",
        metavar="CODE",
        help="只统计此地区（代码前缀）；默认：登记到县里的村/安置点、乡镇设备为本机区域，否则全台账",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_report_monthly)

    p = sub.add_parser("rosters", help="一库五册（劳动力、培训、转移就业、自主创业、公益性岗位）")
    p.add_argument(
        "--area",
        metavar="CODE",
        help="村/安置点或乡镇的代码（前缀；村、乡镇的设备默认本机负责的区域）",
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的 Excel 文件")
    p.add_argument("--on", metavar="DATE", help="名册截至日期（默认今天）")
    p.add_argument("--json", action="store_true", help="同时输出各名册人数")
    p.set_defaults(func=cmd_rosters)


def _register_claims(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    claim = sub.add_parser("claim", help="补贴申领").add_subparsers(dest="claim_cmd", required=True)
    p = claim.add_parser(
        "create", help="从符合条件的结果新建申领（草稿；最后一行单独输出申领的 id，供脚本读取）"
    )
    p.add_argument(
        "--person", required=True, metavar="ID_NUMBER", help="申领人的身份证号（- 从标准输入读）"
    )
    p.add_argument("--rule", required=True, metavar="RULE_ID", help="补贴规则（policy list 列出）")
    p.add_argument("--on", metavar="DATE", help="申领日期（默认今天）")
    p.add_argument("--evidence", action="append", default=[], metavar="ITEM", help="已收材料")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_claim_create)

    p = claim.add_parser("advance", help="推进申领状态（驳回、撤销须填原因）")
    p.add_argument("claim_id", nargs="+", help=f"{CLAIM_NAMED}；可写多个，逐条变为同一状态")
    p.add_argument(
        "--to", required=True, metavar="STATE",
        help="下一步：已提交、村审核、乡镇审核、县审批、已发放，或 驳回、已撤销（须写 --reason）",
    )  # fmt: skip
    p.add_argument("--reason", default="", help="驳回或撤销的原因")
    p.set_defaults(func=cmd_claim_advance)

    p = claim.add_parser("delete", help="删除申领草稿（已提交的只能驳回或撤销）")
    p.add_argument("claim_id", help=CLAIM_NAMED)
    p.set_defaults(func=cmd_claim_delete)

    p = claim.add_parser("evidence", help="登记已收（或退回）的材料")
    p.add_argument("claim_id", help=CLAIM_NAMED)
    p.add_argument("items", nargs="*", metavar="ITEM", help="收到的材料名称（claim show 列出）")
    p.add_argument("--all", action="store_true", help="全部材料已收")
    p.add_argument("--undo", action="store_true", help="标记为未收")
    p.add_argument("--missing-reason", metavar="TEXT", help="缺件原因")
    p.set_defaults(func=cmd_claim_evidence)

    p = claim.add_parser("list", help="列出申领")
    p.add_argument("--rule", metavar="RULE_ID", help="只列此规则的申领")
    p.add_argument("--state", metavar="STATE", help="只列此状态的申领，如 已提交")
    p.add_argument("--area", metavar="CODE", help="只列此地区的申领（代码前缀）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_claim_list)

    p = claim.add_parser("show", help="显示一条申领及其全部步骤")
    p.add_argument("claim_id", help=CLAIM_NAMED)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_claim_show)

    p = claim.add_parser("check", help="检查全部申领是否有超出限额的重复申领")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_claim_check)


def _register_batches(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = sub.add_parser("batch", help="申领批次").add_subparsers(dest="batch_cmd", required=True)
    p = batch.add_parser(
        "create", help="把一条规则的申领编成批次（最后一行单独输出批次的 id，供脚本读取）"
    )
    p.add_argument("--rule", required=True, metavar="RULE_ID", help="补贴规则")
    p.add_argument(
        "--state",
        metavar="STATE",
        help="只编入此状态的申领（默认：已提交以后的全部；乡镇设备为乡镇审核以后的）",
    )
    p.add_argument(
        "--area",
        metavar="CODE",
        help="只编入此地区的申领（代码前缀；村、乡镇的设备默认本机负责的区域）",
    )
    p.add_argument("--funding", metavar="SOURCE", help="只编入此资金来源")
    p.add_argument("--title", default="", help="批次名称（默认：规则名和人数）")
    p.set_defaults(func=cmd_batch_create)
    p = batch.add_parser("list", help="列出批次")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_batch_list)
    p = batch.add_parser("show", help="显示批次及其申领")
    p.add_argument("batch_id", help=BATCH_NAMED)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_batch_show)


# -- helpers ------------------------------------------------------------------------------------


def _policy(args: argparse.Namespace, existing: str = "") -> Policy:
    """The policy in force on the ledger of --db; what was refused is said on stderr.
    `existing`: the command as typed, when it opens the ledger first (`open_ledger`)."""
    state = load_policy(open_ledger(args, existing=existing))
    for warning in state.warnings:
        warn(f"警告：{warning}")
    return state.policy


def _on(args: argparse.Namespace) -> dt.date:
    value = getattr(args, "on", None)
    if not value:
        return today()  # China's day, as the write door counts it (a UTC clock is behind)
    try:
        day = parse_date(value)
    except ValueError as error:
        raise FieldappError(str(error)) from None
    return day or today()


def _money(value: float | None) -> str:
    return money_text(value)


# -- eligibility ----------------------------------------------------------------------------------


def cmd_eligible(args: argparse.Namespace) -> int:
    """Print every rule's result for one person, or the whole ledger."""
    policy, on = _policy(args, "eligible"), _on(args)
    ledger = open_ledger(args, existing="eligible")
    service = EligibilityService(ledger, policy)
    if args.person:
        results = service.for_person(args.person, on)
    else:
        results = service.for_all(
            on,
            area_prefix=area_or_own(ledger, args.area),
            include_not_eligible=args.all,
            explained=True,
        )
    if args.rule:
        results = [r for r in results if r.rule_id == args.rule]
    places = partial(
        say_place, table=divisions(), listed=listed_places(ledger)
    )  # a township's list spans its villages: say where
    if args.json:
        print_json(
            [
                {**r.as_dict(), "area_code": r.area_code, "place": places(r.area_code)}
                for r in results
            ]
        )
        return 0
    if not args.person:  # the people of a rule just ended are gone from the list: say why
        for notice in ended_notices(policy, on):
            print(f"注意：{notice}")
    if not results:
        print("没有结果")
    for r in results:
        line = f"{r.name}\t{r.id_number}\t{r.rule_id}\t{STATUS_LABELS[r.status]}"
        money = (
            f"\t{_money(r.amount)}\t{r.funding_source}"
            if r.status is not Status.NOT_ELIGIBLE
            else ""
        )
        where = "" if args.person else f"\t{places(r.area_code)}"
        print(f"{line}{money}\t{r.rule_title}（{r.clause}）{where}")
        if args.person:
            for reason in r.reasons:
                print(f"    {reason}")
        else:
            print(f"    {r.summary}")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """Print the due list, most urgent first."""
    from fieldapp.policy.due import calendar_notices
    from fieldapp.services.policy_views import due_list

    ledger = open_ledger(args, existing="due")
    policy, on = _policy(args), _on(args)
    items = due_list(ledger, policy, on, area_or_own(ledger, args.area))
    places = partial(
        say_place, table=divisions(), listed=listed_places(ledger)
    )  # a township's list spans its villages: say where
    if args.json:
        print_json([{**i.as_dict(), "place": places(i.area_code)} for i in items])
        return 0
    # Deadlines across a year whose holiday schedule is missing are estimates: say so first,
    # of the years the 待办 page says (the weeks around the day as well as the items').
    for notice in calendar_notices(policy, on, items):
        print(f"注意：{notice}")
    if not items:
        print("没有待办服务")
    for i in items:
        extra = f"\t{i.progress}" if i.progress else ""
        print(
            f"{i.urgency}\t{i.due_date}\t{i.name}\t{i.id_number}\t{i.kind}\t{i.title}{extra}"
            f"（{i.clause}）\t{places(i.area_code)}"
        )
    return 0


def cmd_duties(args: argparse.Namespace) -> int:
    """Print household duty flags."""
    from fieldapp.services.policy_views import duties

    ledger = open_ledger(args, existing="duties")
    flags = duties(ledger, _policy(args), _on(args), area_or_own(ledger, args.area))
    places = partial(
        say_place, table=divisions(), listed=listed_places(ledger)
    )  # the code's column stays for scripts; the name ends it
    if args.json:
        print_json([{**f.as_dict(), "place": places(f.area_code)} for f in flags])
        return 0
    if not flags:
        print("没有需要处理的家庭")
    for f in flags:
        print(
            f"{f.kind}\t户号 {f.household_no or '—'}\t{f.area_code}\t{f.text}（{f.clause}）"
            f"\t{places(f.area_code)}"
        )
    return 0


# -- claims ---------------------------------------------------------------------------------------


def _claim_dict(claim: object) -> dict[str, object]:
    assert isinstance(claim, Claim)
    data = claim.model_dump(mode="json")
    data["missing_evidence"] = claim.missing_evidence()
    # claim_date is the day it was judged on (a month's subsidy: the month's last day); the
    # day it was made, and the month (year) it pays, are said beside it.
    made = claim.made_on()
    data["made_on"] = made.isoformat() if made else None
    data["paid_for"] = claim.paid_for()
    data["number"] = claim.number  # 申请编号, as its 申请表 prints it
    return data


def cmd_claim_create(args: argparse.Namespace) -> int:
    """Create a draft claim; a repeat exits non-zero naming the first claim."""
    ledger = open_ledger(args, existing="claim create")
    service = ClaimService(ledger, _policy(args))
    try:
        claim = service.create(
            args.person, args.rule, on=_on(args), evidence_collected=args.evidence
        )
    except LimitExceeded as error:
        first = error.first  # one with no 申请编号 is said with whose it is: named once
        whose = f"（{first.person_name}）" if first.number and first.person_name else ""
        warn(f"首次申领：{said(first)}{whose}")
        return fail(str(error), 3)
    if args.json:
        print_json(_claim_dict(claim))
        return 0
    print(
        f"已新建申领（草稿）：申请编号 {_said(claim)}，{claim.person_name} {claim.rule_title} "
        f"{_money(claim.amount)}"
    )
    print(
        f"资金来源：{claim.funding_source}；待收材料：{'、'.join(claim.missing_evidence()) or '无'}"
    )
    print(claim.id)  # alone on the last line: scripts read it
    return 0


def cmd_claim_advance(args: argparse.Namespace) -> int:
    """Move one claim, or several in turn, to another state; a refusal stops the run."""
    service = ClaimService(open_ledger(args, existing="claim advance"), _policy(args))
    target = parse_state(args.to)
    for done, claim_id in enumerate(args.claim_id):
        try:
            claim = service.advance(claim_id, target, args.reason)
        except FieldappError as error:
            if len(args.claim_id) == 1:
                raise
            try:
                named = service.queries.get(claim_id)
                whose = f"{named.person_name}的申领（{_said(named)}）"
            except FieldappError:
                whose = f"申领 {claim_id}"
            before = f"；前面 {done} 条已变更" if done else ""
            raise FieldappError(f"{whose}：{error}（未变更{before}）") from error
        print(f"申领 {_said(claim)}（{claim.person_name}）现为“{claim.state}”")
    return 0


def cmd_claim_delete(args: argparse.Namespace) -> int:
    """Delete a draft claim (logged); a claim past its draft is refused."""
    service = ClaimService(open_ledger(args, existing="claim delete"), _policy(args))
    claim = service.delete_draft(args.claim_id)
    print(f"已删除申领草稿 {_said(claim)}（{claim.person_name} {claim.rule_title}），可以重新申领")
    return 0


def cmd_claim_evidence(args: argparse.Namespace) -> int:
    """Tick evidence items or record why some are missing."""
    service = ClaimService(open_ledger(args, existing="claim evidence"), _policy(args))
    claim = service.queries.get(args.claim_id)
    items = list(claim.evidence_items()) if args.all else args.items
    if items:
        claim = service.collect_evidence(claim.id, items, collected=not args.undo)
    if args.missing_reason:
        claim = service.set_missing_reason(claim.id, args.missing_reason)
        # Said back as recorded (trimmed): it lets the claim go on without the papers.
        recorded = claim.missing_evidence_reason
        print(f"已记下缺件原因：{recorded}" if recorded else "已清除缺件原因")
    missing = claim.missing_evidence()
    print(
        f"申领 {_said(claim)}（{claim.person_name}）待收材料："
        f"{'、'.join(missing) if missing else '无（已齐全）'}"
    )
    return 0


def cmd_claim_list(args: argparse.Namespace) -> int:
    """List claims by rule, state and area."""
    ledger = open_ledger(args, existing="claim list")
    service = ClaimService(ledger, _policy(args))
    states = [parse_state(args.state)] if args.state else None
    area = checked_area(ledger, args.area)
    claims = listed_claims(
        ledger, actor_of(ledger), rule_id=args.rule, states=states, area_prefix=area
    )  # over every area: the device's own (not a person offered in from another village)
    if args.json:
        print_json([_claim_dict(c) for c in claims])
        return 0
    if not claims:
        print("没有申领")
    titles = _batch_titles(service)
    places = partial(
        say_place, table=divisions(), listed=listed_places(ledger)
    )  # a township's list spans its villages: say where
    for c in claims:
        print(
            f"{_said(c)}\t{c.state}\t{c.person_name}\t{c.id_number}\t"
            f"{c.rule_title or _subsidy(service, c.rule_id)}\t"
            f"{_money(c.amount)}\t{c.funding_source}\t{c.payee_name}\t"
            f"{titles.get(c.batch_id, '') if c.batch_id else ''}\t"
            f"{_made_on(c)}\t{c.paid_for()}\t{places(c.area_code)}"  # the place ends each line
        )
    return 0


def _said(row: Numbered) -> str:
    """How a person names a claim or batch: its 申请编号/批次编号, as its papers print it (the
    id only for a row the ledger holds no creating change of, which has no number)."""
    return row.number or row.id


def _made_on(claim: Claim) -> str:
    """The day a claim was made (申请日期), not the day it was judged on."""
    made = claim.made_on()
    return made.isoformat() if made else ""


def _subsidy(service: ClaimService, rule_id: str, claims: Sequence[Claim] = ()) -> str:
    """The subsidy a rule id names, as a clerk knows it: the pack's title, else the title its
    claims were made under (a pack since changed); the id itself only when neither says."""
    titles = [r.title for r in service.policy.rules if r.id == rule_id and r.title]
    titles += [c.rule_title for c in claims if c.rule_title]
    return titles[0] if titles else rule_id


def _batch_titles(service: ClaimService) -> dict[str, str]:
    """Batch id → the name a clerk knows it by."""
    return {b.id: b.name() or b.number for b in service.queries.batches()}


def cmd_claim_show(args: argparse.Namespace) -> int:
    """Show one claim with its trail."""
    service = ClaimService(open_ledger(args, existing="claim show"), _policy(args))
    claim = service.queries.get(args.claim_id)
    events = service.queries.events(claim.id)
    if args.json:
        data = _claim_dict(claim)
        data["events"] = [e.model_dump(mode="json") for e in events]
        print_json(data)
        return 0
    print(f"申领 {_said(claim)}：{claim.person_name} {claim.id_number}")  # 申请编号, as papers
    print(
        f"{claim.rule_title}（{official(claim.source_clause)}） {_money(claim.amount)} "
        f"{claim.funding_source}"
    )
    print(f"收款：{claim.payee} {claim.payee_name}；状态：{claim.state}")
    period = f"；发放月份：{claim.paid_for()}" if claim.paid_for() else ""
    made = claim.made_on()  # as its 申请表 writes it (claim list and --json keep it ISO)
    print(f"申请日期：{written(made) if made else '未知'}{period}")
    if claim.batch_id:
        print(f"批次：{_batch_titles(service).get(claim.batch_id, '（本机尚未收到，请先同步）')}")
    for item, done in claim.evidence_items().items():
        print(f"  {'☑' if done else '☐'} {item}")
    if claim.missing_evidence_reason:
        print(f"缺件原因：{claim.missing_evidence_reason}")
    for e in events:
        step = f"{e.from_state or '—'} → {e.to_state}" if e.from_state != e.to_state else e.detail
        why = f"（{e.reason}）" if e.reason else ""
        # The author is 姓名@设备名称 on an enrolled device (the device's id is for machines).
        when = china_minute(e.created_at)  # China time to the minute, whatever this clock keeps
        print(f"  {when}  {e.created_by or '未知'}  {step}{why}")
    return 0


def cmd_claim_check(args: argparse.Namespace) -> int:
    """Run the one-time guard over every claim in the ledger."""
    service = ClaimService(open_ledger(args, existing="claim check"), _policy(args))
    violations = find_limit_violations(service.queries.all(), service.policy)
    if args.json:
        print_json(
            [
                {
                    "limit_key": v.limit_key,
                    "first": v.first.id,
                    "repeat": v.repeat.id,
                    "message": v.message,
                }
                for v in violations
            ]
        )
    else:
        for v in violations:
            print(v.message)
        if not violations:
            print("没有超出限额的重复申领")
    return 1 if violations else 0


# -- batches --------------------------------------------------------------------------------------


def cmd_batch_create(args: argparse.Namespace) -> int:
    """Create a batch; the id is printed alone on the last line."""
    ledger = open_ledger(args, existing="batch create")
    service = ClaimService(ledger, _policy(args))
    state = parse_state(args.state) if args.state else None
    area = checked_area(ledger, args.area)
    batch, claims = service.create_batch(
        args.rule, state=state, area_prefix=area, funding_source=args.funding, title=args.title
    )
    total = sum(c.amount for c in claims)
    counted = persons_and_claims(claims)
    print(
        f"已编批次：{batch.name()}（批次编号 {_said(batch)}），{counted}，合计 {_money(total)}；"
        f"{batch.notes}"
    )
    print(batch.id)  # alone on the last line: scripts read it
    return 0


def cmd_batch_list(args: argparse.Namespace) -> int:
    """List batches: persons and claims counted as their 发放花名册 counts them (3 人 6 笔):
    the claims the county approved or paid (`ROSTER_STATES`). Those rejected or reversed after
    batching ("dropped" in --json), and those not yet approved ("waiting"), are left off it,
    so not counted here either, only said."""
    service = ClaimService(open_ledger(args, existing="batch list"), _policy(args))
    rows, counted, names = [], [], []
    for b in service.queries.batches():
        every = service.queries.batch_claims(b.id)
        roster = on_roster(every)
        rows.append(
            b.model_dump(mode="json")
            | {
                "number": b.number,  # 批次编号, as its 花名册 and 公示表 print it
                "claims": len(roster.listed),
                "persons": roster.persons,
                "total": roster.total,
                "dropped": len(roster.dropped),
                "waiting": len(roster.waiting),
                "rule_title": _subsidy(service, b.rule_id, every),  # what `rule_id` names
            }
        )
        counted.append(persons_and_claims(roster.listed))
        names.append(b.name())  # not the count it was titled with when made: gone stale
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("没有批次")
    for r, n, name in zip(rows, counted, names, strict=True):
        left = f"（已驳回或撤销 {r['dropped']} 条，不列入花名册）" if r["dropped"] else ""
        if r["waiting"]:
            left += f"（尚未经县审批 {r['waiting']} 条，不列入花名册）"
        print(
            f"{r['number'] or r['id']}\t{r['rule_title']}\t{r['area_code'] or '全部'}\t{n}\t{_money(r['total'])}\t{name}{left}"
        )
    return 0


def cmd_batch_show(args: argparse.Namespace) -> int:
    """Show one batch and its claims."""
    service = ClaimService(open_ledger(args, existing="batch show"), _policy(args))
    batch = service.queries.batch(args.batch_id)
    claims = service.queries.batch_claims(batch.id)
    if args.json:
        print_json(
            batch.model_dump(mode="json")
            | {"number": batch.number, "claims": [_claim_dict(c) for c in claims]}
        )
        return 0
    print(f"批次 {_said(batch)}：{batch.name()}（{batch.notes}）")  # 批次编号, as its papers
    for n, c in enumerate(claims, start=1):
        print(
            f"{n}\t{c.person_name}\t{c.id_number}\t{_money(c.amount)}\t{c.funding_source}\t{c.state}"
        )
    return 0


# -- packs ----------------------------------------------------------------------------------------


def _rule_dict(rule: object) -> dict[str, object]:
    from fieldapp.policy.pack import Rule

    assert isinstance(rule, Rule)
    return {
        "id": rule.id,
        "title": rule.title,
        "clause": rule.citation,
        "also_clauses": rule.also_clauses,
        "enabled": rule.enabled,
        "valid_from": rule.valid_from.isoformat(),
        "valid_to": rule.valid_to.isoformat() if rule.valid_to else None,
        "ended": _ended(rule),
        "payee": str(rule.payee_kind),
        "amount": rule.amount_text(),
        "amount_kind": AMOUNT_LABELS[rule.amount.kind],
        "amount_value": rule.amount.figure(1),
        "amount_set": rule.amount.is_set,
        "funding_source": rule.funding_source,
        "funding_by_category": [
            {"categories": [str(c) for c in f.categories], "source": f.source}
            for f in rule.funding_by_category
        ],
        "limit": rule.limit.describe(),
        "limit_kind": rule.limit.kind.value,
        "evidence": rule.evidence,
    }


def _ended(rule: object) -> bool:
    """True when the rule's period ended before today (the county may extend it)."""
    from fieldapp.policy.pack import Rule

    assert isinstance(rule, Rule)
    return rule.valid_to is not None and rule.valid_to < china_today()


SOURCE_LABELS = {"hub": "县级汇总中心下发", "builtin": "内置", "local": "本机安装"}


def cmd_policy_list(args: argparse.Namespace) -> int:
    """List the rules in force, the documents they cite and what the county has still to set."""
    policy = _policy(args, "policy list")
    if args.json:
        print_json(
            {
                "pack": policy.pack.as_dict(),
                "version": policy.version,
                "files": policy.files,
                "documents": [d.model_dump(mode="json") for d in policy.documents],
                "unset": policy.unset_figures(),
                "rules": [_rule_dict(r) for r in policy.rules],
            }
        )
        return 0
    pack = policy.pack
    issued = " ".join(x for x in (pack.authority, pack.document) if x)
    print(
        f"现行政策包：{pack.title}（{rules_version(policy.version)}，"
        f"{SOURCE_LABELS.get(pack.source, pack.source)}{'，' + issued if issued else ''}）"
    )
    for r in policy.rules:
        flag = "" if r.enabled else "［未启用］"
        period = r.period_text() + ("（已到期）" if _ended(r) else "")
        print(
            f"{r.id}\t{r.title}{flag}\t{r.citation}\t{period}\t{r.amount_text()}"
            f"\t{r.limit.describe()}"
        )
    for text in policy.unset_figures():
        print(f"待县里核定：{text}")
    return 0


def cmd_policy_check(args: argparse.Namespace) -> int:
    """Validate a pack file without installing it."""
    from fieldapp.policy.registry import NamedPack, PolicyRegistry
    from fieldapp.services.policy_admin import hub_choice

    registry = PolicyRegistry()
    missing = no_ledger(args)  # checking a file needs no ledger: none is made for it
    try:
        hub: list[NamedPack] = []
        if missing is None:
            choice, _ = hub_choice(open_ledger(args), registry.base_files())
            hub = [(choice.name, choice.read())] if choice is not None else []
        policy = registry.check(Path(args.file), hub)
    except PackError as error:
        return fail(str(error) + hinted(error), 2)
    if missing is not None:
        print(
            f"注意：没有找到台账 {missing}，没有县里下发的政策包可对照，只与程序内置的"
            "和本机安装的政策包一起检查（要用的台账不在默认位置时，用 --db 指明）"
        )
    print(
        f"政策包可用：{Path(args.file).name}，合并后共 {len(policy.rules)} 条规则"
        f"（{rules_version(policy.version)}）"
    )
    for text in policy.unset_figures():
        print(f"待县里核定：{text}")
    return 0


def cmd_policy_install(args: argparse.Namespace) -> int:
    """Check and install a pack on this machine; refused on coordinator and township devices,
    and a broken pack leaves the policy in force unchanged."""
    try:  # the pack goes in for the ledger in use: none at the path is refused, none made
        policy = install_local(open_ledger(args, existing="policy install"), Path(args.file))
    except PolicyRefused as refused:
        return fail(str(refused), 2)
    except PackError as error:
        return fail(f"{error}；现行政策包未改变{hinted(error)}", 2)
    print(f"已启用：{Path(args.file).name}（{rules_version(policy.version)}）")
    from fieldapp.policy.registry import local_dir

    # Installed for this computer (`PolicyRegistry.local`), not into the ledger of --db.
    print(f"政策包放在本机的 {local_dir()}：本机打开的台账（村/安置点和乡镇设备的除外）都按它执行")
    for line in claims_at_another_figure(open_ledger(args), policy):
        print(f"注意：{line}")
    return 0


# -- reports --------------------------------------------------------------------------------------


def cmd_report_monthly(args: argparse.Namespace) -> int:
    """Write the monthly report workbook (and print its figures as JSON with --json)."""
    from fieldapp.services.report import monthly_report
    from fieldapp.tabular.report_monthly import write_monthly_report

    month = Month.parse(args.month)  # 2026-11, 2026-1, 2026年11月 or 202611
    ledger = open_ledger(args, existing="report monthly")
    area = area_or_own(ledger, args.area)
    report = monthly_report(ledger, _policy(args), month, area_prefix=area)
    write_monthly_report(report, Path(args.out))
    record_export(ledger, f"月报 {month}", args.out, 0, len(report.areas), args.area)
    if args.json:
        print_json(report.as_dict())
    else:
        print(f"已生成月报 {args.out}：{len(report.areas)} 个村/安置点")
    return 0


def cmd_rosters(args: argparse.Namespace) -> int:
    """Write the five rosters of an area."""
    from fieldapp.services.report import five_rosters
    from fieldapp.tabular.five_rosters import write_five_rosters

    ledger = open_ledger(args, existing="rosters")
    area = batch_area(actor_of(ledger), checked_area(ledger, args.area))
    if not area:  # the county's device or a ledger never enrolled: which area's rosters?
        return fail("请用 --area 写明村/安置点或乡镇的代码（如 --area 520502101001）")
    args.area = area
    rosters = five_rosters(ledger, area, _on(args))
    write_five_rosters(rosters, Path(args.out))
    counts = {name: rosters.persons(name) for name in rosters.sheets}  # 人数, as --json says
    entries = {name: len(rows) for name, rows in rosters.sheets.items()}
    record_export(
        ledger,
        "一库五册",
        args.out,
        max(counts.values(), default=0),
        sum(entries.values()),
        args.area,
    )
    if args.json:
        print_json({"area": args.area, "out": args.out, "counts": counts, "entries": entries})
    else:
        print(
            f"已生成一库五册 {args.out}："
            + "，".join(
                f"{k} {v} 人" + (f" {entries[k]} 条" if entries[k] != v else "")
                for k, v in counts.items()
            )
        )
        print(PERSONAL_DATA_NOTE)
    return 0
