"""The person editor: validates as you type, refuses duplicate IDs with a way to the existing one."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import account as accounts
from fieldapp.domain import idnumber
from fieldapp.domain import phone as phones
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import EDUCATION as EDUCATION_LEVELS
from fieldapp.domain.enums import Category, Health, LabourAbility, Relation
from fieldapp.domain.errors import (
    DuplicateIdNumber,
    FieldappError,
    InvalidIdNumber,
    NeedsConfirmation,
)
from fieldapp.domain.models import CategoryMembership, Household, Person
from fieldapp.domain.phone import phones_said
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.sentences import Sentence, Word, fill
from fieldapp.reference import divisions
from fieldapp.services import persons
from fieldapp.services.changes import ChangeSet
from fieldapp.services.trust import may_add_at
from fieldapp.services.trust_check import may_change_row, rules_actor
from fieldapp.store.queries import records
from fieldapp.store.queries.malformed import NOTHING_SAID
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import day_said
from fieldapp.ui.errors import invalid_input, message_for
from fieldapp.ui.held_words import (
    filled,
    part_shown,
    reason_shown,
    sentence_shown,
    stored_word,
    word_shown,
)
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import EnumCombo, as_typed, ask_discard, ask_yes_no, plain_label, tip

#: The form's choices of 文化程度: none yet, then the ledger's list (`enums.EDUCATION`, the one
#: the spreadsheet offers); a coordinator may type another.
EDUCATION = ("", *EDUCATION_LEVELS)

OK_STYLE = "color: #1b7f3b;"
BAD_STYLE = "color: #c62828;"
#: A number that is valid but to be checked (its region unknown): the amber the other pages'
#: notes to check are said in (county policy, subsidies), never the OK green; an icon and the
#: word 注意 say it too, for whoever cannot tell the colours apart.
WARN_STYLE = "color: #8a5300;"

#: How the ID line stands (`PersonEditor.id_state`): nothing typed, a valid number, a valid
#: number with something to check, a number not (yet) valid.
ID_EMPTY, ID_OK, ID_WARNING, ID_BAD = "", "ok", "warning", "bad"


def read_id(text: str) -> tuple[bool, str, set[str]]:
    """(valid, what to show under the ID field, what it says to check) for the text typed so
    far, the number checked once: the birth date, sex and region, then, on a line of its own
    after 注意, what to check of a valid number (its parts joined with the punctuation of the
    language shown); the warnings as the service's (`idnumber.warnings_said`) are written,
    none for a number not (yet) valid."""
    if not text.strip():
        return False, "", set()
    try:
        info = idnumber.validate(text)
    except InvalidIdNumber as error:
        return False, message_for(error), set()
    born = QCoreApplication.translate("PersonEditor", "出生日期 %1")
    parts = [born.replace("%1", day_said(info.birth_date)), part_shown(Word(info.sex, common=True))]
    if info.region:
        parts.append(info.region)
    line = QCoreApplication.translate("PersonEditor", "，").join(parts)
    warnings = idnumber.warnings_said(info)
    if warnings:
        joined = QCoreApplication.translate("PersonEditor", "；")
        check = QCoreApplication.translate("PersonEditor", "注意：%1")
        line += "\n" + check.replace("%1", joined.join(sentence_shown(w) for w in warnings))
    return True, line, {str(w) for w in warnings}


def describe_id(text: str) -> tuple[bool, str]:
    """(valid, what to show under the ID field) for the text typed so far (`read_id`)."""
    ok, line, _warnings = read_id(text)
    return ok, line


class PersonEditor(QDialog):
    """Add or edit one person; `open_existing` asks the page to show another person instead."""

    open_existing = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        person: Person | None = None,
        household_id: str | None = None,
        area_code: str = "",
        parent: QWidget | None = None,
        unreadable: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.person = person
        #: The fields of the person's stored row this program cannot read (an older program's),
        #: with what is stored as said (`records.person_for_repair`): shown at the model's
        #: default, marked, and the form not saved until the clerk has chosen each.
        self.unreadable: dict[str, str] = dict(unreadable or {})
        self._unchosen: set[str] = set()
        #: The categories the form showed ticked when it was filled (see `_write`).
        self._loaded_categories: set[Category] = set()
        self.household_id = person.household_id if person else household_id
        self.existing_id: str | None = None
        #: What the ID line says to check of the number typed (`read_id`): said before the
        #: save, not again after it.
        self._id_warnings: set[str] = set()
        #: Why this device may not change the person ("" when it may): another village's
        #: person is shown, not saved (the trust rules, as the write door would say).
        verdict = (
            may_change_row(session.ledger, session.actor, "persons", person.id) if person else None
        )
        self.refusal = reason_shown(verdict.rule, verdict.reason, verdict.said) if verdict else ""
        self.setWindowTitle(self.tr("编辑人员") if person else self.tr("新增人员"))
        self._build(area_code)
        if person:
            self._load(person)
        elif self.household_id is not None and self._household_has_head():
            # A second 户主 by default was saved without a word: a member added to a household
            # with its head is most often a child (a birth, a child come home).
            self.relation.set_value(Relation.CHILD)
        self.save_button.setEnabled(not self.refusal)
        self.save_button.setToolTip(tip(self.refusal))
        if self.refusal:  # shown to read, nothing to type into that could not be saved
            for edit in self.findChildren(QLineEdit):
                edit.setReadOnly(True)
            for kind in (QComboBox, QCheckBox, QSpinBox):
                for widget in self.findChildren(kind):
                    widget.setEnabled(False)
            self.error.setText(self.refusal)
        self._mark_unreadable()
        self._snapshot = self._state()
        self._on_id_changed(self.id_number.text())

    def _choices(self) -> dict[str, tuple[str, QComboBox]]:
        """The fields an unreadable stored value can be chosen again in: (label, its combo)."""
        return {
            "relation": (self.tr("与户主关系"), self.relation),
            "labour_ability": (self.tr("劳动能力"), self.labour),
            "health": (self.tr("健康状况"), self.health),
        }

    def _mark_unreadable(self) -> None:
        """Each unreadable field's label says what is stored and to choose; until the clerk
        picks a value in it (the one shown, on purpose, counts) the form does not save."""
        for field, (label, combo) in self._choices().items():
            if field not in self.unreadable or self.refusal:
                continue
            self._unchosen.add(field)
            said = self._stored_said(field)
            note = self.tr("存的是%1，本程序读不了，请选一项").replace("%1", said)
            shown = self.form.labelForField(combo)
            if isinstance(shown, QLabel):
                shown.setText(filled(self.tr("%1（%2）"), label, note))
                shown.setStyleSheet(BAD_STYLE)
                shown.setToolTip(tip(note))
            combo.setToolTip(tip(note))
            combo.activated.connect(
                lambda _i, f=field, w=shown, t=label, c=combo: self._chosen(f, w, t, c)
            )

    def _chosen(self, field: str, shown: QWidget | None, label: str, combo: QComboBox) -> None:
        self._unchosen.discard(field)
        if isinstance(shown, QLabel):
            shown.setText(label)
            shown.setStyleSheet("")
            shown.setToolTip("")
        combo.setToolTip("")
        self._clear_error()

    def unchosen_problem(self) -> str:
        """Why the form may not save yet: an unreadable field not chosen ('' when none)."""
        for field, (label, combo) in self._choices().items():
            if field in self._unchosen:
                combo.setFocus()
                return fill(
                    self.tr("“%1”存的是%2，本程序读不了：请在“%1”中选一项后再保存"),
                    (label, self._stored_said(field)),
                )
        return ""

    def _stored_said(self, field: str) -> str:
        """What an unreadable field holds as the clerk reads it: nothing said in the window's
        words, a value quoted as it is stored."""
        said = self.unreadable[field]
        return self.tr("（空）") if said == NOTHING_SAID else said

    # -- layout ---------------------------------------------------------------------------

    def _build(self, area_code: str) -> None:
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)
        self.id_number.setPlaceholderText(self.tr("18 位身份证号码"))
        self.id_status = QLabel()
        self.id_status.setWordWrap(True)
        # Room for a two-line reason so the form never jumps or overlaps while typing; a
        # longer line (a warning under the facts) gets the room it needs (`_fit_id_line`).
        self._id_room = self.fontMetrics().lineSpacing() * 2 + 4
        self.id_status.setMinimumHeight(self._id_room)
        self.id_status.setMinimumWidth(380)
        # A warning's or an error's icon before the line (not the colour alone says it); its
        # room kept when there is none, so the line does not move as it comes and goes.
        self.id_icon = QLabel()
        self.id_icon.setFixedWidth(self.fontMetrics().height() + 4)
        #: How the ID line stands: `ID_EMPTY`, `ID_OK`, `ID_WARNING` or `ID_BAD`.
        self.id_state = ID_EMPTY
        id_row = QHBoxLayout()
        id_row.setContentsMargins(0, 0, 0, 0)
        id_row.addWidget(self.id_icon, 0, Qt.AlignmentFlag.AlignTop)
        id_row.addWidget(self.id_status, 1)
        self.relation = EnumCombo(Relation)
        self.phone = QLineEdit()
        self.labour = EnumCombo(LabourAbility)
        self.health = EnumCombo(Health)
        self.education = QComboBox()
        self.education.setEditable(True)
        for education in EDUCATION:  # shown in the language shown, stored in Chinese
            self.education.addItem(stored_word("persons", "education", education), education)
        self.graduation = QSpinBox()
        self.graduation.setRange(0, 2100)
        self.graduation.setSpecialValueText(self.tr("无"))
        # 离校2年内 / 离校5年内 are counted from the month of leaving school (in the graduation year).
        self.left_month = QSpinBox()
        self.left_month.setRange(0, 12)
        self.left_month.setSpecialValueText(self.tr("未登记"))
        self.left_month.setSuffix(self.tr(" 月"))
        self.bank = QLineEdit()
        self.account = QLineEdit()
        self.hukou = QLineEdit()
        self.hukou.setPlaceholderText(self.tr("户籍所在地区划代码（6、9 或 12 位数字）"))
        self.notes = QLineEdit()

        form = self.form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("身份证号"), self.id_number)
        form.addRow(id_row)
        form.addRow(self.tr("与户主关系"), self.relation)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("劳动能力"), self.labour)
        form.addRow(self.tr("健康状况"), self.health)
        form.addRow(self.tr("文化程度"), self.education)
        form.addRow(self.tr("毕业年份"), self.graduation)
        form.addRow(self.tr("离校月份"), self.left_month)
        form.addRow(self.tr("开户银行"), self.bank)
        form.addRow(self.tr("社保卡/银行账号"), self.account)
        form.addRow(self.tr("户籍地代码"), self.hukou)
        # The code's place in words under it (a coordinator checks 520526 by its name).
        self.hukou_said = QLabel()
        self.hukou_said.setStyleSheet("color: #555;")
        self.hukou_said.setWordWrap(True)
        form.addRow("", self.hukou_said)
        self.hukou.textChanged.connect(lambda _t: self._say_hukou())
        form.addRow(self.tr("备注"), self.notes)

        # The program's words, in the language shown (脱贫人口 → Lifted out of poverty); what is
        # stored stays the Chinese word (the dict's keys).
        # A long English word (Monitored against relapse into poverty) wraps onto a second
        # line rather than being cut at the dialog's edge; the Chinese ones fit on one.
        room = self.fontMetrics().height() * 13
        self.categories: dict[Category, QCheckBox] = {}
        for category in Category:
            word = word_shown(str(category))
            check = QCheckBox(wrapped(word, self.fontMetrics(), room))
            check.setAccessibleName(word)  # read whole, not as two lines
            self.categories[category] = check
        box = QGroupBox(self.tr("人员类别"))
        grid = QGridLayout(box)
        for i, check in enumerate(self.categories.values()):
            grid.addWidget(check, i // 2, i % 2)

        self.household_box = QGroupBox(self.tr("新建一户"))
        self.area = AreaCombo(None)
        # A new household only where this device may create one (an enrolled village or
        # township device: its own area; the trust rules decide, as they do on saving), and
        # in a village or site (or a group or building of one): one put in the county's or a
        # township's row belongs to no village's or site's laptop.
        who = rules_actor(self.session.ledger, self.session.actor)
        self.area.fill(
            AreaIndex.load(self.session.ledger),
            keep=area_code or self.session.home_area,
            offer=lambda code: (
                len(code) >= 12 and (who is None or may_add_at(who, "households", code).allowed)
            ),
        )
        self.address = QLineEdit()
        self.household_no = QLineEdit()
        hform = QFormLayout(self.household_box)
        hform.addRow(self.tr("所在区域"), self.area)
        hform.addRow(self.tr("住址"), self.address)
        hform.addRow(self.tr("户编号"), self.household_no)
        self.household_box.setVisible(self.household_id is None)

        self.error = plain_label()  # the refusal may name a person or quote a value
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BAD_STYLE)
        self.open_button = QPushButton(self.tr("打开已有人员"))
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_existing)
        error_row = QHBoxLayout()
        error_row.addWidget(self.error, 1)
        error_row.addWidget(self.open_button)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(box)
        right.addWidget(self.household_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(right, 2)
        self.setMinimumWidth(860)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(error_row)
        layout.addWidget(buttons)
        self.id_number.textChanged.connect(self._on_id_changed)
        self.name.textChanged.connect(lambda _t: self._clear_error())

    def _household_has_head(self) -> bool:
        """Whether the household the new person joins has its head (named, or a member)."""
        household = records.find(self.session.ledger, Household, self.household_id or "")
        if household is not None and household.head_person_id:
            return True
        members = records.members(self.session.ledger, self.household_id or "")
        return any(m.relation == Relation.HEAD for m in members)

    def _load(self, person: Person) -> None:
        self.name.setText(person.name)
        self.id_number.setText(person.id_number)
        self.relation.set_value(person.relation)
        self.phone.setText(person.phone)
        self.labour.set_value(person.labour_ability)
        self.health.set_value(person.health)
        known = self.education.findData(person.education)
        if known >= 0:
            self.education.setCurrentIndex(known)
        else:
            self.education.setCurrentText(person.education)  # as typed
        self.graduation.setValue(person.graduation_year or 0)
        left = person.left_school_month
        self.left_month.setValue(int(left[5:7]) if left else 0)
        self.bank.setText(person.account_bank)
        self.account.setText(person.account_number)
        self.hukou.setText(person.hukou_code)
        self.notes.setText(person.notes)
        today = china_today()
        for membership in records.person_records(
            self.session.ledger, CategoryMembership, person.id
        ):
            if membership.holds_on(today) and membership.category in self.categories:
                self.categories[membership.category].setChecked(True)
                self._loaded_categories.add(membership.category)

    # -- validation as you type -----------------------------------------------------------

    def _on_id_changed(self, text: str) -> None:
        ok, line, self._id_warnings = read_id(text)  # one check of the number a keystroke
        self.id_status.setText(line)
        if not line:
            self.id_state = ID_EMPTY
        elif not ok:
            self.id_state = ID_BAD
        else:
            self.id_state = ID_WARNING if self._id_warnings else ID_OK
        self._show_id_state()
        self._fit_id_line()
        self._clear_error()

    def _fit_id_line(self) -> None:
        """Room for the whole ID line at its width (the form does not grow a wrapped label's
        row by itself: a third line was cut off)."""
        width = max(self.id_status.width(), self.id_status.minimumWidth())
        need = self.id_status.heightForWidth(width)
        self.id_status.setMinimumHeight(max(self._id_room, need))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_id_line()  # narrower, the line wraps to more lines

    def _show_id_state(self) -> None:
        """The ID line's colour and icon as it stands: green alone for a valid number, amber
        and the warning icon for one to check, red and the error icon for one not valid."""
        style = {ID_OK: OK_STYLE, ID_WARNING: WARN_STYLE}.get(self.id_state, BAD_STYLE)
        self.id_status.setStyleSheet(style)
        icon = {
            ID_WARNING: (QStyle.StandardPixmap.SP_MessageBoxWarning, self.tr("注意")),
            ID_BAD: (QStyle.StandardPixmap.SP_MessageBoxCritical, self.tr("有误")),
        }.get(self.id_state)
        if icon is None:
            self.id_icon.clear()
            self.id_icon.setAccessibleName("")
            self.id_icon.setToolTip("")
            return
        side = self.fontMetrics().height()
        self.id_icon.setPixmap(self.style().standardIcon(icon[0]).pixmap(side, side))
        self.id_icon.setAccessibleName(icon[1])
        self.id_icon.setToolTip(tip(icon[1]))

    def _clear_error(self) -> None:
        self.error.setText(self.refusal)
        self.open_button.hide()
        self.existing_id = None

    def show_error(self, text: str, existing_id: str | None = None) -> None:
        """Show why nothing was saved (and the way to the existing person for duplicates)."""
        self.error.setText(text)
        self.existing_id = existing_id
        self.open_button.setVisible(existing_id is not None)

    def _state(self) -> tuple[object, ...]:
        """Every field as shown, to compare with what was loaded (`is_dirty`)."""
        return (
            self.name.text(),
            self.id_number.text(),
            self.relation.value(),
            self.phone.text(),
            self.labour.value(),
            self.health.value(),
            self.education.currentText(),
            self.graduation.value(),
            self.left_month.value(),
            self.bank.text(),
            self.account.text(),
            self.hukou.text(),
            self.notes.text(),
            tuple(c.isChecked() for c in self.categories.values()),
            self.address.text(),
            self.household_no.text(),
        )

    def is_dirty(self) -> bool:
        """True when the form differs from what was loaded."""
        return self._state() != self._snapshot

    # -- saving ---------------------------------------------------------------------------

    def chosen_education(self) -> str:
        """文化程度 as stored: a word of the list (`EDUCATION`) in Chinese whichever language
        it was shown in, anything typed as typed."""
        typed = self.education.currentText().strip()
        stored = self.education.itemData(self.education.findText(typed))
        return str(stored) if stored is not None else typed

    def _build_person(self) -> Person:
        data = dict(self.person.model_dump()) if self.person else {}
        data.update(
            name=self.name.text().strip(),
            id_number=self.id_number.text(),
            relation=self.relation.value(),
            phone=phones.entered(self.phone.text(), self.person.phone if self.person else None),
            labour_ability=self.labour.value(),
            health=self.health.value(),
            education=self.chosen_education(),
            graduation_year=self.graduation.value() or None,
            left_school_month=(
                f"{self.graduation.value()}-{self.left_month.value():02d}"
                if self.graduation.value() and self.left_month.value()
                else None
            ),
            account_bank=self.bank.text().strip(),
            account_number=self._account_number(),
            hukou_code=self._hukou_code(),
            notes=self.notes.text().strip(),
            household_id=self.household_id,
        )
        return Person.model_validate(data)

    def _say_hukou(self) -> None:
        """The typed 户籍地 code's place in words ('' while it is not 6, 9 or 12 digits)."""
        code = self._hukou_code()
        if not (code.isascii() and code.isdigit() and len(code) in (6, 9, 12)):
            self.hukou_said.clear()
            return
        said = say_place(code, divisions(), wording=PlaceWording.FULL)
        self.hukou_said.setText(
            said if said and said != code else self.tr("不认识这个区划代码，请核对")
        )

    def _hukou_code(self) -> str:
        """The 户籍地 code as typed, or as digits when it was typed or changed here."""
        typed = self.hukou.text().strip()
        if typed == (self.person.hukou_code if self.person else ""):
            return typed
        return "".join(unicodedata.normalize("NFKC", typed).split())

    def _account_number(self) -> str:
        """The account as typed, or as digits when it was typed or changed here (an account
        already in the ledger is kept as it is)."""
        kept = self.person.account_number if self.person else None
        return accounts.entered(self.account.text(), kept)

    def save(self) -> None:
        """Check and save; on any refusal show the reason and save nothing."""
        if self.refusal:
            self.show_error(self.refusal)
            return
        unchosen = self.unchosen_problem()
        if unchosen:
            self.show_error(unchosen)
            return
        if not self.name.text().strip():
            self.show_error(self.tr("请填写姓名"))
            self.name.setFocus()
            return
        ok, line = describe_id(self.id_number.text())
        if not ok:
            self.show_error(line or self.tr("请填写身份证号码"))
            self.id_number.setFocus()
            return
        phone = self.phone.text().strip()
        kept = self.person.phone if self.person else None
        # A phone or an account typed or changed here: what is wrong in the language shown
        # (the sentence's translation), as the import says it (and the service checks it).
        # Each of several numbers (138…、0857-…), as the import keeps and checks them.
        wrong = next(iter(phones_said(phone)), None) if phones.changed(phone, kept) else None
        if wrong is not None:
            self.show_error(sentence_shown(wrong))
            self.phone.setFocus()
            return
        year = self.graduation.value()
        if year and year != (self.person.graduation_year if self.person else None):
            latest = china_today().year + 8  # still at school: the year expected
            if not 1950 <= year <= latest:
                self.show_error(
                    fill(
                        self.tr("毕业年份“%1”不对：请填 4 位年份（1950 至 %2 年）"),
                        (str(year), str(latest)),
                    )
                )
                self.graduation.setFocus()
                return
        hukou = self._hukou_code()
        if hukou != (self.person.hukou_code if self.person else "") and hukou:
            # It decides the person's home county (跨县/跨省 subsidies), as in the import.
            if not (hukou.isascii() and hukou.isdigit() and len(hukou) in (6, 9, 12)):
                self.show_error(
                    self.tr("户籍地区划代码“%1”应为 6、9 或 12 位数字").replace("%1", hukou)
                )
                self.hukou.setFocus()
                return
        account = self.account.text().strip()
        kept = self.person.account_number if self.person else None
        if accounts.changed(account, kept):
            problem = accounts.account_said(account)
            if problem is not None:
                self.show_error(sentence_shown(problem))
                self.account.setFocus()
                return
        if self.household_id is None and not self.area.code():
            self.show_error(self.tr("请选择所在区域（新建一户需要区域）"))
            return
        asked: set[str] = set()  # the warning confirmed before the save: not said again
        try:
            changes = self._write(confirmed=False)
        except NeedsConfirmation as warning:
            if not ask_yes_no(self, self.tr("请确认"), message_for(warning)):
                return
            asked.add(str(warning))
            changes = self._write(confirmed=True)
        except DuplicateIdNumber as error:
            self.show_error(message_for(error), error.existing_id)
            return
        except ValidationError as error:
            self.show_error(invalid_input(error))
            return
        except FieldappError as error:
            self.show_error(message_for(error))
            return
        self._snapshot = self._state()
        self.saved.emit(changes.id or "")
        self.session.apply(changes)
        # Saved, and something beside it to check that the form has not said already (the ID
        # line says an unknown region, the question a namesake confirmed): in the language
        # shown, as the job editor says its own.
        unsaid = [w for w in changes.warnings if str(w) not in self._id_warnings | asked]
        if unsaid:
            QMessageBox.warning(
                self,
                self.tr("已保存，请核对"),
                as_typed(
                    "\n".join(sentence_shown(w) if isinstance(w, Sentence) else w for w in unsaid)
                ),
            )
        self.accept()

    def _write(self, confirmed: bool) -> ChangeSet:
        """One service call: the new household (if any), the person, their categories."""
        new_household = None
        if self.household_id is None:
            new_household = Household(
                area_code=self.area.code(),
                address=self.address.text().strip(),
                household_no=self.household_no.text().strip(),
            )
        changes = persons.save(
            self.session.ledger,
            self.session.actor,
            self._build_person(),
            categories=[c for c, check in self.categories.items() if check.isChecked()],
            new_household=new_household,
            confirmed=confirmed,
            # Only what was changed here is written: another copy of the app may have saved
            # this person's other fields since the form was filled.
            loaded=self.person,
            loaded_categories=self._loaded_categories if self.person else None,
        )
        return changes

    def _open_existing(self) -> None:
        if self.existing_id:
            self.open_existing.emit(self.existing_id)
            self._snapshot = self._state()
            self.reject()

    def discard(self) -> None:
        """Close without saving and without asking."""
        self._snapshot = self._state()
        super().reject()

    def reject(self) -> None:
        """Esc / 取消: ask before throwing away typed changes."""
        if self.is_dirty() and not ask_discard(
            self, self.tr("放弃修改？"), self.tr("还有没保存的修改。放弃这些修改吗？")
        ):
            return
        super().reject()


def wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` broken at spaces into lines no wider than `width` where it can be (a check box
    does not wrap its label by itself); text without spaces (Chinese) stays one line."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)
