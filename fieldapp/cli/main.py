"""`fieldapp` entry point: no command opens the desktop app; commands script the same services.

The start is lazy: `COMMANDS` says which module adds each command, and only the module of the
command being run is imported (`fieldapp --help` imports none: it lists the table). A command's
module may pull in heavy libraries (ReportLab, openpyxl, pypinyin's dictionaries); a search
should not wait for them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from fieldapp.cli import argparse_zh
from fieldapp.cli.common import TerminalSafe, fail, given_on_stdin, hinted, report_skipped
from fieldapp.coredumps import no_core_dumps
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.redact import app_log, log_to
from fieldapp.paths import build_label

#: Every top-level command: the module that adds it (`register(subparsers)`) and its help line.
COMMANDS: dict[str, tuple[str, str]] = {
    "search": ("fieldapp.cli.ledger_cmds", "查找人员（姓名、拼音、身份证或电话号码片段）"),
    "person": ("fieldapp.cli.ledger_cmds", "人员"),
    "template": ("fieldapp.cli.tabular_cmds", "生成台账导入模板（xlsx）"),
    "import": (
        "fieldapp.cli.tabular_cmds",
        "从 Excel/CSV 台账导入人员（有问题的行列出原因，其余照常导入）",
    ),
    "export": (
        "fieldapp.cli.tabular_cmds",
        "把台账导出为 Excel（xlsx）或 CSV，格式与导入模板相同",
    ),
    "demo": (
        "fieldapp.cli.demo_cmds",
        "生成演示台账（贵州真实区划、有效身份证号，同一种子结果相同）",
    ),
    "eligible": ("fieldapp.cli.policy_cmds", "政策资格：每条规则是否符合、原因、金额、资金来源"),
    "due": (
        "fieldapp.cli.policy_cmds",
        "待办服务：1311服务、失业登记、分级服务、月度更新、跟踪回访",
    ),
    "duties": (
        "fieldapp.cli.policy_cmds",
        "家庭责任：一户一人、零就业家庭、公益性岗位超线、一人多岗",
    ),
    "policy": ("fieldapp.cli.policy_cmds", "政策包"),
    "calendar": (
        "fieldapp.cli.policy_cmds",
        "某一年的放假和调休上班日，以及出处（无安排时按法定节假日估算）",
    ),
    "report": ("fieldapp.cli.policy_cmds", "报表"),
    "rosters": (
        "fieldapp.cli.policy_cmds",
        "一库五册（劳动力、培训、转移就业、自主创业、公益性岗位）",
    ),
    "claim": ("fieldapp.cli.policy_cmds", "补贴申领"),
    "batch": ("fieldapp.cli.policy_cmds", "申领批次"),
    "print": (
        "fieldapp.cli.print_cmds",
        "打印申请表、花名册、公示表、走访记录、务工证明（PDF）",
    ),
    "enrol": (
        "fieldapp.cli.sync_cmds",
        "用县里发的登记文件登记本台账（本机已有数据会保留并上传）",
    ),
    "sync": ("fieldapp.cli.sync_cmds", "与县级汇总中心交换数据包"),
    "conflicts": (
        "fieldapp.cli.sync_cmds",
        "列出并发修改的冲突（各方的值都保留），和表格更新时留下未决定的冲突",
    ),
    "hub": ("fieldapp.cli.sync_cmds", "县级汇总中心"),
    "user": ("fieldapp.cli.user_cmds", "本台账的用户（口令、能否管理用户、停用、重新启用）"),
    "exports": ("fieldapp.cli.user_cmds", "导出记录：谁、何时、导出了什么、多少人、文件校验值"),
    "backup": ("fieldapp.cli.user_cmds", "备份台账（加密；恢复时需要本台账某个用户的口令）"),
    "restore": ("fieldapp.cli.user_cmds", "从备份恢复台账（当前台账先另存一份）"),
}


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (before the command word)."""
    parser.add_argument("--db", help="台账文件路径（默认：用户数据文件夹中的 ledger.db）")
    parser.add_argument("--user", help="用户名（或环境变量 FIELDAPP_USER）")
    parser.add_argument(
        "--password-file", metavar="FILE", help="从文件第一行读口令（或环境变量 FIELDAPP_PASSWORD）"
    )
    # Gone: the author of a change is the logged-in user. Still parsed, to refuse it in Chinese.
    parser.add_argument("--author", help=argparse.SUPPRESS)


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The argument parser: with every command's module (`"*"`, for tests and docs), or only
    `command`'s (the other commands listed by name, for `--help`), or none (None)."""
    argparse_zh.install()
    parser = argparse.ArgumentParser(prog="fieldapp", description="劳动力台账 fieldapp")
    parser.add_argument(
        "--version", action="version", version=f"fieldapp {build_label()}", help="显示程序版本"
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="命令")
    wanted = {module for module, _help in COMMANDS.values()} if command == "*" else set()
    if command in COMMANDS:
        wanted.add(COMMANDS[command][0])
    for name, (module, help_text) in COMMANDS.items():
        if module not in wanted:
            sub.add_parser(name, help=help_text, add_help=False)  # listed, not loaded
    for module in dict.fromkeys(m for m, _h in COMMANDS.values() if m in wanted):
        importlib.import_module(module).register(sub)
    return parser


