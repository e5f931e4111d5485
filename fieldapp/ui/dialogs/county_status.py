"""各设备同步情况: what the county hub knows of each device, for a county office's desktop.

Read from the hub over the network (`GET /v1/status`, signed with this device's key; the hub
answers county devices only), off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import china_minute, today
from fieldapp.domain.places_said import Listed, PlaceWording, say_place
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Word, fill
from fieldapp.hub.versions import (
    pack_not_in_force,
    program_ahead,
    program_behind,
    program_key,
    program_of,
)
from fieldapp.reference import divisions
from fieldapp.store.queries.areas import listed_places
from fieldapp.ui.dialogs.hub_address import typed_address
from fieldapp.ui.errors import message_for, show_error
from fieldapp.ui.held_words import filled, part_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import plain_label, tip

#: How many days a device's ledger restored from a backup stays marked (⚠, red) in the table and
#: counted in the summary: the clerk checks it was the village's own restore.
RECENT_RESTORE_DAYS = 30

#: Keys of the hub's JSON, one column each (titles in `CountyStatus._titles`).
#: What the county clerk looks for first — when each synced, which program and pack it runs, and
#: whether it is revoked or its ledger came back from a backup — comes before the counts, all on
#: a 1024-wide screen.
COLUMNS = (
    "device",
    "role",
    "area",
    "last_exchange",
    "program",
    "policy",
    "pack_in_force",
    "revoked_at",
    "restored",
    "pending",
    "refused",
    "refused_bundles",
    "disabled_users",
)


class _SortedItem(QTableWidgetItem):
    """A cell sorted by the key kept in its UserRole (a program version as numbers)."""

    def __init__(self, item: QTableWidgetItem) -> None:
        super().__init__(item)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine = self.data(Qt.ItemDataRole.UserRole)
        theirs = other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, (list, tuple)) and isinstance(theirs, (list, tuple)):
            return tuple(mine) < tuple(theirs)
        return super().__lt__(other)


class CountyStatus(QWidget):
    """A table of the county's devices, refreshed from the hub on demand."""

    def __init__(
        self,
        session: Session,
        hub_url: Callable[[], str],
        panel: OperationPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.hub_url, self.panel = session, hub_url, panel
        self.current_policy: str | None = None
        #: The hub's own program, as it answered (None: an older hub, which does not say).
        self.hub_program: str | None = None
        self.refresh_button = QPushButton(self.tr("从中心刷新"))
        self.summary = plain_label(self.tr("点「从中心刷新」查看各村、各安置点最近一次同步的情况"))
        self.summary.setWordWrap(True)
        #: The hub doubting its own clock (`hub.own_clock`), in red above all else.
        self.clock_doubt = QLabel()
        self.clock_doubt.setWordWrap(True)
        self.clock_doubt.setStyleSheet("color: #c62828; font-weight: bold;")
        self.clock_doubt.hide()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(self._titles())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        #: The selected device's disabled users, who disabled each and when (plain text: the
        #: names come from the devices).
        self.users_detail = plain_label()
        self.users_detail.setWordWrap(True)
        self.users_detail.hide()
        #: Each device's disabled users as the hub answered, by device name.
        self._disabled: dict[str, list[dict[str, Any]]] = {}
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock_doubt)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.users_detail)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._show_users)

    def _titles(self) -> list[str]:
        return [
            self.tr("设备"),
            self.tr("角色"),
            self.tr("区域"),
            self.tr("最近同步"),
            self.tr("程序版本"),
            self.tr("政策包"),
            self.tr("在用的政策包"),
            self.tr("注销"),
            self.tr("从备份恢复过"),
            self.tr("已发出待确认"),
            self.tr("未接受的修改"),
            self.tr("拒收的数据包"),
            self.tr("停用的用户"),
        ]

    def refresh(self) -> None:
        """Ask the hub (off the GUI thread)."""
        url = typed_address(self, self.hub_url, self.session.ledger)
        if url is None:
            return

        def work(_progress: OperationProgress) -> dict[str, Any]:
            from fieldapp.sync.client import county_status

            with self.session.worker_ledger() as ledger:
                return county_status(ledger, url)

        self.panel.run(self.tr("正在向中心查询……"), work, self.show_status, self._failed)

    def show_status(self, status: dict[str, Any]) -> None:
        """Fill the table from the hub's answer."""
        devices = list(status.get("devices", []))
        policy = status.get("policy")
        #: The county pack in force, as the hub answered (None: none published, or an older hub).
        self.current_policy = str(policy) if policy else None
        # The hub's build (since hubs say it), else its version: what the devices' are
        # compared with, build by build.
        hub = status.get("build") or status.get("program")
        self.hub_program = str(hub) if hub else None
        self._say_clock_doubt(status.get("clock_doubt"))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(devices))
        listed = listed_places(self.session.ledger)
        for row, device in enumerate(devices):
            for column, key in enumerate(COLUMNS):
                value = program_of(device) or None if key == "program" else device.get(key)
                cell = self._cell(key, value, device)
                if key == "area":
                    self._place(cell, device, listed)
                elif key in ("device", "revoked_at"):
                    self._who(cell, key, device)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        self._disabled = {str(d.get("device")): _disabled_users(d) for d in devices}
        self._show_users()
        silent = sum(1 for d in devices if not d.get("last_exchange") and not d.get("revoked_at"))
        waiting = sum(int(d.get("refused") or 0) for d in devices)
        text = fill(
            self.tr("共 %1 台设备；从未同步 %2 台；未接受待审核的修改 %3 条"),
            (str(len(devices)), str(silent), str(waiting)),
        )
        current = self.current_policy
        if current:
            lacking = sum(
                1 for d in devices if d.get("policy") != current and not d.get("revoked_at")
            )
            if lacking:
                text += fill(
                    self.tr("；现行政策包 %1：%2 台设备还没有收到"), (str(current), str(lacking))
                )
        if current:
            unused = sum(1 for d in devices if pack_not_in_force(d, current))
            if unused:
                text += (
                    self.tr("；%1 台设备收到了现行政策包但没有启用（多半是程序太旧）")
                ).replace("%1", str(unused))
        if self.hub_program:
            behind = sum(1 for d in devices if program_behind(d, self.hub_program))
            if behind:
                text += fill(
                    self.tr("；中心的程序是 %1：%2 台设备的程序比中心旧或没有报告版本，要去升级"),
                    (self.hub_program, str(behind)),
                )
            ahead = sum(1 for d in devices if program_ahead(d, self.hub_program))
            if ahead:
                text += (self.tr("；%1 台设备的程序比中心新：请先升级中心的程序")).replace(
                    "%1", str(ahead)
                )
        recent = sum(1 for d in devices if recently_restored(d) and not d.get("revoked_at"))
        if recent:
            text += fill(
                self.tr(
                    "；%1 台设备近 %2 天内从备份恢复过台账：如果不是村里自己恢复的，"
                    "请马上核查（台账可能被复制到了别的电脑）"
                ),
                (str(recent), str(RECENT_RESTORE_DAYS)),
            )
        met = [_own_trouble_count(d) for d in devices]
        if any(met):
            text += fill(
                self.tr(
                    "；%1 台设备的数据包因中心自己的问题（磁盘已满、只读、正忙或存不下上传的文件）没有导入，共 %2 次"
                ),
                (str(sum(1 for n in met if n)), str(sum(met))),
            )
        text += self._disabled_summary()
        self.summary.setText(text)

    def _disabled_summary(self) -> str:
        """The summary's word of the devices with users the hub holds disabled, and of how many
        of those users the devices ask to be enabled again ('' when none)."""
        devices = sum(1 for listed in self._disabled.values() if listed)
        if not devices:
            return ""
        asking = sum(1 for listed in self._disabled.values() for u in listed if _asked(u))
        text = self.tr("；%1 台设备有停用的用户").replace("%1", str(devices))
        if asking:
            text += self.tr("，其中 %1 人申请重新启用").replace("%1", str(asking))
        return text

    def _users_said(self, listed: list[dict[str, Any]]) -> str:
        """A device's disabled users, for its cell: names, each one asking marked."""
        marked = self.tr("%1（申请重新启用）")
        return self.tr("、").join(  # listed in the window's language
            fill(marked, (str(u.get("name")),)) if _asked(u) else str(u.get("name")) for u in listed
        )

    def _user_detail(self, user: dict[str, Any]) -> str:
        """One disabled user as the detail under the table says them: who disabled them and
        when, the device's word or the county's, and the device's request, if any."""
        name, by = str(user.get("name")), str(user.get("by") or "")
        since = china_minute(user.get("since_china") or user.get("since"))
        if user.get("source") == "county":
            text = fill(self.tr("%1：县里在中心停用（经办：%2，%3）"), (name, by, since))
        else:
            text = fill(self.tr("%1：在设备上停用（%2 停用，中心 %3 得知）"), (name, by, since))
        asked = user.get("enable_asked")
        if isinstance(asked, dict):
            at = china_minute(asked.get("at_china") or asked.get("at"))
            text += fill(
                self.tr("；设备说已于 %1 由 %2 重新启用，申请县里核实后重新启用"),
                (at, str(asked.get("by") or "")),
            )
        return text

    def _show_users(self) -> None:
        """The selected device's disabled users in detail under the table (hidden when it has
        none), and where the county decides on them."""
        row = self.table.currentRow()
        first = self.table.item(row, 0) if row >= 0 else None
        selected = bool(self.table.selectionModel().selectedRows())
        listed = self._disabled.get(first.text(), []) if first is not None and selected else []
        if not listed:
            self.users_detail.clear()
            self.users_detail.hide()
            return
        said = self.tr("设备 %1 上停用的用户（以停用的用户名义从这台设备发来的修改都扣在中心）：")
        lines = [fill(said, (first.text() if first is not None else "",))]
        lines += [self._user_detail(u) for u in listed]
        lines.append(self.tr("启用或停用设备上的用户，请在县里的汇总中心电脑上办理"))
        self.users_detail.setText("\n".join(lines))
        self.users_detail.show()

    def _say_clock_doubt(self, doubt: object) -> None:
        """The hub's doubt of its own clock, as it answered (none: hidden)."""
        days = doubt.get("days") if isinstance(doubt, dict) else None
        if not isinstance(days, int) or isinstance(days, bool):
            self.clock_doubt.hide()
            return
        text = (
            self.tr(
                "中心电脑的日期可能不对：中心的时钟慢了约 %1 天。改对之前，中心不把自己的时间"
                "告诉各设备（各设备照常录入），联网同步会被拒绝；请尽快把中心电脑的日期和时间"
                "改对（常见原因：主板电池没电）"
            )
            if days < 0
            else self.tr(
                "中心电脑的日期可能不对：中心的时钟快了约 %1 天。改对之前，中心不把自己的时间"
                "告诉各设备（各设备照常录入），联网同步会被拒绝；请尽快把中心电脑的日期和时间"
                "改对"
            )
        )
        self.clock_doubt.setText(text.replace("%1", str(abs(days))))
        self.clock_doubt.show()

    @staticmethod
    def _place(cell: QTableWidgetItem, device: dict[str, Any], listed: Listed) -> None:
        """The device's area as the hub names it (a first-wave laptop may be named after its
        computer), or, from an older hub that does not, as it would (this county device's
        ledger lists the county's areas); the code stays under the pointer."""
        code = str(device.get("area") or "")
        said = device.get("area_name") or say_place(code, divisions(), listed, PlaceWording.SHORT)
        if said:
            cell.setText(str(said))
            cell.setToolTip(code)

    def _who(self, cell: QTableWidgetItem, key: str, device: dict[str, Any]) -> None:
        """Who at the county enrolled the device (under its name) and revoked it (under
        已注销), and when, as the hub recorded them (an older hub does not say: nothing)."""
        done = "enrolled" if key == "device" else "revoked"
        by, at = device.get(f"{done}_by"), device.get(f"{done}_at")
        if not by or not at:
            return
        said = self.tr("%1 登记，经办：%2") if key == "device" else self.tr("%1 注销，经办：%2")
        china = device.get(f"{done}_at_china") or at
        cell.setToolTip(tip(fill(said, (china_minute(china), str(by)))))

    def _cell(self, key: str, value: object, device: dict[str, Any]) -> QTableWidgetItem:
        revoked = bool(device.get("revoked_at"))
        if key == "program":  # sorted as versions, the oldest (or unsaid) first
            text = self._program(value, device)
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, program_key(value))
            return _SortedItem(item)
        if key == "disabled_users":
            listed = _disabled_users(device)
            item = QTableWidgetItem(self._users_said(listed))
            item.setToolTip(tip("\n".join(self._user_detail(u) for u in listed)))
            return item
        if key == "restored":
            return self._restored(device)
        if key == "pack_in_force":
            if revoked or device.get("reported_at") is None:
                text = ""  # revoked, or it did not say (an older program)
            else:
                text = str(value) if value else self.tr("内置政策包")
                if pack_not_in_force(device, self.current_policy):
                    text += self.tr("（收到的 %1 没有启用）").replace("%1", str(device["policy"]))
            return QTableWidgetItem(text)
        if key == "role":
            try:
                # In the window's language (Village/site coordinator), as sentences say it.
                text = part_shown(Word(Role.parse(str(value)).label))
            except ValueError:
                text = str(value or "")
        elif key == "last_exchange":  # China time as the hub gives it (an older hub: as kept)
            china = device.get("last_exchange_china")
            if not value:
                text = self.tr("从未同步")
            else:
                text = china_minute(china) if china else str(value).replace("T", " ")
        elif key == "policy":  # as `hub devices` says it; nothing when none is published
            current = self.current_policy
            if not current or revoked:  # a revoked device no longer syncs: 已注销 says it
                text = str(value or "")
            elif not value:
                text = self.tr("未收到")
            elif value != current:
                text = filled(self.tr("%1（现行 %2，未收到）"), str(value), str(current))
            else:
                text = str(value)
        elif key == "revoked_at":
            text = self.tr("已注销") if value else ""
        else:
            text = "" if value is None else str(value)
        item = QTableWidgetItem(text)
        if isinstance(value, int) and key != "role":
            item.setData(0, value)  # numbers sort as numbers
        return item

    def _restored(self, device: dict[str, Any]) -> QTableWidgetItem:
        """How often the device's ledger came back from a backup at the hub and when last
        (nothing when never, or from an older hub, which does not say); one within
        `RECENT_RESTORE_DAYS` marked ⚠ in red; who on the device, and what to do, under the
        pointer. Sorted by the count, then the time."""
        count = _count(device.get("restored"))
        at = device.get("last_restored_china") or device.get("last_restored")
        item = QTableWidgetItem("")
        item.setData(Qt.ItemDataRole.UserRole, (count, str(at or "")))
        if not count or not at:
            return _SortedItem(item)
        text = fill(self.tr("%1 次，最近 %2"), (str(count), china_minute(at)))
        if recently_restored(device):
            text = "⚠ " + text
            item.setForeground(QColor("#c62828"))
        item.setText(text)
        said = self.tr(
            "最近一次 %1 从备份恢复（设备上：%2）：换了台账标识，中心从此以恢复后的台账为准。"
            "如果这台设备并没有恢复过台账，请马上核查（台账可能被复制到了别的电脑）"
        )
        by = str(device.get("last_restored_by") or "")
        item.setToolTip(tip(fill(said, (china_minute(at), by))))
        return _SortedItem(item)

    def _program(self, value: object, device: dict[str, Any]) -> str:
        if device.get("revoked_at"):
            return ""
        if not value:
            return self.tr("未报告版本") if device.get("last_exchange") else ""
        if self.hub_program and program_key(value) < program_key(self.hub_program):
            return self.tr("%1（比中心旧）").replace("%1", str(value))
        if self.hub_program and program_key(value) > program_key(self.hub_program):
            return self.tr("%1（比中心新）").replace("%1", str(value))
        return str(value)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("查询失败：") + message_for(error))
        show_error(self, error, logged=True)


