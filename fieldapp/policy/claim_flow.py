"""The claim state machine: which steps are allowed, which need a reason, what locks a claim."""

from __future__ import annotations

from fieldapp.domain.claims import LOCKED_STATES, Claim, ClaimState
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Part, Sentence, Word, listed, said, template

S = ClaimState

#: Allowed next states. 驳回 and 已撤销 are final: a corrected application is a new claim.
TRANSITIONS: dict[ClaimState, frozenset[ClaimState]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.VILLAGE_REVIEWED, S.REJECTED}),
    S.VILLAGE_REVIEWED: frozenset({S.TOWNSHIP_REVIEWED, S.REJECTED}),
    S.TOWNSHIP_REVIEWED: frozenset({S.COUNTY_APPROVED, S.REJECTED}),
    S.COUNTY_APPROVED: frozenset({S.PAID, S.REVERSED}),
    S.PAID: frozenset({S.REVERSED}),
    S.REJECTED: frozenset(),
    S.REVERSED: frozenset(),
}

#: Steps that must say why.
NEEDS_REASON = frozenset({S.REJECTED, S.REVERSED})

#: Words accepted on the command line besides the Chinese state names.
STATE_ALIASES: dict[str, ClaimState] = {
    "draft": S.DRAFT,
    "submitted": S.SUBMITTED,
    "submit": S.SUBMITTED,
    "village": S.VILLAGE_REVIEWED,
    "village_reviewed": S.VILLAGE_REVIEWED,
    "township": S.TOWNSHIP_REVIEWED,
    "township_reviewed": S.TOWNSHIP_REVIEWED,
    "county": S.COUNTY_APPROVED,
    "approved": S.COUNTY_APPROVED,
    "paid": S.PAID,
    "rejected": S.REJECTED,
    "reject": S.REJECTED,
    "reversed": S.REVERSED,
    "reverse": S.REVERSED,
    "村审核通过": S.VILLAGE_REVIEWED,
    "乡镇审核通过": S.TOWNSHIP_REVIEWED,
    "县审批通过": S.COUNTY_APPROVED,
    "撤销": S.REVERSED,
}


class TransitionRefused(FieldappError):
    """A state change the flow does not allow."""


#: A claim as people name it (`claim_label`): whose, which subsidy, or neither.
LABEL_OWNED = template("%1的“%2”申领")
LABEL_WHOSE = template("%1的申领")
LABEL_OF = template("“%1”申领")
THIS_CLAIM = template("这条申领")
#: A step the flow does not allow: the claim, its state, the step, and what it may become.
NOT_ALLOWED = template("%1当前为“%2”，不能变为“%3”%4")
MAY_BECOME = template("（当前可变为：%1）")
FINAL = template("（该状态已终结，不能再变更）")
REASON_NEEDED = template("将申领变为“%1”必须填写原因")
#: A claim submitted without all its documents and no word why: the claim, what is missing.
DOCUMENTS_MISSING = template("%1缺少材料：%2。请补齐材料，或写明缺件原因后再提交")
#: A claim no longer edited: the claim and its state (approved or paid: only reversed now).
LOCKED = template("%1已%2，不能再修改；如有错误只能撤销（需填写原因）")
ENDED = template("%1已%2，不能再修改")
#: … of a state whose name says 已 already (已发放, 已撤销): 申领已发放, not 申领已已发放.
LOCKED_DONE = template("%1%2，不能再修改；如有错误只能撤销（需填写原因）")
ENDED_DONE = template("%1%2，不能再修改")


#: A claim state typed (%1) that is none of the flow's (%2 those it has).
UNKNOWN_STATE = template("不认识的申领状态“%1”（可用：%2）")


def parse_state(text: str) -> ClaimState:
    """A state from its Chinese name or an English alias."""
    value = text.strip()
    try:
        return ClaimState(value)
    except ValueError:
        pass
    found = STATE_ALIASES.get(value.lower())
    if found is None:
        names: list[Part] = [Word(s.value) for s in ClaimState]
        raise FieldappError(said(UNKNOWN_STATE, text, listed(names)))
    return found


def claim_label(claim: Claim) -> str:
    """A claim as people name it: '张三的“一次性交通补助”申领' (never its id)."""
    return str(claim_label_said(claim))


def claim_label_said(claim: Claim) -> Sentence:
    """`claim_label` as a template and its parts: a window says it in its language."""
    if claim.person_name and claim.rule_title:
        return said(LABEL_OWNED, claim.person_name, claim.rule_title)
    if claim.person_name:
        return said(LABEL_WHOSE, claim.person_name)
    return said(LABEL_OF, claim.rule_title) if claim.rule_title else said(THIS_CLAIM)


def check_transition(claim: Claim, target: ClaimState, reason: str = "") -> None:
    """Raise TransitionRefused unless `claim` may move to `target` now."""
    current = ClaimState(claim.state)
    allowed = TRANSITIONS[current]
    if target not in allowed:
        options: list[Part] = [Word(s.value) for s in sorted(allowed, key=list(ClaimState).index)]
        hint = said(MAY_BECOME, listed(options)) if options else said(FINAL)
        raise TransitionRefused(
            said(
                NOT_ALLOWED,
                claim_label_said(claim),
                Word(current.value),
                Word(target.value),
                hint,
            )
        )
    if target in NEEDS_REASON and not reason.strip():
        raise TransitionRefused(said(REASON_NEEDED, Word(target.value)))
    if target is S.SUBMITTED:
        missing = claim.missing_evidence()
        if missing and not (claim.missing_evidence_reason.strip() or reason.strip()):
            documents: list[Part] = list(missing)  # as the list names them
            raise TransitionRefused(
                said(DOCUMENTS_MISSING, claim_label_said(claim), listed(documents))
            )


def check_editable(claim: Claim) -> None:
    """Raise TransitionRefused when a claim may no longer be edited."""
    state = ClaimState(claim.state)
    done = state.value.startswith("已")
    if state in LOCKED_STATES:
        locked = LOCKED_DONE if done else LOCKED
        raise TransitionRefused(said(locked, claim_label_said(claim), Word(state.value)))
    if state in (S.REJECTED, S.REVERSED):
        ended = ENDED_DONE if done else ENDED
        raise TransitionRefused(said(ended, claim_label_said(claim), Word(state.value)))
