"""The due list is worked out off the GUI thread, and the newest question wins: choosing another
area while a list is being built cancels it at once, the table and the summary never show the
old area's items under the new choice, and the old list's late results are dropped."""

from __future__ import annotations

import threading

from fieldapp.ui.pages import due as due_module
from tests.ui.conftest import wait_idle


def test_a_new_area_cancels_the_list_being_built_and_never_shows_it(
    demo_window, qtbot, monkeypatch
):
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    assert due.items and due.summary.text()
    village = due.items[0].area_code[:12]
    # The whole area's list hangs (a county on an old laptop) until released.
    gate = threading.Event()
    original = due_module.due_list

    def slow(ledger, policy, on, area):  # noqa: ANN001, ANN202
        if not area:
            gate.wait(20)
        return original(ledger, policy, on, area)

    monkeypatch.setattr(due_module, "due_list", slow)
    try:
        due.area.set_code("")
        due.refresh()
        assert due.panel.busy
        # Being worked out: nothing of the last list is shown as if it were this one's.
        assert due.model.rowCount() == 0 and due.items == []
        assert "已逾期" not in due.summary.text()
        due.area.set_code(village)  # the user changes their mind
        # The village's list arrives while the whole area's is still stuck.
        wait_idle(qtbot, due, timeout=8000)
        assert not gate.is_set()
        assert due.items and all(i.area_code.startswith(village) for i in due.items)
        assert due.area.code() == village
    finally:
        gate.set()
    # The old list finishes late: it is dropped, not shown under the village.
    qtbot.wait(600)
    assert due.items and all(i.area_code.startswith(village) for i in due.items)
    assert all(row.area_code.startswith(village) for row in due.model.rows)
    assert due.summary.text().endswith(f"共 {len(due.items)} 项")
    assert not due.panel.busy


def test_the_policy_work_of_the_list_stays_off_the_gui_thread(demo_window, qtbot, monkeypatch):
    threads: list[threading.Thread] = []
    original = due_module.calendar_notices

    def noted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(due_module, "calendar_notices", noted)
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    assert due.items and threads
    assert threading.main_thread() not in threads


def test_building_the_page_leaves_the_holiday_tables_to_the_list_work():
    """Every country's holiday module (`holidays.countries`, a fifth of a second and more on an
    old laptop) is imported by the thread that counts deadlines, not as the page is built."""
    import subprocess
    import sys

    code = "import sys; import fieldapp.ui.pages.due; print('holidays.countries' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip() == "False"
