"""`print visits` on a township's device with no --area (its help said a township's device
defaults to its own area): refused, as a visit sheet is a village's or site's — but for a
township the ledger has no name of, the refusal named the county (贵州省毕节市七星关区 不是村或
安置点), not the area given; it now says the code with the county's name, and the help no
longer offers a township's own area."""

from __future__ import annotations

from fieldapp.cli.main import main as cli
from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family

TOWNSHIP = VILLAGE[:9]


def test_a_townships_device_is_asked_for_a_village(tmp_path, hub, make_device, capsys):
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "v.fs").path)
    town = Ledger.open(tmp_path / "town" / "ledger.db", author="镇专员")
    hub.enroll(
        "城关镇", TOWNSHIP, tmp_path / "town.json", Role.TOWNSHIP, code=ENROL_CODE, by="县里的科员"
    )
    enrol(town, tmp_path / "town.json", code=ENROL_CODE)
    import_bundle(town, hub.export_for("城关镇", tmp_path / "t.fs").path)
    town.close()
    out = tmp_path / "visits.pdf"
    base = ["--db", str(tmp_path / "town" / "ledger.db"), "print", "visits"]
    assert cli([*base, "--month", "2026-10", "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert f"七星关区（{TOWNSHIP}） 不是村或安置点" in said and "--area" in said, said
    assert not out.exists()
    capsys.readouterr()
    try:
        cli([*base, "--help"])
    except SystemExit:
        pass
    assert "乡镇的设备默认" not in capsys.readouterr().out
