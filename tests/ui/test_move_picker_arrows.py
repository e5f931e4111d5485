"""迁户's household picker, chosen with the keyboard: typing a name two households share, Down to
the second hit and Enter did not take the hit walked to (Down went nowhere; Enter pressed the
dialog's 迁户 without a household, or moved into the one picked before) — a person could be put
into the wrong household. Down and Up in the box now walk the hits, as in the other person
pickers; Enter takes the hit walked to (the first when none is) and does not move anyone yet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from tests.conftest import make_id
from tests.records import Records
from tests.ui.conftest import VILLAGE


def two_households_with_a_wu_jiating(window) -> list[str]:
    """Two more households of the village, each with a 吴家婷; their household ids."""
    repo = Records(window.session.ledger)
    found = []
    for n, address in enumerate(("大坝村二组 3 号", "大坝村四组 7 号")):
        household = repo.save(Household(area_code=VILLAGE, address=address))
        repo.add_person(
            Person(
                name="吴家婷",
                id_number=make_id(birth=f"1990{n + 1:02d}16", seq="224"),
                household_id=household,
                relation=Relation.HEAD,
            )
        )
        found.append(household)
    return found


@pytest.fixture
def open_move(window, qtbot):
    """The 迁户 dialog for 王小明, opened as the panel opens it (not exec(): a modal loop would
    hold the test); closed at the end without the 放弃修改？ question."""
    from fieldapp.ui.dialogs.person_moves import MoveDialog

    person = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    dialog = MoveDialog(window.session, person, window)
    dialog.open()
    dialog.reasons.buttons()[0].setChecked(True)
    dialog.picker.setFocus()
    yield dialog
    dialog.discard()
    dialog.deleteLater()


def test_the_move_pickers_arrows_choose_the_household_meant(window, qtbot, open_move):
    households = two_households_with_a_wu_jiating(window)
    dialog = open_move
    qtbot.keyClicks(dialog.picker, "wjt")
    qtbot.waitUntil(lambda: dialog.hits.count() == 2, timeout=5000)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Down)
    assert dialog.hits.currentRow() == 1
    meant = dialog.hits.item(1).data(Qt.ItemDataRole.UserRole).household_id
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.target is not None and dialog.target.household_id == meant
    assert dialog.isVisible() and dialog.changes is None  # Enter chose; it moved no one
    # the two have one name: the label names the household's address
    assert dialog.hits.item(1).data(Qt.ItemDataRole.UserRole).address in dialog.chosen.text()
    # Up back to the first and Enter: the choice follows
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    first = dialog.hits.item(0).data(Qt.ItemDataRole.UserRole).household_id
    assert dialog.target.household_id == first != meant
    assert sorted(households) == sorted([first, meant])
    dialog.relocate()
    assert dialog.changes is not None
    moved = Records(window.session.ledger).get(Person, dialog.person.id)
    assert moved.household_id == first


def test_enter_without_arrows_takes_the_first_household(window, qtbot, open_move):
    two_households_with_a_wu_jiating(window)
    dialog = open_move
    qtbot.keyClicks(dialog.picker, "wjt")
    qtbot.waitUntil(lambda: dialog.hits.count() == 2, timeout=5000)
    first = dialog.hits.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.target is not None and dialog.target.id == first.id
    assert dialog.isVisible() and dialog.changes is None


def test_a_new_household_opens_on_the_persons_own_area(window, qtbot):
    """分户 on a ledger holding more than one village (a township's, the county's, one not
    enrolled): 新户所在地 opened on the first village or site of the list — another township's
    安置点 — so a household split in 大坝村 went, unless the coordinator noticed, to a place
    its people never lived. It now opens on the area the person's household is in."""
    from fieldapp.domain.enums import AreaKind
    from fieldapp.domain.models import Area
    from fieldapp.ui.dialogs.person_moves import MoveDialog

    repo = Records(window.session.ledger)
    repo.ensure_area(  # listed before 大坝村 (520502001001)
        Area(code="520502000901", name="锦绣园安置点", kind=AreaKind.SITE, parent_code="520502")
    )
    person = repo.select(Person, "name = ?", ["王小明"])[0]
    dialog = MoveDialog(window.session, person, window)
    try:
        assert dialog.area._codes.index("520502000901") < dialog.area._codes.index(VILLAGE)
        assert dialog.area.code() == VILLAGE, dialog.area.currentText()
    finally:
        dialog.discard()  # stops its search thread
        dialog.deleteLater()
