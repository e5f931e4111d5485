"""Record a person's work status for a month (按月更新)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.models import MonthlyStatus
from fieldapp.services import work
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import EnumCombo


class MonthlyStatusDialog(QDialog):
    """Status, income and a note for one person and month."""

    def __init__(
        self, session: Session, person_id: str, name: str, month: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.person_id = person_id
        self.month = month
        self.setWindowTitle(self.tr("按月更新就业状态"))
        self.status = EnumCombo(WorkStatus)
        self.income = QDoubleSpinBox()
        self.income.setRange(0, 1_000_000)
        self.income.setDecimals(0)
        self.income.setSuffix(self.tr(" 元"))
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("人员"), QLabel(name))
        form.addRow(self.tr("月份"), QLabel(month))
        form.addRow(self.tr("就业状态"), self.status)
        form.addRow(self.tr("当月收入"), self.income)
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
        """Save (the row id derives from person and month, so devices agree) and close."""
        status = MonthlyStatus(
            person_id=self.person_id,
            month=self.month,
            status=self.status.value(),
            income=self.income.value() or None,
            notes=self.notes.text().strip(),
        )
        self.session.apply(work.set_monthly_status(self.session.ledger, self.session.actor, status))
        self.accept()
