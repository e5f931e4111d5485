"""After a village moves a family to a relocation site, the family is the site's: the village's
laptop keeps them (read-only, with their history) but its duties, due list and monthly report
no longer count them as the village's own."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family


def test_a_villages_reports_leave_out_the_family_it_moved_to_a_site(
    tmp_path, hub, make_device, capsys
):
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "103"])
    _, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    households.move_person(
        village, actor_of(village), mover, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    import_bundle(village, hub.export_for("红星村", tmp_path / "back.fs").path)
    assert village.get("persons", mover) is not None  # kept, with its history
    path = str(village.path)
    assert cli(["--db", path, "duties", "--json"]) == 0
    flagged = json.loads(capsys.readouterr().out)
    assert flagged and all(f["area_code"].startswith(VILLAGE) for f in flagged)
    out = tmp_path / "月报.xlsx"
    assert cli(["--db", path, "report", "monthly", "--month", "2026-11", "--out", str(out),
                "--json"]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert [a["code"] for a in report["areas"]] == [VILLAGE]
    assert report["total"]["persons"] == 2


def test_the_household_the_family_left_is_no_longer_counted_or_visited(
    tmp_path, hub, make_device, capsys
):
    """The whole family moved: their old household stays behind with no one in it. It was
    still 1 户 of the village's monthly report (an uncovered 易地搬迁户 of 一户一人) and a
    block （无成员） of its visit sheet, 共 2 户."""
    from fieldapp.paperwork.jobs import visits_job
    from tests.paperwork.pdftext import page_texts

    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "103"])
    left, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    village.update("households", left, {"is_relocated": 1})
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    households.move_person(
        village, actor_of(village), mover, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元", is_relocated=True),
    )  # fmt: skip
    out = tmp_path / "月报.xlsx"
    assert cli(["--db", str(village.path), "report", "monthly", "--month", "2026-11",
                "--out", str(out), "--json"]) == 0  # fmt: skip
    total = json.loads(capsys.readouterr().out)["total"]
    assert (total["households"], total["persons"]) == (1, 2)
    assert "易地搬迁户" not in total["one_per_household"]
    (text,) = page_texts(visits_job(village, VILLAGE, "2026-11", due=lambda pid: []).render())
    assert "共 1 户" in text and "无成员" not in text


def test_the_site_is_told_when_a_family_it_entered_itself_arrives_moved_in(
    tmp_path, hub, make_device, capsys
):
    """The site had typed the family in from its own roster; the village then moved them over.
    After the sync the site held each of them twice and nothing said so (only the county's
    hub violations listed it); sync import now names them and says what to do."""
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    add_family(site, SITE, ["105"], surname="王", kind="安置点")  # the same ID number
    for device in (village, site):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    households.move_person(
        village, actor_of(village), mover, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    answer = hub.export_for("幸福安置点", tmp_path / "to-site.fs").path
    assert cli(["--db", str(site.path), "sync", "import", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "在本台账中登记了 2 次" in out and "王0" in out, out
    assert "重复录入" in out


def test_person_show_history_names_households_and_devices_not_their_ids(
    tmp_path, hub, make_device, capsys
):
    """`fieldapp person show … --history` on the site printed 所属户：01a23c08-6a1f-… →
    01a23c08-c0bd-…, 所属人员：<id> and （设备 d76561030a3972ae） for the family moved in: the
    coordinator could not read where they came from or who did it."""
    import re

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    households.move_person(
        village, actor_of(village), mover, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    import_bundle(site, hub.export_for("幸福安置点", tmp_path / "to-site.fs").path)
    number = site.get("persons", mover)["id_number"]
    for ledger in (village, site):
        assert cli(["--db", str(ledger.path), "person", "show", number, "--history"]) == 0
        out = capsys.readouterr().out
        assert "迁户：" in out and "→ 王0户（" in out and "5栋1单元）" in out, out
        assert "（原因：易地扶贫搬迁）" in out
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", out), out
        assert not re.search(r"设备 [0-9a-f]{16}", out), out


def test_moving_a_family_out_brings_the_old_village_no_one_of_the_new_one(
    tmp_path, hub, make_device
):
    """A coordinator moves one of the village's families to a friend's village: the hub takes
    the move (moving out is allowed). The old village keeps the family as it had it, but
    nobody the new village adds to that household, nor the new village's own families, ever
    reaches the old laptop."""
    from fieldapp.domain.models import Person
    from tests.conftest import make_id
    from tests.records import Records

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    _, (neighbour,) = add_family(site, SITE, ["107"], surname="李", kind="安置点")
    for device in (village, site):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    households.move_person(
        village, actor_of(village), mover, "投亲", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    import_bundle(site, hub.export_for("幸福安置点", tmp_path / "to-site.fs").path)
    home = site.get("persons", mover)["household_id"]
    with site.transaction():
        spouse, _ = Records(site).add_person(
            Person(household_id=home, name="王妻", id_number=make_id(seq="109")), confirmed=True
        )
    hub.import_file(export_bundle(site, tmp_path / "s2.fs").path)
    import_bundle(village, hub.export_for("红星村", tmp_path / "to-village.fs").path)
    assert village.get("persons", mover) is not None
    assert village.get("persons", spouse) is None
    assert village.get("persons", neighbour) is None
    numbers = {r[0] for r in village.db.execute("SELECT id_number FROM persons")}
    assert make_id(seq="109") not in numbers and make_id(seq="107") not in numbers


def _trip(hub, device, name: str, folder, n: int) -> None:  # noqa: ANN001
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _village_and_site(make_device):  # noqa: ANN001, ANN202
    """A village with a family of two (the first with a job) and a site with a family."""
    from tests.sync.helpers import add_job

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_job(village, mover)
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    return village, site, home, mover, stays


def _move_to_site(hub, village, mover: str, by: str, sent=None) -> str:  # noqa: ANN001
    """The county moves `mover` to a new household at the site, or the village does (and, given
    `sent`, sends it to the hub in a bundle there); the new household's id."""
    from tests.records import Records

    if by == "county":
        with hub.ledger.transaction():
            new_home = Records(hub.ledger).save(Household(area_code=SITE, address="5栋1单元"))
            hub.ledger.update("persons", mover, {"household_id": new_home})
        return str(new_home)
    households.move_person(
        village, actor_of(village), mover, "投亲", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    if sent is not None:
        hub.import_file(export_bundle(village, sent).path)
    return str(village.get("persons", mover)["household_id"])


def _new_life(hub, site, mover: str, stays: str) -> None:  # noqa: ANN001
    """The site writes down the moved person's new phone and employer; the county changes the
    phone of the one who stayed."""
    from tests.sync.helpers import job_of

    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
        site.update("employment_spells", job_of(mover), {"employer": "安置点扶贫车间"})
    with hub.ledger.transaction():
        hub.ledger.update("persons", stays, {"phone": "13800000001"})


@pytest.mark.parametrize("by", ["county", "village"])
def test_the_old_village_stops_hearing_of_a_family_once_it_knows_they_moved(
    tmp_path, hub, make_device, by: str
):
    """The old village kept receiving every later change of a person who moved away, for good:
    the new phone, the bank account, the jobs of the new village. Now it gets the move, and
    once it confirmed the answer that told it, nothing more; it keeps them as they were
    (read-only: outside its area). Moved back, it gets all it missed."""
    from tests.sync.helpers import add_job, job_of

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    # The county moves one of them to the site (the village learns it by sync), or the village.
    new_home = _move_to_site(hub, village, mover, by)
    _trip(hub, village, "红星村", tmp_path, 2)
    assert village.get("persons", mover)["household_id"] == new_home  # told of the move
    _trip(hub, village, "红星村", tmp_path, 3)  # and confirmed it
    # The site writes down the family's new life.
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
    add_job(site, mover)
    with hub.ledger.transaction():  # and the village's own person changes too
        hub.ledger.update("persons", stays, {"phone": "13800000001"})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    for n in (4, 5):
        _trip(hub, village, "红星村", tmp_path, n)
        assert village.get("persons", stays)["phone"] == "13800000001"
        assert village.get("persons", mover)["phone"] != "13912345678"
        assert village.get("employment_spells", job_of(mover)) is None
    assert hub.plan_answer("红星村").changes == []
    assert hub.plan_answer("红星村").incremental
    # Moved back: the village gets all it missed.
    with hub.ledger.transaction():
        hub.ledger.update("persons", mover, {"household_id": home})
    _trip(hub, village, "红星村", tmp_path, 6)
    assert village.get("persons", mover)["phone"] == "13912345678"
    assert village.get("persons", mover)["household_id"] == home
    assert village.get("employment_spells", job_of(mover)) is not None


def test_what_the_hub_keeps_of_a_device_does_not_grow_with_every_family_that_moved_out(
    tmp_path, hub, make_device
):
    """The hub kept, per device, every row it ever sent that left its area, in one setting
    rewritten on each answer that saw a move: 10,000 moves out of a township made it 0.45 MB
    (3.7 MB with their visits and jobs), read on every answer and never smaller. Once the
    device confirmed the answer that told it, a row it stopped hearing of is forgotten as if
    never sent; moved back (here by the site's own device), it is sent whole again."""
    from fieldapp.store import replica
    from tests.records import Records

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, movers = add_family(village, VILLAGE, ["105", "107", "111"], surname="王")
    _trip(hub, village, "红星村", tmp_path, 1)
    with hub.ledger.transaction():
        for mover in movers:
            moved_to = Records(hub.ledger).save(Household(area_code=SITE, address="5栋"))
            hub.ledger.update("persons", mover, {"household_id": moved_to})
    _trip(hub, village, "红星村", tmp_path, 2)  # told of the moves
    assert set(movers) <= hub.log.away_rows("红星村").keys()
    _trip(hub, village, "红星村", tmp_path, 3)  # and confirmed them
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.log.away_rows("红星村") == {}
    assert not set(movers) & replica.sent_rows(hub.ledger.db, "红星村").keys()
    assert all(village.get("persons", m)["household_id"] != home for m in movers)
    # The site moves one back, and changes her phone: the village hears of her again, whole.
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    with site.transaction():
        site.update("persons", movers[0], {"phone": "13912345678"})
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with hub.ledger.transaction():
        hub.ledger.update("persons", movers[0], {"household_id": home})
    _trip(hub, village, "红星村", tmp_path, 5)
    assert village.get("persons", movers[0])["household_id"] == home
    assert village.get("persons", movers[0])["phone"] == "13912345678"
    assert movers[0] in replica.sent_rows(hub.ledger.db, "红星村")


def test_a_device_that_never_confirms_the_move_hears_nothing_after_it(tmp_path, hub, make_device):
    """Until a device confirmed the answer that told it of a move, each answer told it again —
    with every later change of the moved person: a device that never confirmed (one that
    lost its answers, or a hostile one that holds its confirmation back) went on hearing of
    the family's new phone for good. Now the rows it is still to be told left are sent only
    as they stood in that first answer."""
    from tests.records import Records

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _home, (mover, _stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    with hub.ledger.transaction():
        new_home = Records(hub.ledger).save(Household(area_code=SITE, address="5栋1单元"))
        hub.ledger.update("persons", mover, {"household_id": new_home})
    told = hub.export_for("红星村", tmp_path / "told.fs").path  # never imported, never confirmed
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    import_bundle(village, hub.export_for("红星村", tmp_path / "again.fs").path)
    assert village.get("persons", mover)["household_id"] == new_home  # told of the move
    assert village.get("persons", mover)["phone"] != "13912345678"  # and of nothing after
    assert told.exists()


@pytest.mark.parametrize("by", ["county", "village"])
def test_an_old_village_first_told_of_a_move_hears_nothing_the_new_one_wrote_since(
    tmp_path, hub, make_device, by: str
):
    """The old village synced only after the move and after the new village's edits: the
    answer that told it of the move carried everything up to then — the moved person's new
    phone, the new employer of the job it had entered itself. The hub knows the move when it
    builds that answer: the old village now gets the departure and nothing written after it."""
    from tests.sync.helpers import job_of

    village, site, home, mover, stays = _village_and_site(make_device)
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, village, "红星村", tmp_path, 2)  # confirmed: the hub knows what it holds
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    # The county moves them, or the village (sending it, but hearing back only later).
    new_home = _move_to_site(hub, village, mover, by, sent=tmp_path / "moved.fs")
    # The site writes down the family's new life before the village syncs again.
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    _new_life(hub, site, mover, stays)  # and the county changes one who stayed
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    _trip(hub, village, "红星村", tmp_path, 3)
    assert village.get("persons", mover)["household_id"] == new_home  # told of the move
    assert village.get("persons", mover)["phone"] != "13912345678"  # and of nothing after
    assert village.get("employment_spells", job_of(mover))["employer"] == "某电子厂"
    assert village.get("persons", stays)["phone"] == "13800000001"  # its own still heard
    _trip(hub, village, "红星村", tmp_path, 4)
    assert village.get("persons", mover)["phone"] != "13912345678"
    # Moved back: it gets all it missed.
    with hub.ledger.transaction():
        hub.ledger.update("persons", mover, {"household_id": home})
    _trip(hub, village, "红星村", tmp_path, 5)
    assert village.get("persons", mover)["phone"] == "13912345678"
    assert village.get("employment_spells", job_of(mover))["employer"] == "安置点扶贫车间"


def test_a_whole_household_moved_to_a_site_is_cut_at_its_move_too(tmp_path, hub, make_device):
    """The county moves the whole household to the site (its area, not a person's household):
    its people and their jobs did not change themselves, yet they left with it; the first
    answer telling the old village stops at the household's move for them as well."""
    from tests.sync.helpers import add_job, job_of

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (mover,) = add_family(village, VILLAGE, ["105"], surname="王")
    add_job(village, mover)
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, village, "红星村", tmp_path, 2)
    with hub.ledger.transaction():
        hub.ledger.update("households", home, {"area_code": SITE})
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
        site.update("employment_spells", job_of(mover), {"employer": "安置点扶贫车间"})
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    _trip(hub, village, "红星村", tmp_path, 3)
    assert village.get("households", home)["area_code"] == SITE  # told of the move
    assert village.get("persons", mover)["phone"] != "13912345678"
    assert village.get("employment_spells", job_of(mover))["employer"] == "某电子厂"


