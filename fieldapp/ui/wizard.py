"""First-run wizard: create or open a ledger, name the device and its first user (the ledger is
encrypted from the start with their password), choose the area, demo data, enrolment."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import NotRequired, TypedDict

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldapp.domain.roles import Role
from fieldapp.paths import data_dir, default_ledger_path
from fieldapp.reference import divisions
from fieldapp.services import areas, settings
from fieldapp.services import users as user_service
from fieldapp.services.ledgers import (
    DEMO_FILE,
    Credentials,
    Ledger,
    ledger_state,
    make_demo,
    open_ledger,
)
from fieldapp.services.writer import Actor, actor_of
from fieldapp.store.queries.areas import all_areas
from fieldapp.sync.enrolment import (
    REVIEWERS,
    enrolled_role,
    is_sealed,
    is_training_file,
    normal_code,
)
from fieldapp.sync.errors import SyncError
from fieldapp.ui.errors import FormRefused, show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.login import typed_twice
from fieldapp.ui.operations import OperationPanel, OperationProgress


def _path_row(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box


class FirstRunWizard(QWizard):
    """Four short pages; on finish the ledger exists, named and placed, ready to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用劳动力台账"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(640, 460)
        self.ledger_path: Path | None = None
        self._made: set[Path] = set()  # new ledgers this wizard created (kept on a retry)
        #: The role each enrolment file (and code) read gives (`enrolled_role`).
        self._roles: dict[tuple[str, str], Role | None] = {}
        self._was_plain = False  # the ledger chosen to open was plain (encrypted on 完成)
        self.addPage(self._ledger_page())
        self.addPage(self._device_page())
        self.addPage(self._area_page())
        self.addPage(self._extras_page())

    # -- pages ----------------------------------------------------------------------------

    def _ledger_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("台账文件"))
        page.setSubTitle(self.tr("新建一个台账，或打开已有的台账文件。"))
        self.create_radio = QRadioButton(self.tr("新建台账"))
        self.open_radio = QRadioButton(self.tr("打开已有台账"))
        self.create_radio.setChecked(True)
        self.new_path = QLineEdit(str(default_ledger_path()))
        new_browse = QPushButton(self.tr("浏览…"))
        new_browse.clicked.connect(self._browse_new)
        self.open_path = QLineEdit()
        open_browse = QPushButton(self.tr("浏览…"))
        open_browse.clicked.connect(self._browse_open)
        form = QFormLayout(page)
        form.addRow(self.create_radio)
        form.addRow(self.tr("保存到"), _path_row(self.new_path, new_browse))
        form.addRow(self.open_radio)
        form.addRow(self.tr("文件"), _path_row(self.open_path, open_browse))
        return page

    def _browse_new(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("新建台账"), str(data_dir() / "ledger.db"), self.tr("台账文件 (*.db)")
        )
        if path:
            self.new_path.setText(path)
            self.create_radio.setChecked(True)

    def _browse_open(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("打开台账"), str(data_dir()), self.tr("台账文件 (*.db)")
        )
        if path:
            self.open_path.setText(path)
            self.open_radio.setChecked(True)

    def _device_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("本机"))
        page.setSubTitle(
            self.tr(
                "设备名称和您的用户名会出现在每条修改记录里，便于县里核对。"
                "台账用您的口令加密保存，打开台账时要输入口令。"
                "打开已加密的台账时，请填写它的用户名和口令。"
            )
        )
        self.device_name = QLineEdit(socket.gethostname()[:30])
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("您的姓名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(page)
        form.addRow(self.tr("设备名称"), self.device_name)
        form.addRow(self.tr("用户名（第一个用户，可管理用户）"), self.author)
        form.addRow(self.tr("口令"), self.password)
        form.addRow(self.tr("再输入一次"), self.password_again)
        return page

    def _area_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("工作区域"))
        page.setSubTitle(self.tr("选择县、乡镇（街道），再填写村或安置点。以后可在“设置”中修改。"))
        self.county = QComboBox()
        self.county.addItem(self.tr("（暂不选择）"), "")
        for county in divisions().counties():
            city = divisions().get(county.parent or "")
            prefix = f"{city.name} " if city and city.kind != "省" else ""
            self.county.addItem(f"{prefix}{county.name}", county.code)
        self.township = QComboBox()
        self.village_radio = QRadioButton(self.tr("村"))
        self.site_radio = QRadioButton(self.tr("易地搬迁安置点"))
        self.village_radio.setChecked(True)
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(self.tr("如：大坝村、幸福社区安置点"))
        kind = QWidget()
        kind_row = QHBoxLayout(kind)
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.village_radio)
        kind_row.addWidget(self.site_radio)
        kind_row.addStretch(1)
        form = QFormLayout(page)
        form.addRow(self.tr("县（市、区）"), self.county)
        form.addRow(self.tr("乡镇（街道）"), self.township)
        form.addRow(self.tr("类型"), kind)
        form.addRow(self.tr("名称"), self.place_name)
        self.county.currentIndexChanged.connect(self._fill_townships)
        return page

    def _fill_townships(self) -> None:
        self.township.clear()
        code = self.county.currentData()
        if not code:
            return
        self.township.addItem(self.tr("（整个县）"), "")
        for township in divisions().children(code):
            self.township.addItem(township.name, township.code)

    def set_county(self, code: str) -> None:
        """Select a county by code (also for tests)."""
        self.county.setCurrentIndex(max(self.county.findData(code), 0))

    def _extras_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("可选"))
        page.setSubTitle(self.tr("可以先用演示数据熟悉软件；县里发了登记文件的，现在就可以登记。"))
        self.demo = QCheckBox(
            self.tr("另建一个演示台账，先用它熟悉软件（人员都是虚构的，不进正式台账，不报送县里）")
        )
        self.demo_count = QSpinBox()
        self.demo_count.setRange(10, 100_000)
        self.demo_count.setValue(300)
        self.demo_count.setSuffix(self.tr(" 人"))
        self.enrol_path = QLineEdit()
        self.enrol_path.setPlaceholderText(self.tr("县里发的登记文件或台账表格（可不填）"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_enrol)
        self.enrol_code = QLineEdit()
        self.enrol_code.setPlaceholderText(self.tr("县里登记设备时告诉你的 16 位数字"))
        #: Said in place of the demo question for a township's or county's device.
        self.demo_note = QLabel()
        self.demo_note.setWordWrap(True)
        self.panel = OperationPanel()
        self.panel.cancel_button.hide()
        # The enrolment first: the device's role it gives decides whether demo people apply.
        form = QFormLayout(page)
        form.addRow(self.tr("登记文件或台账"), _path_row(self.enrol_path, browse))
        form.addRow(self.tr("登记码"), self.enrol_code)
        form.addRow(self.demo)
        form.addRow(self.tr("演示人数"), self.demo_count)
        form.addRow(self.demo_note)
        form.addRow(self.panel)
        form.addRow(QLabel(self.tr("点“完成”后开始使用。")))
        self.extras_form = form
        self.enrol_path.textChanged.connect(self._offer_demo)
        self.enrol_code.textChanged.connect(self._offer_demo)
        self._offer_demo()
        return page

    def enrolled_role(self) -> Role | None:
        """The device's role the chosen enrolment file gives (opened with the code typed, once
        it is whole), None while there is none to read."""
        text = self.enrol_path.text().strip()
        path = Path(text)
        if not text or is_spreadsheet(path) or not path.is_file():
            return None
        code = self.enrol_code.text()
        if is_sealed(path):
            try:
                code = normal_code(code)
            except SyncError:  # not all 16 digits yet: nothing to open it with
                return None
        key = (str(path), code)
        if key not in self._roles:  # opening a sealed file costs a key derivation: once
            self._roles[key] = enrolled_role(path, code or None)
        return self._roles[key]

    def _offer_demo(self) -> None:
        """Ask for demo people only where they apply: a township's or county's device (its
        enrolment file says so) has none of its own — it reviews what the villages send — so
        the question is not asked, and what happens instead is said."""
        reviewer = self.enrolled_role() in REVIEWERS
        if reviewer:
            self.demo.setChecked(False)
        for widget in (self.demo, self.demo_count):
            self.extras_form.setRowVisible(widget, not reviewer)
        training = reviewer and is_training_file(Path(self.enrol_path.text().strip()))
        self.demo_note.setText(
            self.tr(
                "这是培训用汇总中心给乡镇、县级设备的登记文件：新台账登记后就是演示台账，"
                "不另建演示台账，也不生成演示人员；同步后收到各村的演示数据。"
            )
            if training
            else self.tr("乡镇、县级设备审核各村报来的申领，本机没有自己的人员：不建演示台账。")
        )
        self.extras_form.setRowVisible(self.demo_note, reviewer)

    def _browse_enrol(self) -> None:
        path = used(QFileDialog.getOpenFileName(self, self.tr("选择登记文件"), start_at())[0])
        if path:
            self.enrol_path.setText(path)

    # -- finishing ------------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        """Refuse to go on from the first page without a usable file."""
        if self.currentId() == 0:
            if self.open_radio.isChecked():
                path = Path(self.open_path.text().strip())
                if not path.is_file():
                    show_error(self, self.tr("找不到台账文件：") + str(path))
                    return False
            elif not self.new_path.text().strip():
                show_error(self, self.tr("请填写新台账的保存位置"))
                return False
        if self.currentId() == 1 and not self._user_ok():
            return False
        return super().validateCurrentPage()

    def _chosen_path(self) -> Path:
        return Path(
            (self.open_path if self.open_radio.isChecked() else self.new_path).text().strip()
        )

    def _user_ok(self) -> bool:
        """A usable first user and password, typed twice (an existing encrypted ledger: the
        name and password of one of its users, typed once)."""
        existing = self.open_radio.isChecked() and ledger_state(self._chosen_path()) == "encrypted"
        try:
            user_service.check_name(self.author.text())
        except Exception as error:  # noqa: BLE001 - a Chinese reason
            show_error(self, error)
            return False
        if existing:
            return True
        return typed_twice(
            self.password, self.password_again, lambda text: show_error(self, text), new=False
        )

    @property
    def credentials(self) -> Credentials:
        """The first user's name and password, as typed."""
        return Credentials(self.author.text().strip(), self.password.text())

    def accept(self) -> None:
        """Create/open the ledger and apply the choices off the GUI thread, then close."""
        if self.panel.busy or not self._user_ok():
            return
        enrol_file = Path(self.enrol_path.text().strip())
        sealed = not is_spreadsheet(enrol_file) and is_sealed(enrol_file)
        if str(enrol_file) != "." and sealed and not self.enrol_code.text().strip():
            show_error(self, self.tr("这个登记文件需要登记码：请填写县里告诉你的 16 位数字"))
            return
        path = self._chosen_path()
        # A plain ledger chosen to open (the first wave's) is encrypted now: its clear backups
        # beside it are named afterwards, as the login screen does.
        self._was_plain = self.open_radio.isChecked() and ledger_state(path) == "plain"
        converted = threading.Event()
        choices: SetUpChoices = {
            "device": self.device_name.text().strip(),
            "author": self.author.text().strip(),
            "county": self.county.currentData() or "",
            "township": self.township.currentData() or "",
            "place": self.place_name.text().strip(),
            "site": self.site_radio.isChecked(),
            # Never for a township's or county's device (`_offer_demo` does not ask).
            "demo": self.demo.isChecked() and self.enrolled_role() not in REVIEWERS,
            "demo_count": self.demo_count.value(),
            "enrol": self.enrol_path.text().strip(),
            "enrol_code": self.enrol_code.text().strip(),
            "credentials": self.credentials,
            # 新建台账: one that appeared meanwhile (another wizard, a command) is refused, not
            # opened — unless this wizard made it itself on an earlier 完成 that failed later.
            "create": not self.open_radio.isChecked() and path not in self._made,
            "made": self._made,
            "plain": self._was_plain,
            "converted": converted,
        }
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # A plain ledger's encryption takes a while on a large ledger: a bar and 取消 until it
        # is done (the steps after it, an enrolment or a sheet's import, run to their end as
        # before).
        self.panel.cancel_button.setVisible(self._was_plain)
        self.panel.cancel_button.setEnabled(True)
        watch = QTimer(self)
        watch.setInterval(50)

        def done_converting() -> None:
            if converted.is_set() or not self.panel.busy:
                self.panel.cancel_button.hide()
                watch.stop()
                watch.deleteLater()

        watch.timeout.connect(done_converting)
        watch.start()
        if choices["demo"]:
            choices["demo_path"] = str(demo_path_beside(path))
        self.panel.run(
            self.tr("正在准备台账……"),
            lambda progress: set_up_ledger(path, choices, progress),
            self._done,
            self._failed,
        )

    def _done(self, opened: Path) -> None:
        self.ledger_path = opened
        if self._was_plain:
            from fieldapp.ui.login import warn_of_clear_backups

            warn_of_clear_backups(self, self._chosen_path())
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, error)


