"""设置 page (being wired to its service)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.ui.pages.pending import PendingPage
from fieldapp.ui.session import Session


class SettingsPage(QWidget):
    """设置."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        QVBoxLayout(self).addWidget(PendingPage(self.tr("此功能正在接入，稍后可用")))

    def new_visit(self) -> None:
        """Placeholder."""

    def prefill(self, person_id: str, service: str) -> None:
        """Placeholder."""
