"""Scenarios: one refusal of each templated sentence of the rules that judge a change's values,
its stamp, its author and its signature (`fieldapp.services.trust`: what the hub, and a county
device receiving a bundle, refuses of one), through the rules' own functions."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.roles import Role
from fieldapp.services import trust
from fieldapp.services.trust import Actor, Context, Origins, Proposal, Verdict

COUNTY = Actor(Role.COUNTY, "520502", "县人社局")
#: A claim's or batch's id as a paper prints its number, and a stamp and its time.
NOW_MS = 1780000000000  # 2026-05-29 04:26 UTC (12:26 in China)
AHEAD = f"{NOW_MS + 3 * 86_400_000}-0000"
MADE = f"{NOW_MS}-0003/abc:7"
PERSON = {
    "household_id": "h1", "name": "王小明", "id_number": "520502199001011231",
    "relation": "户主",
}  # fmt: skip


def _values(table: str, data, before=None, types=None, row_id: str = "r1") -> Callable[[], Verdict]:
    context = Context(exists=before is not None, before=before or {}, column_types=types or {})
    return lambda: trust.check_values(COUNTY, Proposal(table, row_id, data), context)


SCENARIOS: dict[str, Callable[[], Verdict]] = {
    "unknown_table": lambda: trust._check_names(
        COUNTY, Proposal("mystery", "r1", {"x": 1}), Context()
    ),
    "unknown_field": lambda: trust._check_names(
        COUNTY, Proposal("persons", "r1", {"zz": 1, "aa": 2}), Context(fields=frozenset({"name"}))
    ),
    "control": _values("persons", {"name": "王\x01小明"}, before=PERSON),
    "flag": _values("persons", {"deleted": "maybe"}, before=PERSON),
    "nested": _values("claims", {"facts": "[" * 5000 + "]" * 5000}, before={}),
    "emptied": _values("persons", {"name": None}, before=PERSON),
    "invalid": _values("persons", {"id_number": "520502199001011234"}, before=PERSON),
    "newer_value": _values("persons", {"relation": "邻居"}, before=PERSON),
    "not_canonical_text": _values("persons", {"id_number": "520502 19900101123１"}, before=PERSON),
    "not_text": _values("persons", {"name": 12}, before=PERSON),
    "not_storable": _values("persons", {"graduation_year": 2**70}, before=PERSON),
    "not_canonical": _values("persons", {"graduation_year": "2020"}, before=PERSON),
    "numbered_id": _values("claims", {"amount": 1.0}, row_id="UBZLJ-7"),
    "numbered_id_batch": _values("batches", {"name": "x"}, row_id="UBZLJ-8"),
    "held_key": _values("claims", {"held_key": "x"}, before={"amount": 1.0}),
    "held_key_batch": _values("batches", {"held_key": "x"}, before={"name": "x"}),
    "logged_no_time": _values("print_log", {"printed_at": "yesterday"}),
    "logged_zone": _values("print_log", {"printed_at": "2026-05-01T10:00:00+00:00"}),
    "logged_year": _values("export_log", {"exported_at": "2001-05-01T10:00:00"}),
    "types_flag": _values("print_log", {"deleted": 3}),
    "types_bool": _values("print_log", {"pages": True}, types={"pages": "TEXT"}),
    "types_kind": _values("print_log", {"pages": "x"}, types={"pages": "INTEGER"}),
    "types_number": _values("print_log", {"pages": float("nan")}, types={"pages": "REAL"}),
    "hub_id": lambda: trust.check_origin("hub-id", Origins(frozenset({"own"}), "hub-id")),
    "foreign_id": lambda: trust.check_origin(
        "x", Origins(frozenset({"own"}), "hub", {"x": ("红星村笔记本", False)})
    ),
    "foreign_id_revoked": lambda: trust.check_origin(
        "x", Origins(frozenset({"own"}), "hub", {"x": ("红星村笔记本", True)})
    ),
    "foreign_id_unknown": lambda: trust.check_origin("x", Origins(frozenset({"own"}), "hub")),
    "author": lambda: trust.check_author("张三@县人社局", "红星村笔记本"),
    "user_disabled": lambda: trust.check_author("王强@红星村笔记本", "红星村笔记本", {"王强"}),
    "numbered_first": lambda: trust.numbered_first("claims", "1000-0000/x:1", MADE),
    "numbered_first_batch": lambda: trust.numbered_first("batches", "1000-0000/x:1", MADE),
    "numbered_ahead": lambda: trust.numbered_ahead("claims", AHEAD, NOW_MS),
    "numbered_ahead_vouched": lambda: trust.numbered_ahead("batches", AHEAD, NOW_MS, vouched=True),
    "stamped_ahead": lambda: trust.stamped_ahead("persons", AHEAD, NOW_MS),
    "stamped_ahead_step": lambda: trust.stamped_ahead("claim_events", AHEAD, NOW_MS),
    "stamped_ahead_vouched": lambda: trust.stamped_ahead("persons", AHEAD, NOW_MS, vouched=True),
    "parents_unknown": lambda: trust.check_parents(["a-1", "b-2"]),
    "parents_many": lambda: trust.check_parents(["a-1", "b-2", "c-3", "d-4"]),
}

#: The day the scenarios are judged on (a logged time is judged by today's date):
#: `pytest.mark.today(TODAY)`.
TODAY = "2026-05-29"
