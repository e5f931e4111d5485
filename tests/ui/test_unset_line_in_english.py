"""A monitoring line the county has not set, as a duty flag would say it (a guard:
`tests.policy.test_due_and_duties_said`), in the English window: in words, no figure-shaped
“yuan a month” around an unset line."""

from __future__ import annotations

import pytest

from fieldapp.ui.held_words import sentence_shown
from tests.english import in_english
from tests.policy.test_due_and_duties_said import UNSET_LINES


@pytest.fixture
def english(qapp):
    with in_english():
        yield


def test_an_unset_line_is_said_in_english(english) -> None:
    shown = [sentence_shown(s) for s in UNSET_LINES.values()]
    assert shown == [
        "above the monitoring line (the county has yet to set the line)",
        "above each month’s monitoring line (the county has yet to set the line from "
        "1 January 2027; 650 yuan a month before)",
    ]
