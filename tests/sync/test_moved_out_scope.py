"""After a village moves a family to a relocation site, the family is the site's: the village's
laptop keeps them (read-only, with their history) but its duties, due list and monthly report
no longer count them as the village's own."""

from __future__ import annotations

import json

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
