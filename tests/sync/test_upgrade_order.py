"""A county upgrades its devices one by one: a village laptop already on the new program sends
a job whose 就业形式 is 未登记 (new in it) to a hub still on the old one, which does not know
the value. The old hub is this hub with the job's model as the old program had it (its
就业形式 without 未登记): the trust rules judge values by `trust.MODELS`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from unittest import mock

from fieldapp.domain.enums import EmploymentForm
from fieldapp.domain.models import EmploymentSpell
from fieldapp.services import trust
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.records import Records
from tests.sync.helpers import JOB_START, VILLAGE, add_family

OldForm = StrEnum(
    "OldForm", {f.name: f.value for f in EmploymentForm if f is not EmploymentForm.UNKNOWN}
)


class OldSpell(EmploymentSpell):
    """A job as the program before 未登记 had it."""

    form: OldForm = OldForm.EMPLOYEE  # type: ignore


def test_a_value_a_newer_device_knows_is_held_at_an_older_hub_until_it_is_upgraded(
    hub, make_device, tmp_path
):
    village = make_device("红星村", VILLAGE)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    job = EmploymentSpell(
        id=natural_id("employment_spells", "imported", mine),
        person_id=mine,
        start_date=dt.date.fromisoformat(JOB_START),
        place_code="440305",
        place_name="深圳市南山区",
        employer="某电子厂",
        form=EmploymentForm.UNKNOWN,
    )
    with village.transaction():
        Records(village).save(job)
    with mock.patch.dict(trust.MODELS, {"employment_spells": OldSpell}):  # the hub not upgraded
        hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
        (held,) = hub.rejected()
        assert held.change.row_id == job.id
        assert hub.ledger.get("employment_spells", job.id) is None
        # Said as what it is: not a wrong value, a value from a newer program; kept, not lost.
        assert "「未登记」" in held.reason and "不合格" not in held.reason
        assert "程序比中心新" in held.reason and "请先升级中心" in held.reason
        import_bundle(village, hub.export_for("红星村", tmp_path / "down.fs").path)
        (report,) = RejectedReports(village.db).list()
        assert "请先升级中心" in report["reason"]
    # The hub upgraded: the county accepts the held job and it lands, as the village wrote it.
    hub.accept(held.id, "县人社局")
    landed = hub.ledger.get("employment_spells", job.id)
    assert landed is not None and landed["form"] == "未登记"


def newer_job_held(hub, village, tmp_path, area: str = VILLAGE) -> str:
    """A job of 就业形式 未登记 (a newer program's) from `village` (of `area`), held by `hub` on
    the older program and reported back in its answer; the job's id."""
    _, (mine,) = add_family(village, area, ["101"])
    job = EmploymentSpell(
        id=natural_id("employment_spells", "imported", mine),
        person_id=mine,
        start_date=dt.date.fromisoformat(JOB_START),
        place_code="440305",
        employer="某电子厂",
        form=EmploymentForm.UNKNOWN,
    )
    with village.transaction():
        Records(village).save(job)
    with mock.patch.dict(trust.MODELS, {"employment_spells": OldSpell}):
        hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
        import_bundle(village, hub.export_for(village.device_name, tmp_path / "down.fs").path)
    return job.id


def test_the_village_reads_what_a_value_from_a_newer_program_means_for_it(
    hub, make_device, tmp_path, capsys
):
    """The hub's reason for such a value speaks to the county's clerk (请先升级中心的程序，再接受
    这一条), and the village's list showed it word for word: a coordinator read an instruction
    to upgrade the county's hub. The village now reads what it means for it — kept at the
    county, the county decides once its hub is upgraded, nothing to redo here, programs
    upgraded when the county says — and the clerk still reads the clerk's."""
    from fieldapp.cli.main import main
    from fieldapp.sync.rejected import describe, rejected_changes

    village = make_device("红星村", VILLAGE)
    newer_job_held(hub, village, tmp_path)
    (held,) = hub.rejected()
    assert "请先升级中心的程序，再接受这一条" in held.reason  # the clerk's words, kept
    assert main(["hub", "rejected", "--dir", str(hub.root)]) == 0
    assert "请先升级中心的程序，再接受这一条" in capsys.readouterr().out

    (item,) = rejected_changes(village)
    assert item["reason"] == held.reason  # as the hub sent it (`sync status --json`)
    line = describe(item)
    reason = line.split("原因：", 1)[1]
    assert reason.startswith(
        "就业经历的就业形式「未登记」是县里中心的程序还没有的选项：多半是本机的程序比县里中心的新。"
    ), line
    assert "由县里决定" in reason and "本机不用重填，也不用撤销" in reason, line
    assert "听县里的安排" in reason, line
    for clerks in ("请先升级中心的程序", "再接受这一条", "请不予采纳", "这台设备"):
        assert clerks not in reason, line
    assert main(["--db", village.path, "sync", "status"]) == 0
    assert reason.split("；县里")[0] in capsys.readouterr().out
