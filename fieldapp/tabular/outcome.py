"""What an import did, as its report says it: rows refused, words mapped, changes and conflicts.

The import preview, the CLI's `--json`, the report workbook (`import_report`) and the window's
refresh all read an `ImportReport`; nothing here reads a sheet or a ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.dates import written_text
from fieldapp.domain.sentences import Sentence, fill
from fieldapp.services.changes import NO_CHANGES, ChangeSet
from fieldapp.tabular.dates import DatedBy

#: What the report says of a sheet date the file claimed and the import set aside (`dates.
#: not_believed`): %1 where it was claimed (`dates.where_claimed`), %2 the date, %3 the
#: import's own time. The import preview says the same words through Qt (`import_preview`).
DATE_AHEAD = (
    "表格的日期（%1）为 %2，晚于本次导入的时间 %3，不可信：本次按没有日期的表格更新，"
    "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值"
)
DATE_ABSURD = (
    "表格的日期（%1）为 %2，早于2000年，不可信：本次按没有日期的表格更新，"
    "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值"
)
#: A title date no calendar has (%2: the title's own words, 截至2026年2月30日).
DATE_UNREADABLE = (
    "表格的日期（%1）“%2”不是有效的日期：本次按没有日期的表格更新，"
    "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值"
)
#: An update from a file with no date of its own that this device's export log does not know
#: (its modification time is when it was saved after editing, not when it was exported).
DATE_NONE = (
    "表格中没有它的导出时间（文件属性“台账导出时间”，或标题行中的导出时间、截至日期），"
    "本机的导出记录中也没有这个文件：本次按没有日期的表格更新，"
    "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值"
)


@dataclass(frozen=True, slots=True, eq=False)
class RowProblem:
    """A rejected row (or a warning about an imported one): sheet, row number and reason (its
    Chinese); `said`, the reason as a template and its parts where it was made so (the window
    says it in its language, `ImportReportDialog`), else None.

    Where there is a sentence, its Chinese is not kept beside it (`text` is then '', or the
    reason where it says more than the sentence, `ledger_import._as_headed`): `reason` is made
    from it when asked — a file of 100 000 refused rows held each twice. Equal as before: row,
    reason and sheet."""

    row: int
    text: str
    sheet: str = ""
    said: Sentence | None = None

    @classmethod
    def of(cls, row: int, reason: str | Sentence, sheet: str = "") -> RowProblem:
        """The problem of `row` said by `reason`, a sentence (kept) or Chinese text."""
        if isinstance(reason, Sentence):
            return cls(row, "", sheet, reason)
        return cls(row, reason, sheet)

    @property
    def reason(self) -> str:
        """The reason in Chinese (the report workbook's, the CLI's, the JSON's)."""
        if self.text or self.said is None:
            return self.text
        return str(self.said)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowProblem):
            return NotImplemented
        return (self.row, self.reason, self.sheet) == (other.row, other.reason, other.sheet)

    def __hash__(self) -> int:
        return hash((self.row, self.reason, self.sheet))

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"sheet": self.sheet, "row": self.row, "reason": self.reason}


@dataclass(frozen=True)
class Mapped:
    """A colloquial cell value read as the ledger's word (全劳力 → 普通劳动力)."""

    sheet: str
    row: int
    column: str
    before: str
    after: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form (`from`/`to`)."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "from": self.before,
            "to": self.after,
        }


@dataclass
class UnknownWord:
    """A 就业状态 word no list knows (在家, √ …), its cells refused until the user says what
    it means: its column, how many cells, where the first few are (sheet, row)."""

    word: str
    column: str
    cells: int = 0
    places: list[tuple[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "word": self.word,
            "column": self.column,
            "cells": self.cells,
            "places": [{"sheet": sheet, "row": row} for sheet, row in self.places],
        }


@dataclass(frozen=True)
class SaidWord:
    """A word the user said the meaning of for this import, or the county's list did (`county`:
    the pack that gave it, as people know it; '' when the user said it), and how many cells it
    became."""

    word: str
    meaning: str
    cells: int
    county: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "word": self.word,
            "to": self.meaning,
            "cells": self.cells,
            "county_list": self.county or None,
        }


