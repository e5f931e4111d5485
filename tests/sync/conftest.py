"""Fixtures for sync tests: a hub folder and enrolled device ledgers, all real files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """A fresh hub folder."""
    made = Hub.init(tmp_path / "hub")
    yield made
    made.close()


@pytest.fixture
def make_device(tmp_path: Path, hub: Hub) -> Iterator[Callable[..., Ledger]]:
    """make_device(name, area) → an enrolled device ledger in its own folder."""
    opened: list[Ledger] = []

    def make(name: str, area: str = "520502101001", ledger: Ledger | None = None) -> Ledger:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        device = ledger or Ledger.open(folder / "ledger.db", author=f"{name}员")
        hub.enroll(name, area, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
        enrol(device, folder / "enrol.json", code=ENROL_CODE)
        opened.append(device)
        return device

    yield make
    for ledger in opened:
        try:
            ledger.close()
        except Exception:  # noqa: BLE001 - a test may have closed it
            pass
