"""The words of a held change's line on the sync page, in the language shown: the Chinese names
`fieldapp.sync.rejected.held_said` gives the tables and fields a change touches
(`trust.TABLE_NAMES`, `change_said.fields_said`) and the village's sentence for a value from a
newer program (`rejected.NEWER_VALUE_HERE`), each through the translations (context
`HeldWords`). The domain holds the words, once: `held_words_catalogue`, which
`packaging/update_translations.py` writes from `words()`, only marks them for pyside6-lupdate
(it cannot read words out of a dict). A name without a translation is said in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject

from fieldapp.domain.claims import ClaimState, Payee
from fieldapp.domain.enums import (
    EDUCATION,
    TRAINING_KINDS,
    AreaKind,
    Category,
    EmployerKind,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    ServiceType,
    UnemploymentClass,
    UnemploymentLevel,
    WorkStatus,
)
from fieldapp.domain.labels import FIELD_LABELS, TABLE_FIELD_LABELS
from fieldapp.domain.month import Month
from fieldapp.domain.roles import DEVICE_KINDS, ROLE_LABELS
from fieldapp.domain.sentences import Day, Part, Sentence, Word, fill, names_one
from fieldapp.paperwork.settings import LABELS as PAPER_LABELS
from fieldapp.policy import conditions, eligibility, guard, packfile
from fieldapp.policy import households as policy_households
from fieldapp.policy.pack import INCOME_LINE_NAME, UNSET, amount_read, limit_read
from fieldapp.services import claims, households, persons, trust, trust_check
from fieldapp.services.change_said import (
    DAY_FIELDS,
    FACTS_SAID,
    NAMED,
    field_said,
    fields_said,
)
from fieldapp.services.trust import RULES, SAID_WORDS, TABLE_NAMES, table_name
from fieldapp.store.queries import malformed, records
from fieldapp.sync.rejected import NEWER_VALUE_HERE
from fieldapp.tabular.columns import COLUMNS_OF
from fieldapp.ui.days import day_said, month_said, year_said
from fieldapp.ui.history import filled as filled  # one filler, Qt-free, for both

CONTEXT = "HeldWords"
#: The context of the refusals' templates (`sentences.TEMPLATES`).
REFUSALS = "Refusals"

#: Words a refusal's sentence says inside it with an English of their own (context
#: `Refusals`): a common noun said mid-sentence in lower case (a job, the township review,
#: paid to the employer), where the held lines' English is a heading's or a column's (Jobs,
#: Township, Employer); a person's category as a sentence says what someone is (王小明 is
#: lifted out of poverty, a veteran), where a list's is its name (Veteran). Any other word is
#: said as the held lines say it (`words`).
SENTENCE_WORDS: tuple[str, ...] = (
    "就业", "培训", "未写明", "是", "否", "未登记", *(str(payee) for payee in Payee),
    "申领", "批次", "申请编号", "批次编号", "设备", "已注销的设备", trust.HUB_CLOCK,
    *(str(category) for category in Category), records.NO_HOUSEHOLD,
    policy_households.FIRST_POST, policy_households.SECOND_POST, UNSET,
)  # fmt: skip
_SENTENCE_WORDS = frozenset(SENTENCE_WORDS)

_STATES = tuple(str(state) for state in ClaimState)
#: Every column heading of the ledger's sheets (劳动力台账 and the extra sheets): an import's
#: sentence names a cell's column by it (性别“男人?”无法识别 …, `sentences.Word`).
HEADINGS: tuple[str, ...] = tuple(
    dict.fromkeys(column.header for columns in COLUMNS_OF.values() for column in columns)
)
_LEVELS = tuple(str(level) for level in AreaKind)

#: Fields whose values are the program's own words, by (table, field): a claim's state (its
#: review records' from and to), a month's work status, an area's level, a job's form and its
#: employer's kind, a service's type and its training's kind, a person's sex, relation, labour
#: ability, health and education, a category, an unemployment class and level. By table, since one field name means
#: different things in different tables (an export's kind is not an area's level). Said in the
#: language shown; a value outside them (what people typed, a newer program's word) is said as
#: it is, and what is stored stays the Chinese word.
VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("claims", "state"): _STATES,
    ("claim_events", "from_state"): _STATES,
    ("claim_events", "to_state"): _STATES,
    ("monthly_status", "status"): tuple(str(status) for status in WorkStatus),
    ("areas", "kind"): _LEVELS,
    ("employment_spells", "form"): tuple(str(form) for form in EmploymentForm),
    ("employment_spells", "employer_kind"): tuple(str(kind) for kind in EmployerKind),
    ("services", "service_type"): tuple(str(kind) for kind in ServiceType),
    ("services", "training_kind"): TRAINING_KINDS,
    ("persons", "sex"): ("男", "女"),  # as `domain.idnumber` reads it from the ID number
    ("persons", "relation"): tuple(str(relation) for relation in Relation),
    ("persons", "labour_ability"): tuple(str(ability) for ability in LabourAbility),
    ("persons", "health"): tuple(str(health) for health in Health),
    ("persons", "education"): EDUCATION,
    ("person_categories", "category"): tuple(str(category) for category in Category),
    ("unemployment_registrations", "unemployment_class"): tuple(
        str(kind) for kind in UnemploymentClass
    ),
    # Not a stored field: the level the ledger reckons from the day registered (`level_on`).
    ("unemployment_registrations", "level"): tuple(str(level) for level in UnemploymentLevel),
}

#: The program's own words a form offers to choose from and stores in Chinese (a service's
#: kind, a training's, a job's form, a relation, why a person is deleted or moved …), said in
#: the language shown (`word_shown`).
FORM_WORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(str(value) for value in ServiceType),
            *TRAINING_KINDS,
            *(str(value) for value in EmploymentForm),
            *(str(value) for value in EmployerKind),
            *(str(value) for value in UnemploymentClass),
            *(str(value) for value in Relation),
            *(str(value) for value in LabourAbility),
            *(str(value) for value in Health),
            *(str(value) for value in Category),
            *_STATES,
            *persons.DELETE_REASONS,
            *households.MOVE_REASONS,
            *households.OFFER_REASONS,
        ]
    )
)


_FORM_WORDS = frozenset(FORM_WORDS)


def words() -> tuple[str, ...]:
    """Every Chinese word of the domain a held change's line says, once each, in order: the
    tables' and fields' names, the sentence for a newer program's value, the vocabularies'
    words, the trust rules' reasons (`rule_word`), the forms' words (`word_shown`) and the
    words a refusal's sentence may hold (`sentence_shown`: fields, roles, levels …)."""
    vocabularies = [word for vocabulary in VOCABULARIES.values() for word in vocabulary]
    return tuple(
        dict.fromkeys(
            [
                *TABLE_NAMES.values(),
                *fields_said(),
                NEWER_VALUE_HERE,
                NEWER_NAMED,
                *vocabularies,
                *RULES.values(),
                *FORM_WORDS,
                *FIELD_LABELS.values(),
                *TABLE_FIELD_LABELS.values(),
                *ROLE_LABELS.values(),
                *DEVICE_KINDS.values(),
                *SAID_WORDS,
                *eligibility.SAID_WORDS,
                *conditions.SAID_WORDS,
                *(what for *_, what in packfile.LATER_KEYS),  # what needs a later program
                *trust_check.SAID_WORDS,
                *claims.SAID_WORDS,
                guard.UNNAMED,
                *PAPER_LABELS.values(),  # a print setting's value refused names it
                *HEADINGS,
                INCOME_LINE_NAME,
                *malformed.TABLE_NAMES.values(),  # a row no model takes names its table
                malformed.CONTENT,
                malformed.RECORD_CONTENT,
            ]
        )
    )


