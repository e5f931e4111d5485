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
