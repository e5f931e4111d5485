"""The person panel's 基本信息 said the birth day as the database keeps it, “男 1980-03-16
（46 岁）”, two lines above “本月状态 2026年12月：…”. It says it as a paper writes it now:
男 1980年3月16日（46 岁）."""

from __future__ import annotations

import re

from fieldapp.domain.models import Person
from tests.records import Records


def test_the_birth_day_is_said_as_written(window):
    person = Records(window.session.ledger).select(Person, "name = ?", ["张长英"])[0]
    page = window.show_page("ledger")
    page.open_person(person.id)
    text = page.panel.summary.text()
    (born,) = re.findall(r"性别 / 出生</td><td>([^<]*)<", text)
    assert born.startswith("男  1980年3月16日（"), born
