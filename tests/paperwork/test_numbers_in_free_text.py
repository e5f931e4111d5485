"""Numbers a coordinator types into free text (a visit's outcome, a month's status note, an
employer's name, a batch's name) on the papers that go out in public: the 公示表 on the village
wall and the 走访记录 carried door to door mask them as their own columns mask an ID number or
an account; the papers that are not posted (花名册 to the township) print them as typed."""

from __future__ import annotations

import datetime as dt
import json

from fieldapp.paperwork.jobs import notice_job, roster_job, visits_job
from fieldapp.paperwork.masking import mask_numbers
from tests.paperwork.builders import VILLAGE, add_claims
from tests.paperwork.pdftext import pdftotext, reader
from tests.paperwork.visited_village import _typed_on_the_sheet, _village

PHONE, ID, CARD = "13800001234", "520502199001011234", "6230520102030405067"
#: The note of the brief: a private category, a phone, an ID and a card, typed as one line.
NOTE = f"低保户，电话{PHONE}，身份证{ID}，卡号6230 5201 0203 0405 067"
FULL = (PHONE, ID, CARD, "6230 5201 0203 0405 067", ID[6:14])
MASKED = ("138****1234", "520502********1234", "****5067")


def _read(pdf: bytes) -> str:
    """What pdftotext reads off every page, without white space (a cell's words wrap)."""
    return "".join("".join(pdftotext(pdf, layout=False)).split())


def test_numbers_in_free_text_are_masked_as_the_columns_mask_theirs():
    assert mask_numbers(NOTE) == ("低保户，电话138****1234，身份证520502********1234，卡号****5067")
    assert mask_numbers("身份证52050219900101123X") == "身份证520502********123X"
    assert mask_numbers("厂办0574-86861234") == "厂办0574-****1234"
    # Days, amounts, counts and what is masked already stay as typed.
    for kept in ("2026-10-05回访", "月收入4500元", "2026年10月5日", "H000001户", "共12人"):
        assert mask_numbers(kept) == kept
    assert mask_numbers(mask_numbers(NOTE)) == mask_numbers(NOTE)


def test_numbers_typed_with_dashes_are_masked_too():
    """A card, a mobile or an ID typed in groups joined by dashes (6230-5201-0203-0405-067,
    138-0000-1234) printed whole: each group was too short to be taken for a person's number.
    Days written with dashes (2026-10-05) stay as typed."""
    assert mask_numbers("卡号6230-5201-0203-0405-067") == "卡号****5067"
    assert mask_numbers("电话138-0000-1234") == "电话138****1234"
    assert mask_numbers("身份证520502-19900101-1234") == "身份证520502********1234"
    assert mask_numbers("厂办0851-2722-1234") == "厂办****1234"
    assert mask_numbers("卡号6230.5201.0203.0405.067") == "卡号****5067"
    assert mask_numbers("身份证520502/19900101/1234") == "身份证520502********1234"
    for kept in ("2026-10-05回访", "2026-10-05至2026-12-31", "2026.10.05回访", "2026/10/05"):
        assert mask_numbers(kept) == kept
    for typed in ("卡号6230-5201-0203-0405-067", "电话138-0000-1234"):
        assert mask_numbers(mask_numbers(typed)) == mask_numbers(typed)


def test_the_visit_sheet_carried_door_to_door_masks_numbers_typed_into_it(ledger):
    """A visit's outcome typed as 低保户，电话13800001234，身份证520502199001011234，卡号… and a
    month's status note with a phone printed on the 走访记录 as typed: the full ID number,
    phone and card on a sheet that lies open on the neighbours' tables (its own columns print
    neither ID nor account). They now print masked (138****1234, 520502********1234,
    ****5067); the words stay as typed, 低保户 too (DOMAIN.md: 低保 is a funding source the
    papers name; only 残疾/戒毒/刑满释放 are kept off and pointed out)."""
    people = _village(ledger, households=1, members=2)
    first, second = people[0]
    household = ledger.get("persons", first)["household_id"]
    _typed_on_the_sheet(ledger, household, second, NOTE, f"在家务农，联系电话{PHONE}")
    job = visits_job(ledger, VILLAGE, "2026-10", due=lambda person_id: [])
    text = _read(job.render())
    assert not [n for n in FULL if n.replace(" ", "") in text], text
    assert all(m in text for m in MASKED), text
    assert "低保户" in text and "在家务农，联系电话138****1234" in text, text
    # What is hashed and logged is what is printed.
    assert PHONE not in repr(job.view) and ID not in repr(job.view)


