"""A hub password of a few digits (a county's "8765") was masked wherever those digits stood:
inside a port (127.0.0.1:48765), a count, an hour, a status code — `hub serve`'s log lost
the numbers the county's IT reads it for. It is masked where it stands as itself, and still
everywhere it does."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator

import pytest

from fieldapp.domain import redact as redact_module
from fieldapp.domain.redact import SECRET, RedactingFormatter, hide, redact

PASSWORD = "8765"


@pytest.fixture(autouse=True)
def _hidden_here(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The passwords hidden by this module's tests are forgotten after each (hide() keeps them
    for the life of the process, as `hub serve` wants)."""
    monkeypatch.setattr(redact_module, "_hidden", set())
    monkeypatch.setattr(redact_module, "_pattern", redact_module._EITHER)
    hide(PASSWORD)
    yield


@pytest.mark.parametrize(
    "line",
    [
        "在 http://127.0.0.1:48765/ 提供服务",
        "在 http://0.0.0.0:8765/ 提供服务",  # the port, though it is the password's digits
        "已导入 187654 条中的 18765 条",
        "用时 8765.5 秒，1.8765 MB",
        "数据包 20261204-087651.fieldsync",
        '127.0.0.1:53210 - "GET /v1/health HTTP/1.1" 200',
    ],
)
def test_the_passwords_digits_inside_other_numbers_stay(line: str) -> None:
    said = redact(line)
    assert SECRET not in said, said
    # What the digits rule masks anyway (six or more digits) aside, the line is as it was.
    assert said == redact_module._EITHER.sub(redact_module._mask, line)


@pytest.mark.parametrize(
    "line",
    [
        "中心口令 8765 不对",
        "打开失败：'8765'",
        "password=8765",
        "postgresql://fieldapp:8765@db.county/hub",
        "口令是8765，请核对",
        "8765",
    ],
)
def test_the_password_standing_as_itself_is_hidden(line: str) -> None:
    said = redact(line)
    assert PASSWORD not in said and SECRET in said, said


def test_a_port_or_status_code_given_as_a_number_stays_a_number() -> None:
    record = logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1,
                               "在端口 %d 上提供服务（%s）", (8765, "口令 8765"), None)  # fmt: skip
    said = RedactingFormatter("%(message)s").format(record)
    assert said.startswith("在端口 8765 上提供服务") and PASSWORD not in said.split("（")[1]


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
def test_a_log_lines_time_is_china_time_with_its_offset_on_a_utc_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`hub serve`'s log (and the desktop's fieldapp.log) began each line with the computer's
    clock and no zone: a county server kept in UTC logged 02:31:00 for a fault at 10:31 in the
    office. Each line now starts with China time and its offset."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        record = logging.makeLogRecord({"msg": "出错了", "levelname": "ERROR", "name": "fieldapp"})
        record.created = dt.datetime(2026, 12, 4, 2, 31, 0, 250000, tzinfo=dt.UTC).timestamp()
        record.msecs = 250.0
        said = RedactingFormatter("%(asctime)s %(levelname)s %(message)s").format(record)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert said == "2026-12-04 10:31:00,250+08:00 ERROR 出错了", said
