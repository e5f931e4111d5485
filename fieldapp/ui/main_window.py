"""The main window: navigation on the left, one page at a time, shortcuts, title, close guard."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.domain.sentences import Sentence, fill
from fieldapp.services import clock
from fieldapp.services import users as user_service
from fieldapp.services.changes import Kind
from fieldapp.services.ledgers import Credentials
from fieldapp.ui import i18n, prefs
from fieldapp.ui.clock_said import clock_told
from fieldapp.ui.login import IdleLock
from fieldapp.ui.operations import OperationPanel, run_modal, run_modal_stoppable
from fieldapp.ui.pages.page import Page
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import (
    ask_discard,
    ask_yes_no,
    plain_label,
    tip,
    wheel_only_when_focused,
)

#: A page of the window, as the type it is (`MainWindow.shown`).
P = TypeVar("P", bound=Page)

#: (key, module:class) of each page, in navigation order. Titles are in `page_titles`.
PAGES: tuple[tuple[str, str], ...] = (
    ("ledger", "fieldapp.ui.pages.ledger:LedgerPage"),
    ("monthly", "fieldapp.ui.pages.monthly:MonthlyPage"),
    ("visits", "fieldapp.ui.pages.visits:VisitsPage"),
    ("due", "fieldapp.ui.pages.due:DuePage"),
    ("duties", "fieldapp.ui.pages.duties:DutiesPage"),
    ("subsidies", "fieldapp.ui.pages.subsidies:SubsidiesPage"),
    ("rosters", "fieldapp.ui.pages.rosters:RostersPage"),
    ("print", "fieldapp.ui.pages.printing:PrintPage"),
    ("sync", "fieldapp.ui.pages.sync:SyncPage"),
    ("reports", "fieldapp.ui.pages.reports:ReportsPage"),
    ("settings", "fieldapp.ui.pages.settings:SettingsPage"),
)

PAGE_KEYS = tuple(k for k, _ in PAGES)
#: The navigation's width: its Chinese labels need the least; longer ones wrap at the most.
NAV_MIN_WIDTH, NAV_MAX_WIDTH = 108, 124
#: An item's padding in the navigation (left and right, top and bottom), as its style sheet says.
NAV_PADDING = (14, 10)
#: How often the window looks for stored rows its lists had to leave out (`note_skipped`).
SKIPPED_CHECK_MS = 1000
#: How often the window compares this laptop's date with the hub's (`clock.warning`).
CLOCK_CHECK_MS = 10_000
#: Alt+1 … Alt+9, Alt+0 reach the first ten pages (the last, 设置, has none: it is rarely used).
#: Room kept for the window's title bar when it is fitted to a small screen.
TITLE_BAR = 32
PAGE_DIGITS = tuple("1234567890"[: len(PAGE_KEYS)]) + ("",) * max(0, len(PAGE_KEYS) - 10)


class MainWindow(QMainWindow):
    """One ledger open; pages are built the first time they are shown."""

    def __init__(self, session: Session, reopen: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.reopen = reopen
        self.pages: dict[str, Page] = {}
        self._fit_screen()
        self._build()
        self._shortcuts()
        self.update_title()
        self.show_page(prefs.get("last_page", "ledger") or "ledger")
        self.locked = False
        self.lock_dialog: QWidget | None = None
        #: While locked: each dialog of this window that was open → the cover hiding it.
        self.lock_covers: dict[QWidget, _LockCover] = {}
        self.idle_lock = IdleLock(self)
        self.idle_lock.idle.connect(self.lock)
        # Rows the lists leave out (a choice only a newer program has, a malformed row) are
        # met by whichever page or worker reads them, whenever it does (after the ledger
        # opens, after a sync): looked for each second, each said once.
        self._told: tuple[object, set[tuple[str, str]]] = (None, set())
        self.skipped_timer = QTimer(self)
        self.skipped_timer.setInterval(SKIPPED_CHECK_MS)
        self.skipped_timer.timeout.connect(self.note_skipped)
        self.skipped_timer.start()
        # The date checked against the hub's as it goes on (a date set wrong while open).
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_CHECK_MS)
        self.clock_timer.timeout.connect(self.check_clock)
        # A user disabled elsewhere while this window is theirs: locked at the next look.
        self.clock_timer.timeout.connect(self.check_still_enabled)
        self.clock_timer.start()
        self.check_clock()

    def _fit_screen(self) -> None:
        """1366×768 with a minimum of 1024×640, or the screen's room where it is smaller (1280×720
        with text at 125 % is 1024×576 to Qt): maximized there, never past the screen's edge."""
        room = self.screen().availableGeometry()
        width, height = room.width(), room.height() - TITLE_BAR
        self.setMinimumSize(QSize(min(1024, width), min(640, height)))
        self.resize(min(1366, width), min(768, height))
        if width < 1366 or height < 768:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def page_titles(self) -> dict[str, str]:
        """Navigation labels (translated)."""
        return {
            "ledger": self.tr("台账"),
            "monthly": self.tr("按月更新"),
            "visits": self.tr("走访"),
            "due": self.tr("待办"),
            "duties": self.tr("户级责任"),
            "subsidies": self.tr("补贴"),
            "rosters": self.tr("一库五册"),
            "print": self.tr("打印"),
            "sync": self.tr("同步"),
            "reports": self.tr("报表"),
            "settings": self.tr("设置"),
        }

    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "#nav { font-size: 15px; border: none; background: #f2f4f7; }"
            f"#nav::item {{ padding: {NAV_PADDING[1]}px {NAV_PADDING[0]}px; }}"
            "#nav::item:selected { background: #1f6feb; color: white; }"
        )
        titles = self.page_titles()
        for key, digit in zip(PAGE_KEYS, PAGE_DIGITS, strict=False):
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Alt+{digit}" if digit else "")
            self.nav.addItem(item)
        self._fit_nav()
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        self.demo_banner = QLabel()
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(
            "background: #fdecea; color: #b71c1c; padding: 6px 10px; font-weight: bold;"
        )
        self.demo_banner.hide()
        body.addWidget(self.demo_banner)
        # This laptop's date far from the hub's (`clock.warning`): writes wait until it is set
        # right, and the window says why before anyone meets a refusal.
        self.clock_banner = QLabel()
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(self.demo_banner.styleSheet())
        self.clock_banner.hide()
        body.addWidget(self.clock_banner)
        body.addWidget(self.stack)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.status_label = plain_label()  # the user's name
        self.statusBar().addPermanentWidget(self.status_label)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGE_KEYS[row]))
        self._listen()

    def _fit_nav(self) -> None:
        """The navigation as wide as its longest label, up to NAV_MAX_WIDTH: longer labels
        (English "Household duties") wrap onto a second line. Cut off, with a scroll bar under
        the list, they were unreadable; grown to fit, they took the ledger table's room at
        1024×640."""
        self.nav.ensurePolished()
        frame = 2 * self.nav.frameWidth() + 4
        items = [self.nav.item(row) for row in range(self.nav.count())]
        for item in items:
            item.setSizeHint(QSize())  # Qt's own, one line
        self.nav.setWordWrap(False)
        wanted = self.nav.sizeHintForColumn(0) + frame
        width = min(max(NAV_MIN_WIDTH, wanted), NAV_MAX_WIDTH)
        self.nav.setFixedWidth(width)
        if wanted > width:
            # Each item as high as its words wrapped in the room left by the item's padding.
            self.nav.setWordWrap(True)
            metrics = self.nav.fontMetrics()
            room = width - frame - NAV_PADDING[0] * 2
            for item in items:
                text = metrics.boundingRect(
                    QRect(0, 0, room, 1000), int(Qt.TextFlag.TextWordWrap), item.text()
                )
                item.setSizeHint(QSize(width - frame, text.height() + NAV_PADDING[1] * 2))
        self.nav.doItemsLayout()

    def _shortcuts(self) -> None:
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Find), self.find_person)
        self._shortcut(QKeySequence("Ctrl+N"), self.new_visit)
        self._shortcut(QKeySequence("Ctrl+L"), self.lock)
        for key, digit in zip(PAGE_KEYS, PAGE_DIGITS, strict=False):
            if digit:
                self._shortcut(QKeySequence(f"Alt+{digit}"), partial(self.show_page, key))

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> None:
        """`keys` anywhere in the window call `slot` (the shortcut is the window's child)."""
        QShortcut(keys, self).activated.connect(slot)

    # -- pages ----------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for a key, built on first use."""
        if key not in self.pages:
            target = dict(PAGES)[key]
            module_name, class_name = target.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            widget = cls(self.session, self) if key == "settings" else cls(self.session)
            if not isinstance(widget, Page):
                raise TypeError(f"page {key!r} is a {type(widget).__name__}, not a Page")
            widget.connect_host(self)
            self.pages[key] = widget
            # A page taller or wider than the room the screen leaves scrolls, rather than
            # making the window (every page of it) larger than the screen.
            room = QScrollArea()
            room.setFrameShape(QFrame.Shape.NoFrame)
            room.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            room.setWidgetResizable(True)
            room.setWidget(widget)
            # Scrolling it, the wheel turns a box under the pointer only once it is clicked
            # into (it moved a visit's 日期 back a year a notch).
            wheel_only_when_focused(widget)
            self.stack.addWidget(room)
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        """Switch to a page and remember it as the last one."""
        if key not in PAGE_KEYS:
            key = "ledger"
        widget = self.page(key)
        self.stack.setCurrentWidget(self._room_of(widget))
        row = PAGE_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        widget.activated()
        prefs.put("last_page", key)
        return widget

    def shown(self, key: str, kind: type[P]) -> P:
        """The page for a key shown (`show_page`), as the type `kind` it is."""
        page = self.show_page(key)
        if not isinstance(page, kind):
            raise TypeError(f"page {key!r} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def _room_of(self, page: QWidget) -> QWidget:
        """The scroll area a page sits in on the stack."""
        room = page.parentWidget()
        while room is not None and room.parentWidget() is not self.stack:
            room = room.parentWidget()
        return room if room is not None else page

    def current_key(self) -> str:
        """The key of the page shown."""
        return PAGE_KEYS[self.nav.currentRow()]

    def find_person(self) -> None:
        """Ctrl+F: the ledger's search box."""
        from fieldapp.ui.pages.ledger import LedgerPage

        self.shown("ledger", LedgerPage).focus_search()

    def new_visit(self) -> None:
        """Ctrl+N: a new visit on the visits page."""
        from fieldapp.ui.pages.visits import VisitsPage

        self.shown("visits", VisitsPage).new_visit()

    def record_visit(self, person_id: str) -> None:
        """The 走访 page with the person chosen (from the person panel)."""
        from fieldapp.ui.pages.visits import VisitsPage

        self.shown("visits", VisitsPage).prefill(person_id, "")

    def open_subsidies(self, person_id: str) -> None:
        """The 补贴 page showing one person's eligibility and claims."""
        from fieldapp.ui.pages.subsidies import SubsidiesPage

        self.shown("subsidies", SubsidiesPage).show_person(person_id)

    def open_household_month(self, household_id: str, title: str) -> None:
        """The 按月更新 grid for one household (from the person panel)."""
        from fieldapp.ui.pages.monthly import MonthlyPage

        self.shown("monthly", MonthlyPage).show_household(household_id, title)

    def open_person_month(self, person_id: str, month: str) -> None:
        """The 按月更新 grid for a person's household and a month (from the due list)."""
        from fieldapp.domain.errors import NotFound
        from fieldapp.domain.models import Person
        from fieldapp.store.queries import records
        from fieldapp.store.queries.persons import household_members
        from fieldapp.ui.pages.monthly import MonthlyPage

        try:
            person = records.get(self.session.ledger, Person, person_id)
        except NotFound:
            return
        if not person.household_id:
            return
        members = household_members(self.session.ledger, person.household_id)
        head = next((m.name for m in members if m.relation == "户主"), person.name)
        monthly = self.shown("monthly", MonthlyPage)
        monthly.show_household(person.household_id, head + self.tr("户"), month)

    def open_person(self, person_id: str, service: str = "") -> None:
        """Show a person on the ledger page (from the due list, claims …)."""
        from fieldapp.ui.pages.ledger import LedgerPage
        from fieldapp.ui.pages.visits import VisitsPage

        self.shown("ledger", LedgerPage).open_person(person_id)
        if service:
            self.shown("visits", VisitsPage).prefill(person_id, service)

    def register_unemployment(self, person_id: str) -> None:
        """Show a person on the ledger page and open their unemployment registration to
        record its 登记日期 (a 失业登记 item of the due list)."""
        from fieldapp.ui.pages.ledger import LedgerPage

        ledger = self.shown("ledger", LedgerPage)
        ledger.open_person(person_id)
        ledger.panel.register_unemployment()

    # -- title, language, closing --------------------------------------------------------

    def _listen(self) -> None:
        """Follow the session's writes the window itself shows: the settings (its title) and
        an exchange (the hub's clock it noted: the date's banner)."""
        self.session.on_change(self, (Kind.SETTINGS,), lambda _c: self.update_title())
        self.session.on_change(self, (Kind.SYNC,), lambda _c: self.check_clock())

    def check_clock(self) -> None:
        """Show, over the pages, that this laptop's date is far from the hub's (and so writes
        wait); hidden when it is right. Nothing while no ledger is open (the timer can fire
        between a ledger's closing and the window's)."""
        ledger = self.session.ledger
        if ledger.closed:
            return
        said = clock_told(clock.days_off(ledger))
        self.clock_banner.setText(said)
        self.clock_banner.setVisible(bool(said))

    def check_still_enabled(self) -> bool:
        """Lock the window when its user was disabled since logging in (by an administrator in
        another window or on the command line); True when it did. Writes are refused at the
        write door already; locked, the window also exports, prints and decides nothing more,
        and the disabled user's password no longer unlocks it (their key slot is gone)."""
        ledger = self.session.ledger
        if self.locked or ledger.closed or not user_service.disabled_since_login(ledger):
            return False
        note = self.tr("用户 %1 已被停用，台账已锁定。请本台账的其他用户输入口令继续。")
        return self.lock(note.replace("%1", str(ledger.user)))

    def note_skipped(self) -> None:
        """Say in the status bar, once, that the lists and figures left out stored rows no
        model accepts — apart, those whose only fault is a choice a newer program has (this
        device's program is older than the hub's: upgrade it) and those malformed (the county
        corrects them) — in the window's language, without the rows' ids."""
        from fieldapp.store.queries.malformed import skipped

        ledger = self.session.ledger
        if self._told[0] is not ledger:
            self._told = (ledger, set())
        rows = skipped(ledger.db)
        keys = {(s.table, s.row_id) for s in rows}
        if keys <= self._told[1]:
            return
        self._told[1].update(keys)
        newer = [s.table for s in rows if s.newer]
        wrong = [s.table for s in rows if not s.newer]
        notes = []
        if newer:
            notes.append(
                fill(
                    self.tr(
                        "注意：%1 条记录有本机程序没有的选项，没有显示在列表和统计中（%2）。"
                        "多半是本机的程序比中心旧，请升级本机的程序；这些记录仍在台账中，没有丢失"
                    ),
                    (str(len(newer)), self._record_kinds(newer)),
                )
            )
        if wrong:
            notes.append(
                fill(
                    self.tr(
                        "注意：%1 条记录的数据不合格，没有显示在列表和统计中（%2）。"
                        "这些记录仍在台账中，请县里更正"
                    ),
                    (str(len(wrong)), self._record_kinds(wrong)),
                )
            )
        text = self.tr("；").join(notes)
        self.statusBar().showMessage(text)
        self.statusBar().setToolTip(tip(text))

    def _record_kinds(self, tables: list[str]) -> str:
        """The kinds of record `tables` hold (申领、就业经历), each once, in the window's words."""
        names = {
            "claims": self.tr("申领"),
            "claim_events": self.tr("申领步骤"),
            "batches": self.tr("批次"),
            "persons": self.tr("人员"),
            "households": self.tr("户信息"),
            "person_categories": self.tr("人员类别"),
            "employment_spells": self.tr("就业经历"),
            "unemployment_registrations": self.tr("失业登记"),
            "services": self.tr("服务记录"),
            "visits": self.tr("走访记录"),
            "monthly_status": self.tr("月度状态"),
            "areas": self.tr("区域"),
        }
        other = self.tr("其他记录")
        return self.tr("、").join(dict.fromkeys(names.get(t, other) for t in tables))

    def update_title(self) -> None:
        """'劳动力台账 — <ledger file> — <device>', led by 演示台账 for a demo ledger."""
        name = Path(self.session.path).name
        demo = self.session.is_demo
        self.setWindowTitle(
            (self.tr("演示台账") + " — " if demo else "")
            + self.tr("劳动力台账")
            + f" — {name} — "
            + self.tr("设备：")
            + self.session.device_name
            + self._enrolled_as()
        )
        self.demo_banner.setText(
            self.tr(
                "演示台账：这里的人员都是虚构的，只用于熟悉软件和培训；不会报送县里，"
                "打印的每页都印有“演示台账”。正式工作请在“设置”中打开正式台账。"
            )
        )
        self.demo_banner.setVisible(demo)
        self.status_label.setText(
            self.session.ledger.author and self.tr("使用人：") + self.session.ledger.author
        )

    def _enrolled_as(self) -> str:
        """'（乡镇 · 草海镇）': the role and area the county enrolled this device with (what it
        may change follows from them), nothing before it is enrolled. An area the ledger does
        not list yet is said as the write door's refusals say it ('七星关区鸭池镇的一个村'; in
        the English window 'a village in 七星关区鸭池镇'), never by its code."""
        from fieldapp.domain.places_said import place_part
        from fieldapp.domain.roles import Role
        from fieldapp.reference import divisions
        from fieldapp.store.queries import records
        from fieldapp.ui.held_words import part_shown

        actor = self.session.actor
        if actor.role is None:
            return ""
        roles = {
            Role.COORDINATOR: self.tr("村/安置点专员"),
            Role.TOWNSHIP: self.tr("乡镇"),
            Role.COUNTY: self.tr("县级"),
        }
        words = [roles.get(actor.role, actor.role.label)]
        if actor.scope:
            area = records.area(self.session.ledger, actor.scope)
            said = area.name if area else part_shown(place_part(actor.scope, divisions()))
            words.append(said)
        # In the window's brackets: （乡镇 · 草海镇）, (Township · 草海镇) in English.
        return self.tr("（%1）").replace("%1", " · ".join(words))

    # -- lock -----------------------------------------------------------------------------

    def lock(self, note: str | None = None) -> bool:
        """Hide the ledger until a user of it types their password (idle time, or Ctrl+L;
        `note`: why, when not idle time).

        A plain ledger (no users) cannot lock. Running jobs go on underneath.
        """
        if self.locked or not self.session.ledger.encrypted:
            return False
        from fieldapp.ui.login import LockDialog

        self.locked = True
        self.idle_lock.paused = True
        self.centralWidget().setVisible(False)
        self._cover_dialogs()
        dialog = self.lock_dialog = LockDialog(self.session, self, note)
        dialog.accepted.connect(self._unlocked)
        dialog.open()
        return True

    def _cover_dialogs(self) -> None:
        """Cover every open dialog of this window (a person being edited, a roster preview)
        and take its input away: locked, nobody reads or types in it. Closing one would lose
        what was typed, so each stays open underneath."""
        for dialog in self.findChildren(QDialog):
            if not dialog.isVisible() or dialog in self.lock_covers:
                continue
            cover = _LockCover(self.tr("已锁定"), dialog)
            cover.setProperty("was_enabled", dialog.isEnabled())
            cover.setProperty("title", dialog.windowTitle())  # may hold a name
            cover.show()
            cover.raise_()
            dialog.setEnabled(False)
            dialog.setWindowTitle(self.tr("已锁定"))
            self.lock_covers[dialog] = cover

    def _uncover_dialogs(self) -> None:
        """Give the covered dialogs back as they were."""
        for dialog, cover in self.lock_covers.items():
            if not isValid(dialog) or not isValid(cover):
                continue
            cover.hide()
            cover.deleteLater()
            dialog.setEnabled(bool(cover.property("was_enabled")))
            dialog.setWindowTitle(str(cover.property("title") or ""))
        self.lock_covers = {}

    def _unlocked(self) -> None:
        self._uncover_dialogs()
        self.centralWidget().setVisible(True)
        self.locked = False
        self.lock_dialog = None
        self.idle_lock.paused = False
        self.idle_lock.last_activity = time.monotonic()
        self.update_title()

    def set_language(self, lang: str) -> bool:
        """Switch language now: install the catalogue and rebuild the pages.

        Refused (False) while an import, export or exchange is writing: rebuilding the pages
        would cancel it. Lists still being computed are dropped and computed again.
        """
        if self.writing():
            QMessageBox.information(
                self,
                self.tr("请稍候"),
                self.tr("还有导入、导出或同步在进行，请等它完成后再切换语言。"),
            )
            return False
        if self.has_unsaved() and not self._confirm_discard():
            return False
        prefs.put("language", lang)
        i18n.install_language(lang)
        self._rebuild()
        return True

    def _rebuild(self) -> None:
        """Drop every page (they are rebuilt on demand) and show the current one again."""
        current = self.current_key()
        self.discard_unsaved()
        self.shutdown_pages()
        for widget in list(self.pages.values()):
            room = self._room_of(widget)
            self.stack.removeWidget(room)
            room.deleteLater()
        self.pages.clear()
        titles = self.page_titles()
        for row, key in enumerate(PAGE_KEYS):
            self.nav.item(row).setText(titles[key])
        self._fit_nav()
        self.update_title()
        self.check_clock()  # in the language now shown; another ledger has its own reading
        self.show_page(current)

    def switch_ledger(self, path: Path) -> bool:
        """Open another ledger file in this window (after logging in to it)."""
        if self.busy() or (self.has_unsaved() and not self._confirm_discard()):
            return False
        from fieldapp.ui.login import LoginDialog

        try:
            dialog = LoginDialog(path, self)
        except Exception as error:  # noqa: BLE001 - a foreign or damaged file
            from fieldapp.ui.errors import show_error

            show_error(self, error)
            return False
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
        session = dialog.session
        dialog.deleteLater()  # the window's child: each switch would leave one behind
        if not accepted or session is None:
            return False
        self.discard_unsaved()
        self.shutdown_pages()
        self.session.close()
        self.session = session
        self._listen()
        prefs.put("last_ledger", str(path))
        self._rebuild()
        return True

    def restore_backup(self, backup: Path, credentials: Credentials) -> bool:
        """Replace this ledger by a backup (the current file is kept beside it), its users'
        newer states carried over (`services.backup.restore`: this window's key says who
        replaces it), then reopen it as the user whose password opened the backup and say what
        became of the users."""
        from fieldapp.services.backup import restore
        from fieldapp.ui.errors import show_error

        if self.busy():
            return False
        path = Path(self.session.path)
        current = self.session.ledger
        self.discard_unsaved()
        self.shutdown_pages()
        self.session.close()
        restored = None
        try:
            # The window's own key says who replaces the ledger (logged in to it, by their
            # password now); the users' newer states are carried over into the backup's.
            restored = run_modal(
                self,
                self.tr("正在从备份恢复台账，请稍候（不能中途停止）…"),
                lambda: restore(backup, path, credentials, opened=current.unlocked),
            )
        except Exception as error:  # noqa: BLE001 - the old file is untouched on failure
            show_error(self, error)
        # Restored: open it as the user who restored it, with the restored key in hand (their
        # password now may be another than the backup's). Not restored: the old ledger again
        # with the key already in hand (their passwords may differ).
        if restored is None:
            self.session = Session(current.sibling())
        else:
            self.session = Session(user_service.reopen(path, restored.unlocked, current.author))
        self._listen()
        self._rebuild()
        if restored is None:
            return False
        self._say_restored_users(restored.users_said, restored.kept or backup)
        return True

    def _say_restored_users(self, told: Sequence[Sentence], kept: Path) -> None:
        """What a restore did to the users: a box when anyone's state was carried over from
        the ledger it replaced, or nobody could know (the administrator has to look); the
        status bar when nothing changed since the backup — before the path of the file `kept`
        (the ledger as it was), which at 1024 px takes the bar's width and is cut off last."""
        from fieldapp.services.backup import USERS_AS_BEFORE
        from fieldapp.ui.held_words import sentence_shown

        #: What the last restore said of the users, a paragraph a user: each sentence wraps
        #: over lines in the box, and run together where one ended could not be seen.
        self.restored_users_said = "\n\n".join(sentence_shown(s) for s in told)
        if told and all(s.template == USERS_AS_BEFORE for s in told):
            self.statusBar().showMessage(
                fill(
                    self.tr("已从备份恢复，%1；恢复前的台账保存在 %2"),
                    (self.restored_users_said, str(kept)),
                )
            )
            return
        self.statusBar().showMessage(self.tr("已从备份恢复；恢复前的台账保存在 ") + str(kept))
        if not told:
            return
        QMessageBox.information(self, self.tr("恢复后的用户与口令"), self.restored_users_said)

    def rotate_key(self, done: str = "") -> bool:
        """Re-encrypt the ledger under a new database key (after a user was disabled) and open
        it again as the same user; `done` goes to the status bar before the outcome.

        A large ledger takes a while: the dialog shows how far it is and its 取消 stops the
        copy (the old key stands; the message says how to run it again)."""
        from fieldapp.domain.progress import Cancelled
        from fieldapp.services import users
        from fieldapp.ui.errors import message_for, show_error

        ledger = self.session.ledger
        if self.busy() or ledger.unlocked is None:
            return False
        path, unlocked, author = ledger.path, ledger.unlocked, ledger.author
        self.discard_unsaved()
        self.shutdown_pages()
        self.session.close()
        stopped = False
        try:
            key = unlocked
            unlocked = run_modal_stoppable(
                self,
                self.tr("正在用新钥匙重新加密台账，请稍候…"),
                lambda progress, cancel: users.rotate_key(path, key, progress, cancel),
            )
            rotated = True
        except Cancelled:
            rotated, stopped = False, True
        except Exception as error:  # noqa: BLE001 - the old ledger and key stand; say why
            # Why, then that the user is disabled all the same and how to change the key later.
            # The box titled by what went wrong (a full disk), not as a refusal to put right.
            why = message_for(error) + "\n\n" + self.tr("用户已停用。") + self._again()
            show_error(self, error, text=why)
            rotated = False
        self.session = Session(users.reopen(path, unlocked, author))
        self._listen()
        self._rebuild()
        note = self.tr("台账已换用新钥匙") if rotated else self.tr("台账钥匙没有更换")
        self.statusBar().showMessage(self.tr("；").join(t for t in (done, note) if t))
        if stopped:
            QMessageBox.information(
                self,
                self.tr("钥匙没有更换"),
                self.tr(
                    "已取消，台账还用原来的钥匙，内容没有改动。停用的人用口令已打不开这台电脑上的台账。"
                )
                + self._again(),
            )
        return rotated

    def _again(self) -> str:
        """What a disabled user's old key still opens, and how to change the key later."""
        return self.tr(
            "但如果此人在停用前拷走过台账的钥匙文件，凭旧口令仍能打开台账："
            "空闲时请到“设置 → 用户与口令”，选中这个人，再点一次“停用所选用户”，把钥匙换掉。"
        )

    def confirm_discard(self) -> bool:
        """Ask before typed input is dropped."""
        return self._confirm_discard()

    def has_unsaved(self) -> bool:
        """True when any page holds typed but unsaved input."""
        return any(w.has_unsaved() for w in self.pages.values())

    def _confirm_discard(self) -> bool:
        return ask_discard(
            self,
            self.tr("有未保存的内容"),
            self.tr("有填写了但还没保存的内容。放弃这些内容吗？"),
        )

    def busy(self) -> bool:
        """True while a page runs a long operation."""
        return any(w.busy() for w in self.pages.values())

    def writing(self) -> bool:
        """True while a page runs an operation that may write (not just a list being built)."""
        return any(
            panel.writing for w in self.pages.values() for panel in w.findChildren(OperationPanel)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Never lose typed input or cut a running job short without asking."""
        if self.locked:
            event.ignore()  # a locked window is not closed by whoever walks by
            return
        if self.busy():
            if not ask_yes_no(
                self,
                self.tr("正在处理"),
                self.tr("还有任务在进行。取消任务并关闭吗？（选“否”等它完成）"),
            ):
                event.ignore()
                return
        if self.has_unsaved() and not self._confirm_discard():
            event.ignore()
            return
        prefs.put("last_page", self.current_key())
        self.discard_unsaved()
        self.shutdown_pages()
        self.idle_lock.stop()
        self.skipped_timer.stop()  # the window and its ledger close: nothing more to look for
        self.clock_timer.stop()
        event.accept()

    def discard_unsaved(self) -> None:
        """Close open editors without asking (the user already chose to discard)."""
        for widget in self.pages.values():
            widget.discard_unsaved()

    def shutdown_pages(self) -> None:
        """Stop page threads and cancel running operations (their results are dropped), and
        stop the pages' timers: the ledger closes next, and a page's minute check still running
        (补贴's date following the day) would read it closed."""
        for widget in self.pages.values():
            for panel in widget.findChildren(OperationPanel):
                panel.cancel()
            widget.shutdown()
            for timer in widget.findChildren(QTimer):
                timer.stop()


class _LockCover(QLabel):
    """Covers a dialog of the locked window, following its size (a dialog can still be
    resized by the window manager while it takes no input)."""

    def __init__(self, text: str, dialog: QWidget) -> None:
        super().__init__(text, dialog)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #e9ecef; color: #555; font-size: 18px;")
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keep covering the whole dialog when it is resized."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False
