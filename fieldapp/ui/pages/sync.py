"""同步 page: enrol, export a bundle (removable drives first), import one, upload; conflicts;
this device's changes the county did not accept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.progress import Cancelled
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence, fill
from fieldapp.hub.rejected import decision_said
from fieldapp.reference import divisions
from fieldapp.services import clock, persons, settings
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.services.policy_admin import Adopted, adopt_hub_packs
from fieldapp.store.queries import sync as sync_state
from fieldapp.store.queries.areas import listed_places
from fieldapp.sync import rejected
from fieldapp.sync.bundle import RefusedBundle
from fieldapp.sync.errors import AlreadyImported, HubRefused, said_to_the_village
from fieldapp.sync.files import stamp
from fieldapp.ui import policy_access
from fieldapp.ui.clock_said import clock_told
from fieldapp.ui.dialogs.conflicts import ConflictReview
from fieldapp.ui.dialogs.county_status import CountyStatus
from fieldapp.ui.dialogs.held_review import HeldReview
from fieldapp.ui.errors import message_for, show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.held_words import (
    HeldLine,
    newer_value_here,
    part_shown,
    reason_shown,
    rule_word,
    sentence_shown,
)
from fieldapp.ui.held_words import filled as _filled
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page
from fieldapp.ui.session import ReadWhenChanged, Session
from fieldapp.ui.widgets import ask_yes_no, plain_label, tip

if TYPE_CHECKING:  # the exchange itself is imported when one is first made
    from fieldapp.sync.exchange import ExportResult, ImportResult


def removable_drives() -> list[tuple[str, str]]:
    """(label, folder) of mounted writable volumes that look removable, USB sticks first."""
    found: list[tuple[str, str]] = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if sys.platform == "win32":
            removable = not root.upper().startswith("C:")
        else:
            removable = root.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/"))
        if removable:
            name = volume.displayName() or root
            found.append((drive_label(name, root, volume.bytesAvailable() / 1024**3), root))
    return found


def drive_label(name: str, root: str, free_gb: float) -> str:
    """How 导出到 lists a drive: its name, its folder and its free space, in the window's
    words (U盘（/media/u，可用 3.2 GB）; in English U盘 (/media/u, 3.2 GB free))."""
    said = QCoreApplication.translate("SyncPage", "%1（%2，可用 %3 GB）")
    return _filled(said, name, root, f"{free_gb:.1f}")


class EnrolCodeDialog(QDialog):
    """The 16-digit enrolment code, typed unseen (the code with the enrolment file is the
    device's key: someone looking over the shoulder must not read it off the screen); 显示
    shows it while ticked, to check a mistyped digit against the county's note."""

    def __init__(self, parent: QWidget | None, typed: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记码"))
        self.code = QLineEdit(typed)
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData)
        self.show_code = QCheckBox(self.tr("显示"))
        self.show_code.toggled.connect(
            lambda shown: self.code.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.show_code)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请输入县里登记本机时告诉你的 16 位登记码：")))
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.code.setFocus()


class SyncPage(Page):
    """Exchange with the county hub by USB stick or upload; review conflicts."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: What the last import did to the policy in force (set on the worker thread).
        self.policy_news: Adopted | None = None
        #: Persons the ledger holds twice after the last import (one line each).
        self.twice: list[Sentence] = []
        #: What the last 导出 and 导入 of this page did (None before the first).
        self.last_export: ExportResult | None = None
        self.last_import: ImportResult | None = None
        self.panel = OperationPanel()
        self.state_label = plain_label()  # names the device and the hub
        self.state_label.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("用登记文件登记本机…"))
        self.folder = QComboBox()
        self.folder.setEditable(True)
        self.browse_button = QPushButton(self.tr("选择文件夹…"))
        self.export_button = QPushButton(self.tr("导出数据包"))
        # The hub restored from a backup asks for every change again (sync export --full).
        self.full_export = QCheckBox(self.tr("全部重发"))
        self.full_export.setToolTip(
            self.tr("县里说“从第 n 号修改起缺失”时勾选：这次导出本机的全部修改")
        )
        self.import_button = QPushButton(self.tr("导入数据包…"))
        self.url = QLineEdit(settings.hub_url(session.ledger))
        self.url.setPlaceholderText("http://192.168.1.10:8765")
        self.push_button = QPushButton(self.tr("上传并接收"))
        self.result_label = plain_label()  # names files, devices, people
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 14px;")

        exchange = QGroupBox(self.tr("交换数据"))
        form = QFormLayout(exchange)
        form.addRow(self.tr("本机"), self.state_label)
        form.addRow("", self.enrol_button)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        folder_row.addWidget(self.export_button)
        folder_row.addWidget(self.full_export)
        form.addRow(self.tr("导出到"), folder_row)
        form.addRow(self.tr("导入"), self.import_button)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.push_button)
        form.addRow(self.tr("中心地址"), url_row)
        form.addRow(self.tr("结果"), self.result_label)
        self.held = HeldChanges(session)
        self.held_box = QGroupBox(self.tr("县里未接受的修改"))
        QVBoxLayout(self.held_box).addWidget(self.held)
        self.held.refreshed.connect(self.held_box.setVisible)
        self.conflicts = ConflictReview(session)
        # The box's title short, what a conflict is under it, wrapped: the English title on one
        # line (841 px) was the page's widest piece, past a 1024-wide window's room (a
        # horizontal scroll bar under the whole page).
        conflicts_box = QGroupBox(self.tr("冲突审核"))
        self.conflicts_said = QLabel(
            self.tr("同一字段在不同设备上被改成了不同的值，或表格更新时与台账后来的修改不同")
        )
        self.conflicts_said.setWordWrap(True)
        self.conflicts_said.setStyleSheet("color: #555;")
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.addWidget(self.conflicts_said)
        conflicts_layout.addWidget(self.conflicts)
        # The boxes scroll as one page: a county desktop shows four of them, and each table
        # keeps room for several rows on a 1280×800 screen instead of squeezing to one.
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(exchange)
        layout.addWidget(self.held_box)
        # A county office's desktop reviews the changes the hub held under the trust rules
        # (its daily work, so right under the exchange).
        self.held_review = HeldReview(session, self.url.text, self.panel)
        self.held_review_box = QGroupBox(self.tr("等待县里审核的修改（县级）"))
        QVBoxLayout(self.held_review_box).addWidget(self.held_review)
        layout.addWidget(self.held_review_box, 1)
        layout.addWidget(conflicts_box, 1)
        # A county office's desktop also sees every device's exchanges, read from the hub.
        self.county_status = CountyStatus(session, self.url.text, self.panel)
        self.county_box = QGroupBox(self.tr("各设备同步情况（县级）"))
        QVBoxLayout(self.county_box).addWidget(self.county_status)
        layout.addWidget(self.county_box, 1)
        rows = self.fontMetrics().lineSpacing() * 12
        self.county_status.table.setMinimumHeight(rows)
        self.held_review.table.setMinimumHeight(rows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.addWidget(self.panel)
        outer.addWidget(scroll, 1)
        self.enrol_button.clicked.connect(self.enrol_dialog)
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.export_clicked)
        self.import_button.clicked.connect(self.import_dialog)
        self.push_button.clicked.connect(self.push)
        self.panel.guard(
            self.enrol_button,
            self.export_button,
            self.import_button,
            self.push_button,
            self.county_status.refresh_button,
            self.held_review.refresh_button,
            self.held_review.accept_button,
            self.held_review.dismiss_button,
            self.held_review.rejudge_button,
        )
        self.refresh()

    def activated(self) -> None:
        """Shown: drives may have been plugged in."""
        self.refresh()

    def refresh(self) -> None:
        """Enrolment state, drives, conflicts."""
        identity = sync_state.identity(self.session.ledger)
        county = identity is not None and identity.device_role == Role.COUNTY
        self.county_box.setVisible(county)
        self.held_review_box.setVisible(county)
        for button in (self.export_button, self.import_button, self.push_button):
            button.setEnabled(identity is not None and not self.panel.busy)
            button.setToolTip("" if identity else self.not_enrolled_text())
        self.full_export.setEnabled(identity is not None)
        if identity is None:
            self.state_label.setText(self.tr("尚未登记：请用县里发的登记文件登记本机后再交换数据"))
        else:
            hubs = sync_state.peers(self.session.ledger, "hub")
            hub = hubs[0] if hubs else None
            text = self.tr("已登记为设备 ") + identity.name
            if hub is not None:
                text += self.tr("，中心：") + hub.name
                text += fill(
                    self.tr("，已发出第 %1 号包，已收到第 %2 号包"),
                    (str(hub.serial_out), str(hub.serial_in)),
                )
            self.state_label.setText(text)
        self._list_drives()
        self.conflicts.refresh_if_changed()
        self.held.refresh_if_changed()

    def _list_drives(self) -> int:
        """List the USB sticks (and other removable drives) plugged in now; their number.
        The chosen stick stays chosen by its folder (its label shows the free space, which
        changes); a folder typed or browsed to stays as typed."""
        current, chosen = self.folder.currentText(), self._chosen_drive()
        self.folder.clear()
        drives = removable_drives()
        for label, root in drives:
            self.folder.addItem(label, root)
        found = self.folder.findData(chosen) if chosen else -1
        if found >= 0:
            self.folder.setCurrentIndex(found)
        elif current:
            self.folder.setEditText(current)
        return len(drives)

    def export_clicked(self) -> None:
        """导出数据包: into the stick or folder in 导出到. With the box empty — the stick
        plugged in after the page was shown, when the drives were listed — or the stick listed
        pulled out since, they are looked for again: the one stick found is written to; none
        or several are said."""
        chosen = self._chosen_drive()
        gone = chosen is not None and not Path(chosen).is_dir()  # pulled out since listed
        if self._enrolled() and (gone or not self.folder.currentText().strip()):
            if gone:
                self.folder.setEditText("")
            drives = self._list_drives()
            if drives == 0:
                self._refuse(
                    self.tr(
                        "没有找到U盘：请插上U盘，稍等几秒再点“导出数据包”；"
                        "也可以点“选择文件夹…”选一个文件夹"
                    ),
                )
                return
            if drives > 1:
                self._refuse(
                    self.tr(
                        "找到 %1 个U盘：请在“导出到”中选好要用的一个，再点“导出数据包”"
                    ).replace("%1", str(drives)),
                )
                return
        self.export_to(self._folder())

    def not_enrolled_text(self) -> str:
        """What to do before the first exchange, in a coordinator's words."""
        return self.tr(
            "本机还没有登记到县里的汇总中心。请先点“用登记文件登记本机…”，"
            "选择县里发的登记文件，登记后才能交换数据。"
        )

    def _enrolled(self) -> bool:
        """True when enrolled; else say what to do first (请检查)."""
        if sync_state.identity(self.session.ledger) is not None:
            return True
        self._refuse(self.not_enrolled_text())
        return False

    def browse(self) -> None:
        """Choose any folder to export to."""
        folder = used(QFileDialog.getExistingDirectory(self, self.tr("选择导出文件夹"), start_at()))
        if folder:
            self.folder.setEditText(folder)

    def _chosen_drive(self) -> str | None:
        """The folder of the listed drive shown in the box, None when a folder was typed."""
        data = self.folder.currentData()
        shown = self.folder.itemText(self.folder.currentIndex())
        return str(data) if data and shown == self.folder.currentText() else None

    def _folder(self) -> Path:
        """The folder to export to: the listed drive's, or the one typed or browsed to."""
        return Path(self._chosen_drive() or self.folder.currentText().strip())

    def enrol_dialog(self) -> None:
        """Enrol with a file from the county office."""
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("选择登记文件"),
            start_at(),
            self.tr("登记文件 (*.enrol *.json *.fieldenrol);;所有文件 (*)"),
        )
        used(path)
        if path:
            self.enrol(Path(path))

    def enrol(self, path: Path, code: str | None = None) -> bool:
        """Store the device identity from an enrolment file, asking for its code (the county
        tells it apart from the file) unless given."""
        from fieldapp.sync.enrolment import WrongCode, enrol, is_sealed, read_enrolment, unb64

        asking = code is None and is_sealed(path)
        typed = ""
        while True:
            if asking:
                # Asked again after a mistyped code, with what was typed to correct.
                form = EnrolCodeDialog(self, typed)
                if form.exec() != QDialog.DialogCode.Accepted:
                    return False
                code = form.code.text()
            try:
                doc = read_enrolment(path, code)
                break
            except WrongCode as error:
                show_error(self, error)
                if not asking:
                    return False
                typed = code or ""
            except Exception as error:  # noqa: BLE001 - shown in Chinese
                show_error(self, error)
                return False
        try:
            force = False
            hubs = sync_state.peers(self.session.ledger, "hub")
            if hubs and hubs[0].sign_public != unb64(doc["hub"]["sign_public"]):
                # Another county's hub: say which two, and move only when told to. One of the
                # same name (the county's hub set up anew) is told apart by its fingerprint.
                new_name = str(doc["hub"]["name"])
                same = new_name == hubs[0].name
                question = (
                    self.tr(
                        "本机已登记到“%1”。这个登记文件来自另一个同名的汇总中心"
                        "（可能是县里重新建立的），它的指纹是 %2，请先与县里核对。"
                        "改为登记到这个新的“%1”吗？改换后只与它交换数据。"
                    )
                    if same
                    else self.tr(
                        "本机已登记到“%1”。这个登记文件来自“%2”。"
                        "改为登记到“%2”吗？改换后只与“%2”交换数据。"
                    )
                )
                if not ask_yes_no(
                    self,
                    self.tr("改换汇总中心"),
                    fill(
                        question,
                        (
                            hubs[0].name,
                            str(doc["hub"].get("fingerprint") or "") if same else new_name,
                        ),
                    ),
                ):
                    return False
                force = True
            identity = sync_state.identity(self.session.ledger)
            named = doc["device"]
            if (
                not force
                and identity is not None
                and identity.role == "device"
                and identity.name != named["name"]
            ):
                # Another device's file (the wrong one off the county's stick, most likely),
                # each device's area by its names (草海镇 杉树村), as the coordinator knows it,
                # and said as `enrol` says it (a village the ledger does not list: 七星关区鸭池镇
                # 的一个村, not its township as if the file were the township's).
                if not ask_yes_no(
                    self,
                    self.tr("改为另一台设备"),
                    fill(
                        self.tr(
                            "本机已登记为设备“%1”（区域 %2）。这个登记文件是给设备“%3”（区域 %4）的，"
                            "可能拿错了登记文件。改为“%3”吗？改后本机以“%3”的名义同步，"
                            "“%1”原来的登记不再使用。"
                        ),
                        (
                            identity.name,
                            self._place(identity.area_code) or self.tr("未定"),
                            str(named["name"]),
                            self._place(str(named.get("area_code") or "")) or self.tr("未定"),
                        ),
                    ),
                ):
                    return False
                force = True
            done = enrol(self.session.ledger, path, code=code, force=force, read=doc)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self._say(
            self.tr("已登记为设备 ")
            + done.device
            + self.tr("，中心：")
            + done.hub
            + self.tr("。中心指纹：")
            + done.fingerprint
            + self.tr("（请与县里核对）。登记文件含本机私钥，请删除它。")
            + (
                # The village by its name, as the ledger lists it now: a coordinator cannot
                # read either code (the command line still shows both).
                self.tr(
                    "本台账的村（%1）已改用县里登记的区划代码，原来用的是本机自编的代码。"
                ).replace("%1", self._place(done.area_code))
                if done.recoded_from
                else ""
            )
        )
        self.session.apply(ChangeSet.of(Kind.SYNC))
        # The device's name, role and area are the county's now: the title says them.
        self.session.apply(ChangeSet.of(Kind.SETTINGS))
        if done.recoded_from:  # the village and its households carry the county's code now
            self.session.apply(ChangeSet.of(Kind.AREAS) | ChangeSet.of(Kind.HOUSEHOLDS))
        self.refresh()
        return True

    def _place(self, code: str | None) -> str:
        """An area in a sentence, as this ledger lists it ('' for none)."""
        return say_place(
            code, divisions(), listed_places(self.session.ledger), PlaceWording.SENTENCE
        )

    # -- exchange -------------------------------------------------------------------------

    def export_to(self, folder: Path) -> None:
        """Write this device's bundle into `folder` (off the GUI thread, cancellable)."""
        if not self._enrolled():
            return
        if not str(folder) or str(folder) == "." or not folder.is_dir():
            self._refuse(self.tr("请选择一个存在的文件夹（如U盘）"))
            return
        name = f"{self.session.device_name}-{stamp()}.fieldsync".replace("/", "_")
        out = folder / name
        full = self.full_export.isChecked()

        def work(progress: OperationProgress) -> ExportResult:
            from fieldapp.sync.exchange import export_bundle

            with self.session.worker_ledger() as ledger:
                return export_bundle(ledger, out, progress.step, progress.is_cancelled, full=full)

        self.panel.run(self.tr("正在导出数据包……"), work, self._exported, self._failed)

    def _say(self, text: str, whole: str = "") -> None:
        """The 结果 line: `text`; `whole`, a file's whole path the line names by its name (a
        long one on a stick's drive and folders, cut off in a narrow window), its tooltip —
        cleared when the line says anything else."""
        self.result_label.setText(text)
        self.result_label.setToolTip(tip(whole))  # a path drawn as typed

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.full_export.setChecked(False)  # once, as the county asked
        path = Path(result.path)
        self._say(
            self.tr("已导出：发送 %1 条修改 → ").replace("%1", str(result.changes)) + path.name,
            whole=str(path),
        )
        self.refresh()

    def import_dialog(self) -> None:
        """Choose a bundle to import: the dialog opens on the stick in 导出到 (the drives
        looked for again when the box is empty: a stick plugged in after the page was shown)."""
        if not self.folder.currentText().strip():
            self._list_drives()
        start = self.folder.currentData() or start_at()
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("选择数据包"), start, self.tr("数据包 (*.fieldsync);;所有文件 (*)")
        )
        used(path)
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Import one bundle (atomic: on any failure the ledger is unchanged)."""
        if not self._enrolled():
            return

        def work(progress: OperationProgress) -> ImportResult:
            from fieldapp.sync.exchange import import_bundle

            with self.session.worker_ledger() as ledger:
                result = import_bundle(
                    ledger, path, progress=progress.step, cancel=progress.is_cancelled
                )
                self.policy_news = adopt_hub_packs(ledger)
                self.twice = persons.entered_twice(ledger)
                return result

        self.panel.run(self.tr("正在导入数据包……"), work, self._imported, self._failed)

    def _imported(self, result: ImportResult) -> None:
        self.last_import = result
        self._say(
            self._received_text(result)
            + self._held_text(result)
            + self._policy_text()
            + self._twice_text()
        )
        self.session.apply(result.received | ChangeSet.of(Kind.SYNC))
        self.refresh()
        self._said_refused(result)

    def _said_refused(self, result: ImportResult, by_stick: bool = True) -> None:
        """This device's bundles the hub refused, as its answer (carried back on a stick) names
        them: nobody from the village was there when the county imported them. A copied-back
        ledger and a clashing numbering are asked as an upload's refusal is (是: a new
        numbering); any other refusal is said on the 结果 line in the hub's words. An answer
        holding more of this ledger's changes than it has (`copied_back`, no refusal named: one
        made before the county refused a bundle, or an older hub's) is asked about too."""
        refused: list[RefusedBundle] = result.refused
        codes = {item.code for item in refused}
        kept = self.result_label.text()
        if "reused_seq" in codes:
            self._copied_back(after=kept, by_stick=by_stick)
        elif "number_clash" in codes:
            self._numbers_clash(after=kept)
        elif result.copied_back:
            self._copied_back(after=kept, ahead=True, by_stick=by_stick)
        elif refused:
            said = dict.fromkeys(self._refusal(i) for i in refused)  # one bundle tried twice: once
            self._say(kept + "".join("\n" + line for line in said))

    def _refusal(self, item: RefusedBundle) -> str:
        """One refused bundle an answer names, in the hub's words for a coordinator (this
        page's own, translated, when they are the words this program knows for its reason)."""
        words = item.words
        known = self.refusal_words()
        if item.code in known and words == said_to_the_village(item.code):
            words = known[item.code]
        if item.serial is None:
            return self.tr("县里的中心没有接收本机送去的一个数据包：") + words
        said = self.tr("县里的中心没有接收本机送去的第 %1 号数据包：")
        return said.replace("%1", str(item.serial)) + words

    def refusal_words(self) -> dict[str, str]:
        """Why the hub refused a bundle, said below an answer's result: `errors.
        SAID_TO_THE_VILLAGE`'s words for the reasons said there (a copied-back ledger and a
        clashing numbering are asked about), through the catalogue (the hub's are Chinese)."""
        return {
            "tampered": self.tr(
                "数据包已损坏或被改动（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里"
            ),
            "truncated": self.tr(
                "数据包不完整（可能拷贝时中断或U盘被拔出）：请重新导出一次，再交给县里"
            ),
            "gap": self.tr("数据包缺少部分修改：请在“同步”页勾选“全部重发”，导出后再交给县里"),
            "foreign_change": self.tr("这个数据包不能由这台电脑提交：请联系县里管理汇总中心的同志"),
            "invalid": self.tr("数据包内容不合格：请联系县里管理汇总中心的同志"),
            "disk_full": self.tr("县里的电脑磁盘已满，这个数据包没有导入：请再导出一次，交给县里"),
        }

    def _held_text(self, result: ImportResult) -> str:
        """This ledger's changes the county newly held, as this answer tells (only those it
        says for the first time): where on this page to read why."""
        if not result.newly_held:
            return ""
        said = self.tr("中心暂扣了本机的 %1 条修改，请在本页“县里未接受的修改”中查看原因")
        return "\n" + said.replace("%1", str(result.newly_held))

    def _policy_text(self) -> str:
        """'政策包已更新：…（县人社局 某人社通〔2026〕x号）' and any pack refused, after an import."""
        news, self.policy_news = self.policy_news, None
        if news is None:
            return ""
        policy_access.reset()
        if news.changed:
            self.session.apply(ChangeSet.of(Kind.POLICY))
        lines = [sentence_shown(s) for s in news.said]  # (the window's language)
        lines += [sentence_shown(w) for w in news.warnings_said]  # a pack not taken …
        return "".join("\n" + line for line in lines)

    def _twice_text(self) -> str:
        """Persons the ledger holds twice after an import (the service's words), one a line."""
        twice, self.twice = self.twice, []
        return "".join("\n" + sentence_shown(line) for line in twice)

    def _received_text(self, result: ImportResult) -> str:
        return (
            fill(
                self.tr("已接收 %1 条修改（其中新的 %2 条）；待处理冲突 %3 处"),
                (str(result.changes), str(result.new_changes), str(result.conflicts)),
            )
        ) + (
            "\n"
            + self.tr(
                "县级汇总中心已从备份恢复：中心重新编号的 %1 条修改替换了本机保存的、"
                "中心已不再有的内容（以中心为准）"
            ).replace("%1", str(result.reissued))
            if result.reissued
            else ""
        )

    def push(self) -> None:
        """Upload to the hub and import its answer."""
        if not self._enrolled():
            return
        url = self.url.text().strip()
        if not url:
            self._refuse(self.tr("请填写中心地址"))
            return
        if "://" not in url:
            # As the county says it (192.168.1.10:8765): the hub is served over http.
            url = "http://" + url
            self.url.setText(url)
        settings.save_hub_url(self.session.ledger, url)

        def work(progress: OperationProgress) -> tuple[ExportResult, ImportResult]:
            from fieldapp.sync.client import push

            with self.session.worker_ledger() as ledger:
                sent_got = push(ledger, url, progress.step, progress.is_cancelled)
                self.policy_news = adopt_hub_packs(ledger)
                self.twice = persons.entered_twice(ledger)
                return sent_got

        self.panel.run(self.tr("正在上传……"), work, self._pushed, self._failed)

    def _pushed(self, result: tuple[ExportResult, ImportResult]) -> None:
        sent, got = result
        self._say(
            self.tr("已发送 %1 条修改；").replace("%1", str(sent.changes))
            + self._received_text(got)
            + self._held_text(got)
            + self._policy_text()
            + self._twice_text()
        )
        self.session.apply(got.received | ChangeSet.of(Kind.SYNC))
        self.refresh()
        self._said_refused(got, by_stick=False)

    def _refuse(self, message: str) -> None:
        """An exchange refused before it starts: said, and on the 结果 line in place of the
        last exchange's result (which no longer tells what happened)."""
        self._say(message)
        show_error(self, message)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, AlreadyImported):
            self._say(message_for(error))
            return
        if isinstance(error, Cancelled):
            self._say(self.tr("已取消，台账没有改动"))
            return
        if isinstance(error, HubRefused) and error.code == "reused_seq":
            self._copied_back()
            return
        if isinstance(error, HubRefused) and error.copied_back:
            # Nothing new refused as sent before, the hub holding more of this ledger's
            # numbering than it has: the hub's numbers tell a copied-back ledger, as an
            # answer's do (its words, 不必在设备上做什么, were wrong for it).
            self._copied_back(ahead=True, by_stick=False)
            return
        if isinstance(error, HubRefused) and error.code == "number_clash":
            self._numbers_clash()
            return
        self._say(self.tr("失败：") + message_for(error))
        # Refused for this laptop's date: the hub's clock its refusal carried was noted; by
        # how much and how to set it, in the box and on the window's banner (which says it
        # over every page, this one too: the page does not say it again).
        told = clock_told(clock.days_off(self.session.ledger))
        if told:
            self.session.apply(ChangeSet.of(Kind.SYNC))
            show_error(self, message_for(error, logged=True) + "\n\n" + told)
            return
        show_error(self, error, logged=True)

    def _copied_back(
        self, after: str | None = None, *, ahead: bool = False, by_stick: bool | None = None
    ) -> None:
        """The hub refused the upload: changes under numbers it already holds with other
        content, a ledger copied back from a backup by hand. Its words are for the command
        line (a change's id, `fieldapp sync restored`); the coordinator is asked in theirs, and
        the new numbering started here (`start_new_incarnation`, as the command does).

        `after`: the 结果 line of an answer that named the refusal of a bundle this device sent
        on a stick (said below it; the next bundle goes on a stick too). `ahead`: no refusal,
        the answer after `after` holds more of this ledger's changes than the ledger does
        (`ImportResult.copied_back`); `by_stick`: it came on a stick (by default, with `after`).
        """
        by_stick = after is not None if by_stick is None else by_stick
        if ahead:
            said = self.tr(
                "县里的中心收到过的本机修改，比本机台账里现有的还多。"
                "多半是这台电脑的台账从备份（或另一台电脑）拷回来过。"
            )
        elif after is None:
            said = self.tr(
                "县里的中心没有接收这次上传：本机有些修改的编号，中心已经收到过内容不同的一份。"
                "多半是这台电脑的台账从备份（或另一台电脑）拷回来过。"
            )
        else:
            said = self.tr(
                "县里的中心没有接收本机用U盘送去的数据包：本机有些修改的编号，"
                "中心已经收到过内容不同的一份。多半是这台电脑的台账从备份（或另一台电脑）拷回来过。"
            )
        if by_stick:
            advice = self.tr(
                "如果是：点“是”，本机改用新的编号继续同步（不用重新登记），再导出数据包交给县里；"
                "县里会把备份之后的数据（包括本机在备份之后做的修改）全部发回，什么也不会丢。\n"
                "如果不是，或拿不准：点“否”，请联系县里管理汇总中心的同志。"
            )
        else:
            advice = self.tr(
                "如果是：点“是”，本机改用新的编号继续同步（不用重新登记），再点“上传并接收”；"
                "县里会把备份之后的数据（包括本机在备份之后做的修改）全部发回，什么也不会丢。\n"
                "如果不是，或拿不准：点“否”，请联系县里管理汇总中心的同志。"
            )
        question = self.tr("台账是从备份拷回来的吗？")
        self._offer_renumbering(said, question, advice, after, by_stick)

    def _numbers_clash(self, after: str | None = None) -> None:
        """The hub refused the upload: this ledger's change-log id would print the same
        申请编号 and 批次编号 as another laptop's (`number_clash`; by chance about once in
        millions). Its words are for the command line; the coordinator is asked in theirs, and
        a new numbering started here, as `fieldapp sync restored` starts one.

        `after`: as `_copied_back`'s, for a bundle sent on a stick."""
        if after is None:
            said = self.tr(
                "县里的中心没有接收这次上传：这台电脑编出的申请编号、批次编号会与另一台电脑的相同，"
                "两张纸上会印出同一个编号。"
            )
            advice = self.tr(
                "点“是”，本机改用新的一套编号（不用重新登记，已做的修改都不会丢），"
                "再点“上传并接收”。本机打印过的申请表、公示表、花名册上的编号会变，请重新打印。"
            )
        else:
            said = self.tr(
                "县里的中心没有接收本机用U盘送去的数据包：这台电脑编出的申请编号、批次编号"
                "会与另一台电脑的相同，两张纸上会印出同一个编号。"
            )
            advice = self.tr(
                "点“是”，本机改用新的一套编号（不用重新登记，已做的修改都不会丢），"
                "再导出数据包交给县里。本机打印过的申请表、公示表、花名册上的编号会变，请重新打印。"
            )
        self._offer_renumbering(said, self.tr("给本机换一套编号吗？"), advice, after)

    def _offer_renumbering(
        self,
        said: str,
        question: str,
        advice: str,
        after: str | None = None,
        by_stick: bool | None = None,
    ) -> None:
        """A refused bundle said on the 结果 line (an upload's in place of it, one named by an
        answer from a stick below the answer's result, `after`), and a new numbering offered:
        是 starts it; the next bundle goes on a stick when `by_stick` (by default, with
        `after`)."""
        shown = self.tr("失败：") + said if after is None else after + "\n" + said
        self._say(shown)
        if ask_yes_no(self, question, said + "\n\n" + advice):
            self._renumber(by_stick=after is not None if by_stick is None else by_stick)

    def _renumber(self, by_stick: bool = False) -> None:
        """Start this ledger's new numbering (`start_new_incarnation`), as the command does;
        the next bundle goes as the refused one went (`by_stick`: on a USB stick)."""
        try:
            start_new_incarnation(self.session.ledger)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return
        self.session.apply(ChangeSet.of(Kind.SYNC))
        self._say(
            self.tr("本机已改用新的编号：请导出数据包，交给县里")
            if by_stick
            else self.tr("本机已改用新的编号：请再点一次“上传并接收”（或导出数据包）")
        )

    def busy(self) -> bool:
        """True while an exchange runs."""
        return self.panel.busy


