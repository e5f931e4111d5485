"""What a printed paper calls its claim and its batch: a number a person reads out and finds.

The 申请表 footer said 申请编号 3f1c…-…（a UUID）and the 花名册 and posted 公示表 批次 followed
by another: a clerk on the phone cannot read 36 characters of hex, and a villager looking at the
notice board cannot tell one batch from another by them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fieldapp.domain.claims import Batch, Claim
from fieldapp.paperwork.jobs import (
    certificate_job,
    duties_job,
    form_job,
    forms_job,
    notice_job,
    roster_job,
    rosters_job,
    visits_job,
)
from fieldapp.store.queries.claims import ClaimQueries
from tests.helpers.ids_on_paper import HEX_RE, UUID_RE, _coinciding_devices
from tests.paperwork.builders import VILLAGE, add_claims, duty_of
from tests.paperwork.pdftext import page_texts, reader

CODE_RE = re.compile(r"校验码\s*[0-9a-f]{12}")


def _every_paper(ledger):
    batch_id, claims = add_claims(ledger, 3)
    row = ledger.get("persons", ledger.get("claims", claims[0])["person_id"])
    flag = duty_of(ledger, claims[0])
    on = dt.date(2026, 10, 31)
    jobs = {
        "申请表": form_job(ledger, claims[0]),
        "批次申请表": forms_job(ledger, batch_id),
        "花名册": roster_job(ledger, batch_id),
        "公示表": notice_job(ledger, batch_id, dt.date(2026, 11, 23)),
        "走访记录": visits_job(ledger, VILLAGE, "2026-10"),
        "务工证明": certificate_job(ledger, row["id_number"]),
        "零工证明": certificate_job(ledger, row["id_number"], casual=True),
        "一库五册": rosters_job(ledger, VILLAGE, on),
        "户级责任清单": duties_job(ledger, [flag], VILLAGE, "大坪村", on, lambda _c: "大坪村"),
    }
    return batch_id, claims, {name: job.render() for name, job in jobs.items()}


def _ids_on(pdf: bytes) -> list[str]:
    meta = reader(pdf).metadata or {}
    text = "\n".join([*page_texts(pdf), *(str(v) for v in meta.values())])
    text = CODE_RE.sub("", text)
    return UUID_RE.findall(text) + HEX_RE.findall(text)


def test_no_paper_prints_an_id(ledger):
    batch_id, claims, papers = _every_paper(ledger)
    for name, pdf in papers.items():
        assert not _ids_on(pdf), (name, _ids_on(pdf))
        flat = "".join("".join(page_texts(pdf)).split())
        assert batch_id not in flat and not any(c in flat for c in claims), name


def test_the_footers_name_the_claim_and_batch_by_the_numbers_the_app_finds(ledger):
    """The 申请表 says 申请编号 and 批次编号, the 花名册 and 公示表 the batch's name and number:
    the numbers the claims page shows, and each finds exactly its one claim or batch."""
    batch_id, claims, papers = _every_paper(ledger)
    queries = ClaimQueries(ledger)
    claim = queries.get(claims[0])
    batch = queries.batch(batch_id)
    assert claim.number and batch.number and claim.number != batch.number
    form = "".join(page_texts(papers["申请表"])[0].split())
    assert re.search(rf"申请编号{claim.number}(?!\d)", form)
    assert re.search(rf"批次编号{batch.number}(?!\d)", form)
    for name in ("花名册", "公示表"):
        foot = "".join(page_texts(papers[name])[0].split())
        assert re.search(rf"批次编号{batch.number}(?!\d)", foot), name
        assert batch.title in foot, name
    numbers = {queries.get(c).number for c in claims}
    assert len(numbers) == len(claims)
    assert queries.by_number(claim.number) == [claim.id]
    assert queries.by_number(batch.number) == [batch.id]
    assert queries.by_number(f" {claim.number.lower()} ") == [claim.id]


def test_a_number_is_the_same_on_every_ledger_and_differs_between_devices(tmp_path):
    """Made from the change that created the row — the device that made it and that device's
    own count of changes — so a claim synced to the hub and back prints the same number, and
    two laptops' claims made at the same count print different ones."""
    from fieldapp.store.ledger import Ledger

    one = Ledger.open(tmp_path / "one.db", author="甲")
    two = Ledger.open(tmp_path / "two.db", author="乙")
    try:
        made = {}
        for ledger in (one, two):
            with ledger.transaction():
                made[ledger.device_id] = ledger.insert(
                    "batches", Batch(rule_id="r", title="批").fields()
                )
        first = ClaimQueries(one).batch(made[one.device_id])
        second = ClaimQueries(two).batch(made[two.device_id])
        assert first.number != second.number
        # Both made at the same count: only the device part tells them apart.
        assert first.number.split("-")[1] == second.number.split("-")[1]
        # The second ledger receives the first's batch: the same number there.
        two.apply_changes(one.changes_since(one.device_id, 0))
        assert ClaimQueries(two).batch(made[one.device_id]).number == first.number
        assert ClaimQueries(two).by_number(first.number) == [made[one.device_id]]
    finally:
        one.close()
        two.close()
    assert Claim.model_fields["creating_key"].exclude


