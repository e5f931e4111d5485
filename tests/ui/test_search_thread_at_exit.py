"""A search thread whose owner is never deleted ends at the interpreter's exit, not in a crash.

A move dialog left open (its parent alive until the process ends) kept its search thread
running; Python freeing the running QThread at exit aborted the process ("QThread: Destroyed
while thread 'fieldapp-search' is still running"): a finished test run exited 134 and a closed
app with a crash (`tests/ui/test_person_moves_words.py` run alone exited 134 after passing).
`search_worker._end_all_at_exit` ends such threads first. Which object Python frees first at
exit varies with the hash seed and even the environment, so a run of a child interpreter does
not show it reliably; the handler itself is tested here.
"""

from __future__ import annotations


def test_the_exit_handler_ends_every_search_thread_still_running(qapp) -> None:
    from PySide6.QtCore import QObject

    from fieldapp.ui import search_worker

    owner = QObject()
    services = [search_worker.SearchService("unused.db", owner) for _ in range(3)]
    assert all(s._thread.isRunning() for s in services)
    search_worker._end_all_at_exit()
    assert not any(s._thread.isRunning() for s in services)
    assert not any(id(s._thread) in search_worker._LIVE for s in services)
    owner.deleteLater()