@pytest.mark.parametrize("by", ["county", "village"])
def test_a_new_village_a_day_behind_writes_nothing_the_old_one_hears(
    tmp_path, hub, make_device, by: str
):
    """The new village's clock runs a day and an hour behind (so it does not follow the move's
    stamp, `hlc.followed`): the phone and employer it writes after the move are stamped before
    it. The old village's answer cut the moved rows' history by the authors' stamps and sent
    them all the same; it is now cut by the order the hub took them (`store.arrivals`)."""
    import time

    from fieldapp.store.hlc import HybridClock
    from tests.sync.helpers import job_of

    village, site, _, mover, stays = _village_and_site(make_device)
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, village, "红星村", tmp_path, 2)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    behind = 25 * 3600 * 1000
    site.clock = HybridClock(site.clock.last, now_ms=lambda: int(time.time() * 1000) - behind)
    new_home = _move_to_site(hub, village, mover, by, sent=tmp_path / "moved.fs")
    moved = hub.ledger.db.execute(
        "SELECT hlc FROM changes WHERE row_id = ? AND data LIKE '%household_id%' "
        "ORDER BY hlc DESC LIMIT 1",
        [mover],
    ).fetchone()[0]
    _trip(hub, site, "幸福安置点", tmp_path, 2)  # the site takes the family in
    _new_life(hub, site, mover, stays)  # and the county changes one who stayed
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    written = hub.ledger.db.execute(
        "SELECT hlc FROM changes WHERE row_id = ? AND data LIKE '%13912345678%'", [mover]
    ).fetchone()[0]
    assert written < moved, (written, moved)  # the site's stamp is before the move's
    _trip(hub, village, "红星村", tmp_path, 3)
    assert village.get("persons", mover)["household_id"] == new_home  # told of the move
    assert village.get("persons", mover)["phone"] != "13912345678"  # and of nothing after
    assert village.get("employment_spells", job_of(mover))["employer"] == "某电子厂"
    assert village.get("persons", stays)["phone"] == "13800000001"  # its own still heard


