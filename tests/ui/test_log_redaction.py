"""The application log after a realistic session holds no name, ID number, phone or account
in clear (UTF-8, UTF-16 and GB18030 searched), yet still says what failed and where."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from fieldapp.domain.models import Person
from fieldapp.domain.redact import redact
from fieldapp.ui import errors
from fieldapp.ui.operations import Operation
from tests.helpers.clear_text import SECRETS, assert_no_clear_text


def test_redact_masks_digits_and_chinese_and_keeps_the_shape():
    text = f"第 5 行 {SECRETS['name']}：身份证号 {SECRETS['id_number']} 电话 139-8501-2345"
    masked = redact(text)
    assert SECRETS["name"] not in masked and SECRETS["id_number"] not in masked
    assert "139" not in masked and "8501" not in masked
    assert "‹4字›" in masked and "‹18位数字›" in masked and "‹11位数字›" in masked


def test_the_log_of_a_session_holds_no_personal_data(qtbot, window, warnings_shown):
    errors.setup_logging()
    log = logging.getLogger("fieldapp.ui")
    log.info("导入了 %s，身份证号 %s", SECRETS["name"], SECRETS["id_number"])
    try:
        Person(name=SECRETS["name"], id_number="123", phone=SECRETS["phone"])
    except ValidationError:
        log.exception("保存人员失败")
    try:
        raise KeyError({"name": SECRETS["name"], "account_number": SECRETS["account"]})
    except KeyError as error:
        errors.excepthook(type(error), error, error.__traceback__)

    def fail(_progress):
        raise RuntimeError(f"{SECRETS['name']} 的账号 {SECRETS['account']} 写入失败")

    operation = Operation(fail).start()
    qtbot.waitUntil(lambda: operation.done, timeout=10000)
    for handler in logging.getLogger("fieldapp").handlers:
        handler.flush()
    path = Path(os.environ["FIELDAPP_HOME"]) / "fieldapp.log"
    text = path.read_text(encoding="utf-8")
    assert "KeyError" in text and "RuntimeError" in text and "ValidationError" in text
    assert 'File "' in text and "test_log_redaction.py" in text  # where it failed is kept
    assert "保存人员失败" in text  # the code's own message template is kept
    assert_no_clear_text(path)
    if os.name != "nt":
        assert path.stat().st_mode & 0o077 == 0


@pytest.fixture(autouse=True)
def _fresh_log_handlers():
    """setup_logging adds one file handler per process; each test gets its own file."""
    root = logging.getLogger("fieldapp")
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)
