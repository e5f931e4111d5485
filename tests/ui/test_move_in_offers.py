"""A move into another village's household from the 迁户 dialog waits for that village; the
receiving village's 台账 page lists who is offered, with 接收 / 不接收."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from fieldapp.domain.enums import AreaKind, Relation
from fieldapp.domain.models import Area, Household, Person
from fieldapp.services.writer import actor_of, writing
from fieldapp.ui.move_offers import TakeInDialog, TurnDownDialog
from tests.conftest import make_id
from tests.records import Records
from tests.ui.conftest import VILLAGE, enrol_as
from tests.ui.person_panel import _rows, shown
from tests.ui.plain import assert_plain

#: Another village of the same township.
NEIGHBOUR = "520502001002"


def _household(ledger, area: str, head: str, seq: str, moving_to: str | None = None):  # noqa: ANN001, ANN202
    repo = Records(ledger)
    home = repo.save(Household(area_code=area, address="二组 3 号"))
    person, _ = repo.add_person(
        Person(
            name=head,
            id_number=make_id(birth="19790101", seq=seq),
            household_id=home,
            relation=Relation.HEAD,
            moving_to=moving_to,
        ),  # fmt: skip
        confirmed=True,
    )
    repo.save(repo.get(Household, home).model_copy(update={"head_person_id": person}))
    return home, person


def test_a_move_into_another_villages_household_waits_for_that_village(window, tmp_path):
    ledger = window.session.ledger
    Records(ledger).ensure_area(
        Area(code=NEIGHBOUR, name="小河村", kind=AreaKind.VILLAGE, parent_code="520502001")
    )
    # A family of 小河村 this laptop holds (it moved there from 大坝村 earlier).
    there, _ = _household(ledger, NEIGHBOUR, "赵大山", "331")
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    page, panel = shown(window, "王小明")
    who = panel.person
    dialog = panel.move_person()
    dialog.choose(next(r for r in _rows(window, "赵大山")))
    assert "待对方村接收" in dialog.chosen.text(), dialog.chosen.text()
    # The longer sentence wraps: the dialog is not made wider by it (803 px when it did not).
    dialog.layout().activate()
    assert dialog.minimumSizeHint().width() <= 640, dialog.minimumSizeHint()
    dialog.reasons.buttons()[2].setChecked(True)  # 婚迁
    dialog.relocate()
    assert dialog.error.text() == ""
    row = ledger.get("persons", who.id)
    assert (row["household_id"], row["moving_to"]) == (who.household_id, there)
    assert "待对方村接收" in panel.summary.text() and "小河村" in panel.summary.text()
    # What the move said beside it is shown (it was dropped), and the person is not to be
    # edited or deleted while offered: the other village takes in what it was offered.
    assert panel.move_note.isVisible(), panel.move_note.text()
    assert "已提出把王小明迁入小河村的户" in panel.move_note.text(), panel.move_note.text()
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    assert "请先撤回迁入再修改" in panel.edit_button.toolTip()
    # Nor their jobs and registrations, which a subsidy is judged by (`trust.OFFER_KEPT_ROWS`):
    # the buttons were on, and the write door then refused the job typed in.
    assert panel.offer_kept_buttons and not any(b.isEnabled() for b in panel.offer_kept_buttons)
    assert all("请先撤回迁入再修改" in b.toolTip() for b in panel.offer_kept_buttons)
    assert panel.visit_button.isEnabled()  # the monthly round goes on
    assert panel.move_button.isEnabled()  # moved elsewhere, the offer ends
    assert not page.offers.isVisible()  # nothing offered to 大坝村 itself
    # Taken back: offered to no one, still in their household.
    assert panel.withdraw_button.isVisible()
    panel.withdraw_button.click()
    row = ledger.get("persons", who.id)
    assert (row["household_id"], row["moving_to"]) == (who.household_id, None)
    assert "待对方村接收" not in panel.summary.text()
    assert not panel.withdraw_button.isVisible()
    assert panel.edit_button.isEnabled() and panel.delete_button.isEnabled()
    assert all(b.isEnabled() for b in panel.offer_kept_buttons)


def test_the_receiving_village_takes_one_in_and_turns_one_down(window, qtbot):
    """Each line says who, from which village, into whose household; 接收 asks first — who,
    from where, into which household, as what relation to its head (户主 not offered: the
    household has one) — and takes them in as that; 不接收 asks once, 取消 leaves the offer."""
    ledger = window.session.ledger
    Records(ledger).ensure_area(
        Area(code=NEIGHBOUR, name="小河村", kind=AreaKind.VILLAGE, parent_code="520502001")
    )
    home = ledger.get("persons", Records(ledger).select(Person, "name = ?", ["张长英"])[0].id)[
        "household_id"
    ]
    # Two people of 小河村 offered to 张长英's household.
    _, taken = _household(ledger, NEIGHBOUR, "钱多多", "341", moving_to=home)
    _, left = _household(ledger, NEIGHBOUR, "孙少少", "351", moving_to=home)
    account = "6217000011112222333"
    with writing(ledger, actor_of(ledger)) as writer:
        writer.update_row(
            "persons", taken, {"account_bank": "农村信用社", "account_number": account}
        )
    page = window.show_page("ledger")
    offers = page.offers
    offers.refresh()
    assert offers.isVisible()
    texts = [offers.list.item(i).text() for i in range(offers.list.count())]
    assert len(texts) == 2 and "钱多多" in texts[0] and "张长英户" in texts[0], texts
    assert "来自" in texts[0] and "小河村" in texts[0].split("申请迁入")[0], texts
    assert_plain(texts[0])
    offers.list.setCurrentRow(0)
    qtbot.mouseClick(offers.accept_button, qtbot_left())
    dialog = offers.asking
    assert isinstance(dialog, TakeInDialog) and dialog.isVisible()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    number = ledger.get("persons", taken)["id_number"]
    for words in ("钱多多", number, "小河村", "张长英户", "与户主关系", "农村信用社 " + account):
        assert words in shown, (words, shown)
    relations = [dialog.relation.itemData(i) for i in range(dialog.relation.count())]
    assert "户主" not in relations and "配偶" in relations, relations
    assert ledger.get("persons", taken)["household_id"] != home  # nothing done yet
    dialog.yes_button.click()  # no relation chosen: asked for it, nothing done
    assert "请选择与户主的关系" in dialog.error.text() and dialog.isVisible()
    assert ledger.get("persons", taken)["moving_to"] == home
    dialog.relation.set_value("配偶")
    dialog.yes_button.click()
    row = ledger.get("persons", taken)
    assert (row["household_id"], row["moving_to"], row["relation"]) == (home, None, "配偶")
    assert "已接收钱多多" in offers.said.text()
    assert offers.list.count() == 1
    offers.list.setCurrentRow(0)
    qtbot.mouseClick(offers.decline_button, qtbot_left())
    asked = offers.asking
    assert isinstance(asked, TurnDownDialog) and "孙少少" in asked.findChildren(QLabel)[0].text()
    asked.no_button.click()  # 取消: still offered
    assert ledger.get("persons", left)["moving_to"] == home
    assert offers.list.count() == 1
    qtbot.mouseClick(offers.decline_button, qtbot_left())
    offers.asking.yes_button.click()
    assert ledger.get("persons", left)["household_id"] != home
    assert ledger.get("persons", left)["moving_to"] is None
    assert "没有接收孙少少" in offers.said.text()
    assert offers.list.count() == 0


def test_into_a_household_without_a_head_the_one_taken_in_may_head_it(window, qtbot):
    ledger = window.session.ledger
    Records(ledger).ensure_area(
        Area(code=NEIGHBOUR, name="小河村", kind=AreaKind.VILLAGE, parent_code="520502001")
    )
    empty = Records(ledger).save(Household(area_code=VILLAGE, address="五组 1 号"))
    _, taken = _household(ledger, NEIGHBOUR, "周全", "361", moving_to=empty)
    offers = window.show_page("ledger").offers
    offers.refresh()
    offers.list.setCurrentRow(0)
    dialog = offers.take_in()
    relations = [dialog.relation.itemData(i) for i in range(dialog.relation.count())]
    assert "户主" in relations
    dialog.relation.set_value("户主")
    dialog.yes_button.click()
    assert ledger.get("persons", taken)["household_id"] == empty
    assert ledger.get("households", empty)["head_person_id"] == taken


def qtbot_left():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
