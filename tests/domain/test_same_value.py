"""One rule for "is it the same cell": the spreadsheet update's (does the sheet change the
ledger?) and the kept sheet conflict's (is the ledger's cell still what the import saw?). The
two copies it replaces differed on a blank against the word None, and on a number against its
own text; these say which way is right."""

from __future__ import annotations

import pytest

from fieldapp.domain.values import same_value
from fieldapp.services import sheet_conflicts
from fieldapp.tabular import ledger_update
from fieldapp.tabular.ledger_update import differs


def test_both_rooms_use_the_one_rule():
    assert ledger_update.same_value is same_value
    assert sheet_conflicts.same_value is same_value


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (None, ""),
        ("", None),
        (1, 1.0),
        (2800, 2800.0),
        (True, 1),
        (False, 0),
        ("13800000001", 13800000001),  # a phone the sheet read as a number
        (3000, "3000"),  # the conflict check's copy called these different
        ("2026-12-05", "2026-12-05"),
    ],
)
def test_the_same(old, new):
    assert same_value(old, new) and same_value(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (None, "None"),  # the update's copy called these the same (str(None) == "None")
        ("", "None"),
        (None, 0),
        (None, False),
        ("", 0),
        (1, 2),
        (True, False),
        ("3000", 3001),
        ("张三", "张 三"),
    ],
)
def test_not_the_same(old, new):
    assert not same_value(old, new) and not same_value(new, old)


def test_a_blank_ledger_cell_is_changed_by_a_sheet_saying_none():
    # A note the ledger leaves blank and a sheet (a script's str(None)) says "None": a change
    # the preview shows, not one silently taken as "no change".
    assert differs("notes", None, "None")
    assert not differs("notes", None, "")
