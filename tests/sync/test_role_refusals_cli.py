"""Role refusals on the device, through the command line: a step the device's role may not take
is refused before anything is written, with a non-zero exit and a Chinese message naming the
role that may; the same step on a device of that role goes through."""

from __future__ import annotations

import datetime as dt

from fieldapp.cli.main import main as cli
from fieldapp.domain.models import CategoryMembership
from fieldapp.domain.roles import Role
from fieldapp.services.policy_admin import publish
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.sync.helpers import JOB_START, VILLAGE, add_family, add_job

TOWNSHIP = VILLAGE[:9]


def test_a_village_device_cannot_take_the_townships_step_but_the_township_can(
    tmp_path, hub, make_device, capsys
):
    publish(hub.ledger, COUNTY_PACK, "county.toml")  # the figure a dated claim is judged by
    village = make_device("红星村", VILLAGE)
    import_bundle(village, hub.export_for("红星村", tmp_path / "pack.fs").path)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    job = add_job(village, person)
    with village.transaction():
        # (one of the categories the transport subsidy pays to: the hub holds a claim for
        # a person in none, `claim_category`)
        Records(village).save(
            CategoryMembership(
                person_id=person, category="农村低保对象", start_date=dt.date(2016, 1, 1)
            )
        )
        claim = village.insert(
            "claims",
            {
                "person_id": person,
                "rule_id": "transport_cross_county",
                "limit_key": f"transport|{person}|ever",
                "spell_id": job,
                "event_date": JOB_START,
                "claim_date": "2026-06-05",
                "area_code": VILLAGE,
                "state": "草稿",
                "amount": 500.0,
            },
        )
    code = cli(["--db", str(village.path), "claim", "advance", claim, "--to", "已提交",
                "--reason", "材料后补"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert cli(["--db", str(village.path), "claim", "advance", claim, "--to", "村审核"]) == 0
    capsys.readouterr()
    before = canonical_dump(village.db)
    for target in ("乡镇审核", "县审批"):
        code = cli(["--db", str(village.path), "claim", "advance", claim, "--to", target])
        err = capsys.readouterr().err
        assert code != 0
        if target == "乡镇审核":
            assert "只有乡镇或县级设备可以操作" in err and "村/安置点专员" in err
    assert canonical_dump(village.db) == before  # nothing written
    # The township's device, enrolled by the county for the township, takes that step.
    hub.import_file(export_bundle(village, tmp_path / "v.fs").path)
    town = Ledger.open(tmp_path / "town" / "ledger.db", author="镇审核员")
    hub.enroll(
        "城关镇", TOWNSHIP, tmp_path / "town.json", Role.TOWNSHIP, code=ENROL_CODE, by="县里的科员"
    )
    enrol(town, tmp_path / "town.json", code=ENROL_CODE)
    import_bundle(town, hub.export_for("城关镇", tmp_path / "t.fs").path)
    assert cli(["--db", str(town.path), "claim", "advance", claim, "--to", "乡镇审核"]) == 0
    assert cli(["--db", str(town.path), "claim", "advance", claim, "--to", "县审批"]) != 0
    assert "只有县级设备可以操作" in capsys.readouterr().err
    hub.import_file(export_bundle(town, tmp_path / "t2.fs").path)
    assert hub.ledger.get("claims", claim)["state"] == "乡镇审核" and hub.rejected() == []
    town.close()