def _shown(word: str) -> str:
    return QCoreApplication.translate(CONTEXT, word)


def word_shown(value: str) -> str:
    """A stored value in the language shown when it is one of the program's own words a form
    offers (`FORM_WORDS`: 岗位推荐 → Job recommendation); anything else (what people typed,
    a newer program's word) as it is. What is stored stays the Chinese word."""
    return _shown(value) if value in _FORM_WORDS else value


def why_shown(reason: str) -> str:
    """A stored reason a person was deleted or moved (`persons.DELETE_REASONS`,
    `households.MOVE_REASONS`, or the user's own words) in the language shown: the form's word
    alone (重复录入 → Entered twice), or the word then the words typed after the first
    full-width colon, kept as typed (迁出：嫁到纳雍县 → Moved away: 嫁到纳雍县); anything else
    (what people typed, a colon after no word of the form's) as it is."""
    word, colon, typed = reason.partition("：")
    if not colon or word not in _FORM_WORDS:
        return word_shown(reason)
    return filled(QCoreApplication.translate("HeldWords", "%1：%2"), _shown(word), typed)


def table_words() -> dict[str, str]:
    """A synced table's Chinese name → its name in the language shown."""
    return {name: _shown(name) for name in TABLE_NAMES.values()}


def field_words() -> dict[str, str]:
    """A field's Chinese name (as a held change's line says it) → its name shown."""
    return {name: _shown(name) for name in fields_said()}