def command_word(argv: list[str]) -> str | None:
    """The command named in `argv` (after the global options), None when there is none."""
    pre = argparse.ArgumentParser(add_help=False)
    _add_global_options(pre)
    pre.add_argument("command", nargs="?")
    known, _rest = pre.parse_known_args(argv)
    command: str | None = known.command
    return command


GLOBAL_OPTIONS = ("--db", "--user", "--password-file")

#: A county hub's PostgreSQL gone from under a command (`saving.LOST`: restarted, shut down,
#: the connection ended by its administrator): nothing of the command was kept.
DATABASE_LOST_SAID = (
    "与数据库的连接断开了（数据库重启了，或管理员中断了连接）：这次的操作没有完成，"
    "此前保存的数据不受影响，请稍后再试"
)

#: … gone while the command's write was being committed (`saving.unsure_commit`): the
#: database may have recorded it before the connection went — not said to be undone.
DATABASE_LOST_AT_COMMIT_SAID = (
    "与数据库的连接在保存时断开了（数据库重启了，或管理员中断了连接）：不能确定这次的操作"
    "是否已记下，请查看后，没有记下的再做一次"
)


def _misplaced_global_option(argv: list[str], unrecognized: list[str]) -> str | None:
    """The sentence for a global option written after the command word (a command without
    such an option of its own leaves it unrecognized), with the line written the right way;
    None when there is none."""
    for index, token in enumerate(unrecognized):
        option = token.split("=", 1)[0]
        if option not in GLOBAL_OPTIONS:
            continue
        taken = [token] if "=" in token else unrecognized[index : index + 2]
        start = next((i for i in range(len(argv)) if argv[i : i + len(taken)] == taken), None)
        if start is None:
            return None
        rest = argv[:start] + argv[start + len(taken) :]
        line = " ".join(["fieldapp", *taken, *rest])
        return f"{option} 要写在命令前面（紧跟 fieldapp），例如：{line}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    private_files()
    no_core_dumps()  # nor systemd-coredump's journal: `coredumps`
    parser = build_parser(command_word(argv))
    _, extra = parser.parse_known_args(argv)
    misplaced = _misplaced_global_option(argv, extra)
    if misplaced:
        return fail(misplaced, 2)
    args = parser.parse_args(argv)
    if args.author is not None:
        return fail("--author 已停用：修改人就是登录的用户（用 --user 指定）", 2)
    if not args.command:
        from fieldapp.ui.app import run_app

        return run_app(args.db)
    not_given = given_on_stdin(args)
    if not_given:
        return fail(not_given, 2)
    logged = command_log(args)
    stdout, sys.stdout = sys.stdout, TerminalSafe(sys.stdout)
    try:
        return int(args.func(args) or 0)
    except FieldappError as error:
        return fail(f"{error}{hinted(error)}")
    except KeyboardInterrupt:
        return fail("已取消", 130)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except IsADirectoryError as error:  # a folder given where a file is read or written
        return fail(f"“{error.filename}”是文件夹，请给出文件")
    except OSError as error:  # a file the command reads or writes: say which and why
        where = f"“{error.filename}”" if error.filename else ""
        return fail(
            f"读写文件{where}出错：{error.strerror or error}（磁盘已满、已拔出或没有权限？）"
        )
    except Exception as error:
        from fieldapp.saving import (
            BUSY,
            DISK,
            LOST,
            READ_ONLY,
            ledger_trouble,
            on_database,
            unsure_commit,
        )

        trouble = ledger_trouble(error)
        if trouble == LOST and unsure_commit(error):  # recorded or not, nobody knows
            return fail(DATABASE_LOST_AT_COMMIT_SAID)
        if trouble == LOST:  # a county hub's PostgreSQL restarted or ended the connection
            return fail(DATABASE_LOST_SAID)
        if trouble == READ_ONLY and on_database(error):  # a county hub's PostgreSQL
            return fail(
                "无法写入台账：汇总中心的数据库只接受读取（可能连到了备用库，或数据库被设为只读）。"
                "这次的操作没有完成，此前保存的数据不受影响。请与数据库管理员联系，恢复写入后再试"
            )
        if trouble == READ_ONLY:
            return fail(
                "无法写入台账：台账文件是只读的（U 盘打开了写保护，或文件被设为只读）。"
                "这次的操作没有完成，此前保存的数据不受影响。请去掉只读后再试"
            )
        if trouble == DISK:
            return fail(
                "写入台账时出错（磁盘已满、已拔出或没有写入权限？）：这次的操作没有完成，"
                "此前保存的数据不受影响。请腾出磁盘空间后再试"
            )
        if trouble != BUSY:
            return fault(error)
        return fail(
            "台账正忙：另一个程序（hub serve、另一个导入或打开着的桌面程序）正在写入它，"
            "等了 30 秒仍未结束。这次没有改动，请稍后再试"
        )
    finally:
        sys.stdout = stdout
        if not sys.stderr.closed:
            report_skipped()
        if logged is not None:
            handler, level = logged
            logging.getLogger("fieldapp").removeHandler(handler)
            logging.getLogger("fieldapp").setLevel(level)
            handler.close()


