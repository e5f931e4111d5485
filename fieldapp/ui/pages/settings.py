"""设置 page: paperwork wording, this device, policy pack, language, data folder, backups."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.progress import Cancelled
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import fill
from fieldapp.paperwork.paper_data import PaperData
from fieldapp.paperwork.settings import LABELS, PaperSettings, meta_key, parse_value, to_text
from fieldapp.paths import data_dir
from fieldapp.policy.citations import version_said
from fieldapp.services import backup, settings
from fieldapp.services import users as user_service
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.claims import claims_at_another_figure_said
from fieldapp.services.ledgers import Credentials
from fieldapp.services.policy_admin import COUNTY_RULED, install_local
from fieldapp.store.queries import sync as sync_state
from fieldapp.ui import i18n, login, policy_access, prefs
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.dialogs.county_policy import CountyPolicyDialog
from fieldapp.ui.errors import message_for, show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.held_words import part_shown, sentence_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import (
    as_typed,
    ask_yes_no,
    path_label,
    plain_label,
    tip,
    wheel_only_when_focused,
)


class LedgerWindow(Protocol):
    """What the settings page asks of the window it sits in (the main window)."""

    def set_language(self, lang: str) -> bool: ...
    def switch_ledger(self, path: Path) -> bool: ...
    def restore_backup(self, backup: Path, credentials: Credentials) -> bool: ...
    def rotate_key(self, done: str = "") -> bool: ...
    def confirm_discard(self) -> bool: ...
    def has_unsaved(self) -> bool: ...
    def busy(self) -> bool: ...


class SettingsPage(Page):
    """Settings that belong to this ledger (paper wording, device) and to this user (language)."""

    def __init__(self, session: Session, window: LedgerWindow | None = None) -> None:
        super().__init__()
        self.session = session
        self.window_ref = window
        self.panel = OperationPanel()
        #: Whether the last 从备份恢复 restored the backup (None while it is being checked).
        self.restored: bool | None = None
        inner = QWidget()
        columns = QHBoxLayout(inner)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._paper_box())
        left.addStretch(1)
        right.addWidget(self._device_box())
        right.addWidget(self._policy_box())
        right.addWidget(self._language_box())
        right.addWidget(self._users_box())
        right.addWidget(self._data_box())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.scroll_area = scroll  # not `scroll`: QWidget.scroll(dx, dy) scrolls a widget
        wheel_only_when_focused(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(scroll, 1)
        # Another user unlocking the window writes from then on: show who.
        session.on_change(self, (Kind.SETTINGS,), lambda _c: self._show_user())

    # -- paperwork ------------------------------------------------------------------------

    def _paper_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("打印用语（县、单位名称，公示、签名）"))
        form = QFormLayout(box)
        current = dataclasses.asdict(PaperData(self.session.ledger).settings())
        self.paper_fields: dict[str, QLineEdit] = {}
        #: The yes/no settings (公示期按工作日计), ticked or not: none has to type 是 or 否.
        self.paper_checks: dict[str, QCheckBox] = {}
        shown = self._paper_labels()
        defaults = PaperSettings()
        for name, label in LABELS.items():
            if isinstance(getattr(defaults, name, None), bool):
                check = QCheckBox()
                check.setChecked(bool(current.get(name)))
                self.paper_checks[name] = check
                form.addRow(shown.get(name, label), check)
                continue
            edit = QLineEdit(to_text(current.get(name, "")))
            # Read from its start (a long 承诺语 showed its last words, cut mid-sentence), the
            # whole of it in the tooltip.
            edit.setCursorPosition(0)
            edit.setToolTip(tip(edit.text()))
            edit.textChanged.connect(lambda text, edit=edit: edit.setToolTip(tip(text)))
            self.paper_fields[name] = edit
            form.addRow(shown.get(name, label), edit)
        self.paper_button = QPushButton(self.tr("保存打印用语"))
        self.paper_button.clicked.connect(self.save_paper)
        self.paper_note = plain_label()  # a refusal may quote what was typed
        form.addRow(self.paper_button, self.paper_note)
        self._paper_snapshot = self._paper_values()
        return box

    def _paper_labels(self) -> dict[str, str]:
        """The paperwork settings' labels, translated (their Chinese text is the paper's own)."""
        return {
            "county_name": self.tr("县（市、区）名称"),
            "county_office": self.tr("县级审批单位"),
            "township_office": self.tr("乡镇审核单位"),
            "village_office": self.tr("村级审核单位"),
            "notice_days": self.tr("公示天数"),
            "notice_working_days": self.tr("公示期按工作日计"),
            "objection_contact": self.tr("异议受理单位"),
            "objection_phone": self.tr("异议受理电话"),
            "pledge": self.tr("申请人承诺语"),
            "preparer": self.tr("制表人"),
            "reviewer": self.tr("审核人"),
            "approver": self.tr("审批人"),
        }

    def _paper_values(self) -> dict[str, str]:
        typed = {name: edit.text() for name, edit in self.paper_fields.items()}
        ticked = {name: to_text(box.isChecked()) for name, box in self.paper_checks.items()}
        return typed | ticked

    def save_paper(self) -> bool:
        """Check every value first; save all or nothing."""
        typed: dict[str, object] = {}
        for name, text in self._paper_values().items():
            try:
                typed[name] = parse_value(name, text.strip())
            except ValueError as error:
                self.paper_note.setText(message_for(error))
                self.paper_fields[name].setFocus()
                return False
        self.session.apply(
            settings.save_values(
                self.session.ledger, {meta_key(n): to_text(v) for n, v in typed.items()}
            )
        )
        self._paper_snapshot = self._paper_values()
        self.paper_note.setText(self.tr("已保存到本台账，打印时使用"))
        return True

    # -- device ---------------------------------------------------------------------------

    def _device_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("本机"))
        form = QFormLayout(box)
        ledger = self.session.ledger
        self.device_name = QLineEdit(settings.stored(ledger, settings.DEVICE_NAME) or "")
        self.author = QLineEdit(settings.author(ledger))
        self.author.setReadOnly(ledger.encrypted)  # the logged-in user writes, nobody else
        self.home_area = AreaCombo(self.tr("（全部）"))
        self.fill_home_area()
        self.device_button = QPushButton(self.tr("保存"))
        self.device_button.clicked.connect(self.save_device)
        form.addRow(self.tr("设备名称"), self.device_name)
        form.addRow(self.tr("使用人"), self.author)
        form.addRow(self.tr("工作区域"), self.home_area)
        # Who this computer is to the county: the name it was enrolled under, which the county's
        # lists show. The ledger's device id (hex) means nothing to a coordinator; the county's
        # technician may ask for it when tracing a bundle, so it is a tooltip and a copy away.
        self.enrolled_label = plain_label()  # names the device and the hub
        self.enrolled_label.setWordWrap(True)
        self.copy_id_button = QPushButton(self.tr("复制设备标识"))
        self.copy_id_button.clicked.connect(self.copy_device_id)
        # The words a field of their own (the form gives them the height they wrap to: beside
        # the button, in English's two lines, the row kept one and cut the second), the button
        # under them.
        form.addRow(self.tr("县里登记为"), self.enrolled_label)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_id_button)
        form.addRow("", copy_row)
        self.show_enrolment()
        # What 保存 did, under it (it said nothing: the form looked the same as before).
        self.device_note = plain_label()
        self.device_note.setWordWrap(True)
        for changed in (
            self.device_name.textChanged,
            self.author.textChanged,
            self.home_area.currentIndexChanged,
        ):
            changed.connect(self.device_note.clear)
        form.addRow("", self.device_button)
        form.addRow("", self.device_note)
        self._device_snapshot = self._device_values()
        return box

    def fill_home_area(self) -> None:
        """Offer the areas this device may work in: on an enrolled village's or township's
        device its own area and those inside it (a wider one, saved, narrowed back to it
        unsaid); elsewhere every area, or all of them."""
        own = settings.own_area(self.session.ledger)
        self.home_area.all_label = None if own else self.tr("（全部）")
        self.home_area.fill(
            AreaIndex.load(self.session.ledger),
            keep=self.session.home_area,
            offer=(lambda code: code.startswith(own)) if own else None,
        )

    def activated(self) -> None:
        """Shown again: the device may have been enrolled on the sync page meanwhile."""
        self.show_enrolment()
        if self._device_values() == self._device_snapshot:  # nothing typed over
            self.fill_home_area()
            self._device_snapshot = self._device_values()

    def show_enrolment(self) -> None:
        """The name the county enrolled this computer under, and with which hub."""
        ledger = self.session.ledger
        identity = sync_state.identity(ledger)
        if identity is None:
            self.enrolled_label.setText(
                self.tr("还没有登记到县里（在“同步”页用县里发的登记文件登记）")
            )
        else:
            hubs = sync_state.peers(ledger, "hub")
            text = identity.name
            if hubs:
                text += self.tr("（%1）").replace("%1", hubs[0].name)
            self.enrolled_label.setText(text)
        hint = self.tr("本机台账的设备标识：%1（县里查找数据包时可能会问）").replace(
            "%1", ledger.device_id
        )
        self.enrolled_label.setToolTip(hint)
        self.copy_id_button.setToolTip(hint)

    def copy_device_id(self) -> None:
        """Put the ledger's device id on the clipboard, for the county's technician."""
        QGuiApplication.clipboard().setText(self.session.ledger.device_id)
        self.device_note.setText(self.tr("设备标识已复制，可以粘贴发给县里"))

    def _device_values(self) -> tuple[str, str, str]:
        return (self.device_name.text().strip(), self.author.text().strip(), self.home_area.code())

    def save_device(self) -> None:
        """Store device name, user and home area (local settings, not synced)."""
        self.session.apply(
            settings.save_device(
                self.session.ledger,
                name=self.device_name.text(),
                user=self.author.text(),
                area=self.home_area.code(),
            )
        )
        self._device_snapshot = self._device_values()
        self.device_note.setText(self.tr("已保存本机设置"))

    # -- policy ---------------------------------------------------------------------------

    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("政策包"))
        form = QFormLayout(box)
        self.policy_label = plain_label()  # the pack's name, its words and the county's
        self.policy_label.setWordWrap(True)
        self.policy_button = QPushButton(self.tr("载入本地政策包…"))
        self.policy_button.clicked.connect(self.install_dialog)
        # The county's own device edits what the county decides; the hub signs and sends it.
        self.county_button = QPushButton(self.tr("县级政策编辑…"))
        self.county_button.clicked.connect(self.county_editor)
        form.addRow(self.tr("现行"), self.policy_label)
        form.addRow("", self.policy_button)
        form.addRow("", self.county_button)
        self._show_policy()
        return box

    def _show_policy(self) -> None:
        try:
            state = policy_access.state(self.session.ledger)
        except Exception as error:  # noqa: BLE001 - a broken pack is shown, not raised
            self.policy_label.setText(message_for(error))
            return
        policy, pack = state.policy, state.policy.pack
        source = {
            "hub": self.tr("县级汇总中心下发"),
            "builtin": self.tr("内置"),
            "local": self.tr("本机安装"),
        }.get(pack.source, pack.source)
        issued = " ".join(x for x in (pack.authority, pack.document) if x)
        # The rules' version as the papers print it (规则版本 省 2026.1、县 2026.2), not the
        # packs' internal ids.
        version = self.tr("规则版本 %1").replace("%1", part_shown(version_said(policy.version)))
        # (the title and the issuer as the pack writes them; the brackets the window's)
        if issued:
            text = fill(self.tr("%1（%2，%3，%4）"), [pack.title, version, source, issued])
        else:
            text = fill(self.tr("%1（%2，%3）"), [pack.title, version, source])
        text += self.tr("，%1 条规则启用").replace("%1", str(len(policy.active_rules)))
        # Each named once under the heading (not 甲：待县里核定标准 after 待县里核定：).
        unset = [part_shown(named) for named in policy.unset_named()]
        if unset:
            text += "\n" + self.tr("待县里核定：") + self.tr("；").join(unset)
        if state.said:  # (what was not taken, and why: in the window's language)
            text += "\n" + "\n".join(sentence_shown(warning) for warning in state.said)
        self.policy_label.setText(text)
        # Village and township devices take their rules from the county: no local install.
        county_ruled = state.role in COUNTY_RULED
        self.county_button.setVisible(state.role is Role.COUNTY)
        self.policy_button.setEnabled(not county_ruled)
        self.policy_button.setToolTip(
            self.tr("本机的政策由县里统一下发，不能自行载入政策包") if county_ruled else ""
        )

    def county_editor(self) -> CountyPolicyDialog:
        """Open the county editor (county devices only)."""
        dialog = CountyPolicyDialog(self.session, self)
        dialog.show()
        return dialog

    def install_dialog(self) -> None:
        """Choose a county pack file (.toml) and install it."""
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("选择政策包"), start_at(), self.tr("政策包 (*.toml)")
        )
        used(path)
        if path:
            self.install_pack(Path(path))

    def install_pack(self, path: Path) -> bool:
        """Check and install a pack; a broken one is refused with its file, line and problem,
        and a village or township device refuses any."""
        try:
            policy = install_local(self.session.ledger, path)
            # Claims made before the new standard, at a figure it no longer pays: said once.
            restated = claims_at_another_figure_said(self.session.ledger, policy)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        policy_access.reset()
        self._show_policy()
        self.session.apply(ChangeSet.of(Kind.POLICY))
        if restated:
            said = "\n".join(sentence_shown(notice) for notice in restated)  # the window's language
            QMessageBox.information(self, self.tr("政策包已启用"), as_typed(said))
        return True

    # -- language -------------------------------------------------------------------------

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("界面语言"))
        form = QFormLayout(box)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(prefs.language()), 0))
        self.language.currentIndexChanged.connect(lambda _i: self.apply_language())
        form.addRow(self.tr("语言"), self.language)
        return box

    def apply_language(self) -> None:
        """Switch the whole window to the chosen language now."""
        code = self.language.currentData()
        if self.window_ref is not None:
            if not self.window_ref.set_language(code):  # refused or cancelled: show it so
                self.language.blockSignals(True)
                self.language.setCurrentIndex(max(self.language.findData(prefs.language()), 0))
                self.language.blockSignals(False)

    # -- data folder and backups ----------------------------------------------------------

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("数据与备份"))
        form = QFormLayout(box)
        # Whole, wrapped at the separators: a deep folder's path on one line was wider than
        # a 1024 screen, the page scrolled sideways (tests/ui/test_settings_long_path_fits.py).
        form.addRow(self.tr("数据文件夹"), path_label(str(data_dir())))
        form.addRow(self.tr("台账文件"), path_label(self.session.path))
        self.folder_button = QPushButton(self.tr("打开数据文件夹"))
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
        )
        form.addRow("", self.folder_button)
        self.open_button = QPushButton(self.tr("打开其他台账…"))
        self.backup_button = QPushButton(self.tr("立即备份…"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.backup_note = plain_label()  # names the backup's file
        self.backup_note.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.open_button, self.backup_button, self.restore_button):
            row.addWidget(button)
        form.addRow(row)
        form.addRow(self.backup_note)
        self.open_button.clicked.connect(self.open_dialog)
        self.backup_button.clicked.connect(self.backup_dialog)
        self.panel.guard(self.backup_button, self.restore_button, self.open_button)
        self.restore_button.clicked.connect(self.restore_dialog)
        return box

    def open_dialog(self) -> None:
        """Open another ledger file in this window."""
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("打开台账"), str(data_dir()), self.tr("台账文件 (*.db)")
        )
        if path and self.window_ref is not None:
            self.window_ref.switch_ledger(Path(path))

    def backup_dialog(self) -> None:
        """Ask where, then back up."""
        suggested = str(Path(self.session.path).with_name(backup.backup_name(self.session.path)))
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("备份到"), suggested, self.tr("台账备份 (*.fieldbackup)")
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, dest: Path) -> None:
        """Copy the open ledger with SQLite's online backup (off the GUI thread)."""

        def work(progress: OperationProgress) -> Path:
            with self.session.worker_ledger() as ledger:
                return backup.back_up(ledger, dest, progress.step)

        self.panel.run(
            self.tr("正在备份……"),
            work,
            lambda p: self.backup_note.setText(self.tr("已备份到 ") + str(p)),
            lambda e: show_error(self, e),
        )

    def restore_dialog(self) -> None:
        """Choose a backup, confirm, and restore it (the current file is kept beside it)."""
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("选择备份文件"),
            str(Path(self.session.path).parent),
            # The first wave's 立即备份 wrote plain copies named ledger-备份-….db: they restore too.
            self.tr("台账备份，或此前版本的备份 (*.fieldbackup *.db)"),
        )
        if not path:
            return
        user = self.session.ledger.user or ""
        try:
            first_wave = backup.read_backup(path) is None
        except Exception:  # noqa: BLE001 - a damaged file: said by the check, as before
            first_wave = False
        if first_wave:  # no password of its own: the one set here becomes its first user's
            chosen = self._ask_new_password(
                user,
                self.tr(
                    "这份备份是此前版本做的，没有自己的口令。恢复后，%1 是它的第一位用户，"
                    "用这里设置的口令登录。"
                ).replace("%1", user),
            )
            if chosen is not None:
                self.restore_from(Path(path), Credentials(user, chosen))
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("从备份恢复"),
            as_typed(self.tr("备份时 %1 的口令：").replace("%1", user)),  # the name as typed
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.restore_from(Path(path), Credentials(user, password))

    def restore_from(self, source: Path, credentials: Credentials) -> None:
        """Check the backup (read whole and verified, off the GUI thread with a progress bar
        and 取消: a backup of years on a slow USB stick took a minute with the window frozen),
        then restore after confirmation (a backup opens only with a password of its ledger);
        reopens the window on the restored ledger. `restored` says the outcome once done."""
        self.restored = None
        folder = Path(self.session.path).parent

        def work(progress: OperationProgress) -> dict[str, int]:
            return backup.check_backup(
                source, credentials, folder, progress.step, progress.is_cancelled
            )

        def failed(error: BaseException) -> None:
            self.restored = False
            if isinstance(error, Cancelled):
                self.backup_note.setText(self.tr("已取消检查备份，台账没有改动"))
            else:
                show_error(self, error)

        def checked(counts: dict[str, int]) -> None:
            self.restored = self._restore_checked(source, credentials, counts)

        self.panel.run(self.tr("正在读取并检查备份……"), work, checked, failed)

    def _restore_checked(
        self, source: Path, credentials: Credentials, counts: dict[str, int]
    ) -> bool:
        """The backup read and verified: ask, then restore."""
        if not ask_yes_no(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "备份中有 %1 人。恢复后当前台账会被替换（替换前的文件另存一份）。继续吗？"
            ).replace("%1", str(counts["persons"])),
        ):
            return False
        if self.window_ref is not None:
            return bool(self.window_ref.restore_backup(source, credentials))
        return False

    # -- users and lock -------------------------------------------------------------------

    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("用户与口令"))
        form = QFormLayout(box)
        self.users_list = QListWidget()
        self.users_list.setMaximumHeight(110)
        self.passwd_button = QPushButton(self.tr("修改我的口令…"))
        self.add_user_button = QPushButton(self.tr("新增用户…"))
        self.disable_user_button = QPushButton(self.tr("停用所选用户"))
        self.reset_user_button = QPushButton(self.tr("重设所选用户的口令…"))
        self.enable_user_button = QPushButton(self.tr("重新启用所选用户…"))
        self.passwd_button.clicked.connect(self.change_password_dialog)
        self.add_user_button.clicked.connect(self.add_user_dialog)
        self.disable_user_button.clicked.connect(self.disable_selected)
        self.reset_user_button.clicked.connect(self.reset_selected_dialog)
        self.enable_user_button.clicked.connect(self.enable_selected)
        rows = (QHBoxLayout(), QHBoxLayout(), QHBoxLayout())
        for n, button in enumerate(self._user_buttons()):
            rows[n // 2].addWidget(button)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        self.lock_minutes.setSpecialValueText(self.tr("不锁定"))
        self.lock_minutes.setValue(login.lock_minutes())
        self.lock_minutes.valueChanged.connect(lambda v: prefs.put("lock_minutes", str(v)))
        self.users_note = plain_label()  # names a user
        self.users_note.setWordWrap(True)
        form.addRow(self.users_list)
        for row in rows:
            form.addRow(row)
        form.addRow(self.tr("无人操作后锁定"), self.lock_minutes)
        form.addRow(self.users_note)
        self.show_users()
        return box

    def _say_done(self, text: str) -> None:
        """Say a user or password change under the users' buttons, scrolled into view: on a
        short screen the note lay below the room and the change seemed to do nothing."""
        self.users_note.setText(text)
        self.users_note.adjustSize()
        inner = self.scroll_area.widget()
        layout = inner.layout() if inner is not None else None
        if layout is not None:
            layout.activate()
        self.scroll_area.ensureWidgetVisible(self.users_note, 0, 8)

    def _user_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.passwd_button,
            self.add_user_button,
            self.reset_user_button,
            self.disable_user_button,
            self.enable_user_button,
        )

    def _show_user(self) -> None:
        author = settings.author(self.session.ledger)
        if self.author.text().strip() == self._device_snapshot[1]:  # not being edited
            self._device_snapshot = (self._device_snapshot[0], author, self._device_snapshot[2])
        self.author.setText(author)
        self.show_users()

    def show_users(self) -> None:
        """List the users; only one who may manage users can add, disable or set another's
        password."""
        self.users_list.clear()
        ledger = self.session.ledger
        if not ledger.encrypted:
            self.users_note.setText(
                self.tr(
                    "这个台账还没有加密（没有用户）。重新打开台账时设置第一个用户和口令即可加密。"
                )
            )
            for button in self._user_buttons():
                button.setEnabled(False)
            return
        for row in user_service.list_users(ledger):
            marks = [self.tr("可管理用户")] if row.admin else []
            marks += [self.tr("已停用")] if row.disabled else []
            # The brackets and the comma are the language's: 测试员（可管理用户）, in English
            # 测试员 (manages users).
            shown = row.name
            if marks:
                shown = fill(self.tr("%1（%2）"), (row.name, self.tr("，").join(marks)))
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, row.name)
            self.users_list.addItem(item)
        admin = user_service.may_manage(ledger)
        self.add_user_button.setEnabled(admin)
        self.disable_user_button.setEnabled(admin)
        self.reset_user_button.setEnabled(admin)
        self.enable_user_button.setEnabled(admin)
        if not admin:
            self.users_note.setText(
                self.tr("新增、停用、重新启用用户和重设别人的口令须由能管理用户的人操作。")
            )

    def _confirm_me(self) -> bool:
        """The logged-in user's own password, asked before any user or password changes:
        someone at a desktop left unlocked must not give themselves a password of this ledger
        (theirs, a colleague's or a new user's). Wrong ones count towards the login's wait."""
        me = self.session.ledger.user or ""
        typed, ok = QInputDialog.getText(
            self,
            self.tr("确认身份"),
            as_typed(self.tr("请输入 %1 现在的口令：").replace("%1", me)),  # the name as typed
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            right = user_service.verify_password(self.session.ledger, me, typed)
        except Exception as error:  # noqa: BLE001 - the wait after wrong passwords, in Chinese
            show_error(self, error)
            return False
        if not right:
            show_error(self, self.tr("口令不对，没有修改"))
        return right

    def _ask_new_password(self, who: str, note: str = "") -> str | None:
        """The new password, typed twice in one form that keeps it on a slip."""
        dialog = login.NewPasswordDialog(who, self, note)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.password()
        finally:
            dialog.deleteLater()

    def change_password_dialog(self) -> bool:
        """Change one's own password."""
        return self._set_password(self.session.ledger.user or "", None)

    def reset_selected_dialog(self) -> bool:
        """Set the selected user's password (one who may manage users only): a colleague who
        forgot theirs is helped here, without the county."""
        item = self.users_list.currentItem()
        if item is None:
            show_error(self, self.tr("请先在列表里选一位用户"))
            return False
        name = item.data(Qt.ItemDataRole.UserRole)
        return self._set_password(name, name)

    def _set_password(self, who: str, name: str | None) -> bool:
        """Confirm one's own password, ask the new one for `who` and set it: one's own where
        `name` is None, else that user's."""
        if not self._confirm_me():
            return False
        password = self._ask_new_password(who)
        if password is None:
            return False
        try:
            user_service.change_password(self.session.ledger, name, password)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self.show_users()
        self._say_done(self.tr("已修改 %1 的口令").replace("%1", who))
        return True

    def add_user_dialog(self) -> bool:
        """Add a user (one who may manage users only)."""
        if not self._confirm_me():
            return False
        name, ok = QInputDialog.getText(self, self.tr("新增用户"), self.tr("用户名："))
        if not ok or not name.strip():
            return False
        password = self._ask_new_password(name.strip())
        if password is None:
            return False
        admin = ask_yes_no(self, self.tr("新增用户"), self.tr("允许此人管理用户吗？"))
        try:
            user_service.add_user(self.session.ledger, name, password, admin)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self.show_users()
        self._say_done(self.tr("已新增用户 %1").replace("%1", name.strip()))
        return True

    def disable_selected(self) -> bool:
        """Disable the selected user after confirmation."""
        item = self.users_list.currentItem()
        if item is None:
            show_error(self, self.tr("请先在列表里选一位用户"))
            return False
        name = item.data(Qt.ItemDataRole.UserRole)
        if (
            not ask_yes_no(
                self,
                self.tr("停用用户"),
                self.tr("停用后 %1 的口令打不开本台账。继续吗？").replace("%1", name),
            )
            or not self._confirm_me()
        ):
            return False
        # The window that rotates the key (reopening the ledger) once the user is disabled.
        window = self.window_ref
        if window is not None and (
            window.busy() or (window.has_unsaved() and not window.confirm_discard())
        ):
            if window.busy():
                show_error(self, self.tr("请等正在进行的工作完成后再停用用户"))
            return False
        try:
            user_service.disable_user(self.session.ledger, name)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        if window is not None:
            # A new database key (the window reopens the ledger; this page is rebuilt), so
            # that an old copy of the key file with this user's slot opens nothing from now on.
            window.rotate_key(self.tr("已停用用户 %1").replace("%1", name))
            return True
        self.show_users()
        self._say_done(self.tr("已停用用户 %1").replace("%1", name))
        return True

    def enable_selected(self) -> bool:
        """Enable the selected (disabled) user again with a new password: a 停用 clicked on
        the wrong name is not for ever. Their old password opens nothing (their slot went with
        the disable), so a new one is set here, as for a new user."""
        item = self.users_list.currentItem()
        if item is None:
            show_error(self, self.tr("请先在列表里选一位用户"))
            return False
        name = item.data(Qt.ItemDataRole.UserRole)
        try:
            user_service.check_enable(self.session.ledger, name)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        if not self._confirm_me():
            return False
        password = self._ask_new_password(name)
        if password is None:
            return False
        try:
            user_service.enable_user(self.session.ledger, name, password)
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self.show_users()
        self._say_done(self.tr("已重新启用用户 %1，请把新口令告诉本人").replace("%1", name))
        return True

    def has_unsaved(self) -> bool:
        """True when the paper wording or this device's name, user or area was edited but not
        saved."""
        return (
            self._paper_values() != self._paper_snapshot
            or self._device_values() != self._device_snapshot
        )

    def discard_unsaved(self) -> None:
        """Forget edited wording and device settings."""
        self._paper_snapshot = self._paper_values()
        self._device_snapshot = self._device_values()
