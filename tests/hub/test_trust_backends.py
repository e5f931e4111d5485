"""The hub's trust rules on both stores: refused changes are held (not logged, counted as
received), reported to the sender and decided by the county, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

from fieldapp.cli.main import main as cli
from fieldapp.store.held import received_vector
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import foreign, forge, send

OTHER = "520502202001"


def test_held_changes_on_both_backends(tmp_path, hub, make_device, capsys):
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    for device in (village, other):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    heads = hub.ledger.heads("persons", theirs)
    across = forge(village, "persons", theirs, {"phone": "13000000000"},
                   parents={"phone": heads["phone"]})  # fmt: skip
    paid = forge(village, "claims", natural_id("claims", "x", mine), {
        "person_id": mine, "rule_id": "r1", "state": "已发放", "amount": 50000.0})  # fmt: skip
    fine = village.update("persons", mine, {"notes": "正常修改"})
    as_hub = foreign(hub.ledger.device_id, 900, "persons", mine, {"phone": "1"})
    result = hub.import_file(send(village, tmp_path / "attack.fs", [as_hub]).path)
    assert (result.held, result.new_changes) == (3, 1)
    assert hub.ledger.get("persons", mine)["notes"] == "正常修改"
    rules = {h.change_id: h.rule for h in hub.rejected()}
    assert rules == {across.id: "scope", paid.id: "claim_new_state", as_hub.id: "hub_id"}
    # Held under its own id counts as received; one forged under another's id counts for nobody.
    vector = received_vector(hub.ledger.db)
    assert vector[village.device_id] == max(fine.seq, paid.seq)
    assert vector.get(hub.ledger.device_id, 0) < 900
    import_bundle(village, hub.export_for("红星村", tmp_path / "answer.fs").path)
    village.update("persons", mine, {"phone": "13911112222"})
    hub.import_file(export_bundle(village, tmp_path / "later.fs").path)  # no gap, no re-send
    assert hub.ledger.get("persons", mine)["phone"] == "13911112222"
    held_id = next(h.id for h in hub.rejected() if h.change_id == across.id)
    root = str(hub.root)
    hub.close()
    assert cli(["hub", "rejected", "--dir", root, "--accept", str(held_id)]) == 0
    capsys.readouterr()
    assert cli(["hub", "rejected", "--dir", root, "--json"]) == 0
    listed = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert listed[held_id]["status"] == "accepted" and listed[held_id]["decided_by"]
    assert cli(["hub", "devices", "--dir", root, "--json"]) == 0
    devices = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert devices["红星村"]["refused"] == 2 and devices["红星村"]["role"] == "coordinator"
