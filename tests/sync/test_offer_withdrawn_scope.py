"""What the receiving village keeps of a person offered to it who never came.

The offer sends the person (and what hangs off them) to the device of the household's village,
read-only, as if they lived there (`answers.OFFER`). Taken back or turned down, the person
leaves its scope as a family that moved out does: it keeps them as they stood when it was told,
and hears nothing of them after (`docs/security.md`, 迁出的人)."""

from __future__ import annotations

import pytest

from fieldapp.services import households
from fieldapp.services.writer import actor_of
from tests.sync.test_move_in_offered import _offered, _trip

ACCOUNT = "6222000077776666"


@pytest.mark.parametrize("how", ["withdrawn", "declined"])
def test_an_offer_ended_tells_the_receiver_nothing_of_the_person_after(
    tmp_path, hub, make_device, how: str
):
    village, site, home, second, _there = _offered(tmp_path, hub, make_device)
    assert site.get("persons", second) is not None  # the offer: read-only, as if living there
    if how == "withdrawn":
        households.withdraw_offer(village, actor_of(village), second)
        _trip(hub, village, "红星村", tmp_path, 4)
    else:
        households.decline_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    _trip(hub, site, "幸福安置点", tmp_path, 5)  # told, and confirmed
    assert site.get("persons", second)["moving_to"] is None
    with village.transaction():
        village.update("persons", second, {"phone": "13912345678", "account_number": ACCOUNT})
    _trip(hub, village, "红星村", tmp_path, 6)
    for n in (6, 7):
        _trip(hub, site, "幸福安置点", tmp_path, n)
        row = site.get("persons", second)
        assert row["account_number"] != ACCOUNT and row["phone"] != "13912345678"
    for answer in (hub.plan_answer("幸福安置点"), hub.plan_answer("幸福安置点", afresh=True)):
        assert second not in {c[5] for c in answer.changes}
