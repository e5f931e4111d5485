"""A village laptop upgraded from the first wave with work not yet sent to the county.

The first wave recorded each change's author as a plain name (`--author`, or the system's user:
``root``); the hub now holds any change not signed ``姓名@设备名称``. The changes the laptop made
before the upgrade and had not yet sent must still land at the hub, while the ones the county
already holds stay exactly as it holds them.
"""

from __future__ import annotations

import time
from pathlib import Path

from fieldapp.store import trails
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family


def _as_first_wave_wrote(ledger: Ledger, after_seq: int = 0) -> None:
    """Author the ledger's own changes past `after_seq` as the first wave did: a plain name; the
    file was upgraded (its migrations past the first wave's five applied) after them."""
    time.sleep(0.01)
    with ledger.transaction():
        ledger.db.execute(
            "UPDATE _migrations SET applied_at = strftime('%Y-%m-%d %H:%M:%f', 'now') "
            "WHERE version > 5"
        )
        ledger.db.execute(
            "UPDATE changes SET author = 'root' WHERE device_id = ? AND seq > ?",
            [ledger.device_id, after_seq],
        )
        for table in ("areas", "households", "persons"):
            ledger.db.execute(f"UPDATE [{table}] SET created_by = 'root', updated_by = 'root'")


def test_work_made_before_the_upgrade_and_not_yet_sent_lands_at_the_hub(
    tmp_path: Path, hub, make_device
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "103"])
    first = export_bundle(village, tmp_path / "1.fieldsync")
    hub.import_file(first.path)
    import_bundle(village, hub.export_for("红星村", tmp_path / "back1.fieldsync").path)
    synced = village.db.execute(
        "SELECT max(seq) FROM changes WHERE device_id = ?", [village.device_id]
    ).fetchone()[0]
    # what the old hub holds from the first wave: the plain name, as it was sent
    with hub.ledger.transaction():
        trails.drop_guards(hub.ledger.db, {"changes"})  # a first-wave hub had no guard
        hub.ledger.db.execute(
            "UPDATE changes SET author = 'root' WHERE device_id = ?", [village.device_id]
        )
    add_family(village, VILLAGE, ["105"], surname="李")  # a month's work, then the upgrade
    _as_first_wave_wrote(village)

    result = hub.import_file(export_bundle(village, tmp_path / "2.fieldsync").path)

    assert result.held == 0, [h.reason for h in hub.rejected()][:2]
    assert result.new_changes > 0
    names = {r[0] for r in hub.ledger.db.execute("SELECT name FROM persons")}
    assert "李0" in names
    authors = dict(
        hub.ledger.db.execute(
            "SELECT seq > ?, group_concat(DISTINCT author) FROM changes WHERE device_id = ? "
            "GROUP BY seq > ?",
            [synced, village.device_id, synced],
        ).fetchall()
    )
    assert authors == {0: "root", 1: "root@红星村"}
    # the changes the county held before are as the county holds them: a full resend is taken
    import_bundle(village, hub.export_for("红星村", tmp_path / "back2.fieldsync").path)
    again = hub.import_file(export_bundle(village, tmp_path / "3.fieldsync", full=True).path)
    assert again.held == 0 and again.new_changes == 0