def table_word(name: str) -> str:
    """One synced table's Chinese name (`trust.table_name`) in the language shown."""
    return _shown(name)


def field_word(key: str, table: str) -> str:
    """The field `key` of `table` as a held change's line names it (`change_said.field_said`:
    户籍地, not 户籍地区划代码), in the language shown."""
    return _shown(field_said(key, table))


def rule_word(rule: str) -> str:
    """Why a change was held, as this program's own table (`trust.RULES`) says the rule
    `rule` in the language shown; '' when the rule is not in it, or it would be said in its
    Chinese (the hub's reason then says more: 申领金额 3000 元高于… not 申领金额高于…)."""
    word = RULES.get(rule)
    if not word:
        return ""
    shown = _shown(word)
    return "" if shown == word else shown


def reason_shown(rule: object, reason: object, said: Sentence | None = None) -> str:
    """A refusal's reason in the language shown: its whole sentence (`sentence_shown`) where
    the rule made it of a template and its parts (`said`: the write door's `Verdict.said`,
    `TrustRefused.said`); else — a held change's reason, as the hub wrote it — the rule's
    words (`rule_word`) where this program has them translated, else the reason as written."""
    if said is not None:
        shown = sentence_shown(said)  # (it may open with a word: this person's “subsidy” …)
        return shown[:1].upper() + shown[1:]
    return rule_word(str(rule or "")) or str(reason or "")


def sentence_shown(sentence: Sentence) -> str:
    """A sentence of the write door's (`fieldapp.domain.sentences`) in the language shown: its
    template's translation (context `Refusals`) with each part said in it — the program's
    words (`Word`: a table's, a field's, a claim's state, a role) through the held lines'
    translations, a day (`Day`) as the language shown writes days, a phrase of its own
    likewise, names, places and numbers as they are; a count's noun the translation writes
    `{%2|person|people}` said for its part (`counted`). Its
    Chinese (`str(sentence)`) where the template has no translation: the Chinese window, or
    a template still without English (`update_translations.py --check` fails then)."""
    shown = QCoreApplication.translate(REFUSALS, sentence.template)
    if shown == sentence.template and _WRITTEN_IN_CHINESE.search(shown):
        # (a template of no words, “%1” or %1 %2, is its own English: its parts are filled)
        return str(sentence)
    parts = [_part_shown(part) for part in sentence.parts]
    return fill(counted(shown, parts, sentence.parts), parts)


#: A counted noun in a translation: `{%2|person|people}` — its singular where part %2 is 1;
#: `{%2#|row|rows}` — its singular where part %2, a list, names one item (row 7, not 7、9).
COUNTED = re.compile(r"\{%(?P<n>\d)(?P<list>#?)\|(?P<one>[^{}|]*)\|(?P<more>[^{}|]*)\}")
#: What parts a list's items in a part of text (7、9 · 7，9 · 7；9 · 7等) — only where the
#: part does not say its kind (`sentences.names_one`): a name may hold a hyphen or a comma.
_MANY = re.compile(r"[、，;；]|等")


