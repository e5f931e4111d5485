"""Rows no domain model accepts: skipped by every list, named once, never a traceback.

A ledger may hold such a row from before the hub checked every value (issue 13), from an older
program, or from someone editing the file by hand. Reading it must not stop a command or a
page: lists leave it out and note it here (per database connection, shared with the
connection's `Ledger.sibling`s), single look-ups raise `MalformedRow` (a Chinese message), and
the CLI (on stderr, naming the rows) and the window (its status bar, in its language, without
ids: `MainWindow.note_skipped`) say what was skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain.errors import MalformedRow
from fieldapp.domain.labels import field_label
from fieldapp.domain.sentences import SEMICOLONED, Part, Sentence, Word, listed, said, template

#: Attribute of a `sqlite_utils.Database` holding its notes.
_ATTR = "_fieldapp_malformed"

TABLE_NAMES = {
    "claims": "申领",
    "claim_events": "申领步骤",
    "batches": "批次",
    "persons": "人员",
    "households": "户",
    "person_categories": "人员类别",
    "employment_spells": "就业经历",
    "unemployment_registrations": "失业登记",
    "services": "服务记录",
    "visits": "走访记录",
    "monthly_status": "月度状态",
    "areas": "区域",
}


@dataclass(frozen=True)
class Skipped:
    """One stored row that was left out, and which of its fields are wrong."""

    table: str
    row_id: str
    fields: tuple[str, ...]
    #: Its only fault is a word this program does not have: most often a choice a later
    #: version added (就业形式 未登记), passed on by a hub upgraded before this device.
    newer: bool = False

    def named(self) -> Sentence:
        """申领 0badc0de…（状态、金额）, each word said in the language shown."""
        names = listed([Word(field_label(f)) for f in self.fields]) or Word(CONTENT)
        return said(
            ROW_NAMED, Word(TABLE_NAMES.get(self.table, self.table)), self.row_id[:8], names
        )

    def describe(self) -> str:
        """申领 0badc0de…（状态、金额）"""
        return str(self.named())


#: A row skipped: its table (%1), the start of its id (%2), its fields refused (%3, or
#: `CONTENT`).
ROW_NAMED = template("%1 %2…（%3）")
CONTENT = "内容"
#: A row (%1, `ROW_NAMED`) with a choice this program lacks, or with a value no model takes.
ROW_NEWER = template(
    "%1 有本机程序没有的选项，无法使用：多半是本机的程序比中心旧，"
    "请升级本机的程序（这条记录仍在台账中，没有丢失）"
)
ROW_WRONG = template("%1 的数据不合格，无法使用。请县里更正这条记录（它仍在台账中，没有丢失）")


def malformed(table: str, row: dict[str, Any], error: Exception) -> MalformedRow:
    """The `MalformedRow` for a row a model refused with `error` (a pydantic ValidationError
    or a ValueError/TypeError of a converter)."""
    fields: list[str] = []
    problems: list[Any] = getattr(error, "errors", lambda: [])()
    for problem in problems:
        where = problem.get("loc") or ()
        if where and str(where[0]) not in fields:
            fields.append(str(where[0]))
    # An empty value is no later version's choice: it is a value left out (an older program).
    newer = bool(problems) and all(
        p.get("type") == "enum" and str(p.get("input") or "").strip() for p in problems
    )
    row_id = str(row.get("id") or "")
    skipped = Skipped(table, row_id, tuple(fields), newer)
    message = said(ROW_NEWER if newer else ROW_WRONG, skipped.named())
    return MalformedRow(table, row_id, fields, message, newer)


#: What `value_said` says of nothing stored (a window says it in its language).
NOTHING_SAID = template("（空）")
#: A field (%1) and what it holds (%2: the value quoted, or `NOTHING_SAID`).
FIELD_HOLDS = template("“%1”存的是%2")
#: A person by name (%1) and ID number (%2).
PERSON_NAMED = template("%1（身份证号 %2）")
#: What of a person's row cannot be read when no field is named (a word of its own).
RECORD_CONTENT = "记录的内容"
#: What to do: a choice a later program added, or a value to correct.
UPGRADE_HERE = template("这是本机程序没有的选项，多半是本机的程序比中心旧，请升级本机的程序")
CORRECT_IT = template("请在台账页双击这个人打开，改正这一项后保存")
#: A person found (%1, `PERSON_NAMED`) whose row holds what cannot be read (%2), and what to
#: do (%3).
PERSON_UNREADABLE = template(
    "台账中有这个人：%1，但%2，本程序读不了，暂时不能使用。"
    "%3（这个人仍在台账中，没有丢失，不要重新录入）"
)


def value_said(value: Any) -> str:
    """A stored value as a clerk reads it: “（空）” for nothing, else the value quoted."""
    text = "" if value is None else str(value).strip()
    return NOTHING_SAID if not text else f"“{text[:40]}”"


def _value_part(value: Any) -> Part:
    """`value_said` as a part of a sentence: “（空）” said in the language shown."""
    shown = value_said(value)
    return said(NOTHING_SAID) if shown == NOTHING_SAID else shown


def person_unreadable(row: dict[str, Any], error: Exception) -> MalformedRow:
    """The `MalformedRow` for a person found by ID number whose stored row the model refused:
    the person is in the ledger, but which field holds which value the program cannot read,
    and what to do — not "no such person", which would send the clerk to add them again."""
    found = malformed("persons", row, error)
    values = {
        str(p["loc"][0]): p.get("input", row.get(str(p["loc"][0])))
        for p in getattr(error, "errors", lambda: [])()
        if p.get("loc")
    }
    parts = listed(
        [
            said(FIELD_HOLDS, Word(field_label(f)), _value_part(values.get(f, row.get(f))))
            for f in found.fields
        ],
        SEMICOLONED,
    )
    who = said(PERSON_NAMED, str(row.get("name") or ""), str(row.get("id_number") or ""))
    remedy = said(UPGRADE_HERE if found.newer else CORRECT_IT)
    message = said(PERSON_UNREADABLE, who, parts or Word(RECORD_CONTENT), remedy)
    return MalformedRow(found.table, found.row_id, found.fields, message, found.newer)


def note(db: Any, error: MalformedRow) -> None:
    """Remember a skipped row on this connection (once per row)."""
    found: dict[tuple[str, str], Skipped] = db.__dict__.setdefault(_ATTR, {})
    found.setdefault(
        (error.table, error.row_id),
        Skipped(error.table, error.row_id, tuple(error.fields), error.newer),
    )


def skipped(db: Any) -> list[Skipped]:
    """Rows skipped so far on this connection, in the order met."""
    return list(db.__dict__.get(_ATTR, {}).values())


def share_notes(source: Any, target: Any) -> None:
    """Let `target`, another connection to the same ledger (a worker thread's), note into
    `source`'s notes: what the window's lists skip is read on worker connections."""
    target.__dict__[_ATTR] = source.__dict__.setdefault(_ATTR, {})
