"""The words a 收款… label wraps by (`PAYEE_WORDS`) were a hand-written list beside the `Payee`
kinds: a fourth kind would have wrapped by characters (收款劳务派遣公 / 司) and no test said so.
They are now each kind's words (`PAYEE_KIND_WORDS`), checked at import: every kind but 个人
has words, and they spell it."""

from __future__ import annotations

from enum import StrEnum

import pytest

from fieldapp.domain.claims import Payee
from fieldapp.paperwork.form import PAYEE_KIND_WORDS, PAYEE_WORDS, payee_words


def test_every_kind_paid_as_a_unit_wraps_by_its_own_words():
    units = [kind for kind in Payee if kind != Payee.PERSON]
    assert set(PAYEE_KIND_WORDS) == set(units)
    for kind in units:
        label = f"收款{kind}"
        # the label is its words, whole, nothing left to wrap by characters
        assert "".join(PAYEE_WORDS.findall(label)) == label, kind
        assert PAYEE_WORDS.findall(label) == ["收款", *PAYEE_KIND_WORDS[kind]]
    assert PAYEE_WORDS.findall("收款经营性人力资源服务机构") == [
        "收款",
        "经营性",
        "人力资源",
        "服务机构",
    ]


class FourKinds(StrEnum):
    PERSON = "个人"
    EMPLOYER = "用人单位"
    AGENCY = "经营性人力资源服务机构"
    DISPATCH = "劳务派遣公司"


def test_a_kind_without_its_words_stops_the_import():
    with pytest.raises(ValueError, match="劳务派遣公司"):
        payee_words(FourKinds, PAYEE_KIND_WORDS)
    # given its words, it wraps by them
    words = {**PAYEE_KIND_WORDS, FourKinds.DISPATCH: ("劳务派遣", "公司")}
    assert payee_words(FourKinds, words).findall("收款劳务派遣公司") == ["收款", "劳务派遣", "公司"]


def test_words_that_do_not_spell_their_kind_stop_the_import():
    words = {**PAYEE_KIND_WORDS, Payee.AGENCY: ("经营性", "人力资源")}
    with pytest.raises(ValueError, match="经营性人力资源服务机构"):
        payee_words(Payee, words)
