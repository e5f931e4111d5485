"""The claim service's notice of claims made at an old figure (`claims_at_another_figure`, said
when a new standard is installed or adopted) and its refusal of a batch with nothing to batch
are kept as a template and its parts, as its other refusals are
(`tests.services.test_policy_refusal_sentences`): in Chinese each says, byte for byte, what the
program said before the templates (recorded from the code of 616dc5da on the same ledgers), so
the command line and the Chinese window read the same; `tests.ui.test_claim_notices_in_english`
has the English window say them whole."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.policy.combine import combine
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services import claims
from fieldapp.services.claims import (
    ClaimRefused,
    ClaimService,
    claims_at_another_figure,
    claims_at_another_figure_said,
)
from fieldapp.services.writer import Actor
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import COUNTY_PACK, D, populate
from tests.records import Records
from tests.services.sentence_checks import filled, templates

TRANSPORT = "transport_cross_province_lifted"


def _pack(text: str) -> Policy:
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])


def lowered() -> Policy:
    """The county pack with the cross-province transport subsidy lowered from 500 to 400 元."""
    return _pack(
        COUNTY_PACK.replace(
            f'rule = "{TRANSPORT}"\nfigure = 500', f'rule = "{TRANSPORT}"\nfigure = 400'
        )
    )


def made_at_500(repo: Records, copies: int = 0, undated: int = 0) -> None:
    """王五's transport claim made at 500 元, and `copies` more of its row (others' claims the
    notice lists alike), the last `undated` of them with no day their job began."""
    ids = populate(repo)
    claim = ClaimService(repo.ledger, _pack(COUNTY_PACK)).create(
        ids["worker"], TRANSPORT, on=D(2025, 7, 1)
    )
    row = repo.ledger.get("claims", claim.id)
    assert row is not None and claim.amount == 500
    kept = ("id", "_", "created_", "updated_")  # the ledger's own
    fields = {k: v for k, v in row.items() if not k.startswith(kept)}
    with repo.ledger.transaction():
        for n in range(copies):
            begun = None if n >= copies - undated else fields["event_date"]
            repo.ledger.insert("claims", {**fields, "event_date": begun, "limit_key": f"k{n}"})


#: What the notice said before the templates (recorded from the code of 616dc5da).
ONE = "王五的一次性交通补助（脱贫人口新跨省务工）（2025年3月5日开始的就业）按原标准 500 元申领，现行标准为 400 元"
UNDATED = "王五的一次性交通补助（脱贫人口新跨省务工）（）按原标准 500 元申领，现行标准为 400 元"
RESTATED = "新的补贴标准与尚未审批的申领不同：{}。县里审批前请驳回，按现行标准重新申领"


@pytest.mark.parametrize(
    ("copies", "undated", "said"),
    [
        (0, 0, RESTATED.format(ONE)),
        (1, 1, RESTATED.format(f"{ONE}；{UNDATED}")),
        (4, 0, RESTATED.format("；".join([ONE] * 5))),
        (6, 2, RESTATED.format("；".join([ONE] * 5) + "等 7 条")),
    ],
)
def test_the_notice_of_claims_at_an_old_figure_says_what_it_said(
    repo: Records, copies: int, undated: int, said: str
) -> None:
    made_at_500(repo, copies, undated)
    assert claims_at_another_figure(repo.ledger, lowered()) == [said]
    (sentence,) = claims_at_another_figure_said(repo.ledger, lowered())
    assert isinstance(sentence, Sentence) and filled(sentence) == said == str(sentence)


def test_no_notice_when_every_claim_is_at_the_figure(repo: Records) -> None:
    made_at_500(repo, 2)
    assert claims_at_another_figure(repo.ledger, _pack(COUNTY_PACK)) == []
    assert claims_at_another_figure_said(repo.ledger, _pack(COUNTY_PACK)) == []


def nothing_to_batch(repo: Records) -> dict[str, ClaimRefused]:
    """`create_batch` with nothing to batch: of a subsidy, in a state, in a place, on a
    township's device, of a subsidy the policy does not hold."""
    populate(repo)
    policy = _pack(COUNTY_PACK)
    county = ClaimService(repo.ledger, policy)
    town = ClaimService(
        repo.ledger, policy, Actor("乡镇专员", "town-laptop", Role.TOWNSHIP, "520502001")
    )
    county_office = ClaimService(
        repo.ledger, policy, Actor("县里的科员", "county-laptop", Role.COUNTY, "520502")
    )
    steps = {
        "plain": lambda: county.create_batch(TRANSPORT),
        "state": lambda: county.create_batch(TRANSPORT, state=ClaimState.COUNTY_APPROVED),
        "place": lambda: county.create_batch(TRANSPORT, area_prefix="520502001001"),
        "township": lambda: town.create_batch(TRANSPORT),
        "county": lambda: county_office.create_batch(TRANSPORT),
        "unknown": lambda: county.create_batch("no_such_rule", state=ClaimState.SUBMITTED),
    }
    found: dict[str, ClaimRefused] = {}
    for name, step in steps.items():
        with pytest.raises(ClaimRefused) as refused:
            step()
        found[name] = refused.value
    return found


