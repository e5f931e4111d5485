"""Reading pack files: TOML parsed and validated, every error naming the file and the line."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from fieldapp import __version__
from fieldapp.domain.sentences import COLONED, OWNED, QUOTED, Part, Sentence, said, template
from fieldapp.policy.pack import (
    CONDITION_NAMES,
    MergedWord,
    NewerPack,
    PackError,
    PackFile,
    status_word_refusals,
)

#: A pack saved as GBK ("ANSI" in Notepad), and what to do about it.
NOT_UTF8 = template("不是 UTF-8 编码的文本文件（请用记事本打开，“另存为”时编码选 UTF-8）")
#: A pack file not found.
NO_FILE = template("文件不存在")
#: A date written with a one-digit month or day (%1), as it should be written (%2).
DAY_UNPADDED = template("日期 %1 写法不对（应写 %2，月、日写两位）")
#: TOML's own complaint (%1: its words, glossed where the program knows them).
TOML_WRONG = template("TOML 语法错误（%1）")
#: A pack's text with no [pack] table to write `requires` in.
NO_PACK_TABLE = template("政策包没有 [pack] 段")
#: `requires` not a version in quotes.
REQUIRES_NOT_VERSION = template('pack.requires：应为程序的版本号，加引号（如 requires = "0.3.0"）')

#: What a pydantic error of each type is said as (a template without parts).
_ERROR_TEXT = {
    "missing": template("缺少必填项"),
    "extra_forbidden": template("不认识的字段（可能拼错了）"),
    "int_parsing": template("应为整数"),
    "int_type": template("应为整数"),
    "int_from_float": template("应为整数"),
    "float_parsing": template("应为数字"),
    "float_type": template("应为数字"),
    "finite_number": template("应为有限的数字（不能写 inf 或 nan）"),
    "bool_type": template("应为 true 或 false"),
    "bool_parsing": template("应为 true 或 false"),
    "string_type": template("应为文字（加引号）"),
    "date_type": template("应为日期（如 2025-12-31，不加引号）"),
    "date_parsing": template("应为日期（如 2025-12-31，不加引号）"),
    "date_from_datetime_parsing": template("应为日期（如 2025-12-31，不加引号）"),
    "list_type": template("应为列表 [ … ]"),
    "dict_type": template("应为表（{ … } 或 [表名]）"),
    "model_type": template("应为表（{ … } 或 [表名]）"),
    "greater_than_equal": template("数值太小"),
    "less_than_equal": template("数值太大"),
    "string_too_short": template("不能为空"),
    "string_pattern_mismatch": template("格式不对（规则编号只用小写字母、数字和下划线）"),
}
#: A problem (%2) of a part of the pack (%1, `part_said`), or of a rule (`rule_named`).
KEYED = COLONED
#: The deadlines' names as fields (`FIELD_NAMES`).
DEADLINE_1311_DAYS = template("提供“1311”就业服务的办理时限")
REGISTRATION_DAYS = template("办结失业登记的办理时限")
#: A document number, as a field of a document, a rule or the income line.
DOCUMENT_NUMBER = template("文号")
#: A value not among those allowed (%1 as written, %2 those allowed).
NOT_ALLOWED = template("取值“%1”不在允许范围内（允许：%2）")
#: A problem no sentence of ours says (%1 pydantic's words).
INVALID = template("取值不合法（%1）")
#: The first problem (%1) and how many more (%2).
MORE_PROBLEMS = template("%1（另有 %2 处问题）")


# Which part of the pack a problem is in, in the clerk's words (`part_said`); the key the pack
# writes is the command line's (`problem_keys`, `PackError.cli_hint`).
#: A part of the pack named by its name as the pack writes it (a rule's title, a document's
#: number, a level's or bundle's name).
PART_NAMED = QUOTED
#: … a field of it (%1 the part, %2 the field's name).
PART_FIELD = OWNED
#: … a key the program does not know (%2, as written: a misspelling) in a part (%1).
PART_UNKNOWN_KEY = template("%1中的“%2”")
#: A rule, document, level or bundle with no name written, by its place (%1) in the pack.
NTH_RULE = template("本包新增的第 %1 条规则")
NTH_OVERRIDE = template("本包的第 %1 项修改")
NTH_DOCUMENT = template("本包所列的第 %1 份文件")
NTH_LEVEL = template("第 %1 个服务等级")
NTH_BUNDLE = template("第 %1 个服务套餐")
#: The parts of a pack (its tables), in the clerk's words.
SECTION_NAMES = {
    "pack": template("政策包的基本信息"),
    "lines": template("监测收入线"),
    "deadlines": template("办理时限"),
    "clauses": template("各项服务规定的依据"),
    "calendar": template("节假日和调休安排"),
    "status_words": template("就业状态用词"),
    "documents": template("本包所列的文件"),
    "rules": template("本包新增的规则"),
    "overrides": template("本包对规则的修改"),
    "service_levels": template("服务等级"),
    "service_bundles": template("服务套餐"),
}
#: Each list of the pack: its items' name key and how one with no name is said.
_NAMED_BY = {
    "rules": ("title", NTH_RULE),
    "overrides": ("title", NTH_OVERRIDE),
    "documents": ("number", NTH_DOCUMENT),
    "service_levels": ("level", NTH_LEVEL),
    "service_bundles": ("name", NTH_BUNDLE),
}
#: Parts whose fields' names say the part too (提供“1311”就业服务的办理时限): said alone.
_FIELDS_SAID_ALONE = frozenset({"deadlines"})
#: The fields a clerk sets most, in their words (the key after its part: `amount.value`); the
#: conditions by `pack.CONDITION_NAMES`. A field not here is said by its part alone.
FIELD_NAMES = {
    "title": template("名称"),
    "clause": template("依据（文号和条款）"),
    "enabled": template("是否实行"),
    "valid_from": template("开始执行日期"),
    "valid_to": template("结束日期"),
    "amount": template("补贴标准"),
    "amount.value": template("补贴金额"),
    "amount.max": template("最高限额"),
    "amount.kind": template("补贴标准的种类"),
    "amount.unit": template("补贴标准的单位"),
    "figure": template("县定金额"),
    "figure_document": template("县定标准的文号"),
    "figure_from": template("县定金额的执行日期"),
    "figure_before": template("此前的金额"),
    "figure_before_document": template("此前金额的文号"),
    "document": DOCUMENT_NUMBER,
    "document_date": template("文件日期"),
    "evidence": template("材料清单"),
    "limit": template("申领次数限制"),
    "funding_source": template("资金来源"),
    "conditions": template("申领条件"),
    "number": DOCUMENT_NUMBER,
    "version": template("版本号"),
    "issued": template("发布日期"),
    "authority": template("发文单位"),
    # (the line itself is said by its part: 监测收入线)
    "welfare_post_income_line_document": DOCUMENT_NUMBER,
    "welfare_post_income_line_from": template("执行日期"),
    "welfare_post_income_line_before": template("此前的收入线"),
    "welfare_post_income_line_before_document": template("此前收入线的文号"),
    "service_1311_workdays": DEADLINE_1311_DAYS,
    "registration_workdays": REGISTRATION_DAYS,
}


def problem_keys(error: dict[str, Any]) -> str:
    """The pack's key a pydantic error is about, as the pack writes it (rules.amount.value), for
    the command line's line (`PackError.cli_hint`); '' for none."""
    return ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))


