"""The hub's refusals to publish a county pack — an edition already published, one older than
the newest published, a ledger that is not the hub's — and a device's refusal to submit one
named the pack by its program id (政策包 qixingguan 的版本 2026.1 …) in Chinese only. They
are sentences now: the pack by its title and edition as the county wrote them, said in the
English window in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.policy import pack
from fieldapp.services import policy_admin
from fieldapp.services.policy_admin import PolicyRefused, publish, submit_draft
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.english import in_english, said_in_english
from tests.policy.helpers import COUNTY_PACK

TITLE = "七星关区就业帮扶政策（2026年）"
NEWER = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
OLDER = COUNTY_PACK.replace('version = "2026.1"', 'version = "2025.7"')
THIRD = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.3"')
THIRD_OTHER = THIRD.replace("welfare_post_income_line = 650", "welfare_post_income_line = 660")

#: The templates said here (counted met by
#: `test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    policy_admin.HUB_ONLY,
    policy_admin.PUBLISHED_BEFORE,
    policy_admin.NEWER_PUBLISHED,
    policy_admin.SUBMIT_COUNTY_ONLY,
    policy_admin.SUBMIT_UNENROLLED,
    policy_admin.NEEDS_PROGRAM_TO_SIGN,
    policy_admin.SUBMITTED_ALREADY,
    policy_admin.SUBMITTED_WAITING,
    pack.PACK_NAMED,
}


def _refused(call, *args) -> PolicyRefused:  # noqa: ANN001 - the call refused
    with pytest.raises(PolicyRefused) as refused:
        call(*args)
    return refused.value


def refusals(folder: Path) -> dict[str, PolicyRefused]:
    """Each refusal, made for real: a hub that published 2026.1 and 2026.2, a village laptop
    enrolled with it, a ledger enrolled nowhere, the county's device with 2026.3 submitted and
    not yet answered."""
    hub = Hub.init(folder / "hub")
    try:
        publish(hub.ledger, COUNTY_PACK, "county.toml")
        publish(hub.ledger, NEWER, "next.toml")
        hub.enroll("红星村", "520502001001", folder / "v.enrol", code=ENROL_CODE, by="县里的科员")
        hub.enroll(
            "区人社局", "520502", folder / "c.enrol", Role.COUNTY, code=ENROL_CODE, by="县里的科员"
        )
        village = Ledger.open(folder / "village.db")
        plain = Ledger.open(folder / "plain.db")
        county = Ledger.open(folder / "county.db")
        try:
            enrol(village, folder / "v.enrol", code=ENROL_CODE)
            enrol(county, folder / "c.enrol", code=ENROL_CODE)
            submit_draft(county, THIRD)
            return {
                "again": _refused(publish, hub.ledger, NEWER, "again.toml"),
                "older": _refused(publish, hub.ledger, OLDER, "older.toml"),
                "not the hub": _refused(publish, village, NEWER, "next.toml"),
                "village submits": _refused(submit_draft, village, NEWER),
                "unenrolled submits": _refused(submit_draft, plain, NEWER),
                "submitted again": _refused(submit_draft, county, THIRD),
                "another while waiting": _refused(submit_draft, county, THIRD_OTHER),
            }
        finally:
            village.close()
            plain.close()
            county.close()
    finally:
        hub.close()


def test_the_pack_is_named_by_its_title_and_edition(tmp_path: Path) -> None:
    said = {name: str(refused) for name, refused in refusals(tmp_path).items()}
    assert re.fullmatch(
        rf"政策包“{re.escape(TITLE)}”的 2026\.2 版已于 \d{{4}}-\d\d-\d\d \d\d:\d\d 发布，"
        "请改用新的版本号",
        said["again"],
    ), said["again"]
    assert said["older"] == (
        f"已发布政策包“{TITLE}”的 2026.2 版，比 2025.7 版新；要恢复旧版的内容，请用新的版本号发布"
    )
    assert not any("qixingguan" in text for text in said.values()), said
    # As before
    assert said["not the hub"] == "只有县级汇总中心能发布政策包"
    assert said["village submits"] == (
        "本机为村/安置点设备：只有县级设备能把县级政策包提交汇总中心签发"
    )
    assert said["unenrolled submits"] == (
        "本机为未登记到汇总中心的设备：只有县级设备能把县级政策包提交汇总中心签发"
    )
    # The county's edition submitted twice, or another before the hub answered: one draft.
    assert said["submitted again"] == (
        "2026.3 版已提交，正在等待县级汇总中心签发：下次与汇总中心交换数据时签发，不必再提交"
    )
    assert said["another while waiting"].startswith("已提交的 2026.3 版还在等待县级汇总中心签发")
    for refused in refusals(tmp_path / "again").values():
        assert refused.said is not None and refused.said.template in SAID_HERE


def test_the_refusals_are_said_in_english(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    said = said_in_english(refusals(tmp_path))
    assert re.fullmatch(
        rf"Edition 2026\.2 of the policy pack “{re.escape(TITLE)}” was published on "
        r"\d{4}-\d\d-\d\d \d\d:\d\d: give it a new edition number",
        said["again"],
    ), said["again"]
    assert said["older"] == (
        f"Edition 2026.2 of the policy pack “{TITLE}” is published, newer than edition 2025.7: "
        "to bring back an older edition's rules, publish them under a new edition number"
    )
    assert said["not the hub"] == "Only the county hub can publish a policy pack"
    assert said["village submits"].startswith("This is a village/site device: only")
    assert said["unenrolled submits"].startswith("This device is not enrolled with the county hub")
    assert said["submitted again"].startswith("Edition 2026.3 is submitted")
    assert said["another while waiting"].startswith("Edition 2026.3, submitted, still waits")


def test_a_pack_for_a_newer_program_is_refused_once_as_not_signed(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    """A pack stating a later program than the hub's: the hub said it as a device says a pack
    it does not take (…请升级本机程序；该政策包未启用), and `county publish` added 未签发 after
    it: two endings for one refusal. Now once, as a pack not signed."""
    from fieldapp import __version__
    from fieldapp.policy.pack import PackError
    from fieldapp.ui.errors import message_for

    later = COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "9.0.0"\n')
    hub = Hub.init(tmp_path / "hub")
    try:
        with pytest.raises(PackError) as refused:
            publish(hub.ledger, later, "county.toml")
    finally:
        hub.close()
    error = refused.value
    assert str(error) == (
        "政策包 county.toml要用 9.0.0 版或更新版本的程序才能签发"
        f"（本机的程序是 {__version__} 版），请升级本机程序"
    )
    assert error.said is not None
    assert error.said.template == policy_admin.NEEDS_PROGRAM_TO_SIGN
    with in_english():
        english = message_for(error)
    assert "9.0.0" in english and not re.search(r"[\u4e00-\u9fff]", english), english
