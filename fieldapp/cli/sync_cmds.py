"""Sync commands: hub folder, enrolment, bundle export/import/push, conflicts, violations."""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.cli.common import (
    JSON_HELP,
    credentials,
    escaped,
    fail,
    given_user,
    hinted,
    open_ledger,
    print_json,
    typed_twice,
    warn,
)
from fieldapp.domain.conflict_numbers import short_number, short_numbers, typed
from fieldapp.domain.dates import china_minute
from fieldapp.domain.roles import COMPUTER_ACCOUNT as ROLES_COMPUTER_ACCOUNT
from fieldapp.sync.errors import (
    DATABASE_LOST_AT_COMMIT,
    UNSURE_RECORDED,
    AlreadyImported,
    BundleRefused,
    SyncError,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from fieldapp.hub.folder import Hub
    from fieldapp.services.sheet_conflicts import SheetConflict, SheetSide
    from fieldapp.store.ledger import Ledger
    from fieldapp.sync.conflicts import Conflict, ConflictValue
    from fieldapp.sync.exchange import ImportResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `hub …`, `enrol`, `sync …` and `conflicts …`."""
    _register_hub(sub)
    p = sub.add_parser("enrol", help="用县里发的登记文件登记本台账（本机已有数据会保留并上传）")
    p.add_argument("file", type=Path, help="县里发的登记文件（.enrol）")
    p.add_argument("--fingerprint", help="县里告知的中心指纹，用于核对")
    p.add_argument(
        "--force", action="store_true", help="改为登记到另一个中心，或把本台账改为另一台设备"
    )
    p.set_defaults(func=cmd_enrol)

    sync = sub.add_parser("sync", help="与县级汇总中心交换数据包").add_subparsers(
        dest="sync_cmd", required=True
    )
    p = sync.add_parser("export", help="导出中心尚未确认收到的全部修改")
    p.add_argument(
        "--out", type=Path, required=True, help="数据包文件（如 U 盘上的 本村.fieldsync）"
    )
    p.add_argument("--full", action="store_true", help="导出本机全部修改（中心数据恢复后使用）")
    p.set_defaults(func=cmd_sync_export)
    p = sync.add_parser("import", help="导入中心发来的数据包")
    p.add_argument("file", type=Path, help="中心发来的数据包文件（.fieldsync）")
    p.set_defaults(func=cmd_sync_import)
    p = sync.add_parser("push", help="有网络时：上传数据包并导入中心的回复")
    p.add_argument(
        "url",
        help="中心的地址：经县里的 HTTPS 代理（nginx、Caddy）时如 https://hub.example.gov.cn/，"
        "在内网直连中心电脑时如 http://10.0.0.5:8765/",
    )
    p.set_defaults(func=cmd_sync_push)
    p = sync.add_parser("undo", help="撤销本机一条县里未接受的修改（只改本机，修改记录保留）")
    p.add_argument("change", nargs="+", help="sync status 列出的编号")
    p.set_defaults(func=cmd_sync_undo)
    p = sync.add_parser(
        "restored", help="本台账是从备份恢复的：改用新的台账标识继续同步（无需重新登记）"
    )
    p.set_defaults(func=cmd_sync_restored)
    p = sync.add_parser("status", help="登记信息、最近的导入、被隔离的数据包和县里未接受的修改")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_sync_status)

    conflicts = sub.add_parser(
        "conflicts", help="列出并发修改的冲突（各方的值都保留），和表格更新时留下未决定的冲突"
    )
    conflicts.add_argument("--json", action="store_true", help=JSON_HELP)
    conflicts.set_defaults(func=cmd_conflicts)
    csub = conflicts.add_subparsers(dest="conflicts_cmd")
    p = csub.add_parser("resolve", help="处理一个冲突：保留某个值或给出新值")
    p.add_argument("conflict_id", help="冲突编号（conflicts 列出）")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--keep",
        metavar="值",
        help="保留哪个值：本机、别的设备、现在的值，或改这个值的设备的名称（conflicts 列出的）；"
        "表格带来的冲突写 表格（用表格中的值）或 台账（保留台账原来的值）",
    )
    group.add_argument("--value", metavar="V", help="新的值")
    p.add_argument(
        "--check",
        metavar="核对码",
        help="conflicts 列出时这个冲突旁的核对码：冲突的值在列出之后变了（又来了新的值，"
        "或已在别处解决）就不处理（退出码 1）；不给则按现在的全部值处理",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_conflicts_resolve)
    p = csub.add_parser(
        "resolve-all", help="一并处理全部冲突（或某一字段的）：每处都保留同一方的值"
    )
    p.add_argument(
        "--keep",
        required=True,
        choices=sorted(KEEP_SIDES),
        help="保留哪一方的值：shown（现在显示的值）、here（本机改的值）、other（别的设备改的值）；"
        "没有恰好一个这一方的值的冲突留着不动，另行说明；表格（表格中的值）、台账（台账原来的值）"
        "只处理表格更新时留下的冲突",
    )
    p.add_argument("--field", metavar="字段", help="只处理这一字段的冲突（如 联系电话、phone）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_conflicts_resolve_all)


def _register_hub(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hub = sub.add_parser(
        "hub",
        help="县级汇总中心",
        description="县级汇总中心。有口令的中心，每条 hub 命令都要写明是哪位工作人员"
        "（--user 姓名，或先 export FIELDAPP_USER=姓名）并给出口令（FIELDAPP_PASSWORD、"
        "--password-file 或在终端输入），如 fieldapp --user 张科员 hub devices --dir 县汇总",
    ).add_subparsers(dest="hub_cmd", required=True)

    def add(
        name: str, help_text: str, func: object, description: str | None = None
    ) -> argparse.ArgumentParser:
        p = hub.add_parser(name, help=help_text, description=description)
        p.add_argument("--dir", type=Path, required=True, help="汇总中心文件夹")
        p.set_defaults(func=func)
        return p

    p = add(
        "init",
        "新建汇总中心文件夹和密钥（正式的中心须设口令：fieldapp --user 姓名 hub init --dir …）",
        cmd_hub_init,
        "新建汇总中心文件夹和密钥。正式的中心须设口令：带 --user 姓名（这个人是中心的第一个用户）"
        "运行，口令用 FIELDAPP_PASSWORD、--password-file 或在终端输入两次，如 "
        "fieldapp --user 张科员 hub init --dir 县汇总；不带口令不建。只做培训、演示用的中心加 "
        "--training，可以不设口令；放在 PostgreSQL 的（--store）由数据库的用户和口令保护，不问口令",
    )
    p.add_argument("--name", default="县级汇总中心", help="中心的名称（默认：县级汇总中心）")
    p.add_argument(
        "--training",
        action="store_true",
        help="培训用的汇总中心：只登记演示台账、只接收演示数据（正式中心不接收演示数据）",
    )
    p.add_argument(
        "--store",
        default=None,
        help="中心台账放在 PostgreSQL：postgresql://用户@主机/数据库（默认是文件夹里的 SQLite）",
    )
    p = add("enroll", "登记一台设备，生成登记文件（含设备私钥，须妥善保管）", cmd_hub_enroll)
    p.add_argument("--device", required=True, help="设备名称，如 某某村专员")
    p.add_argument(
        "--area",
        required=True,
        help="设备负责的区域代码：专员为村或安置点（12 位）或组、楼栋，乡镇为 9 位，县级为 6 位",
    )
    p.add_argument(
        "--role",
        choices=["coordinator", "township", "county"],
        default="coordinator",
        help="设备角色：coordinator 村/安置点专员（默认），township 乡镇审核，county 县级审批",
    )
    p.add_argument("--out", type=Path, required=True, help="写出的登记文件（.enrol），交给该设备")
    p.add_argument(
        "--json",
        action="store_true",
        help="以 JSON 输出登记结果（含登记码），供登记多台设备的脚本读取",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="换掉已同步过的同名设备（电脑坏了或换新）：原来那台的登记作废",
    )
    p = add("revoke", "注销丢失的设备，此后拒收其数据包", cmd_hub_revoke)
    p.add_argument("--device", required=True, help="设备名称（hub devices 列出）")
    p = add("devices", "列出已登记的设备（各由谁登记、谁注销）", cmd_hub_devices)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.add_argument(
        "--history",
        metavar="设备名称",
        help="列出一台设备的登记记录：每次登记、重新登记、改角色或区域、注销，经办人和时间",
    )
    p.add_argument(
        "--behind",
        action="store_true",
        help="只列要去升级的设备：程序比中心旧（或没有报告版本），或现行政策包没有启用",
    )
    p = add(
        "users",
        "列出各设备上停用的用户（中心扣下他们此后的修改）；县里停用或重新启用某台设备上的用户",
        cmd_hub_users,
        "设备上停用用户后，下次同步时告诉中心：此后以此人名义从这台设备（包括停用前拷走、在别处恢复的"
        "台账）发来的修改，中心一律扣下。设备上重新启用不会让中心也重新启用：县里核实后用 "
        "--enable 设备名称 姓名 重新启用。笔记本丢了、来不及在设备上停用的，县里用 --disable 设备名称 "
        "姓名 直接在中心停用",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--history",
        action="store_true",
        help="列出县里在中心停用、重新启用用户的每一次决定（何时、哪台设备、谁、经办人），从早到晚",
    )
    which.add_argument(
        "--disable", nargs=2, metavar=("设备名称", "姓名"), help="在中心停用这台设备上的这个用户"
    )
    which.add_argument(
        "--enable",
        nargs=2,
        metavar=("设备名称", "姓名"),
        help="在中心重新启用（核实设备上确已重新启用、不是停用前拷走的台账发来的之后）",
    )
    p = add("clock", "核对中心电脑的时钟（日期不对时中心不把时间告诉各设备）", cmd_hub_clock)
    p.add_argument(
        "--confirm",
        action="store_true",
        help="中心电脑的日期和时间已核对无误：以现在的时间为准（不再按中心上次记下的时间怀疑它）",
    )
    p = add("import", "导入设备数据包（不给文件时导入 inbox 文件夹中的全部）", cmd_hub_import)
    p.add_argument("files", nargs="*", type=Path, help="设备的数据包文件（.fieldsync）")
    p = add("export", "为一台设备导出它需要的数据包", cmd_hub_export)
    p.add_argument("--device", required=True, help="设备名称（hub devices 列出）")
    p.add_argument(
        "--out",
        type=Path,
        help="写出的数据包文件（.fieldsync；不写则放在中心文件夹的 outbox/设备名称.fieldsync）",
    )
    p = add("serve", "HTTP 服务：设备上传数据包并取回回复", cmd_hub_serve)
    p.set_defaults(logs_itself=True)  # to its terminal or service log (`hub.server.serve`)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="监听地址（默认只在本机；对外请经 nginx/Caddy 的 HTTPS 转发）",
    )
    p.add_argument("--port", type=int, default=8765, help="端口（默认 8765）")
    p.add_argument(
        "--max-upload-mb",
        type=int,
        default=None,
        help="单次上传上限（MB），默认按最大的安置点首次上传估算",
    )
    p = add(
        "quarantine",
        "隔离区：各设备被拒收的数据包占用多少；每台设备最多保留多少（超过后只记录原因，不存文件）",
        cmd_hub_quarantine,
    )
    p.add_argument("--limit-mb", type=int, metavar="MB", help="设定每台设备的上限（MB）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = add("rejected", "县里未接受的修改：列出，接受为县里的修改，或不予采纳", cmd_hub_rejected)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    decide = p.add_mutually_exclusive_group()
    decide.add_argument("--accept", nargs="+", type=_held_ids, metavar="ID",
                        help="接受（作为县里的修改写入）；可写几个编号或范围，如 3 5 7-40")  # fmt: skip
    decide.add_argument("--dismiss", nargs="+", type=_held_ids, metavar="ID",
                        help="不予采纳（须写 --reason）；可写几个编号或范围")  # fmt: skip
    decide.add_argument("--rejudge", action="store_true",
                        help="中心电脑的时钟改对后：因“时间比中心快一天以上”“申领日期还没有到”扣下的修改"
                        "按同样的规定重新核对，现在通过的接受为县里的修改，其余照旧扣下")  # fmt: skip
    p.add_argument("--reason", default="", help="处理意见，设备上会看到")
    p = add(
        "violations",
        "合并后的问题：重复身份证号、一次性补贴重复申领、修改时间写法异常",
        cmd_hub_violations,
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    from fieldapp.cli.user_cmds import register_hub

    register_hub(add)

    from fieldapp.cli.county_cmds import register_hub_policy

    register_hub_policy(hub)


def _open_hub(args: argparse.Namespace) -> Hub:
    from fieldapp.cli.common import opened
    from fieldapp.hub.folder import Hub, hub_state

    creds = credentials(args, required=hub_state(args.dir) == "encrypted")
    hub = Hub.open(args.dir, creds)
    hub.ledger.author = _acting(hub)
    opened(hub.ledger)
    return hub


#: How a hub without users names who did what at it: the computer's login account.
COMPUTER_ACCOUNT = ROLES_COMPUTER_ACCOUNT


def _acting(hub: Hub) -> str:
    """Who acts at the hub, as every record a hub command writes names them (a decision on a
    held change, a county pack signed, a device's password reset, the rows each writes): its
    logged-in user (a hub with users: one with a password, where the command cannot run
    without `--user`). A hub with none — a training hub without a password, one kept in
    PostgreSQL — has no person to name: the computer's account the command ran as, said as
    such (电脑账户 root). The bare account (root 于 2026-12-05 09:30：…; 县级汇总中心 root 重置了
    …) read as a person's name."""
    author = str(hub.ledger.author)
    if hub.ledger.user is not None or author.startswith(COMPUTER_ACCOUNT):
        return author
    return f"{COMPUTER_ACCOUNT}{author}"


# -- hub -----------------------------------------------------------------------------------


def _warn_if_plain(folder: Path, training: bool) -> None:
    """On a hub without a password (hub.db in clear, not a training hub), say on stderr what
    that gives away: the hub's private box key opens the county slot of every enrolled
    device's key file, so whoever copies the folder can open every village's ledger."""
    from fieldapp.hub.folder import hub_state

    if training or hub_state(folder) != "plain":
        return
    print(
        "注意：本汇总中心没有设置口令，hub.db 未加密。拿到这个文件夹（或它的副本、U 盘上的拷贝）的人"
        "不用任何口令就能读出全县的数据，还能取出中心的私钥，用它打开每个已登记设备的台账"
        "（各村笔记本上的加密台账）。请设置口令：带 --user 和口令运行一次 hub 命令即就地加密，"
        f"如 fieldapp --user 张科员 hub devices --dir {folder}（中心密钥和已登记的设备不变）",
        file=sys.stderr,
    )


def _warn_if_password_in_url(store: str | None, folder: Path) -> None:
    """A password written into --store is kept in plain text in store.url: say so."""
    from fieldapp.store.postgres import has_password

    if store and has_password(store):
        print(
            f"提示：数据库地址里写了口令，它以明文存放在 {Path(folder) / 'store.url'} 里：请改放在"
            "运行中心的账户的 ~/.pgpass 里，再从 store.url 的地址中删去口令",
            file=sys.stderr,
        )


#: `hub init` without a password, for real work: refused, as `enrol` refuses a plain ledger —
#: hub.db would keep the hub's private keys (which open every enrolled laptop's ledger) and the
#: whole county's data in clear. A training hub (demo data only) may stay plain; an existing
#: plain hub still opens, with `_warn_if_plain`'s warning (hub devices, hub serve).
_PLAIN_HUB_REFUSED = (
    "没有设置口令，不能建立正式的汇总中心：中心的台账 hub.db 存着全县的数据和中心的私钥，"
    "不加密的话，拿到这个文件夹（或它的副本、U 盘上的拷贝）的人不用口令就能读出全县的数据，"
    "还能用中心的私钥打开各村笔记本上的台账。请带用户名和口令再运行一次（--user 姓名，"
    "口令用 FIELDAPP_PASSWORD、--password-file 或在终端输入两次），"
    "如 fieldapp --user 张科员 hub init --dir {folder}。"
    "只做培训、演示用的中心可以不设口令，加 --training。没有建立汇总中心"
)


def cmd_hub_init(args: argparse.Namespace) -> int:
    """Create a hub folder."""
    from fieldapp.hub.folder import Hub

    if args.store is not None:
        # A ledger in PostgreSQL is guarded by the database's own users and passwords: no
        # password is asked for, and a --user given for one is said to be unused.
        creds = None
        if given_user(args) is not None:
            print(
                "提示：中心台账放在 PostgreSQL，由数据库的用户和口令保护（运行中心的账户的 "
                "~/.pgpass）；--user 和口令不用于这个中心，也不会建立中心的用户",
                file=sys.stderr,
            )
    else:
        creds = credentials(args, required=False, new=True)
        if creds is None and not args.training:
            return fail(_PLAIN_HUB_REFUSED.format(folder=args.dir))
        if creds is not None:
            from fieldapp.services.ledgers import first_password

            typed_twice(args, creds, "没有建立汇总中心")
            first_password(creds.password, "没有建立汇总中心")
    hub = Hub.init(args.dir, args.name, store=args.store, credentials=creds, training=args.training)
    _warn_if_password_in_url(args.store, args.dir)
    print(f"已建立{'培训用' if hub.training else ''}汇总中心：{args.dir}")
    if hub.training:
        print("培训用的中心只登记演示台账、只接收演示数据；正式工作请另建一个中心")
    print(f"中心指纹：{hub.fingerprint}（登记设备时请让村里核对）")
    return 0


def cmd_hub_enroll(args: argparse.Namespace) -> int:
    """Enrol a device."""
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.domain.roles import Role
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places
    from fieldapp.sync.enrolment import new_code

    hub = _open_hub(args)
    before = hub.state.peer(args.device.strip())
    synced = before is not None and before.role == "device" and before.serial_in > 0
    if synced and before is not None and not before.revoked_at and not args.replace:
        # A name typed twice would void a laptop that has been syncing: asked, not done.
        return fail(
            f"设备「{before.name}」已登记（{china_minute(before.enrolled_at)}）并已同步过，仍在使用。"
            "重新登记会让那台电脑原来的登记作废，它的数据包从此拒收。"
            "给同一个村再登记一台电脑，请另起一个设备名称；"
            "那台电脑坏了或换了新的，确实要换掉它，请加 --replace 再登记一次；"
            "电脑丢了，先 hub revoke 注销它。没有登记任何设备"
        )
    code = new_code()
    by = _acting(hub)
    peer = hub.enroll(args.device, args.area, args.out, Role.parse(args.role), code=code, by=by)
    say_no_users(hub, "登记人", "登记")
    reenrolled = before is not None and before.role == "device"
    words = say_place(peer.area_code, divisions(), listed_places(hub.ledger), PlaceWording.WHOLE)
    if args.json:
        print_json(
            {
                "device": peer.name,
                "role": peer.device_role.value,
                "role_label": peer.device_role.label,
                "area": peer.area_code,
                "area_name": words,
                "file": str(args.out),
                "code": code,
                "fingerprint": hub.fingerprint,
                "reenrolled": reenrolled,
                "enrolled_by": by,  # as the device's events record it (hub devices --history)
            }
        )
        return 0
    print(
        f"已登记设备 {peer.name}（{peer.device_role.label}，区域 {peer.area_code} {words}），"
        f"登记文件：{args.out}"
    )
    print(f"登记码：{code}")
    print(
        "  登记时要输入这串数字。请当面或打电话告诉使用这台设备的人，"
        "不要写在U盘上，也不要和登记文件一起发送：只拿到登记文件的人用不了它。"
    )
    if before is not None and reenrolled:
        state = f"已于 {china_minute(before.revoked_at)} 注销" if before.revoked_at else "仍在使用"
        print(
            f"注意：这是重新登记。{peer.name} 原来的登记（{china_minute(before.enrolled_at)} 登记，{state}）"
            "已作废：原来那台电脑的数据包从此拒收，导入这个新登记文件后才能同步。"
            "如果是要给同一个村再登记一台电脑，请另起一个设备名称"
        )
    print(f"中心指纹：{hub.fingerprint}")
    print("注意：登记文件含该设备的私钥（已用登记码加密）。设备登记后请删除它。")
    return 0


def cmd_hub_revoke(args: argparse.Namespace) -> int:
    """Revoke a device."""
    hub = _open_hub(args)
    before = hub.device(args.device)
    peer = hub.revoke(args.device, by=_acting(hub))
    if before.revoked_at is not None:
        print(f"设备 {peer.name} 已于 {china_minute(peer.revoked_at)} 注销过，没有再改动")
        return 0
    say_no_users(hub, "注销人", "注销")
    print(f"已注销设备 {peer.name}（{china_minute(peer.revoked_at)}），此后其数据包将被拒收")
    return 0


def cmd_hub_users(args: argparse.Namespace) -> int:
    """List the devices' users the hub holds disabled; the county disables or enables one."""
    hub = _open_hub(args)
    try:
        if args.disable or args.enable:
            device, name = args.disable or args.enable
            disabled = bool(args.disable)
            done = hub.set_device_user(device, name, disabled, by=_acting(hub))
            if not done:
                state = "停用" if disabled else "启用"
                print(f"中心已把设备 {device} 上的用户 {name} 记为{state}，没有再改动")
                return 0
            say_no_users(hub, "经办人", "停用或重新启用")
            if disabled:
                print(
                    f"已在中心停用设备 {device} 上的用户 {name}：此后以此人名义从这台设备发来的修改"
                    "一律扣下，不转发给任何设备"
                )
            else:
                print(f"已在中心重新启用设备 {device} 上的用户 {name}：此后此人的修改照常接收")
            return 0
        if args.history:
            decisions = hub.log.user_decisions()
            if args.json:
                print_json(decisions)
                return 0
            for d in decisions:
                what = "停用" if d["disabled"] else "重新启用"
                print(
                    f"{china_minute(d['at'])}\t{d['device']}\t{d['user']}\t{what}\t经办：{d['by']}"
                )
            if not decisions:
                print("县里还没有在中心停用或重新启用过任何用户")
            return 0
        rows = [
            {"device": device, "user": name} | record
            for device, users in hub.device_users().items()
            for name, record in sorted(users.items())
        ]
    finally:
        hub.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        state = "停用" if r.get("disabled") else "已重新启用"
        source = "设备告知" if r.get("source") == "device" else "县里决定"
        line = f"{r['device']}  {r['user']}  {state}（{source}，{r.get('by') or ''}，中心 {china_minute(str(r.get('since')))}）"
        asked = r.get("enable_asked")
        if r.get("disabled") and isinstance(asked, dict):
            line += (
                f"；设备说已于 {china_minute(str(asked.get('at')))} 由 {asked.get('by')} 重新启用，"
                "县里核实后用 --enable 重新启用"
            )
        print(line)
    if not rows:
        print("中心没有记下任何设备上停用的用户")
    return 0


def _disabled_said(device: dict[str, object]) -> str:
    """`hub devices`' word of the device's users the hub holds disabled (`hub users` names
    them): nothing when none."""
    listed = device.get("disabled_users")
    count = len(listed) if isinstance(listed, list) else 0
    asked = device.get("enable_requests")
    if not count:
        return ""
    return f"\t停用用户 {count} 人" + (f"（{asked} 人申请重新启用）" if asked else "")


#: How `hub devices --history` says each event of `hub_device_events`.
EVENT_WORDS = {
    "enrolled": "登记",
    "reenrolled": "重新登记（换新密钥，角色和区域不变）",
    "rescoped": "重新登记（换新密钥，角色或区域改变）",
    "revoked": "注销",
    "restored": "从备份恢复（换了台账标识，之后的数据包以恢复后的为准）",
}


def _device_history(hub: Hub, name: str, *, as_json: bool) -> int:
    """`hub devices --history NAME`: every enrolment, re-enrolment and revocation of one
    device, oldest first, with who did it and when."""
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.reference import divisions
    from fieldapp.store.hub_state import ENROLMENTS
    from fieldapp.store.queries.areas import listed_places

    events = hub.device_events(name)
    listed = listed_places(hub.ledger)
    for event in events:
        event["role_label"] = _role_label(event["role"])
        event["area_name"] = say_place(
            str(event["area"] or ""), divisions(), listed, PlaceWording.SHORT
        )
    if as_json:
        print_json(events)
        return 0
    print(f"设备「{name}」的登记记录，共 {len(events)} 条（北京时间）：")
    before: dict[str, object] | None = None
    for event in events:
        area = event["area_name"] or event["area"]
        words = EVENT_WORDS.get(str(event["event"]), str(event["event"]))
        if event["event"] == "rescoped" and before is not None:
            was = before["area_name"] or before["area"]
            words += f"，原为{before['role_label']}、{was}（{before['area']}）"
        # A restore is the device's doing, not the county's: who on the device its bundle
        # named, escaped as a device's words are.
        by = (
            f"设备上：{escaped(event['by'])}"
            if event["event"] == "restored"
            else f"经办：{event['by']}"
        )
        print(
            f"{china_minute(event['at'])}\t{words}\t{event['role_label']}\t"
            f"{area}（{event['area']}）\t密钥 {event['key_id'] or '未记录'}\t{by}"
        )
        if event["event"] in ENROLMENTS:  # what a re-enrolment's new scope is told against
            before = event
    return 0


def _role_label(role: object) -> str:
    from fieldapp.domain.roles import DEFAULT_ROLE, Role

    try:
        return Role.parse(str(role or ""), DEFAULT_ROLE).label
    except ValueError:
        return str(role)


def cmd_hub_clock(args: argparse.Namespace) -> int:
    """Say whether the hub doubts its own clock; `--confirm`: the clerk checked it."""
    from fieldapp.domain.dates import now_stamp
    from fieldapp.hub import own_clock

    hub = _open_hub(args)
    doubt = own_clock.confirm(hub.ledger) if args.confirm else own_clock.check(hub.ledger)
    print(f"中心电脑现在的时间：{china_minute(now_stamp())}")
    if doubt is None:
        print(
            "中心的时钟与它存的记录（上次运行时记下的时间、各设备最近的修改）相符，照常告诉各设备"
        )
        return 0
    print(f"警告：{doubt.said}", file=sys.stderr)
    if not doubt.devices:
        print(own_clock.CONFIRM_HINT, file=sys.stderr)
    elif args.confirm:
        print(own_clock.DISMISSED_SAID, file=sys.stderr)
    return 1


def cmd_hub_devices(args: argparse.Namespace) -> int:
    """List enrolled devices with their last exchange, pending and refused changes."""
    from fieldapp.hub import own_clock
    from fieldapp.hub.versions import (
        LACKING_NAMED,
        named,
        pack_not_in_force,
        program_ahead,
        program_behind,
    )
    from fieldapp.paths import build_label
    from fieldapp.services.policy_admin import published

    hub_program = build_label()  # the build the devices are compared with
    hub = _open_hub(args)
    _warn_if_plain(args.dir, hub.training)
    if args.history is not None:
        return _device_history(hub, args.history.strip(), as_json=args.json)
    doubt = own_clock.check(hub.ledger)
    if doubt is not None:  # first, where the clerk looks
        print(f"警告：{doubt.said}", file=sys.stderr)
        if not doubt.devices:
            print(own_clock.CONFIRM_HINT, file=sys.stderr)
    items = hub.status()
    newest = published(hub.ledger)
    current = newest[0].version if newest else None
    old_program = [d for d in items if program_behind(d, hub_program)]
    old_pack = [d for d in items if pack_not_in_force(d, current)]
    new_program = [d for d in items if program_ahead(d, hub_program)]
    if args.behind:
        wanted = {id(d) for d in old_program + old_pack}
        wanted |= {
            id(d) for d in items if current and not d["revoked_at"] and d.get("policy") != current
        }
        items = [d for d in items if id(d) in wanted]
    if args.json:
        print_json(items)
        return 0
    for d in items:
        enrolled = f"{china_minute(d['enrolled_at'])} 登记（经办：{d['enrolled_by'] or '未记录'}）"
        state = (
            f"已注销 {china_minute(d['revoked_at'])}（经办：{d['revoked_by'] or '未记录'}）"
            if d["revoked_at"]
            else "正常"
        )
        last = f"最近同步 {china_minute(d['last_exchange'])}" if d["last_exchange"] else "从未同步"
        area = f"{d['area_name']}（{d['area']}）" if d.get("area_name") else d["area"]
        print(
            f"{d['device']}\t{_role_label(d['role'])}\t{area}\t{enrolled}\t{state}\t{last}\t"
            f"待确认 {d['pending']} 条\t未接受 {d['refused']} 条\t"
            f"拒收数据包 {d['refused_bundles']} 个"
            + (
                f"（隔离区保留 {_megabytes(d['quarantine_bytes'])} MB）"
                if d["quarantine_bytes"]
                else ""
            )
            + _disabled_said(d)
            + _restored(d)
            # A revoked device no longer syncs: its line says 已注销 once, no pack.
            + ("" if d["revoked_at"] else _program(d, hub_program))
            + ("" if d["revoked_at"] else _policy_received(d.get("policy"), current, d))
        )
    if not items:
        print("没有要去升级的设备" if args.behind else "尚未登记任何设备")
    lacking = [
        str(d["device"]) for d in items if not d["revoked_at"] and d.get("policy") != current
    ]
    if current is not None and lacking:
        names = "、".join(lacking[:LACKING_NAMED]) + ("等" if len(lacking) > LACKING_NAMED else "")
        print(f"现行政策包 {current}：{len(lacking)} 台设备还没有收到（{names}）")
    if current is not None and old_pack:
        print(
            f"现行政策包 {current}：{len(old_pack)} 台设备收到了但没有启用，还在用旧的政策包"
            f"（{named(old_pack, LACKING_NAMED)}）：多半是程序太旧，升级程序后才能启用"
        )
    if old_program:
        print(
            f"中心的程序是 {hub_program}：{len(old_program)} 台设备的程序比中心旧或没有报告版本，"
            f"要去升级（{named(old_program, LACKING_NAMED, with_program=True)}）"
        )
    if new_program:
        print(
            f"中心的程序是 {hub_program}：{len(new_program)} 台设备的程序比中心新"
            f"（{named(new_program, LACKING_NAMED, with_program=True)}）：请先升级中心的程序，"
            "它们用到的新选项中心才认识（被扣下的修改在中心升级后再接受）"
        )
    return 0


def _restored(device: dict[str, object]) -> str:
    """How often the device's ledger came back from a backup at the hub, when last and who on
    the device its bundle named ('' never): a copy restored elsewhere takes its place."""
    count = device.get("restored")
    if not count:
        return ""
    by = escaped(str(device.get("last_restored_by") or ""))
    return (
        f"\t从备份恢复 {count} 次，最近 {china_minute(device.get('last_restored'))}（设备上：{by}）"
    )


def _program(device: dict[str, object], hub_program: str) -> str:
    """The fieldapp a device said it runs, and whether it is older than the hub's."""
    from fieldapp.hub.versions import program_key, program_of

    program = program_of(device)
    if not program:
        return "\t程序：未报告版本" if device.get("last_exchange") else ""
    if program_key(program) < program_key(hub_program):
        return f"\t程序 {program}（比中心旧）"
    if program_key(program) > program_key(hub_program):
        return f"\t程序 {program}（比中心新，请先升级中心）"
    return f"\t程序 {program}"


def _policy_received(
    version: object, current: str | None, device: dict[str, object] | None = None
) -> str:
    """Which county pack a device has confirmed receiving, whether it is the one in force
    and, when the device said which it uses, whether it is in force there ('' when the county
    has published none)."""
    if current is None:
        return ""
    if version is None:
        return f"\t政策包：未收到（现行 {current}）"
    if version != current:
        return f"\t政策包：{version}（现行 {current}，未收到）"
    from fieldapp.hub.versions import pack_not_in_force

    if device is not None and pack_not_in_force(device, current):
        using = device.get("pack_in_force") or "内置政策包"
        return f"\t政策包：{version} 已收到，未启用（在用 {using}）"
    return f"\t政策包：{version}"


def _megabytes(size: object) -> str:
    """Bytes as MB with one decimal (0.1 for anything smaller)."""
    count = int(size)  # type: ignore[call-overload]
    return f"{max(count / 1048576, 0.1 if count else 0):.1f}"


#: The largest per-device share of quarantine `hub quarantine --limit-mb` takes (10 TB).
QUARANTINE_MB_MAX = 10**7


def cmd_hub_quarantine(args: argparse.Namespace) -> int:
    """Show (or set) how much of quarantine/ each device's refused bundles may fill."""
    if args.limit_mb is not None and not 1 <= args.limit_mb <= QUARANTINE_MB_MAX:
        print(f"请检查：--limit-mb 应为 1—{QUARANTINE_MB_MAX} 之间的整数（MB）", file=sys.stderr)
        return 2
    hub = _open_hub(args)
    if args.limit_mb is not None:
        hub.set_quarantine_limit_mb(args.limit_mb)
    limit = hub.quarantine_limit_mb()
    usage = hub.quarantine_usage()
    if args.json:
        print_json(
            {
                "limit_mb": limit,
                "folder": str(hub.folders.quarantine),
                "devices": [
                    {"device": device, "bytes": size}
                    for device, size in sorted(usage.items(), key=lambda i: i[0] or "")
                ],
            }
        )
        return 0
    if args.limit_mb is not None:
        print(f"已设定：每台设备被拒收的数据包在隔离区最多保留 {limit} MB")
    else:
        print(
            f"每台设备被拒收的数据包在隔离区最多保留 {limit} MB（hub quarantine --limit-mb 可改）"
        )
    print(f"隔离区：{hub.folders.quarantine}")
    for device, size in sorted(usage.items(), key=lambda i: i[0] or ""):
        print(f"  {device or '来源未能确认'}\t{_megabytes(size)} MB")
    if not usage:
        print("  隔离区是空的")
    return 0


def cmd_hub_import(args: argparse.Namespace) -> int:
    """Import device bundles (files given, or the inbox folder)."""
    from fieldapp.sync.bundle import CHOOSE_A_BUNDLE, NOT_A_BUNDLE_AT_HUB
    from fieldapp.sync.intake import restored_said

    hub = _open_hub(args)
    outcomes = hub.import_files(args.files) if args.files else hub.import_inbox()
    refused = 0
    for o in outcomes:
        if o.result is not None:
            r = o.result
            held = (
                f"；另有 {r.held} 条不合规定，扣下待审核（fieldapp hub rejected --dir {args.dir}）"
                if r.held
                else ""
            )
            print(
                f"已导入 {escaped(o.path.name)}：来自 {escaped(r.sender)} 第 {r.serial} 号包，"
                f"{r.changes} 条修改，其中新的 {r.new_changes} 条；冲突 {r.conflicts} 处{held}"
            )
            if r.restored:  # the clerk must know: a stolen copy would take its place too
                print(f"注意：{restored_said(r.sender)}")
        elif o.code == "already":
            print(f"{escaped(o.path.name)}：{escaped(o.error)}")
        elif o.code == UNSURE_RECORDED:  # imported or not, nobody knows: neither 未导入 nor 已导入
            refused += 1
            print(
                f"不能确定是否已导入 {escaped(o.path.name)}：{DATABASE_LOST_AT_COMMIT}；文件没有移动"
            )
        else:
            refused += 1
            if o.code == "not_bundle" and CHOOSE_A_BUNDLE in (o.error or ""):
                # 请选择… is the desktop's word to whoever chose the file; nobody at the hub did.
                o.error = NOT_A_BUNDLE_AT_HUB
            if o.not_kept:
                print(
                    f"拒收 {escaped(o.path.name)}：{escaped(o.error)}；{escaped(o.not_kept)}"
                    "（hub quarantine 可调上限）"
                )
            elif o.quarantined and Path(o.quarantined) != o.path:
                # A file named on the command line is copied in first: it stays where it is
                # (the inbox's own leaves the inbox).
                kept = "副本已放入隔离区" if args.files else "已移入隔离区"
                stays = "（原文件还在原处）" if args.files else ""
                print(
                    f"拒收 {escaped(o.path.name)}：{escaped(o.error)}；"
                    f"{kept} {escaped(o.quarantined)}{stays}"
                )
            else:  # not read at all (no such file), or kept where it is (a full disk)
                print(
                    f"未导入 {escaped(o.path.name)}：{escaped(o.error)}；文件没有移动，台账没有改动"
                )
    if not args.files:
        for folder in hub.inbox_folders():
            print(
                f"收件箱里的文件夹「{escaped(folder.name)}」没有导入：请把其中的数据包文件直接放进 "
                f"{hub.inbox}，或用 hub import --dir {args.dir} 文件… 导入"
            )
    if not outcomes:
        where = escaped(str(hub.inbox))
        print(
            f"收件箱 {where} 里没有待导入的数据包：请把U盘上的数据包文件（.fieldsync）放进这个文件夹，"
            f"或用 hub import --dir {escaped(str(args.dir))} 文件… 直接导入"
        )
    problems = hub.violations()
    if problems:
        print(
            f"合并后发现 {len(problems)} 个问题待核查（fieldapp hub violations --dir {args.dir}）"
        )
    return 1 if refused else 0


def cmd_hub_export(args: argparse.Namespace) -> int:
    """Write a device's bundle."""
    result = _open_hub(args).export_for(args.device, args.out)
    print(
        f"已为 {result.recipient} 导出第 {result.serial} 号包：{result.changes} 条修改 → {result.path}"
    )
    return 0


def cmd_hub_serve(args: argparse.Namespace) -> int:
    """Run the HTTP service."""
    from fieldapp.hub.folder import Hub, StoreUnreachable, comes_back, hub_state
    from fieldapp.hub.server import DEFAULT_MAX_UPLOAD_MB, serve

    limit = args.max_upload_mb if args.max_upload_mb is not None else DEFAULT_MAX_UPLOAD_MB
    if limit <= 0:
        print("请检查：--max-upload-mb 应为正整数", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print("请检查：--port 应为 1—65535 之间的整数（默认 8765）", file=sys.stderr)
        return 2
    creds = credentials(args, required=hub_state(args.dir) == "encrypted")
    try:
        hub = Hub.open(args.dir, creds)  # a clear message: not a hub folder, a wrong password
    except StoreUnreachable as error:
        # Its PostgreSQL server not up yet (a reboot that starts the service first): served
        # all the same, said once, opened when it is back (`HubService.waiting`). A database
        # set up wrong (a password, a name) is said and not waited for: nothing puts it right
        # but its administrator.
        if not comes_back(error.error):
            raise
    else:
        training = hub.training
        hub.close()
        _warn_if_plain(args.dir, training)  # (a hub in PostgreSQL is never plain)
    serve(args.dir, args.host, args.port, limit, creds)
    return 0


def _reviewer(hub: Hub) -> str:
    """Who decides at the hub (`_acting`: its user, or 电脑账户 root on a hub without users)."""
    return _acting(hub)


def say_no_users(hub: Hub, done: str, verb: str) -> None:
    """After a hub command wrote a record of who did it (`done`: 所做的决定, 签发人 …; `verb`:
    决定, 签发 …) on a hub without users: say on stderr whom it is recorded under, and how to
    record a person instead. A training hub (demo data only) is not prompted for a password
    (docs/hub.md), so nothing is said there."""
    from fieldapp.store.postgres import is_url

    if hub.ledger.user is not None or hub.training:
        return
    recorded = f"记为“{_acting(hub)}”（运行这条命令的电脑登录账户），不是哪一位工作人员的名字"
    if is_url(hub.ledger.path):
        how = "放在 PostgreSQL 的中心没有自己的用户，请各人用自己的电脑账户运行 hub 命令"
    else:
        how = (
            f"要记下是谁{verb}的，请给中心设置口令和用户：带 --user 和口令运行一次 hub 命令即就地加密，"
            "此后记为登录的用户名"
        )
    print(f"提示：本中心没有用户，{done}{recorded}；{how}", file=sys.stderr)


def _say_no_users(hub: Hub) -> None:
    """After decisions on a hub without users (`say_no_users`)."""
    say_no_users(hub, "所做的决定", "决定")


def _held_ids(text: str) -> list[int]:
    """`--accept 7` or a range `7-40` (７－４０, 7—40 as typed in Chinese) → the numbers."""
    cleaned = text.strip().translate(str.maketrans("０１２３４５６７８９－—～~", "0123456789----"))
    first, dash, last = cleaned.partition("-")
    if first.isdigit() and (not dash or last.isdigit()):
        low, high = int(first), int(last or first)
        if 0 < low <= high and high - low < 1_000_000:
            return list(range(low, high + 1))
    raise argparse.ArgumentTypeError(f"编号“{text}”应为正整数或范围（如 7-40）")


def _decide_held(hub: Hub, args: argparse.Namespace) -> int:
    """Accept or dismiss the held changes named, in order; stop at the first that cannot be
    decided, saying which were."""
    from fieldapp.services.held_decisions import decide_in_order

    accepting = args.accept is not None
    if not accepting and not (args.reason or "").strip():
        # A usage mistake (exit 2, as argparse's), told before any change is decided.
        return fail("不予采纳必须写明原因（--reason），设备上会看到；一条也没有处理", 2)
    ids = list(dict.fromkeys(n for group in (args.accept or args.dismiss) for n in group))

    def decide(held_id: int) -> bool:
        if accepting:
            return bool(hub.accept(held_id, _reviewer(hub), args.reason).applied_change)
        hub.dismiss(held_id, _reviewer(hub), args.reason)
        return True

    run = decide_in_order(ids, decide)
    done, same = run.done, run.same
    if done:
        _say_no_users(hub)
    if run.error is not None:
        verb = "接受" if accepting else "不予采纳"
        if len(ids) == 1:
            return fail(str(run.error), 1)
        before = f"此前已{verb}{_numbers(done)}" if done else "一条也没有处理"
        return fail(f"{run.error}；{before}，其余未处理", 1)
    if not accepting:
        print(f"{_numbers(done).strip()}不予采纳：{args.reason}（设备下次同步时会看到）")
        return 0
    note = f"（其中 {same} 条中心的值已与它相同）" if same and len(done) > 1 else ""
    note = "（中心的值已与它相同）" if same and len(done) == 1 else note
    print(f"已接受{_numbers(done)}，作为县里的修改写入{note}，设备下次同步时会看到")
    return 0


def _rejudge(hub: Hub) -> int:
    """`hub rejected --rejudge`: the changes held by the hub's clock judged again now."""
    done = hub.rejudge(_reviewer(hub))
    if done.accepted:
        print(f"已接受{_numbers(done.accepted)}，作为县里的修改写入，设备下次同步时会看到")
        _say_no_users(hub)
    if done.still_ahead:
        print(
            f"{_numbers(done.still_ahead).strip()}记下的时间仍比中心的时钟快一天以上（或申领日期"
            "还没有到），照旧扣下（请核对发出它们的电脑的日期和时间）"
        )
    for held_id, why in done.refused.items():
        print(f"第 {held_id} 条重新核对后仍不能接受：{why}")
    if done.waiting:
        print(
            f"{_numbers(done.waiting).strip()}等位置的：它们所属的户或人员仍被扣下，"
            "照旧扣下，等那边接受后再重新核对"
        )
    if done.kept and done.accepted:
        print(f"共接受 {len(done.accepted)} 条，仍扣下 {done.kept} 条")
    elif done.kept:
        print(f"仍扣下 {done.kept} 条")
    if not (done.accepted or done.kept):
        print("没有因中心的时钟扣下的修改")
    return 0


def _numbers(ids: list[int]) -> str:
    """'第 3 条', or ' 4 条（第 1—3、5 条）' for several."""
    if len(ids) == 1:
        return f"第 {ids[0]} 条"
    runs: list[str] = []
    start = prev = ids[0]
    for n in [*ids[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}—{prev}")
        if n is not None:
            start = prev = n
    return f" {len(ids)} 条（第 {'、'.join(runs)} 条）"


def cmd_hub_rejected(args: argparse.Namespace) -> int:
    """List held changes, or accept / dismiss one."""
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.hub.rejected import as_item, describe, row_names, subject
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places

    hub = _open_hub(args)
    if args.accept is not None or args.dismiss is not None:
        return _decide_held(hub, args)
    if args.rejudge:
        return _rejudge(hub)
    if args.reason:
        return fail(
            "--reason 只与 --accept 或 --dismiss 一起使用", 2
        )  # a usage mistake, as argparse's
    found = hub.rejected()
    if args.json:
        print_json([as_item(h) for h in found])
        return 0
    places = partial(
        say_place,
        table=divisions(),
        listed=listed_places(hub.ledger),
        wording=PlaceWording.SENTENCE,
    )
    rows = row_names(hub, found)
    for held in found:
        # The record by its name, never its id (the held change's number leads the line).
        print(describe(held, subject(hub, held), places, rows))
    if not found:
        print("没有县里未接受的修改")
    return 0


def cmd_hub_violations(args: argparse.Namespace) -> int:
    """List merged-data violations."""
    problems = _open_hub(args).violations()
    if args.json:
        print_json(problems)
        return 0
    for n, p in enumerate(problems, start=1):
        print(f"{n}. {p['message']}")
    if not problems:
        print("没有发现重复身份证号、重复申领或修改时间写法异常")
    return 0


# -- device --------------------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace) -> int:
    """Enrol this ledger (an encrypted one: see `_refuse_plain`)."""
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places
    from fieldapp.sync.enrolment import enrol

    _refuse_plain(args)
    # The file opened with its code before the ledger: a name mistyped or a code misheard
    # makes no new ledger (with that try's password as its first user's).
    read = _opened_enrolment(args.file)
    ledger = open_ledger(args)
    done = enrol(
        ledger,
        args.file,
        read=read,
        fingerprint=args.fingerprint,
        force=args.force,
    )
    verb = "重新登记" if done.replaced else "登记"
    said = (
        say_place(done.area_code, divisions(), listed_places(ledger), PlaceWording.SENTENCE)
        or "未定"
    )
    print(f"已{verb}为设备 {done.device}（{done.role.label}，区域 {said}），中心：{done.hub}")
    if done.made_demo:
        print(
            "这是培训用的汇总中心：本台账已设为演示台账（人员都是虚构的，标题栏和打印的每一页都注明），"
            "同步后收到各村的演示数据；正式工作请另建台账，用县里正式中心的登记文件登记"
        )
    if done.recoded_from:
        print(
            f"本台账的村原用本机自编的代码 {done.recoded_from}，已改为县里登记的 {done.area_code}"
            "（各户、各条记录随之改过来，尚未同步过，不影响别的设备）"
        )
    print(f"中心指纹：{done.fingerprint}（请与县里核对）")
    print(f"请删除登记文件 {args.file}：它含本设备的私钥。")
    _say_demo_outside(ledger, done.area_code, said)
    return 0


def _say_demo_outside(ledger: Ledger, area: str, said: str) -> None:
    """A demo ledger made before its enrolment spreads over the county: enrolled for one
    village, the rest of it would reach the training hub as another village's households and be
    held there, with their members and records (a thousand lines for a 200-person demo). Said
    once, with how to make one in the village instead; nothing is changed."""
    from fieldapp.store.ledger_kind import is_demo
    from fieldapp.store.queries.sheets import count_persons

    if not is_demo(ledger):
        return
    outside = count_persons(ledger) - count_persons(ledger, area)
    if outside <= 0:
        return
    print(
        f"提示：这份演示台账里有 {outside} 人不在本机登记的区域（{said}）：同步时中心会把他们的户、"
        "人员和各条记录都列为待审核，不会并入。培训时请在本村新建演示台账（fieldapp --db 新文件 "
        f"demo --persons 人数 --area {area}），再请县里为它登记",
        file=sys.stderr,
    )


def _refuse_plain(args: argparse.Namespace) -> None:
    """A ledger without a password is not enrolled: enrolment stores the device's private
    signing and box keys in the ledger, and a plain file would keep them — with every ID
    number and account — readable by whoever finds the laptop, able to send bundles as this
    village. Run with a user and password, the ledger is encrypted first (or created so), then
    enrolled. A demo ledger (fictitious people, a training hub only) may stay plain, and so
    may the older tests' throw-away ledgers (FIELDAPP_TEST_PLAIN_ENROL, as FIELDAPP_TEST_FAST_KDF)."""
    from fieldapp.cli.common import ledger_path
    from fieldapp.domain.errors import FieldappError
    from fieldapp.store.ledger_kind import is_demo
    from fieldapp.store.vault import ledger_state

    path = ledger_path(args)
    state = ledger_state(path)
    if state == "encrypted" or credentials(args, required=False) is not None:
        return
    if os.environ.get("FIELDAPP_TEST_PLAIN_ENROL"):
        return
    if state == "plain" and is_demo(open_ledger(args)):
        return
    what = "新台账" if state == "new" else f"台账 {path.name} "
    raise FieldappError(
        f"{what}没有加密（没有设置口令），不能登记：登记会把本机与县里同步用的私钥存进台账，"
        "笔记本丢了，捡到的人不用口令就能看到全部人员的身份证号和账号，还能冒充本机给县里发数据。"
        "请带用户名和口令再运行一次（--user 姓名，口令用 FIELDAPP_PASSWORD、--password-file "
        "或在终端输入）：台账先加密，再登记"
    )


#: Tries at the enrolment code typed on a terminal: a slip of the finger is retyped, not
#: the whole command run again; a script (the code piped in) has one.
CODE_TRIES = 3


def _opened_enrolment(path: Path) -> dict[str, Any]:
    """The enrolment file opened with its code: FIELDAPP_ENROL_CODE, else typed on the
    terminal — hidden, as a password is, for it opens the device's private key — with
    `CODE_TRIES` tries, else a line piped in by a script."""
    from fieldapp.cli.common import ask, has_terminal
    from fieldapp.sync.enrolment import (
        ENROLMENT_DIGITS,
        WrongCode,
        is_sealed,
        normal_code,
        read_enrolment,
    )

    given = os.environ.get("FIELDAPP_ENROL_CODE")
    if given or not is_sealed(path):
        return read_enrolment(path, given or None)
    if not has_terminal():
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line.strip():
            raise SyncError(
                f"登记文件 {path} 已加密，要用县里告诉你的 {ENROLMENT_DIGITS} 位登记码打开："
                "在终端运行时会问；脚本里用 FIELDAPP_ENROL_CODE 或从标准输入给出"
            )
        return read_enrolment(path, line)
    prompt = f"登记码（县里告诉你的 {ENROLMENT_DIGITS} 位数字，输入时不显示）："
    for left in range(CODE_TRIES - 1, -1, -1):
        code = ask(prompt)
        try:
            normal_code(code)  # not sixteen digits: a try too, said as such
        except SyncError as error:
            wrong: SyncError = error
        else:
            try:  # a damaged file, or any fault but the code, ends the command
                return read_enrolment(path, code)
            except WrongCode as error:
                wrong = error
        if not left:
            raise SyncError(
                f"登记码 {CODE_TRIES} 次都不对，没有登记。请打电话向县里核对这 "
                f"{ENROLMENT_DIGITS} 位数字后再运行一次；县里不保存登记码，"
                "记不清了请县里重新登记这台设备，给一个新的登记文件和登记码"
            )
        print(f"{wrong}。还可以再输 {left} 次", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


def cmd_sync_export(args: argparse.Namespace) -> int:
    """Export this device's bundle."""
    from fieldapp.services.trust import table_name
    from fieldapp.sync.exchange import export_bundle

    result = export_bundle(open_ledger(args, existing="sync export"), args.out, full=args.full)
    print(f"已导出第 {result.serial} 号包：{result.changes} 条修改 → {result.path}")
    for table, count in sorted(result.counts.items()):
        print(f"  {table_name(table)}\t{count}")
    return 0


def cmd_sync_import(args: argparse.Namespace) -> int:
    """Import the hub's bundle."""
    from fieldapp.sync.exchange import import_bundle

    ledger = open_ledger(args, existing="sync import")
    try:
        r = import_bundle(ledger, args.file)
    except AlreadyImported as done:
        print(str(done))
        return 0
    except BundleRefused as refused:
        # The file given is copied in first: a copy is kept, the file stays where it is.
        where = (
            f"（副本已放入隔离区：{escaped(refused.quarantined)}，原文件还在原处）"
            if refused.quarantined
            else ""
        )
        return fail(f"数据包未导入，台账没有改动。{refused}{where}{hinted(refused)}")
    print(
        f"已导入来自 {r.sender} 的第 {r.serial} 号包：{r.changes} 条修改，其中新的 "
        f"{r.new_changes} 条；待处理冲突 {r.conflicts} 处"
    )
    _say_reissued(r)
    _say_newly_held(r)
    _say_refused(r)
    _adopt_policy(ledger)
    _say_entered_twice(ledger)
    return 0


def _say_refused(result: ImportResult) -> None:
    """After an import: this device's bundles the hub refused, as its answer names them (a
    stick's, refused at the county with nobody from the village there), a ledger copied back
    by hand as the answer's numbers tell it (`ImportResult.copied_back`), and what to type."""
    for item in result.refused:
        number = f"第 {item.serial} 号" if item.serial else ""
        print(f"注意：县里没有接收本机的{number}数据包：{item.words}")
    if result.copied_back and not result.refused:
        print(
            "注意：中心收到的本机修改比本机台账里的还多：这台电脑的台账多半是从备份"
            "（或另一台电脑）拷回来过"
        )
    if result.copied_back or {item.code for item in result.refused} & {
        "reused_seq",
        "number_clash",
    }:
        print(
            "如果这台电脑的台账是从备份拷回来的（或要换一套编号），请执行 fieldapp sync restored，"
            "然后重新导出"
        )


def _say_newly_held(result: ImportResult) -> None:
    """After an import: this device's changes the county newly held, as the answer tells
    (only those it says for the first time), and where to read why."""
    if result.newly_held:
        print(
            f"注意：中心暂扣了本机的 {result.newly_held} 条修改，请到“同步”页查看原因"
            "（命令行：fieldapp sync status）"
        )


def _say_reissued(result: ImportResult) -> None:
    """After an import: the hub's own changes that replaced what this ledger held (the hub was
    restored from a backup and numbered its new changes anew)."""
    if result.reissued:
        print(
            f"提示：县级汇总中心已从备份恢复，中心重新编号的 {result.reissued} 条修改"
            "替换了本机保存的、中心已不再有的内容（以中心为准）"
        )


def _say_entered_twice(ledger: Ledger) -> None:
    """After an import: persons the ledger now holds twice (the same ID number), by name."""
    from fieldapp.services.persons import entered_twice

    for line in entered_twice(ledger):
        print(f"注意：{line}")


def _adopt_policy(ledger: Ledger) -> None:
    """After an import: take the county's newest good policy pack and say so."""
    from fieldapp.services.policy_admin import adopt_hub_packs

    adopted = adopt_hub_packs(ledger)
    if adopted.message:
        print(adopted.message)
    for warning in adopted.warnings:
        warn(f"警告：{warning}")


def cmd_sync_push(args: argparse.Namespace) -> int:
    """Upload and import the answer."""
    from fieldapp.sync.client import push

    ledger = open_ledger(args, existing="sync push")
    try:
        sent, got = push(ledger, args.url)
    except BundleRefused as refused:
        return fail(f"中心的回复未导入，台账没有改动。{refused}")
    print(f"已上传第 {sent.serial} 号包（{sent.changes} 条修改）")
    print(
        f"已导入中心回复：{got.changes} 条修改，其中新的 {got.new_changes} 条；冲突 {got.conflicts} 处"
    )
    _say_reissued(got)
    _say_newly_held(got)
    _adopt_policy(ledger)
    _say_entered_twice(ledger)
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    """Show enrolment, recent imports, quarantined bundles and refused changes."""
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places
    from fieldapp.store.sync_state import SyncState
    from fieldapp.sync.rejected import describe, rejected_changes

    ledger = open_ledger(args, existing="sync status")
    state = SyncState(ledger.db)
    identity = state.identity()
    peers = [
        {"name": p.name, "role": p.role, "sent": p.serial_out, "received": p.serial_in}
        for p in state.peers()
    ]
    imports = state.imports(10)
    quarantined = state.quarantined(10)
    rejected = rejected_changes(ledger)
    data = {
        "enrolled": identity is not None,
        "name": identity.name if identity else None,
        "role": identity.role if identity else None,
        "device_role": str(identity.device_role) if identity else None,
        "area_code": identity.area_code if identity else None,
        "device_id": ledger.device_id,
        "peers": peers,
        "imports": imports,
        "quarantined": quarantined,
        "rejected": rejected,
    }
    if args.json:
        print_json(data)
        return 0
    if identity is None:
        print("本台账尚未登记（fieldapp enrol 登记文件）")
    else:
        # The device as enrolled: its ledger's id is for the county's staff (--json).
        area = say_place(
            identity.area_code, divisions(), listed_places(ledger), PlaceWording.SENTENCE
        )
        print(f"设备 {identity.name}（{identity.device_role.label}，区域 {area or '未定'}）")
    for p in peers:
        print(
            f"对方 {escaped(p['name'])}：已发出第 {p['sent']} 号包，已收到第 {p['received']} 号包"
        )
    # A refused bundle's file name is as it came (a stick's file may be named with ESC[2J),
    # its reason may quote what it carried: both escaped, as every value read from a file.
    for q in quarantined:
        print(f"隔离 {china_minute(q['at'])} {escaped(q['file'])}：{escaped(q['reason'])}")
    for item in rejected:
        print(f"{item['id']}. {describe(item)}")
    return 0


def cmd_sync_undo(args: argparse.Namespace) -> int:
    """Take back refused changes on this device."""
    from fieldapp.sync.rejected import undo

    count = undo(open_ledger(args, existing="sync undo"), args.change)
    print(f"已在本机撤销 {count} 条县里未接受的修改（修改记录仍保留）")
    return 0


def cmd_sync_restored(args: argparse.Namespace) -> int:
    """Start a new incarnation after a restore from backup."""
    from fieldapp.services.incarnation import start_new_incarnation
    from fieldapp.store.sync_state import SyncState

    ledger = open_ledger(args, existing="sync restored")
    identity = SyncState(ledger.db).identity()
    if identity is not None and identity.role == "hub":
        # A hub keeps its id after a restore (`incarnation.finish_restore`); a device's
        # renumbering would be refused by its append-only change log (migration 41).
        return fail(
            "这是县级汇总中心的台账，不用执行这一步：中心从备份恢复后照常使用"
            "（hub … --dir 中心文件夹），各设备同步时以中心为准；没有改动任何数据"
        )
    start_new_incarnation(ledger)
    print(
        "已改用新的台账标识。下次同步时县里会把备份之后的数据（包括本机备份后做的修改）全部发回，"
        "无需重新登记"
    )
    return 0


# -- conflicts -----------------------------------------------------------------------------


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List open conflicts."""
    from fieldapp.services.sheet_conflicts import list_open
    from fieldapp.sync.conflicts import list_conflicts

    ledger = open_ledger(args, existing="conflicts")
    found = list_conflicts(ledger)
    from_sheets = list_open(ledger)
    if args.json:  # a sheet's conflicts after the sync ones, each with "source": "sheet"
        print_json([c.as_dict() for c in found] + [c.as_dict() for c in from_sheets])
        return 0
    from fieldapp.domain.labels import field_label
    from fieldapp.domain.roles import author_parts
    from fieldapp.sync.conflicts import ValuesSaid

    # Every value as a clerk reads it, a sync's and a sheet's alike (空, 是/否, 2800 not
    # 2800.0, a place or a linked row by its name), never a Python repr ('1390…'). Each
    # conflict by the number to type (as short as still names one, the same for both
    # kinds), each value by whose it is (本机, or the device's name: what --keep takes).
    numbers = short_numbers([c.conflict_id for c in found] + [s.conflict_id for s in from_sheets])
    devices = _DeviceWords(ledger)
    # the rows the values link to read for all the conflicts at once
    value_said = ValuesSaid(
        ledger,
        [(c.field, v.value) for c in found for v in c.values]
        + [(s.field, v) for s in from_sheets for v in (s.sheet_value, s.ledger_value)],
    )
    for c in found:
        print(
            f"冲突 {numbers[c.conflict_id]}  {c.table_label} {c.subject}"
            f"  字段 {field_label(c.field)}  核对码 {c.check}"
        )
        for v in c.values:
            mark = "（当前显示）" if v.shown else ""
            # 姓名@设备名称 already names the device (enrolled); a bare name gets it added
            whose = devices.said(v)
            who = v.author if author_parts(v.author)[1] else f"{v.author}@{whose}"
            said = escaped(value_said(c.table, c.field, v.value))
            print(f"    {whose}的值: {said}  {escaped(who)}  {china_minute(v.at)}{mark}")
    if found:
        print(
            "同步带来的冲突：conflicts resolve 编号 --keep 本机（或 别的设备、现在的值、"
            "设备名称）--check 核对码 保留其中一个值，或 --value 新值 --check 核对码"
        )
    for s in from_sheets:  # this device's own: an update's conflicts left undecided
        # In the clerk's words: whose what, the two values, and the number to type (as short
        # as it can be and still name one), no change or record ids; what the file gave (its
        # name, a sheet's, the cell) escaped: a hostile sheet's ESC[2J printed as letters.
        sheet = f"{escaped(s.sheet)} " if s.sheet != s.file else ""  # a csv's one sheet: the file
        print(
            f"冲突 {numbers[s.conflict_id]}  {escaped(s.name)}（身份证号 {escaped(s.id_number)}）的"
            f"{field_label(s.field, s.table)}  来自表格“{escaped(s.file)}”"
            f"（{sheet}第 {s.row} 行，{escaped(s.imported_by)} 于 {china_minute(s.imported_at)} 导入）"
        )
        print(f"    表格中的值: {escaped(value_said(s.table, s.field, s.sheet_value))}")
        print(
            f"    台账原来的值: {escaped(value_said(s.table, s.field, s.ledger_value))}"
            f"（{escaped(s.edited_by)} 于 {china_minute(s.edited_at)} 修改；台账现在显示这个值）"
        )
    if from_sheets:
        print(
            "表格带来的冲突：conflicts resolve 编号 --keep 表格（用表格中的值）"
            "或 --keep 台账（保留台账原来的值）"
        )
    if not found and not from_sheets:
        print("没有待处理的冲突")
    return 0


class _DeviceWords:
    """Whose a sync conflict's value is, in the clerk's words as the conflicts page says it:
    本机 (this device, also under the ids it wrote under before a restore), else the other
    device by the name people know it by, never its id."""

    def __init__(self, ledger: Ledger) -> None:
        from fieldapp.services.incarnation import own_origins
        from fieldapp.store.queries.sync import device_names

        self.own: Collection[str] = set(own_origins(ledger))
        self.names = device_names(ledger)

    def said(self, value: ConflictValue) -> str:
        """本机, the device's name, or 另一台设备（名称未知）."""
        if value.device_id in self.own:
            return "本机"
        known = self.names.get(value.device_id) or (
            value.device if value.device and value.device != value.device_id else ""
        )
        return known or "另一台设备（名称未知）"


#: `conflicts resolve --keep` of a sync conflict: the side's word as the clerk says it.
SIDE_SAID = {"shown": "现在显示的值", "here": "本机的值", "other": "别的设备的值"}


def _value_chosen(devices: _DeviceWords, conflict: Conflict, keep: str, number: str) -> str | None:
    """The value id `--keep` names in `conflict`: a side (本机 / 别的设备 / 现在的值, or
    here / other / shown) with exactly one value on it, the name of the device whose value it
    is, or (scripts, `--json`'s value_id) the value's id itself. None, the choices said in the
    clerk's words on stderr, when it names none (a usage mistake: exit 2, nothing written)."""
    from fieldapp.sync.conflicts import Side, value_on

    keep = keep.strip()
    if any(v.value_id == keep for v in conflict.values):
        return keep
    whose = f"冲突 {number}（{conflict.whose}）"
    side = KEEP_SIDES.get(keep)
    named = [v for v in conflict.values if devices.said(v) == keep]
    if side in SIDE_SAID:
        chosen = value_on(conflict, Side(side), devices.own)
        if chosen is not None:
            return chosen.value_id
        problem = f"{whose}中{SIDE_SAID[side]}不是恰好一个"
    elif len(named) == 1:
        return named[0].value_id
    elif named:
        problem = f"{whose}中“{keep}”的值不止一个"
    else:
        problem = f"{whose}中没有“{keep}”的值"
    choices = "、".join(dict.fromkeys(devices.said(v) for v in conflict.values))
    print(
        f"请检查：{problem}，没有处理；--keep 可以写改了值的设备：{choices}，或用 --value 给出新值",
        file=sys.stderr,
    )
    return None


def _whose(sheet: SheetConflict) -> str:
    """A sheet conflict's cell in the clerk's words: 张三的联系电话."""
    from fieldapp.domain.labels import field_label

    return f"{sheet.name}的{field_label(sheet.field, sheet.table)}"


#: `conflicts resolve-all --keep`: the side's words, English and Chinese.
KEEP_SIDES = {
    "shown": "shown",
    "here": "here",
    "other": "other",
    "现在的值": "shown",
    "本机": "here",
    "别的设备": "other",
    # A spreadsheet update's conflicts left undecided (`services.sheet_conflicts`).
    "sheet": "sheet",
    "ledger": "ledger",
    "表格": "sheet",
    "台账": "ledger",
}


def _said_before_error(what: str, written: int) -> None:
    """`resolve-all` stopped by an error (said after this, by `main`): the ones written before
    it stay written, the rest are still listed; said on stderr, before the error."""
    if written:
        print(
            f"出错之前已处理{what} {written} 处（已保存）；其余的没有处理，仍在冲突列表中",
            file=sys.stderr,
        )


def cmd_conflicts_resolve_all(args: argparse.Namespace) -> int:
    """Resolve every open conflict (of one field) keeping the same side's value; exit 1 when
    some were left (changed meanwhile, or no single value on that side)."""
    from fieldapp.domain.labels import field_label
    from fieldapp.sync.conflicts import ManyResolved, Side, list_conflicts, resolve_many

    ledger = open_ledger(args, existing="conflicts resolve-all")
    if KEEP_SIDES[args.keep] in ("sheet", "ledger"):
        return _sheet_conflicts_resolve_all(args, ledger)
    found = list_conflicts(ledger)
    if args.field:
        wanted = args.field.strip()
        found = [c for c in found if wanted in (c.field, field_label(c.field))]
    done = ManyResolved([])  # filled as they are written: what stands if an error stops it
    try:
        resolve_many(ledger, found, Side(KEEP_SIDES[args.keep]), into=done)
    except Exception:
        _said_before_error("冲突", len(done.changes))
        raise
    left = done.changed + done.no_value
    if args.json:
        print_json(
            {
                "resolved": len(done.changes),
                "changed_meanwhile": done.changed,
                "no_value_on_side": done.no_value,
                "changes": [c.id for c in done.changes],
            }
        )
        return 1 if left else 0
    side = {"shown": "现在显示的值", "here": "本机改的值", "other": "别的设备改的值"}
    print(
        f"已处理冲突 {len(done.changes)} 处：都保留{side[KEEP_SIDES[args.keep]]}"
        "（每处一条修改记录，同步后各设备一致）"
    )
    if done.changed:
        print(
            f"{done.changed} 处冲突在列出之后又变了（可能已在别的设备上解决），没有处理，请再看一遍"
        )
    if done.no_value:
        print(
            f"{done.no_value} 处冲突没有恰好一个{side[KEEP_SIDES[args.keep]]}，没有处理，请逐一决定"
        )
    if not found:
        print("没有待处理的冲突")
    return 1 if left else 0


def _sheet_conflicts_resolve_all(args: argparse.Namespace, ledger: Ledger) -> int:
    """`resolve-all --keep sheet|ledger`: every conflict a spreadsheet update left undecided
    (of one field), the same side kept for each; exit 1 when some were left (the ledger's cell
    changed since the import, or decided meanwhile)."""
    from fieldapp.domain.labels import field_label
    from fieldapp.services.sheet_conflicts import SheetDecided, SheetSide, decide_many, list_open

    found = list_open(ledger)
    if args.field:
        wanted = args.field.strip()
        found = [c for c in found if wanted in (c.field, field_label(c.field, c.table))]
    side = SheetSide(KEEP_SIDES[args.keep])
    done = SheetDecided()  # filled as they are written: what stands if an error stops it
    try:
        decide_many(ledger, found, side, into=done)
    except Exception:
        _said_before_error("表格带来的冲突", done.decided)
        raise
    left = done.changed + done.gone
    if args.json:
        print_json(
            {
                "resolved": done.decided,
                "changed_meanwhile": done.changed,
                "no_longer_open": done.gone,
                "changes": [c.id for c in done.changes],
                "month_changes": [c.id for c in done.months],
                "said": [str(s) for s in done.said],
            }
        )
        return 1 if left else 0
    kept = "都用表格中的值" if side is SheetSide.SHEET else "都保留台账的值"
    print(f"已处理表格带来的冲突 {done.decided} 处：{kept}")
    if done.changed:
        print(
            f"{done.changed} 处台账中的值在导入之后又改过，没有改用表格中的值（仍在冲突列表中），"
            "请逐一核对"
        )
    if done.gone:
        print(f"{done.gone} 处已经处理过，没有再处理")
    for sentence in done.said:
        print(f"提示：{escaped(sentence)}")
    if not found:
        print("没有表格带来的待处理冲突")
    return 1 if left else 0


def _sheet_conflict_resolve(
    args: argparse.Namespace, ledger: Ledger, sheet: SheetConflict, side: SheetSide, number: str
) -> int:
    """`conflicts resolve` of a conflict a spreadsheet update left undecided (`number`: as
    `conflicts` listed it). With `--json`,
    as a sync conflict's: refused because the ledger's cell changed since the import is
    `changed_meanwhile` (exit 1); what the decision said (a month's income set by hand,
    left) is listed in `said`."""
    from fieldapp.services.sheet_conflicts import ChangedSince, SheetSide, decided

    try:
        decision = decided(ledger, sheet, side)
    except ChangedSince:
        if not args.json:
            raise
        print_json({"resolved": False, "changed_meanwhile": True, "source": "sheet"})
        return 1
    change = decision.change
    if args.json:
        print_json(
            {
                "resolved": True,
                "changed_meanwhile": False,
                "source": "sheet",
                "kept": side.value,
                "change": change.id if change is not None else None,
                "month_change": decision.month.id if decision.month is not None else None,
                "said": [str(s) for s in decision.said],
            }
        )
        return 0
    from fieldapp.sync.conflicts import value_said

    def said(value: object) -> str:
        return escaped(value_said(ledger, sheet.table, sheet.field, value))

    whose, file = escaped(_whose(sheet)), escaped(sheet.file)
    if side is SheetSide.SHEET:
        print(
            f"已处理冲突 {number}：{whose}改用表格“{file}”中的值 "
            f"{said(sheet.sheet_value)}"
            + ("（已记入修改记录）" if change is not None else "（台账中已是这个值）")
        )
    else:
        print(
            f"已处理冲突 {number}：{whose}保留台账的值，"
            f"不用表格“{file}”中的 {said(sheet.sheet_value)}"
        )
    for sentence in decision.said:
        print(f"提示：{escaped(sentence)}")
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    """Resolve one conflict (a sync conflict, or one a spreadsheet update left undecided:
    `--keep sheet|ledger`); with `--check`, only if its values are still those listed (exit 1
    otherwise, as `resolve-all` for a conflict changed meanwhile)."""
    from fieldapp.services.sheet_conflicts import SheetSide, open_ids, starting
    from fieldapp.sync.conflicts import (
        ConflictChanged,
        ConflictGone,
        conflict_ids,
        find_conflict,
        resolve,
        value_said,
    )
    from fieldapp.sync.conflicts import starting as sync_starting

    ledger = open_ledger(args, existing="conflicts resolve")
    # Only the conflicts the number names are loaded (matched in the store by the id's range),
    # the others' ids alone read for the number said back — not every conflict with all its
    # values, as before (5 s for one resolution among 10 000).
    wanted = typed(args.conflict_id)
    sheets = starting(ledger, wanted)
    syncs = sync_starting(ledger, wanted)
    if len(sheets) + len(syncs) > 1:  # not "resolved already"
        print(f"请检查：编号 {wanted} 不止对应一处冲突，请多写几位", file=sys.stderr)
        return 2
    every = conflict_ids(ledger) + open_ids(ledger) if sheets or syncs else []
    if sheets:
        sheet = sheets[0]
        # The number as `conflicts` lists it (the shortest that names one), whatever was typed.
        number = short_number(sheet.conflict_id, every)
        came = escaped(f"冲突 {number}（{_whose(sheet)}）来自表格“{sheet.file}”")
        choose = "请用 --keep 表格（用表格中的值）或 --keep 台账（保留台账原来的值）"
        if args.value is not None:
            # Only the two values are a decision here; a third is an ordinary edit of the
            # person, made where every edit is (its checks, its record), not slipped in here.
            print(
                f"请检查：{came}，只能在表格中的值和台账原来的值之间选，不能用 --value 给新值；"
                f"{choose}，要填别的值请之后在台账中修改",
                file=sys.stderr,
            )
            return 2
        side = KEEP_SIDES.get((args.keep or "").strip())
        if side not in ("sheet", "ledger"):
            print(f"请检查：{came}，{choose}", file=sys.stderr)
            return 2
        if args.check is not None:
            # A sheet conflict has no check code (conflicts lists none beside it); its own guard
            # is the ledger's cell: changed since the import, the decision is refused anyway.
            print(
                f"请检查：{came}，没有核对码，请去掉 --check；"
                "台账中这一格在导入之后又改过时，本来就不会改用表格中的值",
                file=sys.stderr,
            )
            return 2
        return _sheet_conflict_resolve(args, ledger, sheet, SheetSide(side), number)
    # The conflict as listed: its number said as `conflicts` says it, the value --keep names
    # (本机, a device's name…) and whose it was, for the sentence after. None: resolve says
    # why (resolved meanwhile, mistyped), as before.
    before: Conflict | None = syncs[0] if syncs else None
    keep = args.keep
    number = wanted
    # Whose each value is (本机, a device's name): read once, for --keep and the sentence after.
    devices = _DeviceWords(ledger) if before is not None and keep is not None else None
    if before is not None:
        number = short_number(before.conflict_id, every)
        if devices is not None:
            keep = _value_chosen(devices, before, keep, number)
            if keep is None:
                return 2
    try:
        try:
            change = resolve(
                ledger,
                args.conflict_id,
                keep=keep,
                value=args.value,
                check=args.check,
                number=number,
            )
        except ConflictChanged:
            if not args.json:
                raise
            now = find_conflict(ledger, args.conflict_id)
            print_json(
                {
                    "resolved": False,
                    "changed_meanwhile": True,
                    "gone": False,
                    "check": now.check,
                    "values": [v.value_id for v in now.values],
                }
            )
            return 1
    except ConflictGone as gone:
        # Resolved meanwhile (here, or elsewhere and brought by an exchange): a script reads
        # it as a refusal like a changed one's, not an error on stderr.
        if not args.json:
            raise
        print_json(
            {
                "resolved": False,
                "changed_meanwhile": True,
                "gone": True,
                "check": None,
                "values": [],
                "reason": str(gone),
            }
        )
        return 1
    value = next(iter(change.data.values()))
    if args.json:
        print_json(
            {
                "resolved": True,
                "changed_meanwhile": False,
                "gone": False,
                "change": change.id,
                "value": value,
                "checked": args.check is not None,
            }
        )
        return 0
    field = next(iter(change.data))
    said = value_said(ledger, change.tbl, field, value)
    if before is None:  # pragma: no cover - resolve finds the conflict find_conflict did
        print(f"已处理冲突：保存为 {said}（同步后各设备一致）")
        return 0
    kept = next((v for v in before.values if v.value_id == keep), None)
    whose = "新填的值" if kept is None or devices is None else f"保留{devices.said(kept)}的值"
    print(f"已处理冲突 {number}：{before.whose}保存为 {said}（{whose}，同步后各设备一致）")
    if args.check is None:
        print("（没有给出核对码：按现在的全部值处理；脚本里建议加 --check 核对码）")
    return 0