def part_said(
    loc: tuple[str | int, ...], data: Any = None, *, unknown: bool = False
) -> Part | None:
    """Which part of the pack `loc` (a pydantic error's) is in, in the clerk's words: a rule by
    its title (`data`, the pack as read, where it has one), a condition or field by its name,
    a key the program does not know (`unknown`) as written. None for no place at all."""
    if not loc:
        return None
    head, rest = str(loc[0]), list(loc[1:])
    section: Part = said(SECTION_NAMES[head]) if head in SECTION_NAMES else said(PART_NAMED, head)
    if head in _NAMED_BY and rest and isinstance(rest[0], int):
        index, rest = rest[0], rest[1:]
        name_key, nth = _NAMED_BY[head]
        items = data.get(head) if isinstance(data, dict) else None
        item = items[index] if isinstance(items, list) and index < len(items) else None
        name = item.get(name_key) if isinstance(item, dict) else None
        written = name.strip() if isinstance(name, str) else ""
        section = said(PART_NAMED, written) if written else said(nth, str(index + 1))
    keys = [str(p) for p in rest if not isinstance(p, int)]
    if head in _FIELDS_SAID_ALONE and not unknown:
        return field_said(None, keys) or section
    return field_said(section, keys, unknown)


def field_said(section: Part | None, keys: list[str], unknown: bool = False) -> Part | None:
    """A field (`keys`, the path after its part) of `section` in the clerk's words: its name
    where the program has one (a condition's, `FIELD_NAMES`), else its part alone; a key the
    program does not know (`unknown`) as written, in its part."""
    if unknown and keys:
        owner = field_said(section, keys[:-1])
        return said(PART_UNKNOWN_KEY, owner, keys[-1]) if owner else said(PART_NAMED, keys[-1])
    for end in range(len(keys), 0, -1):
        dotted = ".".join(keys[:end])
        name = FIELD_NAMES.get(dotted)
        if end == 2 and keys[0] == "conditions" and keys[1] in CONDITION_NAMES:
            name = CONDITION_NAMES[keys[1]][0]
        if name is not None:
            return said(PART_FIELD, section, said(name)) if section else said(name)
    return section


