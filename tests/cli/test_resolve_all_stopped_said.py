"""`conflicts resolve-all --keep 表格` stopped by an error part-way: the decisions before it
stay written, and the clerk is told how many before the error itself — not the error alone,
which read as if nothing had been done. The one refused and those after it stay listed."""

from __future__ import annotations

from fieldapp.cli.main import main
from fieldapp.services.sheet_conflicts import Undecided, keep, list_open
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger
from tests.sync.conftest import hub, make_device  # noqa: F401 - the enrolled device's fixtures
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def _stamp(device: Ledger, table: str, row_id: str) -> str:
    (stamp,) = device.db.execute(
        "SELECT max(hlc) FROM changes WHERE tbl = ? AND row_id = ?", [table, row_id]
    ).fetchone()
    return str(stamp)


def test_resolve_all_stopped_by_a_refusal_says_what_was_saved_before_it(
    make_device,  # noqa: F811
    capsys,
):
    device = make_device("甲村", VILLAGE)
    _, [pid] = add_family(device, VILLAGE, ["101"])
    phone = device.get("persons", pid)["phone"]
    # A county area the device holds (as an exchange brings one: written below the door).
    with device.transaction():
        area_id = device.insert(
            "areas",
            {"code": VILLAGE, "name": "红星村", "kind": "village", "parent_code": VILLAGE[:9]},
        )
    with writing(device, actor_of(device)) as writer:
        keep(writer, "村里.xlsx", [
            Undecided("人员", 2, "张三", "", "persons", pid, "phone", "13912345678", phone,
                      _stamp(device, "persons", pid), "x"),
            Undecided("人员", 3, "张三", "", "areas", area_id, "name", "改掉的名字", "红星村",
                      _stamp(device, "areas", area_id), "x"),
        ])  # fmt: skip
    assert [c.row for c in list_open(device)] == [2, 3]  # the person's first
    capsys.readouterr()

    code = main(["--db", str(device.path), "conflicts", "resolve-all", "--keep", "表格"])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "出错之前已处理表格带来的冲突 1 处（已保存）；其余的没有处理，仍在冲突列表中" in err, err
    assert "由县里统一维护" in err, err  # the refusal itself, after it
    assert err.index("出错之前") < err.index("由县里统一维护")
    assert device.get("persons", pid)["phone"] == "13912345678"  # written, and stays
    assert device.get("areas", area_id)["name"] == "红星村"
    assert [c.row for c in list_open(device)] == [3]
