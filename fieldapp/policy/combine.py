"""Applying county packs to their base, and refusing what the county may not change.

The seeds fix some things and leave others to the county. A county pack may:

- set the figure of a capped or county-set amount, never above the seeds' cap (交通补助 ≤ 500 元,
  意外伤害保险补贴 ≤ 100 元), on the county document that sets it (`figure_document`, cited with
  the clause on every paper); a fixed provincial figure (100 元, 500 元, 每天 40 元) is not the
  county's to change;
- extend (or end) a rule on a document of its own, listed in its `[[documents]]`;
- switch rules on or off, change evidence lists, limits and funding notes;
- make conditions stricter (never looser), add employer kinds where the seeds say "等";
- set the monitoring income line, shorten (never lengthen) service deadlines, raise (never
  lower) minimum services, define service bundles;
- add the State Council's yearly holiday schedule and its own holidays;
- add rules of its own, citing its own documents.

Every rule and citation must name a document the packs list (`[[documents]]`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from pydantic import ValidationError

from fieldapp.domain.money import yuan
from fieldapp.domain.sentences import (
    QUOTED,
    SEMICOLONED,
    Day,
    Part,
    Sentence,
    Word,
    listed,
    said,
    template,
)
from fieldapp.policy.pack import (
    CONDITION_NAMES,
    Amount,
    AmountKind,
    CalendarDays,
    Clauses,
    Conditions,
    Deadlines,
    Document,
    Extension,
    Lines,
    PackError,
    PackFile,
    PackInfo,
    Policy,
    Rule,
    RuleOverride,
    ServiceBundle,
    ServiceLevel,
    YearSchedule,
    keyed,
)
from fieldapp.policy.packfile import problem_keys, problem_text

#: Override fields copied as they are (the others are checked one by one below).
_FREE_FIELDS = ("enabled", "title", "funding_source", "funding_by_category", "limit", "evidence")

# What a county may not change, as sentences (a rule named by its title %1 and clause %2, as
# `rule_named` writes it, unless said otherwise).
#: A county pack (its title, %1) taking the built-in pack's id: the dialog names it as the
#: county knows it; the id it took is the command line's (`OWN_ID_KEYS`, %1 that id).
OWN_ID = template("县级政策包“%1”用了内置政策包的编号：县级政策包须用本县自己的编号")
OWN_ID_KEYS = '[pack] 的 id（现为 %1，与内置政策包相同），如 id = "qixingguan"'
ZERO_FIGURE = keyed(
    template("“%1”（%2）的县定金额须大于 0 元；本县不实行这项补贴的，请停用这项补贴"),
    "enabled = false",
)
#: The monitoring line (%1 元/月) with no document.
LINE_UNDOCUMENTED = keyed(
    template(
        "防止返贫监测收入线 %1 元/月须写明县里定这条线的文件文号，并列入本包的文件："
        "公益性岗位收入超线的提醒引用它"
    ),
    "welfare_post_income_line_document，并列入 [[documents]]",
)
#: … a rule's county figure (%3 元) with no document.
FIGURE_UNDOCUMENTED = keyed(
    template(
        "“%1”（%2）的县定金额 %3 元须写明县里定这个金额的文件文号，并列入本包的文件："
        "申请表、花名册和公示表引用它作为补贴标准的依据"
    ),
    "figure_document，并列入 [[documents]]",
)
#: The base pack a first pack (%1, its title) extends, missing: the clerk knows a pack by its
#: title, as `OWN_ID` names it; the id it extends (no title is known for it) is the command
#: line's (`EXTENDS_KEYS`).
NO_BASE = template("县级政策包“%1”缺少它所扩展的基础政策包")
#: A pack (%1, its title) extending one not among those before it (%2, their titles, each
#: `PACK_TITLED`, listed); the id it extends, as `NO_BASE`.
EXTENDS_UNKNOWN = template("县级政策包“%1”所扩展的政策包不在已有的政策包中（已有：%2）")
#: A pack named by its title in a list of them.
PACK_TITLED = QUOTED
#: The key a pack names the pack it extends by (%1 the id it wrote), for the command line.
EXTENDS_KEYS = "[pack] 的 extends（现为 %1）"
#: A new rule (%1 its title) with the id a rule has already (%2 title, %3 clause).
RULE_TWICE = keyed(
    template("本包新增的“%1”与已有的“%2”（%3）是同一条规则：已有的规则只能修改，不能再新增一条"),
    "修改已有规则写在 [[overrides]] 中",
)
DOCUMENT_NO_FIGURE = keyed(
    template("“%1”（%2）：写了县定标准的文号却没有写县定金额"), "figure_document、figure"
)
FROM_NO_FIGURE = keyed(
    template("“%1”（%2）：写了县定金额的执行日期却没有写县定金额"), "figure_from、figure"
)
DOCUMENT_NO_END = keyed(template("“%1”（%2）：写了文号却没有写新的结束日期"), "document、valid_to")
#: A figure the province fixed (%1 title, %2 the figure as papers write it, `figure_said`,
#: %3 clause).
FIXED_FIGURE = template("“%1”的标准是省里定的（%2，%3），县里不能修改")
#: … a rule's amount of another kind or cap (%1 title, %2 clause).
KIND_CHANGED = template("“%1”只能填写县定金额，不能改变标准的种类或最高限额（%2）")
#: … a figure (%2) above the cap (%3) (%1 title, %4 clause).
OVER_CAP = template("“%1”的金额 %2 元超过政策规定的最高 %3 元（%4）")
BEFORE_NO_FROM = keyed(
    template("“%1”（%2）：写了此前的金额却没有写新金额的执行日期"),
    "figure_before、figure_from",
)
#: The figure (%4) before the day (%3) a new one applies from, 0 or above the cap (`BEFORE_CAP`
#: or '').
BEFORE_WRONG = template("“%1”（%2）：%3 前的金额 %4 元须大于 0 元%5")
BEFORE_CAP = template("，且不超过政策规定的最高 %1 元")
BEFORE_UNLISTED = keyed(
    template("“%1”（%2）：此前金额的文号 %3 不在本包所列的文件中"),
    "figure_before_document 须列入 [[documents]]",
)
FIGURE_DOCUMENT_UNLISTED = keyed(
    template("“%1”（%2）：县定标准的文号 %3 不在本包所列的文件中"),
    "figure_document 须列入 [[documents]]",
)
LINE_DOCUMENT_NO_LINE = keyed(
    template("写了监测收入线的文号却没有写监测收入线"),
    "welfare_post_income_line_document、welfare_post_income_line",
)
LINE_FROM_NO_LINE = keyed(
    template("写了监测收入线的执行日期却没有写监测收入线"),
    "welfare_post_income_line_from、welfare_post_income_line",
)
LINE_DOCUMENT_UNLISTED = keyed(
    template("监测收入线的文号 %1 不在本包所列的文件中"),
    "welfare_post_income_line_document 须列入 [[documents]]",
)
LINE_BEFORE_NO_FROM = keyed(
    template("写了此前的监测收入线却没有写新收入线的执行日期"),
    "welfare_post_income_line_before、welfare_post_income_line_from",
)
LINE_BEFORE_UNLISTED = keyed(
    template("此前监测收入线的文号 %1 不在本包所列的文件中"),
    "welfare_post_income_line_before_document 须列入 [[documents]]",
)
END_UNDOCUMENTED = keyed(template("“%1”（%2）：改变有效期必须写明县里的文号"), "document")
END_UNLISTED = keyed(
    template("“%1”（%2）：文号 %3 不在本包所列的文件中"), "document 须列入 [[documents]]"
)
#: A deadline (%1, what is to be done by it: `DEADLINE_WORK`) made longer: from %2 workdays
#: to %3 workdays.
DEADLINE_LONGER = template("%1：办理时限只能缩短，不能从 %2 个工作日延长到 %3 个工作日")
#: What each deadline of `[deadlines]` is for, in the words of the due list (`policy.due`).
DEADLINE_1311 = template("提供“1311”就业服务")
DEADLINE_REGISTRATION = template("办结失业登记")
DEADLINE_WORK = {
    "service_1311_workdays": DEADLINE_1311,
    "registration_workdays": DEADLINE_REGISTRATION,
}
#: A level's (%1) minimum service of a kind (%2) made fewer than %3 (%4 its clause).
LEVEL_FEWER = template("%1的最低服务只能增加，不能少于%2%3次（%4）")
#: A rule (%1 title) whose clause (%2) cites no document listed (%3, listed, or `NONE_LISTED`).
UNCITED = template("“%1”的依据“%2”没有以所列文件的文号或《标题》开头（已列文件：%3）")
NONE_LISTED = template("（无）")
#: Nothing to combine.
NO_PACKS = template("没有可用的政策包")
#: A rule's conditions made looser (%1 title, %2 clause, %3 how: `looser`'s, joined by ；).
LOOSER = template("“%1”的条件只能从严，不能放宽（%2）：%3")
# How (`looser`): a condition in the clerk's words (%1, `CONDITION_NAMES`), and what it was
# (%2); the keys the pack writes are the command line's (`Loosened.key`, `PackError.cli_hint`).
SET_WIDENED = template("%1不能增加或取消（原为%2）")
DROPPED = template("%1不能取消")
FEWER = template("%1不能减少")
ADDED = template("%1不能新增")
BELOW = template("%1不能低于%2")
ABOVE = template("%1不能高于%2")
SHORTER = template("%1不能短于%2")
#: … a look-back of no months given: every earlier job.
EVERY_EARLIER = template("全部既往就业")
#: A yes/no condition a county may not turn (two sentences: a bare 是 or 否 would be a
#: template every 是 in the program matched).
KEPT_YES = template("“%1”一项必须保持为“是”")
KEPT_NO = template("“%1”一项必须保持为“否”")


def check_new_pack(base: Sequence[tuple[str, PackFile]], name: str, pack: PackFile) -> None:
    """What a county may not publish or install from now on, checked when a pack is checked,
    installed, published or submitted, not when a stored one is loaded (a pack the county
    published before keeps working): the built-in pack's id, a figure of 0 元 (everyone
    符合条件 for nothing, forms printed for ¥0.00); see also `check_figure_documents` and
    `packfile.check_words_written` (the county's words as its text writes them).

    `base` is the packs `pack` extends (the built-in one first): a rule is named to the clerk
    by its title and document as they give it, not by its id."""
    base_id = base[0][1].pack.id
    if pack.pack.id == base_id:
        keys = OWN_ID_KEYS.replace("%1", pack.pack.id)
        raise PackError(name, None, said(OWN_ID, pack.pack.title), keys=keys)
    rules = {r.id: r for _, file in (*base, (name, pack)) for r in file.rules}
    for override in pack.overrides:
        figure = _figure(override)
        if figure is None or figure > 0:
            continue
        rule = rules.get(override.rule)
        if rule is None:  # refused when the packs combine, in the same words
            raise PackError(name, None, no_such_rule(override.rule))
        raise PackError(name, None, said(ZERO_FIGURE, rule.title, rule.clause))


#: A rule id (%1) no pack has.
NO_SUCH_RULE = template("政策包里没有编号为 %1 的规则，无从修改")


def no_such_rule(rule: str) -> Sentence:
    """A rule id no pack has, in the one wording the pack file and the hub's editor share."""
    return said(NO_SUCH_RULE, rule)


def _figure(override: RuleOverride) -> float | None:
    if override.figure is not None:
        return override.figure
    return override.amount.value if override.amount is not None else None


def check_figure_documents(
    name: str, pack: PackFile, policy: Policy, earlier: PackFile | None = None
) -> None:
    """A county figure set from now on names the county document that sets it: the application
    form, roster and notice print the amount and cite that document as its basis; the duty flag
    of a post holder above the monitoring income line cites the line's document.

    Checked with `check_new_pack`, once `pack` has combined into `policy` (a figure the county may
    not set at all is refused for that first). A figure carried unchanged from `earlier` (the
    same pack as published or installed before) keeps working without one, as the pack did.
    """
    line = pack.lines.welfare_post_income_line
    carried = earlier is not None and earlier.lines.welfare_post_income_line == line
    if line is not None and not pack.lines.welfare_post_income_line_document and not carried:
        raise PackError(name, None, said(LINE_UNDOCUMENTED, yuan(line)))
    before = {o.rule: _figure(o) for o in earlier.overrides} if earlier is not None else {}
    for override in pack.overrides:
        figure = _figure(override)
        if figure is None or override.figure_document or before.get(override.rule) == figure:
            continue
        rule = policy.rule(override.rule)
        if rule.amount.kind not in (AmountKind.CAPPED, AmountKind.COUNTY):
            continue  # the province's own figure, given again unchanged
        raise PackError(
            name, None, said(FIGURE_UNDOCUMENTED, rule.title, rule.clause, yuan(figure))
        )


def combine(files: list[tuple[str, PackFile]], *, source: str = "builtin") -> Policy:
    """Apply county packs to their base, in the order given; the first file must be a base pack.

    `source` says where the last pack came from ("builtin", "hub" or "local").
    """
    if not files:
        raise PackError("（无）", None, said(NO_PACKS))
    base_name, base = files[0]
    if base.pack.extends:
        keys = EXTENDS_KEYS.replace("%1", base.pack.extends)
        raise PackError(base_name, None, said(NO_BASE, base.pack.title), keys=keys)
    state = _State(base_name, base)
    for name, local in files[1:]:
        state.apply(name, local)
    state.check_citations()
    top_name, top = files[-1]
    header = top.pack
    return Policy(
        version="+".join(state.versions),
        title=header.title,
        files=[n for n, _ in files],
        pack=PackInfo(
            id=header.id,
            version=header.version,
            source=source if len(files) > 1 else "builtin",
            title=header.title,
            authority=header.authority,
            document=header.document,
            document_date=header.document_date,
        ),
        documents=list(state.documents.values()),
        lines=Lines.model_validate(state.lines),
        deadlines=Deadlines.model_validate(state.deadlines),
        clauses=Clauses.model_validate(state.clauses),
        calendar=CalendarDays(
            extra_holidays=state.holidays,
            extra_workdays=state.workdays,
            years=sorted(state.years.values(), key=lambda y: y.year),
        ),
        service_levels=list(state.levels.values()),
        service_bundles=list(state.bundles.values()),
        rules=list(state.rules.values()),
        status_words=state.status_words,
        status_words_from=state.status_words_from,
    )


class _State:
    """The policy being built, pack by pack."""

    def __init__(self, name: str, base: PackFile) -> None:
        self.name = name
        self.documents: dict[str, Document] = {d.cite_name: d for d in base.documents}
        self.rules = {r.id: r for r in base.rules}
        self.lines: dict[str, Any] = base.lines.model_dump()
        self.deadlines: dict[str, Any] = base.deadlines.model_dump()
        self.clauses: dict[str, Any] = (base.clauses or Clauses()).model_dump()
        self.holidays = list(base.calendar.extra_holidays)
        self.workdays = list(base.calendar.extra_workdays)
        self.years: dict[int, YearSchedule] = {y.year: y for y in base.calendar.years}
        self.levels: dict[str, ServiceLevel] = {str(lv.level): lv for lv in base.service_levels}
        self.bundles: dict[str, ServiceBundle] = {b.name: b for b in base.service_bundles}
        self.status_words: dict[str, str] = dict(base.status_words)
        self.status_words_from = base.pack.said() if base.status_words else ""
        self.versions = [f"{base.pack.id}@{base.pack.version}"]
        #: The packs applied so far: their titles by their ids.
        self.known_ids = {base.pack.id: base.pack.title}
        #: Which file each citation came from, to name it in errors.
        self.cited: list[tuple[str, str, str]] = [(name, r.id, r.clause) for r in base.rules]
        self.cited += [(name, r.id, c) for r in base.rules for c in r.also_clauses]

    def apply(self, name: str, local: PackFile) -> None:
        """Apply one county pack."""
        self.name = name
        if local.pack.extends and local.pack.extends not in self.known_ids:
            known = listed([said(PACK_TITLED, t) for t in self.known_ids.values()])
            keys = EXTENDS_KEYS.replace("%1", local.pack.extends)
            refused = said(EXTENDS_UNKNOWN, local.pack.title, known)
            raise PackError(name, None, refused, keys=keys)
        self.documents |= {d.cite_name: d for d in local.documents}
        for rule in local.rules:
            if rule.id in self.rules:
                had = self.rules[rule.id]
                raise PackError(name, None, said(RULE_TWICE, rule.title, had.title, had.clause))
            self.rules[rule.id] = rule
            self.cited += [(name, rule.id, c) for c in (rule.clause, *rule.also_clauses)]
        for override in local.overrides:
            self.rules[override.rule] = self._override(override)
        self.lines |= local.lines.model_dump(exclude_none=True)
        self._line_document(local.lines)
        self._deadlines(local.deadlines)
        if local.clauses is not None:
            self.clauses |= {k: v for k, v in local.clauses.model_dump().items() if v}
        # A later pack's decision on a day replaces an earlier one's (off → worked, or back).
        off, worked = set(local.calendar.extra_holidays), set(local.calendar.extra_workdays)
        self.holidays = [d for d in self.holidays if d not in worked]
        self.holidays += local.calendar.extra_holidays
        self.workdays = [d for d in self.workdays if d not in off]
        self.workdays += local.calendar.extra_workdays
        self.years |= {y.year: y for y in local.calendar.years}
        for level in local.service_levels:
            self._level(level)
        self.bundles |= {b.name: b for b in local.service_bundles}
        if local.status_words:
            self.status_words |= local.status_words
            self.status_words_from = local.pack.said()
        self.versions.append(f"{local.pack.id}@{local.pack.version}")
        self.known_ids[local.pack.id] = local.pack.title

    def _refuse(self, problem: str | Sentence) -> PackError:
        return PackError(self.name, None, problem)

    # -- one override -----------------------------------------------------------------------

    def _override(self, override: RuleOverride) -> Rule:
        rule = self.rules.get(override.rule)
        if rule is None:
            return _raise(self._refuse(no_such_rule(override.rule)))
        changes: dict[str, Any] = {
            f: getattr(override, f) for f in _FREE_FIELDS if getattr(override, f) is not None
        }
        if override.note is not None:
            changes["note"] = override.note
        amount = self._amount(rule, override)
        if amount is not None:
            changes["amount"] = amount
            # The figure's document goes with the figure: a new figure without one cites none.
            changes["figure_document"] = self._figure_document(rule, override)
            changes |= self._figure_dates(rule, override)
        elif override.figure_document is not None:
            raise self._refuse(said(DOCUMENT_NO_FIGURE, rule.title, rule.clause))
        elif override.figure_from is not None or override.figure_before is not None:
            raise self._refuse(said(FROM_NO_FIGURE, rule.title, rule.clause))
        if override.conditions is not None:
            loosened = looser(rule.conditions, override.conditions)
            if loosened:
                how = listed([x.said for x in loosened], SEMICOLONED)
                keys = "、".join(dict.fromkeys(f"conditions.{x.key}" for x in loosened))
                refusal = said(LOOSER, rule.title, rule.clause, how)
                raise PackError(self.name, None, refusal, keys=keys)
            changes["conditions"] = override.conditions
        if override.valid_to is not None:
            changes["valid_to"] = override.valid_to
            changes["extensions"] = [*rule.extensions, self._extension(rule, override)]
        elif override.document is not None:
            raise self._refuse(said(DOCUMENT_NO_END, rule.title, rule.clause))
        merged = rule.model_dump() | changes
        try:
            return Rule.model_validate(merged)
        except ValidationError as error:
            first = dict(error.errors()[0])
            problem = problem_text(first, rule=rule_named(rule))
            raise PackError(self.name, None, problem, keys=problem_keys(first)) from None

    def _amount(self, rule: Rule, override: RuleOverride) -> Amount | None:
        """The amount after the county's figure, checked against the seeds' cap."""
        current = rule.amount
        if override.figure is None and override.amount is None:
            return None
        wanted = override.amount or current.model_copy(update={"value": override.figure})
        if override.amount is not None and override.figure is not None:
            wanted = wanted.model_copy(update={"value": override.figure})
        if current.kind in (AmountKind.FIXED, AmountKind.PER_DAY):
            if wanted.kind != current.kind or wanted.value != current.value:
                # The figure alone (a note such as 省定标准 is what the sentence says), in
                # brackets: it read “标准为省定100 元”, the figure run into the words before it
                # where every other paper writes “省定 100 元”; 每天 40 元 sits apart as well.
                # The rule by its title and the document that sets the figure, as the clerk
                # knows it (it opened 规则 transport_other_rural_cross_province（…）).
                figure = figure_said(current)
                raise self._refuse(said(FIXED_FIGURE, rule.title, figure, rule.clause))
            return None
        if wanted.kind != current.kind or wanted.max != current.max or wanted.unit != current.unit:
            raise self._refuse(said(KIND_CHANGED, rule.title, rule.clause))
        value = wanted.value
        if value is not None and current.max is not None and value > current.max:
            raise self._refuse(
                said(OVER_CAP, rule.title, yuan(value), yuan(current.max), rule.clause)
            )
        return wanted

    def _figure_dates(self, rule: Rule, override: RuleOverride) -> dict[str, Any]:
        """A new figure from a day on, and the figure before it (checked as the figure is)."""
        if override.figure_from is None:
            if override.figure_before is not None or override.figure_before_document:
                raise self._refuse(said(BEFORE_NO_FROM, rule.title, rule.clause))
            return {"figure_from": None, "figure_before": None, "figure_before_document": ""}
        before = override.figure_before
        cap = rule.amount.max
        if before is not None and (before <= 0 or (cap is not None and before > cap)):
            limit = said(BEFORE_CAP, yuan(cap)) if cap else ""
            raise self._refuse(
                said(
                    BEFORE_WRONG,
                    rule.title,
                    rule.clause,
                    Day(override.figure_from, "iso"),
                    yuan(before),
                    limit,
                )
            )
        number = override.figure_before_document or ""
        if number and number not in self.documents:
            raise self._refuse(said(BEFORE_UNLISTED, rule.title, rule.clause, number))
        return {
            "figure_from": override.figure_from,
            "figure_before": before,
            "figure_before_document": number if before is not None else "",
        }

    def _figure_document(self, rule: Rule, override: RuleOverride) -> str:
        number = override.figure_document or ""
        if number and number not in self.documents:
            raise self._refuse(said(FIGURE_DOCUMENT_UNLISTED, rule.title, rule.clause, number))
        return number

    def _line_document(self, lines: Lines) -> None:
        """The monitoring line's document goes with the line: a new line without one cites none."""
        number = lines.welfare_post_income_line_document
        if lines.welfare_post_income_line is None:
            if number is not None:
                raise self._refuse(said(LINE_DOCUMENT_NO_LINE))
            if lines.welfare_post_income_line_from is not None:
                raise self._refuse(said(LINE_FROM_NO_LINE))
            return
        if number and number not in self.documents:
            raise self._refuse(said(LINE_DOCUMENT_UNLISTED, number))
        self.lines["welfare_post_income_line_document"] = number or None
        # A line from a day on, and the one before it; a line without a day replaces both.
        start = lines.welfare_post_income_line_from
        before = lines.welfare_post_income_line_before
        earlier = lines.welfare_post_income_line_before_document
        if start is None and (before is not None or earlier):
            raise self._refuse(said(LINE_BEFORE_NO_FROM))
        if earlier and earlier not in self.documents:
            raise self._refuse(said(LINE_BEFORE_UNLISTED, earlier))
        self.lines |= {
            "welfare_post_income_line_from": start,
            "welfare_post_income_line_before": before if start else None,
            "welfare_post_income_line_before_document": (earlier or None) if before else None,
        }

    def _extension(self, rule: Rule, override: RuleOverride) -> Extension:
        number = override.document
        if not number:
            raise self._refuse(said(END_UNDOCUMENTED, rule.title, rule.clause))
        document = self.documents.get(number)
        if document is None:
            raise self._refuse(said(END_UNLISTED, rule.title, rule.clause, number))
        return Extension(
            valid_to=override.valid_to or rule.valid_to or rule.valid_from,
            document=number,
            issuer=document.issuer,
            date=override.document_date or document.date,
        )

    # -- deadlines and levels ---------------------------------------------------------------

    def _deadlines(self, local: Deadlines) -> None:
        changes = local.model_dump(exclude_none=True)
        for key, work in DEADLINE_WORK.items():
            old, new = self.deadlines.get(key), changes.get(key)
            if old is not None and new is not None and new > old:
                raise self._refuse(said(DEADLINE_LONGER, said(work), str(old), str(new)))
        self.deadlines |= changes

    def _level(self, level: ServiceLevel) -> None:
        old = self.levels.get(str(level.level))
        if old is not None:
            for kind, need in old.minimums.items():
                if level.minimums.get(kind, 0) < need:
                    raise self._refuse(
                        said(
                            LEVEL_FEWER,
                            Word(str(level.level), common=True),
                            Word(str(kind), common=True),
                            str(need),
                            old.clause,
                        )
                    )
        self.levels[str(level.level)] = level

    # -- citations --------------------------------------------------------------------------

    def check_citations(self) -> None:
        """Every rule cites a document the packs list, by its number or title."""
        names = sorted(self.documents, key=len, reverse=True)
        for file, rule_id, clause in self.cited:
            if not any(clause.startswith(n) for n in names):
                cited = listed(list(self.documents)) or said(NONE_LISTED)
                title = self.rules[rule_id].title
                raise PackError(file, None, said(UNCITED, title, clause, cited))


def figure_said(amount: Amount) -> Sentence:
    """A figure the province fixed as `Amount.said` says it, its note left out (100 元,
    每天 40 元)."""
    return amount.model_copy(update={"note": ""}).said()


def rule_named(rule: Rule) -> str:
    """A rule as the clerk knows it: its title and the document it rests on (not its id)."""
    return f"“{rule.title}”（{rule.clause}）"


def _raise(error: PackError) -> Rule:
    raise error


class Loosened(NamedTuple):
    """A condition made looser: said in the clerk's words, and its key as the pack writes it
    (for the pack's author on the command line)."""

    said: Sentence
    key: str


def _named(key: str) -> str:
    return CONDITION_NAMES[key][0]


def _bound(key: str, value: int) -> Sentence:
    unit = CONDITION_NAMES[key][1]
    assert unit is not None, key  # (every bound has its unit)
    return said(unit, str(value))


def looser(old: Conditions, new: Conditions) -> list[Loosened]:
    """How `new` would loosen `old`, each said in the clerk's words with its key (none when it
    is as strict or stricter)."""
    found: list[Loosened] = []

    def add(key: str, how: str, *parts: Part) -> None:
        found.append(Loosened(said(how, said(_named(key)), *parts), key))

    for name in ("categories_any", "place_scopes", "forms"):
        before, after = set(getattr(old, name)), set(getattr(new, name))
        if before and (not after or not after <= before):
            was = listed([Word(value, common=True) for value in sorted(map(str, before))])
            add(name, SET_WIDENED, was)
    if old.employer_kinds and not new.employer_kinds:
        add("employer_kinds", DROPPED)
    if not set(old.categories_none) <= set(new.categories_none):
        add("categories_none", FEWER)
    if new.or_rural_transferred and not old.or_rural_transferred:
        add("or_rural_transferred", ADDED)
    for name in (
        "stable_months_min",
        "contract_months_min",
        "insurance_months_min",
        "age_at_event_min",
        "registered_unemployed_months_min",
        "training_days_min",
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before is not None and (after is None or after < before):
            add(name, BELOW, _bound(name, before))
    for name in (
        "contract_months_max",
        "age_at_event_max",
        "graduate_window_months",
        "returned_within_months",
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before is not None and (after is None or after > before):
            add(name, ABOVE, _bound(name, before))
    # "New" looks back over every earlier spell unless a look-back is given: a shorter one is
    # looser.
    lookback, shorter = old.new_lookback_months, new.new_lookback_months
    if shorter is not None and (lookback is None or shorter < lookback):
        since = _bound("new_lookback_months", lookback) if lookback else said(EVERY_EARLIER)
        add("new_lookback_months", SHORTER, since)
    for name in (
        "new_to_scope",
        "newly_returned",
        "organized_export",
        "first_export",
        "graduate_unemployed",
        "registered_unemployed",
        "first_business",
        "casual_work",
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before is not None and after != before:
            add(name, KEPT_YES if before else KEPT_NO)
    return found
