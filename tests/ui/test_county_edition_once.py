"""县级政策编辑: an edition with nothing changed passed 检查 and was submitted (a new version
of the same policy for the hub to sign and every device to adopt), and 提交 pressed twice
queued two 待签发 drafts of one version — the hub signed the first and 退回 the second, which
the county then read as refused. Nothing changed is refused with words; the same draft is
submitted once, and a second edition waits until the hub has answered the first."""

from __future__ import annotations

from fieldapp.services.policy_admin import PolicyRefused, draft_answers, submit_draft
from tests.ui import county_editor
from tests.ui.county_editor import _editor

county_hub = county_editor.county_hub


def test_nothing_changed_is_not_an_edition(county_hub, window, qtbot) -> None:
    dialog = _editor(window, qtbot)
    assert not dialog.check()
    assert "没有改动" in dialog.error.text(), dialog.error.text()
    assert not dialog.submit()
    assert draft_answers(window.session.ledger) == []
    dialog.extra_holidays.setPlainText("2027-03-01")
    assert dialog.check(), dialog.error.text()


def test_the_same_edition_is_submitted_once(county_hub, window, qtbot) -> None:
    dialog = _editor(window, qtbot)
    dialog.extra_holidays.setPlainText("2027-03-01")
    assert dialog.submit(), dialog.error.text()
    assert not dialog.submit()
    assert "已提交" in dialog.error.text() and "等待" in dialog.error.text(), dialog.error.text()
    assert len(draft_answers(window.session.ledger)) == 1
    # Another edition before the hub answered: the same version, which the hub would 退回.
    other = _editor(window, qtbot)
    other.extra_holidays.setPlainText("2027-03-02")
    assert not other.submit()
    assert "等待" in other.error.text(), other.error.text()
    assert len(draft_answers(window.session.ledger)) == 1
    # The service refuses it too (the command line's way in).
    try:
        submit_draft(window.session.ledger, dialog.text)
    except PolicyRefused:
        pass
    else:
        raise AssertionError("a second draft of one version was queued")
    assert len(draft_answers(window.session.ledger)) == 1
