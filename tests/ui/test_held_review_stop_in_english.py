"""A run of county decisions stopped by one the hub did not take said why as `str(error)`:
the Chinese sentence even in the English window, where the error carries its sentence
(`said`). It is now said as every dialog says an error (`message_for`)."""

from __future__ import annotations

from fieldapp.domain.sentences import said
from fieldapp.services.held_decisions import DecidedRun, decide_in_order
from fieldapp.sync.client import BAD_SIGNATURE
from fieldapp.sync.errors import SyncError
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
