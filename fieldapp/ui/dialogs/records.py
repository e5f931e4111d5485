"""Tiny dialogs for a person's records: employment spell, unemployment registration."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Generic, TypeVar

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.bounds import MOST_AMOUNT, MOST_MONTHS
from fieldapp.domain.enums import EmployerKind, EmploymentForm, UnemploymentClass
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import EmploymentSpell, Person, UnemploymentRegistration
from fieldapp.domain.places_said import say_place
from fieldapp.domain.sentences import Sentence, fill
from fieldapp.reference import divisions
from fieldapp.services import work
from fieldapp.services.changes import ChangeSet
from fieldapp.store.queries import records
from fieldapp.ui.days import day_said
from fieldapp.ui.errors import FormRefused, invalid_input, message_for
from fieldapp.ui.held_words import sentence_shown
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import (
    DateField,
    EnumCombo,
    KeepsInput,
    OptionalAmount,
    OptionalCount,
    OptionalDate,
    as_typed,
    plain,
    plain_label,
)

#: The record a dialog edits.
_R = TypeVar("_R", EmploymentSpell, UnemploymentRegistration)


class _RecordDialog(KeepsInput, Generic[_R]):
    """Form, error line, Save/Cancel (asking before typed input is thrown away); subclasses fill
    the form and build the record."""

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = QFormLayout()
        self.error = plain_label()  # the refusal may name a person or quote a value
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.save_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.saved_id: str | None = None

    def build(self) -> _R:
        """The record from the form (raise ValueError with a Chinese reason when invalid)."""
        raise NotImplementedError

    def loaded(self) -> _R | None:
        """The record as the form was filled from it (None for a new one): only what was
        changed from it is saved, another copy of the app may have saved the rest."""
        return None

    def write(self, record: _R) -> ChangeSet | None:
        """Save `record` through the services; None when the user chose not to save yet."""
        return work.save_record(self.session.ledger, self.session.actor, record, self.loaded())

    def save_and_accept(self) -> None:
        """Save through the services, or show why not."""
        try:
            changes = self.write(self.build())
            if changes is None:
                return
            self.saved_id = changes.id
        except ValidationError as error:
            self.error.setText(invalid_input(error))
            return
        except FieldappError as error:  # a refusal says why (the date's in the language shown)
            self.error.setText(message_for(error))
            return
        except ValueError as error:  # the form's own reasons, in the language shown
            self.error.setText(message_for(error))
            return
        self.session.apply(changes)
        if changes.warnings:
            # Saved, and something beside it to check: a month left at the income set by
            # hand apart from its job's (`work.save_record`), in the language shown.
            QMessageBox.warning(
                self,
                self.tr("已保存，请核对"),
                as_typed(
                    "\n".join(
                        sentence_shown(w) if isinstance(w, Sentence) else w
                        for w in changes.warnings
                    )
                ),
            )
        self.accept()


class SpellDialog(_RecordDialog[EmploymentSpell]):
    """Add or edit an employment spell (就业经历)."""

    def __init__(
        self,
        session: Session,
        person_id: str,
        spell: EmploymentSpell | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("就业经历"))
        self.person_id = person_id
        self.spell = spell
        self.start = DateField()
        self.end = OptionalDate(self.tr("已结束于"))
        self.place_code = QLineEdit()
        self.place_code.setPlaceholderText(self.tr("务工地区划代码，如 330106"))
        self.place_label = QLabel()
        self.place_name = QLineEdit()
        self.form_combo = EnumCombo(EmploymentForm)
        self.employer = QLineEdit()
        # The employer-absorption subsidies pay only some kinds of employer.
        self.employer_kind = EnumCombo(EmployerKind, blank=self.tr("（未登记）"))
        # Blank is not known, 0 is none; to the fen, and as far as the import takes (a sheet's
        # amount up to 100 万元, `domain.bounds.MOST_AMOUNT`; a term up to 100 years,
        # `MOST_MONTHS`): a box of whole yuan stopping at 600 months saved an imported 3500.55
        # as 3501 and a 720-month term as 600 when the job was opened and saved, and a 0 as
        # unknown. A longer value stored before (an older import kept 999,999 months) widens
        # its box and is kept as it is until edited (`widgets._Unknowable`).
        self.income = OptionalAmount(self.tr("（未登记）"), MOST_AMOUNT)
        self.income.setSuffix(self.tr(" 元/月"))
        self.contract = OptionalCount(self.tr("（未登记）"), MOST_MONTHS)
        self.contract.setSuffix(self.tr(" 个月"))
        self.insurance = OptionalCount(self.tr("（未登记）"), MOST_MONTHS)
        self.insurance.setSuffix(self.tr(" 个月"))
        self.organized = QCheckBox(self.tr("有组织劳务输出"))
        self.agency = QLineEdit()
        self.first_export = QCheckBox(self.tr("首次通过有组织劳务输出就业"))
        self.casual = QCheckBox(self.tr("临时工（临工）"))
        for label, widget in (
            (self.tr("开始日期"), self.start),
            (self.tr("结束日期"), self.end),
            (self.tr("务工地代码"), self.place_code),
            ("", self.place_label),
            (self.tr("务工地名称"), self.place_name),
            (self.tr("就业形式"), self.form_combo),
            (self.tr("用人单位"), self.employer),
            (self.tr("用人单位类型"), self.employer_kind),
            (self.tr("月收入"), self.income),
            (self.tr("劳动合同期限"), self.contract),
            (self.tr("已缴社保月数"), self.insurance),
            ("", self.organized),
            (self.tr("输出机构"), self.agency),
            ("", self.first_export),
            ("", self.casual),
        ):
            self.form.addRow(label, widget)
        self.place_code.textChanged.connect(self._show_place)
        if spell:
            self._load(spell)

    def _show_place(self, code: str) -> None:
        # The place in words: a Guizhou code to its township, another to its county.
        name = say_place(code.strip(), divisions()) if len(code.strip()) >= 6 else None
        name = name if name != code.strip() else None
        self.place_label.setText(name or "")
        if name and not self.place_name.text():
            self.place_name.setText(name)

    def _load(self, spell: EmploymentSpell) -> None:
        self.start.set_value(spell.start_date)
        self.end.set_value(spell.end_date)
        self.place_code.setText(spell.place_code)
        self.place_name.setText(spell.place_name)
        self.form_combo.set_value(spell.form)
        self.employer.setText(spell.employer)
        self.employer_kind.set_value(spell.employer_kind)
        self.income.set_value(spell.monthly_income)
        self.contract.set_value(spell.contract_months)
        self.insurance.set_value(spell.insurance_months)
        self.organized.setChecked(spell.organized_export)
        self.agency.setText(spell.export_agency)
        self.first_export.setChecked(bool(spell.is_first_export))
        self.casual.setChecked(spell.is_casual)

    def loaded(self) -> EmploymentSpell | None:
        """The spell the form was filled from."""
        return self.spell

    def write(self, record: EmploymentSpell) -> ChangeSet | None:
        """A new job for someone whose earlier job is still open: asks whether that one ended
        the day before (a change of job), both are kept (two jobs at once), or the form is
        to be corrected (None: nothing saved). Left open without a word, the person was
        counted in two jobs and a 返乡 subsidy refused as 入职时在…的务工尚未结束. A casual
        job beside another asks nothing."""
        if self.spell is not None or record.is_casual:
            return super().write(record)
        still_open = [
            s
            for s in records.person_records(self.session.ledger, EmploymentSpell, self.person_id)
            if s.end_date is None and not s.is_casual and s.start_date < record.start_date
        ]
        if not still_open:
            return super().write(record)
        day_before = record.start_date - dt.timedelta(days=1)
        person = records.find(self.session.ledger, Person, self.person_id)
        jobs = self.tr("；").join(  # listed with the window's separator
            fill(
                self.tr("“%1”（%2 起）"),
                (
                    s.employer
                    or s.place_name
                    or say_place(s.place_code, divisions())
                    or self.tr("未写单位"),
                    day_said(s.start_date),
                ),
            )
            for s in sorted(still_open, key=lambda s: s.start_date)
        )
        box = plain(QMessageBox(self))  # the person's name and the jobs drawn as typed
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("原来的工作结束了吗？"))
        box.setText(
            fill(
                self.tr(
                    "%3原来的工作还没有结束：%1。\n换了工作的话，请结束原来的工作，"
                    "结束日期记为新工作开始的前一天（%2）；同时做两份工作的，两份都保留。"
                ),
                (jobs, day_said(day_before), person.name if person else ""),
            )
        )
        end = box.addButton(self.tr("结束原来的工作"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("两份工作都保留"), QMessageBox.ButtonRole.ActionRole)
        back = box.addButton(self.tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
        # Enter writes nothing: ending a job or keeping two at once is a click that says so
        # (an end date written by a reflex Enter ended a job that may still go on).
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        chosen = box.clickedButton()
        if chosen is back or chosen is None:
            return None
        ending = still_open if chosen is end else []
        return work.start_job(self.session.ledger, self.session.actor, record, ending)

    def _first_export(self) -> bool | None:
        """首次输出 as ticked (None when not organized); as stored while neither tick box was
        touched (an unknown was saved as 否, a stored 否 of a job not organized as unknown)."""
        spell = self.spell
        if (
            spell is not None
            and self.organized.isChecked() == spell.organized_export
            and self.first_export.isChecked() == bool(spell.is_first_export)
        ):
            return spell.is_first_export
        return self.first_export.isChecked() if self.organized.isChecked() else None

    def build(self) -> EmploymentSpell:
        """The spell from the form."""
        end = self.end.value()
        if end and end < self.start.value():
            raise FormRefused(self.tr("结束日期早于开始日期"))
        place_code = self.place_code.text().strip()
        if place_code != (self.spell.place_code if self.spell else ""):
            # It decides 县内/跨县/跨省 (the transport subsidies), as in the import.
            place_code = "".join(unicodedata.normalize("NFKC", place_code).split())
            digits = place_code.isascii() and place_code.isdigit()
            if place_code and not (digits and len(place_code) in (6, 9, 12)):
                raise FormRefused(
                    self.tr("务工地区划代码“%1”应为 6、9 或 12 位数字").replace("%1", place_code)
                )
        data = self.spell.model_dump() if self.spell else {}
        data.update(
            person_id=self.person_id,
            start_date=self.start.value(),
            end_date=end,
            place_code=place_code,
            place_name=self.place_name.text().strip(),
            form=self.form_combo.value(),
            employer=self.employer.text().strip(),
            employer_kind=self.employer_kind.value(),
            monthly_income=self.income.amount(),
            contract_months=self.contract.count(),
            insurance_months=self.insurance.count(),
            organized_export=self.organized.isChecked(),
            export_agency=self.agency.text().strip(),
            is_first_export=self._first_export(),
            is_casual=self.casual.isChecked(),
        )
        return EmploymentSpell.model_validate(data)


class UnemploymentDialog(_RecordDialog[UnemploymentRegistration]):
    """Add or edit an unemployment registration (失业登记)."""

    def __init__(
        self,
        session: Session,
        person_id: str,
        registration: UnemploymentRegistration | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("失业登记"))
        self.person_id = person_id
        self.registration = registration
        self.found = OptionalDate(self.tr("发现日期"))
        self.found.set_value(registration.found_date if registration else None)
        self.registered = OptionalDate(self.tr("登记日期"))
        self.registered.set_value(registration.registered_date if registration else None)
        self.kind = EnumCombo(UnemploymentClass, blank=self.tr("（未分类）"))
        self.ended = OptionalDate(self.tr("已结束于"))
        if registration:
            self.kind.set_value(registration.unemployment_class)
            self.ended.set_value(registration.ended_date)
        self.form.addRow(self.tr("发现失业"), self.found)
        self.form.addRow(self.tr("失业登记"), self.registered)
        self.form.addRow(self.tr("失业人员类别"), self.kind)
        self.form.addRow(self.tr("结束"), self.ended)

    def loaded(self) -> UnemploymentRegistration | None:
        """The registration the form was filled from."""
        return self.registration

    def build(self) -> UnemploymentRegistration:
        """The registration from the form."""
        if self.found.value() is None and self.registered.value() is None:
            raise FormRefused(self.tr("请至少填写发现日期或登记日期"))
        data = self.registration.model_dump() if self.registration else {}
        data.update(
            person_id=self.person_id,
            found_date=self.found.value(),
            registered_date=self.registered.value(),
            unemployment_class=self.kind.value() or None,
            ended_date=self.ended.value(),
        )
        return UnemploymentRegistration.model_validate(data)