def problem_text(
    error: dict[str, Any], data: Any = None, *, rule: Part | None = None
) -> str | Sentence:
    """One pydantic error as a sentence (a validator's own refusal: its Chinese text), after
    the part of the pack it is in, in the clerk's words (`part_said`; `data` the pack as read,
    naming a rule by its title); of a rule as changed (`rule`, as `combine.rule_named` names
    it), the error's place is in that rule."""
    kind = error.get("type", "")
    loc = tuple(error.get("loc", ()))
    unknown = kind == "extra_forbidden"
    if rule is not None:
        keys = [str(p) for p in loc if not isinstance(p, int)]
        where = field_said(rule, keys, unknown)
    else:
        where = part_said(loc, data, unknown=unknown)
    text: str | Sentence
    if kind == "value_error":
        text = str(error.get("msg", "")).removeprefix("Value error, ")
    elif kind in ("enum", "literal_error"):
        allowed = (error.get("ctx") or {}).get("expected", "")
        text = said(NOT_ALLOWED, str(error.get("input")), str(allowed))
    elif kind in _ERROR_TEXT:
        text = said(_ERROR_TEXT[kind])
    else:
        text = said(INVALID, str(error.get("msg", "")))
    return said(KEYED, where, text) if where else text


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def locate_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Map TOML paths (('rules', 2, 'amount'), …) to 1-based line numbers."""
    found: dict[tuple[str | int, ...], int] = {}
    counters: dict[str, int] = {}
    current: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0] if '"' not in line else line
        header = _HEADER.match(stripped)
        if header:
            parts = header.group(2).replace('"', "").split(".")
            if header.group(1) == "[[":
                name = ".".join(parts)
                counters[name] = counters.get(name, -1) + 1
                # Sub-tables of the current array element keep its index.
                for key in list(counters):
                    if key.startswith(name + "."):
                        del counters[key]
                current = _indexed(parts, counters)
            else:
                current = _indexed(parts, counters)
            found.setdefault(current, number)
            if header.group(1) == "[[":
                found.setdefault(current[:-1], number)
            continue
        named = _KEY.match(stripped)
        if named:
            found.setdefault((*current, named.group(1)), number)
    return found


def _indexed(parts: list[str], counters: dict[str, int]) -> tuple[str | int, ...]:
    """('rules', 'conditions') → ('rules', 3, 'conditions') using the array counters."""
    path: list[str | int] = []
    for i, part in enumerate(parts):
        path.append(part)
        name = ".".join(parts[: i + 1])
        if name in counters:
            path.append(counters[name])
    return tuple(path)


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the longest known prefix of a pydantic error location."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def read_pack_file(path: str | Path) -> PackFile:
    """Parse and validate one pack file, or raise PackError (file, line, problem)."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(name, None, said(NO_FILE)) from None
    except UnicodeDecodeError:
        raise PackError(name, None, said(NOT_UTF8)) from None
    return parse_pack_text(text, name)


