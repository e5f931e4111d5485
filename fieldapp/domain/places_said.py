"""An area code in words: the one way the program says where a place is.

`say_place` takes the division table (`fieldapp.reference.divisions()`), and, where a ledger is
at hand, the ledger's own areas (`fieldapp.store.queries.areas.listed_places`: the villages,
sites, groups and buildings the table does not go down to), and how short or how full to say
it (`PlaceWording`). It never shows a code's digits where any level of it is known: a
coordinator or a clerk cannot read them. This module does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Protocol

from fieldapp.domain.areacode import AreaCode, AreaRow
from fieldapp.domain.divisions import DivisionTable
from fieldapp.domain.regions import region_name
from fieldapp.domain.sentences import Part, said, template

#: The areas a ledger lists: its row for a code, None where it does not list the code.
Listed = Callable[[str], AreaRow | None]

#: The fields that hold an area's code, said by the area's name wherever a value is shown (a
#: conflict, a held change, the hub's report of one). An area's own 区划代码 (`areas.code`) is
#: not among them: it is what it is.
PLACE_FIELDS: frozenset[str] = frozenset({"area_code", "hukou_code", "parent_code"})

#: A place nothing at all is known of, in a sentence.
UNKNOWN_PLACE = template("一个台账里没有的地区")
#: A place known only as one of a kind below the deepest level the tables name (the code's
#: length says which kind): 七星关区鸭池镇的一个村, in English a village in 七星关区鸭池镇.
_BELOW: dict[int, str] = {
    9: template("%1的一个乡镇"),
    12: template("%1的一个村"),
    15: template("%1的一个组"),
}
_BELOW_ANY = template("%1的一个地区")


class PlaceWording(Enum):
    """How short or how full a place is said (each as the ledger lists it first, where given)."""

    #: Only as the ledger lists it ('梨树镇 红星村 一组'); '' where it does not.
    KNOWN = "known"
    #: Else from the county down for a Guizhou code ('七星关区鸭池镇': a county's lists are all
    #: of one province and city, and a column stays narrow), whole for any other
    #: ('广东省深圳市宝安区'); '' when nothing of it is known (the caller shows the code).
    SHORT = "short"
    #: As a sentence says it: else `SHORT` — alone where the tables name the code itself (a
    #: province, city or county anywhere: '广东省深圳市南山区'; a Guizhou township), else with
    #: what the code is below the level they name ('七星关区梨树镇的一个村', '七星关区的一个乡镇');
    #: '一个台账里没有的地区' when nothing of it is known.
    SENTENCE = "sentence"
    #: Below the county, as the ledger lists it ('碧阳街道 大坝村 三组': a narrow column, a form
    #: that prints the county apart); the county itself by its own name ('七星关区'); else as
    #: `FULL`.
    LOCAL = "local"
    #: Else the division table's whole name of the deepest level it lists: a Guizhou code down
    #: to its township ('贵州省毕节市七星关区碧阳街道'), any other to its county; the code
    #: itself only when no level of it is known.
    FULL = "full"
    #: Always from the province down, as the county's clerk checks a place by eye beside its
    #: code: the table's name of the deepest level it lists, then what the ledger names below
    #: it ('贵州省毕节市七星关区梨树镇红星村 一组'), a county elsewhere by the national table
    #: ('广东省深圳市南山区'); a level neither has heard of as what it is under the deepest level
    #: named ('…梨树镇下的村', '…七星关区下的乡镇'); the code when even its county is unknown.
    WHOLE = "whole"


class Places(Protocol):
    """`say_place` with its table and ledger given (a `functools.partial` of it): a code in
    words as the caller set it to be said, or as `wording` asks where one use needs another (a
    held change's values as a sentence, the area it is about by its name and what is above)."""

    def __call__(self, code: str, *, wording: PlaceWording = ...) -> str: ...


def say_place(
    code: str | None,
    table: DivisionTable,
    listed: Listed | None = None,
    wording: PlaceWording = PlaceWording.FULL,
) -> str:
    """`code` in words as `wording` asks (see `PlaceWording`); '' for no code. (Not named
    `said`: that is `sentences.said`, which this module calls too.)"""
    text = (code or "").strip()
    if not text:
        return ""
    if wording is PlaceWording.WHOLE:
        return _whole(text, table, listed)
    local = wording is PlaceWording.LOCAL
    own = _ledger_path(text, listed, below_county=local) if listed is not None else ""
    if own or wording is PlaceWording.KNOWN:
        return own
    if wording in (PlaceWording.FULL, PlaceWording.LOCAL):
        return _table_name(text, table)
    short = _from_county(text, table)
    if wording is PlaceWording.SHORT:
        return short
    return str(_sentence_place(text, table, short))


def place_part(code: str | None, table: DivisionTable, listed: Listed | None = None) -> Part:
    """`code` as `PlaceWording.SENTENCE` says it, as a sentence's part: a place the ledger or the
    tables name is a name, said as it is in every language (a str); one they name only above
    it, or not at all, the program's words around it (a `Sentence`: 七星关区鸭池镇的一个村, in
    the English window a village in 七星关区鸭池镇); '' for no code."""
    text = (code or "").strip()
    if not text:
        return ""
    own = _ledger_path(text, listed) if listed is not None else ""
    return own or _sentence_place(text, table, _from_county(text, table))


def _sentence_place(code: str, table: DivisionTable, short: str) -> Part:
    """`code` (not listed by the ledger) as a sentence says it, `short` its `PlaceWording.SHORT`."""
    if not short:
        return said(UNKNOWN_PLACE)
    if _deepest(code, table)[0] == code:
        return short
    kind = _BELOW.get(len(code), _BELOW[15] if len(code) > 12 else _BELOW_ANY)
    return said(kind, short)


#: The levels `PlaceWording.LOCAL` leaves out above a place (as `AreaRow.kind` holds them).
_ABOVE_TOWNSHIPS = frozenset({"县", "市州", "省"})


def _ledger_path(code: str, listed: Listed, *, below_county: bool = False) -> str:
    """'某乡镇 某村 某组' as the ledger lists the area ('' when it does not list it);
    `below_county`: up to the township (the county itself by its name)."""
    names: list[str] = []
    seen: set[str] = set()
    at: str | None = code
    while at and at not in seen:
        seen.add(at)
        found = listed(at)
        if found is None or (below_county and names and found.kind in _ABOVE_TOWNSHIPS):
            break
        names.append(found.name)
        at = found.parent_code
    return " ".join(reversed(names))


def _deepest(text: str, table: DivisionTable) -> tuple[str, str]:
    """The deepest level of `text` the tables name — Guizhou's down to its townships, the
    national one to counties — as (its code, its whole name); ('', '') when none."""
    for digits in (9, 6, 4, 2):
        level = text[:digits].ljust(6, "0")
        if len(text) >= digits and table.get(level) is not None:
            return level, table.full_name(level)
        # A county Guizhou's table no longer lists (its code retired: 520221 水城县) is named by
        # the national table before its city is.
        words = region_name(level) if digits == 6 and len(text) >= digits else None
        if words:
            return level, words
    for digits in (4, 2):
        level = text[:digits].ljust(6, "0")
        words = region_name(level) if len(text) >= digits else None
        if words:
            return level, words
    return "", ""


def _table_name(text: str, table: DivisionTable) -> str:
    """The whole name of the deepest level of `text` the tables name; the code when none."""
    return _deepest(text, table)[1] or text


def _from_county(text: str, table: DivisionTable) -> str:
    """`_table_name` from the county down for a Guizhou code; '' when nothing is known."""
    words = _table_name(text, table)
    if words == text:
        return ""
    city = table.full_name(text[:4] + "00") if text.startswith("52") else ""
    shorter = words.removeprefix(city) if city != text[:4] + "00" else words
    return shorter or words


def _whole(text: str, table: DivisionTable, listed: Listed | None) -> str:
    """`PlaceWording.WHOLE`."""
    if table.get(text) is not None:
        return table.full_name(text)
    own: list[str] = []
    seen: set[str] = set()
    at: str | None = text
    # The ledger names the levels the table does not list (villages, sites, groups).
    while listed is not None and at and at not in seen and table.get(at) is None:
        found = listed(at)
        if found is None:
            break
        seen.add(at)
        own.append(found.name)
        at = found.parent_code
    if own:
        above = (
            table.full_name(at) if at and table.get(at) is not None else _table_name(text, table)
        )
        return (above if above != text else "") + " ".join(reversed(own))
    level, words = _deepest(text, table)
    if level == text:
        return words
    if len(text) < 6 or level[:6] != text[:6]:
        return text  # not even its county is known
    if len(text) == 9:
        what = "乡镇"
    elif len(text) > 12:
        what = "组或楼栋"
    else:
        parsed = AreaCode.parse(text)
        what = "安置点" if parsed and parsed.is_site else "村"
    return f"{words}下的{what}"
