"""冲突审核 (同步 page) for a coordinator: a conflict on a link between rows (two devices moved the
same child into different households at once) listed and offered the households' ids
('a3f0c1…' / '9b2d…') as its values, and a conflict on 所在区域 the area codes; a typed new
value would have stored whatever was typed as the link. The review now says each value as the
coordinator knows it (the household by its head, 张长英家, or its address; an area by its
name), whose it is, who changed it, when and on which device by name; a link is chosen from
the values, not typed. No id, UUID or device id reaches the table, the choices or a tooltip."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from tests.conftest import make_id
from tests.records import Records
from tests.ui.conftest import VILLAGE

#: Something that looks like a row id or device id (hex runs of 8 or more).
ID_LIKE = re.compile(r"[0-9a-f]{8,}|remote-device")


def _all_text(review) -> list[str]:  # noqa: ANN001
    """Everything the review shows: table cells and tooltips, the detail grid, the choices."""
    model = review.model
    shown = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value:
                    shown.append(str(value))
    for n in range(review.grid.count()):
        widget = review.grid.itemAt(n).widget()
        if isinstance(widget, QLabel) or hasattr(widget, "text"):
            shown.append(widget.text())
            shown.append(widget.toolTip())
    shown.append(review.summary.text())
    return [s for s in shown if s]


def test_a_conflict_on_a_persons_household_says_the_households(window, qtbot):
    led = window.session.ledger
    repo = Records(led)
    other = repo.save(Household(area_code=VILLAGE, address="大坝村二组 3 号"))
    repo.add_person(
        Person(
            name="王小红",
            id_number=make_id(birth="19800101", seq="222"),
            household_id=other,
            relation=Relation.HEAD,
        )
    )
    third = repo.save(Household(area_code=VILLAGE, address="大坝村三组 9 号"))
    (person_id, first) = led.db.execute(
        "SELECT id, household_id FROM persons WHERE name = '王小明'"
    ).fetchone()
    seen = led.heads("persons", person_id)["household_id"]
    with led.transaction():
        led.update("persons", person_id, {"household_id": other})
    remote = Change(
        "remote-device", 1, format_stamp(1_700_000_000_000, 0), "李四", "persons", person_id,
        {"household_id": third}, {"household_id": seen},
    )  # fmt: skip
    led.apply_changes([remote])

    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 1
    shown = _all_text(review)
    leaked = [s for s in shown if ID_LIKE.search(s) or any(i in s for i in (other, third, first))]
    assert not leaked, leaked
    buttons = sorted(b.text() for b in review.choices.buttons())
    assert buttons == ["大坝村三组 9 号", "王小红家"], buttons
    assert review.model.data(review.model.index(0, 1)) == "王小明"
    assert "李四" in shown and "另一台设备（名称未知）" in shown
    # When, in China time whatever zone the computer keeps (1_700_000_000_000 ms is
    # 2023-11-14 22:13 UTC).
    assert "2023-11-15 06:13" in shown, shown
    # A link is chosen among the values: typing one is not offered.
    assert not review.new_value.isEnabled()
    review.choose([b.text() for b in review.choices.buttons()].index("王小红家"))
    assert review.resolve_selected()
    moved = led.db.execute("SELECT household_id FROM persons WHERE id = ?", [person_id])
    assert moved.fetchone()[0] == other


def test_a_conflict_on_a_households_area_says_the_places(window, qtbot):
    led = window.session.ledger
    household_id = led.db.execute("SELECT id FROM households").fetchone()[0]
    seen = led.heads("households", household_id)["area_code"]
    with led.transaction():
        led.update("households", household_id, {"area_code": "520502001"})
    remote = Change(
        "remote-device", 1, format_stamp(1_700_000_000_000, 0), "李四", "households",
        household_id, {"area_code": "520502001002"}, {"area_code": seen},
    )  # fmt: skip
    led.apply_changes([remote])
    review = window.show_page("sync").conflicts
    review.refresh()
    shown = _all_text(review)
    assert not [s for s in shown if re.search(r"\d{9,}", s) or ID_LIKE.search(s)], shown
    assert "市西街道" in " ".join(b.text() for b in review.choices.buttons())
    assert review.model.data(review.model.index(0, 1)) == "张长英家"
    assert review.new_value.isEnabled() is False
