"""GB 11643 ID numbers: check character, dates, lengths, regions, normalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.domain.sentences import said
from tests.conftest import make_id


def test_valid_id_gives_birth_date_and_sex():
    info = idnumber.validate(make_id("520502", "19750516", "001"))
    assert info.birth_date == dt.date(1975, 5, 16)
    assert info.sex == "男"
    assert info.region == "贵州省毕节市七星关区"
    assert info.warnings == ()


def test_even_sequence_is_female():
    assert idnumber.validate(make_id(seq="124")).sex == "女"


def test_check_character_x_accepted_in_either_case():
    first = next(
        f"52010219900101{n:03d}"
        for n in range(1000)
        if idnumber.make_check_char(f"52010219900101{n:03d}") == "X"
    )
    assert idnumber.validate(first + "X").number.endswith("X")
    assert idnumber.validate(first + "x").number == first + "X"


def test_wrong_check_character_points_at_the_typed_digits_not_the_last_one():
    good = make_id()
    swapped = good[:8] + good[9] + good[8] + good[10:]  # two digits of the year swapped
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.validate(swapped)
    assert err.value.part == "check"
    text = str(err.value)
    assert "校验位" in text and "逐位核对" in text and "不要只改最后一位" in text
    assert "应为" not in text  # it never offers a last digit that would make the typo pass


@pytest.mark.parametrize("birth", ["19850230", "19851301", "20990101", "18500101"])
def test_bad_birth_date_is_refused(birth):
    first = "520502" + birth + "123"
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.validate(first + idnumber.make_check_char(first))
    assert err.value.part == "date"
    assert "出生日期" in str(err.value)


@pytest.mark.parametrize("raw", ["52050219850316123", "5205021985031612345", "5205"])
def test_bad_length_is_refused(raw):
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.validate(raw)
    assert err.value.part == "length"
    assert "18 位" in str(err.value)


def test_letters_inside_are_refused():
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.validate("5205021985031A1234")
    assert err.value.part == "format"


@pytest.mark.parametrize(
    ("region", "birth"),
    [("520502", "19750101"), ("522401", "19750101"), ("520302", "19700101")],
)
def test_codes_stdnum_rejects_by_birth_year_are_accepted(region, birth):
    info = idnumber.validate(make_id(region, birth))
    assert info.region is not None
    assert info.warnings == ()


def test_unknown_region_is_only_a_warning():
    info = idnumber.validate(make_id("529999", "19800101"))
    assert info.region is None
    assert len(info.warnings) == 1 and "529999" in str(info.warnings[0])
    # Held as its sentence, which a window says in its language; read, not made again.
    assert info.warnings == (said(idnumber.REGION_UNKNOWN, "529999"),)
    assert idnumber.warnings_said(info) == info.warnings
    assert idnumber.warnings_said(info._replace(warnings=())) == ()


def test_full_width_digits_spaces_and_hyphens_are_normalised():
    good = make_id()
    full_width = (
        "".join(chr(ord(c) + 0xFEE0) for c in good[:6]) + " " + good[6:14] + "-" + good[14:]
    )
    assert idnumber.validate(full_width).number == good
    assert idnumber.validate(f"  {good[:9]} {good[9:]} ").number == good


def test_excel_float_is_unrecoverable():
    with pytest.raises(InvalidIdNumber) as err:
        idnumber.validate("5.205021975051639e+17")
    assert err.value.part == "excel"
    assert "无法恢复" in str(err.value)


def test_mask_keeps_first_six_and_last_four():
    assert idnumber.mask("520102199001011234") == "520102********1234"


def test_birth_and_sex_for_stored_numbers():
    number = make_id("520502", "19750516", "002")
    assert idnumber.birth_and_sex(number) == (dt.date(1975, 5, 16), "女")
    assert idnumber.birth_and_sex(number[:17] + ("0" if number[17] != "0" else "1")) is None
    assert idnumber.birth_and_sex("5205021975") is None


def test_a_number_no_one_holds_is_explained_when_the_number_itself_is_wrong():
    good = make_id("520502", "19750516", "001")
    assert str(idnumber.not_in_ledger(good)) == f"台账中没有身份证号为 {good} 的人员"
    typo = good[:5] + str((int(good[5]) + 1) % 10) + good[6:]  # one digit mistyped
    said = str(idnumber.not_in_ledger(typo))
    assert said.startswith(f"台账中没有身份证号为 {typo} 的人员。这个号码本身有误：")
    assert "校验位不符" in said
    assert "应为 18 位" in str(idnumber.not_in_ledger(good[:16]))
    # Typed with spaces or full-width digits, it is named as the ledger would hold it.
    assert str(idnumber.not_in_ledger(" ".join([good[:6], good[6:14], good[14:]]))) == (
        f"台账中没有身份证号为 {good} 的人员"
    )
