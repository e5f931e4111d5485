"""The 迁户 dialog in an English window: its reasons (Split off a new household, Households
merged, Moved by marriage, Other) took the row's width and left the line for the user's own
reason a box of “…” 20 px wide — what a coordinator typed for “Other” could not be read. The
line keeps room for at least its prompt, in either language, as the delete dialog's does."""

from __future__ import annotations

from contextlib import nullcontext

import pytest

from fieldapp.domain.models import Person
from tests.english import in_english
from tests.records import Records


@pytest.mark.parametrize("english", [False, True])
def test_the_line_for_ones_own_reason_can_be_read(window, qtbot, english):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog, MoveDialog

    person = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    with in_english() if english else nullcontext():
        for kind in (MoveDialog, DeleteDialog):
            dialog = kind(window.session, person, window)
            dialog.open()
            qtbot.wait(20)
            words = dialog.words
            prompt = words.fontMetrics().horizontalAdvance(words.placeholderText())
            assert words.width() >= prompt, (kind.__name__, words.width(), prompt)
            dialog.discard()
            dialog.deleteLater()
