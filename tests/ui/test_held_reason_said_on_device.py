"""The sync page's line for a change the county held said the hub's reason in Chinese in the
English window (the device kept only the text). The hub's answer now carries the reason's
sentence and the device keeps it (migration 45): the English line says it in English; the
Chinese line says what it said; a kept sentence that does not read as this program's (a hand
edit, a hostile hub's) is not said — the rule's words or the Chinese text are."""

from __future__ import annotations

import json

from fieldapp.domain.sentences import sentence_read
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.ui.held_words import rule_word, sentence_shown
from tests.english import in_english
from tests.sync.hostile import forge
from tests.ui.held_on_device import ELSEWHERE, held_alone
from tests.ui.in_english import CHINESE


def _away(ledger: Ledger) -> str:
    away = natural_id("households", "away", "said")
    forge(ledger, "households", away, {"area_code": ELSEWHERE, "address": "小河村五组 3 号"})
    return away


def test_the_english_window_says_the_hubs_reason_in_english(
    window, qtbot, tmp_path, warnings_shown
):
    page, row = held_alone(window, qtbot, tmp_path, warnings_shown, _away)
    item = page.held.items[row]
    reason = str(item["reason"])
    sentence = sentence_read(item["reason_said"])
    assert str(sentence) == reason
    chinese = page.held.list.item(row).text()
    assert f"原因：{reason}；" in chinese, chinese  # the Chinese window: as it said

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        shown = sentence_shown(sentence)
        # Names (the device's, the places') as they are; every word of the program's in English.
        assert shown.startswith("The “Area” of “Household” points to a village in "), shown
        left = shown.replace("七星关区市西街道", "").replace("大坝村笔记本", "")
        assert not CHINESE.search(left), shown
        assert shown[:1].upper() + shown[1:] in english, english
        assert reason not in english, english

        # A hand edit (or a hostile hub's answer kept by an older program) of the kept sentence:
        # a template this program did not make is never said; the rule's words or the text are.
        ledger = window.session.ledger
        forged = {"template": "<b>%1</b>", "parts": ["县里已同意"]}
        with ledger.transaction():
            ledger.db.execute("UPDATE sync_rejected SET reason_said = ?", [json.dumps(forged)])
        page.held.refresh()
        english = page.held.list.item(row).text()
        assert "县里已同意" not in english and "<b>" not in english, english
        assert (rule_word(str(item["rule"])) or reason) in english, english

        # An older hub's report (no sentence): the same.
        with ledger.transaction():
            ledger.db.execute("UPDATE sync_rejected SET reason_said = NULL")
        page.held.refresh()
        assert (rule_word(str(item["rule"])) or reason) in page.held.list.item(row).text()
        assert all(r["reason_said"] is None for r in RejectedReports(ledger.db).list())
