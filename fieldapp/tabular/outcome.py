"""What an import did, as its report says it: rows refused, words mapped, changes and conflicts.

The import preview, the CLI's `--json`, the report workbook (`import_report`) and the window's
refresh all read an `ImportReport`; nothing here reads a sheet or a ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.services.changes import NO_CHANGES, ChangeSet


@dataclass(frozen=True)
class RowProblem:
    """A rejected row (or a warning about an imported one): sheet, row number and reason."""

    row: int
    reason: str
    sheet: str = ""

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
    households_created: int = 0
    households_joined: int = 0
    areas_created: int = 0
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)
    sheet_date: str = ""
    sheet_date_source: str = ""
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
            "changes": [c.as_dict() for c in self.changes],
            "warnings": [p.as_dict() for p in self.warnings],
            "households_created": self.households_created,
            "households_joined": self.households_joined,
            "areas_created": self.areas_created,
            "sheets": self.sheets,
            "unknown_headers": self.unknown_headers,
            "sheet_date": self.sheet_date,
            "sheet_date_source": self.sheet_date_source,
            "dry_run": self.dry_run,
            "became_demo": self.became_demo,
            "unknown_words": [w.as_dict() for w in self.unknown_words.values()],
            "words_said": [w.as_dict() for w in self.words_said],
        }