def counted(template: str, parts: list[str], said: Sequence[Part] = ()) -> str:
    """`template` with each counted noun (`COUNTED`: `{%2|person|people}`, which an English
    translation writes where a count's noun follows it, as Qt's %n cannot: a template has
    several parts) said for its part as shown — singular where the part is the whole number
    1, plural for any other (0, 2, 1.5, 1,000, a name, a list of rows). The template's own
    text only: a part said (a name as typed, “{%1|a|b}”) is filled afterwards and stays as
    it is. A translation may say a part inside the noun (`{%1|one row|%1 rows}`).
    `{%2#|row|rows}` counts a list's items instead (rows 7、9 or 5–8, columns C–F): singular
    where part %2 names one (7, C), plural where it names several or is empty — told by the
    part's kind (`said`, the sentence's parts: a list, a run, a list cut short name several;
    a name, a word, a day one), and only for a part of text by its separators (、，；等)."""

    def noun(match: re.Match[str]) -> str:
        number = int(match["n"])
        part = parts[number - 1].strip() if 0 < number <= len(parts) else ""
        if match["list"]:
            kind = names_one(said[number - 1]) if 0 < number <= len(said) else None
            one = bool(part) and (kind if kind is not None else not _MANY.search(part))
        else:
            one = part.isascii() and part.isdigit() and int(part) == 1
        return match["one"] if one else match["more"]

    return COUNTED.sub(noun, template)


def policy_reason_shown(reason: eligibility.Reason) -> str:
    """A condition the policy judged, in the language shown: its explanation (the sentence the
    judge made, `Reason.said`; its Chinese text where it has none) — as the reasons pane says
    it, no mark, no clause."""
    if reason.said is None:
        return reason.text
    shown = _part_shown(reason.said)  # (it may open with a word: the job began …)
    return shown[:1].upper() + shown[1:]


def policy_reason_line(reason: eligibility.Reason) -> str:
    """A condition's line in the reasons pane, in the language shown: ✓ or ✗, its explanation
    and its clause in the window's brackets (`str(Reason)` in Chinese: ✗ 缴纳社会保险1个月
    （要求≥3个月）（黔府发〔2023〕12号 附件2 第（四）条））."""
    mark = "✓" if reason.met else "✗"
    text = policy_reason_shown(reason)
    if not reason.clause:
        return f"{mark} {text}"
    clause = QCoreApplication.translate(REFUSALS, "%1（%2）")
    return f"{mark} {fill(clause, [text, reason.clause])}"


def part_shown(part: Part) -> str:
    """A sentence's part alone (a number, a sentence, a word) in the language shown."""
    return _part_shown(part)


def _inside(word: str) -> str:
    """A common noun's name as said inside a sentence: its first letter in lower case
    (Township → township, Village/site coordinator → village/site coordinator), unless its
    first word has another capital (ID number, a name written in capitals) or the language
    has no capitals (Chinese: as it is)."""
    first = re.split(r"[\s/]", word, maxsplit=1)[0]
    if not first[:1].isupper() or any(c.isupper() for c in first[1:]):
        return word
    return word[:1].lower() + word[1:]


#: A letter or mark of Chinese writing (a template that has one is said in it).
_WRITTEN_IN_CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _part_shown(part: Part) -> str:
    if isinstance(part, Sentence):
        return sentence_shown(part)
    if isinstance(part, Word):
        if part.text in _SENTENCE_WORDS:
            return QCoreApplication.translate(REFUSALS, part.text)
        shown = _shown(part.text)
        return _inside(shown) if part.common else shown
    if isinstance(part, Day):
        if part.kind == "month":
            return month_said(part.day)
        return year_said(part.day.year) if part.kind == "year" else day_said(part.day)
    return part


def _vocabulary_word(table: str, key: str, value: object) -> str | None:
    """`value` of the field `key` of `table` in the language shown, when it is one of the
    program's own words for that field (`VOCABULARIES`); None for anything else."""
    if isinstance(value, str) and value in VOCABULARIES.get((table, key), ()):
        return _shown(value)
    if (table, key) == ("persons", "change_reason") and isinstance(value, str):
        shown = why_shown(value)  # why a person was deleted or moved
        return shown if shown != value else None
    return None


def stored_word(table: str, key: str, value: str) -> str:
    """A stored value of the field `key` of `table` in the language shown when it is one of the
    program's own words for that field (`VOCABULARIES`: a relation, a service's type, a month's
    status …, through the same translations as `word_shown`); what people typed as typed."""
    return _vocabulary_word(table, key, value) or value


