"""The 迁户 service's refusals and warnings (`services.households`: a move, an offer into another
village's household, 接收 / 不接收 / 撤回迁入 of one no longer standing) were f-strings and
str.format: the English window said them in Chinese. Each is a template with its parts now —
the Chinese byte for byte what it was, the English window's in English — made here by the
service itself on a real ledger (enrolled as a village, so a move into another village's
household is an offer), so `test_every_template_is_met_by_a_scenario` counts them as met."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.claims import Claim
from fieldapp.domain.enums import AreaKind, Relation
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Area, Household, Person
from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.services import households
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.conftest import make_id
from tests.records import Records
from tests.services.sentence_checks import templates

VILLAGE = "520502001001"
NEIGHBOUR = "520502001002"

#: What each refusal or warning says in Chinese (as it always did).
CHINESE = {
    "choose": "请选择迁入哪一户，或新建一户",
    "deleted": "要迁入的户已注销，请另选一户",
    "already": "王大已经在这一户里",
    "head": "这一户已有户主：请选择与户主的关系（配偶、子女……）",
    "reason": "请写明迁户原因（分户、合户、婚迁……）",
    "head_left": "王大原是户主：原来那一户现在没有户主，请为它另定户主",
    "offered": "已提出把王二迁入小河村的户，待对方村接收：对方村同步后接收，王二才迁过去；"
    "在此之前王二仍在本户",
    "not_offered": "王二没有要迁入本村的户，或对方已撤回",
    "declined": "王二没有要迁入本村的户，或对方已撤回",
    "nothing": "王二没有待对方村接收的迁入",
    "drafts": "王二迁到别的村（安置点）后，记在原村的草稿申领不能再提交，已一并删除：交通补助；"
    "需要的请在迁入地重新申领",
    "drafts_in": "赵二迁入本村（安置点）后，原村为其记的草稿申领不能再提交，已一并删除：交通补助；"
    "需要的请在本村（安置点）重新申领",
}


def _family(repo: Records, area: str, names: list[str], seq: int) -> tuple[str, list[str]]:
    home = repo.save(Household(area_code=area, address="一组"))
    people = []
    for n, name in enumerate(names):
        person, _ = repo.add_person(
            Person(
                name=name,
                id_number=make_id(seq=str(seq + n)),
                household_id=home,
                relation=Relation.HEAD if n == 0 else Relation.CHILD,
            ),
            confirmed=True,
        )
        people.append(person)
    repo.save(repo.get(Household, home).model_copy(update={"head_person_id": people[0]}))
    return home, people


def _sentences(tmp_path: Path) -> dict[str, Sentence]:
    """Every refusal and warning of the move, as the service says it on a village's ledger."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    try:
        repo = Records(ledger)
        repo.ensure_area(Area(code=VILLAGE, name="大坝村", kind=AreaKind.VILLAGE))
        repo.ensure_area(Area(code=NEIGHBOUR, name="小河村", kind=AreaKind.VILLAGE))
        home, (first, second) = _family(repo, VILLAGE, ["王大", "王二"], 301)
        other, _ = _family(repo, VILLAGE, ["李大"], 311)
        there, _ = _family(repo, NEIGHBOUR, ["赵大"], 321)
        gone = repo.save(Household(area_code=VILLAGE, address="二组"))
        _, (leaving,) = _family(repo, VILLAGE, ["王二"], 331)
        repo.save(Claim(person_id=leaving, rule_id="transport_subsidy", rule_title="交通补助",
                        amount=300.0, area_code=VILLAGE, claim_date=dt.date(2026, 6, 1)))  # fmt: skip
        # 小河村's 赵二, offered to 王大's household with a draft 小河村 made for him.
        _, (coming,) = _family(repo, NEIGHBOUR, ["赵二"], 341)
        repo.save(Claim(person_id=coming, rule_id="transport_subsidy", rule_title="交通补助",
                        amount=300.0, area_code=NEIGHBOUR, claim_date=dt.date(2026, 6, 1)))  # fmt: skip
        with writing(ledger, actor_of(ledger)) as writer:
            writer.update(Household, gone, {"deleted": True})
            writer.update(Person, coming, {"moving_to": home, "change_reason": "投亲"})
        hub = Hub.init(tmp_path / "hub")
        try:
            hub.enroll("大坝村", VILLAGE, tmp_path / "v.enrol", code=ENROL_CODE, by="县里的科员")
            enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
        finally:
            hub.close()
        actor = actor_of(ledger)
        found: dict[str, Sentence] = {}

        def refused(key: str, call: Callable[[], object]) -> None:
            with pytest.raises(ValidationFailed) as refusal:
                call()
            assert isinstance(refusal.value.said, Sentence), refusal.value
            found[key] = refusal.value.said

        move = households.move_person
        refused("choose", lambda: move(ledger, actor, first, "合户", Relation.OTHER))
        refused(
            "deleted",
            lambda: move(ledger, actor, first, "合户", Relation.OTHER, to_household_id=gone),
        )
        refused(
            "already",
            lambda: move(ledger, actor, first, "合户", Relation.OTHER, to_household_id=home),
        )
        refused(
            "head", lambda: move(ledger, actor, first, "合户", Relation.HEAD, to_household_id=other)
        )
        refused(
            "reason", lambda: move(ledger, actor, first, " ", Relation.OTHER, to_household_id=other)
        )
        refused("not_offered", lambda: households.accept_move(ledger, actor, second))
        refused("declined", lambda: households.decline_move(ledger, actor, second))
        refused("nothing", lambda: households.withdraw_offer(ledger, actor, second))
        offered = move(ledger, actor, second, "投亲", Relation.OTHER, to_household_id=there)
        (found["offered"],) = offered.warnings  # type: ignore[assignment]
        moved = move(ledger, actor, first, "合户", Relation.OTHER, to_household_id=other)
        (found["head_left"],) = moved.warnings  # type: ignore[assignment]
        away = Household(area_code=NEIGHBOUR, address="三组")
        moved = move(ledger, actor, leaving, "投亲", Relation.HEAD, new_household=away)
        (found["drafts"],) = moved.warnings  # type: ignore[assignment]
        taken = households.accept_move(ledger, actor, coming)
        (found["drafts_in"],) = taken.warnings  # type: ignore[assignment]
        return found
    finally:
        ledger.close()


