"""The hub's refusals of a decision on a held change (`rejected.accept`, `dismiss`: not there,
decided already, damaged, refused by the rules) were Chinese text built with the hints of where
the reviewer decides, and `POST /v1/held/accept|dismiss` sent only that text: the county
desktop's English window said 中心没有这条未接受修改（点「从中心刷新」看最新的列表） after its own
“The county hub did not record this acceptance:”. Each is now a sentence whose Chinese is, byte
for byte, what the hub said before (the command line reads the same); the hub sends it beside
its text (`reason_said`, signed with the refusal), and the desktop says it in the language
shown where it reads as this program's sentence and its Chinese is the hub's words
(`client._hub_said`). A real hub on loopback, in the English window."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from fieldapp.domain.sentences import Sentence, sentence_data
from fieldapp.hub import own_clock, rejected
from fieldapp.sync import client
from fieldapp.sync.client import decide_held
from fieldapp.sync.errors import SyncError
from tests.english import in_english
from tests.helpers.held_kinds import held_of_each_kind
from tests.hub.test_held_review_http import held  # noqa: F401 - fixture
from tests.services.sentence_checks import templates

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])


def test_the_hubs_doubt_of_its_clock_is_a_sentence_each_way() -> None:
    """Its clock slow or fast, by the devices' changes or its own earlier reading: each said
    as a sentence (for `test_every_template_is_met_by_a_scenario`), in the same Chinese."""
    for doubt, way in (
        (own_clock.Doubt(-3, 2), own_clock.BEHIND_BY_DEVICES),
        (own_clock.Doubt(3, 2), own_clock.AHEAD_BY_DEVICES),
        (own_clock.Doubt(-200, 0), own_clock.BEHIND_BY_ITSELF),
        (own_clock.Doubt(200, 0), own_clock.AHEAD_BY_ITSELF),
    ):
        assert doubt.sentence.template == way
        assert doubt.said == str(doubt.sentence)
        assert doubt.said.startswith("中心电脑的日期可能不对：与")
        assert (
            f"中心的时钟{'慢' if doubt.days < 0 else '快'}了约 {abs(doubt.days)} 天。" in doubt.said
        )


#: The hub's doubt of its clock, and the rejudge it refuses for it (said over HTTP, in the
#: English window, by `tests.hub.test_held_rejudge_http`).
REJUDGE_SAID = {
    own_clock.BEHIND_BY_DEVICES,
    own_clock.AHEAD_BY_DEVICES,
    own_clock.BEHIND_BY_ITSELF,
    own_clock.AHEAD_BY_ITSELF,
    rejected.NOT_REJUDGED_AHEAD,
    rejected.REJUDGED,  # (the decision it records, read back as its sentence)
}


#: The templates said here (for `test_every_template_is_met_by_a_scenario`); those of a claim
#: not yet due (`NOT_YET_ACCEPTED`, `NOT_DUE_YET`) by `tests.sync.test_hostile_device`, the
#: rejudge refused by the hub's clock by `tests.hub.test_held_rejudge_http`.
SAID_HERE = {
    rejected.HELD_NUMBERED,
    rejected.THIS_HELD,
    rejected.CLI.listing,
    rejected.CLI.dismissing,
    rejected.CLI.reason,
    rejected.DESKTOP.listing,
    rejected.DESKTOP.dismissing,
    rejected.NO_SUCH_HELD,
    rejected.NOT_AT_THE_HUB,
    rejected.ACCEPTED_ALREADY,
    rejected.DISMISSED_ALREADY,
    rejected.DECIDED_OTHERWISE,
    rejected.HUB_ACCOUNT,
    rejected.DAMAGED_HELD,
    rejected.CANNOT_ACCEPT,
    rejected.NOT_YET_ACCEPTED,
    rejected.NOT_DUE_YET,
    rejected.REASON_REQUIRED,
    rejected.RECORD_OF,
} | REJUDGE_SAID

CJK = re.compile(r"[\u4e00-\u9fff「」（）：，。]")


def _refused(ask) -> SyncError:  # noqa: ANN001
    with pytest.raises(SyncError) as refused:
        ask()
    return refused.value


def _hub_words(refused: SyncError, failed: str) -> Sentence:
    """The hub's sentence in a desktop's refusal: after what did not happen (`failed`)."""
    said = refused.said
    assert said is not None and said.template == client.REQUEST_REFUSED, str(refused)
    opening, words = said.parts
    assert isinstance(opening, Sentence) and opening.template == failed
    assert isinstance(words, Sentence), f"the hub's words as text: {words!r}"
    return words


@SQLITE
def test_a_refused_decision_is_said_in_the_english_window(  # noqa: PLR0915
    server,
    hub,
    held: dict[str, Any],  # noqa: F811
    make_device,
    tmp_path,
    qapp,  # noqa: ANN001
):
    from fieldapp.ui.errors import message_for
    from fieldapp.ui.held_words import sentence_shown

    county, url = held["county"], server.url
    # Held: a person of 小河村 whose relation the rules refuse from the county too.
    village = make_device("小河村", "520502101003")
    person = held_of_each_kind(hub, village, "520502101003", tmp_path / "small")[1]
    (refused_person,) = [h.id for h in hub.rejected() if h.change.row_id == person]
    # Dismissed at the hub's own command line, on a hub without users: its computer's account.
    rejected.dismiss(hub, held["prank"], "电脑账户 root", "乱写的备注")
    decide_held(county, url, held["fix"], True, "李科长")
    # A held row the hub can no longer read (a damaged disk, a hand edit).
    damaged = [h.id for h in rejected.listing(hub, "held") if h.id != refused_person][-1]
    with hub.ledger.transaction():
        # A hand edit goes around the guard that keeps a held change's facts (store/trails.py).
        hub.ledger.db.execute("DROP TRIGGER held_changes_facts_kept")
        hub.ledger.db.execute("UPDATE held_changes SET data = '{damaged' WHERE id = ?", [damaged])

    accept, dismiss = client.ACCEPT_NOT_RECORDED, client.DISMISS_NOT_RECORDED
    asked = {
        "missing": (accept, lambda: decide_held(county, url, 999, True, "李科长")),
        "dismissed": (accept, lambda: decide_held(county, url, held["prank"], True, "李科长")),
        "accepted": (dismiss, lambda: decide_held(county, url, held["fix"], False, "李科长", "x")),
        "refused": (accept, lambda: decide_held(county, url, refused_person, True, "李科长")),
        "damaged": (accept, lambda: decide_held(county, url, damaged, True, "李科长")),
    }
    words = {name: _hub_words(_refused(ask), failed) for name, (failed, ask) in asked.items()}
    # The Chinese as the hub said it before its sentences (recorded from 23b3f1d3).
    assert str(words["missing"]) == "中心没有这条未接受修改（点「从中心刷新」看最新的列表）"
    assert re.fullmatch(
        r"这条修改已处理（不予采纳，汇总中心的电脑账户 \d{4}-\d\d-\d\d \d\d:\d\d）",
        str(words["dismissed"]),
    ), words["dismissed"]
    assert str(words["refused"]).startswith("这条修改（张0的人员信息）不能接受："), words
    assert str(words["refused"]).endswith("。只能不予采纳（点「不予采纳…」并写明原因）"), words
    assert str(words["damaged"]) == (
        "这条修改在中心台账里已损坏（修改的内容读不出来），不能接受。"
        "只能不予采纳（点「不予采纳…」并写明原因）"
    )
    # The rules' own sentence stays a sentence inside it (said in English too).
    why = words["refused"].parts[2]
    assert isinstance(why, Sentence), why
    met = set().union(*(templates(w) for w in words.values()))

    with in_english():
        shown = {name: sentence_shown(w) for name, w in words.items()}
        opening = message_for(_refused(asked["missing"][1]))  # as the review's dialog says it
    assert shown["missing"] == (
        "The county hub does not hold this change for review"
        " (press “Refresh from the hub” to see the current list)"
    ), shown
    assert opening == f"The county hub did not record this acceptance: {shown['missing']}", opening
    assert re.fullmatch(
        r"This change has already been decided \(dismissed by the county hub computer's account"
        r" at \d{4}-\d\d-\d\d \d\d:\d\d\)",
        shown["dismissed"],
    ), shown
    assert shown["accepted"].startswith("This change has already been decided (accepted by 李科长")
    assert shown["refused"].startswith("This change (张0's person) cannot be accepted: "), shown
    assert shown["refused"].endswith(
        ". It can only be dismissed (press “Dismiss…” and write the reason)"
    ), shown
    assert shown["damaged"].startswith("This change is damaged in the county hub's ledger"), shown
    for name in ("missing", "dismissed", "damaged"):
        assert not CJK.search(shown[name]), shown[name]
    # (the person's name and the value refused stay as the hub wrote them; the rule's reason
    # is English)
    reason = shown["refused"].split("cannot be accepted: ")[1].replace("“邻居”", "")
    assert reason.startswith("The “Relation to head” of “Person”"), reason
    assert not CJK.search(reason), shown["refused"]

    # The hub's own command line: the same sentences with its numbers and its options.
    cli = {
        "missing": _refused(lambda: rejected.accept(hub, 999, "科员")),
        "decided": _refused(lambda: rejected.accept(hub, held["fix"], "科员")),
        "refused": _refused(lambda: rejected.accept(hub, refused_person, "科员")),
        "unreasoned": _refused(lambda: rejected.dismiss(hub, refused_person, "科员", " ")),
    }
    assert str(cli["missing"]) == "没有编号为 999 的未接受修改（fieldapp hub rejected 列出全部）"
    assert str(cli["decided"]).startswith(f"第 {held['fix']} 条已处理（已接受，李科长@县人社局 ")
    assert str(cli["refused"]).endswith("。只能不予采纳（--dismiss … --reason …）"), cli
    assert str(cli["unreasoned"]) == "不予采纳必须写明原因（--reason），设备上会看到"
    for error in cli.values():
        assert error.said is not None, str(error)
        met |= templates(error.said)
    elsewhere = {rejected.NOT_YET_ACCEPTED, rejected.NOT_DUE_YET, rejected.NOT_REJUDGED_AHEAD}
    elsewhere |= {rejected.DECIDED_OTHERWISE}  # (`test_a_status_this_program_does_not_know…`)
    assert SAID_HERE - elsewhere <= met | REJUDGE_SAID, SAID_HERE - met


def test_a_sentence_that_does_not_say_the_hubs_words_is_not_taken():
    """A sentence beside the hub's words is said only where its Chinese is those words: one
    that says something else (a hostile hub's, a relay's) leaves the words as text."""
    true = rejected.hint(rejected.DESKTOP.listing)
    said = {"reason_said": sentence_data(true)}  # type: ignore[arg-type]
    # (the signed body as the refusal's reading took it: JSON's object, read once)
    body = json.loads(json.dumps(said, ensure_ascii=False))
    assert client._hub_said(str(true), body) == true
    assert client._hub_said("中心已接受这条修改", body) is None
    assert client._hub_said(str(true), {}) is None  # not signed by the hub: never read
    forged = {"reason_said": {"template": "乱写%1", "parts": ["x"]}}
    assert client._hub_said("乱写x", forged) is None


def test_a_rules_reason_keeps_its_sentence_only_where_it_says_the_reason_as_shown():
    """`rejected._why` (`sentences.saying`): the sentence where its Chinese is the reason as
    printed; a reason it does not say, or one with a control character (printed escaped), as
    the text — never the sentence in its place."""
    sentence = rejected.said(rejected.NOT_DUE_YET, "2027年1月1日", "2026年12月5日")
    reason = str(sentence)
    assert rejected._why(reason, sentence) is sentence
    assert rejected._why(reason, None) == reason
    assert rejected._why("另一条理由", sentence) == "另一条理由"
    escaped = rejected._why(reason + "\x1b[2J", sentence)
    assert escaped == reason + "\\u001b[2J" and not isinstance(escaped, Sentence)


@SQLITE
def test_a_status_this_program_does_not_know_is_said_as_the_row_has_it(
    hub,
    held: dict[str, Any],  # noqa: F811
    qapp,  # noqa: ANN001
):
    """A held change decided in a way this program does not know (a later program's status,
    or a hand edit around the table's check): refused as decided already, the status as the
    row has it, in a sentence the English window says (recorded from d787138f in Chinese)."""
    from fieldapp.ui.held_words import sentence_shown

    with hub.ledger.transaction():
        hub.ledger.db.execute("PRAGMA ignore_check_constraints = ON")
        hub.ledger.db.execute(
            "UPDATE held_changes SET status = 'withdrawn', decided_by = '李科长@县人社局', "
            "decided_at = '2026-12-01T02:00:00+00:00' WHERE id = ?",
            [held["prank"]],
        )
        hub.ledger.db.execute("PRAGMA ignore_check_constraints = OFF")
    refused = _refused(lambda: rejected.accept(hub, held["prank"], "科员"))
    assert (
        str(refused)
        == f"第 {held['prank']} 条已处理（withdrawn，李科长@县人社局 2026-12-01 10:00）"
    )
    assert refused.said is not None and refused.said.template == rejected.DECIDED_OTHERWISE
    with in_english():
        shown = sentence_shown(refused.said)
    assert shown == (
        f"Held change {held['prank']} has already been decided (withdrawn, by 李科长@县人社局 at "
        "2026-12-01 10:00)"
    ), shown
