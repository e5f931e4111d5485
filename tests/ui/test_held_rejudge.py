"""The county office's desktop re-judges the changes the hub held by its clock, once the hub's
date is put right, at one click (重新核对（中心时钟改对后）): a real hub on loopback accepts
those its rules clear now, the review says how many were accepted and how many stay; while the
hub doubts its clock as ahead it is refused, and the clerk is told why.

The hub's clock is moved in this process (time_machine); the devices' programs stamp their
changes ahead of it (as a laptop whose date runs fast, or a hub whose date was reset back)."""

from __future__ import annotations

import datetime as dt
import time

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.hub import own_clock
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.held import HeldChanges
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.ui.conftest import UI_USER, enrol_county, wait_idle
from tests.ui.laptops import _laptop

DAY_S = own_clock.DAY_MS / 1000


def _ahead(device: Ledger, days: float) -> None:
    """The device's program stamps its changes `days` ahead of the real time."""
    device.clock = HybridClock(
        device.clock.last, now_ms=lambda: int((time.time() + days * DAY_S) * 1000)
    )


def _days_on(days: int) -> time_machine.travel:
    when = dt.datetime.now(CHINA) + dt.timedelta(days=days)
    return time_machine.travel(when, tick=True)


def test_the_county_desktop_rejudges_what_the_hub_held_by_its_clock(
    window, qtbot, tmp_path, warnings_shown
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    laptops = []
    for n in range(own_clock.DEVICES):  # three villages the hub took changes from
        area = f"5205021010{n + 1:02d}"
        laptop = _laptop(hub, tmp_path, f"村{n}笔记本", area)
        add_family(laptop, area, [f"{101 + n}"])
        hub.import_file(export_bundle(laptop, tmp_path / f"up{n}.fs").path)
        laptops.append(laptop)
    _ahead(laptops[0], 2)  # two days ahead of the hub: held, cleared two days on
    bad = _laptop(hub, tmp_path, "坏村笔记本", "520502102001")
    _ahead(bad, 30)  # a month ahead: held still
    for n, (laptop, area) in enumerate(((laptops[0], "520502101001"), (bad, "520502102001"))):
        add_family(laptop, area, [f"{201 + n}"], surname="李")
        hub.import_file(export_bundle(laptop, tmp_path / f"next{n}.fs").path)
    store = HeldChanges(hub.ledger.db)
    held = store.list()
    mine = sorted(h.id for h in held if h.device == "村0笔记本")
    theirs = sorted(h.id for h in held if h.device == "坏村笔记本")
    assert mine and theirs and {h.rule for h in held} >= {"stamped_ahead"}
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    review = page.held_review
    assert review.rejudge_button.text() == "重新核对（中心时钟改对后）"
    assert review.rejudge_button.isEnabled()  # nothing to select first
    with ServerThread(hub.root) as server:
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        assert review.table.rowCount() == len(held), review.summary.text()
        with _days_on(200):  # the hub's date put far ahead: refused, and why
            review.rejudge_button.click()
            wait_idle(qtbot, page)
        (shown,) = warnings_shown
        assert "中心的时钟快了" in shown and "改对之前不能按中心的时钟重新核对" in shown, shown
        assert "--" not in shown and "fieldapp" not in shown
        assert review.summary.text().startswith("没有完成：")
        assert {h.status for h in store.list()} == {"held"}
        assert review.table.rowCount() == len(held)
        with _days_on(2):  # the date right
            review.rejudge_button.click()
            wait_idle(qtbot, page)
        text = review.summary.text()
        # Every one of the month-ahead village's stays held: its household as stamped ahead,
        # its people waiting on it for a place (等位置的) — counted, and said apart.
        waits = sum(1 for h in held if h.id in theirs and h.rule == "no_place")
        assert waits, [h.rule for h in held if h.id in theirs]
        assert text.startswith(f"重新核对完毕：接受 {len(mine)} 条，仍扣下 {len(theirs)} 条（"), (
            text
        )
        assert "记下的时间仍比中心快一天以上" in text, text
        assert f"（其中 {waits} 条在等它们所属的户或人员先被接受" in text, text
        assert text.endswith(f"等待县里审核的修改 {len(theirs)} 条"), text
        assert review.table.rowCount() == len(theirs)
    assert warnings_shown == [shown]
    decided = {h.id: h for h in store.list(status="accepted")}
    assert sorted(decided) == mine
    assert {h.decided_by for h in decided.values()} == {f"{UI_USER.user}@县人社局"}
    assert {h.status for h in store.list() if h.id in theirs} == {"held"}
    for laptop in [*laptops, bad]:
        laptop.close()
    hub.close()


def test_the_rejudge_button_and_what_it_did_are_english_in_english(window, warnings_shown):
    from fieldapp.ui.dialogs.held_review import HeldReview

    page = window.show_page("sync")
    with in_english():
        review = HeldReview(page.session, page.url.text, page.panel)
        assert review.rejudge_button.text() == "Check again (once the hub’s date is right)"
        said = review.rejudged_said(
            {"accepted": [1, 2], "still_ahead": [3], "refused": [{"id": 4, "reason": "越权"}]}
        )
        assert said.startswith("Checked again: 2 accepted, 2 still held (1 of them"), said
        assert said.endswith("(1 of them cannot be accepted under another rule: 越权)"), said
        waiting = review.rejudged_said(
            {"accepted": [], "still_ahead": [3], "refused": [], "waiting": [5, 6]}
        )
        assert waiting.startswith("Checked again: 0 accepted, 3 still held (1 of them"), waiting
        assert waiting.endswith(
            "(2 of them wait for the household or person they belong to,"
            " still held, to be accepted first; check again after that)"
        ), waiting
        # A reason the hub sent with its sentence is said from it; one without (an older hub,
        # or what did not read as this program's sentence), as the hub's text.
        from fieldapp.domain.sentences import Word, said
        from fieldapp.services.trust import PLACE_UNKNOWN

        sentence = said(PLACE_UNKNOWN, Word("补贴申领"))
        with_said = review.rejudged_said(
            {"accepted": [], "still_ahead": [], "refused": [
                {"id": 4, "reason": str(sentence), "said": sentence},
                {"id": 5, "reason": "越权", "said": '{"template": "<b>%1</b>"}'},
            ]}
        )  # fmt: skip
        assert with_said.endswith(
            "(2 of them cannot be accepted under another rule: Which area this “Subsidy claim”"
            " belongs to cannot be told (its person or household is unknown): only the county"
            " may change it; 越权)"
        ), with_said
        assert str(sentence) not in with_said and "越权" in with_said, with_said
        assert "<b>" not in with_said, with_said
        # A sentence that reads but says other words than the hub's reason (a forged answer):
        # the hub's text, never the forged sentence said in English.
        forged = review.rejudged_said(
            {"accepted": [], "still_ahead": [], "refused": [
                {"id": 4, "reason": "中心写的原因", "said": sentence},
            ]}
        )  # fmt: skip
        assert forged.endswith("under another rule: 中心写的原因)"), forged
        assert "Subsidy claim" not in forged, forged
        # More than three: the first three, in the window's separator, and its ellipsis.
        many = review.rejudged_said(
            {"accepted": [], "still_ahead": [], "refused": [
                {"id": n, "reason": f"原因{n}"} for n in range(1, 5)
            ]}
        )  # fmt: skip
        assert many.endswith("under another rule: 原因1; 原因2; 原因3…)"), many
        assert "；" not in many and "……" not in many, many
        nothing = {"accepted": [], "still_ahead": [], "refused": []}
        assert review.rejudged_said(nothing) == (
            "Checked again: no changes were held by the hub’s clock"
        )
    refused = [{"id": n, "reason": f"原因{n}"} for n in range(1, 5)]
    chinese = review.rejudged_said({"accepted": [], "still_ahead": [], "refused": refused})
    assert chinese.endswith("按其他规定仍不能接受：原因1；原因2；原因3……）"), chinese
    assert warnings_shown == []
