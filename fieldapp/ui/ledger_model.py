"""The ledger table: 100,000 persons without loading them.

`LedgerModel` knows the ordered rowids of the persons shown (from `queries.persons.person_rowids`,
or the hits of a search) and fetches display rows a page at a time by rowid, keeping a small
cache of pages, so scrolling to the end costs one page fetch.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import LabourAbility
from fieldapp.store.queries import Source
from fieldapp.store.queries.persons import PersonRow, rows_by_rowid
from fieldapp.ui.held_words import stored_word
from fieldapp.ui.table_model import ROW_ROLE

Index = QModelIndex | QPersistentModelIndex

PAGE = 200
MAX_PAGES = 40
AGE = 2

# Roles as plain ints: Qt passes ints, and comparing with an int costs nothing (a painted cell is
# asked for its data seven times a paint; the ledger repaints at every search keystroke).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROW = int(ROW_ROLE)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _ROW))
#: Where Qt's item delegate puts DisplayRole among the seven roles it asks of a cell it paints
#: (font, alignment, foreground, check state, decoration, display, background).
_DELEGATE_ROLES = 7
_DELEGATE_DISPLAY_SLOT = 5

#: How many stored words (a sex, a relation, a labour ability) are kept said in the language
#: shown: the program's are a dozen; typed ones beyond this start the memory afresh.
_WORDS_KEPT = 256


def _age(birth: str | None, today: dt.date) -> str:
    """Whole years today, from an ISO birth date."""
    if not birth:
        return ""
    try:
        born = dt.date.fromisoformat(birth)
    except ValueError:
        return ""
    return str(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))


class LedgerModel(QAbstractTableModel):
    """Persons in a lazily fetched table; `show_rowids` / `show_rows` switch what is listed."""

    def __init__(self, fetch: Callable[[Sequence[int]], list[PersonRow]]) -> None:
        super().__init__()
        self.fetch = fetch
        self._area_name: Callable[[str | None], str] = lambda code: code or ""
        self.rowids: array[int] = array("q")
        self.pages: OrderedDict[int, list[PersonRow]] = OrderedDict()
        # Cell texts of the rows painted lately: a search keystroke repaints the whole table,
        # and a row read again (the next keystroke's answer) reuses them while it is unchanged.
        self._texts: dict[int, tuple[PersonRow, list[str]]] = {}
        # A stored word of the program's (男, 配偶, 普通劳动力) → as the window says it
        # (`held_words.stored_word`, as the history says it), by field; what is stored, searched
        # and handed on stays the Chinese word. The national labour-ability word that does not
        # fit the narrow column is shortened, in its own translation.
        self._words: dict[tuple[str, str], str] = {}
        self._words_of_the_program = {
            ("labour_ability", str(LabourAbility.WEAK)): self.tr("弱/半劳动力")
        }
        # 所在地 right after the ID number: at 1366×768 the table's half of the window shows
        # who and where without scrolling sideways; the phone and household number follow.
        self.headers = [
            self.tr("姓名"),
            self.tr("性别"),
            self.tr("年龄"),
            self.tr("身份证号"),
            self.tr("所在地"),
            self.tr("与户主关系"),
            self.tr("劳动能力"),
            self.tr("电话"),
            self.tr("户编号"),
        ]

    @property
    def area_name(self) -> Callable[[str | None], str]:
        """How an area code is shown (the place's names)."""
        return self._area_name

    @area_name.setter
    def area_name(self, name: Callable[[str | None], str]) -> None:
        self._area_name = name
        self._texts.clear()

    @classmethod
    def over(cls, source: Source) -> LedgerModel:
        """A model reading pages from a ledger (the GUI thread's connection)."""
        return cls(lambda ids: rows_by_rowid(source, ids))

    # -- Qt interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """How many persons are listed."""
        return 0 if parent.isValid() else len(self.rowids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """Fixed columns."""
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text (also as tooltip: a narrow cell stays readable), or the PersonRow."""
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == _ROW:
            return self.row_at(index.row())
        column = index.column()
        if role == _TOOLTIP and column == AGE:
            row = self.row_at(index.row())
            return row.birth_date if row is not None else None
        texts = self._texts_at(index.row())
        if texts is None:
            return None
        return texts[column] if 0 <= column < len(texts) else ""

    def multiData(  # noqa: N802
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a painted cell asks for, in one call (Qt's default calls `data` once per
        role). Qt's item delegate asks seven roles in a fixed order — font, alignment,
        foreground, check state, decoration, display, background — and the text is the only
        one of them this model answers, so a span of seven with DisplayRole in its sixth place
        gets its text and nothing else; any other request is answered role by role."""
        if not index.isValid():
            return
        if isinstance(roleDataSpan, QModelRoleData):  # one role asked alone (Qt accepts it)
            roleDataSpan.setData(self.data(index, roleDataSpan.role()))
            return
        # PySide6 gives the span len, [] and iteration; its stubs declare none of them.
        span = cast(Sequence[QModelRoleData], roleDataSpan)
        if len(span) == _DELEGATE_ROLES:
            slot = span[_DELEGATE_DISPLAY_SLOT]
            if slot.role() == _DISPLAY:
                texts = self._texts_at(index.row())
                if texts is not None:
                    column = index.column()
                    slot.setData(texts[column] if 0 <= column < len(texts) else "")
                return
        for wanted in span:
            wanted.setData(self.data(index, wanted.role()))

    def _texts_at(self, position: int) -> list[str] | None:
        """The cell texts of the row at a position (kept while the row is unchanged)."""
        row = self.row_at(position)
        if row is None:
            return None
        cached = self._texts.get(row.rowid)
        if cached is None or (cached[0] is not row and cached[0] != row):
            if len(self._texts) > 4 * PAGE:
                self._texts.clear()
            cached = self._texts[row.rowid] = (row, self._cells(row))
        return cached[1]

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers down the side."""
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def _cells(self, row: PersonRow) -> list[str]:
        values = (
            row.name,
            self._word("sex", row.sex),
            _age(row.birth_date, china_today()),
            row.id_number,
            self.area_name(row.area_code),
            self._word("relation", row.relation),
            self._word("labour_ability", row.labour_ability),
            row.phone,
            row.household_no,
        )
        return ["" if value is None else str(value) for value in values]

    def _word(self, key: str, value: str | None) -> str | None:
        """A stored value of the persons' field `key` as the window says it (kept once said)."""
        if value is None:
            return None
        shown = self._words.get((key, value))
        if shown is None:
            if len(self._words) > _WORDS_KEPT:
                self._words.clear()
            shown = self._words_of_the_program.get((key, value)) or stored_word(
                "persons", key, value
            )
            self._words[key, value] = shown
        return shown

    # -- rows -----------------------------------------------------------------------------

    def row_at(self, position: int) -> PersonRow | None:
        """The person at a table position, fetching its page when needed."""
        if not 0 <= position < len(self.rowids):
            return None
        number, offset = divmod(position, PAGE)
        page = self.pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self.pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _load_page(self, number: int) -> list[PersonRow]:
        ids = self.rowids[number * PAGE : (number + 1) * PAGE]
        rows = self.fetch(ids)
        if len(rows) < len(ids):
            # A row vanished between listing and fetching: keep positions stable with blanks.
            by_id = {r.rowid: r for r in rows}
            gone = self.tr("（已删除）")  # in the name's column, in the window's words
            rows = [by_id.get(i) or _blank(i, gone) for i in ids]
        self.pages[number] = rows
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)
        return rows

    def show_rowids(self, rowids: array[int]) -> None:
        """List these persons (in order); unchanged lists only refresh the visible cells."""
        if rowids == self.rowids:
            self.refresh()
            return
        self.beginResetModel()
        self.rowids = rowids
        self.pages.clear()
        self.endResetModel()

    def show_rows(self, rows: list[PersonRow]) -> None:
        """List already-fetched rows (search hits), caching them as the first pages.

        The table is not reset: rows are added or removed at the end and the rows kept are
        announced as changed. A reset made the view lay itself out again and drop its current
        row at every keystroke."""
        pages: OrderedDict[int, list[PersonRow]] = OrderedDict()
        for start in range(0, len(rows), PAGE):
            pages[start // PAGE] = rows[start : start + PAGE]
        self._replace(array("q", (r.rowid for r in rows)), pages)

    def _replace(self, rowids: array[int], pages: OrderedDict[int, list[PersonRow]]) -> None:
        old_count, new_count = len(self.rowids), len(rowids)
        if new_count < old_count:
            # The rows that stay keep showing what they showed until dataChanged below.
            self.beginRemoveRows(QModelIndex(), new_count, old_count - 1)
            self.rowids = self.rowids[:new_count]
            self.endRemoveRows()
        elif new_count > old_count:
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self.rowids, self.pages = rowids, pages
            self.endInsertRows()
        self.rowids, self.pages = rowids, pages
        common = min(old_count, new_count)
        if common:
            self.dataChanged.emit(self.index(0, 0), self.index(common - 1, len(self.headers) - 1))

    def refresh(self) -> None:
        """Drop cached pages and tell views every cell may have changed (after an edit)."""
        self.pages.clear()
        self._texts.clear()
        if self.rowids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rowids) - 1, len(self.headers) - 1)
            )

    def position_of(self, person_id: str) -> int | None:
        """The table position of a person among the cached pages, if loaded."""
        for number, page in self.pages.items():
            for offset, row in enumerate(page):
                if row.id == person_id:
                    return number * PAGE + offset
        return None


def _blank(rowid: int, name: str) -> PersonRow:
    return PersonRow(rowid, "", name, None, None, "", None, None, None, None, None, None, None)
