"""This laptop's date against the county hub's (`services.clock`), said in the language shown:
over the pages, on the 同步 page, and when a save is refused for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.services.clock import ClockWrong


def clock_told(days: int) -> str:
    """What to tell of a date `days` ahead of the hub's (negative: behind); '' for 0. How to
    set the date is said in Windows's own words (the clock at the screen's bottom right)."""
    if not days:
        return ""
    if days > 0:
        text = QCoreApplication.translate(
            "Clock",
            "本机日期比县里快了约%1天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；"
            "改对之前本机不能保存修改（否则记下的事项会被县里暂扣）。",
        )
    else:
        text = QCoreApplication.translate(
            "Clock",
            "本机日期比县里慢了约%1天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；"
            "改对之前本机不能保存修改（否则申请日期、走访日期等都会记错），也无法与县里中心联网"
            "同步。",
        )
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
