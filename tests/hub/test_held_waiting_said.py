"""A row held only because the person or household it belongs to is held says so in a
sentence (`trust_check._waiting_on_held`): its reason had been plain text, so the hub kept no
`reason_said` for it and the county's English window showed the Chinese (or the rule's short
name). The sentence names the rows as a clerk knows them and carries the held one's own reason
as its sentence — from the same bundle, or from one the hub holds already."""

from __future__ import annotations

import pytest

from fieldapp.domain import places_said
from fieldapp.domain.sentences import Sentence, Word, sentence_or_none
from fieldapp.hub.folder import Hub
from fieldapp.services import trust_check
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle
from tests.conftest import make_id
from tests.sync.hostile import forge

#: The templates of such a reason (`test_every_template_is_met_by_a_scenario`): the hub's
#: own said below; each, the waits the store never holds without a reason too, said in
#: English by `tests.ui.test_held_reason_in_english`.
SAID_HERE = frozenset(
    {
        trust_check.WAITS_ON_HELD,
        trust_check.ITS_CAUSE,
        trust_check.IT_WAITS,
        trust_check.WHOSE_CAUSE,
        trust_check.WHO_WAITS,
        trust_check.PERSON_INFO,
        trust_check.HOUSEHOLD_INFO,
        trust_check.HOUSEHOLD_AT,
    }
)
AREA = "520502101001"
ELSEWHERE = AREA[:9] + "002"


def _said(hub: Hub, table: str) -> list[tuple[str, Sentence | None]]:
    return [
        (h.reason, sentence_or_none(h.reason_said)) for h in hub.rejected() if h.change.tbl == table
    ]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_row_waiting_on_a_held_one_keeps_its_reason_as_a_sentence(hub, make_device, tmp_path):
    village = make_device("红星村", AREA)
    household = natural_id("households", "elsewhere", "1")
    person = natural_id("persons", "elsewhere", "1")
    forge(village, "households", household, {"area_code": ELSEWHERE, "address": "小河村五组 3 号"})
    forge(village, "persons", person, {"household_id": household, "name": "欧阳兰",
                                       "relation": "户主", "id_number": make_id(seq="771")})  # fmt: skip
    monthly = natural_id("monthly_status", person, "2026-11")
    forge(village, "monthly_status", monthly, {"person_id": person, "month": "2026-11",
                                               "status": "已就业", "income": 2900})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)

    ((household_reason, household_said),) = _said(hub, "households")
    assert household_said is not None and str(household_said) == household_reason
    # A place the tables name only above it is the program's words around a name (a village in
    # 七星关区梨树镇, in the English window), in the place the rule names and in the device's own
    # description: it had been one Chinese text inside the English sentence.
    village_in = Sentence(places_said._BELOW[12], ("七星关区梨树镇",))
    assert household_reason.startswith("户信息的所在区域指向七星关区梨树镇的一个村，不在红星村"), (
        household_reason
    )
    _label, _field, where, device = household_said.parts
    assert where == village_in
    assert isinstance(device, Sentence) and device.parts[2] == village_in
    ((reason, said),) = _said(hub, "monthly_status")
    assert isinstance(said, Sentence), reason
    assert str(said) == reason  # byte for byte the Chinese the county read before
    assert reason.startswith("月度状态跟着欧阳兰的人员信息等县里审核"), reason
    assert said.template == trust_check.WAITS_ON_HELD
    table, parent, root, why = said.parts
    assert table == Word("月度状态")
    assert parent == Sentence(trust_check.PERSON_INFO, ("欧阳兰",))
    assert root == Sentence(trust_check.HOUSEHOLD_INFO, ("欧阳兰",))
    # The household's own reason, as its sentence (said in the window's language), not text.
    assert isinstance(why, Sentence) and why.template == trust_check.WHOSE_CAUSE
    assert why.parts == (root, household_said)
    ((person_reason, person_said),) = _said(hub, "persons")
    assert person_said is not None and str(person_said) == person_reason
    assert person_said.parts[3] == Sentence(trust_check.ITS_CAUSE, (household_said,))

    # A later bundle's record of her: what it waits on is held from the first bundle (read
    # from the hub's store, with its sentence).
    later = natural_id("monthly_status", person, "2026-12")
    forge(village, "monthly_status", later, {"person_id": person, "month": "2026-12",
                                             "status": "已就业", "income": 3100})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "up2.fieldsync").path)
    # The person is held only because her household is (her stored reason says so): the
    # county decides the household first, for its own reason — as for the first bundle's
    # record, not "decide her first" around her whole sentence.
    second = [sentence_or_none(h.reason_said) for h in hub.rejected() if h.change.row_id == later]
    assert len(second) == 1 and isinstance(second[0], Sentence), second
    assert second[0] == said, second[0]
    assert second[0].parts[1] == parent and second[0].parts[2] == root
    assert second[0].parts[3] == Sentence(trust_check.WHOSE_CAUSE, (root, household_said))
    assert "县里先处理欧阳兰家的户信息" in str(second[0]), str(second[0])
    assert person_reason not in str(second[0])
