"""A held change's reason may quote an older hub's reason that named an area by its code
(它没有被接受的原因：户信息的所在区域 520502001001003 …: the hub builds a waiting row's reason
around the text it kept for the row it waits on). The device named the area in the Chinese
line (区域 <code> → the place as this ledger knows it) but not in the sentence the English
window says: the two said different places. The sentence's parts are named the same way."""

from __future__ import annotations

import json

from fieldapp.domain.models import Area
from fieldapp.domain.sentences import Sentence, sentence_json
from fieldapp.services.trust_check import WHOSE_CAUSE
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync import rejected
from tests.english import in_english
from tests.records import Records
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE
from tests.ui.held_on_device import ELSEWHERE, held_alone

GROUP = VILLAGE + "003"
OLD_REASON = f"户信息的所在区域 {GROUP} 不在本设备负责的范围内"


def _away(ledger: Ledger) -> str:
    with ledger.transaction():
        Records(ledger).ensure_area(Area(code=GROUP, name="三组", kind="组", parent_code=VILLAGE))
    away = natural_id("households", "away", "parts")
    forge(ledger, "households", away, {"area_code": ELSEWHERE, "address": "小河村五组 3 号"})
    return away


def test_the_english_and_chinese_lines_name_the_same_place(window, qtbot, tmp_path, warnings_shown):
    page, row = held_alone(window, qtbot, tmp_path, warnings_shown, _away)
    ledger = window.session.ledger
    (report,) = [
        r
        for r in RejectedReports(ledger.db).list()
        if r["row_id"] == page.held.items[row]["row_id"]
    ]
    sentence = Sentence(WHOSE_CAUSE, ("小河村五组 3 号的户信息", OLD_REASON))
    with ledger.transaction():
        RejectedReports(ledger.db).record(
            [
                {
                    **report,
                    "id": report["hub_id"],
                    "reason": str(sentence),
                    "reason_said": sentence_json(sentence),
                }
            ]  # fmt: skip
        )
    page.held.refresh()
    item = page.held.items[row]
    place = str(item["reason_shown"]).removeprefix(
        "小河村五组 3 号的户信息没有被接受的原因：户信息的所在"
    )
    place = place.removesuffix(" 不在本设备负责的范围内")
    assert "三组" in place and GROUP not in place, item["reason_shown"]
    # Scripts still read the hub's sentence as it came (`reason_said` says `reason`).
    assert GROUP in json.dumps(item["reason_said"], ensure_ascii=False)
    chinese = page.held.list.item(row).text()
    assert place in chinese and GROUP not in chinese, chinese

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        assert "Why " in english and place in english and GROUP not in english, english
        # The command line's (Chinese) line says it too.
        assert GROUP not in rejected.describe(item) and place in rejected.describe(item)
