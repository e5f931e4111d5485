"""User, backup and restore commands, and the county's password reset (issue 16)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from fieldapp.cli.common import (
    JSON_HELP,
    credentials,
    escaped,
    fail,
    given_password,
    given_user,
    ledger_path,
    new_password,
    open_ledger,
    print_json,
    read_password_file,
    typed_twice,
    warn,
)
from fieldapp.domain.dates import china_iso, china_minute


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `user …`, `backup` and `restore`."""
    user = sub.add_parser(
        "user", help="本台账的用户（口令、能否管理用户、停用、重新启用）"
    ).add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="新增用户（须由能管理用户的人执行）")
    p.add_argument("name", help="用户名（通常是本人姓名）")
    p.add_argument("--admin", action="store_true", help="可以管理用户")
    _new_password_file(p)
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("list", help="列出用户")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_user_list)
    p = user.add_parser("passwd", help="修改口令（不给用户名时改自己的）")
    p.add_argument("name", nargs="?", help="用户名")
    _new_password_file(p)
    p.set_defaults(func=cmd_user_passwd)
    p = user.add_parser("disable", help="停用用户（其口令从此打不开台账；台账随即换用新钥匙）")
    p.add_argument("name", help="用户名")
    p.set_defaults(func=cmd_user_disable)
    p = user.add_parser("enable", help="重新启用停用的用户（须由能管理用户的人执行；为其设新口令）")
    p.add_argument("name", help="用户名")
    _new_password_file(p)
    p.set_defaults(func=cmd_user_enable)

    p = sub.add_parser("exports", help="导出记录：谁、何时、导出了什么、多少人、文件校验值")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_exports)

    p = sub.add_parser("backup", help="备份台账（加密；恢复时需要本台账某个用户的口令）")
    p.add_argument("--out", type=Path, required=True, help="备份文件")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复台账（当前台账先另存一份）")
    p.add_argument("file", type=Path, help="备份文件")
    p.add_argument(
        "--backup-password-file",
        metavar="FILE",
        help="备份之后改过口令的：从文件第一行读备份那天的口令（或环境变量 "
        "FIELDAPP_BACKUP_PASSWORD）；不给时备份和现在的台账用同一个口令",
    )
    p.set_defaults(func=cmd_restore)


def _new_password_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-password-file",
        metavar="FILE",
        help="从文件第一行读新口令（或环境变量 FIELDAPP_NEW_PASSWORD；都没有时在终端中输入两次）",
    )


