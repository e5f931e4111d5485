"""A row that leaves a device's area with no change of its own (or of what it points at)
saying so still stops reaching that device.

`answers.departures` explains a departure by a change of where the row belongs (a person's
household, a household's area …), and left out the rows no such change explains. The hub then
sent such a row's every change to the device it had left — fail-open. One way there: the area
tree. The county hung a group under the wrong village (红星村, by `parent_code`, though its code
is 青山村's); 青山村 entered a family in it, which 红星村's laptop then held through the tree;
the county put the group under 青山村. The family left 红星村 without one change of its own,
and 青山村's next change to it (a new phone) went to 红星村 with the answer telling 红星村 the
family had left. A row whose leaving nothing explains now gets no change past what the device
confirmed: it is told it left, and nothing newer reaches it.
"""

from __future__ import annotations

from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ids import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family

NEIGHBOUR = "520502101002"  # 青山村, in the same township as 红星村 (VILLAGE)
GROUP = NEIGHBOUR + "901"  # a group of 青山村 by its code


def test_a_family_moved_by_the_area_tree_gets_no_later_change_to_the_old_village(
    tmp_path: Path, hub: Hub, make_device
) -> None:
    red = make_device("红星村", VILLAGE)
    green = make_device("青山村", NEIGHBOUR)
    n = iter(range(100))

    def exchange(device, name: str) -> None:  # noqa: ANN001 - a device ledger
        hub.import_file(export_bundle(device, tmp_path / f"{next(n)}.fs").path)
        import_bundle(device, hub.export_for(name, tmp_path / f"{next(n)}.fs").path)

    area_id = natural_id("areas", GROUP)
    with hub.ledger.transaction():  # the county's mistake: 青山村's group under 红星村
        hub.ledger.insert(
            "areas", {"code": GROUP, "name": "三组", "kind": "组", "parent_code": VILLAGE}, area_id
        )
    exchange(green, "青山村")
    household, (person,) = add_family(green, GROUP, ["105"], surname="李", kind="组")
    exchange(green, "青山村")
    exchange(red, "红星村")
    assert red.get("persons", person) is not None  # 红星村 holds the family through the tree
    exchange(red, "红星村")  # and confirmed the answer that brought it

    with hub.ledger.transaction():  # the county puts the group right
        hub.ledger.update("areas", area_id, {"parent_code": NEIGHBOUR})
    green.update("persons", person, {"phone": "13911112222"})  # 青山村's own, after the move
    exchange(green, "青山村")
    assert hub.ledger.get("persons", person)["phone"] == "13911112222"

    plan = hub.plan_answer("红星村")
    assert {household, person} <= {r for r, s in plan.away.items() if s is None}
    leaked = [c for c in plan.changes if c[5] == person and "13911112222" in str(c)]
    assert leaked == []
    exchange(red, "红星村")
    assert red.get("persons", person)["phone"] != "13911112222"
    # 青山村 itself has it, of course.
    assert green.get("persons", person)["phone"] == "13911112222"
