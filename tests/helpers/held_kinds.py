"""A village device's held change of each kind (a person's, a household's, an area's, a
claim's) at the hub, and the check that a line saying one shows no code nor id."""

from __future__ import annotations

import re

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family
from tests.sync.hostile import forge

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-", re.IGNORECASE)
#: A village of 梨树镇 (七星关区) neither the hub nor the division table lists.
NEW_VILLAGE = "520502101009"


def held_of_each_kind(hub: Hub, village: Ledger, area: str, tmp_path) -> list[str]:
    """A person's, a household's, an area's and a claim's change of `village` (of `area`), held
    by `hub`; the ids and codes no line may show."""
    household, (person,) = add_family(village, area, ["101"])
    forge(village, "persons", person, {"relation": "邻居"},
          parents={"relation": village.heads("persons", person)["relation"]})  # fmt: skip
    away = natural_id("households", "away", person)
    elsewhere = area[:9] + "002"
    forge(village, "households", away, {"area_code": elsewhere, "address": "小河村五组 3 号"})
    forge(village, "areas", NEW_VILLAGE, {"code": NEW_VILLAGE, "kind": "村", "name": "新寨村",
                                         "parent_code": NEW_VILLAGE[:9]})  # fmt: skip
    claim = natural_id("claims", "paid", person)
    forge(village, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                     "amount": 50000.0})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    assert {h.change.tbl for h in hub.rejected()} >= {"persons", "households", "areas", "claims"}
    return [household, person, away, claim, elsewhere, NEW_VILLAGE, NEW_VILLAGE[:9]]


def no_codes_nor_ids(text: str, unsaid: list[str]) -> None:
    """A line of the county's list: no “=”, no 区划代码 or 层级, no area code, no id."""
    assert "=" not in text and not UUID.search(text), text
    assert "区划代码" not in text and "层级" not in text and "r1" not in text, text
    assert not re.search(r"\d{6,}", text), text
    assert not [each for each in unsaid if each in text], text
