"""One progress/cancel vocabulary: the Ticker both ways it is driven."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import Cancelled, Ticker, check_cancel


def test_cancelled_is_a_user_error_with_a_chinese_message():
    assert issubclass(Cancelled, FieldappError)
    assert "已取消" in str(Cancelled())
    assert str(Cancelled("已取消导出")) == "已取消导出"
    check_cancel(None)
    check_cancel(lambda: False)
    with pytest.raises(Cancelled, match="停"):
        check_cancel(lambda: True, "停")


def test_step_reports_every_unit_then_asks():
    seen: list[tuple[int, int]] = []
    ticker = Ticker(lambda d, t: seen.append((d, t)), lambda: len(seen) >= 2, 5, message="印")
    ticker.step()
    with pytest.raises(Cancelled, match="印"):
        ticker.step()
    assert seen == [(1, 5), (2, 5)]


def test_tick_reports_now_and_then_and_always_at_the_end():
    seen: list[tuple[int, int]] = []
    ticker = Ticker(lambda d, t: seen.append((d, t)), None, every=100)
    for done in range(0, 251):
        ticker.tick(done, 250)
    assert seen == [(0, 250), (100, 250), (200, 250), (250, 250)]
    ticker.tick(251, 300, force=True)
    assert seen[-1] == (251, 300)


def test_tick_asks_before_reporting():
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        Ticker(seen.append, lambda: True).tick(0, 10, force=True)
    assert seen == []
