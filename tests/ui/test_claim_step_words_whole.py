"""The 申领 tab's “变为” list in an English window: it took its width from its first showing,
when no claim was selected and it was empty, and kept it. A submitted claim's next step read
“Village re” — the coordinator could not tell which state the claim would be moved to. The
list is as wide as the step it shows, in either language."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from fieldapp.domain.claims import ClaimState
from fieldapp.services.claims import ClaimService
from fieldapp.ui import policy_access
from tests.ui.subsidies_claim import find_and_claim


def shown_whole(combo) -> bool:
    """Whether the text of `combo`'s current item fits the room its style gives the text."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= room.width()


def test_the_next_step_of_a_claim_is_read_whole_in_english(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    session = page.session
    service = ClaimService(session.ledger, policy_access.policy(session.ledger), session.actor)
    service.advance(claim.id, ClaimState.SUBMITTED, "下周补交")
    session.apply(service.changes)
    demo_window.set_language("en")
    try:
        english = demo_window.show_page("subsidies")
        english.tabs.setCurrentIndex(1)
        qtbot.wait(20)  # the list shown empty first, as a user opens the tab
        english.show_claim(claim.id)
        qtbot.wait(20)
        target = english.target
        words = [target.itemText(i) for i in range(target.count())]
        assert words, "a submitted claim has a next step"
        for i in range(target.count()):
            target.setCurrentIndex(i)
            qtbot.wait(10)
            assert shown_whole(target), (target.currentText(), target.width())
    finally:
        demo_window.set_language("zh_CN")
    assert warnings_shown == []
