"""No stored row can crash a command: malformed rows already in a ledger (written by an older
program, or by a hub before issue 13) are skipped with a Chinese note, never a traceback —
on a device and on the hub."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.hub.folder import Hub
from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger, natural_id
from tests.codes import ENROL_CODE
from tests.conftest import make_id
from tests.sync.helpers import VILLAGE, add_family

BAD_CLAIM = natural_id("claims", "bad")


def _garbage(ledger: Ledger, person_id: str, household_id: str) -> None:
    """Rows no model accepts, written straight into the log and the tables (no rules)."""
    device = "0badc0de0badc0de"
    rows = [
        ("claims", BAD_CLAIM, {
            "person_id": person_id, "rule_id": "transport_cross_county", "state": "完全不存在",
            "amount": "abc", "event_date": "2024-13-45", "claim_date": 20240301,
            "limit_key": "x", "area_code": VILLAGE, "township_code": VILLAGE[:9],
            "facts": "{not json", "evidence": "[1,2", "deleted": False,
        }),
        ("persons", natural_id("persons", "bad"), {
            "household_id": household_id, "name": "", "id_number": "123",
            "relation": "邻居", "labour_ability": "飞", "graduation_year": "abc",
            "health": None, "deleted": False,
        }),
        ("monthly_status", natural_id("monthly_status", "bad"), {
            "person_id": person_id, "month": "三月", "status": "不知道", "income": "很多",
            "deleted": False,
        }),
        ("employment_spells", natural_id("employment_spells", "bad"), {
            "person_id": person_id, "start_date": "昨天", "end_date": 5, "form": "神仙",
            "monthly_income": "abc", "deleted": False,
        }),
        ("person_categories", natural_id("person_categories", "bad"), {
            "person_id": person_id, "category": "外星人", "start_date": "2024-02-30",
            "deleted": False,
        }),
        ("households", natural_id("households", "bad"), {
            "area_code": None, "address": 7, "is_relocated": "yes", "deleted": False,
        }),
        ("unemployment_registrations", natural_id("unemployment_registrations", "bad"), {
            "person_id": person_id, "registered_date": "很久以前", "unemployment_class": "?",
            "deleted": False,
        }),
        ("services", natural_id("services", "bad"), {
            "person_id": person_id, "service_date": "明天", "service_type": "算命",
            "deleted": False,
        }),
        ("visits", natural_id("visits", "bad"), {
            "household_id": household_id, "visit_date": "?", "deleted": False,
        }),
    ]  # fmt: skip
    changes = [
        Change(device, n, f"{1700000000000 + n:013d}-0000", "旧程序", table, row_id, data)
        for n, (table, row_id, data) in enumerate(rows, start=1)
    ]
    ledger.apply_changes(changes)


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli(argv)
    return code, out.getvalue() + err.getvalue()


def _ledger_commands(db: str, tmp: Path, person_number: str) -> list[list[str]]:
    base = ["--db", db]
    return [
        base + ["search", "张"],
        base + ["person", "show", person_number],
        base + ["eligible"],
        base + ["eligible", "--json"],
        base + ["eligible", "--person", person_number],
        base + ["due"],
        base + ["duties"],
        base + ["claim", "list"],
        base + ["claim", "list", "--json"],
        base + ["claim", "show", BAD_CLAIM],
        base + ["claim", "check"],
        base + ["claim", "check", "--json"],
        base + ["batch", "list"],
        base + ["report", "monthly", "--month", "2024-03", "--out", str(tmp / "月报.xlsx")],
        base + ["rosters", "--area", VILLAGE, "--out", str(tmp / "名册.xlsx")],
        base + ["export", str(tmp / "台账.xlsx")],
        base + ["export", str(tmp / "台账.csv")],
        base + ["print", "form", "--claim", BAD_CLAIM, "--out", str(tmp / "表.pdf")],
        base + ["conflicts"],
        base + ["sync", "status", "--json"],
    ]


def test_every_command_survives_malformed_rows_on_a_device(tmp_path):
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    household, (person,) = add_family(ledger, VILLAGE, ["101"])
    _garbage(ledger, person, household)
    ledger.close()
    failures = []
    for argv in _ledger_commands(str(tmp_path / "ledger.db"), tmp_path, make_id(seq="101")):
        try:
            code, text = _run(argv)
        except Exception as error:  # noqa: BLE001 - the test names every command that crashed
            failures.append((argv[2:], repr(error)))
            continue
        assert code in (0, 1), (argv, code, text)
        assert "Traceback" not in text, (argv, text)
    assert failures == []


def test_every_hub_command_survives_malformed_rows_stored_before(tmp_path):
    hub = Hub.init(tmp_path / "hub")
    household, (person,) = add_family(hub.ledger, VILLAGE, ["101"])
    _garbage(hub.ledger, person, household)
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    root = str(tmp_path / "hub")
    failures = []
    commands = [
        ["hub", "violations", "--dir", root],
        ["hub", "violations", "--dir", root, "--json"],
        ["hub", "rejected", "--dir", root, "--json"],
        ["hub", "devices", "--dir", root],
        ["hub", "export", "--dir", root, "--device", "红星村", "--out", str(tmp_path / "x.fs")],
        *_ledger_commands(str(tmp_path / "hub" / "hub.db"), tmp_path, make_id(seq="101")),
    ]
    for argv in commands:
        try:
            code, text = _run(argv)
        except Exception as error:  # noqa: BLE001 - the test names every command that crashed
            failures.append((argv, repr(error)))
            continue
        assert code in (0, 1), (argv, code, text)
    assert failures == []


@pytest.mark.parametrize("listing", [["claim", "list"], ["claim", "check"]])
def test_skipped_rows_are_named_in_chinese(tmp_path, listing):
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    household, (person,) = add_family(ledger, VILLAGE, ["101"])
    _garbage(ledger, person, household)
    ledger.close()
    code, text = _run(["--db", str(tmp_path / "ledger.db"), *listing])
    assert code == 0
    assert "不合格" in text and BAD_CLAIM[:8] in text


def test_a_word_only_a_newer_program_has_says_upgrade_this_device(tmp_path):
    """The hub, upgraded first, passes on a job whose 就业形式 this (older) program does not
    have (as 未登记 reached devices not yet upgraded): the job is left out, and the note says
    why — this device's program is older than the hub's — and what to do, not 请县里更正."""
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    job = natural_id("employment_spells", "newer")
    data = {"person_id": person, "start_date": "2026-03-01", "form": "平台就业", "deleted": False}
    ledger.apply_changes(
        [
            Change(
                "0badc0de0badc0de", 1, "1700000000001-0000", "县级", "employment_spells", job, data
            )
        ]
    )
    ledger.close()
    code, text = _run(["--db", str(tmp_path / "ledger.db"), "person", "show", make_id(seq="101")])
    assert code == 0
    assert job[:8] in text and "请县里更正" not in text
    assert "本机的程序比中心旧" in text and "请升级本机" in text
