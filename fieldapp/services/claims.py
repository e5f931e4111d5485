"""Eligibility and claims as the CLI and the GUI use them: facts from the store, rules from the
policy, every write through the one write path (`fieldapp.services.writer`).

`ClaimService` methods return the claim (or batch) they made or moved; `changes` holds the
`ChangeSet` of the last write, for the UI's refresh.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from fieldapp.bulk import paused_gc
from fieldapp.domain import idnumber
from fieldapp.domain.account import kept_account
from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.claims import (
    Batch,
    Claim,
    ClaimEvent,
    ClaimState,
    QualifyingFacts,
)
from fieldapp.domain.dates import today
from fieldapp.domain.errors import FieldappError, NotFound
from fieldapp.domain.models import EmploymentSpell
from fieldapp.domain.money import yuan
from fieldapp.domain.month import Month
from fieldapp.domain.places_said import say_place
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import SEMICOLONED, Day, Part, Sentence, Word, listed, said, template
from fieldapp.domain.snapshots import snapshot_fields
from fieldapp.policy.claim_flow import check_editable, check_transition, claim_label_said
from fieldapp.policy.eligibility import (
    RuleResult,
    Status,
    categories_judged,
    claim_beyond_policy,
    claim_event_id,
    claim_event_unfounded,
    claim_month_unfounded,
    claim_not_yet_due,
    claim_payee_wrong,
    evaluate_all,
    evaluate_person,
    evaluate_rule,
    explain,
    rule_as_judged,
)
from fieldapp.policy.facts import PersonFacts, SpellFacts
from fieldapp.policy.guard import (
    ClaimLike,
    LimitExceeded,
    check_new_claim,
    namesake_repeat_of,
    repeat_of,
    repeated_said,
)
from fieldapp.policy.pack import UNSET, AmountKind, Policy
from fieldapp.reference import divisions
from fieldapp.services.changes import NO_CHANGES, ChangeSet
from fieldapp.services.trust import ENDED_NOT_DELETED, NOT_DELETED
from fieldapp.services.trust_check import ONWARD
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.claims import ClaimQueries

#: Claims not yet approved by the county: still to be reviewed at the figure they were made at.
_UNAPPROVED = (
    ClaimState.DRAFT,
    ClaimState.SUBMITTED,
    ClaimState.VILLAGE_REVIEWED,
    ClaimState.TOWNSHIP_REVIEWED,
)


#: A claim not yet approved at a figure the policy in force no longer pays: whose, which
#: subsidy, the month (year) or job it pays, the figure it was made at and the one now.
AT_OLD_FIGURE = template("%1的%2（%3）按原标准 %4 元申领，现行标准为 %5 元")
#: … of a claim that says neither (a one-time subsidy whose job's first day it lacks).
AT_OLD_FIGURE_UNDATED = template("%1的%2（）按原标准 %3 元申领，现行标准为 %4 元")
JOB_BEGUN = template("%1开始的就业")
#: The notice of them (the first five, `MORE_OF` how many in all past five).
RESTATED = template("新的补贴标准与尚未审批的申领不同：%1%2。县里审批前请驳回，按现行标准重新申领")


def claims_at_another_figure(ledger: Ledger, policy: Policy) -> list[str]:
    """The claims not yet approved whose amount differs from the county's figure the policy in
    force now gives for the month (job) they pay — made on this device before the county's new
    standard reached it (a January claim made on 2 January at 2026's figure), in one sentence."""
    return [str(notice) for notice in claims_at_another_figure_said(ledger, policy)]


def claims_at_another_figure_said(ledger: Ledger, policy: Policy) -> list[Sentence]:
    """`claims_at_another_figure` as a template and its parts: a window says it in its
    language."""
    rules = {
        r.id: r for r in policy.rules if r.amount.kind in (AmountKind.CAPPED, AmountKind.COUNTY)
    }
    found: list[Part] = []
    for claim in ClaimQueries(ledger).select(states=_UNAPPROVED):
        rule = rules.get(claim.rule_id)
        if rule is None or claim.claim_date is None:
            continue
        now = rule_as_judged(rule, claim.claim_date, claim.event_date).amount.value
        if now is None or claim.amount is None or float(claim.amount) == float(now):
            continue
        begun = claim.event_date  # the job's first day, as the hub's reasons write it
        when = paid_for_said(claim) or (said(JOB_BEGUN, Day(begun)) if begun else "")
        title = claim.rule_title or rule.title
        before, after = yuan(float(claim.amount)), yuan(now)
        if when:
            found.append(said(AT_OLD_FIGURE, claim.person_name, title, when, before, after))
        else:
            found.append(said(AT_OLD_FIGURE_UNDATED, claim.person_name, title, before, after))
    if not found:
        return []
    more = said(MORE_OF, str(len(found))) if len(found) > 5 else ""
    return [said(RESTATED, listed(found[:5], SEMICOLONED), more)]


def paid_for_said(claim: Claim) -> Part:
    """`Claim.paid_for` as a part: the month (year) a claim pays as a `Day` the window writes
    (2026年12月, December 2026); '' for a one-time subsidy's."""
    days: list[Day] = []

    def month(paid: Month) -> str:
        days.append(Day(paid.first_day, "month"))
        return str(days[-1])

    def year(paid: int) -> str:
        days.append(Day(dt.date(max(paid, 1), 1, 1), "year"))
        return str(days[-1])

    text = claim.paid_for(month, year)
    return days[0] if days and str(days[0]) == text else text


def batch_area(actor: Actor, area_prefix: str | None) -> str | None:
    """The area a batch is made for: the one chosen, else the area of a device enrolled for
    one area below the county (a village or a township batches only there); None for all."""
    if area_prefix:
        return area_prefix
    if actor.scope and actor.role not in (None, Role.COUNTY, Role.HUB):
        return actor.scope
    return None


def listed_claims(
    ledger: Ledger,
    actor: Actor,
    *,
    rule_id: str | None = None,
    states: Iterable[ClaimState] | None = None,
    area_prefix: str | None = None,
) -> list[Claim]:
    """The claims the 申领 list shows for `area_prefix`, oldest first: those of that area.
    Over every area (none chosen), those of the device's own area (`batch_area`: a village's,
    a township's) and of the people its ledger lists (`ClaimQueries.select`'s `listed_by`):
    not those of a person another village offers to it (`moving_to`), whose claims come with
    them, read-only, and stay that village's. A county's device or a ledger not enrolled lists
    every claim."""
    return ClaimQueries(ledger).select(
        rule_id=rule_id,
        states=states,
        area_prefix=area_prefix,
        listed_by=batch_area(actor, None) if not area_prefix else None,
    )


class ClaimRefused(FieldappError):
    """A claim that cannot be made: the person does not (yet) qualify."""


#: A subsidy the policy in force holds but does not pay now.
NOT_ENABLED = template("“%1”在现行政策中未启用，不能申领")
#: A claim not passed on in review: the policy's reason, the step refused and what to do.
NOT_PASSED_ON = template("%1（不能变为“%2”，%3）")
NOT_SUBMITTED = template("%1（不能变为“%2”）")
REPEAT_NOT_PASSED_ON = template("%1。这条不能变为“%2”，%3")
DRAFT_DELETED, REJECT_IT = "草稿可以删除", "请驳回"
REPEATS_NOT_BATCHED = template(
    "没有编成批次：%1%2。重复的申领编入批次会公示和发放两次，请先驳回重复的一条，再编批次"
)
MORE_OF = template("等 %1 条")
#: A batch with nothing to put in it: the subsidy, the state and the place asked for.
NOTHING_TO_BATCH = template("没有可编入批次的申领（“%1”%2%3）")
#: The same, of a subsidy this device's policy pack does not hold (a mistyped or retired rule).
NOTHING_OF_UNKNOWN = template("没有可编入批次的申领（本机政策包里没有这项补贴%1%2）")
BATCHED_STATE = template("，状态 %1")
BATCHED_HERE = template("，本机已%1的")
BATCHED_PASSED = template("，已%1的")
BATCHED_IN = template("，%1")
#: A new claim its person does not qualify for now: who, the subsidy, its clause and why not.
NOT_QUALIFIED = template("%1 暂不符合“%2”（%3）：%4")
#: A new claim on a figure the county has not set: the subsidy and its clause.
FIGURE_UNSET = template(f"“%1”的补贴标准{UNSET}（%2），县里核定并下发政策包后才能申领")
#: Evidence named that the subsidy's list does not hold (a claim's own list after it).
NOT_LISTED = template("材料清单中没有：%1")
NOT_IN_CLAIMS_LIST = template("%1的材料清单中没有：%2（清单：%3）")
#: The words this module's refusals may hold, said in the language shown.
SAID_WORDS: tuple[str, ...] = (DRAFT_DELETED, REJECT_IT)


class EligibilityService:
    """Eligibility for one person or the whole ledger as of a date."""

    def __init__(self, ledger: Ledger, policy: Policy) -> None:
        self.ledger = ledger
        self.policy = policy
        self.loader = FactsLoader(ledger)

    def facts_of(self, id_number: str) -> PersonFacts:
        """The facts of the person holding an ID number, or NotFound."""
        person = records.person_by_id_number(self.ledger, id_number)
        if person is None:
            raise NotFound(idnumber.not_in_ledger(id_number))
        found = self.loader.persons(person_ids=[person.id])
        if not found:
            raise NotFound(idnumber.not_in_ledger(id_number))
        return found[0]

    def for_person(self, id_number: str, on: dt.date) -> list[RuleResult]:
        """Every rule's result for one person, with every condition explained."""
        return evaluate_person(self.policy, self.facts_of(id_number), on, detail=True)

    def for_all(
        self,
        on: dt.date,
        *,
        area_prefix: str | None = None,
        include_not_eligible: bool = False,
        explained: bool = False,
    ) -> list[RuleResult]:
        """Open results (eligible, not yet, claimed) of every person in scope; all with the flag.

        Bulk results carry no reasons unless `explained` (each shown result is then evaluated
        again with every condition spelled out).
        """
        with paused_gc():
            people = self.loader.persons(
                area_prefix=area_prefix, eligibility_only=not include_not_eligible
            )
            results = evaluate_all(
                self.policy, people, on, include_not_eligible=include_not_eligible
            )
            if explained:
                by_id = {p.person_id: p for p in people}
                results = [explain(self.policy, r, by_id[r.person_id], on) for r in results]
            return results


def drop_draft(writer: Writer, claim_id: str) -> None:
    """Delete a draft in `writer`'s writing (`ClaimService.delete_draft`, and the move of its
    person out of the village it is recorded in: `households.drafts_left`): a note 删除草稿
    on its trail, its row marked deleted (logged, its steps kept)."""
    writer.insert(
        ClaimEvent(
            claim_id=claim_id,
            from_state=ClaimState.DRAFT.value,
            to_state=ClaimState.DRAFT.value,
            detail="删除草稿",
        )
    )
    writer.delete(Claim, claim_id)


class ClaimService:
    """Making claims, moving them through review, collecting evidence, batching them."""

    def __init__(self, ledger: Ledger, policy: Policy, actor: Actor | None = None) -> None:
        self.ledger = ledger
        self.policy = policy
        self.actor = actor or actor_of(ledger)
        self.queries = ClaimQueries(ledger)
        self.eligibility = EligibilityService(ledger, policy)
        #: What the last write changed.
        self.changes: ChangeSet = NO_CHANGES

    # -- creating -------------------------------------------------------------------------

    def create(
        self,
        id_number: str,
        rule_id: str,
        *,
        on: dt.date | None = None,
        evidence_collected: Iterable[str] = (),
    ) -> Claim:
        """A new draft claim from an eligible result; refuses repeats naming the first claim."""
        on = on or today()  # China's day: a laptop's clock on UTC is behind till 08:00
        rule = self.policy.rule(rule_id)
        if not rule.enabled:
            raise ClaimRefused(said(NOT_ENABLED, rule.title))
        with writing(self.ledger, self.actor) as writer:
            facts = self.eligibility.facts_of(id_number)
            # Said before whether the person qualifies then (the write door refuses it too).
            asked = {"claim_date": on, "person_name": facts.name, "rule_title": rule.title}
            future = claim_not_yet_due(asked | {"limit_kind": rule.limit.kind.value}, today())
            if future is not None:
                raise ClaimRefused(future[1])
            result = evaluate_rule(rule, facts, on, detail=True)
            if result.status is Status.CLAIMED:
                first = self.queries.get(result.claim_id or "")
                # (its key, not the result's: a claim on the same job recorded twice)
                check_new_claim(first.limit_key, rule.title, [first])
            if result.status is not Status.ELIGIBLE:
                # (each the rule's sentence where it has one: said in the window's language)
                unmet = listed(
                    [r.text if r.said is None else r.said for r in result.reasons if not r.met],
                    SEMICOLONED,
                )
                raise ClaimRefused(
                    said(NOT_QUALIFIED, facts.name, rule.title, rule.citation, unmet)
                )
            if result.amount is None:
                # A figure nobody has set is never invented: no claim, no paper, no money.
                raise ClaimRefused(said(FIGURE_UNSET, rule.title, rule.citation))
            # Re-check against the stored claims: the facts were read in this same transaction,
            # but the guard is the rule of record (the hub runs it again on merged data).
            check_new_claim(
                result.limit_key, rule.title, self.queries.with_limit_key(result.limit_key)
            )
            claim = self._claim_from(result, facts, rule.limit.kind.value, on, evidence_collected)
            claim_id = writer.insert(claim)
            writer.insert(
                ClaimEvent(claim_id=claim_id, to_state=ClaimState.DRAFT.value, detail="新建申领")
            )
        return self._done(writer, claim_id)

    def _done(self, writer: Writer, claim_id: str) -> Claim:
        self.changes = writer.changes.with_id(claim_id)
        return self.queries.get(claim_id)

    def _claim_from(
        self,
        result: RuleResult,
        facts: PersonFacts,
        limit_kind: str,
        on: dt.date,
        collected: Iterable[str],
    ) -> Claim:
        rule = self.policy.rule(result.rule_id)
        then = rule_as_judged(rule, on, result.event_date)  # the figure of the month paid
        done = set(collected)
        unknown = done - set(rule.evidence)
        if unknown:
            raise ClaimRefused(said(NOT_LISTED, listed(sorted(unknown))))
        spell = next((s for s in facts.spells if s.id == result.event_id), None)
        frozen = QualifyingFacts(
            reasons=tuple(str(r) for r in result.reasons),
            event_id=result.event_id,
            categories=tuple(
                sorted(categories_judged(rule, facts, on, result.event_date, result.event_id))
            ),
            amount_rule=then.amount.describe(),
            limit=rule.limit.describe(),
            # The spell as the rule saw it, every field by name.
            spell=None
            if spell is None
            else EmploymentSpell(
                person_id=facts.person_id,
                **{name: getattr(spell, name) for name in snapshot_fields(SpellFacts)},
            ),
        )
        return Claim(
            person_id=facts.person_id,
            rule_id=rule.id,
            rule_title=rule.title,
            pack_version=self.policy.version,
            source_clause=then.citation,
            event_date=result.event_date,
            amount=result.amount,
            payee=rule.payee_kind,
            payee_name=result.payee_name,
            funding_source=result.funding_source,
            limit_key=result.limit_key,
            spell_id=spell.id if spell else None,
            area_code=facts.area_code,
            facts=frozen,
            evidence=json.dumps({item: item in done for item in rule.evidence}, ensure_ascii=False),
            id_number=facts.id_number,
            person_name=facts.name,
            claim_date=on,
            limit_kind=limit_kind,
            township_code=area_at(facts.area_code, AreaLevel.TOWNSHIP),
            # This laptop's own day, not the ledger's clock (which a sync can carry ahead).
            applied_on=today(),
        )

    # -- moving through review ------------------------------------------------------------

    def advance(self, claim_id: str, target: ClaimState, reason: str = "") -> Claim:
        """Move a claim to `target` if the flow allows it; the step is logged with the reason."""
        with writing(self.ledger, self.actor) as writer:
            claim = self.queries.get(claim_id)
            check_transition(claim, target, reason)
            if target.value in ONWARD:
                # Never passed on asking more than the policy pays for its month (job): made
                # by a tampered program, or before the county lowered the figure.
                beyond = claim_beyond_policy(self.policy, claim.model_dump())
                how = Word(DRAFT_DELETED if claim.state == ClaimState.DRAFT else REJECT_IT)
                state = Word(target.value)
                if beyond is not None:
                    raise ClaimRefused(said(NOT_PASSED_ON, beyond[1], state, how))
                # Nor submitted on a job (training) changed since it was made, or no longer
                # there (a submitted claim's job is held as it is: `claimed_event`).
                dumped = claim.model_dump()
                named = claim_event_id(self.policy, dumped)
                if named is not None and claim.state == ClaimState.DRAFT:
                    event = self.ledger.get(*named) if named[1] else None
                    unfounded = claim_event_unfounded(
                        self.policy, dumped, event
                    ) or claim_payee_wrong(self.policy, dumped, event)
                    if unfounded is not None:
                        raise ClaimRefused(said(NOT_SUBMITTED, unfounded[1], state))
                elif claim.state == ClaimState.DRAFT:
                    job = self.ledger.get("employment_spells", claim.spell_id or "")
                    unfounded = claim_month_unfounded(self.policy, dumped, job)
                    if unfounded is not None:
                        raise ClaimRefused(said(NOT_SUBMITTED, unfounded[1], state))
                # Nor a repeat (two laptops offline, or past a tampered program's guard).
                first = repeat_of(claim, self.queries.with_limit_key(claim.limit_key))
                if first is None:
                    first = self._twin_of(claim)
                if first is None:  # the same person entered twice (another row, one ID number)
                    person = self.ledger.get("persons", claim.person_id) or {}
                    namesakes = self.queries.of_namesakes(
                        str(person.get("id_number") or ""), claim.person_id, claim.limit_key
                    )
                    first = namesake_repeat_of(claim, namesakes)
                if first is not None:
                    raise ClaimRefused(
                        said(
                            REPEAT_NOT_PASSED_ON,
                            repeated_said(claim, first, self.policy),
                            state,
                            how,
                        )
                    )
            fields: dict[str, object] = {"state": target.value}
            if target in (ClaimState.REJECTED, ClaimState.REVERSED):
                fields["reason"] = reason.strip()
            if target is ClaimState.SUBMITTED and claim.missing_evidence():
                fields["missing_evidence_reason"] = reason.strip() or claim.missing_evidence_reason
            if target is ClaimState.COUNTY_APPROVED:
                # The account the approved money goes to, as it is now: the roster pays to it,
                # not to one the person's row is changed to later (the hub checks it:
                # `claim_account`).
                fields.update(kept_account(self.ledger.get("persons", claim.person_id)))
            writer.update(Claim, claim.id, fields)
            writer.insert(
                ClaimEvent(
                    claim_id=claim.id,
                    from_state=str(claim.state),
                    to_state=target.value,
                    reason=reason.strip(),
                )
            )
        return self._done(writer, claim.id)

    def delete_draft(self, claim_id: str) -> Claim:
        """Delete a draft (made by mistake, or on a job since corrected): logged, its row and
        steps kept; a claim past its draft is rejected or reversed, never deleted (the write
        door and the hub refuse it too: `claim_delete`). Returns the claim as it was."""
        with writing(self.ledger, self.actor) as writer:
            claim = self.queries.get(claim_id)
            # The write door's and the hub's sentences (templates: said in English too).
            if claim.state in (ClaimState.REJECTED, ClaimState.REVERSED):
                raise ClaimRefused(said(ENDED_NOT_DELETED, Word(str(claim.state))))
            if claim.state != ClaimState.DRAFT:
                raise ClaimRefused(said(NOT_DELETED, Word(str(claim.state))))
            drop_draft(writer, claim.id)
        self.changes = writer.changes.with_id(claim.id)
        return claim

    def _twin_of(self, claim: Claim) -> ClaimLike | None:
        """The first claim on the same job (training) as `claim` recorded twice (`twin_claim`)."""
        from fieldapp.policy.guard import ClaimRow
        from fieldapp.services.trust_check import twin_claim

        row = self.ledger.get("claims", claim.id) or {}
        # (the person's claims, and those of the other rows holding their ID number, deleted
        # too: one person entered twice, the job recorded on each row, is one job)
        person = self.ledger.get("persons", claim.person_id) or {}
        number = str(person.get("id_number") or "")
        every = self.queries.holders([number], deleted=True)
        people = {claim.person_id} | every.get(number, set())
        others = {
            c.id: found
            for whose in sorted(people)
            for c in self.queries.select(person_id=whose)
            if (found := self.ledger.get("claims", c.id)) is not None
        }
        return twin_claim(self.policy, ClaimRow.of(claim.id, row), row, others, self.ledger.get)

    def collect_evidence(
        self, claim_id: str, items: Iterable[str], collected: bool = True
    ) -> Claim:
        """Tick (or untick) evidence items; refused once the claim is approved."""
        with writing(self.ledger, self.actor) as writer:
            claim = self.queries.get(claim_id)
            check_editable(claim)
            evidence = claim.evidence_items()
            chosen = list(items)
            unknown = [i for i in chosen if i not in evidence]
            if unknown:
                raise ClaimRefused(
                    said(
                        NOT_IN_CLAIMS_LIST,
                        claim_label_said(claim),
                        listed(unknown),
                        listed(list(evidence)),
                    )
                )
            for item in chosen:
                evidence[item] = collected
            writer.update(Claim, claim.id, {"evidence": json.dumps(evidence, ensure_ascii=False)})
            verb = "已收" if collected else "退回"
            writer.insert(
                ClaimEvent(
                    claim_id=claim.id,
                    from_state=str(claim.state),
                    to_state=str(claim.state),
                    detail=f"材料{verb}：{'、'.join(chosen)}",
                )
            )
        return self._done(writer, claim.id)

    def set_missing_reason(self, claim_id: str, reason: str) -> Claim:
        """Record why evidence is missing (allows submitting without it)."""
        with writing(self.ledger, self.actor) as writer:
            claim = self.queries.get(claim_id)
            check_editable(claim)
            writer.update(Claim, claim.id, {"missing_evidence_reason": reason.strip()})
            writer.insert(
                ClaimEvent(
                    claim_id=claim.id,
                    from_state=str(claim.state),
                    to_state=str(claim.state),
                    reason=reason.strip(),
                    detail="填写缺件原因",
                )
            )
        return self._done(writer, claim.id)

    # -- batches --------------------------------------------------------------------------

    def _title_of(self, rule_id: str) -> str:
        """The title the ledger's claims of a rule were made under, '' when none has one."""
        return next(
            (c.rule_title for c in self.queries.select(rule_id=rule_id) if c.rule_title), ""
        )

    def create_batch(
        self,
        rule_id: str,
        *,
        state: ClaimState | None = None,
        area_prefix: str | None = None,
        funding_source: str | None = None,
        title: str = "",
    ) -> tuple[Batch, list[Claim]]:
        """Group the unbatched claims of a rule (in a state, area, funding source) into a batch.

        Without a state, every live claim past the draft stage is taken (on a township's or
        the county's device, every one the township has passed: 乡镇审核 on — a county's batch
        is paid by its 发放花名册, and a claim batched there is no longer the township's to
        post); without an area, a
        village's or township's device batches its own area (`batch_area`). A batch may hold more
        than one funding source; its rosters are then split by source (`funding_source` = "").
        """
        rule = self.policy.rule(rule_id) if rule_id in {r.id for r in self.policy.rules} else None
        area_prefix = batch_area(self.actor, area_prefix)
        if state is None:
            # A township batches what it has passed: its 公示 and the roster it sends on.
            first = (
                ClaimState.TOWNSHIP_REVIEWED
                if self.actor.role in (Role.TOWNSHIP, Role.COUNTY)
                else ClaimState.SUBMITTED
            )
            order = list(ClaimState)
            # An approved (paid) claim's batch is the county's to set (`claim_locked`): a
            # village or township batches what it has not yet passed to the county's payment.
            kept = {ClaimState.REJECTED, ClaimState.REVERSED}
            if self.actor.role in (Role.COORDINATOR, Role.TOWNSHIP):
                kept |= {ClaimState.COUNTY_APPROVED, ClaimState.PAID}
            states: list[ClaimState] = [s for s in order[order.index(first) :] if s not in kept]
        else:
            states = [state]
        with writing(self.ledger, self.actor) as writer:
            claims = [
                c
                for c in self.queries.select(
                    rule_id=rule_id,
                    states=states,
                    area_prefix=area_prefix,
                    funding_source=funding_source,
                )
                if not c.batch_id
            ]
            if not claims:
                place = say_place(area_prefix, divisions(), listed_places(self.ledger))
                where: Part = said(BATCHED_IN, place) if area_prefix else ""
                status: Part = said(BATCHED_STATE, Word(state.value)) if state else ""
                if state is None and self.actor.role is Role.TOWNSHIP:
                    status = said(BATCHED_HERE, Word(ClaimState.TOWNSHIP_REVIEWED.value))
                elif state is None and self.actor.role is Role.COUNTY:
                    status = said(BATCHED_PASSED, Word(ClaimState.TOWNSHIP_REVIEWED.value))
                # A subsidy this device's pack does not hold is said by the title its claims
                # were made under (a pack since changed), else as one: never by its rule id.
                what = rule.title if rule else self._title_of(rule_id)
                if not what:
                    raise ClaimRefused(said(NOTHING_OF_UNKNOWN, status, where))
                raise ClaimRefused(said(NOTHING_TO_BATCH, what, status, where))
            # Two laptops offline may each have made and submitted the same claim: a batch of
            # both would post and pay it twice (its review steps refuse the repeat already).
            repeats: list[Part] = [
                repeated_said(c, earlier, self.policy)
                for c in claims
                if (earlier := repeat_of(c, self.queries.with_limit_key(c.limit_key)))
            ]
            if repeats:
                more = said(MORE_OF, str(len(repeats))) if len(repeats) > 3 else ""
                raise ClaimRefused(
                    said(REPEATS_NOT_BATCHED, listed(repeats[:3], SEMICOLONED), more)
                )
            sources = sorted({c.funding_source for c in claims})
            batch = Batch(
                rule_id=rule_id,
                funding_source=sources[0] if len(sources) == 1 else "",
                area_code=area_prefix or "",
                # Named without a head count: a count made now goes stale (a claim rejected
                # later is left off its papers; a village prints only its own people), and
                # each paper and list counts what it lists (`Batch.name`).
                title=title or (rule.title if rule else self._title_of(rule_id)) or rule_id,
                state_filter=state.value if state else "",
                notes="资金来源：" + "、".join(sources),
            )
            batch_id = writer.insert(batch)
            # Those the township has not passed go in first: once the batch holds one it has
            # passed, it is the township's roster, which no unreviewed claim joins
            # (`trust_check.batch_joined`).
            order = list(ClaimState)
            for claim in sorted(claims, key=lambda c: order.index(c.state)):
                writer.update(Claim, claim.id, {"batch_id": batch_id})
        self.changes = writer.changes.with_id(batch_id)
        return self.queries.batch(batch_id), self.queries.batch_claims(batch_id)


__all__ = [
    "ClaimRefused",
    "ClaimService",
    "EligibilityService",
    "LimitExceeded",
    "batch_area",
    "listed_claims",
]
