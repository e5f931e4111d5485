"""A village coordinator moves a family member to a relocation site (易地搬迁) from the person
panel's 迁户 dialog: the new household is made at the site, the hub takes the move as it is,
and the site's device receives the person with their history."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area, Person
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.records import Records
from tests.ui.conftest import VILLAGE, enrol_as
from tests.ui.plain import assert_plain

SITE = "520502001901"


def test_a_village_laptop_moves_a_person_to_a_relocation_site(window, qtbot, tmp_path):
    ledger = window.session.ledger
    # The site's name came with the hub's area names (every device gets them all).
    Records(ledger).ensure_area(
        Area(code=SITE, name="幸福社区安置点", kind=AreaKind.SITE, parent_code="520502001")
    )
    hub = Hub.init(tmp_path / "hub")
    try:
        hub.enroll("大坝村", VILLAGE, tmp_path / "village.enrol", code=ENROL_CODE, by="县里的科员")
        hub.enroll(
            "幸福社区安置点", SITE, tmp_path / "site.enrol", code=ENROL_CODE, by="县里的科员"
        )
        enrol(ledger, tmp_path / "village.enrol", code=ENROL_CODE)
        hub.import_file(export_bundle(ledger, tmp_path / "first.fs").path)  # the village synced
        page = window.show_page("ledger")
        who = Records(ledger).select(Person, "name = ?", ["王小明"])[0]
        page.open_person(who.id)
        dialog = page.panel.move_person()
        dialog.into_new.setChecked(True)
        dialog.area.set_code(SITE)
        dialog.address.setText("3栋2单元")
        other = dialog.reasons.buttons()[-1]
        other.setChecked(True)
        dialog.words.setText("易地扶贫搬迁")
        dialog.relocate()
        assert dialog.error.text() == ""
        assert_plain(dialog.error.text())
        moved = Records(ledger).select(Person, "name = ?", ["王小明"])[0]
        home = ledger.get("households", moved.household_id)
        assert home["area_code"] == SITE and home["head_person_id"] == who.id
        assert moved.change_reason == "易地扶贫搬迁"
        # The hub takes the move as it is (nothing held for review but the site's row this
        # test wrote on the village's ledger, which a village device may not write) …
        hub.import_file(export_bundle(ledger, tmp_path / "up.fs").path)
        held = [(h.change.tbl, h.change.data.get("code")) for h in hub.rejected()]
        assert held == [("areas", SITE)], hub.rejected()
        assert hub.ledger.get("persons", who.id)["household_id"] == moved.household_id
        # … and the site's device receives the newcomer.
        site = Ledger.open(tmp_path / "site.db", author="安置点专员")
        try:
            enrol(site, tmp_path / "site.enrol", code=ENROL_CODE)
            import_bundle(site, hub.export_for("幸福社区安置点", tmp_path / "down.fs").path)
            assert site.get("persons", who.id)["household_id"] == moved.household_id
        finally:
            site.close()
    finally:
        hub.close()


def test_a_new_home_is_offered_only_where_a_household_can_live(window):
    """The 新户所在地 list offered the county and the townships too: a family moved to 鸭池镇
    itself belonged to no village's or site's laptop."""
    ledger = window.session.ledger
    Records(ledger).ensure_area(
        Area(code=SITE, name="幸福社区安置点", kind=AreaKind.SITE, parent_code="520502001")
    )
    page = window.show_page("ledger")
    who = Records(ledger).select(Person, "name = ?", ["王小明"])[0]
    page.open_person(who.id)
    dialog = page.panel.move_person()
    offered = [dialog.area._codes[i] for i in range(dialog.area.count())]
    assert SITE in offered and VILLAGE in offered
    assert all(len(code) >= 12 for code in offered), offered
    dialog.reject()


def test_the_move_dialog_says_whose_waiting_claim_holds_the_person(
    window, qtbot, tmp_path, monkeypatch
):
    """王小明's 乡村公益性岗位补贴 is submitted and waits for payment: the coordinator's 迁户 to
    the relocation site is refused (`claimed_moved`) with the reason in the dialog, naming him
    and the subsidy, and nothing is written — neither the move nor the new household."""
    import datetime as dt

    from fieldapp.domain.claims import Claim, ClaimState

    ledger = window.session.ledger
    Records(ledger).ensure_area(
        Area(code=SITE, name="幸福社区安置点", kind=AreaKind.SITE, parent_code="520502001")
    )
    who = Records(ledger).select(Person, "name = ?", ["王小明"])[0]
    Records(ledger).save(
        Claim(
            person_id=who.id, rule_id="welfare_post_subsidy", rule_title="乡村公益性岗位补贴",
            amount=600.0, state=ClaimState.SUBMITTED, area_code=VILLAGE, person_name="王小明",
            claim_date=dt.date(2026, 6, 30),
        )
    )  # fmt: skip
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    homes = ledger.db.execute("SELECT count(*) FROM households").fetchone()[0]
    page = window.show_page("ledger")
    page.open_person(who.id)
    dialog = page.panel.move_person()
    dialog.into_new.setChecked(True)
    dialog.area.set_code(SITE)
    dialog.address.setText("3栋2单元")
    dialog.reasons.buttons()[-1].setChecked(True)
    dialog.words.setText("易地扶贫搬迁")
    dialog.relocate()
    said = dialog.error.text()
    assert "王小明" in said and "乡村公益性岗位补贴" in said and "驳回" in said, said
    assert "幸福社区安置点" in said, said
    assert_plain(said)
    assert dialog.isVisible() and dialog.changes is None
    assert ledger.get("persons", who.id)["household_id"] == who.household_id
    assert ledger.db.execute("SELECT count(*) FROM households").fetchone()[0] == homes
    # What was chosen and typed stays for the coordinator (to come back after the claim).
    assert dialog.words.text() == "易地扶贫搬迁" and dialog.address.text() == "3栋2单元"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
