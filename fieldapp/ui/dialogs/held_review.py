"""县里审核未接受的修改: the changes the county hub held under the trust rules, reviewed from a
county office's desktop.

Read from the hub and decided there over the network (`GET /v1/held`, `POST /v1/held/accept`
and `/v1/held/dismiss`, signed with this device's key; the hub answers county devices only),
off the GUI thread. Once the hub's clock is put right, the changes it held by its clock are
judged again there at one click (`POST /v1/held/rejudge`, as `hub rejected --rejudge`). The hub records the decision as ``用户名@本机名`` and tells the device that
sent the change in its next exchange.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import china_minute
from fieldapp.domain.sentences import Sentence, fill, saying, sentence_or_none
from fieldapp.services.held_decisions import DecidedRun
from fieldapp.ui.dialogs.hub_address import typed_address
from fieldapp.ui.errors import message_for, show_error
from fieldapp.ui.held_words import HeldLine, part_shown, reason_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import plain_label, tip

#: Keys of the hub's JSON, one column each (titles in `HeldReview._titles`).
COLUMNS = ("device", "author", "content", "reason", "received_at")


def origins(items: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(village, device, how many) of `items`, in the order first met: where the changes
    came from as the clerk knows it (the village the hub names, '' for a hub that names
    none)."""
    counts: dict[tuple[str, str], int] = {}
    for item in items:
        key = (str(item.get("village") or ""), str(item.get("device") or ""))
        counts[key] = counts.get(key, 0) + 1
    return [(village, device, n) for (village, device), n in counts.items()]


def content_shown(item: dict[str, Any], parent: QObject | None = None) -> str:
    """What a held change sets (修改内容) in the language shown: from the hub's pieces
    (`content_said`: the program's words translated, people's data as typed); the hub's
    Chinese line where it sent none (an older hub) or they do not read. A place the hub does
    not list is said from its sentence (`values_said`: a village in 七星关区梨树镇), where one
    came that reads; else as the hub's Chinese value."""
    said = item.get("content_said")
    raw = item.get("values")
    try:
        if not isinstance(said, dict) or not isinstance(raw, dict):
            raise TypeError
        sentences = said.get("values_said")
        sentences = sentences if isinstance(sentences, dict) else {}
        fields = [
            (str(key), str(label), _value_shown(value, sentences.get(key)))
            for key, label, value in said["fields"]
        ]
        return HeldLine(parent).said(
            str(said["table"]),
            str(said["whose"]),
            str(said["level"]),
            said["deleted"] is True,
            fields,
            raw,
            damaged=said["damaged"] is True,
        )
    except (KeyError, TypeError, ValueError):
        return str(item.get("content") or "")


def _value_shown(value: object, sentence: object) -> str | None:
    """A held change's value as the hub said it (None: emptied), or from its sentence (a place
    the hub does not list) in the language shown where that reads."""
    if value is None:
        return None
    said = sentence_or_none(sentence)
    return str(value) if said is None else part_shown(said)


def held_reason_shown(item: dict[str, Any]) -> str:
    """Why the hub held a change, in the language shown: its sentence (`reason_said`, the
    template and parts the trust rules made it of) said in it; where the hub sent none (a
    change held before it kept them, an older hub) or one that does not read as a sentence
    this program made (`sentences.sentence_or_none`: a hostile hub, a hand edit) or whose
    Chinese is not the hub's reason word for word (`sentences.saying`, the check a device
    makes on the hub's reports: a forged sentence would show other words than the hub's),
    the rule's words or the hub's Chinese text (`reason_shown`) — never anything made of what
    failed."""
    said = saying(item.get("reason"), sentence_or_none(item.get("reason_said")))
    return reason_shown(item.get("rule"), item.get("reason"), said)


#: How many of several changes the confirmation lists by content.
LISTED_IN_CONFIRMATION = 5