class SetUpChoices(TypedDict):
    """What the wizard's pages chose, handed to `set_up_ledger` (off the GUI thread)."""

    device: str  # the device's name
    author: str  # the first user
    county: str  # area codes ("" when not chosen)
    township: str
    place: str  # the village's or site's name
    site: bool
    demo: bool  # also make a demo ledger beside it (`demo_path`), opened first
    demo_count: int
    enrol: str  # an enrolment file or a 台账 spreadsheet ("" for none)
    enrol_code: str
    credentials: Credentials
    create: bool  # a new ledger: one that appeared meanwhile is refused, not opened
    made: set[Path]  # the ledgers this wizard created (the new one is added)
    plain: bool  # a plain ledger chosen to open: encrypted now
    converted: threading.Event  # set once the ledger is open (encrypted)
    demo_path: NotRequired[str]


def is_spreadsheet(path: Path) -> bool:
    """Whether the wizard imports the file as a 台账 spreadsheet rather than a sync enrolment
    file: every kind of workbook the import reads (.xlsx, .xlsm, .xls, .ods …) and .csv and
    .tsv, not only Excel's and .csv (a 台账 kept in LibreOffice or WPS was refused as no
    enrolment file). Not .txt: an enrolment file renamed so on its way is still one."""
    from fieldapp.tabular.reader import SPREADSHEET_SUFFIXES

    return path.suffix.lower() in (*SPREADSHEET_SUFFIXES, ".csv", ".tsv")


