"""A conflict resolved on the command line sets aside only the values the clerk was shown
(`conflicts` prints a check code, `resolve --check` refuses when the values changed since), and
a ledger restored from its backup still counts what it wrote before the restore as its own
(本机) when conflicts are resolved by side."""

from __future__ import annotations

import json
import re
import shutil

from fieldapp.cli.main import main as cli
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import Side, list_conflicts, resolve_many
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family, phones_clash


def _phone_conflict(tmp_path, hub, make_device):
    """甲村 and 甲村二号 set a person's phone at once (a conflict on 甲村二号 after an exchange);
    甲村三号 has the person too and has not edited yet."""
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    c = make_device("甲村三号", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    import_bundle(c, hub.export_for("甲村三号", tmp_path / "c1.fs").path)
    phones_clash(hub, a, b, pid, tmp_path)
    assert len(list_conflicts(b)) == 1
    return a, b, c, pid


def _listed(db: str, capsys) -> tuple[str, str, str, dict[str, str]]:
    """Run `conflicts` as the clerk does: the number it prints (the shortest that names the
    conflict), the conflict's id, its check code and the value ids by value."""
    assert cli(["--db", db, "conflicts"]) == 0
    text = capsys.readouterr().out
    assert "核对码" in text
    assert cli(["--db", db, "conflicts", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert f"核对码 {listed['check']}" in text  # the code printed is the one the key carries
    (number,) = re.findall(r"^冲突 (\S+)", text, re.MULTILINE)
    assert listed["conflict_id"].startswith(number)
    values = {v["value"]: v["value_id"] for v in listed["values"]}
    return number, listed["conflict_id"], listed["check"], values


def _wide(text: str) -> str:
    """`text` as an input method left in full-width mode types it (ｂ２ｅ７ for b2e7)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def test_resolve_with_check_refuses_a_value_come_in_after_the_listing(
    tmp_path, hub, make_device, capsys
):
    """Number and check code typed in full width (an input method's) are read as listed, and
    the refusal names the conflict by the number the listing printed (the shortest that names
    it), not as typed: a script gives the whole id, the clerk looks for the listed number."""
    _a, b, c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    number, cid, check, values = _listed(db, capsys)
    assert len(number) < len(cid)  # typing the whole id below is not typing the number
    assert set(values) == {"13800000000", "13900000000"}
    # Between the listing and the decision an exchange brings 甲村三号's own new number.
    c.update("persons", pid, {"phone": "13700000000"})
    hub.import_file(export_bundle(c, tmp_path / "c2.fs").path)
    b = Ledger.open(db, author="甲村二号员")
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b4.fs").path)
    b.close()
    keep = ["conflicts", "resolve", _wide(cid.upper()), "--keep", values["13900000000"]]
    assert cli(["--db", db, *keep, "--check", check]) == 1
    said = capsys.readouterr().err
    assert f"冲突 {number}（张0的联系电话）在列出之后又变了" in said, said
    assert "现在有 3 个值" in said and _wide(cid) not in said and cid not in said
    assert cli(["--db", db, *keep, "--check", check, "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["resolved"] is False and refused["changed_meanwhile"] is True
    assert refused["check"] != check and len(refused["values"]) == 3
    again = Ledger.open(db)
    (still,) = list_conflicts(again)  # nothing set aside: the three values wait for the clerk
    assert len(still.values) == 3
    again.close()
    # Listed again, the new code binds the three values the clerk has now seen.
    _number, _cid, fresh, seen = _listed(db, capsys)
    assert fresh == refused["check"] and "13700000000" in seen
    assert cli(["--db", db, *keep, "--check", _wide(fresh.upper()), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["resolved"] is True and done["checked"] is True
    again = Ledger.open(db)
    assert list_conflicts(again) == []
    assert again.get("persons", pid)["phone"] == "13900000000"
    again.close()


def test_resolve_without_check_keeps_working_for_scripts(tmp_path, hub, make_device, capsys):
    _a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    _number, cid, _check, values = _listed(db, capsys)
    assert cli(["--db", db, "conflicts", "resolve", cid, "--keep", values["13800000000"]]) == 0
    out = capsys.readouterr().out
    assert "已处理冲突" in out and "没有给出核对码" in out
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == "13800000000"
    assert list_conflicts(again) == []
    again.close()


def test_a_restored_ledger_keeps_its_own_values_as_its_own(tmp_path, hub, make_device, capsys):
    _a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    old_id = b.device_id
    b.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(b.path, tmp_path / "backup.db")
    db = str(b.path)
    b.close()
    shutil.copy(tmp_path / "backup.db", db)  # the disk died; the backup comes back
    assert cli(["--db", db, "sync", "restored"]) == 0
    capsys.readouterr()
    b = Ledger.open(db, author="甲村二号员")
    assert b.device_id != old_id
    (conflict,) = list_conflicts(b)
    ours = next(v for v in conflict.values if v.value == "13900000000")
    assert ours.device_id == old_id  # written before the restore, under the earlier id
    done = resolve_many(b, [conflict], Side.HERE)
    assert (len(done.changes), done.no_value) == (1, 0)
    assert b.get("persons", pid)["phone"] == "13900000000"
    b.close()


def test_a_restored_ledger_keeps_the_other_devices_value_by_side(
    tmp_path, hub, make_device, capsys
):
    _a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    assert cli(["--db", db, "sync", "restored"]) == 0
    capsys.readouterr()
    assert cli(["--db", db, "conflicts", "resolve-all", "--keep", "别的设备", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["resolved"] == 1 and said["no_value_on_side"] == 0
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == "13800000000"
    again.close()


def test_the_listing_and_the_resolution_say_values_as_a_clerk_reads_them(
    tmp_path, hub, make_device, capsys
):
    """A sync conflict's values are printed as the sheet's are (`value_said`): the number
    itself, not a Python repr in quotes ('13800000000'); so is the value it was saved as. No
    change ids: each value by whose it is (本机, the other device's name), which is what
    `--keep` takes; the conflict by the shortest number that names it, in the listing and in
    the sentence after alike."""
    _a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    assert cli(["--db", db, "conflicts"]) == 0
    text = capsys.readouterr().out
    _number, cid, check, values = _listed(db, capsys)
    assert "甲村的值: 13800000000  " in text and "本机的值: 13900000000  " in text, text
    assert f"冲突 {cid[:4]}  " in text and cid not in text, text  # the shortest, 4 here
    assert "--keep 本机" in text
    assert "'" not in text, text
    for value_id in values.values():
        assert value_id not in text and value_id.split(":")[0] not in text, text
    # A word that names no value: refused, the choices said, nothing written.
    keep = ["conflicts", "resolve", cid[:4], "--check", check, "--keep"]
    assert cli(["--db", db, *keep, "乙村"]) == 2
    said = capsys.readouterr()
    assert f"冲突 {cid[:4]}（张0的联系电话）中没有“乙村”的值" in said.err, said.err
    # (the devices in the order of their values' stamps: either may have changed it first)
    assert said.out == "" and (
        "--keep 可以写改了值的设备：甲村、本机，" in said.err
        or "--keep 可以写改了值的设备：本机、甲村，" in said.err
    ), said.err
    assert cli(["--db", db, *keep, "甲村"]) == 0  # the other device, by its name
    out = capsys.readouterr().out
    assert out.startswith(
        f"已处理冲突 {cid[:4]}：张0的联系电话保存为 13800000000（保留甲村的值，同步后各设备一致）"
    ), out
    assert "'" not in out and "修改 " not in out and ":" not in out.replace("：", ""), out
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == "13800000000"
    assert list_conflicts(again) == []
    again.close()


def test_a_value_is_kept_by_its_side_as_resolve_all_says_it(tmp_path, hub, make_device, capsys):
    """`--keep 本机` / `别的设备` / `现在的值` (or here / other / shown) name the one value on
    that side, as `resolve-all --keep` does; a side with no single value is refused (exit 2)
    with the choices said; a value's id (scripts, `--json`) still works."""
    _a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    _number, cid, check, values = _listed(db, capsys)
    assert cli(["--db", db, "conflicts", "resolve", cid, "--keep", "本机", "--check", check]) == 0
    out = capsys.readouterr().out
    assert "保存为 13900000000（保留本机的值" in out, out
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == "13900000000"
    again.close()


def test_a_side_with_no_single_value_is_refused_saying_the_choices(
    tmp_path, hub, make_device, capsys
):
    _a, b, c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    # 甲村三号's own number comes in too: two values from other devices.
    c.update("persons", pid, {"phone": "13700000000"})
    hub.import_file(export_bundle(c, tmp_path / "c2.fs").path)
    b = Ledger.open(db, author="甲村二号员")
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b4.fs").path)
    b.close()
    _number, cid, _check, values = _listed(db, capsys)
    assert len(values) == 3
    assert cli(["--db", db, "conflicts", "resolve", cid, "--keep", "别的设备"]) == 2
    err = capsys.readouterr().err
    assert "别的设备的值不是恰好一个，没有处理" in err, err
    assert "可以写改了值的设备：甲村、本机、甲村三号，" in err, err  # as listed
    again = Ledger.open(db)
    assert len(list_conflicts(again)[0].values) == 3  # nothing written
    again.close()
    assert cli(["--db", db, "conflicts", "resolve", cid, "--keep", "甲村三号"]) == 0
    assert "保留甲村三号的值" in capsys.readouterr().out
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == "13700000000"
    again.close()


def test_a_conflict_resolved_elsewhere_meanwhile_is_refused_in_json(
    tmp_path, hub, make_device, capsys
):
    a, b, _c, pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    _number, cid, check, values = _listed(db, capsys)
    # Between the listing and the decision 甲村 resolves it (the exchange brings both values
    # there, then its resolution here): the conflict is gone from this ledger.
    hub.import_file(export_bundle(a, tmp_path / "a3.fs").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a4.fs").path)
    (there,) = list_conflicts(a)
    assert cli(["--db", str(a.path), "conflicts", "resolve", there.conflict_id, "--keep",
                there.values[0].value_id]) == 0  # fmt: skip
    capsys.readouterr()
    hub.import_file(export_bundle(a, tmp_path / "a5.fs").path)
    b = Ledger.open(db, author="甲村二号员")
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b5.fs").path)
    assert list_conflicts(b) == []
    b.close()

    keep = ["conflicts", "resolve", cid, "--keep", values["13900000000"], "--check", check]
    assert cli(["--db", db, *keep, "--json"]) == 1
    said = capsys.readouterr()
    refused = json.loads(said.out)
    assert refused["resolved"] is False and refused["changed_meanwhile"] is True
    assert refused["gone"] is True and refused["values"] == [] and refused["check"] is None
    assert "已经解决" in refused["reason"] and said.err == ""
    assert cli(["--db", db, *keep]) == 1  # without --json: said on stderr, as before
    assert "已经解决" in capsys.readouterr().err
    again = Ledger.open(db)
    assert again.get("persons", pid)["phone"] == a.get("persons", pid)["phone"]  # untouched
    again.close()


def test_a_check_code_copied_wrong_is_not_said_to_be_a_change(tmp_path, hub, make_device, capsys):
    """README: `conflicts resolve 编号 --keep 本机 --check 核对码`, the code copied by hand from
    the listing. One digit copied wrong (nothing came in since) was said 在列出之后又变了 — the
    clerk lists again, sees the same two values and the same code, and is left puzzled. The
    refusal says the code given, and that it may have been copied wrong."""
    _a, b, _c, _pid = _phone_conflict(tmp_path, hub, make_device)
    db = str(b.path)
    b.close()
    number, _cid, check, _values = _listed(db, capsys)
    wrong = ("1" if check[0] != "1" else "2") + check[1:]
    assert (
        cli(["--db", db, "conflicts", "resolve", number, "--keep", "本机", "--check", wrong]) == 1
    )
    said = capsys.readouterr().err
    assert wrong in said and "抄错" in said and f"核对码 {check}" in said, said
    again = Ledger.open(db)
    assert len(list_conflicts(again)) == 1  # nothing done
    again.close()