#: How the hub names a newer program's value (`trust._newer_value`: 就业经历的就业形式「未登记」):
#: the table, the field and the value, said again in the language shown.
NEWER_NAMED = "%1的%2「%3」"
_NEWER_NAMED = re.compile(r"(?P<table>[^的]+)的(?P<field>.+)「(?P<value>.*)」")


def newer_value_here(value: str) -> str:
    """`rejected.NEWER_VALUE_HERE` in the language shown, of `value` (as the hub named it:
    its table, field and value each in the language shown where this program has them)."""
    named = _NEWER_NAMED.fullmatch(value)
    if named:
        value = filled(
            _shown(NEWER_NAMED),
            _shown(named["table"]),
            _shown(named["field"]),
            word_shown(named["value"]),
        )
    return _shown(NEWER_VALUE_HERE).replace("%1", value)


class HeldLine(QObject):
    """Whose record a held change is and what it sets, in the language shown — 张三的人员信息
    （联系电话为“139……”）, 区域“七星关区”（县）: the village's list of its held changes (sync
    page) and the county's review of them say it alike. The program's words (the table's and
    fields' names, yes/no, a day, a claim's state, a month's status, an area's level) are
    translated; the record's name and what people typed are said as they are."""

    def said(
        self,
        table: str,
        whose: str,
        level: str,
        deleted: bool,
        fields: Iterable[tuple[str, str, str | None]],
        raw: Mapping[str, object],
        damaged: bool = False,
    ) -> str:
        """`fields`: (key, its Chinese name, the value as said in Chinese; None: emptied);
        `raw`: the values as stored (a yes/no, a day, said here in the language shown)."""
        name = _shown(table_name(table))
        level = _vocabulary_word("areas", "kind", level) or level
        if table in NAMED and whose and level:
            what = filled(self.tr("%1“%2”（%3）"), name, whose, level)
        elif table in NAMED and whose:
            what = filled(self.tr("%1“%2”"), name, whose)
        elif whose:
            what = filled(self.tr("%1的%2"), whose, name)
        else:
            what = name
        if deleted:
            what = filled(self.tr("删除%1"), what)
        if damaged:
            return filled(self.tr("%1（内容已损坏，读不出来，只能不予采纳）"), what)
        yes_no = {True: self.tr("是"), False: self.tr("否")}

        def value_said(key: str, value: str) -> str:
            stored = raw.get(key)
            if isinstance(stored, bool):
                return yes_no[stored]
            kept = kept_fact_said(table, key, value)
            if kept is not None:
                return kept
            return _vocabulary_word(table, key, stored) or _day(key, raw, value)

        values = self.tr("，").join(
            filled(self.tr("%1为空"), _shown(label))
            if value is None
            else filled(self.tr("%1为“%2”"), _shown(label), value_said(key, value))
            for key, label, value in fields
        )
        return what + (filled(self.tr("（%1）"), values) if values else "")


def kept_fact_said(table: str, key: str, value: str) -> str | None:
    """What a claim's kept facts say (`change_said.facts_opened`: its 补贴标准, its 享受次数,
    the rule's Chinese as the claim keeps it) in the language shown, read back into the
    sentence it was made of (`pack.amount_read`, `pack.limit_read`); None for any other field,
    or a text that is none of their sentences (said as kept)."""
    if table != "claims" or key not in FACTS_SAID:
        return None
    part = amount_read(value) if key == "amount_rule" else limit_read(value)
    return None if part is None else part_shown(part)


def _day(key: str, raw: Mapping[str, object], value: str) -> str:
    """A day or month (`change_said.DAY_FIELDS`) in the language shown: 2026年10月3日 in
    Chinese (`value`, as the line says it), 3 October 2026 in English; any other value as
    said."""
    text = raw.get(key)
    if key not in DAY_FIELDS or not isinstance(text, str) or value == text:
        return value  # (not a day, or none the calendar has: as it came)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return day_said(dt.date.fromisoformat(text))
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return month_said(Month.parse(text))
    except ValueError:
        pass
    return value
