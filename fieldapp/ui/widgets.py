"""Small reusable widgets: date fields, enum combos, a table view set up for keyboard use, a row
of exclusive choice buttons, a dialog that asks before throwing typed input away, and the one
way a question is asked before something is deleted, replaced or thrown away."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6 import QtGui
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import today
from fieldapp.domain.month import Month
from fieldapp.ui.held_words import word_shown

Shown = TypeVar("Shown", QLabel, QMessageBox)  # a QMessageBox built, not a static one


def to_qdate(day: dt.date) -> QDate:
    """A Python date as QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A date with a calendar pop-up, ISO display, today (China's day) by default."""

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(to_qdate(day or today()))

    def value(self) -> dt.date:
        """The chosen date."""
        return from_qdate(self.date())

    def set_value(self, day: dt.date) -> None:
        """Show a date."""
        self.setDate(to_qdate(day))


class OptionalDate(QWidget):
    """A date that may be left empty (a tick box turns it on)."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = DateField()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        """The date, or None when not ticked."""
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        """Show a date or none."""
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.set_value(day)


def _emptied(box: QAbstractSpinBox, typed: str) -> bool:
    """Whether `typed` is a spin box's text with nothing in it but its prefix and suffix."""
    core = typed.strip()
    prefix, suffix = box.property("prefix") or "", box.property("suffix") or ""
    core = core.removeprefix(prefix.strip()).removesuffix(suffix.strip())
    return not core.strip()


#: An amount (float) or a count (int): what an `_Unknowable` box holds.
N = TypeVar("N", bound=float)

if TYPE_CHECKING:  # the spin box the mixin is put ahead of, as type checks see it

    class _SpinBox(QAbstractSpinBox, Generic[N]):
        def value(self) -> N: ...
        def minimum(self) -> N: ...
        def maximum(self) -> N: ...
        def setValue(self, val: N, /) -> None: ...  # noqa: N802 - Qt's name
        def setMaximum(self, most: N, /) -> None: ...  # noqa: N802 - Qt's name
        def valueFromText(self, text: str, /) -> N: ...  # noqa: N802 - Qt's name

else:

    class _SpinBox(Generic[N]):
        pass


def _wrong_said(given: float) -> str:
    """What an `_Unknowable` box says of a stored value it cannot show: the value as stored (a
    whole number without its .0), or that it is no number at all (infinite, NaN)."""
    if not math.isfinite(given):
        return QCoreApplication.translate("OptionalNumber", "（有误：不是数值）")
    value = int(given) if given == int(given) else given
    return QCoreApplication.translate("OptionalNumber", "（有误：%1）").replace("%1", str(value))


class _Unknowable(_SpinBox[N]):
    """What `OptionalAmount` and `OptionalCount` share, put ahead of their Qt spin box: the
    box's minimum is the unknown (None), shown as `blank`; emptying the box or stepping below 0
    says it, up from it goes to 0, and 0 is a value like any other.

    A value given to `set_value` comes back from `_kept` exactly as it was until the box is
    edited: one of more decimals than the box shows or past its range (another program's, an
    older import's, a bundle's) is neither rounded nor cut by opening the form and saving it.
    One no box can show as it is — below zero, infinite, not a number, past a 32-bit count —
    is said as stored and wrong (`_wrong_said`: （有误：-500）), not as 未登记 or as another number;
    the first edit replaces it."""

    #: The most the box can show (a QSpinBox holds a 32-bit number): a larger value given is
    #: said wrong and still kept as given.
    MOST_SHOWN: float = float("inf")

    def _unknowable(self, blank: str, most: N) -> None:
        """Set up, after the spin box: values from its minimum (the unknown) to `most`, shown
        unknown (a new record's box: a spin box starts at 0, which is a value)."""
        self._blank = blank
        self._wrong = False
        self.setMaximum(most)
        self.setSpecialValueText(blank)
        self.set_value(None)
        self.valueChanged.connect(self._replaced)  # type: ignore[attr-defined]

    def set_value(self, given: N | None) -> None:
        """Show `given` (`blank` for None), the box widened to hold a larger one; one it cannot
        show said wrong (`_wrong_said`)."""
        shown = given is None or (math.isfinite(given) and 0 <= given <= self.MOST_SHOWN)
        self._wrong = False
        self._touched = False
        self.setSpecialValueText(self._blank)
        if given is not None and shown and given > self.maximum():
            self.setMaximum(given)
        self.setValue(given if given is not None and shown else self.minimum())
        if given is not None and not shown:
            self.setSpecialValueText(_wrong_said(given))
            self._wrong = True
        self._given: N | None = given
        self._shown: N = self.value()

    def _replaced(self) -> None:
        """A stored value said wrong is replaced by the first edit: the box says `blank` for
        the unknown again, and holds what is typed (an emptied box: the unknown)."""
        if self._wrong and self.value() != self._shown:
            self._wrong = False
            self._touched = True
            self.setSpecialValueText(self._blank)

    def edited(self) -> bool:
        """Whether the box holds another value than `set_value` showed (or replaced one it
        said wrong)."""
        return self._touched or self.value() != self._shown

    def _kept(self) -> N | None:
        """The value given to `set_value` while the box is untouched; else None when unknown,
        or what the box holds."""
        if not self.edited():
            return self._given
        return None if self.value() <= self.minimum() else self.value()

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        """Up from unknown goes to 0 first."""
        if steps > 0 and self.value() <= self.minimum():
            self.setValue(cast(N, 0))  # 0 is an int and a float
            steps -= 1
        super().stepBy(steps)

    def validate(self, typed: str, pos: int) -> object:
        """An emptied box is acceptable: unknown."""
        if _emptied(self, typed):
            return QtGui.QValidator.State.Acceptable
        return super().validate(typed, pos)

    def valueFromText(self, text: str) -> N:  # noqa: N802 - Qt override
        """An emptied box is the unknown."""
        return self.minimum() if _emptied(self, text) else super().valueFromText(text)


class OptionalAmount(_Unknowable[float], QDoubleSpinBox):
    """An amount in 元 to the fen that may be unknown (None), `blank` shown for it
    (`_Unknowable`: kept exactly as given until the box is edited)."""

    def __init__(self, blank: str, most: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setMinimum(-0.01)  # the unknown
        self._unknowable(blank, most)

    def amount(self) -> float | None:
        """The amount, to the fen; None when unknown; the one given if the box is untouched."""
        kept = self._kept()
        return round(kept, 2) if kept is not None and self.edited() else kept


class OptionalCount(_Unknowable[int], QSpinBox):
    """A whole number (months, days) that may be unknown (None), `blank` shown for it
    (`_Unknowable`: kept exactly as given until the box is edited, even one past the range a
    spin box can hold)."""

    MOST_SHOWN = 2**31 - 1

    def __init__(self, blank: str, most: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimum(-1)  # the unknown
        self._unknowable(blank, most)

    def count(self) -> int | None:
        """The count; None when unknown; the one given if the box is untouched."""
        return self._kept()


class EnumCombo(QComboBox):
    """A combo over a StrEnum's values (which are the Chinese words, stored as they are; shown
    in the language shown, `held_words.word_shown`); optional blank first."""

    def __init__(
        self,
        values: Iterable[StrEnum | str],
        blank: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for value in values:
            self.addItem(word_shown(str(value)), str(value))

    def value(self) -> str:
        """The chosen value ('' for the blank entry)."""
        return str(self.currentData() or "")

    def set_value(self, value: str | None) -> None:
        """Select a value (the blank entry when unknown)."""
        found = self.findData(str(value or ""))
        if found < 0 and value:
            self.addItem(word_shown(str(value)), str(value))
            found = self.count() - 1
        self.setCurrentIndex(max(found, 0))


class RowNumbers(QHeaderView):
    """The row numbers down a table's side, as wide as its longest number.

    Qt works the width out again from the model after every change of the rows, asking the
    header text of up to 200 rows role by role (in Python, at every search keystroke). The
    numbers are 1…n, so the width depends only on how many digits n has: it is worked out
    once per digit count (and again when the font or style changes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        # As QTableView sets up its own vertical header: a click on a number selects the row.
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._hints: dict[int, QSize] = {}

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Qt's own size hint, remembered per number of digits of the row count."""
        model = self.model()
        count = model.rowCount(self.rootIndex()) if model is not None else 0
        digits = len(str(count)) if count else 0
        hint = self._hints.get(digits)
        if hint is None:
            hint = self._hints[digits] = super().sizeHint()
        return QSize(hint)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Forget the widths when the font or style changes."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints.clear()
        super().changeEvent(event)


class TitlesWhole(QObject):
    """Keeps each column of a list at least as wide as its title (bold, as a selected row
    draws it, with the header's margins), whatever width the page gave it: when the list is
    first shown and again when its font changes. The font changes after a switch of language
    (the English face arrives once the rebuilt page is shown): the pages' widths, worked out
    for Chinese titles or in the Chinese face, cut "Visits this mon…" and "Amount (yua". A
    column is only ever widened; one sized by Qt itself or stretched is left to Qt."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.shown = False
        view.installEventFilter(self)

    def fit(self) -> None:
        """Widen each shown column narrower than its title to the title's width."""
        header = self.view.horizontalHeader()
        model = self.view.model()
        if model is None:
            return
        sized_by_qt = (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) or header.sectionResizeMode(column) in sized_by_qt:
                continue
            wanted = header.sectionSizeFromContents(column).width()
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.view and (
            kind == QEvent.Type.FontChange or (kind == QEvent.Type.Show and not self.shown)
        ):
            self.shown = self.shown or kind == QEvent.Type.Show
            self.fit()
        return False


def table_view(parent: QWidget | None = None, stretch_last: bool = True) -> QTableView:
    """A read-only, row-selecting, keyboard-friendly table view, its columns never narrower
    than their titles (`TitlesWhole`)."""
    view = QTableView(parent)
    TitlesWhole(view)
    view.setVerticalHeader(RowNumbers(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    view.setWordWrap(False)
    return view


def select_row(view: QTableView, row: int) -> None:
    """Select `row` alone and make it current, as the program means it: `selectRow` in a list
    taking several rows reads the keyboard, so a coordinator holding Ctrl (or Shift) while the
    list refreshes got the program's row added to (or toggled out of) her own choice."""
    index = view.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)


class ChoiceButtons(QButtonGroup):
    """A row of exclusive, checkable buttons — one per kind of item, book or filter — with the
    checked one highlighted and the first checked at the start.

    `by_key[key]` is the button of `key` (its `kind` property holds the key); `row` is the
    layout to place on the page (callers may add more widgets to it)."""

    STYLE = "QPushButton:checked { background: #1f6feb; color: white; }"

    def __init__(
        self, parent: QWidget, keys: Iterable[str], text: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setExclusive(True)
        self.row = QHBoxLayout()
        # Not `buttons`: that is QButtonGroup's own method (all buttons, in order), which a
        # dict of the same name hid from every caller.
        self.by_key: dict[str, QPushButton] = {}
        for key in keys:
            button = QPushButton(text(key) if text else "")
            button.setCheckable(True)
            button.setProperty("kind", key)
            button.setStyleSheet(self.STYLE)
            self.addButton(button)
            self.by_key[key] = button
            self.row.addWidget(button)
        if self.by_key:
            next(iter(self.by_key.values())).setChecked(True)


class NewDay(QObject):
    """A page's 截至 left at today following the new day: a window left open past midnight (over
    the New Year holiday) is as of the new day while 截至 still says the day it was; a day
    chosen by hand is kept, and so is one `keep` says is in use. Looked at each minute
    (`timer`) and by the page when it is shown (`follow`); `stale` then marks the list to be
    worked out again — at once on screen, when next shown if hidden. `period`: what of a day
    the field stands for (the day itself; a month, `new_month`)."""

    def __init__(
        self,
        page: QWidget,
        on: DateField,
        stale: Callable[[], object],
        keep: Callable[[], bool] = lambda: False,
        period: Callable[[dt.date], object] = lambda day: day,
    ) -> None:
        super().__init__(page)
        self.on, self.stale, self.keep, self.period = on, stale, keep, period
        #: The day (month) it was when the field was last set to it.
        self.running = period(on.value())
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.follow)
        self.timer.start()

    def follow(self) -> None:
        """A new day (month): the field moves to it when it said the old one, not in use."""
        day = today()
        now = self.period(day)
        if now == self.running:
            return
        if self.period(self.on.value()) == self.running and not self.keep():
            self.on.blockSignals(True)  # not worked out here: `stale` says when
            self.on.set_value(day)
            self.on.blockSignals(False)
            self.stale()
        self.running = now


def new_month(
    page: QWidget,
    month: DateField,
    moved: Callable[[], object],
    keep: Callable[[], bool] = lambda: False,
) -> NewDay:
    """A page's 月份 left at the month running following the new month (按月更新, 本月走访情况):
    `NewDay` by the month — a month chosen by hand is kept, and so is one `keep` says is in use
    (a grid with typed changes not saved: moving would drop them); `moved` shows the new one."""
    return NewDay(page, month, moved, keep, Month.of)


def area_date_page(
    page: QWidget,
    area: QComboBox,
    on: DateField,
    work_out: QPushButton,
    run: Callable[[], object],
    outputs: Iterable[QPushButton],
    parts: Iterable[QWidget | QLayout],
    table: QTableView,
    summary: QLabel,
    stale: Callable[[], object],
) -> NewDay:
    """Lay out a page that lists an area as of a date (户级责任, 一库五册): 区域 [area] 截至 [date]
    [work_out] … [outputs: preview, export]; below, `parts` (a row of choice buttons, the
    progress panel), the table and the summary line. `run` works the list out: on `work_out`,
    and when another area or date is chosen. 截至 follows the new day while it says today
    (`NewDay`, which the page asks when shown); `stale` marks the list to be worked out again
    (at once if on screen)."""
    top = QHBoxLayout()
    top.addWidget(QLabel(QCoreApplication.translate("AreaDatePage", "区域")))
    top.addWidget(area, 2)
    top.addWidget(QLabel(QCoreApplication.translate("AreaDatePage", "截至")))
    top.addWidget(on)
    top.addWidget(work_out)
    top.addStretch(1)
    for button in outputs:
        top.addWidget(button)
    layout = QVBoxLayout(page)
    layout.addLayout(top)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addWidget(table, 1)
    # Wrapped: a file exported to, named at its end, never makes the page wider than the window.
    summary.setWordWrap(True)
    layout.addWidget(summary)
    work_out.clicked.connect(run)
    area.currentIndexChanged.connect(lambda _i: run())
    on.dateChanged.connect(lambda _d: run())
    return NewDay(page, on, stale)


def button_grid(
    buttons: Sequence[QAbstractButton], width: int, columns: int = 4, spacing: int = 6
) -> QGridLayout:
    """The buttons in rows of `columns`, or of fewer when their labels need more than `width`
    side by side (English labels are twice as long as Chinese ones: a row of four took the
    room of the table beside it at 1024×640), `spacing` px apart. Reading order is kept: left
    to right, then down."""
    for count in range(columns, 1, -1):
        widest = [0] * count
        for position, button in enumerate(buttons):
            column = position % count
            widest[column] = max(widest[column], button.sizeHint().width())
        if sum(widest) + spacing * (count - 1) <= width:
            break
    grid = QGridLayout()
    grid.setHorizontalSpacing(spacing)
    for position, button in enumerate(buttons):
        grid.addWidget(button, position // count, position % count)
    return grid


def form_state(root: QWidget) -> tuple[object, ...]:
    """What is entered in `root`'s inputs: texts, spin boxes, ticks, combo choices."""
    state: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            state.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
        elif isinstance(widget, QComboBox):
            state.append(widget.currentIndex())
    return tuple(state)


def plain(shown: Shown) -> Shown:
    """`shown` drawing its text as it is, never as markup: a name, an address, a note or a
    device's name typed as "<b>甲</b>" is shown as those characters (Qt's default, AutoText,
    draws text that looks like HTML as rich text)."""
    shown.setTextFormat(Qt.TextFormat.PlainText)
    return shown


def plain_label(text: str = "") -> QLabel:
    """A label whose text is shown as it is (`plain`): for the ledger's data."""
    return plain(QLabel(text))


def path_label(path: str) -> QLabel:
    """A label showing a file's or folder's `path` whole, wrapped at its separators: a path has
    no spaces to wrap at, and one in a deep folder (D:\\就业服务中心资料\\…\\台账.db) drawn on one
    line made the page it is on wider than a 1024 screen."""
    label = plain_label(re.sub(r"([\\/])", "\\1\u200b", path))  # a break after each separator
    label.setWordWrap(True)
    label.setToolTip(tip(path))
    return label


def as_typed(text: str) -> str:
    """`text` for a place that takes it as rich text when it looks like HTML (QMessageBox's
    static functions): unchanged when Qt would draw it as it is, else escaped
    into a paragraph (line breaks kept), so a name or a file typed as "<b>甲</b>" shows those
    characters."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def tip(text: str) -> str:
    """`text` as a tooltip drawn as it is, never as markup, and wrapped by Qt when long (a
    tooltip in rich text wraps; a plain one is one line as wide as its text). "" stays "":
    no tooltip."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def _asked(
    parent: QWidget,
    title: str,
    text: str,
    answer: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> bool:
    """Ask with the two buttons `answer` and `default` (Enter and Esc give the default); True
    only when `answer` was chosen."""
    shown = as_typed(text)  # a person's or a file's name in it drawn as typed
    return QMessageBox.question(parent, title, shown, answer | default, default) == answer


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """Ask a question that deletes, replaces or throws something away: 是 / 否, with 否 the
    default, so Enter (or Esc) does nothing. True only when 是 was chosen."""
    buttons = QMessageBox.StandardButton
    return _asked(parent, title, text, buttons.Yes, buttons.No)


def ask_discard(parent: QWidget, title: str, text: str) -> bool:
    """Ask before typed input is thrown away: 放弃 / 取消, with 取消 the default (Enter keeps
    the input). True only when 放弃 was chosen."""
    buttons = QMessageBox.StandardButton
    return _asked(parent, title, text, buttons.Discard, buttons.Cancel)


class KeepsInput(QDialog):
    """A form dialog whose Esc, 取消 and × ask before throwing away what was typed in it (an
    untouched form closes at once). The form as first shown is the one to compare with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_state: tuple[object, ...] | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._shown_state is None:
            self._shown_state = form_state(self)
        super().showEvent(event)

    def is_dirty(self) -> bool:
        """True when the form differs from what it showed when it opened."""
        return self._shown_state is not None and form_state(self) != self._shown_state

    def discard(self) -> None:
        """Close without asking: the user's own answer (a 否 button), not a lost form."""
        super().reject()

    def reject(self) -> None:
        """Esc / 取消 / ×: ask first when something was typed."""
        if self.is_dirty() and not ask_discard(
            self, self.tr("放弃修改？"), self.tr("还有没保存的修改。放弃这些修改吗？")
        ):
            return
        super().reject()


class _WheelToPage(QObject):
    """Hands a wheel turned over an unfocused box to the scroll area around it (which scrolls)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or watched.hasFocus()
        ):
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def wheel_only_when_focused(root: QWidget) -> None:
    """The combo and spin boxes under `root` take the mouse wheel only once clicked into:
    scrolling a long page, the wheel turned whatever box passed under the pointer (a setting
    that applies at once — the idle lock, the language — changed unseen)."""
    guard = _WheelToPage(root)
    for box in (*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)):
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(guard)


#: Room a dialog leaves on its screen for its title bar and the taskbar.
SCREEN_MARGIN = 72


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Size a dialog `width`×`height`, or less where its screen has less room (a 1280×720
    laptop at 125 % is 1024×576 to Qt): its bottom row of buttons stays on the screen."""
    screen = dialog.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry()
    dialog.resize(min(width, room.width() - 16), min(height, room.height() - SCREEN_MARGIN))


class _ArrowsWalkList(QObject):
    """Down/Up typed in a search box move the marked row of its hits list; with `take`, Enter
    in the box takes the marked hit (else the first; `no_hit` when there is none) and goes no
    further."""

    def __init__(
        self,
        hits: QListWidget,
        parent: QObject,
        take: Callable[[QListWidgetItem], None] | None = None,
        no_hit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.hits = hits
        self.take = take
        self.no_hit = no_hit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        if self.take is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = marked_or_first(self.hits)
            if item is not None:
                self.take(item)
            elif self.no_hit is not None:
                self.no_hit()
            return True  # a dialog's default button is not pressed from the search box
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(key)
        if step is None or not self.hits.count():
            return False
        row = max(0, min(self.hits.count() - 1, self.hits.currentRow() + step))
        self.hits.setCurrentRow(row)
        self.hits.scrollToItem(self.hits.item(row))
        return True


def arrows_walk_hits(
    box: QLineEdit,
    hits: QListWidget,
    take: Callable[[QListWidgetItem], None] | None = None,
    no_hit: Callable[[], None] | None = None,
) -> None:
    """Down and Up in `box` walk `hits` (the box keeps the cursor); see `marked_or_first`.
    Given `take`, Enter in the box calls it with that hit (`no_hit` when the list is empty: a
    failed search asked again) and is kept from the dialog around (whose default button would
    otherwise act on what was chosen before)."""
    box.installEventFilter(_ArrowsWalkList(hits, box, take, no_hit))


def search_failed_label() -> QLabel:
    """Where a search box says, under its hits, that its search did not run (hidden until it
    has something to say): word-wrapped, in the colour of a refusal, drawn as it is."""
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def marked_or_first(hits: QListWidget) -> QListWidgetItem | None:
    """The hit walked to with the arrows, else the first (what Enter in the box takes)."""
    return hits.currentItem() or hits.item(0)
