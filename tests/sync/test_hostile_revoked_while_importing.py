"""A device revoked while its bundle is being imported: the hub checked the sender's
revocation when it had opened the bundle, then decoded it (seconds for a large one) and only
then began its write. A laptop reported stolen and revoked (`hub revoke`, another process on
the hub computer) in between still had its whole bundle — claims included — taken in, though
the revocation was committed before the import wrote anything. The sender is now checked
again inside the import's write transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def test_a_device_revoked_before_the_import_writes_has_nothing_taken(
    tmp_path: Path, hub: Hub, make_device
) -> None:
    device = make_device("红星村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    bundle = export_bundle(device, tmp_path / "up.fs").path
    before = hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]

    def revoke_meanwhile(at: str) -> None:
        # The clerk's `hub revoke` in another process, while this bundle is being decoded.
        if at == "validated":
            other = Hub.open(hub.root)
            try:
                other.revoke("红星村", by="县里的科员")
            finally:
                other.close()

    with pytest.raises(BundleRefused) as refused:
        hub.import_file(bundle, step=revoke_meanwhile)
    assert refused.value.code == "revoked", str(refused.value)
    after = hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert after == before
