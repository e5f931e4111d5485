"""A row's heads are stored in one of two forms depending on the order its changes arrived in,
and read the same (`Projector.heads_of`, `Ledger.heads`): made by a change that sets every
field, the row names that change once (`_origin`, "the head of every field not listed") and
lists only the fields that moved on (`_heads`); made by an edit that arrived before the row's
creation, or by a creation a later change had already seen, it lists every field's heads. Both
forms are kept (see `Projector.heads_of`): what every reader asks of them is the same."""

from __future__ import annotations

import json

import pytest

from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.store.test_held_key_projection import apply_in_turn

ROW = "person-1"
VILLAGE, OTHER = "0a1b2c3d4e5f6071", "1b2c3d4e5f607182"


def _changes(ledger: Ledger, edit_all: bool) -> dict[str, Change]:
    """The village makes 张三; another laptop, having seen that, changes his phone (or, with
    `edit_all`, every field)."""
    made = ledger._full("persons", {"name": "张三", "id_number": make_id(), "phone": "1"})
    create = Change(VILLAGE, 1, format_stamp(1_790_000_000_000, 0), "张三@红星村", "persons",
                    ROW, made, None)  # fmt: skip
    fields = dict(made, name="张叁", phone="2") if edit_all else {"phone": "2"}
    edit = Change(OTHER, 1, format_stamp(1_790_000_100_000, 0), "李四@白岩村", "persons", ROW,
                  fields, {f: [create.id] for f in fields})  # fmt: skip
    return {"create": create, "edit": edit}


@pytest.mark.parametrize("edit_all", [False, True], ids=["one field", "every field"])
def test_heads_read_the_same_whichever_change_arrived_first(tmp_path, edit_all):
    forms, heads, dumps = [], [], []
    for n, (order, together) in enumerate(
        [(("create", "edit"), False), (("edit", "create"), False),
         (("create", "edit"), True), (("edit", "create"), True)]
    ):  # fmt: skip
        ledger = Ledger.open(tmp_path / f"l{n}.db", author="测试")
        try:
            changes = _changes(ledger, edit_all)
            apply_in_turn(ledger, [changes[name] for name in order], together)
            row = ledger.get("persons", ROW)
            forms.append((row["_origin"], json.loads(row["_heads"] or "{}")))
            heads.append(ledger.heads("persons", ROW))
            dumps.append({k: v for k, v in canonical_dump(ledger.db).items() if k != "changes"})
            fields = ledger.projector.data_fields("persons")
            create, edit = changes["create"].id, changes["edit"].id
        finally:
            ledger.close()
    edited = set(changes["edit"].data)
    # Created first: the creation is the row's origin, the edited fields are listed.
    assert forms[0] == (create, {f: [edit] for f in sorted(edited)})
    # The edit first: no origin, every field listed (the creation's fields it had not seen).
    assert forms[1][0] is None and set(forms[1][1]) == set(fields)
    assert forms[2:] == forms[:2]  # one bundle or two: the same forms
    # The same heads, field by field, for an editor and for the canonical dump.
    wanted = {f: [edit] if f in edited else [create] for f in fields}
    assert heads == [wanted] * 4
    assert dumps[1:] == dumps[:1] * 3
    assert dumps[0]["conflicts"] == []
