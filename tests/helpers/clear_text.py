"""Personal data typed in a realistic session, and the check that none of it is on disk in
clear (in any encoding a program could have written it)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.records import Records as Repository
from tests.sync.helpers import add_family

#: Personal data typed in a session, searched for in every file afterwards.
SECRETS = {
    "name": "欧阳娜娜",
    "id_number": make_id("520502", "19900101", "734"),
    "phone": "13985012345",
    "account": "6221546950670948123",
}


def encodings(text: str) -> list[bytes]:
    """The ways a program could have written `text` to disk."""
    forms = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    try:
        forms.append(text.encode("gb18030"))
    except UnicodeEncodeError:
        pass
    return forms


def assert_no_clear_text(*paths: Path) -> None:
    """None of SECRETS, in any encoding, in any of the files."""
    for path in paths:
        data = path.read_bytes()
        for what, value in SECRETS.items():
            for form in encodings(value):
                assert form not in data, f"{what} in clear in {path.name}"


def realistic_session(ledger: Ledger) -> str:
    """Add a family with the secret person, edit, search: rows, log, index and WAL all hold it."""
    repo = Repository(ledger)
    _, ids = add_family(ledger, "520502101001", ["101", "102"], surname="欧阳")
    from fieldapp.domain.models import Person

    hh = ledger.get("persons", ids[0])["household_id"]
    pid, _ = repo.add_person(
        Person(
            household_id=hh,
            name=SECRETS["name"],
            id_number=SECRETS["id_number"],
            phone=SECRETS["phone"],
            account_number=SECRETS["account"],
            account_bank="农村信用社",
        ),
        confirmed=True,
    )
    ledger.update("persons", pid, {"notes": "走访时核对了账号"})
    from fieldapp.store.queries.search import PersonSearch

    assert PersonSearch(ledger.db).search("欧阳娜")
    return pid