def register_hub(add: object) -> None:
    """Add `hub reset-password` through sync_cmds' `add(name, help, func)`."""
    p = add(  # type: ignore[operator]
        "reset-password",
        "县里重置设备台账的口令（凭本中心的密钥，台账须已登记到本中心）",
        cmd_hub_reset_password,
    )
    p.add_argument("--ledger", type=Path, required=True, help="设备的台账文件")
    p.add_argument("--user", dest="reset_user", required=True, help="要重置口令的用户")
    _new_password_file(p)
    p = add(  # type: ignore[operator]
        "resets",
        "列出县里重置过的设备台账口令（何时、谁重置、哪台设备、哪个用户）",
        cmd_hub_resets,
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a user."""
    from fieldapp.services import users

    ledger = open_ledger(args, existing="user add")
    try:
        users.check_add(ledger, args.name)  # before asking for a password that would be refused
        password = new_password(args, args.name)
        row = users.add_user(ledger, args.name, password, args.admin)
    finally:
        ledger.close()
    role = "（可管理用户）" if row.admin else ""
    print(f"已新增用户 {row.name}{role}")
    return 0


_USER_TIMES = ("created_at", "password_changed_at", "disabled_at", "enabled_at")


def _with_china(row: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A row for --json: its stored times as they were, each beside a `*_china` copy in China
    time (ISO with +08:00; None for none), as `hub rejected --json` gives them."""
    return row | {f"{k}_china": china_iso(row[k]) or None for k in keys if k in row}


def cmd_user_list(args: argparse.Namespace) -> int:
    """List users."""
    from fieldapp.services import users
    from fieldapp.store.vault import ledger_state

    # A first open with a user and password makes the ledger (docs/security.md); without them
    # a new one would be plain, with no users to list, and be refused for it — left behind.
    where = ledger_path(args)
    if ledger_state(where) == "new" and given_user(args) is None and given_password(args) is None:
        return fail(
            f"没有台账 {where}：什么也没有做。要新建台账，请带用户名和口令（--user 姓名，口令用 "
            "FIELDAPP_PASSWORD、--password-file 或在终端输入），这个人成为它的第一个用户；"
            "要用的台账不在默认位置时，用 --db 指明，如 fieldapp --db 红星村.db user list"
        )
    ledger = open_ledger(args)
    try:
        rows = users.list_users(ledger)
    finally:
        ledger.close()
    if args.json:  # the keys scripts read stay; China time is added, as hub rejected does
        print_json([_with_china(r.as_dict(), _USER_TIMES) for r in rows])
        return 0
    for r in rows:
        marks = "，".join(m for m, on in (("可管理用户", r.admin), ("已停用", r.disabled)) if on)
        line = f"{r.name}\t{marks or '—'}\t口令修改于 {china_minute(r.password_changed_at) or '—'}"
        if r.disabled and r.disabled_by:
            line += f"\t{r.disabled_by} 于 {china_minute(r.disabled_at)} 停用"
        elif r.enabled_by:
            line += f"\t{r.enabled_by} 于 {china_minute(r.enabled_at)} 重新启用"
        print(line)
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """Change a password."""
    from fieldapp.services import users

    ledger = open_ledger(args, existing="user passwd")
    try:
        who = users.check_passwd(ledger, args.name).name  # before asking for a password
        row = users.change_password(ledger, args.name, new_password(args, who))
    finally:
        ledger.close()
    print(f"已修改 {row.name} 的口令")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable a user."""
    from fieldapp.services import users

    ledger = open_ledger(args, existing="user disable")
    try:
        row = users.disable_user(ledger, args.name)
        unlocked = ledger.unlocked
    finally:
        ledger.close()
    if unlocked is not None:
        # A new database key, so that an old copy of the key file (with this user's slot)
        # does not open the ledger as it is from now on.
        try:
            users.rotate_key(ledger.path, unlocked)
        except users.RotationFailed as error:
            # The user IS disabled (docs/hub.md: while hub serve runs, only disabled): said as
            # done, the key change as put off, exit 0 — not 错误 and 1, as if nothing was done.
            # Put off until the program holding it is closed, or (a full disk, a read-only
            # folder) until what the message names is put right: not a program to close.
            until = (
                "关掉正开着它的程序（如 hub serve）之后"
                if error.busy
                else "照上面说的办好之后（如腾出空间）"
            )
            print(f"已停用用户 {row.name}：其口令从此打不开本台账")
            warn(
                f"注意：{error}。钥匙的更换推迟到{until}："
                f"那时再运行一次 fieldapp user disable {row.name} 即更换；在那之前，"
                f"钥匙文件的旧副本仍能用 {row.name} 的口令打开台账"
            )
            return 0
    print(f"已停用用户 {row.name}：其口令从此打不开本台账；台账已换用新钥匙")
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    """Enable a disabled user again, with a new password."""
    from fieldapp.services import users

    ledger = open_ledger(args, existing="user enable")
    try:
        users.check_enable(ledger, args.name)  # before asking for a password that would be refused
        row = users.enable_user(ledger, args.name, new_password(args, args.name))
    finally:
        ledger.close()
    print(f"已重新启用用户 {row.name}：请把新口令告诉本人")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Back up the ledger."""
    from fieldapp.services import backup as backups
    from fieldapp.store.vault import ledger_state

    # Opening a ledger that is not there makes a new one: its backup would hold no one, and
    # "已备份到 …" would send the clerk off with an empty stick (the --db forgotten).
    where = ledger_path(args)
    if ledger_state(where) == "new":
        return fail(
            f"没有台账 {where}：没有备份。要备份的台账不在默认位置时，用 --db 指明，"
            "如 fieldapp --db 红星村.db backup --out 备份文件"
        )
    ledger = open_ledger(args, existing="backup")
    try:
        path = backups.backup(ledger, args.out)
    finally:
        ledger.close()
    print(f"已备份到 {path}（已加密；恢复时需要本台账某个用户的口令）")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the ledger."""
    from fieldapp.cli.common import CredentialsMissing
    from fieldapp.services import backup as backups
    from fieldapp.services.ledgers import Credentials
    from fieldapp.services.users import WrongPassword

    info = backups.read_backup(args.file)  # a damaged file is refused before asking anything
    creds = credentials(args, required=True)
    assert creds is not None
    if info is None:  # a first-wave backup: the password typed becomes its first user's
        typed_twice(args, creds, "没有恢复")
    then = _backup_password(args)  # a password changed since: the backup's is the old one
    opens = Credentials(creds.user, then) if then is not None and info is not None else creds
    try:
        done = backups.restore(args.file, ledger_path(args), opens, current=creds)
    except WrongPassword:
        if then is not None:  # the option was used: its password is the wrong one
            raise CredentialsMissing(
                f"备份 {args.file} 打不开：给出的备份那天的口令不对（--backup-password-file "
                "或环境变量 FIELDAPP_BACKUP_PASSWORD）。什么也没有恢复"
            ) from None
        raise CredentialsMissing(
            f"备份 {args.file} 打不开：{creds.user} 的口令不对。备份用的是备份那天的口令；"
            "那以后改过口令的，请用 --backup-password-file（或环境变量 "
            "FIELDAPP_BACKUP_PASSWORD）给出那时的口令。什么也没有恢复"
        ) from None
    print(f"已从 {args.file} 恢复台账 {done.path}")
    if info is None and then is not None:
        print(
            "这个备份是旧版程序做的，本身没有口令：备份那天的口令（--backup-password-file 或"
            f"环境变量 FIELDAPP_BACKUP_PASSWORD）没有用到；恢复后的台账用 {creds.user} 这次给出的"
            "口令打开"
        )
    if done.kept:
        print(f"恢复前的台账另存为 {done.kept}")
    look = (backups.CANNOT_KNOW, backups.USERS_UNREAD)
    for sentence in done.users_said:  # the users carried over from the ledger replaced
        print(str(sentence))
    if any(s.template in look for s in done.users_said):
        print(f"用户名单：fieldapp --db {done.path} user list")
    return 0


def _backup_password(args: argparse.Namespace) -> str | None:
    """The backup's own password (--backup-password-file or FIELDAPP_BACKUP_PASSWORD), for an
    administrator whose password changed after the backup was made; None: the same one."""
    if args.backup_password_file:
        return read_password_file(args.backup_password_file)
    return os.environ.get("FIELDAPP_BACKUP_PASSWORD") or None


def cmd_hub_reset_password(args: argparse.Namespace) -> int:
    """The county resets a device user's password."""
    from fieldapp.cli.sync_cmds import _open_hub, say_no_users
    from fieldapp.services import users

    hub = _open_hub(args)
    try:
        # The ledger and the user checked before a new password is asked for.
        users.check_county_reset(hub.ledger, args.ledger, args.reset_user)
        row = users.county_reset(
            hub.ledger, args.ledger, args.reset_user, new_password(args, args.reset_user)
        )
    finally:
        hub.close()
    print(f"已重置 {args.ledger.name} 中用户 {row.name} 的口令")
    say_no_users(hub, "重置口令的人", "重置")
    return 0


def cmd_hub_resets(args: argparse.Namespace) -> int:
    """List the county's password resets kept at the hub, in China time."""
    from fieldapp.cli.sync_cmds import _open_hub
    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places

    hub = _open_hub(args)
    try:
        rows = hub.log.resets()
        listed = listed_places(hub.ledger)
        for r in rows:  # the keys scripts read stay; China time and the place are added
            peer = hub.state.peer(r["device"]) if r["device"] else None
            area = (peer.area_code or "") if peer is not None else ""
            r |= {
                "at_china": china_iso(r["at"]),
                "device_area": area,
                "device_area_name": say_place(area, divisions(), listed, PlaceWording.WHOLE),
            }
    finally:
        hub.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        device = r["device"] or "（未登记的设备）"
        if r["device_area_name"]:
            device += f"（{r['device_area_name']}）"
        print(
            f"{china_minute(r['at'])}  县级汇总中心 {r['by'] or '（未记用户）'} 重置了 "
            f"{device} 上 {r['user']} 的口令  台账 {r['ledger_file']}"
        )
    if not rows:
        print("县里还没有重置过设备台账的口令")
    return 0


def cmd_exports(args: argparse.Namespace) -> int:
    """List the export log."""
    from fieldapp.services.exports import export_log

    ledger = open_ledger(args, existing="exports")
    try:
        rows = export_log(ledger)
    finally:
        ledger.close()
    if args.json:
        print_json([_with_china(r, ("exported_at",)) for r in rows])
        return 0
    for r in rows:
        # An enrolled device signs 姓名@设备名称; a ledger never enrolled exports only here.
        user = str(r["user"] or "未知")
        who = escaped(user if "@" in user else f"{user}（本机）")
        # The file's name as saved (or as another device wrote it): escaped, not run.
        print(
            f"{china_minute(r['exported_at'])}  {who}  {escaped(r['kind'])}  "
            f"{r['persons']} 人  {escaped(r['file_name'])}  SHA-256 {escaped(r['file_hash'][:16])}…"
        )
    if not rows:
        print("没有导出记录")
    return 0
