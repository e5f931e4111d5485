"""Helpers shared by the command modules: who is at the keyboard, opening the ledger, printing.

The user comes from `--user NAME` or FIELDAPP_USER; the password from `--password-file FILE`,
else FIELDAPP_PASSWORD, else a prompt when there is a terminal (as restic and borg do). A new
password (user add / passwd, the county's reset) comes from `--new-password-file FILE`, else
FIELDAPP_NEW_PASSWORD, else a prompt asked twice.
"""

from __future__ import annotations

import argparse
import codecs
import getpass
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import FieldappError
from fieldapp.paths import default_ledger_path
from fieldapp.services.ledgers import (
    Credentials,
    Ledger,
    clear_backups,
    clear_copies_note,
    keys_in_clear,
    ledger_state,
)
from fieldapp.services.ledgers import open_ledger as _open
from fieldapp.services.trust import printable

#: The help of every list command's `--json`: county staff script the app through it.
JSON_HELP = "以 JSON 输出（供脚本读取）"
#: How a command names a claim or a batch: the number its papers print and its list says, or its id.
CLAIM_NAMED = (
    "申请编号（申请表上印的、claim list 列出的，如 KMTAX-12），"
    "或 claim create 最后一行、--json 的 id（可用唯一前缀）"
)
BATCH_NAMED = (
    "批次编号（花名册、公示表上印的、batch list 列出的，如 KMTAX-30），"
    "或 batch create 最后一行、--json 的 id（可用唯一前缀）"
)

#: Ledgers this command opened: after it, rows they skipped as malformed are named.
_OPENED: list[Ledger] = []


class CredentialsMissing(FieldappError):
    """No user or password could be had (no terminal to ask on)."""


def ledger_path(args: argparse.Namespace) -> Path:
    """The ledger named by --db, or the default one in the user's data folder. A folder given
    (`--db 新电脑` for `--db 新电脑/ledger.db`) is refused saying so: it was taken for a new
    ledger's name, said 已新建台账 and then a read-only folder or a name of the program's own."""
    if not getattr(args, "db", None):
        return default_ledger_path()
    path = Path(args.db)
    if path.is_dir():
        raise FieldappError(
            f"--db 写的 {args.db} 是文件夹，不是台账文件：请写台账文件本身，"
            f"如 --db {(path / 'ledger.db').as_posix()}（台账默认叫 ledger.db）；什么也没有做"
        )
    return path


def has_terminal() -> bool:
    """True when someone at a terminal can be asked (not a script piping stdin)."""
    return sys.stdin is not None and sys.stdin.isatty()


#: The arguments that hold an ID number (`search`'s text may be one), each taking `-` for a
#: line of standard input — a number typed on the command line stays in the shell's history.
FROM_STDIN = {"id_number": "身份证号", "person": "身份证号", "text": "要查找的内容"}


