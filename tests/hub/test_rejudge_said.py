"""A change the county re-judges (`rejected.rejudge`, `POST /v1/held/rejudge`) that the rules
now hold for another reason is answered with that reason's sentence (`reason_said`) beside its
text: the county desktop said the hub's Chinese in its English window. A hostile hub's
`reason_said` is read as the desktop reads any (`sentence_or_none`): what does not read is
dropped, the text stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.hub import rejected
from fieldapp.sync.client import rejudge_held
from tests.hub.enrolled import _enrolled
from tests.hub.test_hub_clock_vouched import _area, _claim_held_then_vouched

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _moved(hub, device) -> None:  # noqa: ANN001
    """The hub's copy of the claimant's household moved to another village of the township:
    the held claim is placed elsewhere than its person now (`claim_area`)."""
    household = str(device.db.execute("SELECT id FROM households").fetchone()[0])
    elsewhere = _area(device)[:9] + "009"
    with hub.ledger.transaction():
        hub.ledger.update("households", household, {"area_code": elsewhere})


def test_a_rejudged_change_held_for_another_rule_keeps_its_sentence(
    hub,  # noqa: ANN001
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    device, _made, held = _claim_held_then_vouched(hub, make_device, tmp_path)
    _moved(hub, device)
    done = rejected.rejudge(hub, "县人社局")
    assert done.accepted == [] and list(done.refused) == [held.id], done
    said = done.refused_said[held.id]
    assert isinstance(said, Sentence) and str(said) == done.refused[held.id], done


def test_the_county_desktop_is_answered_with_the_sentence(
    server,  # noqa: ANN001
    hub,  # noqa: ANN001
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    device, _made, held = _claim_held_then_vouched(hub, make_device, tmp_path)
    _moved(hub, device)
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    try:
        done = rejudge_held(county, server.url, "李科长")
    finally:
        county.close()
    (refused,) = done["refused"]
    # (the reason the device is told too: not where its person lives now, `unsaid_elsewhere`)
    assert refused["id"] == held.id and refused["reason"].startswith("补贴申领的所属人员不在")
    said = refused["said"]
    assert isinstance(said, Sentence) and str(said) == refused["reason"], refused
