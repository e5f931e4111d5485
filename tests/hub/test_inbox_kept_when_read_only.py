"""A bundle in the hub's USB inbox refused because the hub's own store would not write
(`read_only`: a PostgreSQL standby, a database or file set read-only) was deleted from the
inbox — not imported, not quarantined, while `hub import` said 文件没有移动. It is the hub's own
trouble (`exchange.OWN_TROUBLE`), as busy, a full disk or an unsure commit are: the file stays
in the inbox for the next run, and goes in once the store writes again."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.hub.test_hub_read_only_not_blamed import _writes
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def test_a_bundle_the_read_only_hub_could_not_take_stays_in_the_inbox(
    hub: Hub, make_device
) -> None:
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    bundle = export_bundle(village, hub.inbox / "红星村.fieldsync").path
    _writes(hub, on=False)
    try:
        (refused,) = hub.import_inbox()
    finally:
        _writes(hub, on=True)
    assert refused.code == "read_only", refused.error
    assert bundle.is_file()  # 文件没有移动, as said
    assert not list(hub.folders.quarantine.iterdir())
    (taken,) = hub.import_inbox()  # the store writing again: taken in, and out of the inbox
    assert taken.result is not None, taken.error
    assert hub.ledger.get("persons", person) is not None
    assert not bundle.exists()
