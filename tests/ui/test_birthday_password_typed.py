"""The window's password boxes (first user at login, a new password in 设置) hold a password
to the same rule as the command line: a birthday typed as 1985-03-17 or 17031985 is refused
on the first box, saying why, as 19850317 was."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from fieldapp.ui.login import typed_twice


@pytest.mark.parametrize("password", ["1985-03-17", "17031985", "1985/3/17"])
def test_a_birthday_in_another_shape_is_refused_in_the_window(qtbot, password: str) -> None:
    first, again = QLineEdit(), QLineEdit()
    qtbot.addWidget(first)
    qtbot.addWidget(again)
    first.setText(password)
    again.setText(password)
    said: list[str] = []
    assert not typed_twice(first, again, said.append, new=False)
    assert len(said) == 1 and "生日这样的日期" in said[0], said


def test_a_passphrase_with_a_date_in_it_is_taken_in_the_window(qtbot) -> None:
    first, again = QLineEdit(), QLineEdit()
    qtbot.addWidget(first)
    qtbot.addWidget(again)
    first.setText("1985-03-17王强家的牛")
    again.setText("1985-03-17王强家的牛")
    said: list[str] = []
    assert typed_twice(first, again, said.append, new=False), said
