"""The county finds a person entered twice by the ID number two live persons share (`hub
violations`, `replica.duplicate_id_numbers`), and a one-time subsidy is limited per person row:
a second row for one person claims it again. The value check let a text field through as
given once the model read it, but the model reads an ID number written with spaces, hyphens,
full-width digits or a small x as the number itself: a tampered 红星村 program added 张0 again
under `520502 19900101 123X`-style spellings, they landed as written, and the county's list of
people entered twice never showed them. Now a text the model reads as another text (an ID
number not as the program writes it, a name with spaces in it) is held as malformed at the hub
and refused at the write door; the bundle's honest change lands."""

from __future__ import annotations

import pytest

from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import natural_id
from tests.sync.hostile import forge

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _spellings(number: str) -> list[str]:
    return [
        f"{number[:6]} {number[6:14]} {number[14:]}",
        f"{number[:6]}-{number[6:]}",
        number.translate(FULL_WIDTH),
        number[:17] + number[17].lower() if number[17] == "X" else " " + number,
    ]


def test_a_person_entered_again_under_another_spelling_of_the_id_is_held(county, hub):  # noqa: F811
    village, mine = county["village"], county["mine"]
    person = village.get("persons", mine)
    number = person["id_number"]
    forged = [
        forge(
            village,
            "persons",
            natural_id("persons", "again", spelled),
            {
                "household_id": person["household_id"],
                "name": person["name"],
                "id_number": spelled,
                "relation": "其他",
            },
        )  # fmt: skip
        for spelled in _spellings(number)
    ]
    village.update("persons", mine, {"notes": "本人已核实"})
    county["exchange"](village, "红星村")
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"malformed"}, held
    assert all(hub.ledger.get("persons", c.row_id) is None for c in forged)
    assert hub.ledger.get("persons", mine)["notes"] == "本人已核实"


def test_the_write_door_refuses_an_id_or_name_not_as_the_program_writes_it(county):  # noqa: F811
    village, mine = county["village"], county["mine"]
    number = village.get("persons", mine)["id_number"]
    for data in [{"id_number": s} for s in _spellings(number)] + [{"name": "张 0"}]:
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update_row("persons", mine, data)
        assert refused.value.rule == "malformed", str(refused.value)
    with writing(village, actor_of(village)) as w:  # as the program writes it
        w.update_row("persons", mine, {"id_number": number, "name": "张0"})
