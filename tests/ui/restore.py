"""从备份恢复 on the Settings page, waited for as a test needs it."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.credentials import Credentials


def restore_and_wait(page, qtbot, source: Path, credentials: Credentials) -> bool:  # noqa: ANN001
    """Start 从备份恢复 on the Settings page and wait for its outcome (checked, asked, done)."""
    page.restore_from(source, credentials)
    qtbot.waitUntil(lambda: page.restored is not None, timeout=60000)
    return bool(page.restored)