def test_the_notice_masks_numbers_typed_into_an_employer_and_the_batch_name(ledger):
    """An employer recorded as 宁波某某电子有限公司（张三13800001234） and a batch named with the
    clerk's card number printed on the 公示表 as recorded — a phone and a card on the village
    wall, beside an ID column masked to 520502********1234. They now print masked; the 花名册,
    which goes to the township and is never posted, prints them as recorded."""
    batch_id, claims = add_claims(ledger, 2)
    claim = ledger.get("claims", claims[0])
    facts = json.loads(claim["facts"])
    facts["spell"]["employer"] = f"宁波某某电子有限公司（张三{PHONE}）"
    with ledger.transaction():
        ledger.update("claims", claims[0], {"facts": json.dumps(facts, ensure_ascii=False)})
        ledger.update("batches", batch_id, {"title": f"一次性交通补助（代发卡号{CARD}）"})
    notice = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    pdf = notice.render()
    text = _read(pdf)
    assert PHONE not in text and CARD not in text, text
    assert CARD not in str(reader(pdf).metadata) and CARD not in repr(notice.view)
    assert "张三138****1234" in text and "代发卡号****5067" in text, text
    assert PHONE not in notice.title and CARD not in notice.file_name()
    roster = _read(roster_job(ledger, batch_id).render())
    assert f"张三{PHONE}" in roster, roster


def test_a_day_typed_without_dashes_prints_as_typed():
    """回访20261204 printed as 回访****1204 on the 公示表 and the 走访记录: eight digits were
    taken for an account. A real day of 19xx or 20xx standing alone now prints as typed; eight
    digits that could be a part of a person's number — joined to other digits by a space, dash,
    slash or point, after a word such as 电话 or 卡号, or no real day at all — are masked.
    (A card or an ID typed in groups joined by points or slashes printed whole: they are
    masked as those joined by dashes are.)"""
    for kept in (
        "20261204回访",
        "于19990101外出务工",
        "20261001至20261231在岗",
        "（20261204）",
        "2026-12-04回访，20261205再访",
    ):
        assert mask_numbers(kept) == kept, kept
    assert mask_numbers("20261204回访，电话13800001234") == "20261204回访，电话138****1234"
    for typed, masked in (
        ("电话20261204", "电话****1204"),  # a landline's 8 digits
        ("卡号：20261204", "卡号：****1204"),
        ("身份证520502 19900101 1234", "身份证520502********1234"),
        ("身份证520502/19900101/1234", "身份证520502********1234"),
        ("身份证520502 19900101", "身份证****0101"),  # the birth day beside the region
        ("6230.5201.2026.1204.067", "****4067"),  # a card typed in groups with points
        ("6230 20261204", "****1204"),
        ("20261204-1234", "****1204-1234"),
        ("20260231回访", "****0231回访"),  # no 31 February
        ("21001204", "****1204"),  # 2100: no year a coordinator types
        ("19901301", "****1301"),
    ):
        assert mask_numbers(typed) == masked, typed
        assert mask_numbers(masked) == masked, masked