class HeldChanges(QWidget):
    """This device's changes the county did not accept, as the hub reported them, each with
    its reason and the county's decision; the user may take a change back here (issue 13)."""

    # Emitted after each refresh: True when there is anything to show.
    refreshed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Read again on the next showing only when stale (`refresh_if_changed`): a held line
        # names a person, a place, the county's decision, an undo — any write may change one.
        self._reads = ReadWhenChanged(session, self)
        self.items: list[dict[str, object]] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("在本机撤销所选修改"))
        self.undo_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)
        self.list.currentRowChanged.connect(self._on_row)
        self.undo_button.clicked.connect(lambda: self.undo_selected())

    def refresh_if_changed(self) -> None:
        """Reload only when something may have changed the list since the last reading (a
        write this program told of, a commit by another connection): the page is shown often,
        and reading the reports names each one's person and places. A ledger that cannot tell
        (PostgreSQL) is read every time."""
        if self._reads.stale():
            self.refresh()

    def refresh(self) -> None:
        """Reload the reports kept from the hub's answers."""
        self._reads.reading()
        self.items = rejected.rejected_changes(self.session.ledger)
        self.list.clear()
        for item in self.items:
            self.list.addItem(self.line(item))
        self._on_row(self.list.currentRow())
        self.refreshed.emit(bool(self.items))

    def line(self, item: dict[str, object]) -> str:
        """One reported change in a coordinator's words (`rejected.held_said`), in the language
        shown: whose record, which fields to what, why (the hub's reason, as it wrote it), what
        became of it."""
        said = rejected.held_said(item)
        # A yes/no in the language shown (the data keeps 是/否); what someone wrote as written.
        raw = item["values"] if isinstance(item["values"], dict) else {}
        what = HeldLine(self).said(
            said.table, said.whose, said.level, said.deleted, said.fields, raw
        )
        # A change the county accepted was held, not refused; and the device's copy of it is
        # withdrawn because the county's stands in its place (`rejected.UNDONE_ACCEPTED`).
        accepted = said.status == "accepted"
        opening = self.tr("县里扣下审核的修改：%1") if accepted else self.tr("县里未接受的修改：%1")
        text = _filled(opening, what)
        # The hub's reason as its sentence, in the language shown (`said.said`: kept only
        # where it reads back as this program's and says the Chinese text); else the rule in
        # the language shown where this program has it translated (the hub's reason, in
        # Chinese, names the rule in its own detail). The Chinese window says the text as
        # this device words it (`rejected.held_said`), as it always did.
        sentence = said.said
        if sentence is not None and sentence_shown(sentence) != str(sentence):
            reason = reason_shown(item.get("rule"), said.reason, sentence)
        else:
            reason = rule_word(str(item.get("rule") or "")) or said.reason
        if said.newer:
            # A value from a newer program: what it means for the village, in its language
            # (the hub's reason speaks to the county's clerk).
            reason = newer_value_here(said.newer)
        text += _filled(self.tr("原因：%1"), reason)
        if said.received:
            text += _filled(self.tr("；县里 %1 收到"), said.received)
        status = {
            "held": self.tr("县里待审核"),
            "accepted": self.tr("县里已接受，记作县里自己的修改"),
            "dismissed": self.tr("县里不予采纳"),
        }.get(said.status, said.status)
        text += _filled(self.tr("；%1"), status)
        if said.decision:
            # (the program's own decision, `rejected.REJUDGED`, in the language shown; a
            # reviewer's words as written)
            text += _filled(self.tr("：%1"), part_shown(decision_said(said.decision)))
        if said.undone:
            undone = (
                self.tr("；本机原来的这条已撤下（%1），以县里记下的为准")
                if accepted
                else self.tr("；本机已撤销（%1）")
            )
            text += _filled(undone, said.undone)
        return text

    def _on_row(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        self.undo_button.setEnabled(item is not None and not item["undone"])

    def undo_selected(self) -> int:
        """Take the selected change back on this device; returns how many were taken back."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return 0
        try:
            done = rejected.undo(self.session.ledger, [str(self.items[row]["change_id"])])
        except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
            show_error(self, error)
            return 0
        self.session.apply(ChangeSet.of(Kind.SYNC))
        self.refresh()
        return done
