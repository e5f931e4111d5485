"""A run of county decisions stopped by one the hub did not take said why as `str(error)`:
the Chinese sentence even in the English window, where the error carries its sentence
(`said`). It is now said as every dialog says an error (`message_for`)."""

from __future__ import annotations

from fieldapp.domain.sentences import said
from fieldapp.services.held_decisions import DecidedRun, decide_in_order
from fieldapp.sync.client import BAD_SIGNATURE
from fieldapp.sync.errors import SyncError
from fieldapp.ui.dialogs.held_review import DecisionDialog
from tests.english import in_english


def _stopped_at_the_second() -> DecidedRun:
    def decide(held_id: int) -> bool:
        if held_id == 2:
            raise SyncError(said(BAD_SIGNATURE))
        return True

    return decide_in_order([1, 2, 3], decide)


ITEMS = [
    {"id": 1, "content": "王0的人员信息", "village": "新寨村"},
    {"id": 2, "content": "王1的人员信息", "village": "新寨村"},
    {"id": 3, "content": "王2的人员信息", "village": "新寨村"},
]


def test_why_a_run_stopped_is_said_in_english_in_the_english_window(window, warnings_shown):
    review = window.show_page("sync").held_review
    run = _stopped_at_the_second()
    with in_english():
        review._decided(run, ITEMS, True)
    shown = warnings_shown[0]  # (then the list again: no hub address in this test)
    assert "签名" not in shown and "中心" not in shown, shown
    assert "signature" in shown.lower(), shown


def test_why_a_run_stopped_is_the_same_sentence_in_chinese(window, warnings_shown):
    review = window.show_page("sync").held_review
    review._decided(_stopped_at_the_second(), ITEMS, True)
    shown = warnings_shown[0]  # (then the list again: no hub address in this test)
    assert shown.startswith("已接受 1 条（新寨村）；第 2 条（王1的人员信息）没有处理："), shown
    assert str(said(BAD_SIGNATURE)) in shown and "其后的 1 条也没有处理，都还在表中" in shown


def test_the_places_of_a_run_are_listed_in_english(window, warnings_shown):
    """The English window listed the villages of the changes decided with the Chinese 、
    (“Accepted 2 (新寨村、大坝村)”), and the question before them put each village's device
    in full-width brackets (“新寨村（新寨村笔记本）: 1”); they are listed with the window's
    separator and brackets, the villages and devices as the hub names them."""
    review = window.show_page("sync").held_review
    items = [
        {**ITEMS[0], "device": "新寨村笔记本", "author": "王会计"},
        {"id": 2, "content": "李1的人员信息", "village": "大坝村", "device": "大坝村笔记本"},
    ]
    with in_english():
        many, one = DecisionDialog(items, True), DecisionDialog(items[0], True)
        for dialog in (many, one):
            dialog.deleteLater()
            assert "（" not in dialog.origin.text(), dialog.origin.text()
        assert "新寨村 (新寨村笔记本)" in many.origin.text(), many.origin.text()
        assert one.origin.text() == "新寨村 新寨村笔记本 (王会计)", one.origin.text()
        review._decided(decide_in_order([1, 2], lambda _held_id: True), items, True)
        shown = review.last_decision
    assert "新寨村, 大坝村" in shown and "、" not in shown, shown
    review._decided(decide_in_order([1, 2], lambda _held_id: True), items, True)
    assert review.last_decision.startswith("已接受 2 条（新寨村、大坝村）"), review.last_decision
