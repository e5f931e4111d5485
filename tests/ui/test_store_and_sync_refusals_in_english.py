"""The store's refusals (a backup, a key file, a password, a ledger gone, a row the program
cannot read) and the sync page's (the hub's address, the enrolment file, a bundle, a
conflict) were said in Chinese in the English window: Chinese f-strings. Each is said in
English there now, nothing Chinese left but what people wrote (a file's name, a person's, a
place's) and TOML's or SQLite's own words; the scenarios making them are
`tests.store.test_store_refusals_said` and `tests.sync.test_sync_refusals_said`."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.store.keyfile import WRONG_PASSWORD
from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.store import test_store_refusals_said as store
from tests.sync.test_sync_refusals_said import _enrolment_said
from tests.ui.in_english import CHINESE, _stored


def _left_in_chinese(found: list[Sentence]) -> list[str]:
    """Each sentence as the English window shows it, with Chinese still in it once what
    people wrote is taken out."""
    left = []
    with in_english():
        for sentence in found:
            shown = message_for(FieldappError(sentence))
            rest = shown
            for part in sorted(_stored(sentence), key=len, reverse=True):
                rest = rest.replace(part, "")
            if CHINESE.search(rest):
                left.append(shown)
    return left


def test_the_stores_refusals_are_said_in_english(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    found = [
        *store._backup_said(tmp_path / "backup"),
        *store._keys_said(tmp_path / "keys"),
        *store._ledgers_said(tmp_path / "ledgers"),
        *store._numbers_said(tmp_path / "numbers"),
        *store._unreadable_said(tmp_path / "unreadable"),
    ]
    assert _left_in_chinese(found) == []
    # The wrong password's sentence, found by its template (the scenarios grow in any order).
    (password,) = [s for s in found if s.template == WRONG_PASSWORD]
    with in_english():
        wrong = message_for(FieldappError(password))
    assert wrong == "Wrong user name or password"


def test_the_enrolment_files_refusals_are_said_in_english(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    hub = Hub.init(tmp_path / "hub")
    try:
        found = _enrolment_said(tmp_path / "enrol", hub)
    finally:
        hub.close()
    # A device name or area the roles' rules refuse is said in English too.
    assert _left_in_chinese(found) == []
    with in_english():
        long_name = message_for(FieldappError(found[18]))
    assert long_name.startswith(
        "The device name in the enrolment file is at most 100 characters long; “"
    ), long_name
