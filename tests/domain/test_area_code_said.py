"""An area code refused (not 6, 9, 12 or 15 digits; spaces around it) was a Chinese f-string
where the domain makes it, said in Chinese in the English window where a form or a sheet gave
the code; each is a template (`areacode.CODE_LENGTH`, `SPACES_AROUND`), the Chinese as before.
`said_here` counts for `tests.services.test_policy_refusal_sentences.
test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from fieldapp.domain import areacode
from fieldapp.domain.areacode import AreaCode, InvalidAreaCode
from fieldapp.domain.models import Household, exact_area_code
from fieldapp.domain.sentences import Sentence
from tests.services.sentence_checks import templates


def _said() -> list[Sentence]:
    found = []
    for refuse, text in ((AreaCode, "52 05"), (exact_area_code, " 520502")):
        with pytest.raises(InvalidAreaCode) as refused:
            refuse(text)
        assert refused.value.said is not None
        found.append(refused.value.said)
    return found


def said_here() -> set[str]:
    return {t for s in _said() for t in templates(s)}


def test_an_area_code_refused_is_said_as_before() -> None:
    assert [str(s) for s in _said()] == [
        "区划代码“52 05”应为 6、9、12 或 15 位数字",
        "区划代码“ 520502”前后不应有空白",
    ]
    assert said_here() == {areacode.CODE_LENGTH, areacode.SPACES_AROUND}
    with pytest.raises(ValidationError, match="前后不应有空白"):
        Household(area_code="520502101001 ", address="一组")
