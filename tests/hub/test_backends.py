"""The same store code on both backends: the same bundles give the same canonical dump."""

from __future__ import annotations

from pathlib import Path

from fieldapp.cli.main import main as cli
from fieldapp.domain.models import ServiceRecord
from fieldapp.hub.folder import STORE_URL, Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.postgres import PgDatabase
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.records import Records
from tests.sync.helpers import SITE, VILLAGE, add_family


def test_the_hub_ledger_is_where_the_backend_says(hub, backend):
    on_postgres = isinstance(hub.ledger.db, PgDatabase)
    assert on_postgres == (backend == "postgresql")
    assert (hub.root / STORE_URL).exists() == on_postgres
    assert (hub.root / "hub.db").exists() == (not on_postgres)
    again = Hub.open(hub.root)
    try:
        assert again.fingerprint == hub.fingerprint
    finally:
        again.close()


def test_same_bundles_same_canonical_dump_on_sqlite_and_postgresql(tmp_path: Path, postgres_admin):
    from fieldapp.store.postgres import create_database

    # Two hubs with the same keys would be one hub: instead, the same device bundles go into
    # a SQLite hub and a PostgreSQL hub, each enrolling the devices under the same names.
    lite = Hub.init(tmp_path / "lite")
    pg = Hub.init(tmp_path / "pg", store=create_database(postgres_admin, "same_dump"))
    try:
        devices = {}
        for name, area in (("甲村", VILLAGE), ("安置点", SITE)):
            folder = tmp_path / name
            folder.mkdir()
            from fieldapp.store.ledger import Ledger
            from fieldapp.sync.enrolment import enrol

            device = Ledger.open(folder / "ledger.db", author=f"{name}员")
            lite.enroll(name, area, folder / "lite.json", code=ENROL_CODE, by="县里的科员")
            pg.enroll(name, area, folder / "pg.json", code=ENROL_CODE, by="县里的科员")
            enrol(device, folder / "lite.json", code=ENROL_CODE)
            devices[name] = device
        _, (pid,) = add_family(devices["甲村"], VILLAGE, ["101"])
        add_family(devices["安置点"], SITE, ["103", "105"], surname="李", kind="安置点")
        with devices["甲村"].transaction():
            Records(devices["甲村"]).save(
                ServiceRecord(person_id=pid, service_date="2024-03-01", service_type="岗位推荐")
            )
            devices["甲村"].update(
                "persons", pid, {"phone": "13900000001", "graduation_year": 2008}
            )
        bundles = [export_bundle(d, tmp_path / f"{n}.fs").path for n, d in devices.items()]
        for path in bundles:
            lite.import_file(path)
        # The PostgreSQL hub gets the same changes sealed to it.
        for name, device in devices.items():
            from fieldapp.sync.enrolment import enrol

            enrol(device, tmp_path / name / "pg.json", force=True, code=ENROL_CODE)
            pg.import_file(export_bundle(device, tmp_path / f"{name}-pg.fs", full=True).path)
        left, right = canonical_dump(lite.ledger.db), canonical_dump(pg.ledger.db)
        hub_ids = {lite.ledger.device_id: "hub", pg.ledger.device_id: "hub"}

        def same(rows):  # the hubs' own change-log ids differ (and so sort apart); nothing else
            texts = []
            for row in rows:
                text = repr(row)
                for device_id, name in hub_ids.items():
                    text = text.replace(device_id, name)
                texts.append(text)
            return sorted(texts)

        for table in left:
            assert same(left[table]) == same(right[table]), table
        assert left["persons"] and left["services"]
        for device in devices.values():
            device.close()
    finally:
        lite.close()
        pg.close()


def test_hub_init_store_checks_the_url(tmp_path, capsys):
    code = cli(["hub", "init", "--dir", str(tmp_path / "h"), "--store", "mysql://x@y/z"])
    assert code != 0
    assert "postgresql://" in capsys.readouterr().err
    assert not (tmp_path / "h" / STORE_URL).exists()


def test_hub_init_store_on_the_command_line(tmp_path, postgres_admin, capsys):
    from fieldapp.store.postgres import create_database

    url = create_database(postgres_admin, "cli_init")
    folder = tmp_path / "县汇总"
    assert cli(["hub", "init", "--dir", str(folder), "--store", url]) == 0
    assert "中心指纹" in capsys.readouterr().out
    assert (folder / STORE_URL).read_text(encoding="utf-8").strip() == url
    assert not (folder / "hub.db").exists()
    enrolment = tmp_path / "村.json"
    assert cli(["hub", "enroll", "--dir", str(folder), "--device", "村", "--area", VILLAGE,
                "--out", str(enrolment)]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli(["hub", "devices", "--dir", str(folder), "--json"]) == 0
    assert '"device": "村"' in capsys.readouterr().out
    # The same database cannot start a second hub.
    assert cli(["hub", "init", "--dir", str(tmp_path / "again"), "--store", url]) != 0
    assert "已经有" in capsys.readouterr().err


def test_the_clerk_imports_by_command_and_reads_the_violations(
    tmp_path: Path, hub, make_device, capsys
):
    """`hub import` ends by looking for violations, and `hub violations` lists them: on
    PostgreSQL both stopped with a traceback (the claims query's `WHERE … AND (1)`)."""
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    add_family(village, VILLAGE, ["101"])
    add_family(site, SITE, ["101"], kind="安置点")  # the same person, entered again at the site
    bundles = [str(export_bundle(d, tmp_path / f"{d.device_id}.fs").path) for d in (village, site)]
    assert cli(["hub", "import", "--dir", str(hub.root), *bundles]) == 0
    assert "合并后发现 1 个问题待核查" in capsys.readouterr().out
    assert cli(["hub", "violations", "--dir", str(hub.root)]) == 0
    out = capsys.readouterr().out
    assert "登记了 2 次" in out and "幸福安置点" in out and "红星村" in out
