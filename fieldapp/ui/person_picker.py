"""Find a person as you type (name, pinyin initials, ID number or phone) and choose one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldapp.store.queries.persons import PersonRow
from fieldapp.ui.areas import AreaIndex
from fieldapp.ui.held_words import filled
from fieldapp.ui.search_worker import SearchService
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import (
    arrows_walk_hits,
    marked_or_first,
    plain_label,
    search_failed_label,
)


class PersonPicker(QWidget):
    """A search box, the people it finds, and the one chosen (Down/Up walk the hits; Enter
    takes the one walked to, else the first)."""

    chosen_changed = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.chosen: PersonRow | None = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(
            self.tr("输入姓名、拼音首字母或身份证号；↑↓ 挑选，回车选定（未挑即第一个）")
        )
        self.hits = QListWidget()
        self.hits.setMaximumHeight(96)
        self.failed = search_failed_label()
        self.label = plain_label(self.tr("尚未选择人员"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hits)
        layout.addWidget(self.failed)
        layout.addWidget(self.label)
        self.search = SearchService(session.ledger.reader, self)
        self.search.rows.connect(self._show)
        self.search.failed.connect(self._failed)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._first)
        arrows_walk_hits(self.box, self.hits)
        self.hits.itemClicked.connect(self._pick)
        self.hits.itemActivated.connect(self._pick)
        self.setFocusProxy(self.box)

    def _typed(self, text: str) -> None:
        if text.strip():
            self.search.search(text.strip(), self.session.home_area)
        else:
            self.hits.clear()
            self.failed.hide()

    def _show(self, rows: list[PersonRow]) -> None:
        self.hits.clear()
        self.failed.hide()
        for row in rows[:30]:
            place = self.areas.path(row.area_code)
            item = QListWidgetItem(f"{row.name}  {row.id_number}  {place}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.hits.addItem(item)

    def _failed(self, message: str) -> None:
        """The search did not run: said where its hits would be (Enter asks again)."""
        self.hits.clear()
        self.failed.setText(message)
        self.failed.show()

    def _first(self) -> None:
        if self.search.failing:
            self._typed(self.box.text())
            return
        item = marked_or_first(self.hits)
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, row: PersonRow) -> None:
        """Make a person the chosen one."""
        self.chosen = row
        # The name and place as the ledger has them, in the window's brackets.
        place = self.areas.path(row.area_code)
        self.label.setText(self.tr("已选：") + filled(self.tr("%1（%2）"), row.name, place))
        self.chosen_changed.emit(row)

    def stop(self) -> None:
        """Stop the search thread."""
        self.search.stop()