def demo_path_beside(path: Path) -> Path:
    """A new file name for the demo ledger beside the real one: 演示台账.db, 演示台账-2.db …"""
    folder = path.parent
    candidate = folder / DEMO_FILE
    number = 2
    while candidate.exists():
        candidate = folder / f"{Path(DEMO_FILE).stem}-{number}.db"
        number += 1
    return candidate


def set_up_ledger(path: Path, choices: SetUpChoices, progress: OperationProgress) -> Path:
    """Create or open the ledger and store the wizard's choices (runs off the GUI thread).

    With `demo`, a separate demo ledger is made beside it (`demo_path`) and is the one opened
    first; the real ledger never holds demo people. An enrolment file from a training hub goes
    to the demo ledger, any other to the real one — and a training hub's file for a township's
    or county's device to the ledger chosen, which becomes a demo one as it enrols (no demo
    ledger, no people: it reviews the villages'). Returns the ledger to open.
    """
    enrol_file = Path(choices["enrol"]) if choices["enrol"] else None
    training = bool(enrol_file and not is_spreadsheet(enrol_file) and is_training_file(enrol_file))
    # A training hub's township or county device has no demo people of its own: its new
    # ledger is enrolled itself and made a demo one (`enrolment.check_training`), no demo
    # ledger beside it, no people generated.
    reviewer = (
        training
        and enrol_file is not None
        and enrolled_role(enrol_file, choices.get("enrol_code") or None) in REVIEWERS
    )
    with_demo = choices["demo"] and not reviewer
    if reviewer:
        training = False  # enrolled as any file is, into the ledger chosen
    if training and not with_demo:
        raise FormRefused(  # the wizard's own refusal, in the window's language
            QCoreApplication.translate(
                "FirstRunWizard",
                "这是培训用汇总中心的登记文件，只能用于演示台账：请勾选“另建一个演示台账”。",
            )
        )
    # Created encrypted with the first user (a plain ledger chosen to open is encrypted now).
    plain = bool(choices.get("plain"))
    ledger = open_ledger(
        path,
        credentials=choices["credentials"],
        create=choices.get("create", False),
        progress=(
            (lambda done, total: progress.report(done * 1000 // total if total else 0, 1000))
            if plain
            else None
        ),
        cancel=progress.is_cancelled if plain else None,  # Cancelled: still plain, as it was
    )
    if choices.get("converted") is not None:
        choices["converted"].set()
    choices.get("made", set()).add(path)
    try:
        _set_up(ledger, choices, progress, None if training else enrol_file)
    finally:
        ledger.close()
    if not with_demo:
        return path
    # The demo ledger opens after the wizard as the same first user: encrypted with them too.
    demo = open_ledger(Path(choices["demo_path"]), credentials=choices["credentials"])
    try:
        make_demo(demo)
        area = _set_up(demo, choices, progress, enrol_file if training else None)
        progress.report(0, choices["demo_count"], "正在生成演示数据……")
        from fieldapp.demo.generator import build_demo

        build_demo(
            demo,
            choices["demo_count"],
            area=area or None,
            progress=progress.step,
            cancelled=progress.is_cancelled,
        )
    finally:
        demo.close()
    return Path(choices["demo_path"])


def _set_up(
    ledger: Ledger, choices: SetUpChoices, progress: OperationProgress, enrol_file: Path | None
) -> str:
    """Enrolment (when given), area, device settings, or a 台账 import; returns the area.

    The enrolment comes first: the village typed here then takes the code the county gave the
    laptop, not the next free one below the township (another village's, outside its scope).
    """
    spreadsheet = enrol_file is not None and is_spreadsheet(enrol_file)
    if enrol_file is not None and not spreadsheet:
        from fieldapp.sync.enrolment import enrol

        enrol(ledger, enrol_file, code=choices.get("enrol_code") or None)
    actor = actor_of(ledger)
    area = place_area(ledger, actor, choices)
    enrolled = enrol_file is not None and not spreadsheet  # its device name is the county's
    name = None if enrolled else choices["device"] or None
    settings.save_device(ledger, name=name, user=choices["author"], area=area or None)
    if enrol_file is not None and spreadsheet:
        # A county 台账 spreadsheet: import its people (bad rows are skipped, not fatal).
        from fieldapp.tabular.ledger_import import import_ledger

        import_ledger(ledger, enrol_file, progress.step, progress.is_cancelled, actor=actor)
    return area


def place_area(ledger: Ledger, actor: Actor, choices: SetUpChoices) -> str:
    """Create the chosen county/township/village (or site) areas; returns the most specific code."""
    county, township, place = choices["county"], choices["township"], choices["place"]
    if not county:
        return ""
    from fieldapp.tabular.areas import AreaResolver, PlaceRef

    resolver = AreaResolver(all_areas(ledger), own=actor.scope)
    ref = PlaceRef(code=township or county)
    code = resolver.resolve(ref)
    if place and township:
        kind = "site" if choices["site"] else "village"
        code = resolver.resolve(
            PlaceRef(
                county=divisions().name(county) or "",
                township=divisions().name(township) or "",
                **{kind: place},
            )
        )
    if resolver.created:
        areas.add_created(ledger, actor, resolver.created)
    return code
