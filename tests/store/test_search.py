"""Search by Chinese name (any substring), pinyin, ID digits and phone digits."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import Area, Household, Person
from fieldapp.store.pinyin import search_words
from fieldapp.store.queries.search import PersonSearch
from tests.conftest import make_id

PEOPLE = [
    ("张三", make_id("520502", "19800101", "011"), "13800001234"),
    ("张三丰", make_id("520502", "19810101", "013"), "13900005678"),
    ("李建国", make_id("520302", "19700505", "021"), ""),
    ("单田芳", make_id("520102", "19660606", "031"), ""),
    ("曾国强", make_id("520102", "19770707", "041"), ""),
    ("覃小红", make_id("522401", "19900909", "052"), ""),
    ("区志明", make_id("520502", "19951212", "061"), ""),
    ("张长英", make_id("520502", "19881010", "072"), ""),
    ("欧阳娜娜", make_id("520502", "19991111", "082"), ""),
]


@pytest.fixture
def search(repo):
    repo.ensure_area(Area(code="520502101001", name="红星村", kind="村"))
    hid = repo.save(Household(area_code="520502101001"))
    for name, number, phone in PEOPLE:
        repo.add_person(Person(name=name, id_number=number, phone=phone, household_id=hid))
    return PersonSearch(repo.db)


def names(hits):
    return [h.name for h in hits]


def test_one_chinese_character_finds_every_name_containing_it(search):
    assert set(names(search.search("张"))) == {"张三", "张三丰", "张长英"}
    assert names(search.search("芳")) == ["单田芳"]


def test_two_characters_match_as_a_substring_and_exact_name_ranks_first(search):
    assert names(search.search("张三")) == ["张三", "张三丰"]
    assert names(search.search("建国")) == ["李建国"]
    assert names(search.search("三张")) == []


def test_three_or_more_characters(search):
    assert names(search.search("李建国")) == ["李建国"]
    assert names(search.search("欧阳娜")) == ["欧阳娜娜"]


def test_full_pinyin_and_prefixes(search):
    assert names(search.search("zhangsan")) == ["张三", "张三丰"]
    assert names(search.search("Zhang San")) == ["张三", "张三丰"]
    assert "李建国" in names(search.search("lijian"))


def test_initials_rank_exact_before_prefix(search):
    assert names(search.search("zs")) == ["张三", "张三丰"]
    assert names(search.search("zsf")) == ["张三丰"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("shantianfang", "单田芳"),
        ("stf", "单田芳"),
        ("zengguoqiang", "曾国强"),
        ("qinxiaohong", "覃小红"),
        ("ouzhiming", "区志明"),
        ("oynn", "欧阳娜娜"),
    ],
)
def test_surnames_use_their_surname_reading(search, query, name):
    assert names(search.search(query)) == [name]


def test_every_reading_of_a_polyphonic_given_name(search):
    assert "张长英" in names(search.search("zcy"))
    assert "张长英" in names(search.search("zzy"))


def test_surname_reading_is_not_the_common_one():
    assert "dantianfang" not in search_words("单田芳")
    assert "cengguoqiang" not in search_words("曾国强")


def test_id_digits_anywhere(search):
    number = PEOPLE[2][1]
    assert names(search.search(number[6:10])) == ["李建国"]
    assert names(search.search(number[-6:])) == ["李建国"]


def test_exact_id_first(search):
    number = PEOPLE[0][1]
    assert names(search.search(number))[0] == "张三"
    assert names(search.search(number.lower()))[0] == "张三"


def test_phone_digits(search):
    assert names(search.search("00005678")) == ["张三丰"]
    assert names(search.search("13800001234")) == ["张三"]


def test_deleted_persons_are_not_found(search, repo):
    person = repo.person_by_id_number(PEOPLE[2][1])
    repo.ledger.delete("persons", person.id)
    assert search.search("李建国") == []


def test_renamed_person_is_found_by_the_new_name(search, repo):
    person = repo.person_by_id_number(PEOPLE[2][1])
    repo.ledger.update("persons", person.id, {"name": "李建华"})
    assert names(search.search("jianhua")) == ["李建华"]
    assert search.search("李建国") == []


def test_area_filter_and_empty_query(search):
    assert search.search("   ") == []
    assert len(search.search("张", area_prefix="520502101")) == 3
    assert search.search("张", area_prefix="520302") == []


def test_rare_readings_rank_after_every_usual_match(repo):
    """At 100k, "wjt" found names only through 超 read tiao mixed in with the true matches."""
    repo.ensure_area(Area(code="520502101001", name="红星村", kind="村"))
    hid = repo.save(Household(area_code="520502101001"))
    rare = ["吴佳超", "王家超", "魏金超"]  # w-j-t only if 超 is read tiao
    usual = ["王建涛", "吴金婷", "王佳涛", "魏剑彤"]
    for n, name in enumerate(rare + usual):
        number = make_id("520502", f"1980{n + 1:02d}15", f"{200 + 2 * n:03d}")
        repo.add_person(Person(name=name, id_number=number, household_id=hid))
    search = PersonSearch(repo.db)
    found = names(search.search("wjt"))
    assert set(found[: len(usual)]) == set(usual)
    assert set(found[len(usual) :]) == set(rare)
    # With as many usual matches as asked for, the rare ones are left out altogether.
    assert set(names(search.search("wjt", limit=len(usual)))) == set(usual)
    # The usual reading of a polyphone in context comes first (李长春: chang, not zhang).
    assert search_words("李长春").split()[3:6] == ["lichangchun", "lcc", "changchun"]


def test_search_words_of_names_that_are_not_all_chinese():
    """A name starting with a sign or a digit (a spreadsheet formula typed as a name) has words."""
    for name in ("=1+1", "+1", "@SUM(A1)", '=HYPERLINK("http://x","点我")', "张A"):
        assert search_words(name).split()[0] == name[0]


@pytest.mark.parametrize(
    "query", ["张", "zs", "zhang", "0000", "13800001234", PEOPLE[1][1], "1980"]
)
def test_table_rows_are_the_same_persons_in_the_same_order(search, query):
    # The ledger table's search reads its rows in the search's own query (no second fetch).
    hits = search.search(query, limit=200)
    rows = search.rows(query, limit=200)
    assert [r.id for r in rows] == [h.id for h in hits] and hits
    assert [(r.name, r.id_number, r.area_code) for r in rows] == [
        (h.name, h.id_number, h.area_code) for h in hits
    ]
    assert all(r.rowid for r in rows)


def test_short_digits_are_found_in_a_phone_without_the_whole_phone_lookup(search):
    assert names(search.search("1234")) == ["张三"]  # four digits inside a phone
    assert names(search.search("0000123")) == ["张三"]


def test_a_whole_phone_ranks_first_and_is_read_through_its_index(search, repo):
    # A landline whose digits open every ID number of the county (520502 + born 19…): the
    # whole-phone lookup still puts its owner first, and reads the phone index (migration 28),
    # not the trigram index every ID number shares those digits in.
    hid = repo.save(Household(area_code="520502101001"))
    repo.add_person(
        Person(
            name="杨座机",
            id_number=make_id("520302", "19750505", "091"),
            phone="5205021",
            household_id=hid,
        )
    )
    hits = search.search("5205021", limit=2)
    assert names(hits)[0] == "杨座机" and len(hits) == 2
    plan = repo.db.execute(
        "EXPLAIN QUERY PLAN SELECT p.id FROM persons p WHERE p.deleted = 0 AND p.phone = ?",
        ["5205021"],
    ).fetchall()
    assert any("idx_persons_phone" in str(step[-1]) for step in plan)