def command_log(args: argparse.Namespace) -> tuple[logging.Handler, int] | None:
    """A command's log lines (a bundle refused, an export's writer that died: values of rows
    and file names in them) to the desktop's fieldapp.log, masked, not to stderr — a cron
    job's or a service's stderr is a journal on disk, where Python would put them in clear
    and in English; stderr holds the command's own Chinese lines. A log file that cannot be
    opened (the data folder read-only, its disk full) leaves them unwritten, the command runs.
    `hub serve` logs to its terminal or service log itself. The handler added and the level it
    replaced (both undone when the command ends), None when the process logs already."""
    root = logging.getLogger("fieldapp")
    if getattr(args, "logs_itself", False) or root.handlers:
        return None
    level = root.level
    try:
        return log_to(app_log()), level
    except OSError:
        handler = logging.NullHandler()
        root.addHandler(handler)
        return handler, level


def fault(error: Exception) -> int:
    """An error no command foresaw (a bug, a damaged row): its traceback to the log, masked
    (its text may hold a row's values), and one Chinese line on stderr saying where that is —
    Python printed the traceback there, in clear (`hub serve`'s log is its stderr, masked)."""
    logging.getLogger("fieldapp.cli").error(
        "命令没有完成：%s", type(error).__name__, exc_info=error
    )
    files = [
        h for h in logging.getLogger("fieldapp").handlers if isinstance(h, logging.FileHandler)
    ]
    where = f"，详情已记入日志文件 {files[0].baseFilename}" if files else ""  # (none: not kept)
    return fail(f"程序内部出错，命令没有完成{where}")


def private_files() -> None:
    """Files and folders this process creates are its user's alone (0600 / 0700 on Linux):
    ledgers, logs, backups, exports, enrolment files. Windows keeps them in the user's profile."""
    if os.name != "nt":
        os.umask(0o077)


if __name__ == "__main__":
    sys.exit(main())
