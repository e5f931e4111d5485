"""Area names for display and an area picker (the ledger's own area tree)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from fieldapp.domain.areacode import AreaRow
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions
from fieldapp.store.queries.areas import all_areas, household_areas

if TYPE_CHECKING:
    from fieldapp.services.ledgers import Ledger


class AreaIndex:
    """code → name and 'township village' paths, loaded once per refresh (areas are few)."""

    def __init__(self, rows: list[AreaRow]) -> None:
        self.rows = rows
        self.by_code = {r.code: r for r in rows}
        self._paths: dict[str, str] = {}
        self._depths: dict[str, int] = {}
        #: The areas a page's picker offers to look at (None: all of them), see `load`.
        self.worked_in: frozenset[str] | None = None

    @classmethod
    def load(cls, ledger: Ledger) -> AreaIndex:
        """Read the ledger's areas. Every device receives the county's whole area tree; a
        village's or township's device works in its own area, so its pages look at that area,
        the areas above it, and wherever the ledger holds a household (someone who moved out
        stays on the device), with the areas above those — not at other townships' villages."""
        from fieldapp.domain.roles import Role
        from fieldapp.services.actor import actor_of

        index = cls(all_areas(ledger))
        actor = actor_of(ledger)
        if actor.scope and actor.role not in (None, Role.COUNTY, Role.HUB):
            scope = actor.scope
            inside = {code for code in index.by_code if code.startswith(scope)}
            index.worked_in = frozenset(inside | index._above({scope, *household_areas(ledger)}))
        return index

    def _above(self, codes: set[str]) -> set[str]:
        """The codes and every known area above them."""
        found: set[str] = set()
        for code in codes:
            current: str | None = code
            while current and current not in found:
                found.add(current)
                row = self.by_code.get(current)
                current = row.parent_code if row is not None else None
        return found

    def browsable(self, code: str) -> bool:
        """True when a page's area picker offers `code` (see `load`)."""
        return self.worked_in is None or code in self.worked_in

    def name(self, code: str | None) -> str:
        """The area's own name (or, for an area this ledger does not list, the place's name
        from the division table)."""
        if not code:
            return ""
        row = self.by_code.get(code)
        if row:
            return row.name
        return say_place(code, divisions())

    def path(self, code: str | None) -> str:
        """Names below the county, e.g. '某镇 某村 三组' (for the ledger table):
        `PlaceWording.LOCAL`, remembered per code."""
        if not code:
            return ""
        if code not in self._paths:
            self._paths[code] = say_place(code, divisions(), self.by_code.get, PlaceWording.LOCAL)
        return self._paths[code]

    def said(self, code: str) -> str:
        """A code in words as a sentence says it (`PlaceWording.SENTENCE`): the ledger's name
        where it lists it, else what the division table knows ('七星关区市西街道的一个村')."""
        return say_place(code, divisions(), self.by_code.get, PlaceWording.SENTENCE)

    def listed_above(self, code: str) -> str | None:
        """The nearest area the ledger lists whose code begins `code` (None: none)."""
        return next(
            (code[:n] for n in range(len(code) - 1, 1, -1) if code[:n] in self.by_code), None
        )

    def depth(self, code: str) -> int:
        """How many known ancestors an area has (remembered along the chain walked: a
        county-sized ledger has thousands of groups and buildings under the same few)."""
        known = self._depths.get(code)
        if known is not None:
            return known
        chain: list[str] = []
        depth, current, seen = 0, self.by_code.get(code), set()
        while current and current.parent_code in self.by_code and current.code not in seen:
            seen.add(current.code)
            chain.append(current.code)
            depth += 1
            current = self.by_code[current.parent_code]
            above = self._depths.get(current.code)
            if above is not None:
                depth += above
                break
        else:
            if current is not None and current.code in seen:
                return depth  # a loop in the tree (damaged data): counted, not remembered
        for steps_below, walked in enumerate(chain):
            self._depths[walked] = depth - steps_below
        return depth


