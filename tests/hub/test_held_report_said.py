"""A device's report of its held changes (`held_payload`, in the hub's answer) can carry the
reason's sentence (`reason_said`), so the village's list would say it in its language — but
only to a device that keeps it (`reads_said`): the device's reader (`bundle.Report`) refuses a
report with a key it does not know, and its copy of the reports (`sync_rejected`) has no
column for it yet (a migration not taken: `SAID_SINCE` is None, and nothing is sent)."""

from __future__ import annotations

import dataclasses

import pydantic
import pytest

from fieldapp.domain.sentences import LISTED, said, sentence_json, sentence_or_none, sentence_read
from fieldapp.store import held as held_store
from fieldapp.store.held import REPORT_SAID_MAX, held_payload, reads_said
from fieldapp.sync.bundle import Report
from tests.hub.test_held_in_words import held_of_each_kind


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
        # A device's reader refuses the whole report (and so the answer) for a key it does not
        # know: the key goes only to a device that says it keeps it.
        with pytest.raises(pydantic.ValidationError, match="reason_said"):
            Report.model_validate(report)
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


def test_no_device_keeps_it_until_its_migration(monkeypatch):
    from fieldapp.store import migrations

    latest = max(m.VERSION for m in migrations._modules())
    assert held_store.SAID_SINCE is None
    for version in (None, "", "x", "33", str(latest), str(latest + 100), latest):
        assert not reads_said(version), version
    monkeypatch.setattr(held_store, "SAID_SINCE", latest + 1)
    assert reads_said(str(latest + 1)) and reads_said(latest + 2)
    assert not reads_said(str(latest)) and not reads_said("x") and not reads_said(None)
