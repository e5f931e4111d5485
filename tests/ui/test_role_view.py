"""The desktop app as each enrolled role sees it (issue 13): what the write door would refuse
for the device's role or area is not offered beforehand — greyed out, with a tooltip saying
why and who may — and the role and area the county gave the device are on screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.ui.conftest import UI_USER, as_drawn, close_window

VILLAGE = "520526100001"  # 民主村 of the demo ledger (seed 3)
TOWNSHIP = "520526100"  # 草海镇, the village's township
SITE = "520526001901"  # 锦绣园安置点, in another township
COUNTY = "520526"


def _person_in(ledger: Ledger, area: str) -> str:
    row = next(
        ledger.db.query(
            "select p.id from persons p join households h on h.id = p.household_id "
            "where h.area_code like ? and coalesce(p.deleted, 0) = 0 order by p.id limit 1",
            [area + "%"],
        )
    )
    return str(row["id"])


@pytest.fixture
def role_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable]:
    """Opens the main window on a demo ledger enrolled (with a training hub) as a device of
    the given role and area."""
    from fieldapp.demo.generator import build_demo
    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    windows = []

    def open_as(
        role: Role,
        area: str,
        prepare: Callable[[Ledger], object] | None = None,
        device: str = "一号机",
    ) -> object:
        folder = tmp_path / f"{role.value}-{area}"
        folder.mkdir()
        path = folder / "demo.db"
        led = Ledger.open(path, credentials=UI_USER)
        build_demo(led, 200, seed=3)
        if prepare is not None:
            prepare(led)  # before enrolment: as a ledger filled before the county enrolled it
        hub = Hub.init(folder / "hub", training=True)
        try:
            hub.enroll(device, area, folder / "enrol.json", role, code=ENROL_CODE, by="县里的科员")
        finally:
            hub.close()
        enrol(led, folder / "enrol.json", code=ENROL_CODE)
        led.close()
        make_app()
        i18n.install_language("zh_CN")
        win = open_window(path, UI_USER)
        win.show()
        windows.append(win)
        return win

    yield open_as
    for win in windows:
        close_window(win, monkeypatch)


def test_a_township_device_is_not_offered_to_create_claims(role_window):
    township = role_window(Role.TOWNSHIP, TOWNSHIP)
    page = township.show_page("subsidies")
    assert not page.claim_button.isEnabled()
    assert "村/安置点专员" in page.claim_button.toolTip()
    # Said in the clerk's words: what the township does instead, and its name, not its code.
    assert "申领由村/安置点专员或县级设备新建" in page.claim_button.toolTip()
    assert "（一号机（乡镇 · 草海镇））" in page.claim_button.toolTip()
    assert TOWNSHIP not in page.claim_button.toolTip()
    village = role_window(Role.COORDINATOR, VILLAGE)
    page = village.show_page("subsidies")
    assert page.claim_button.isEnabled()
    assert page.claim_button.toolTip() == ""


def test_a_device_named_as_markup_in_the_claim_buttons_tooltip(role_window):
    """The refusal in a button's tooltip names the device as the county typed its name,
    markup and all (a tooltip takes text that looks like HTML as rich)."""
    township = role_window(Role.TOWNSHIP, TOWNSHIP, device="<b>一号机</b>")
    page = township.show_page("subsidies")
    said = as_drawn(page.claim_button.toolTip())
    assert "（<b>一号机</b>（乡镇 · 草海镇））" in said, said


def _claim_in(ledger: Ledger, area: str) -> str:
    """A draft claim for the first person of `area` eligible for something (made unenrolled)."""
    from fieldapp.policy.eligibility import Status
    from fieldapp.services.claims import ClaimService, EligibilityService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    policy = load_policy(ledger).policy
    today = dt.date.today()
    result = next(
        r
        for r in EligibilityService(ledger, policy).for_all(today, area_prefix=area)
        if r.status is Status.ELIGIBLE and r.amount is not None
    )
    service = ClaimService(ledger, policy, actor_of(ledger))
    return service.create(result.id_number, result.rule_id, on=today).id


def test_claims_outside_the_devices_area_are_shown_but_not_offered(role_window):
    made: dict[str, str] = {}

    def claims(led: Ledger) -> None:
        made.update({area: _claim_in(led, area) for area in (VILLAGE, SITE)})

    win = role_window(Role.COORDINATOR, VILLAGE, claims)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    page.refresh_claims()
    page._select_claim(made[SITE])
    assert page.selected_claim().id == made[SITE]
    assert page.target.count() == 0 and not page.advance_button.isEnabled()
    assert not page.evidence_button.isEnabled()
    assert "不在" in page.advance_button.toolTip()
    page._select_claim(made[VILLAGE])
    assert page.selected_claim().id == made[VILLAGE]
    assert page.target.count() > 0 and page.advance_button.isEnabled()
    assert page.advance_button.toolTip() == ""


def _panel_for(window, person_id: str):  # noqa: ANN202
    ledger_page = window.show_page("ledger")
    ledger_page.panel.show_person(person_id)
    return ledger_page.panel


def test_a_person_outside_the_devices_area_is_shown_but_not_offered_for_editing(role_window):
    win = role_window(Role.COORDINATOR, VILLAGE)
    ledger = win.session.ledger
    panel = _panel_for(win, _person_in(ledger, SITE))
    writes = (
        panel.edit_button,
        panel.member_button,
        panel.move_button,
        panel.delete_button,
        panel.visit_button,
        panel.status_button,
        *panel.record_buttons,
    )
    for button in writes:
        assert not button.isEnabled(), button.text()
        assert "不在" in button.toolTip() and "负责的范围" in button.toolTip(), button.text()
    # Reading and printing what it holds stays open, and the panel says why the rest is off.
    assert panel.print_button.isEnabled() and panel.subsidy_button.isEnabled()
    assert not panel.scope_note.isHidden()
    assert panel.scope_note.text().startswith("只能查看和打印：")
    assert "负责的范围" in panel.scope_note.text()
    # Where the person is, and whose the device is, by name (这条人员信息属于区域 520526001901,
    # not in 一号机（村/安置点专员，区域 520526100001）'s area, before).
    assert "锦绣园安置点" in panel.scope_note.text() and SITE not in panel.scope_note.text()
    assert "民主村" in panel.scope_note.text() and VILLAGE not in panel.scope_note.text()
    panel = _panel_for(win, _person_in(ledger, VILLAGE))
    for button in writes:
        assert button.isEnabled(), button.text()
        assert button.toolTip() == "", button.text()
    assert panel.scope_note.isHidden()


def test_the_panel_says_a_moved_persons_later_changes_no_longer_arrive(role_window):
    """A person who moved away is shown as the device last heard of them: once a sync confirmed
    the move, the hub sends none of their later changes (a new phone, the new village's jobs),
    and the panel says so — in the language shown."""
    win = role_window(Role.COORDINATOR, VILLAGE)
    outside = _person_in(win.session.ledger, SITE)
    panel = _panel_for(win, outside)
    assert panel.scope_note.text().startswith("只能查看和打印：")
    assert panel.scope_note.text().endswith("。搬走一经同步确认，此后的变化本机不再收到。")
    # Not said of a person of its own area, whom it keeps hearing of.
    panel = _panel_for(win, _person_in(win.session.ledger, VILLAGE))
    assert panel.scope_note.text() == "" and panel.scope_note.isHidden()
    assert win.set_language("en")
    panel = _panel_for(win, outside)
    assert panel.scope_note.text().startswith("View and print only: ")
    assert panel.scope_note.text().endswith(
        ". Once a sync has confirmed the move, later changes no longer reach this device."
    )
    assert "此后的变化" not in panel.scope_note.text()
    # The reason too: the write door's whole sentence in English (the place and the device's
    # name as stored), not the Chinese sentence.
    reason = (
        "This “Person” belongs to 威宁彝族回族苗族自治县 五里岗街道 锦绣园安置点 1栋, outside the "
        "area of 一号机 (Village/site coordinator · 民主村)"
    )
    assert reason in panel.scope_note.text()
    assert "负责的范围" not in panel.scope_note.text()
    assert as_drawn(panel.edit_button.toolTip()) == reason


def test_a_county_device_is_offered_every_person_of_the_county(role_window):
    win = role_window(Role.COUNTY, COUNTY)
    ledger = win.session.ledger
    for area in (VILLAGE, SITE):
        panel = _panel_for(win, _person_in(ledger, area))
        assert panel.edit_button.isEnabled() and panel.visit_button.isEnabled()
        assert all(b.isEnabled() for b in panel.record_buttons)


def test_the_window_says_which_role_and_area_the_device_works_for(role_window):
    win = role_window(Role.TOWNSHIP, TOWNSHIP)
    shown = win.windowTitle() + " " + win.status_label.text()
    assert "乡镇" in shown and "草海镇" in shown, shown
    assert "township" not in shown


def test_enrolling_on_the_sync_page_puts_the_role_and_area_in_the_title(window, tmp_path):
    from tests.ui.conftest import VILLAGE as DABA

    assert "村/安置点专员" not in window.windowTitle()
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    try:
        hub.enroll("大坝村笔记本", DABA, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE)
    assert "大坝村笔记本（村/安置点专员 · 大坝村）" in window.windowTitle()


def test_a_batch_is_offered_only_for_the_devices_own_area(role_window):
    win = role_window(Role.COORDINATOR, VILLAGE)
    page = win.show_page("subsidies")
    page.rule.setCurrentIndex(1)  # a batch is one subsidy's
    page.area.set_code(SITE)
    assert not page.batch_button.isEnabled()
    page.area.set_code(VILLAGE)
    assert page.batch_button.isEnabled() and page.batch_button.toolTip() == ""
    county = role_window(Role.COUNTY, COUNTY)
    page = county.show_page("subsidies")
    page.rule.setCurrentIndex(1)
    page.area.set_code("")
    assert page.batch_button.isEnabled()


def test_a_township_batches_its_own_area_with_every_area_shown(role_window):
    """A township's subsidies page opens on 全部区域 (its ledger holds only its township, and
    the county's name above it); 编成批次 was greyed there, saying only that a new batch must
    have an area. A device enrolled for one area batches there: its township."""
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    made: dict[str, str] = {}

    def reviewed(led: Ledger) -> None:
        made["claim"] = claim = _claim_in(led, VILLAGE)
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED):
            service.advance(claim, step, "材料下周补交")

    win = role_window(Role.TOWNSHIP, TOWNSHIP, reviewed)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    page._select_claim(made["claim"])
    page.rule.setCurrentIndex(page.rule.findData(page.selected_claim().rule_id))
    assert page.batch_button.isEnabled() and page.batch_button.toolTip() == ""
    # It batches the claims it has passed, and says so.
    assert page.batch_button.text() == "把所选补贴乡镇审核过的申领编成批次"
    batch = page.make_batch()
    assert batch is not None and batch.area_code == TOWNSHIP
    assert page.batches.row_at(0).id == batch.id
    village = role_window(Role.COORDINATOR, VILLAGE)
    page = village.show_page("subsidies")
    page.rule.setCurrentIndex(1)
    page.area.set_code("")  # a village's device likewise batches its own village
    assert page.batch_button.isEnabled()


def test_the_monthly_grid_of_another_area_is_shown_read_only(role_window):
    from PySide6.QtCore import Qt

    from fieldapp.ui.pages.monthly import STATUS

    win = role_window(Role.COORDINATOR, VILLAGE)
    page = win.show_page("monthly")
    page.area.set_code(SITE)
    model = page.model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, STATUS)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert "负责的范围" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    # Nothing pre-filled there is waiting to be saved (保存全部 would be refused whole).
    model.set_status(list(range(model.rowCount())), "已就业")
    assert model.pending() == []
    assert page.save() == 0
    assert "不在本机负责的区域，只能查看" in page.summary.text()
    page.area.set_code(VILLAGE)
    assert model.rowCount() > 0
    assert model.flags(model.index(0, STATUS)) & Qt.ItemFlag.ItemIsEditable
    model.set_status([0], "未就业")
    assert page.save() >= 1


def test_a_visit_is_offered_only_for_people_of_the_devices_area(role_window):
    win = role_window(Role.COORDINATOR, VILLAGE)
    ledger = win.session.ledger
    page = win.show_page("visits")
    page.prefill(_person_in(ledger, SITE), "")
    assert not page.save_button.isEnabled()
    assert "负责的范围" in page.save_button.toolTip()
    assert "负责的范围" in page.status.text()
    assert page.save() is None
    page.prefill(_person_in(ledger, VILLAGE), "")
    assert page.save_button.isEnabled() and page.save_button.toolTip() == ""
    assert page.status.text() == ""
    assert page.save() is not None


def test_a_new_household_is_offered_only_the_devices_own_areas(role_window):
    win = role_window(Role.COORDINATOR, VILLAGE)
    editor = win.show_page("ledger").new_person()
    try:
        codes = editor.area._codes
        assert codes and all(code.startswith(VILLAGE) for code in codes), codes
        assert VILLAGE in codes
    finally:
        editor.reject()
    county = role_window(Role.COUNTY, COUNTY)
    editor = county.show_page("ledger").new_person()
    try:
        assert SITE in editor.area._codes and VILLAGE in editor.area._codes
    finally:
        editor.reject()


def test_a_deleted_person_of_another_area_is_not_offered_for_restoring(role_window):
    from fieldapp.services import persons
    from fieldapp.services.writer import actor_of

    gone: dict[str, str] = {}

    def delete_two(led: Ledger) -> None:
        for area in (VILLAGE, SITE):
            gone[area] = _person_in(led, area)
            persons.delete(led, actor_of(led), gone[area], "重复录入")

    win = role_window(Role.COORDINATOR, VILLAGE, delete_two)
    page = win.show_page("ledger")
    page.area.set_code("")
    dialog = page.show_deleted()
    try:
        rows = {r.id: n for n, r in enumerate(dialog.model.rows)}
        dialog.view.selectRow(rows[gone[SITE]])
        assert not dialog.restore_button.isEnabled()
        assert "负责的范围" in dialog.restore_button.toolTip()
        dialog.view.selectRow(rows[gone[VILLAGE]])
        assert dialog.restore_button.isEnabled() and dialog.restore_button.toolTip() == ""
        dialog.reason.setText("误删")
        assert dialog.restore() == gone[VILLAGE]
    finally:
        dialog.close()


def test_the_editor_of_a_person_outside_the_area_does_not_offer_saving(role_window):
    win = role_window(Role.COORDINATOR, VILLAGE)
    ledger = win.session.ledger
    page = win.show_page("ledger")
    editor = page.edit_person(_person_in(ledger, SITE))  # a double-click in the list
    try:
        assert not editor.save_button.isEnabled()
        assert "负责的范围" in editor.save_button.toolTip()
        assert "负责的范围" in editor.error.text()
        assert editor.phone.isReadOnly() and not editor.relation.isEnabled()
        assert not editor.is_dirty()
    finally:
        editor.reject()
    editor = page.edit_person(_person_in(ledger, VILLAGE))
    try:
        assert editor.save_button.isEnabled() and editor.error.text() == ""
    finally:
        editor.reject()


def test_evidence_is_not_offered_on_an_approved_claim(role_window):
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    made: dict[str, str] = {}

    def approved(led: Ledger) -> None:
        made["draft"] = _claim_in(led, VILLAGE)
        made["approved"] = claim = _claim_in(led, SITE)
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED):
            service.advance(claim, step, "材料下周补交")

    win = role_window(Role.COUNTY, COUNTY, approved)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    page.refresh_claims()
    page._select_claim(made["approved"])
    assert page.selected_claim().missing_evidence()
    assert not page.evidence_button.isEnabled()
    approved_claim = page.selected_claim()
    said = f"{approved_claim.person_name}的“{approved_claim.rule_title}”申领已县审批，不能再修改"
    assert as_drawn(page.evidence_button.toolTip()) == f"{said}；如有错误只能撤销（需填写原因）"
    page._select_claim(made["draft"])
    assert page.selected_claim().missing_evidence()
    assert page.evidence_button.isEnabled()
    # The English window says why in English (the person and the subsidy as stored)
    with in_english():
        page._select_claim(made["approved"])
        assert as_drawn(page.evidence_button.toolTip()) == (
            f"{approved_claim.person_name}'s claim of “{approved_claim.rule_title}” is “County "
            "approved” and can no longer be changed; a mistake can only be reversed (with a "
            "reason written)"
        )


def test_a_townships_claims_say_which_village_each_comes_from(role_window):
    """The township reviews the claims of all its villages in one list, which named each
    person and subsidy but not their village: the clerk could not tell whose village's claim
    was whose (or ring the right coordinator about a rejection)."""
    from PySide6.QtCore import Qt

    made: dict[str, str] = {}

    def claims(led: Ledger) -> None:
        made["claim"] = _claim_in(led, VILLAGE)

    win = role_window(Role.TOWNSHIP, TOWNSHIP, claims)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    titles = [
        page.claims.headerData(n, Qt.Orientation.Horizontal)
        for n in range(page.claims.columnCount())
    ]
    assert "所在地" in titles
    page._select_claim(made["claim"])
    column = titles.index("所在地")
    row = page.claims_view.currentIndex().row()
    shown = page.claims.index(row, column).data()
    assert shown.startswith("草海镇 民主村"), shown


def _claims_in(ledger: Ledger, area: str, count: int) -> list[str]:
    """`count` claims of `area`'s people, each through 村审核 (made unenrolled)."""
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.policy.eligibility import Status
    from fieldapp.services.claims import ClaimService, EligibilityService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    policy = load_policy(ledger).policy
    today = dt.date.today()
    service = ClaimService(ledger, policy, actor_of(ledger))
    made: list[str] = []
    for result in EligibilityService(ledger, policy).for_all(today, area_prefix=area):
        if len(made) == count:
            break
        if result.status is not Status.ELIGIBLE or result.amount is None:
            continue
        try:
            claim = service.create(result.id_number, result.rule_id, on=today).id
        except Exception:  # noqa: BLE001, S112 - a second subsidy of the same limit: the next
            continue
        for step in (S.SUBMITTED, S.VILLAGE_REVIEWED):
            service.advance(claim, step, "材料下周补交")
        made.append(claim)
    assert len(made) == count
    return made


def test_a_township_reviews_several_claims_at_once(role_window, monkeypatch):
    """Sixty claims from twenty villages took the township three clicks each (select, choose
    乡镇审核, 变更状态). Several selected claims now take the same step together; a rejection
    asks its reason once, for all of them."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtWidgets import QInputDialog

    made: dict[str, list[str]] = {}

    def claims(led: Ledger) -> None:
        made["claims"] = _claims_in(led, VILLAGE, 5)

    win = role_window(Role.TOWNSHIP, TOWNSHIP, claims)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)

    def select(ids: list[str]) -> None:
        rows = [n for n, c in enumerate(page.claims.rows) if c.id in ids]
        chosen = QItemSelection()
        for row in rows:
            chosen.select(page.claims.index(row, 0), page.claims.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        page.claims_view.selectionModel().select(chosen, flags)
        page.claims_view.selectionModel().setCurrentIndex(
            page.claims.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    first, second = made["claims"][:3], made["claims"][3:]
    select(first)
    assert sorted(c.id for c in page.selected_claims()) == sorted(first), len(
        page.selected_claims()
    )
    offered = [page.target.itemText(n) for n in range(page.target.count())]
    assert offered == ["乡镇审核", "驳回"], offered
    page.target.setCurrentIndex(page.target.findData("乡镇审核"))
    refreshed: list[int] = []
    refresh = page.refresh_claims
    monkeypatch.setattr(page, "refresh_claims", lambda: refreshed.append(1) or refresh())
    page.advance_selected()
    # Once, not once per claim: a hundred claims took 6.7 s of refreshing, now 0.7 s.
    assert len(refreshed) == 1, refreshed
    states = {c.id: str(c.state) for c in page.claims.rows}
    assert {states[c] for c in first} == {"乡镇审核"}, states
    assert {states[c] for c in second} == {"村审核"}, states

    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda *a, **k: asked.append(a[2]) or ("务工证明没有盖章，请补", True),
    )
    select(second)
    page.target.setCurrentIndex(page.target.findData("驳回"))
    page.advance_selected()
    assert len(asked) == 1 and "2 条" in asked[0], asked
    rows = {c.id: c for c in page.claims.rows}
    assert {str(rows[c].state) for c in second} == {"驳回"}
    assert {rows[c].reason for c in second} == {"务工证明没有盖章，请补"}
    # A claim the township has already passed offers nothing more with the others selected.
    select([first[0], *second])
    assert page.target.count() == 0 and not page.advance_button.isEnabled()


def test_a_townships_eligibility_list_says_which_village_each_person_lives_in(role_window, qtbot):
    """Who in the township qualifies for what: thousands of rows, by name and ID number only;
    the township could not tell which village (and coordinator) to send each one to."""
    from PySide6.QtCore import Qt

    from tests.ui.conftest import wait_idle

    win = role_window(Role.TOWNSHIP, TOWNSHIP)
    page = win.show_page("subsidies")
    page.area.set_code(TOWNSHIP)
    page.find_eligible()
    wait_idle(qtbot, page)
    model = page.results
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert "所在地" in titles, titles
    column = titles.index("所在地")
    places = {model.index(row, column).data() for row in range(model.rowCount())}
    assert places and all(p.startswith("草海镇 ") for p in places), places