def test_the_notice_and_the_visit_sheet_print_a_day_typed_without_dashes(ledger):
    """On the papers that go out in public: an employer recorded as 宁波某某电子（20261101入职，
    电话13800001234） prints its day on the 公示表 and masks the phone; a visit's outcome
    20261204回访，卡号6230 5201 2026 1204 on the 走访记录 keeps its day and masks the card whose
    last groups read as a day."""
    batch_id, claims = add_claims(ledger, 2)
    claim = ledger.get("claims", claims[0])
    facts = json.loads(claim["facts"])
    facts["spell"]["employer"] = f"宁波某某电子（20261101入职，电话{PHONE}）"
    with ledger.transaction():
        ledger.update("claims", claims[0], {"facts": json.dumps(facts, ensure_ascii=False)})
    text = _read(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    assert "宁波某某电子（20261101入职，电话138****1234）" in text, text
    people = _village(ledger, households=1, members=2)
    first, second = people[0]
    household = ledger.get("persons", first)["household_id"]
    _typed_on_the_sheet(ledger, household, second, "20261204回访，卡号6230 5201 2026 1204", "")
    text = _read(visits_job(ledger, VILLAGE, "2026-10", due=lambda person_id: []).render())
    assert "20261204回访，卡号****1204" in text, text
    assert "62305201" not in text and "2026 1204" not in text


def test_eight_digits_after_a_cards_or_accounts_word_are_masked_whatever_stands_between():
    """卡 20261204 printed as a day on the 公示表: only 卡号-like words counted, and 卡 alone,
    号, 账户 or 存折 did not. Eight digits after any word a person's number follows — 卡, 号,
    账户, 存折, 社保, 银行, with spaces or a colon (half or full width) between — are masked;
    a day after other words still prints as typed."""
    for word in (
        "卡",
        "银行卡",
        "社保卡",
        "号",
        "账户",
        "帐户",
        "存折",
        "社保",
        "银行",
        "QQ",
        "qq",
        "Tel",
        "No.",
    ):
        for between in ("", " ", "  ", "：", ":", "： ", " : ", "\u3000"):
            typed = f"{word}{between}20261204"
            assert mask_numbers(typed) == f"{word}{between}****1204", typed
    for typed, masked in (
        ("张三的卡 20261204，回访20261205", "张三的卡 ****1204，回访20261205"),
        ("开户行农行，账户：20261204", "开户行农行，账户：****1204"),
        ("存折 2026 1204", "存折 ****1204"),  # in groups: masked as it always was
    ):
        assert mask_numbers(typed) == masked, typed
        assert mask_numbers(masked) == masked, masked
    for kept in ("回访 20261204", "走访：20261204", "外出务工 20261204 返乡"):
        assert mask_numbers(kept) == kept, kept


def test_a_number_glued_to_letters_is_masked_as_any_other():
    """QQ1234567890, tel13812345678 and ID520502199001011234 printed whole on the 公示表 and
    the 走访记录: digits glued to letters were taken for a code. A run long enough to be an ID,
    a phone or an account is masked however it is glued — before letters or after them — and
    a word with a few digits in it stays as typed."""
    for typed, masked in (
        ("QQ1234567890", "QQ****7890"),
        ("qq 1234567890", "qq ****7890"),
        ("tel13812345678", "tel138****5678"),
        ("Tel:13812345678", "Tel:138****5678"),
        ("13812345678Tel", "138****5678Tel"),
        ("微信wx13800001234", "微信wx138****1234"),
        ("zhangsan13800001234@qq.com", "zhangsan138****1234@qq.com"),
        ("No.6230520102030405067", "No.****5067"),
        ("卡号No6230520102030405067", "卡号No****5067"),
        ("ID520502199001011234", "ID520502********1234"),
        ("ID52050219900101123X号", "ID520502********123X号"),
        ("身份证52050219900101123Xiaoming", "身份证520502********123Xiaoming"),
        ("电话13800001234x", "电话138****1234x"),  # an x no ID ends in: the word's
        ("SO20261204001", "SO****4001"),
        ("No20261204", "No****1204"),  # after No.: a number, as after 号
        ("TEL0851-86861234", "TEL0851-****1234"),
        ("户号H0000000123", "户号H****0123"),
    ):
        assert mask_numbers(typed) == masked, typed
        assert mask_numbers(masked) == masked, masked
    for kept in (
        "A3纸",
        "3号楼",
        "B2栋201室",
        "Win10",
        "iPhone15",
        "5G手机",
        "ISO9001",
        "GB/T19001-2016",
        "H000001户",
        "Room 20261204回访",
        "2026-10-05回访",
    ):
        assert mask_numbers(kept) == kept, kept


def test_the_notice_masks_a_number_glued_to_letters(ledger):
    """An employer recorded as 宁波某某电子（QQ1234567890，tel13812345678） and a batch named with
    the clerk's card after No. printed those whole on the 公示表; they now print masked, the
    花名册 (to the township, never posted) as recorded."""
    batch_id, claims = add_claims(ledger, 2)
    claim = ledger.get("claims", claims[0])
    facts = json.loads(claim["facts"])
    facts["spell"]["employer"] = "宁波某某电子（QQ1234567890，tel13812345678，A3车间）"
    with ledger.transaction():
        ledger.update("claims", claims[0], {"facts": json.dumps(facts, ensure_ascii=False)})
        ledger.update("batches", batch_id, {"title": f"一次性交通补助（代发卡No.{CARD}）"})
    notice = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    text = _read(notice.render())
    for whole in ("1234567890", "13812345678", CARD):
        assert whole not in text, (whole, text)
    assert "宁波某某电子（QQ****7890，tel138****5678，A3车间）" in text, text
    assert "代发卡No.****5067" in text, text
    assert CARD not in repr(notice.view) and CARD not in notice.file_name()
    roster = _read(roster_job(ledger, batch_id).render())
    assert "QQ1234567890，tel13812345678" in roster, roster
