"""The county's policy year on the command line: the working-day calendar, and the hub's packs.

```
fieldapp [--db PATH] calendar --year YYYY [--json]
fieldapp hub policy publish --dir HUBDIR FILE
fieldapp hub policy list --dir HUBDIR [--json]
```
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.common import fail, open_ledger, print_json
from fieldapp.domain.errors import FieldappError


def register_calendar(sub: argparse._SubParsersAction) -> None:
    """Add `calendar`."""
    p = sub.add_parser(
        "calendar", help="某一年的放假和调休上班日，以及出处（无安排时按法定节假日估算）"
    )
    p.add_argument("--year", type=int, required=True, metavar="YYYY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_calendar)


def register_hub_policy(hub: argparse._SubParsersAction) -> None:
    """Add `hub policy publish|list` to the hub's commands."""
    policy = hub.add_parser("policy", help="县级政策包：检查、签发并随数据包下发到各设备")
    cmds = policy.add_subparsers(dest="hub_policy_cmd", required=True)
    p = cmds.add_parser(
        "publish", help="检查并签发一个县级政策包，随下一次数据包下发（输出版本号）"
    )
    p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_hub_policy_publish)
    p = cmds.add_parser("list", help="列出已签发的县级政策包")
    p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_hub_policy_list)


# -- calendar --------------------------------------------------------------------------------


def cmd_calendar(args: argparse.Namespace) -> int:
    """Print a year's days off and make-up workdays in force, and where they came from."""
    from fieldapp.policy.workdays import WorkCalendar
    from fieldapp.services.policy_admin import policy_in_force

    if not 1950 <= args.year <= 2200:
        return fail(f"年份 {args.year} 超出范围（1950—2200）", 2)
    calendar = WorkCalendar(policy_in_force(open_ledger(args)).calendar)
    info = calendar.year_info(args.year)
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


def _hub(args: argparse.Namespace):  # noqa: ANN202 - Hub, imported lazily
    from fieldapp.hub.folder import Hub

    return Hub.open(args.dir)


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
        return fail(f"{path.name} 不是 UTF-8 编码的文本文件", 2)
    hub = _hub(args)
    try:
        record = publish(hub.ledger, text, path.name)
    except (PackError, PolicyRefused) as error:
        return fail(f"{error}；未签发，各设备的政策包不变", 2)
    finally:
        hub.close()
    print(
        f"已签发县级政策包 {record.pack_id}（第 {record.seq} 号），"
        "将随下一次发给各设备的数据包下发；版本："
    )
    print(record.version)
    return 0


def cmd_hub_policy_list(args: argparse.Namespace) -> int:
    """List the packs the hub has published, newest first, and which is in force."""
    from fieldapp.services.policy_admin import hub_sign_key, load_policy, published

    hub = _hub(args)
    try:
        key = hub_sign_key(hub.ledger)
        state = load_policy(hub.ledger)
        in_force = state.hub_pack
        rows = []
        for record in published(hub.ledger):
            try:
                header = record.read().pack
                title, document = (
                    header.title,
                    " ".join(x for x in (header.authority, header.document) if x),
                )
            except FieldappError as error:
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
    for r in rows:
        mark = "［现行］" if r["in_force"] else ""
        sig = "" if r["signature_ok"] else "［签名不符］"
        print(
            f"第{r['seq']}号\t{r['id']}\t{r['version']}\t{r['published_at']}\t"
            f"{r['title']}\t{r['document']}{mark}{sig}"
        )
    return 0