def parse_pack_text(text: str, name: str) -> PackFile:
    """Parse and validate pack text; `name` is used in error messages."""
    text = text.removeprefix("\ufeff")  # UTF-8 as Windows editors save it, with a BOM
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        detail = re.sub(r"\s*\(at line.*\)$", "", message)
        lines = text.splitlines()
        where = lines[line - 1] if line and line <= len(lines) else ""
        short = next(
            (m for m in _UNPADDED_DAY.finditer(where) if min(len(m[2]), len(m[3])) == 1), None
        )
        if short is not None:  # 2027-2-5: TOML reads a list's "]" as missing, not the date
            year, month, day = short.groups()
            raise PackError(
                name,
                line,
                said(DAY_UNPADDED, short.group(0), f"{year}-{int(month):02d}-{int(day):02d}"),
            ) from None
        raise PackError(name, line, said(TOML_WRONG, _toml_problem(detail))) from None
    _check_requires(data, text, name)
    try:
        return PackFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first.get("loc", ()))
        line = line_of(locate_lines(text), loc)
        more = len(error.errors()) - 1
        problem = problem_text(dict(first), data)
        if more > 0:
            problem = said(MORE_PROBLEMS, problem, str(more))
        # (the key as the pack writes it: the command line's, on a line of its own)
        refused = PackError(name, line, problem, keys=problem_keys(dict(first)))
        refused.invalid = True
        raise refused from None


def check_words_written(text: str, name: str) -> None:
    """The county's 就业状态 words (`[status_words]`) as the pack's text writes them, checked
    as the county editor's table checks its rows (`pack.status_word_refusals`): PackError
    naming the word, and its line where it can be found, when two spellings differ only by
    spaces before or after it ("在家" and " 在家"), which reading the pack makes one word,
    the later's meaning silently kept. Asked where a pack is checked, installed, submitted or
    published, after `parse_pack_text` has read it (every other refusal of a row said there);
    never when a stored pack is read, so one signed before is read as it was."""
    words = tomllib.loads(text.removeprefix("\ufeff")).get("status_words")
    if not isinstance(words, dict):
        return
    rows = [(str(word), str(meaning)) for word, meaning in words.items()]
    for (word, _meaning), refusal in zip(rows, status_word_refusals(rows), strict=True):
        if refusal is not None:
            raise PackError(name, _word_line(text, word), refusal.said)


def merged_words(text: str) -> list[MergedWord]:
    """The 就业状态 words a pack's text spells in ways differing only by spaces before or after
    them, in the text's order: a pack signed before `check_words_written` refused such a list
    is read with one meaning per word (the last spelling's), and the next edition made from it
    (`editor.edit_county_pack`) writes each word once, which the county clerk is told before
    it is published. [] for a text that is not TOML or writes each word once."""
    try:
        words = tomllib.loads(text.removeprefix("\ufeff")).get("status_words")
    except tomllib.TOMLDecodeError:
        return []
    if not isinstance(words, dict):
        return []
    grouped: dict[str, list[tuple[str, str]]] = {}
    for word, meaning in words.items():
        grouped.setdefault(str(word).strip(), []).append((str(word), str(meaning).strip()))
    return [MergedWord(w, tuple(s)) for w, s in grouped.items() if len(s) > 1 and w]


