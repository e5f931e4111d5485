"""The hub's answer to a county draft (`policy_admin.publish_drafts`, kept on the draft as its
`status_note`, which the county device reads back) was written as Chinese text: 已签发为 2026.1
（第 1 号）, 只有县级设备能提交县级政策包（提交设备：…）, and a refusal's words — the county
device's English window said “County policy pack … was not published:” and then the hub's
Chinese. The answer is now kept as its sentence (its JSON: template and parts), which the
county's window says in its language; an answer kept before as text is said as it was.
A real hub and real bundles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.dates import china_minute
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.hub import rejected
from fieldapp.hub.folder import Hub
from fieldapp.policy.pack import PackError
from fieldapp.services import policy_admin
from fieldapp.services.policy_admin import (
    adopt_hub_packs,
    draft_answers,
    draft_note,
    publish,
    publish_drafts,
    published,
    submit_draft,
)
from fieldapp.store import policy_packs
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.hub.enrolled import _enrolled
from tests.policy.helpers import COUNTY_PACK
from tests.services.sentence_checks import templates

NEWER = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
TITLE = "七星关区就业帮扶政策（2026年）"
COUNTY = "520502"

#: The templates said here (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    policy_admin.PUBLISHED_AS,
    policy_admin.NOT_COUNTY_DRAFT,
    policy_admin.NOT_COUNTY_DRAFT_UNKNOWN,
    policy_admin.NO_EXTENDS,
}

CJK = re.compile(r"[\u4e00-\u9fff「」（）：，。]")


def _exchange(hub: Hub, device: Any, name: str, tmp_path: Path, n: int) -> None:  # noqa: ANN401
    hub.import_file(export_bundle(device, tmp_path / f"up{n}.fs").path)
    import_bundle(device, hub.export_for(name, tmp_path / f"down{n}.fs").path)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_hubs_answer_to_a_draft_is_said_in_english(hub, tmp_path, qapp):  # noqa: ANN001
    from fieldapp.ui.held_words import sentence_shown

    county = _enrolled(hub, tmp_path, "县人社局", COUNTY, Role.COUNTY, "李科长")
    village = _enrolled(hub, tmp_path, "红星村", "520502001001", Role.COORDINATOR, "王专员")
    try:
        # Published: the county reads back as which edition.
        submit_draft(county, COUNTY_PACK)
        _exchange(hub, county, "县人社局", tmp_path, 1)
        (answer,) = draft_answers(county)
        assert answer["status"] == policy_packs.PUBLISHED
        assert answer["status_note"] == "已签发为 2026.1（第 1 号）"
        done = answer["status_said"]
        assert isinstance(done, Sentence) and done.template == policy_admin.PUBLISHED_AS

        # Refused: 2026.2 published at the hub's command line meanwhile.
        publish(hub.ledger, NEWER, "next.toml")
        when = china_minute(published(hub.ledger)[-1].published_at)
        submit_draft(county, NEWER)
        _exchange(hub, county, "县人社局", tmp_path, 2)
        (refused,) = adopt_hub_packs(county).warnings_said
        assert refused.template == policy_admin.DRAFT_REFUSED
        assert str(refused).startswith(f"县级政策包“{TITLE}”（2026.2 版）未签发："), str(refused)
        reason = refused.parts[2]
        assert isinstance(reason, Sentence), f"the hub's reason as text: {reason!r}"

        # A village's draft (a program that skipped the check), held at the hub and accepted
        # by the county's clerk: the hub's own change then, of no enrolled device.
        with village.transaction():
            village.insert(
                policy_packs.DRAFTS,
                {"text": NEWER, "note": "", "status": policy_packs.PENDING,
                 "status_note": "", "pack_id": "qixingguan", "version": "2026.3"},
            )  # fmt: skip
        hub.import_file(export_bundle(village, tmp_path / "v.fs").path)
        (held,) = [h for h in hub.rejected() if h.change.tbl == policy_packs.DRAFTS]
        rejected.accept(hub, held.id, "县里的科员")
        # And the county's 2026.2 draft as the hub held it unanswered (an import that lost its
        # database as it answered) while 县人社局 was enrolled again as a township's.
        hub.revoke("县人社局", by="县里的科员")
        hub.enroll("县人社局", COUNTY + "001", tmp_path / "again.json", role=Role.TOWNSHIP,
                   code=ENROL_CODE, by="县里的科员")  # fmt: skip
        with hub.ledger.transaction():
            hub.ledger.db.execute(
                "UPDATE policy_drafts SET status = ? WHERE version = '2026.2'",
                [policy_packs.PENDING],
            )
        publish_drafts(hub.ledger)
        notes = {
            d["status_note"]
            for d in policy_packs.drafts(hub.ledger.db, policy_packs.REFUSED)
            if d["version"] in ("2026.2", "2026.3")
        }
        said = [draft_note(n) for n in notes]
        assert {str(s) for s in said} == {
            "只有县级设备能提交县级政策包（提交设备：县人社局）",
            "只有县级设备能提交县级政策包（提交设备：未登记）",
        }
    finally:
        county.close()
        village.close()

    # The hub's command line: a county pack naming no base pack.
    with pytest.raises(PackError) as no_base:
        publish(hub.ledger, COUNTY_PACK.replace('extends = "guizhou-2023"\n', ""), "x.toml")
    assert no_base.value.said is not None
    assert str(no_base.value).endswith("县级政策包必须用 extends 写明所扩展的基础政策包")

    sentences = [done, refused, *[s for s in said if isinstance(s, Sentence)], no_base.value.said]
    met = set().union(*(templates(s) for s in sentences))
    assert met >= SAID_HERE, SAID_HERE - met
    with in_english():
        shown = [sentence_shown(s) for s in sentences]
    assert shown[0] == "Published as 2026.1 (No. 1)"
    for text in shown:
        assert not CJK.search(text.replace(TITLE, "").replace(when, "").replace("县人社局", "")), (
            text
        )


def test_an_answer_kept_as_text_before_is_said_as_it_was() -> None:
    """A draft the hub answered before its answers were sentences: its text, as it is."""
    for kept in ("已签发为 2026.1（第 1 号）", "政策包 county.toml：版本号已发布"):
        assert draft_note(kept) == kept
    assert draft_note("") == "" and draft_note(None) == ""