def test_work_made_after_the_upgrade_is_signed_as_the_enrolled_device(
    tmp_path: Path, hub, make_device
) -> None:
    """The first wave kept the device's enrolled name only in its sync identity (the wizard
    stored the computer's host name as the device's name, the command line none): after the
    upgrade every change was signed 李芳@DESKTOP-7F3K (or 李芳), and the hub held them all."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "1.fieldsync").path)
    import_bundle(village, hub.export_for("红星村", tmp_path / "back1.fieldsync").path)
    path = village.path
    village.close()

    for first_wave_name in ("DESKTOP-7F3K", None):
        first_wave = Ledger.open(path)  # the file as the first wave left it
        with first_wave.transaction():
            first_wave.set_meta("device_name", first_wave_name)
        first_wave.close()
        _upgraded_work_lands(tmp_path, hub, path, first_wave_name)


def _upgraded_work_lands(tmp_path: Path, hub, path: str, label: str | None) -> None:
    upgraded = Ledger.open(path, author="李芳")
    try:
        before = upgraded.db.execute("SELECT max(seq) FROM changes").fetchone()[0]
        add_family(upgraded, VILLAGE, ["105" if label else "107"], surname="李")
        written = {
            r[0] for r in upgraded.db.execute("SELECT author FROM changes WHERE seq > ?", [before])
        }
        assert written == {"李芳@红星村"}
        result = hub.import_file(export_bundle(upgraded, tmp_path / f"{label}.fieldsync").path)
        assert result.held == 0, [h.reason for h in hub.rejected()][:2]
        import_bundle(upgraded, hub.export_for("红星村", tmp_path / f"{label}-back.fieldsync").path)
    finally:
        upgraded.close()


def test_work_the_first_wave_recorded_as_the_system_account_is_signed_as_its_person(
    tmp_path: Path, hub, make_device, monkeypatch
) -> None:
    """The first wave recorded the system's account (``root``) whenever no one was named: its
    wizard's 使用人 left blank, or the command line run before it was set. ``root@红星村`` names no
    person; such a change is the laptop's 使用人's (the first wave's, else the user who set the
    ledger's password at the upgrade), while a name the first wave did record stays that name."""
    from fieldapp.cli.main import main

    # a: the first wave's 使用人 李芳, the password set at the upgrade by a new coordinator 张伟;
    # b: no 使用人 ever set, the password set by 李芳
    cases = (("a", "李芳", "张伟", 0), ("b", None, "李芳", 10))
    for case, user_of_the_first_wave, first_user, n in cases:
        village = make_device(f"红星村{case}", VILLAGE)
        add_family(village, VILLAGE, [str(101 + n)], surname="张")
        hub.import_file(export_bundle(village, tmp_path / f"{case}1.fieldsync").path)
        import_bundle(
            village, hub.export_for(f"红星村{case}", tmp_path / f"{case}b.fieldsync").path
        )
        own = "SELECT max(seq) FROM changes WHERE device_id = ?"
        synced = village.db.execute(own, [village.device_id]).fetchone()[0]
        add_family(village, VILLAGE, [str(105 + n)], surname="李")  # under root
        named = village.db.execute(own, [village.device_id]).fetchone()[0]
        add_family(village, VILLAGE, [str(107 + n)], surname="王")  # under --author 王五
        _as_first_wave_wrote(village, synced)
        with village.transaction():
            village.db.execute(
                "UPDATE changes SET author = '王五' WHERE device_id = ? AND seq > ?",
                [village.device_id, named],
            )
            village.set_meta("author", user_of_the_first_wave)
        path = village.path
        village.close()
        # the upgrade: the first opening with a user and password encrypts it (its first user)
        monkeypatch.setenv("FIELDAPP_USER", first_user)
        monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
        out = tmp_path / f"{case}2.fieldsync"
        assert main(["--db", str(path), "sync", "export", "--out", str(out)]) == 0

        result = hub.import_file(out)

        assert result.held == 0, [h.reason for h in hub.rejected()][:2]
        device_id = hub.ledger.db.execute(
            "SELECT device_id FROM changes WHERE author LIKE ? LIMIT 1", [f"%@红星村{case}"]
        ).fetchone()[0]
        authors = {
            r[0]
            for r in hub.ledger.db.execute(
                "SELECT DISTINCT author FROM changes WHERE device_id = ? AND seq > ?",
                [device_id, synced],
            )
        }
        assert authors == {f"李芳@红星村{case}", f"王五@红星村{case}"}, case
        made = dict(
            hub.ledger.db.execute(
                "SELECT name, created_by FROM persons WHERE name IN ('李0', '王0') "
                "AND created_device = ?",
                [device_id],
            ).fetchall()
        )
        assert made == {"李0": f"李芳@红星村{case}", "王0": f"王五@红星村{case}"}


def test_a_ledger_user_named_like_a_system_account_keeps_their_name(
    tmp_path: Path, hub, make_device, monkeypatch
) -> None:
    """A user of the ledger called Administrator (as a county's laptops are set up) did the
    work under that name before the ledger was enrolled; at enrolment it is that user's, not
    the first user's: only a name that is no user of the ledger is read as the system's."""
    from fieldapp.cli.main import main
    from fieldapp.domain.credentials import Credentials
    from tests.codes import ENROL_CODE

    path = tmp_path / "ledger.db"
    Ledger.open(path, credentials=Credentials("李芳", "村里的口令1"), create=True).close()
    time.sleep(1.1)  # users are listed by when they were added (to the second), 李芳 first
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "另一个口令2")
    assert main(["--db", str(path), "user", "add", "Administrator"]) == 0
    ledger = Ledger.open(path, credentials=Credentials("Administrator", "另一个口令2"))
    add_family(ledger, VILLAGE, ["121"], surname="钱")
    hub.enroll("红星村", VILLAGE, tmp_path / "enrol.json", code=ENROL_CODE, by="县里的科员")
    from fieldapp.sync.enrolment import enrol

    enrol(ledger, tmp_path / "enrol.json", code=ENROL_CODE)
    authors = {r[0] for r in ledger.db.execute("SELECT DISTINCT author FROM changes")}
    ledger.close()
    assert authors == {"Administrator@红星村"}


