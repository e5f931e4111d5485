"""The county's desk with held changes to review: a hub holding a change of each kind from a
village laptop, and the window enrolled with it as the county's (`county_desk`)."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from tests.helpers.held_kinds import held_of_each_kind
from tests.ui.conftest import VILLAGE, enrol_county
from tests.ui.laptops import _laptop


def county_desk(window, tmp_path, warnings_shown):  # noqa: ANN001, ANN201
    """A hub holding a change of each kind from a village laptop, and this window enrolled
    with it as the county's desk: (hub, the village's ledger, the sync page, what no cell may
    say — `held_of_each_kind`'s codes and ids)."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    unsaid = held_of_each_kind(hub, village, VILLAGE, tmp_path)
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    return hub, village, page, unsaid
