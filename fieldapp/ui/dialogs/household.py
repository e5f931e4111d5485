"""Edit a household: area, address, number, relocated / lifted-out-of-poverty flags, head."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.models import Household
from fieldapp.domain.sentences import fill
from fieldapp.services import households
from fieldapp.store.queries import records
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.held_words import stored_word
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import KeepsInput


class HouseholdDialog(KeepsInput):
    """The household's own fields; members are edited one by one in the person editor. Esc on a
    changed form asks before throwing the changes away."""

    def __init__(self, session: Session, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.household = records.get(session.ledger, Household, household_id)
        self.setWindowTitle(self.tr("户信息"))
        self.area = AreaCombo(None)
        self.area.fill(AreaIndex.load(session.ledger), keep=self.household.area_code)
        self.address = QLineEdit(self.household.address)
        self.number = QLineEdit(self.household.household_no)
        self.relocated = QCheckBox(self.tr("易地搬迁户"))
        self.relocated.setChecked(self.household.is_relocated)
        self.lifted = QCheckBox(self.tr("脱贫户（含监测户）"))
        self.lifted.setChecked(self.household.is_lifted)
        self.head = QComboBox()
        for member in records.members(session.ledger, household_id):
            # The relation as the person panel says it (Head in English); the name as typed.
            relation = stored_word("persons", "relation", member.relation)
            said = fill(self.tr("%1（%2）"), (member.name, relation))
            self.head.addItem(said, member.id)
        found = self.head.findData(self.household.head_person_id)
        self.head.setCurrentIndex(max(found, 0))
        self.notes = QLineEdit(self.household.notes)
        form = QFormLayout()
        form.addRow(self.tr("所在区域"), self.area)
        form.addRow(self.tr("住址"), self.address)
        form.addRow(self.tr("户编号"), self.number)
        form.addRow(self.tr("户主"), self.head)
        form.addRow("", self.relocated)
        form.addRow("", self.lifted)
        form.addRow(self.tr("备注"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save_and_accept(self) -> None:
        """Save the changed fields (logged like every write) and close."""
        data = self.household.model_dump()
        data.update(
            area_code=self.area.code() or self.household.area_code,
            address=self.address.text().strip(),
            household_no=self.number.text().strip(),
            head_person_id=self.head.currentData() or self.household.head_person_id,
            is_relocated=self.relocated.isChecked(),
            is_lifted=self.lifted.isChecked(),
            notes=self.notes.text().strip(),
        )
        self.session.apply(
            households.save(
                self.session.ledger,
                self.session.actor,
                Household.model_validate(data),
                loaded=self.household,  # another copy of the app may have saved other fields
            )
        )
        self.accept()