#: What each said before the templates (recorded from the code of 616dc5da), but for a subsidy
#: the pack does not hold: that said its rule id (“no_such_rule”), now said in the user's words.
NOTHING_BEFORE = {
    "plain": "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”）",
    "state": "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”，状态 县审批）",
    "place": "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”，某乡镇 红星村）",
    "township": "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”，本机已乡镇审核的，某乡镇）",
    "unknown": "没有可编入批次的申领（本机政策包里没有这项补贴，状态 已提交）",
    # (newer: a county's device batches what the township passed, `test_county_batch_states`)
    "county": "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”，已乡镇审核的）",
}  # fmt: skip


def test_a_batch_with_nothing_to_batch_says_what_it_said(repo: Records) -> None:
    found = nothing_to_batch(repo)
    for name, refused in found.items():
        assert str(refused) == NOTHING_BEFORE[name], name
        assert refused.said is not None and filled(refused.said) == NOTHING_BEFORE[name], name


def test_a_subsidy_the_pack_no_longer_holds_is_named_by_its_claims_title(repo: Records) -> None:
    made_at_500(repo)  # a draft: nothing to batch, though the ledger knows the subsidy's title
    policy = _pack(COUNTY_PACK)
    retired = policy.model_copy(update={"rules": [r for r in policy.rules if r.id != TRANSPORT]})
    with pytest.raises(ClaimRefused) as refused:
        ClaimService(repo.ledger, retired).create_batch(TRANSPORT)
    assert str(refused.value) == "没有可编入批次的申领（“一次性交通补助（脱贫人口新跨省务工）”）"
    assert TRANSPORT not in str(refused.value)


#: The templates this module's scenarios say (`test_policy_refusal_sentences` counts them met).
SAID_HERE = {
    claims.AT_OLD_FIGURE,
    claims.AT_OLD_FIGURE_UNDATED,
    claims.JOB_BEGUN,
    claims.RESTATED,
    claims.NOTHING_TO_BATCH,
    claims.NOTHING_OF_UNKNOWN,
    claims.BATCHED_STATE,
    claims.BATCHED_HERE,
    claims.BATCHED_PASSED,
    claims.BATCHED_IN,
}


def test_the_scenarios_say_each_template_of_theirs(tmp_path: Path) -> None:
    met: set[str] = set()
    for name, made in (("notice", lambda r: made_at_500(r, 1, 1)), ("batch", None)):
        ledger = Ledger.open(tmp_path / f"{name}.db", author="测试员")
        try:
            repo = Records(ledger)
            if made is not None:
                made(repo)
                for notice in claims_at_another_figure_said(ledger, lowered()):
                    met |= templates(notice)
            else:
                for refused in nothing_to_batch(repo).values():
                    assert refused.said is not None
                    met |= templates(refused.said)
        finally:
            ledger.close()
    assert SAID_HERE <= met, SAID_HERE - met
