"""`conflicts` prints the person a sync conflict is about escaped (`services.trust.printable`,
where the subject is named): a name another device brought with a right-to-left override
(U+202E, which the trust rules let through as text) would turn the rest of the clerk's line
around, the values and the 核对码 read backwards."""

from __future__ import annotations

from fieldapp.cli.main import main
from fieldapp.sync.conflicts import list_conflicts
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.conftest import hub, make_device  # noqa: F401 - the enrolled devices' fixtures
from tests.sync.helpers import VILLAGE, add_family, phones_clash

TURNED = "张\u202e三"


def test_a_conflicts_person_is_printed_escaped(tmp_path, hub, make_device, capsys):  # noqa: F811
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    a.update("persons", pid, {"name": TURNED})
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    assert b.get("persons", pid)["name"] == TURNED
    phones_clash(hub, a, b, pid, tmp_path)
    assert len(list_conflicts(b)) == 1
    path = str(b.path)
    b.close()
    capsys.readouterr()
    assert main(["--db", path, "conflicts"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out, out
    assert "张\\u202e三" in out, out
