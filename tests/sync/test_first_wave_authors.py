"""A village laptop upgraded from the first wave with work not yet sent to the county.

The first wave recorded each change's author as a plain name (`--author`, or the system's user:
``root``); the hub now holds any change not signed ``姓名@设备名称``. The changes the laptop made
before the upgrade and had not yet sent must still land at the hub, while the ones the county
already holds stay exactly as it holds them.
"""

from __future__ import annotations

import time
from pathlib import Path

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