def recently_restored(device: dict[str, Any]) -> bool:
    """Whether the hub says `device`'s ledger came back from a backup within
    `RECENT_RESTORE_DAYS` (China dates; False from an older hub, which does not say)."""
    at = device.get("last_restored_china") or device.get("last_restored")
    if not _count(device.get("restored")) or not at:
        return False
    try:
        day = dt.date.fromisoformat(str(at)[:10])
    except ValueError:  # not a time the hub writes: nothing marked
        return False
    return day >= today() - dt.timedelta(days=RECENT_RESTORE_DAYS)


def _count(value: object) -> int:
    """A count the hub's JSON gives (0 for anything else: an older hub's missing key)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _own_trouble_count(device: dict[str, Any]) -> int:
    """How many of `device`'s uploads met the hub's own full disk, read-only or busy store
    since its service started (`hub_trouble`, from hubs that say it; else 0)."""
    met = device.get("hub_trouble")
    count = met.get("count") if isinstance(met, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 0


def _disabled_users(device: dict[str, Any]) -> list[dict[str, Any]]:
    """The device's users the hub holds disabled, as it answered (`disabled_users`; an older
    hub does not say: none)."""
    listed = device.get("disabled_users")
    if not isinstance(listed, list):
        return []
    return [u for u in listed if isinstance(u, dict) and u.get("name")]


def _asked(user: dict[str, Any]) -> bool:
    """Whether the device asks the county to enable the disabled `user` again."""
    return isinstance(user.get("enable_asked"), dict)