def _word_line(text: str, word: str) -> int | None:
    """The line of `[status_words]` that writes `word` as a quoted key ("…" or '…'), if any."""
    quoted = (json.dumps(word, ensure_ascii=False), f"'{word}'")
    inside = False
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            inside = header.group(2).replace('"', "") == "status_words"
            continue
        if inside and line.lstrip().startswith(quoted):
            return number
    return None


#: The program that reads a pack stating no `requires`: the first wave's.
FIRST_PROGRAM = "0.1.0"

#: What a pack may write that an earlier program does not know, by the table it sits in
#: ("pack", "lines", "rules" or "overrides" — each row of the last two; "" for a section of
#: its own, such as `[status_words]`): the key, the first
#: fieldapp that reads it, and what it is in the clerk's words. A program adding a key or a
#: value to packs adds it here, so that `publish` stamps `requires` and earlier devices refuse
#: the pack saying to upgrade instead of reading it as misspelt.
LATER_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("overrides", "figure_from", "0.2.0", "新金额的执行日期"),
    ("overrides", "figure_before", "0.2.0", "执行日期前的金额"),
    ("overrides", "figure_before_document", "0.2.0", "执行日期前金额的文件"),
    ("rules", "figure_from", "0.2.0", "新金额的执行日期"),
    ("rules", "figure_before", "0.2.0", "执行日期前的金额"),
    ("rules", "figure_before_document", "0.2.0", "执行日期前金额的文件"),
    ("lines", "welfare_post_income_line_from", "0.2.0", "监测收入线的执行日期"),
    ("lines", "welfare_post_income_line_before", "0.2.0", "执行日期前的监测收入线"),
    ("lines", "welfare_post_income_line_before_document", "0.2.0", "执行日期前监测收入线的文件"),
    ("pack", "requires", "0.2.0", "要求的程序版本"),
    ("", "status_words", "0.2.0", "县里的就业状态用词表"),
)  # fmt: skip


class Needed(NamedTuple):
    """The earliest program that reads a pack (`version`), and what in it asks for it: in the
    clerk's words (`what`: 县里的就业状态用词表) and as the pack's text writes it (`written`:
    [status_words], figure_from), for the one who edits the file."""

    version: str
    what: str
    written: str


def needed_program(text: str) -> Needed | None:
    """The earliest fieldapp that reads a pack's text and what in it asks for that program
    (None when the first wave's reads it): what `requires` must state at least."""
    data = tomllib.loads(text.removeprefix("\ufeff"))
    found: tuple[tuple[int, ...], Needed] | None = None
    for table, key, version, what in LATER_KEYS:
        place = data if table == "" else data.get(table)
        rows = place if isinstance(place, list) else [place]
        if any(isinstance(row, dict) and key in row for row in rows):
            wanted = program_version(version) or ()
            if found is None or wanted > found[0]:
                found = (wanted, Needed(version, what, f"[{key}]" if table == "" else key))
    return found[1] if found is not None else None


def stamp_requires(text: str, version: str) -> str:
    """The pack's text with `requires = "version"` written in its `[pack]` table (which states
    none), right under the table's header line; the rest unchanged."""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if re.fullmatch(r"\s*\[\s*pack\s*\]\s*(#.*)?", line.rstrip("\r\n")):
            ending = "\r\n" if line.endswith("\r\n") else "\n"
            lines.insert(number + 1, f'requires = "{version}"{ending}')
            return "".join(lines)
    raise PackError("", None, said(NO_PACK_TABLE))


def program_version(text: str) -> tuple[int, ...] | None:
    """A fieldapp version ("0.3.0", "1.2") as numbers to compare; None when it is none."""
    parts = text.strip().split(".")
    if not 1 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def _check_requires(data: dict[str, Any], text: str, name: str) -> None:
    """Refuse a pack written for a later program than this one (`PackHeader.requires`) before
    its other fields are read: what this program does not know there is no mistake."""
    header = data.get("pack")
    if not isinstance(header, dict) or "requires" not in header:
        return
    wanted = header["requires"]
    line = locate_lines(text).get(("pack", "requires"))
    needed = program_version(wanted) if isinstance(wanted, str) else None
    if needed is None:
        raise PackError(name, line, said(REQUIRES_NOT_VERSION))
    running = program_version(__version__)
    if running is not None and needed > running:
        raise NewerPack(name, line, wanted.strip(), __version__)


