"""A person whose stored row the model refuses (an empty 劳动能力 written past the services, or
by an older program) is in the ledger: looking them up by ID number says so — which field
holds which value and what to do — never "台账中没有身份证号为…的人员", which would send the
clerk to enter them a second time."""

from __future__ import annotations

import datetime as dt
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.enums import LabourAbility
from fieldapp.domain.errors import MalformedRow
from fieldapp.domain.models import Person
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services import persons
from fieldapp.services.claims import EligibilityService
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from tests.conftest import make_id
from tests.sync.helpers import VILLAGE, add_family

NUMBER = make_id(seq="321")


def _spoilt(ledger: Ledger) -> str:
    """A person added through the services, then an older program's change writes an empty
    劳动能力 onto their row (no rules); returns their id."""
    _, (person_id,) = add_family(ledger, VILLAGE, ["321"], surname="王")
    _write_past(ledger, person_id, "")
    row = ledger.db.execute(
        "SELECT labour_ability, deleted FROM persons WHERE id = ?", [person_id]
    ).fetchone()
    assert tuple(row) == ("", 0)  # the real stored row: there, live, one field unreadable
    return person_id


def _write_past(ledger: Ledger, person_id: str, value: str) -> None:
    """What an older program or a hand edit of the file does: the value straight into the row."""
    with ledger.db.conn:
        ledger.db.conn.execute(
            "UPDATE persons SET labour_ability = ? WHERE id = ?", [value, person_id]
        )


def _said_right(text: str) -> None:
    assert "台账中没有" not in text
    assert "台账中有这个人：王0" in text and NUMBER in text
    assert "“劳动能力”存的是（空）" in text
    assert "双击这个人打开，改正这一项后保存" in text and "不要重新录入" in text


def test_the_lookup_says_the_person_is_there_and_what_is_wrong(ledger):
    person_id = _spoilt(ledger)
    with pytest.raises(MalformedRow) as caught:
        records.person_by_id_number(ledger, NUMBER)
    assert caught.value.row_id == person_id and caught.value.fields == ["labour_ability"]
    _said_right(str(caught.value))
    assert records.person_by_id_number(ledger, make_id(seq="999")) is None  # truly absent


def test_a_bad_value_is_named_with_its_value(ledger):
    person_id = _spoilt(ledger)
    _write_past(ledger, person_id, "半")
    with pytest.raises(MalformedRow, match="“劳动能力”存的是“半”"):
        records.person_by_id_number(ledger, NUMBER)


def test_eligibility_of_the_person_says_the_same(ledger):
    _spoilt(ledger)
    policy = PolicyRegistry(local=Path(ledger.path).parent / "policy").load()
    service = EligibilityService(ledger, policy)
    with pytest.raises(MalformedRow) as caught:
        service.for_person(NUMBER, dt.date(2026, 3, 1))
    _said_right(str(caught.value))


def test_person_show_and_eligible_person_on_the_command_line(ledger, tmp_path):
    _spoilt(ledger)
    db = str(ledger.path)
    for argv in (["person", "show", NUMBER], ["eligible", "--person", NUMBER]):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = cli(["--db", db, *argv])
        assert code != 0, argv
        assert "Traceback" not in err.getvalue()
        _said_right(err.getvalue())


def test_saving_the_person_corrected_is_not_refused_as_a_duplicate(ledger):
    person_id = _spoilt(ledger)
    row = dict(ledger.get("persons", person_id) or {})
    row["labour_ability"] = "普通劳动力"
    corrected = records.to_model(persons.Person, row)
    assert persons.check_entry(ledger, corrected, confirmed=True) is not None
    another = corrected.model_copy(update={"id": "", "name": "李四"})
    with pytest.raises(MalformedRow, match="台账中有这个人：王0"):
        persons.check_entry(ledger, another, confirmed=True)


def test_the_corrected_save_writes_the_field_the_editor_showed(ledger):
    """The editor shows the unreadable field at its default; saved unchanged from what it
    showed, that value is still written (the stored row is corrected, not left unreadable)."""
    person_id = _spoilt(ledger)
    shown, refused = records.person_for_repair(ledger, person_id)
    assert refused == {"labour_ability": "（空）"} and shown.labour_ability == "普通劳动力"
    persons.save(ledger, actor_of(ledger), shown, confirmed=True, loaded=shown)
    assert records.person_by_id_number(ledger, NUMBER) is not None
    assert (
        ledger.db.execute(
            "SELECT labour_ability FROM persons WHERE id = ?", [person_id]
        ).fetchone()[0]
        == "普通劳动力"
    )


def test_the_corrected_save_writes_only_what_the_editor_changed_and_the_unreadable(ledger):
    """The editor showed the row; meanwhile another program saved the person's 备注 and 电话.
    The correction writes the 劳动能力 chosen and the 户籍地代码 changed in the editor, and
    leaves the 备注 and 电话 as the other program saved them (not the editor's stale ones)."""
    person_id = _spoilt(ledger)
    shown, _ = records.person_for_repair(ledger, person_id)
    with ledger.db.conn:
        ledger.db.conn.execute(
            "UPDATE persons SET notes = '已外出', phone = '13800000000' WHERE id = ?", [person_id]
        )
    edited = shown.model_copy(update={"labour_ability": LabourAbility.WEAK, "hukou_code": "520526"})
    persons.save(ledger, actor_of(ledger), edited, confirmed=True, loaded=shown)
    row = ledger.db.execute(
        "SELECT labour_ability, hukou_code, notes, phone FROM persons WHERE id = ?", [person_id]
    ).fetchone()
    assert tuple(row) == ("弱劳动力或半劳动力", "520526", "已外出", "13800000000")
    assert records.get(ledger, Person, person_id).labour_ability == "弱劳动力或半劳动力"