@dataclass
class ImportReport:
    """What an import (or an update, or its dry run) did."""

    imported: int = 0
    persons_imported: int = 0  # of `imported`, the new persons (the rest: extra-sheet records)
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    mapped: list[Mapped] = field(default_factory=list)
    #: Every change an update makes (or would make), person by person (`ledger_update`).
    changes: list[Any] = field(default_factory=list)
    #: Cells the ledger changed after the sheet's date: kept unless decided otherwise.
    conflicts: list[Any] = field(default_factory=list)
    #: Conflicts decided for the sheet's value whose ledger cell was changed again after the
    #: decision (the preview): not overwritten, still among `conflicts`.
    decisions_overtaken: int = 0
    #: How many conflicts were (or, in a dry run, would be) decided for the sheet's value and
    #: written: not among `conflicts`.
    conflicts_taken: int = 0
    #: The file's bytes as read (SHA-256): the preview's, which its confirmation must find
    #: again (`import_ledger(previewed=…)`): what is imported is what was previewed.
    file_digest: str = ""
    #: Of `conflicts`, how many were kept to be decided later (the conflicts page,
    #: `conflicts resolve`); 0 for a dry run.
    conflicts_kept: int = 0
    households_created: int = 0
    households_joined: int = 0
    areas_created: int = 0
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    #: The columns not recognised: a heading as the sheet has it, or — the file having several
    #: sheets — named by its sheet (一组：备用, `sentences.COLONED`, said in the window's
    #: language). `unknown_headers` says them in Chinese.
    unknown_columns: list[str | Sentence] = field(default_factory=list)
    sheet_date: str = ""
    #: Where the sheet's date came from, in the report's words, and what kind of source that is
    #: (`dates.DatedBy`: an export's property, title or log; a clerk's title).
    sheet_date_source: str = ""
    sheet_date_kind: DatedBy | None = None
    #: A sheet date the file claimed and the import did not believe (China time, ISO text; a
    #: title's words when "unreadable"): where it was claimed (`dates.where_claimed`), why
    #: ("ahead", "absurd", "unreadable"; "undated": an update from a file with no date of its
    #: own that the export log does not know, nothing claimed) and the import's own time; the
    #: sheet was read as undated (`sheet_date` empty).
    date_claimed: str = ""
    date_claimed_where: str = ""
    date_not_believed: str = ""
    imported_at: str = ""
    dry_run: bool = False
    #: The file came from a demo ledger and made this new, empty ledger a demo.
    became_demo: bool = False
    #: What the import wrote, per kind of record (the window's refresh); empty for a dry run.
    written: ChangeSet = NO_CHANGES
    #: 就业状态 words no list knows, by word (their cells refused): the user says what each
    #: means (`import_ledger(words=…)`) and imports again.
    unknown_words: dict[str, UnknownWord] = field(default_factory=dict)
    #: The words the user said the meaning of, each with how many cells it became.
    words_said: list[SaidWord] = field(default_factory=list)

    @property
    def unknown_headers(self) -> list[str]:
        """The columns not recognised, in Chinese (the CLI's, the JSON's)."""
        return [str(column) for column in self.unknown_columns]

    def as_json(self) -> dict[str, Any]:
        """The CLI's `--json`: imported, updated, unchanged, rejected, mapped, conflicts …"""
        return {
            "imported": self.imported,
            "persons_imported": self.persons_imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [p.as_dict() for p in self.rejected],
            "mapped": [m.as_dict() for m in self.mapped],
            "conflicts": [c.as_dict() for c in self.conflicts],
            "decisions_overtaken": self.decisions_overtaken,
            "conflicts_taken": self.conflicts_taken,
            "conflicts_kept": self.conflicts_kept,
            "changes": [c.as_dict() for c in self.changes],
            "warnings": [p.as_dict() for p in self.warnings],
            "households_created": self.households_created,
            "households_joined": self.households_joined,
            "areas_created": self.areas_created,
            "sheets": self.sheets,
            "unknown_headers": self.unknown_headers,
            "sheet_date": self.sheet_date,
            "sheet_date_source": self.sheet_date_source,
            "sheet_date_kind": self.sheet_date_kind.name.lower() if self.sheet_date_kind else None,
            "sheet_date_not_believed": (
                {
                    "claimed": self.date_claimed,
                    "where": self.date_claimed_where,
                    "why": self.date_not_believed,
                    "said": self.date_refused_said(),
                }
                if self.date_not_believed
                else None
            ),
            "dry_run": self.dry_run,
            "became_demo": self.became_demo,
            "unknown_words": [w.as_dict() for w in self.unknown_words.values()],
            "words_said": [w.as_dict() for w in self.words_said],
        }

    def date_refused_said(self) -> str:
        """The sentence saying the sheet's date was set aside, in Chinese ('' when believed)."""
        if not self.date_not_believed:
            return ""
        template = {
            "ahead": DATE_AHEAD,
            "unreadable": DATE_UNREADABLE,
            "undated": DATE_NONE,
        }.get(self.date_not_believed, DATE_ABSURD)
        claimed = self.date_claimed
        parts = (
            self.date_claimed_where,
            claimed if self.date_not_believed == "unreadable" else written_text(claimed),
            written_text(self.imported_at),
        )
        return fill(template, parts)