#: A date with a one-digit month or day (2027-2-5), which TOML does not read as a date.
_UNPADDED_DAY = re.compile(r"(?<![\d\-.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-:T])")


#: Chinese glosses of the commonest TOML syntax errors (tomllib's words as it begins them),
#: each said before tomllib's own words (`COLONED`).
_TOML_GLOSSARY = {
    "Invalid date or datetime": template("日期不存在或写法不对（如 2027-02-05，月、日写两位）"),
    "Expected newline or end of document": template("一行只能写一项（这一项后面还有别的内容）"),
    "Expected ']' at the end of a table": template("表名缺少“]”"),
    "Expected ']]' at the end of an array": template("表名缺少“]]”"),
    "Unclosed inline table": template("“{”缺少“}”"),
    "Duplicate inline table key": template("同一个键写了两次"),
    "Cannot redefine namespace": template("同一个表写了两次"),
    "Cannot mutate immutable namespace": template("同一个表写了两次"),
    "Invalid initial character for a key part": template(
        "键名开头的字符不允许（键名用英文字母、数字、下划线）"
    ),
    "Found invalid character": template("含有不允许的字符"),
    "Unescaped '\\' in a string": template("文字里的“\\”要写成“\\\\”"),
    "Expected '=' after a key": template("键后面缺少“=”"),
    "Invalid value": template("值不合法（文字要加引号）"),
    "Cannot overwrite a value": template("同一个键写了两次"),
    "Cannot declare": template("同一个表写了两次"),
    "Unclosed array": template("列表缺少“]”"),
    "Unterminated string": template("引号没有闭合"),
    "Invalid statement": template("这一行看不懂"),
    "Illegal character": template("含有不允许的字符"),
}


def _toml_problem(detail: str) -> Part:
    """Chinese gloss of the commonest TOML syntax errors, keeping the original words."""
    for english, chinese in _TOML_GLOSSARY.items():
        if detail.startswith(english):
            return said(COLONED, said(chinese), detail)
    return detail


# -- writing ------------------------------------------------------------------------------------

#: The order sections are written in (the order people read a pack in).
_SECTIONS = (
    "pack",
    "documents",
    "lines",
    "deadlines",
    "clauses",
    "calendar",
    "service_levels",
    "service_bundles",
    "rules",
    "overrides",
    "status_words",
)
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def dump_pack(pack: PackFile | dict[str, Any]) -> str:
    """A pack as TOML text that `parse_pack_text` reads back to the same pack.

    Tables become `[table]`, lists of tables `[[table]]`, anything deeper an inline table; values
    equal to their defaults are left out.
    """
    data = (
        pack.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
        if isinstance(pack, PackFile)
        else pack
    )
    out: list[str] = []
    for key in [*_SECTIONS, *(k for k in data if k not in _SECTIONS)]:
        value = data.get(key)
        if value is None or value == {} or value == []:
            continue
        if isinstance(value, dict):
            out.append(f"[{key}]")
            out += [f"{_key(k)} = {_toml(v)}" for k, v in value.items() if v is not None]
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
            for item in value:
                out.append(f"[[{key}]]")
                out += [f"{_key(k)} = {_toml(v)}" for k, v in item.items() if v is not None]
                out.append("")
        else:
            out.insert(0, f"{_key(key)} = {_toml(value)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _key(key: object) -> str:
    text = str(key)
    return text if _BARE_KEY.match(text) else json.dumps(text, ensure_ascii=False)


def _toml(value: Any) -> str:
    """One TOML value (strings as JSON strings, whose escapes TOML shares)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        items = [f"{_key(k)} = {_toml(v)}" for k, v in value.items() if v is not None]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
