"""This laptop's date against the county hub's (`services.clock`), said in the language shown:
over the pages, on the 同步 page, and when a save is refused for it. The sentences are the
service's own (`clock.AHEAD`, `clock.BEHIND`: the command line says them in Chinese),
translated here; `packaging/update_translations.py` marks them for pyside6-lupdate in
`held_words_catalogue` (it cannot read words out of constants)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.services import clock
from fieldapp.services.clock import ClockWrong

CONTEXT = "Clock"


def sentences() -> tuple[str, ...]:
    """The service's sentences this module translates (for the translation catalogue)."""
    return (clock.AHEAD, clock.BEHIND)


def clock_told(days: int) -> str:
    """What to tell of a date `days` ahead of the hub's (negative: behind); '' for 0. How to
    set the date is said in Windows's own words (the clock at the screen's bottom right)."""
    if not days:
        return ""
    text = QCoreApplication.translate(CONTEXT, clock.AHEAD if days > 0 else clock.BEHIND)
    return text.replace("%1", str(abs(days)))


def clock_refused(error: ClockWrong) -> str:
    """A save refused for the date: that nothing was saved and the form keeps what was typed
    (every form stays open on a refusal), then `clock_told`."""
    return (
        QCoreApplication.translate(
            "Clock", "这次的修改没有保存，填写的内容还在：把日期改对后再保存一次即可。"
        )
        + "\n\n"
        + clock_told(error.days)
    )