def test_a_late_first_wave_bundle_held_whole_is_accepted_in_one_command(
    tmp_path: Path, hub, make_device, capsys
) -> None:
    """docs/security.md: a bundle the first wave exported before the upgrade and carried to the
    county after it is held whole (a month's work: hundreds of changes), to be accepted with
    `hub rejected --accept …` — which took one number, so one command per change. It now takes
    several numbers and ranges (--accept 1-3 4), and stops at one that cannot be taken, saying
    how many were."""
    from fieldapp.cli.main import main

    village = make_device("大坝村", VILLAGE)
    add_family(village, VILLAGE, ["201", "203"], surname="赵")
    with village.transaction():  # as the first wave signed them, its upgrade not yet run
        village.db.execute(
            "UPDATE changes SET author = 'root' WHERE device_id = ?", [village.device_id]
        )
    held = hub.import_file(export_bundle(village, tmp_path / "old.fieldsync").path).held
    assert held == 4
    ids = sorted(h.id for h in hub.rejected())

    code = main(["hub", "rejected", "--dir", str(hub.root), "--accept", f"{ids[0]}-{ids[2]}",
                 str(ids[3]), "--reason", "第一版的数据包，核实无误"])  # fmt: skip
    out, err = capsys.readouterr()

    assert code == 0, err
    assert "已接受 4 条" in out, out
    assert {h.status for h in hub.rejected()} == {"accepted"}
    assert {r[0] for r in hub.ledger.db.execute("SELECT name FROM persons")} >= {"赵0", "赵1"}
    code = main(["hub", "rejected", "--dir", str(hub.root), "--dismiss", f"{ids[3]}-{ids[3] + 1}",
                 "--reason", "重复"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code != 0 and f"第 {ids[3]} 条已处理" in err and "一条也没有处理" in err, err
    code = main(["hub", "rejected", "--dir", str(hub.root), "--accept", str(ids[0])])
    err = capsys.readouterr().err
    assert code != 0 and f"第 {ids[0]} 条已处理" in err and "其余" not in err, err


def test_work_signed_with_the_computers_name_before_enrolment_keeps_the_persons_name(
    tmp_path: Path, hub
) -> None:
    """A laptop the first wave's wizard named after the computer (设备名称 DESKTOP-7F3K), never
    enrolled, signs its work 李芳@DESKTOP-7F3K; at its enrolment as 红星村 every such change became
    李芳＠DESKTOP-7F3K@红星村 — a person called 李芳＠DESKTOP-7F3K — in its log, its rows and at the
    county. It is now 李芳@红星村: the enrolled device replaces the label, the person stays."""
    from fieldapp.sync.enrolment import enrol
    from tests.codes import ENROL_CODE

    first = Ledger.open(tmp_path / "ledger.db", author="李芳")
    with first.transaction():
        first.set_meta("device_name", "DESKTOP-7F3K")
    first.close()
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    add_family(ledger, VILLAGE, ["131"], surname="孙")
    assert {r[0] for r in ledger.db.execute("SELECT author FROM changes")} == {"李芳@DESKTOP-7F3K"}
    hub.enroll("红星村", VILLAGE, tmp_path / "enrol.json", code=ENROL_CODE, by="县里的科员")
    enrol(ledger, tmp_path / "enrol.json", code=ENROL_CODE)

    assert {r[0] for r in ledger.db.execute("SELECT author FROM changes")} == {"李芳@红星村"}
    assert {r[0] for r in ledger.db.execute("SELECT created_by FROM persons")} == {"李芳@红星村"}
    result = hub.import_file(export_bundle(ledger, tmp_path / "1.fieldsync").path)
    ledger.close()
    assert result.held == 0
    assert {r[0] for r in hub.ledger.db.execute("SELECT author FROM changes")} == {"李芳@红星村"}


def test_the_coordinator_reads_what_the_county_held_in_plain_words(
    tmp_path: Path, hub, make_device, capsys
) -> None:
    """The village's side of a held first-wave bundle: its 县里未接受的修改 (sync status, and the
    desktop's 同步 page) read 户信息（地址='一组'，…，脱贫户=False，易地搬迁户=False）; now
    地址为“一组”，脱贫户为“否”."""
    from fieldapp.cli.main import main

    village = make_device("大坝村", VILLAGE)
    add_family(village, VILLAGE, ["201"], surname="赵")
    with village.transaction():  # as the first wave signed them, its upgrade not yet run
        village.db.execute(
            "UPDATE changes SET author = 'root' WHERE device_id = ?", [village.device_id]
        )
    assert hub.import_file(export_bundle(village, tmp_path / "old.fieldsync").path).held > 0
    import_bundle(village, hub.export_for("大坝村", tmp_path / "back.fieldsync").path)
    path = village.path
    village.close()

    assert main(["--db", str(path), "sync", "status"]) == 0
    said = capsys.readouterr().out

    assert "县里未接受的修改：赵0家的户信息（地址为“一组”" in said, said
    assert "脱贫户为“否”" in said and "=" not in said, said
    assert "False" not in said and "'" not in said, said