def said_here(tmp_path: Path) -> set[str]:
    """The templates the move says (for `test_every_template_is_met_by_a_scenario`)."""
    return {t for sentence in _sentences(tmp_path).values() for t in templates(sentence)}


def test_the_chinese_is_what_it_always_was(tmp_path) -> None:
    found = _sentences(tmp_path)
    assert {key: str(sentence) for key, sentence in found.items()} == CHINESE
    for sentence in found.values():
        assert isinstance(sentence, Sentence)


def test_the_english_window_says_them_in_english(tmp_path, qapp) -> None:
    from fieldapp.ui.held_words import sentence_shown
    from tests.english import in_english

    found = _sentences(tmp_path)
    with in_english():
        english = {key: sentence_shown(sentence) for key, sentence in found.items()}
    for key, text in english.items():
        left = text.replace("王大", "").replace("王二", "").replace("小河村", "")
        left = left.replace("交通补助", "").replace("赵二", "")  # the draft, the one taken in
        assert not re.search(r"[\u4e00-\u9fff]", left), (key, text)
    assert "王二" in english["offered"] and "小河村" in english["offered"], english
    assert "王大" in english["head_left"], english


def test_the_offers_reasons_in_the_history_are_said_in_english(qapp) -> None:
    """Why an offered person's row changed (taken in, not taken in), as the history keeps it,
    said in the English window as the move's own reasons are."""
    from fieldapp.ui.held_words import why_shown
    from tests.english import in_english

    with in_english():
        said = {reason: why_shown(reason) for reason in households.OFFER_REASONS}
    assert said["迁入"] == "Moved in" and said["对方村未接收迁入"].startswith("Not taken in"), said
    for text in said.values():
        assert not re.search(r"[\u4e00-\u9fff]", text), said