class _IndentedNames(QStyledItemDelegate):
    """Draws the open list's names indented by their depth in the area tree: the indent lives
    here, not in the names, so the closed box reads '茶园村', not '　　茶园村'."""

    def __init__(self, combo: AreaCombo) -> None:
        super().__init__(combo)
        self._combo = combo

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        # PySide6's stubs omit QStyleOptionViewItem's public fields (text, icon, features…).
        indent = "　" * self._combo.depth_at(index.row())
        option.text = indent + option.text  # type: ignore[attr-defined]


class AreaCombo(QComboBox):
    """Pick an area (or all): names indented in the open list; `code()` is the chosen code.

    The names are handed to Qt in one list (a string-list model) and the codes kept beside
    them: a county-sized ledger has 8,000 areas, and adding them one item at a time cost every
    page that shows a picker a tenth of a second as it was built. The closed box shows the
    chosen area's name alone; the open list indents each name by its depth (`_IndentedNames`)."""

    def __init__(self, all_label: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_label = all_label
        self.setMinimumContentsLength(12)
        self._names = QStringListModel(self)
        self.setModel(self._names)
        self._codes: list[str] = []
        self._depths: list[int] = []
        self._positions: dict[str, int] = {}
        #: What the last `fill` listed from, for `set_code` to refill with.
        self._index: AreaIndex | None = None
        self._offer: Callable[[str], bool] | None = None
        self.setItemDelegate(_IndentedNames(self))

    def fill(
        self,
        index: AreaIndex,
        keep: str | None = None,
        offer: Callable[[str], bool] | None = None,
    ) -> None:
        """List the areas (those `offer` accepts, when given), keeping the current choice when
        it still exists."""
        current = self.code() if keep is None else keep
        names: list[str] = []
        codes: list[str] = []
        depths: list[int] = []
        if self.all_label is not None:
            names.append(self.all_label)
            codes.append("")
            depths.append(0)
        for row in index.rows:
            if offer is not None and not offer(row.code):
                continue
            names.append(row.name)
            codes.append(row.code)
            depths.append(index.depth(row.code))
        if current and current not in index.by_code and (offer is None or offer(current)):
            # A code the ledger does not list (yet): an enrolled village's device before the
            # county's area tree arrived, a household synced in before its village. Kept, in
            # words, where its code falls among the others (not lost to the first area or 全部).
            start = 0 if self.all_label is None else 1
            at = bisect_left(codes, current, lo=start)
            above = index.listed_above(current)
            depth = index.depth(above) + 1 if above else 0
            names.insert(at, index.said(current))
            codes.insert(at, current)
            depths.insert(at, depth)
        # Quiet while refilled; a caller's own blocking (a page restoring its scope) outlasts it.
        was_blocked = self.blockSignals(True)
        self._index, self._offer = index, offer
        self._codes = codes
        self._depths = depths
        self._positions = {}
        for position, code in enumerate(codes):
            self._positions.setdefault(code, position)
        self._names.setStringList(names)
        self.setCurrentIndex(max(self._positions.get(current, -1), 0))
        self.blockSignals(was_blocked)

    def depth_at(self, position: int) -> int:
        """How far the open list indents the name at `position`."""
        return self._depths[position] if 0 <= position < len(self._depths) else 0

    def code(self) -> str:
        """The chosen area code ('' for all)."""
        position = self.currentIndex()
        return self._codes[position] if 0 <= position < len(self._codes) else ""

    def set_code(self, code: str) -> None:
        """Select an area by code. One the ledger does not list (an enrolled village before the
        county's area tree arrived, a household synced in before its village) is kept in words
        as `fill` keeps it: the list is filled again keeping it (nothing else changes)."""
        found = self._positions.get(code, -1)
        if found >= 0:
            self.setCurrentIndex(found)
            return
        index, offer = self._index, self._offer
        if not code or index is None or (offer is not None and not offer(code)):
            return  # not an area this box offers: the choice stays as it was
        self.fill(index, keep=code, offer=offer)
        self.currentIndexChanged.emit(self.currentIndex())  # another area, as setCurrentIndex says