class DecisionDialog(QDialog):
    """Asks the reviewer to confirm a decision on the held changes chosen (one or several):
    accepting takes an optional note, dismissing a reason the device will be shown
    (required). For several it says how many and from which village."""

    def __init__(
        self,
        item: dict[str, Any] | list[dict[str, Any]],
        accept: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        items = item if isinstance(item, list) else [item]
        self.accepting = accept
        self.count = len(items)
        many = self.count > 1
        if many:
            title = (
                self.tr("接受所选的 %1 条修改") if accept else self.tr("不予采纳所选的 %1 条修改")
            )
            self.setWindowTitle(title.replace("%1", str(self.count)))
            lines = [content_shown(i, self) for i in items[:LISTED_IN_CONFIRMATION]]
            if self.count > LISTED_IN_CONFIRMATION:
                lines.append(self.tr("……等共 %1 条").replace("%1", str(self.count)))
            what = QLabel("\n".join(lines))
            reasons = list(dict.fromkeys(held_reason_shown(i) for i in items))
            why = QLabel("\n".join(reasons[:3]) + ("\n……" if len(reasons) > 3 else ""))
        else:
            self.setWindowTitle(self.tr("接受这条修改") if accept else self.tr("不予采纳这条修改"))
            what = QLabel(content_shown(items[0], self))
            why = QLabel(held_reason_shown(items[0]))
        for label in (what, why):  # the device's values and the hub's words: never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        if accept:
            self.note.setPlaceholderText(self.tr("可不填，例如：电话核实无误"))
            intro = self.tr(
                "接受后，这条修改作为县里的修改写入中心台账，发往相关设备；"
                "发出修改的设备下次同步时会看到您的决定。"
            )
            if many:
                intro = self.tr(
                    "接受后，这 %1 条修改逐条由中心再核对一遍，作为县里的修改写入中心台账，"
                    "发往相关设备；遇到不能接受的一条就停下，告诉您哪些已接受、哪些还在表中。"
                ).replace("%1", str(self.count))
        else:
            self.note.setPlaceholderText(self.tr("必须填写，发出修改的设备上会看到"))
            intro = self.tr(
                "不予采纳的修改不会写入台账。请写明原因，发出修改的设备下次同步时会看到。"
            )
            if many:
                intro = self.tr(
                    "这 %1 条修改都不会写入台账，写明的原因对每一条都适用，"
                    "发出修改的设备下次同步时会看到。"
                ).replace("%1", str(self.count))
        head = QLabel(intro)
        head.setWordWrap(True)
        form = QFormLayout()
        if many:
            where = []
            for village, device, n in origins(items):
                place = fill(self.tr("%1（%2）"), (village, device)) if village else device
                where.append(fill(self.tr("%1：%2 条"), (place, str(n))))
            self.origin = plain_label("\n".join(where))
            form.addRow(self.tr("来自"), self.origin)
        else:
            first = items[0]
            village = str(first.get("village") or "")
            device = fill(
                self.tr("%1（%2）"), (str(first.get("device", "")), str(first.get("author", "")))
            )
            self.origin = plain_label(f"{village} {device}" if village else device)
            form.addRow(self.tr("设备"), self.origin)
        self.origin.setWordWrap(True)
        form.addRow(self.tr("修改内容"), what)
        form.addRow(self.tr("未接受的原因"), why)
        form.addRow(self.tr("审核说明") if accept else self.tr("不予采纳的原因"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if many:
            ok = self.tr("接受这 %1 条") if accept else self.tr("不予采纳这 %1 条")
            self.ok_button.setText(ok.replace("%1", str(self.count)))
        else:
            self.ok_button.setText(self.tr("接受") if accept else self.tr("不予采纳"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.accepting or bool(self.note.text().strip()))

    def reason(self) -> str:
        """The note or reason typed."""
        return self.note.text().strip()


class HeldReview(QWidget):
    """A table of the changes the hub holds for review, refreshed and decided on demand."""

    def __init__(
        self,
        session: Session,
        hub_url: Callable[[], str],
        panel: OperationPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.hub_url, self.panel = session, hub_url, panel
        self.items: list[dict[str, Any]] = []
        #: What the last decision did, said once more above the list it refreshed.
        self.last_decision = ""
        self.refresh_button = QPushButton(self.tr("从中心刷新"))
        self.accept_button = QPushButton(self.tr("接受所选修改…"))
        self.dismiss_button = QPushButton(self.tr("不予采纳…"))
        self.select_bundle_button = QPushButton(self.tr("全选同一批发来的"))
        self.select_bundle_button.setToolTip(
            self.tr("选中与所选修改同一次同步发来的全部修改（按住 Ctrl 或 Shift 点击可多选）")
        )
        self.select_device_button = QPushButton(self.tr("全选这台设备的"))
        self.select_device_button.setToolTip(self.tr("选中所选设备发来的全部修改"))
        self.rejudge_button = QPushButton(self.tr("重新核对（中心时钟改对后）"))
        self.rejudge_button.setToolTip(
            self.tr(
                "中心电脑的日期曾经不对时，按时间扣下的修改（记下的时间比中心快、申领日期还没到）"
                "在日期改对后按同样的规定重新核对：核对通过的由您接受，其余照旧等待审核"
            )
        )
        self.summary = plain_label(  # the last decision names devices, people, values
            self.tr("点「从中心刷新」查看各设备发来、中心按规则未接受、等待县里审核的修改")
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(self._titles())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl-click for several: a late bundle may be held whole, hundreds of changes.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wide in (2, 3):  # what it sets and why it was held share the room left
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.rejudge_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_bundle_button)
        buttons.addWidget(self.select_device_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.rejudge_button.clicked.connect(self.rejudge)
        self.accept_button.clicked.connect(lambda: self.decide_selected(True))
        self.dismiss_button.clicked.connect(lambda: self.decide_selected(False))
        self.select_bundle_button.clicked.connect(lambda: self.select_alike("bundle_id"))
        self.select_device_button.clicked.connect(lambda: self.select_alike("device"))
        self.table.itemSelectionChanged.connect(self._on_selection)
        self._on_selection()

    def _titles(self) -> list[str]:
        return [
            self.tr("设备"),
            self.tr("修改人"),
            self.tr("修改内容"),
            self.tr("未接受的原因"),
            self.tr("收到时间"),
        ]

    def selected(self) -> dict[str, Any] | None:
        """The held change of the (first) selected row."""
        chosen = self.selected_items()
        return chosen[0] if chosen else None

    def selected_items(self) -> list[dict[str, Any]]:
        """The held changes of the selected rows, in the table's order (oldest first)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.items[row] for row in rows if 0 <= row < len(self.items)]

    def select_alike(self, key: str) -> int:
        """Select every row sharing `key` (its bundle, its device) with a selected one; how
        many rows are selected then."""
        wanted = {item.get(key) for item in self.selected_items()} - {None, ""}
        if not wanted:
            return len(self.selected_items())
        model = self.table.selectionModel()
        selection = QItemSelection()
        for row, item in enumerate(self.items):
            if item.get(key) in wanted:
                selection.select(self.table.model().index(row, 0), self.table.model().index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        model.select(selection, flags)
        return len(self.selected_items())

    def _on_selection(self) -> None:
        count = len(self.selected_items())
        chosen = count > 0 and not self.panel.busy
        self.rejudge_button.setEnabled(not self.panel.busy)
        for button in (
            self.accept_button,
            self.dismiss_button,
            self.select_bundle_button,
            self.select_device_button,
        ):
            button.setEnabled(chosen)
        if count > 1:
            self.accept_button.setText(self.tr("接受所选的 %1 条…").replace("%1", str(count)))
            self.dismiss_button.setText(self.tr("不予采纳所选的 %1 条…").replace("%1", str(count)))
        else:
            self.accept_button.setText(self.tr("接受所选修改…"))
            self.dismiss_button.setText(self.tr("不予采纳…"))

    def refresh(self) -> None:
        """Ask the hub for the changes waiting for review (off the GUI thread)."""
        url = typed_address(self, self.hub_url, self.session.ledger)
        if url is None:
            return

        def work(_progress: OperationProgress) -> dict[str, Any]:
            from fieldapp.sync.client import held_changes

            with self.session.worker_ledger() as ledger:
                return held_changes(ledger, url)

        self.panel.run(self.tr("正在向中心查询……"), work, self.show_held, self._failed)

    def show_held(self, answer: dict[str, Any]) -> None:
        """Fill the table from the hub's answer."""
        self.items = [dict(i) for i in answer.get("held", []) if isinstance(i, dict)]
        self.table.clearSelection()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, key in enumerate(COLUMNS):
                value = item.get(key)
                text = "" if value is None else str(value)
                if key == "content":
                    text = content_shown(item, self)
                if key == "reason":  # in the language shown; the hub's words beside
                    text = held_reason_shown(item)
                if key == "received_at":  # China time as the hub gives it (older hub: as kept)
                    china = item.get("received_at_china")
                    text = china_minute(china) if china else text.replace("T", " ")[:19]
                cell = QTableWidgetItem(text)
                if key == "content" and item.get("description"):
                    cell.setToolTip(tip(str(item["description"])))
                if key == "reason" and value and text != str(value):
                    cell.setToolTip(tip(str(value)))  # what the hub wrote, in its detail
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        total = int(answer.get("total") or len(self.items))
        if not self.items:
            text = self.tr("没有等待县里审核的修改")
        else:
            text = self.tr("等待县里审核的修改 %1 条").replace("%1", str(total))
            if total > len(self.items):
                text += self.tr("（先列出最早的 %1 条）").replace("%1", str(len(self.items)))
        if self.last_decision:
            text = self.last_decision + "\n" + text
            self.last_decision = ""
        self.summary.setText(text)
        self._on_selection()

    def decide_selected(self, accept: bool) -> bool:
        """Ask the reviewer about the selected changes, then send the decisions to the hub,
        one by one in the table's order, off the GUI thread with progress and cancel; False
        when nothing was sent (nothing selected, no address, cancelled)."""
        items = self.selected_items()
        if not items:
            show_error(self, self.tr("请先在表中选择一条修改"))
            return False
        url = typed_address(self, self.hub_url, self.session.ledger)
        if url is None:
            return False
        dialog = DecisionDialog(items if len(items) > 1 else items[0], accept, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        reason = dialog.reason()
        if not accept and not reason:
            show_error(self, self.tr("不予采纳必须写明原因"))
            return False
        ids = [int(item["id"]) for item in items]
        reviewer = str(self.session.ledger.author or "")
        going = (
            self.tr("正在接受第 %1 条，共 %2 条……")
            if accept
            else self.tr("正在不予采纳第 %1 条，共 %2 条……")
        )

        def work(progress: OperationProgress) -> DecidedRun:
            from fieldapp.services.held_decisions import decide_in_order
            from fieldapp.sync.client import decide_held

            def step(done: int, total: int) -> None:
                text = fill(going, (str(min(done + 1, total)), str(total)))
                progress.report(done, total, text if total > 1 else "")

            with self.session.worker_ledger() as ledger:

                def one(held_id: int) -> bool:
                    item = decide_held(ledger, url, held_id, accept, reviewer, reason)
                    return bool(item.get("applied_change")) or not accept

                return decide_in_order(ids, one, cancel=progress.is_cancelled, progress=step)

        title = self.tr("正在把决定告诉中心……")
        self.panel.run(title, work, lambda run: self._decided(run, items, accept), self._failed)
        return True

    def _decided(self, run: DecidedRun, items: list[dict[str, Any]], accept: bool) -> None:
        """Say what was decided, and what was not and why; then list again."""
        by_id = {int(item["id"]): item for item in items}
        if len(items) == 1 and run.error is not None:
            self._failed(run.error)
            return
        if len(items) == 1 and run.done:
            done = self.tr("已接受：") if accept else self.tr("已不予采纳：")
            self.last_decision = done + content_shown(items[0], self)  # as the list said it
        else:
            text = self.tr("已接受 %1 条") if accept else self.tr("已不予采纳 %1 条")
            text = text.replace("%1", str(len(run.done)))
            places = self.tr("、").join(dict.fromkeys(
                str(by_id[i].get("village") or by_id[i].get("device") or "") for i in run.done
            ))  # fmt: skip
            if run.done and places:
                text += self.tr("（%1）").replace("%1", places)
            if accept and run.same:
                text += self.tr("，其中 %1 条中心的值已与它相同").replace("%1", str(run.same))
            left = len(run.left)
            if run.error is not None and run.failed is not None:
                failed = by_id.get(run.failed, {})
                # Why, as every dialog says it: its sentence in the language shown.
                text += fill(
                    self.tr("；第 %1 条（%2）没有处理：%3"),
                    (
                        str(len(run.done) + 1),
                        content_shown(failed, self),
                        message_for(run.error),
                    ),
                )
                if left > 1:
                    rest = self.tr("；其后的 %1 条也没有处理")
                    text += rest.replace("%1", str(left - 1))
                text += self.tr("，都还在表中")
            elif run.cancelled:
                text = self.tr("已取消：") + text
                text += self.tr("；其余 %1 条没有处理，还在表中").replace("%1", str(left))
            self.last_decision = text
            if run.error is not None:
                show_error(self, run.error, text=text)  # titled by the error's kind
        self.summary.setText(self.last_decision)
        self.refresh()

    def rejudge(self) -> bool:
        """Ask the hub to judge again, now its clock is right, the changes it held by its
        clock (off the GUI thread); False when nothing was sent (no address)."""
        url = typed_address(self, self.hub_url, self.session.ledger)
        if url is None:
            return False
        reviewer = str(self.session.ledger.author or "")

        def work(_progress: OperationProgress) -> dict[str, Any]:
            from fieldapp.sync.client import rejudge_held

            with self.session.worker_ledger() as ledger:
                return rejudge_held(ledger, url, reviewer)

        title = self.tr("正在请中心重新核对……")
        self.panel.run(title, work, self._rejudged, self._failed)
        return True

    def _rejudged(self, done: dict[str, Any]) -> None:
        """Say what the hub's re-judging did (`rejudged_said`); then list again."""
        self.last_decision = self.rejudged_said(done)
        self.summary.setText(self.last_decision)
        self.refresh()

    def rejudged_said(self, done: dict[str, Any]) -> str:
        """How many the hub accepted and how many stay held by its clock, and why, in the
        language shown (`rejudge_held`'s answer)."""
        accepted, ahead, refused = done["accepted"], done["still_ahead"], done["refused"]
        waiting = done.get("waiting", [])
        if not (accepted or ahead or refused or waiting):
            text = self.tr("重新核对完毕：没有因中心的时钟扣下的修改")
        else:
            text = self.tr("重新核对完毕：接受 %1 条，仍扣下 %2 条")
            text = fill(text, (str(len(accepted)), str(len(ahead) + len(refused) + len(waiting))))
        if ahead:
            text += self.tr(
                "（其中 %1 条记下的时间仍比中心快一天以上或申领日期还没到，"
                "请核对发出它们的电脑的日期和时间）"
            ).replace("%1", str(len(ahead)))
        # Each said from its sentence in the language shown, where the hub sent one that reads
        # (`rejudge_held`) and says the hub's text word for word (`saying`); else that text.
        reasons = list(
            dict.fromkeys(
                reason_shown(
                    "", r.get("reason") or "", saying(r.get("reason"), _sentence(r.get("said")))
                )
                for r in refused
            )
        )
        if refused:
            text += fill(
                self.tr("（其中 %1 条按其他规定仍不能接受：%2）"),
                (
                    str(len(refused)),
                    self.tr("；").join(reasons[:3]) + (self.tr("……") if len(reasons) > 3 else ""),
                ),
            )
        if waiting:
            text += self.tr("（其中 %1 条在等它们所属的户或人员先被接受，之后再重新核对）").replace(
                "%1", str(len(waiting))
            )
        return text

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("没有完成：") + message_for(error))
        show_error(self, error, logged=True)  # (message_for wrote an internal error's detail)


def _sentence(value: object) -> Sentence | None:
    """`value` where it is a sentence (`rejudge_held` read it), else None."""
    return value if isinstance(value, Sentence) else None
