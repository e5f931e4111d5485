"""Shared test helpers: families in a ledger, bundle surgery with real keys."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from fieldapp.domain.models import Area, EmploymentSpell, Household, Person
from fieldapp.store.ids import natural_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import crypto
from fieldapp.sync.bundle import open_bundle, read_header
from tests.conftest import make_id
from tests.records import Records

VILLAGE = "520502101001"
SITE = "520502010901"  # a relocation site of 碧阳街道 (sites are numbered from 901)


def add_family(
    ledger: Ledger, area: str, seqs: list[str], surname: str = "张", kind: str = "村"
) -> tuple[str, list[str]]:
    """A household with one person per ID sequence; returns (household id, person ids)."""
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(Area(code=area, name=f"{kind}{area[-3:]}", kind=kind))
        hh = repo.save(Household(area_code=area, address="一组"))
        ids = []
        for n, seq in enumerate(seqs):
            pid, _ = repo.add_person(
                Person(household_id=hh, name=f"{surname}{n}", id_number=make_id(seq=seq)),
                confirmed=True,
            )
            ids.append(pid)
    return hh, ids


#: The day the job of `add_job` began.
JOB_START = "2026-03-01"


def job_of(person_id: str) -> str:
    """The id of the job `add_job` gives a person."""
    return natural_id("employment_spells", "test job", person_id)


def add_job(ledger: Ledger, person_id: str) -> str:
    """A job outside the county for a person, from `JOB_START` (what a one-time claim pays
    for: the hub holds a claim for a job the ledger does not have); returns its id."""
    spell = EmploymentSpell(
        id=job_of(person_id),
        person_id=person_id,
        start_date=dt.date.fromisoformat(JOB_START),
        place_code="440305",
        place_name="深圳市南山区",
        employer="某电子厂",
    )
    with ledger.transaction():
        return Records(ledger).save(spell)


def keys_of(ledger: Ledger) -> crypto.KeyPair:
    """The secret keys stored in a ledger (device or hub)."""
    identity = SyncState(ledger.db).identity()
    assert identity is not None
    return crypto.KeyPair(identity.sign_secret, identity.box_secret)


def unpack(path: Path, recipient: Ledger) -> dict[str, bytes]:
    """The three inner files of a bundle, opened with the recipient's key."""
    keys = keys_of(recipient)
    opened = open_bundle(Path(path).read_bytes(), keys.box_secret, keys.box_public)
    return {
        "manifest.json": opened.manifest_bytes,
        "manifest.sig": opened.signature,
        "changes.ndjson": opened.payload,
    }


def repack(parts: dict[str, bytes], recipient: Ledger, original: Path, out: Path) -> Path:
    """Seal inner files again to the recipient, with the original clear header."""
    data = Path(original).read_bytes()
    header = data[: read_header(data)["_body"]]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    out.write_bytes(header + crypto.seal(buffer.getvalue(), keys_of(recipient).box_public))
    return out


def phones_clash(hub, a: Ledger, b: Ledger, person_id: str, tmp: Path) -> None:  # noqa: ANN001
    """`a` and `b` (enrolled devices of one village, both holding `person_id` already) set the
    person's phone at once, 13800000000 and 13900000000; both send to `hub` and `b` takes its
    answer: one sync conflict on `b`."""
    from fieldapp.sync.exchange import export_bundle, import_bundle

    a.update("persons", person_id, {"phone": "13800000000"})
    b.update("persons", person_id, {"phone": "13900000000"})
    hub.import_file(export_bundle(a, tmp / "a2.fs").path)
    hub.import_file(export_bundle(b, tmp / "b2.fs").path)
    import_bundle(b, hub.export_for(SyncState(b.db).identity().name, tmp / "b3.fs").path)
