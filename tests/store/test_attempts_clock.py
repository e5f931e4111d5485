"""The wait after wrong passwords on a laptop whose clock went back (a flat CMOS battery
resets it to 2009; a clock that ran fast is corrected): the wait must stay the wait, not the
years between the two clocks (issue 16)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

LI = Credentials("李芳", "村里的口令1")


def test_five_wrong_passwords_then_the_clock_goes_back_years(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    Ledger.open(path, credentials=LI).close()
    for _ in range(keyfile.FREE_ATTEMPTS):
        with pytest.raises(keyfile.WrongPassword):
            Ledger.open(path, credentials=Credentials(LI.user, "错的口令123"))
    recorded = json.loads(keyfile.attempts_path(path).read_text(encoding="utf-8"))
    years_back = recorded["last"] - 17 * 365 * 24 * 3600  # the clock now says 2009

    wait = keyfile.wait_needed(path, now=years_back)

    assert 0 < wait <= keyfile.FIRST_WAIT_S
    # A minute of the (wrong) clock later, the right password opens it.
    assert keyfile.wait_needed(path, now=years_back + keyfile.FIRST_WAIT_S + 1) == 0


def test_the_wait_still_runs_with_a_clock_that_is_right(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    Ledger.open(path, credentials=LI).close()
    for _ in range(keyfile.FREE_ATTEMPTS):
        with pytest.raises(keyfile.WrongPassword):
            Ledger.open(path, credentials=Credentials(LI.user, "错的口令123"))
    assert keyfile.wait_needed(path) > keyfile.FIRST_WAIT_S - 5
    with pytest.raises(keyfile.TooManyAttempts):
        Ledger.open(path, credentials=LI)
    assert keyfile.wait_needed(path, now=time.time() + keyfile.FIRST_WAIT_S + 1) == 0