def test_one_the_county_moved_to_a_new_home_is_not_listed_as_the_villages(
    tmp_path, hub, make_device
):
    """The county moves one of the village's people into a new household at the site: the
    village keeps the person as they stood (read-only), not their new household, which it was
    never sent. It listed them as one of its own people, 未分户 with no place, in its 台账
    list, search, count and export; the household it holds is the one they left."""
    from fieldapp.store.queries.persons import LedgerFilter, person_rowids, rows_by_rowid
    from fieldapp.store.queries.search import PersonSearch
    from fieldapp.store.queries.sheets import count_persons
    from fieldapp.tabular.ledger_export import export_ledger
    from tests.records import Records

    village = make_device("红星村", VILLAGE)
    _, (stays, mover) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    for n in (1, 2, 3):
        hub.import_file(export_bundle(village, tmp_path / f"v{n}.fs").path)
        import_bundle(village, hub.export_for("红星村", tmp_path / f"back{n}.fs").path)
        if n == 1:
            with hub.ledger.transaction():
                home = Records(hub.ledger).save(Household(area_code=SITE, address="5栋1单元"))
                hub.ledger.update("persons", mover, {"household_id": home})
    assert village.get("persons", mover)["household_id"] == home  # kept, as it stood
    assert village.get("households", home) is None
    listed = {r.id for r in rows_by_rowid(village, list(person_rowids(village, LedgerFilter())))}
    assert listed == {stays}
    assert {r.id for r in PersonSearch(village).rows("王1")} == set()
    assert count_persons(village) == 1
    number = village.get("persons", mover)["id_number"]
    export_ledger(village, tmp_path / "台账.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "台账.xlsx", read_only=True)
    cells = " ".join(str(c) for s in book for row in s.iter_rows(values_only=True) for c in row)
    assert number not in cells
