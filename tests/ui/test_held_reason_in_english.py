"""县里审核 in an English window said why each change was held in the hub's Chinese (or the
rule's short name): the hub kept the reason as text. It keeps its sentence too now
(`reason_said`, migration 43) and the review says it in English — the program's words in
English, what the device sent as sent. A reason whose sentence does not read (a hand edit at
the hub, a hostile hub's answer) is said as before: the rule's words or the hub's Chinese text,
never anything made of what failed to read, never markup."""

from __future__ import annotations

import re

from fieldapp.hub.server import ServerThread
from fieldapp.store import trails
from tests.english import in_english
from tests.ui.conftest import as_drawn, wait_idle
from tests.ui.county_review import county_desk

#: The 原因 column of the review's table.
REASON = 3
#: Chinese writing (the hub's own words; a place's or person's name is Chinese too).
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _reasons(page, qtbot, hub) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """rule → (the reason cell's text, its tooltip) as the review shows them."""
    review = page.held_review
    with ServerThread(hub.root) as server:
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
    table = review.table
    return {
        str(review.items[r]["rule"]): (
            table.item(r, REASON).text(),
            as_drawn(table.item(r, REASON).toolTip()),  # as the tooltip draws it
        )
        for r in range(table.rowCount())
    }


def test_a_hostile_devices_held_reasons_are_english_in_english(
    window, qtbot, tmp_path, warnings_shown
):

    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    chinese = {h.rule: h.reason for h in hub.rejected()}
    with in_english():
        shown = _reasons(page, qtbot, hub)
    assert set(shown) == set(chinese) and len(shown) >= 4, shown
    for rule, (text, tip) in shown.items():
        assert text != chinese[rule] and tip == chinese[rule], (rule, text)
    # The newer program's value: the sentence in English, the value as the device sent it.
    newer, _ = shown["malformed"]
    assert newer.startswith("The “") and "“邻居”" in newer and "upgrade" in newer.lower(), newer
    assert not CHINESE.search(newer.replace("邻居", "")), newer
    # A new claim's state: the states in English (their Chinese words nowhere).
    state, _ = shown["claim_new_state"]
    assert not CHINESE.search(state), state
    # Outside the device's area: the places as the hub names them, the rest in English.
    for rule in ("pull_in", "county_table"):
        text, _ = shown[rule]
        assert "负责的范围内" not in text and "不在" not in text, text
        assert "outside the area of 大坝村笔记本 (Village/site coordinator · " in text, text
    # The Chinese window says the hub's Chinese, as before.
    again = _reasons(page, qtbot, hub)
    assert {rule: text for rule, (text, _tip) in again.items()} == chinese
    village.close()
    hub.close()


def test_a_held_row_whose_sentence_does_not_read_says_the_hubs_chinese(
    window, qtbot, tmp_path, warnings_shown
):

    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    found = {h.rule: h for h in hub.rejected()}
    with hub.ledger.transaction():
        trails.drop_guards(hub.ledger.db, {"held_changes"})  # a hand edit takes the guard away
        for rule, said in (
            ("malformed", "{not json"),
            ("claim_new_state", '{"template": "<b>%1</b>", "parts": ["<i>x</i>"]}'),
        ):
            hub.ledger.db.execute(
                "UPDATE held_changes SET reason_said = ? WHERE id = ?", [said, found[rule].id]
            )
        # A row made by hand under a rule this program has no words for.
        hub.ledger.db.execute(
            "UPDATE held_changes SET rule = 'made_up', reason_said = '[1, 2' WHERE id = ?",
            [found["pull_in"].id],
        )
    with in_english():
        shown = _reasons(page, qtbot, hub)
    assert shown["made_up"][0] == found["pull_in"].reason  # the hub's Chinese text
    # Where the program has the rule's words, those (as for a change held before migration
    # 43), the hub's Chinese in the cell's detail.
    assert shown["malformed"][0] == "Invalid value", shown
    for rule in ("malformed", "claim_new_state"):
        text, tip = shown[rule]
        assert tip == found[rule].reason, (rule, tip)  # the hub's Chinese, in its detail
        assert "<" not in text and "x" not in text.lower().replace("exchange", ""), text
    # The good one beside them is still said in English.
    area, _ = shown["county_table"]
    assert area.startswith("The new area “新寨村”") and "is outside the area of" in area, area
    village.close()
    hub.close()