def given_on_stdin(args: argparse.Namespace) -> str | None:
    """Put the line read from standard input (asked for at a terminal) in place of each `-`
    given for an argument of `FROM_STDIN`; a refusal to say when standard input had none."""
    for name, what in FROM_STDIN.items():
        if getattr(args, name, None) != "-":
            continue
        if has_terminal():
            print(f"{what}（输入后回车）：", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline().strip() if sys.stdin is not None else ""
        if not line:
            return f"{what}给的是“-”，但标准输入里没有内容：请在提示后输入，或从文件读入（< 文件）"
        setattr(args, name, line)
    return None


#: A password file's byte-order marks: Notepad's "UTF-8 with BOM", PowerShell 5's `>` (UTF-16).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _password_text(data: bytes) -> str | None:
    """A password file's text: by its byte-order mark, else UTF-8, else GB18030 (what Notepad
    saves as "ANSI" on a Chinese Windows); None when it is none of them."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return None
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def read_password_file(path: str) -> str:
    """The password on the first line of `path`; CredentialsMissing saying the file and what
    is wrong with it (not there, a folder, not this account's to read, empty)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise CredentialsMissing(f"找不到口令文件 {path}（文件名或所在的文件夹写错了？）") from None
    except IsADirectoryError:
        raise CredentialsMissing(f"口令文件 {path} 是文件夹，请给出口令文件本身") from None
    except PermissionError:
        raise CredentialsMissing(
            f"没有权限读口令文件 {path}：它只给某个账户读（如运行汇总中心的 fieldapp 账户），"
            "请用那个账户运行（sudo -u fieldapp fieldapp …）"
        ) from None
    except OSError:
        raise CredentialsMissing(f"读不到口令文件 {path}") from None
    text = _password_text(data)
    if text is None:
        raise CredentialsMissing(f"口令文件 {path} 的编码认不出，请用 UTF-8 保存")
    _say_if_others_read(path)
    first = text.splitlines()[0] if text else ""
    if not first:
        raise CredentialsMissing(f"口令文件 {path} 的第一行是空的：第一行应是口令")
    return first


def _say_if_others_read(path: str) -> None:
    """A password file other accounts of the computer may read (POSIX permissions; `echo … >`
    makes it 0644): still read — a service must start — but said, as ssh says of a key."""
    if os.name == "nt":
        return
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return
    if not mode & 0o077:
        return
    who = "这台电脑上的所有账户" if mode & 0o007 else "同组的账户"
    print(
        f"注意：口令文件 {path} {who}都能读，谁都能看到这个口令：请只让自己的账户读"
        f"（chmod 600 {path}）",
        file=sys.stderr,
    )


def ask(prompt: str, secret: bool = True) -> str:
    """An answer typed on the terminal (a password is not echoed); Ctrl+D or Ctrl+Z at the
    prompt ends the command with a sentence, not a traceback."""
    try:
        return getpass.getpass(prompt) if secret else input(prompt)
    except EOFError:
        print(file=sys.stderr)  # the prompt's line is left open
        raise CredentialsMissing("没有输入，已取消") from None


def given_user(args: argparse.Namespace) -> str | None:
    """The user named on the command line or in FIELDAPP_USER."""
    return getattr(args, "user", None) or os.environ.get("FIELDAPP_USER") or None


def given_password(args: argparse.Namespace) -> str | None:
    """The password from --password-file or FIELDAPP_PASSWORD (no prompt)."""
    if getattr(args, "password_file", None):
        return read_password_file(args.password_file)
    return os.environ.get("FIELDAPP_PASSWORD") or None


def credentials(
    args: argparse.Namespace, *, required: bool, new: bool = False
) -> Credentials | None:
    """The user and password of this run; asks on a terminal when `required` (an encrypted
    ledger) or when a user was named. None when nothing was given and nothing is required.
    `new`: the ledger (or hub) is being made, the password given is its first user's."""
    known: Credentials | None = getattr(args, "_credentials", None)
    if known is not None:
        return known  # a command opening the ledger twice asks once
    user, password = given_user(args), given_password(args)
    if not required and user is None and password is None:
        return None
    if user is None:
        if not has_terminal():
            if not required:  # a password left in the environment, on a ledger without one
                source = "--password-file" if getattr(args, "password_file", None) else None
                given = f"给了口令（{source or 'FIELDAPP_PASSWORD'}）却没有用户名："
                if new:  # (nothing made: a first user needs a name as well as a password)
                    raise CredentialsMissing(
                        given + "请用 --user 或 FIELDAPP_USER 写明第一个用户的名字；什么也没有建立"
                    )
                raise CredentialsMissing(
                    given + "请用 --user 或 FIELDAPP_USER 指定用户；"
                    "这个台账没有设置口令，不用口令也能打开"
                )
            raise CredentialsMissing("台账已加密：请用 --user 或 FIELDAPP_USER 指定用户")
        user = ask("用户名：", secret=False).strip()
    if password is None:
        if not has_terminal():
            raise CredentialsMissing(
                "需要口令：请用 --password-file 或 FIELDAPP_PASSWORD 给出，或在终端中输入"
            )
        password = ask(f"{user} 的口令：")
    if not password:
        raise CredentialsMissing("口令不能为空")
    creds = Credentials(user, password)
    args._credentials = creds
    return creds


def typed_twice(args: argparse.Namespace, creds: Credentials | None, nothing_done: str) -> None:
    """A first password (a ledger or hub made or encrypted with it) typed on the terminal is
    asked again: a slip would lock it with a password nobody knows, and a ledger not enrolled
    (or a hub) has no one to reset it. One from a file or the environment is taken as given."""
    if creds is None or getattr(args, "password_file", None) or os.environ.get("FIELDAPP_PASSWORD"):
        return
    if ask(f"再输入一次 {creds.user} 的口令：") != creds.password:
        raise CredentialsMissing(f"两次输入的口令不一致：{nothing_done}，请再运行一次")


def new_password(args: argparse.Namespace, who: str) -> str:
    """A new password for `who`: --new-password-file, FIELDAPP_NEW_PASSWORD or asked twice."""
    if getattr(args, "new_password_file", None):
        return read_password_file(args.new_password_file)
    given = os.environ.get("FIELDAPP_NEW_PASSWORD")
    if given:
        return given
    if not has_terminal():
        raise CredentialsMissing(
            "需要新口令：请用 --new-password-file 或 FIELDAPP_NEW_PASSWORD 给出，或在终端中输入"
        )
    first = ask(f"{who} 的新口令：")
    if ask("再输入一次：") != first:
        raise CredentialsMissing("两次输入的口令不一致，没有修改")
    return first


def no_ledger(args: argparse.Namespace) -> Path | None:
    """The full path of the ledger of --db (or the default place) when there is none there —
    for a command that only reads what the program ships (`calendar`, `policy check`) and goes
    on without one, saying so, rather than make an empty ledger or refuse; None when there is
    one (or this command already opened it)."""
    known: Ledger | None = getattr(args, "_ledger", None)
    if known is not None and not known.closed:
        return None
    path = ledger_path(args)
    return path.resolve() if ledger_state(path) == "new" else None


def open_ledger(args: argparse.Namespace, *, existing: str = "") -> Ledger:
    """The ledger of this run, opened as the user at the keyboard.

    `existing` (the command as typed, "user add"): it works on a ledger already there (its
    users, its bundle for the county): none at the path is refused, naming the path and --db, nothing made — a new empty
    one would take the colleague added or be sent to the county as this village's.

    An encrypted ledger needs a user and password; a plain one opens without (and is
    encrypted when a user and password are given); a new one is created encrypted when they
    are given, plain otherwise (with a note on stderr). Opened once per command: the key is
    derived from the password once, and one connection sees every write the command makes.
    """
    known: Ledger | None = getattr(args, "_ledger", None)
    if known is not None and not known.closed:
        return known  # a command asking twice (the ledger, then its policy) opens it once
    path = ledger_path(args)
    state = ledger_state(path)
    if existing and state == "new":
        raise FieldappError(
            f"没有台账 {path}：什么也没有做。要用的台账不在默认位置时，用 --db 指明，"
            f"如 fieldapp --db 红星村.db {existing} …"
        )
    creds = credentials(args, required=state == "encrypted", new=state == "new")
    if state == "plain" and creds is None:
        _refuse_keys_in_clear(path)
    if state != "encrypted":
        typed_twice(args, creds, "没有新建或加密台账")
    if state == "new" and creds is None:
        print(
            f"提示：已新建台账 {path.resolve()}，没有设置口令，文件未加密（用 --user 和口令新建即加密）",
            file=sys.stderr,
        )
    ledger = opened(_open(path, credentials=creds))
    args._ledger = ledger
    if state == "new" and creds is not None:
        print(
            f"提示：已新建台账 {path.resolve()}（已加密），{creds.user} 是它的第一个用户；"
            "要用别的台账时，用 --db 指明",
            file=sys.stderr,
        )
    if state == "plain" and ledger.encrypted:
        _say_encrypted(ledger, path)
    return ledger


def _refuse_keys_in_clear(path: Path) -> None:
    """A ledger an older program enrolled without a password holds this device's private sync
    keys, with every ID number and account, in clear: opened without a password it is refused,
    nothing in it changed, saying how to set one — run with a user and password, it is
    encrypted in place (the county's slot added) and the command goes on. A demo ledger stays
    as it is, and so do the tests' throw-away ledgers: enrolled plain by the command line
    (FIELDAPP_TEST_PLAIN_ENROL) or by the suite's fixtures (FIELDAPP_TEST_PLAIN_LEDGERS, as
    FIELDAPP_TEST_FAST_KDF)."""
    hatches = ("FIELDAPP_TEST_PLAIN_ENROL", "FIELDAPP_TEST_PLAIN_LEDGERS")
    if any(os.environ.get(name) for name in hatches) or not keys_in_clear(path):
        return
    raise CredentialsMissing(
        f"台账 {path.name} 已登记到县里，但没有设置口令、没有加密：本机与县里同步用的私钥和"
        "全部人员的身份证号、账号都明文存在这个文件里，笔记本丢了，捡到的人不用口令就能看到，"
        "还能冒充本机给县里发数据。请带用户名和口令再运行一次（--user 姓名，口令用 "
        "FIELDAPP_PASSWORD、--password-file 或在终端输入）：台账就地加密，这个人成为它的第一个"
        "用户（县里也能为它重置口令），然后照常执行。台账没有改动"
    )


def _say_encrypted(ledger: Ledger, path: Path) -> None:
    """A plain ledger (the first wave's, or one made without a password) was just encrypted:
    say so once, who its first user is, and which clear copies of it are still beside it."""
    print(
        f"提示：台账 {path.name} 已加密，此后打开都要用户名和口令；{ledger.user} 是它的第一个用户，"
        "可以管理用户（fieldapp user add …）",
        file=sys.stderr,
    )
    note = clear_copies_note(clear_backups(path))
    if note:
        print(f"{note}（加密备份：fieldapp backup --out 文件）", file=sys.stderr)


def checked_area(ledger: Ledger, area: str | None) -> str | None:
    """`--area` as given, when the ledger has an area (or a household) inside it.

    A mistyped code would otherwise give an empty list, roster or export that looks like a
    quiet village; a village's name typed for its code is answered with the code.
    """
    if not area:
        return area
    from fieldapp.domain.areacode import area_prefix
    from fieldapp.domain.places_said import say_place
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import all_areas, area_parts, listed_places

    text = area.strip()
    prefix = area_prefix(text)
    areas = all_areas(ledger)
    if any(row.code.startswith(prefix) for row in areas) or area_parts(ledger, text):
        return text
    named = [row for row in areas if row.name == text]
    if named:
        listed = listed_places(ledger)
        codes = "、".join(
            f"{row.code}（{say_place(row.code, divisions(), listed)}）" for row in named[:5]
        )
        raise FieldappError(f"“{text}”是区域的名称，--area 请写区域代码：{codes}")
    raise FieldappError(f"台账中没有区域代码为 {text} 或以它开头的区域，请检查区域代码")


def area_or_own(ledger: Ledger, area: str | None) -> str | None:
    """`--area` checked (`checked_area`), or when none was given, the area an enrolled village,
    site or township device answers for: the people it moved out stay in its ledger, but are
    not its duties or its report's."""
    if area:
        return checked_area(ledger, area)
    from fieldapp.services.settings import own_area

    return own_area(ledger)


def opened(ledger: Ledger) -> Ledger:
    """Remember a ledger the command works on (see `report_skipped`); returns it."""
    _OPENED.append(ledger)
    return ledger


def report_skipped() -> None:
    """Name, on stderr, the stored rows the command had to leave out (malformed values)."""
    from fieldapp.store.queries.malformed import skipped

    found = {(s.table, s.row_id): s for ledger in _OPENED for s in skipped(ledger.db)}
    _OPENED.clear()
    newer = [s for s in found.values() if s.newer]
    wrong = [s for s in found.values() if not s.newer]
    if newer:
        print(
            f"注意：{len(newer)} 条记录有本机程序没有的选项，已跳过：{_named(newer)}。"
            "多半是本机的程序比中心旧，请升级本机的程序；这些记录仍在台账中，没有丢失",
            file=sys.stderr,
        )
    if wrong:
        print(
            f"注意：{len(wrong)} 条记录的数据不合格，已跳过：{_named(wrong)}。"
            "这些记录仍在台账中，请县里更正",
            file=sys.stderr,
        )


def _named(rows: list[Any]) -> str:
    """The first ten skipped rows, described (`Skipped.describe`)."""
    names = "；".join(s.describe() for s in rows[:10])
    return names + (f" 等 {len(rows)} 条" if len(rows) > 10 else "")


def escaped(value: object) -> str:
    """A value printed as read from a file or a device — a cell, a sheet's or a column's name,
    a file's name, a kept conflict's values — with every control, format or unassigned
    character written as \\uXXXX (`services.trust.printable`): a hostile sheet's ESC[2J, BEL
    or NUL (or an 8-bit CSI) shows as those letters, it does not clear or drive the terminal.
    The window shows the same value as typed (its labels draw text, they run no escapes).
    Imported with the module (`services.ledgers` loads `services.trust` already): called for
    every line a listing prints."""
    return printable(value)


class TerminalSafe:
    """Standard output for the length of a command, every control or format character but the
    line break and the tab written as \\uXXXX: a value no listing `escaped` — a file's name
    from a stick, a pack's title, words a device sent before the trust rules refused them —
    cannot clear, colour or drive the clerk's terminal (ESC, the 8-bit CSI U+009B, a carriage
    return over the line, a right-to-left override). Everything else goes to the stream
    beneath as written; plain lines pass one fast check."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if not text.replace("\n", "").replace("\t", "").isprintable():
            text = "".join(
                ch
                if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")
                else f"\\u{ord(ch):04x}"
                for ch in text
            )
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:  # flush, isatty, encoding, buffer …
        return getattr(self._stream, name)


def print_json(value: Any) -> None:
    """Pretty JSON on stdout, Chinese kept readable; a control or format character in a value
    (JSON escapes only those below U+0020: a sheet's name may hold the 8-bit CSI U+009B or a
    right-to-left override) written as its \\uXXXX escape, the same string to a script."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    lines = text.split("\n")  # the layout's own line breaks; a value's are escaped already
    sys.stdout.write("\n".join(map(_json_escaped, lines)) + "\n")


def _json_escaped(line: str) -> str:
    """A line of JSON with every control, format, private or unassigned character (inside
    its strings: the layout is ASCII) as a \\uXXXX escape; most lines pass one fast check."""
    if line.isprintable():
        return line
    out = []
    for ch in line:
        if unicodedata.category(ch)[0] != "C":
            out.append(ch)
            continue
        code = ord(ch)
        if code > 0xFFFF:  # as JSON writes it: a surrogate pair
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out)


def hinted(error: BaseException) -> str:
    """The line after a refusal for the command line (`FieldappError.cli_hint`: what to type,
    a pack's keys as its author writes them), or '' when it has none."""
    hint = getattr(error, "cli_hint", "")
    return f"\n{hint}" if hint else ""


def fail(message: str, code: int = 1) -> int:
    """Print a Chinese error on stderr and return the exit code. Each of its lines `escaped`:
    a refusal quotes what a file held (a pack's key or the pack it extends, a sheet's cell),
    and a hostile file's ESC[2J or right-to-left override must not drive the terminal."""
    warn(f"错误：{message}")
    return code


def warn(text: str) -> None:
    """Print a line (or lines) on stderr, each `escaped`: a warning, note or refusal that
    quotes a pack's, a sheet's or a device's words."""
    print("\n".join(escaped(line) for line in text.split("\n")), file=sys.stderr)
