"""An export, a PDF or a print the ledger could not log, and demo people refused into a real
ledger, were said in Chinese in the English window (`ui.errors.message_for`): Chinese f-strings.
Each is said in English there, nothing Chinese left but the file's own name, and the Chinese
window says what it always said (`tests.services.test_not_logged_said` makes each)."""

from __future__ import annotations

import pytest

from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.services.test_not_logged_said import SCENARIOS, demo_refused, refusal
from tests.ui.in_english import CHINESE, _stored


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_file_not_logged_is_said_in_english(qapp, name, tmp_path):
    refused = refusal(name, tmp_path)
    assert message_for(refused) == str(refused)
    with in_english():
        shown = message_for(refused)
    assert refused.said is not None
    left = shown
    for part in sorted(_stored(refused.said), key=len, reverse=True):
        left = left.replace(part, "")
    assert not CHINESE.search(left), shown


def test_an_export_on_a_full_disk_word_for_word(qapp, tmp_path):
    refused = refusal("export_full", tmp_path)
    with in_english():
        shown = message_for(refused)
    out = tmp_path / "export_full" / "导出.xlsx"
    assert shown == (
        f"“{out}” was not kept: the file was written, but the ledger cannot log this export "
        "(the ledger's disk is full, or the USB stick holding the ledger was pulled out), and "
        "every export must be in the export log, so the file was deleted. The ledger is "
        "unchanged. Please free some space on the ledger's disk (or plug the USB stick back "
        "in), then export again"
    )


def test_demo_people_refused_in_english(qapp, tmp_path):
    refused = demo_refused(tmp_path)
    with in_english():
        shown = message_for(refused)
    assert shown.startswith("This is a real ledger: demo data cannot go into it."), shown