def test_a_hostile_hubs_sentence_is_never_said_nor_marked_up(qapp):
    """What a hub (or someone answering in its place) sends as `reason_said` is read only as a
    sentence this program made; else its Chinese text, as the hub wrote it."""
    from fieldapp.domain.sentences import LISTED
    from fieldapp.ui.dialogs.held_review import DecisionDialog, held_reason_shown

    item = {"rule": "made_up", "reason": "中心写的原因", "content": "<b>张三</b>", "values": {}}
    for hostile in (
        {"template": "<img src=x>%1", "parts": ["a"]},
        {"template": LISTED, "parts": [{"word": ["x"], "common": False}, "b"]},
        {"template": LISTED, "parts": [{"__class__": "os.system"}, "b"]},
        ["a", "b"],
        "{",
        12,
    ):
        assert held_reason_shown({**item, "reason_said": hostile}) == "中心写的原因", hostile
    # A sentence this program made, its part markup as sent: said as plain text.
    said = {"template": LISTED, "parts": ["<b>粗体</b>", "b"]}
    item = {**item, "reason": "<b>粗体</b>、b"}  # (its Chinese is the hub's reason)
    assert held_reason_shown({**item, "reason_said": said}) == "<b>粗体</b>、b"
    dialog = DecisionDialog({**item, "reason_said": said}, accept=False)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    labels = [w for w in dialog.findChildren(QLabel) if "<b>" in w.text()]
    assert len(labels) == 2, [w.text() for w in dialog.findChildren(QLabel)]
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_a_forged_sentence_that_reads_is_not_shown_for_the_hubs_reason(qapp):
    """A sentence this program made, sent beside a reason whose words it does not say (a hand
    edit at the hub, a hostile answer): the county desk shows the hub's reason, never the
    forged words — in Chinese or English, in the table and the decision's dialog — the check
    a device makes on the hub's reports (`sentences.saying`)."""
    from PySide6.QtWidgets import QLabel

    from fieldapp.domain.sentences import Word, said, sentence_data
    from fieldapp.services import trust_check as t
    from fieldapp.ui.dialogs.held_review import DecisionDialog, held_reason_shown

    true = said(t.WAITS_ON_HELD, Word("月度状态"), said(t.PERSON_INFO, "欧阳兰"),
                said(t.HOUSEHOLD_INFO, "欧阳兰"), said(t.IT_WAITS))  # fmt: skip
    forged = said(t.WAITS_ON_HELD, Word("月度状态"), said(t.PERSON_INFO, "王五"),
                  said(t.HOUSEHOLD_INFO, "王五"), said(t.IT_WAITS))  # fmt: skip
    item = {"rule": "made_up", "reason": str(true), "content": "欧阳兰", "values": {}}
    assert str(forged) != str(true) and "王五" in str(forged)
    real = {**item, "reason_said": sentence_data(true)}
    fake = {**item, "reason_said": sentence_data(forged)}
    assert held_reason_shown(fake) == str(true)
    assert held_reason_shown(real) == str(true)
    with in_english():
        english = held_reason_shown(real)
        assert english.startswith("This “Monthly status” waits with"), english
        assert "欧阳兰" in english and "王五" not in english, english
        # The forged one: the hub's Chinese reason (the made-up rule has no words), not the
        # forged sentence said in English.
        assert held_reason_shown(fake) == str(true)
        for dialog in (DecisionDialog(fake, accept=False), DecisionDialog([fake, fake], True)):
            texts = [w.text() for w in dialog.findChildren(QLabel)]
            assert not [x for x in texts if "王五" in x], texts
            assert [x for x in texts if x == str(true)], texts


def test_a_row_waiting_on_a_held_one_is_said_in_english(qapp):
    """The reason of a row held because the person or household it belongs to is held
    (`trust_check._waiting_on_held`) had no sentence: the English window said the hub's Chinese.
    It is said in English now, the names as they are."""
    from fieldapp.domain.sentences import Word, said
    from fieldapp.services import trust_check as t
    from fieldapp.ui import held_words

    family = said(t.HOUSEHOLD_INFO, "欧阳兰")
    why = said(t.WHOSE_CAUSE, family, said(t.HOUSEHOLD_AT, "小河村五组 3 号"))
    waits = said(t.WAITS_ON_HELD, Word("月度状态"), said(t.PERSON_INFO, "欧阳兰"), family, why)
    own = said(t.WAITS_ON_HELD, Word("人员信息"), family, family, said(t.IT_WAITS))
    above = said(t.WAITS_ON_HELD, Word("月度状态"), said(t.PERSON_INFO, "欧阳兰"), family,
                 said(t.WHO_WAITS, family))  # fmt: skip
    with in_english():
        shown = held_words.reason_shown("no_place", str(waits), waits)
        assert shown.startswith("This “Monthly status” waits with the person record of 欧阳兰"), (
            shown
        )
        assert "Why the household record of 欧阳兰's family was not accepted: " in shown, shown
        assert "the household record at 小河村五组 3 号" in shown, shown
        left = shown.replace("欧阳兰", "").replace("小河村五组 3 号", "")
        assert not CHINESE.search(left), shown
        other = held_words.reason_shown("no_place", str(own), own)
        assert other.endswith("That one is itself waiting for the county's review"), other
        assert not CHINESE.search(other.replace("欧阳兰", "")), other
        last = held_words.reason_shown("no_place", str(above), above)
        assert last.endswith("the household record of 欧阳兰's family is itself waiting for "
                             "the county's review"), last  # fmt: skip
    assert held_words.reason_shown("no_place", str(waits), waits) == str(waits)
