"""A device's report of its held changes (`held_payload`, in the hub's answer) can carry the
reason's sentence (`reason_said`), so the village's list says it in its language — but only to
a device that keeps it (`reads_said`: its bundles state ledger version 45 or later, whose
`sync_rejected` has the column): an older device's reader (`bundle.Report`) refuses a report
with a key it does not know."""

from __future__ import annotations

import dataclasses
import json

import pytest

from fieldapp.domain.sentences import LISTED, said, sentence_json, sentence_or_none, sentence_read
from fieldapp.store import held as held_store
from fieldapp.store.held import REPORT_SAID_MAX, held_payload, reads_said
from fieldapp.sync.bundle import Report
from tests.helpers.held_kinds import held_of_each_kind


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_report_carries_the_sentence_only_when_asked(hub, make_device, tmp_path):
    village = make_device("红星村", "520502101001")
    held_of_each_kind(hub, village, "520502101001", tmp_path)
    found = hub.rejected()
    for held in found:
        plain = held_payload(held, china_time=True)
        assert "reason_said" not in plain
        Report.model_validate(plain)  # what every device reads today
        report = held_payload(held, china_time=True, said=True)
        assert {*report} - {*plain} == {"reason_said"}
        assert sentence_read(report["reason_said"]) == sentence_or_none(held.reason_said)
        assert str(sentence_read(report["reason_said"])) == held.reason
        # A device of this version reads and keeps it; a report without it is written as one
        # was before the key existed (an older device refuses a key it does not know: the key
        # goes only to a device that says it keeps it, `reads_said`).
        assert Report.model_validate(report).reason_said == report["reason_said"]
        assert "reason_said" not in Report.model_validate(plain).model_dump(mode="json")
        older = {**report, "reason_said": None}
        assert "reason_said" not in Report.model_validate(older).model_dump(mode="json")
    first = found[0]
    # What does not read back (a hand edit, a dropped template) is sent as none, as is a
    # sentence too long for a report (cut, it would not read): the device says the text.
    for stored in ("not json", '{"template": "<b>%1</b>", "parts": ["x"]}', None):
        unread = dataclasses.replace(first, reason_said=stored)
        assert held_payload(unread, said=True)["reason_said"] is None
    long = sentence_json(said(LISTED, "长" * REPORT_SAID_MAX, "x"))
    assert (
        held_payload(dataclasses.replace(first, reason_said=long), said=True)["reason_said"] is None
    )


def test_a_device_keeps_it_from_its_migration_on(monkeypatch):
    """Migration 45 gives a device's copy of the reports (`sync_rejected`) the column: from
    that version on a device's bundles say it keeps the sentence; before it, or a version
    that does not read, it is not sent one."""
    from fieldapp.store.migrations import m0045_rejected_reason_said as m0045

    assert held_store.SAID_SINCE == m0045.VERSION == 45
    for version in (None, "", "x", "33", "44", 44, "４５"):
        assert not reads_said(version), version
    for version in ("45", 45, "46", 1000):
        assert reads_said(version), version
    monkeypatch.setattr(held_store, "SAID_SINCE", None)  # (a program before it: none does)
    assert not reads_said("45") and not reads_said(1000)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_reason_cut_short_sends_no_sentence_but_the_hub_keeps_and_lists_it(
    hub, make_device, tmp_path
):
    """A reason longer than a report holds is cut, and its sentence (whose Chinese is the
    whole reason) is not sent; the hub keeps it all the same, for its own listing (`hub held`,
    the county's desktop) says the whole reason, and in English by that sentence."""
    from fieldapp.hub.rejected import as_item

    village = make_device("红星村", "520502101001")
    held_of_each_kind(hub, village, "520502101001", tmp_path)
    first = hub.rejected()[0]
    sentence = said(LISTED, "长" * held_store.REPORT_TEXT_MAX, "x")
    long = dataclasses.replace(first, reason=str(sentence), reason_said=sentence_json(sentence))
    report = held_payload(long, said=True)
    assert report["reason"] != long.reason and report["reason_said"] is None
    listed = as_item(long)
    assert listed["reason"] == str(sentence) and listed["reason_said"] is not None
    assert str(sentence_or_none(json.dumps(listed["reason_said"]))) == str(sentence)