def test_a_paper_is_printed_again_by_the_number_on_its_footer(tmp_path, monkeypatch):
    """`print form --claim` and `print roster --batch` take the 申请编号 and 批次编号 a paper
    printed, as the county reads them off a paper sent back."""
    from fieldapp.cli.main import main
    from fieldapp.store.ledger import Ledger

    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, author="张会计")
    batch_id, claims = add_claims(ledger, 2)
    queries = ClaimQueries(ledger)
    claim, batch = queries.get(claims[1]), queries.batch(batch_id)
    ledger.close()
    monkeypatch.setenv("FIELDAPP_USER", "张会计")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "会计的口令123")
    for args, said in (
        (["form", "--claim", claim.number.lower()], f"申请编号{claim.number}"),
        (["roster", "--batch", batch.number], f"批次编号{batch.number}"),
    ):
        out = tmp_path / "paper.pdf"
        assert main(["--db", str(path), "print", *args, "--out", str(out)]) == 0
        flat = "".join("".join(page_texts(out.read_bytes())).split())
        assert re.search(rf"{said}(?!\d)", flat), args
        if args[0] == "form":
            assert claim.person_name in flat


def test_a_number_two_devices_happen_to_share_is_said_not_guessed(tmp_path):
    """Were two laptops' letters ever the same, a number would name a row of each: the lookup
    lists both and `batch`/`get` say so (check the name on the paper), never picking one."""
    from fieldapp.domain.errors import NotFound
    from fieldapp.store.ledger import Ledger

    first, second = _coinciding_devices()
    made = []
    for name, device in (("one", first), ("two", second)):
        ledger = Ledger.open(tmp_path / f"{name}.db", author="甲")
        ledger.device_id = device
        with ledger.transaction():
            made.append(ledger.insert("batches", Batch(rule_id="r", title=name).fields()))
        changes = ledger.changes_since(device, 0)
        ledger.close()
        made.append(changes)
    hub = Ledger.open(tmp_path / "hub.db", author="县")
    try:
        hub.apply_changes([*made[1], *made[3]])
        queries = ClaimQueries(hub)
        one, two = queries.batch(made[0]), queries.batch(made[2])
        assert one.number == two.number
        assert sorted(queries.by_number(one.number)) == sorted([made[0], made[2]])
        with pytest.raises(NotFound, match="有 2 条批次的编号都是"):
            queries.batch(one.number)
    finally:
        hub.close()


def test_a_paper_of_a_row_without_a_number_prints_no_empty_label():
    """A claim or batch the ledger holds no creating change of (a view built by hand) has no
    number: its footer leaves the label out rather than print 申请编号 over nothing."""
    from fieldapp.paperwork.form import render_forms
    from fieldapp.paperwork.paper_data import batch_name
    from fieldapp.paperwork.roster import render_roster
    from fieldapp.paperwork.views import FormView, PersonView, RosterRow, RosterView

    form = FormView("c1", "一次性交通补助", PersonView("张龑", "520102198503161234"), 500)
    assert "申请编号" not in page_texts(render_forms([form]))[0]
    numbered = FormView(
        "c1", "一次性交通补助", PersonView("张龑", "520102198503161234"), 500, number="KMTAX-7"
    )
    text = page_texts(render_forms([numbered]))[0]
    assert "申请编号 KMTAX-7" in text and "批次编号" not in text
    row = RosterRow("张龑", "男", "520102198503161234", "脱贫人口", "务工", 500.0, "6230")
    roster = RosterView("b1", "一次性交通补助", (row,))
    assert "批次" not in page_texts(render_roster(roster))[0].split("第 1 页")[-1]
    assert batch_name(Batch(rule_id="r")) == ""
    assert batch_name(Batch(rule_id="r", title="十一月")) == "十一月"
