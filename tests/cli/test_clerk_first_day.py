"""A county IT clerk's first day, as docs/hub.md tells it, through the real command line:
`hub init`, `hub enroll` (file + one-time code), `enrol` on the devices. Each test is a place
where the clerk was misled or the product let a slip through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from tests.codes import plain_hub

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")


def _hub(tmp_path: Path) -> Path:
    folder = tmp_path / "县汇总"
    plain_hub(folder)
    return folder


def _enroll(
    hub: Path, device: str, area: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    """`hub enroll … --json`; the one-time code it printed."""
    capsys.readouterr()
    args = ["hub", "enroll", "--dir", str(hub), "--device", device, "--area", area]
    assert main([*args, "--out", str(out), "--json"]) == 0
    return str(json.loads(capsys.readouterr().out)["code"])


def test_a_ledger_enrolled_as_one_village_is_not_silently_renamed_by_anothers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """红星村's laptop, already enrolled, given 大坝村's enrolment file (and its code): it used to
    become 大坝村 without a word, taking over the other village's name and keys. Now it is
    refused, saying which device the ledger is and which the file is for; --force moves it."""
    hub = _hub(tmp_path)
    hongxing = _enroll(hub, "红星村", "520502101001", tmp_path / "红星村.enrol", capsys)
    daba = _enroll(hub, "大坝村", "520502101002", tmp_path / "大坝村.enrol", capsys)
    db = str(tmp_path / "红星村" / "ledger.db")
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", hongxing)
    assert main(["--db", db, "enrol", str(tmp_path / "红星村.enrol")]) == 0
    capsys.readouterr()

    monkeypatch.setenv("FIELDAPP_ENROL_CODE", daba)
    code = main(["--db", db, "enrol", str(tmp_path / "大坝村.enrol")])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "红星村" in err and "大坝村" in err and "--force" in err, err
    capsys.readouterr()
    assert main(["--db", db, "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["name"], status["area_code"]) == ("红星村", "520502101001")

    assert main(["--db", db, "enrol", str(tmp_path / "大坝村.enrol"), "--force"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "sync", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "大坝村"


def test_re_enrolling_the_same_device_needs_no_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A found laptop re-enrolled under its own name (docs/trust.md) still just enrols."""
    hub = _hub(tmp_path)
    db = str(tmp_path / "红星村" / "ledger.db")
    monkeypatch.setenv(
        "FIELDAPP_ENROL_CODE", _enroll(hub, "红星村", "520502101001", tmp_path / "a.enrol", capsys)
    )
    assert main(["--db", db, "enrol", str(tmp_path / "a.enrol")]) == 0
    monkeypatch.setenv(
        "FIELDAPP_ENROL_CODE", _enroll(hub, "红星村", "520502101001", tmp_path / "b.enrol", capsys)
    )
    assert main(["--db", db, "enrol", str(tmp_path / "b.enrol")]) == 0
    assert "已重新登记为设备 红星村" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("area", "role", "said"),
    [
        ("520520101001", "coordinator", "520520"),  # 七星关区 520502, two digits swapped
        ("999999999999", "coordinator", "999999"),
        ("520500", "county", "520500"),  # 毕节市, a city: no county device covers it
        ("520502999", "township", "七星关区"),  # no such township in 七星关区
        ("520502999001", "coordinator", "520502999"),
    ],
)
def test_hub_enroll_refuses_an_area_code_that_is_no_guizhou_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], area: str, role: str, said: str
) -> None:
    """A mistyped --area (two digits swapped) used to enrol the device anyway: the county was
    told 已登记, the village entered its people under a place the county does not have, and the
    device received nothing of its own village. Now nothing is enrolled and no file written;
    the clerk is told which part of the code is no current Guizhou county or township."""
    hub = _hub(tmp_path)
    out_file = tmp_path / "村.enrol"
    capsys.readouterr()
    args = ["hub", "enroll", "--dir", str(hub), "--device", "村", "--area", area]
    code = main([*args, "--role", role, "--out", str(out_file)])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert said in err and "区域代码" in err, err
    assert not out_file.exists()
    assert main(["hub", "devices", "--dir", str(hub), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_sync_export_names_what_it_carries_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sync export` listed what the bundle carries by the ledger's table names (areas,
    households, person_categories…): English words of the program's insides on a village
    coordinator's screen. It now says 区域、户信息、人员类别 as the rest of the program does."""
    from tests.tabular.people import HEAD
    from tests.tabular.sheets import write_xlsx

    hub = _hub(tmp_path)
    db = str(tmp_path / "红星村" / "ledger.db")
    monkeypatch.setenv(
        "FIELDAPP_ENROL_CODE", _enroll(hub, "红星村", "520502101001", tmp_path / "a.enrol", capsys)
    )
    assert main(["--db", db, "enrol", str(tmp_path / "a.enrol")]) == 0
    sheet = write_xlsx(
        tmp_path / "台账.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "人员类别", "区划代码"],
        [["张三", HEAD, HEAD, "户主", "脱贫人口", "520502101001"]],
    )
    assert main(["--db", db, "import", str(sheet)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "sync", "export", "--out", str(tmp_path / "红星村.fieldsync")]) == 0
    out = capsys.readouterr().out
    for word in ("区域", "户信息", "人员信息", "人员类别"):
        assert word in out, out
    listed = [line for line in out.splitlines() if line.startswith("  ")]
    assert listed and not any(c.isascii() and c.isalpha() for c in "".join(listed)), out


def test_county_reset_says_what_is_wrong_with_the_ledger_it_was_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`hub reset-password --ledger` with a path typed wrong, or with a ledger that never had a
    password, both said 找不到台账的钥匙文件 x.db.keys — sending the clerk to look for a key file
    instead of at the path or the ledger. Now each says what is wrong."""
    hub = _hub(tmp_path)
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "新的口令2026")
    reset = ["hub", "reset-password", "--dir", str(hub), "--user", "李芳", "--ledger"]
    capsys.readouterr()

    missing = tmp_path / "红星村" / "ledger.db"
    code = main([*reset, str(missing)])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "找不到台账文件" in err and str(missing) in err and ".keys" not in err, err

    plain = tmp_path / "明文.db"
    from fieldapp.store.ledger import Ledger

    Ledger.open(plain).close()  # a ledger made before passwords, as old scripts still make
    code = main([*reset, str(plain)])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "没有设置口令" in err and ".keys" not in err, err


@pytest.mark.parametrize("option", ["--user", "--db", "--password-file"])
def test_a_global_option_written_after_the_command_says_where_it_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    """`fieldapp hub devices --dir 县汇总 --user 张科员` (as `hub reset-password … --user 李芳`
    reads) said only 无法识别的参数：--user 张科员. It now says the option goes before the
    command word, with the line written the right way."""
    hub = _hub(tmp_path)
    capsys.readouterr()
    code = main(["hub", "devices", "--dir", str(hub), option, "张科员"])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err
    assert f"{option} 要写在命令前面" in err, err
    assert f"fieldapp {option} 张科员 hub devices" in err, err


def test_importing_a_backup_or_an_enrolment_file_as_a_bundle_says_what_the_file_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A village's .fieldbackup, or an enrolment file, taken off the stick and given to
    `hub import` (or a device's `sync import`) was refused with only 这不是 fieldapp 数据包.
    The refusal now says which kind of file it is and where it belongs."""
    hub = _hub(tmp_path)
    db = str(tmp_path / "红星村" / "ledger.db")
    enrolment = tmp_path / "红星村.enrol"
    monkeypatch.setenv(
        "FIELDAPP_ENROL_CODE", _enroll(hub, "红星村", "520502101001", enrolment, capsys)
    )
    password = tmp_path / "口令.txt"
    password.write_text("村里的口令2026\n", encoding="utf-8")
    li = ["--db", db, "--user", "李芳", "--password-file", str(password)]
    assert main([*li, "enrol", str(enrolment)]) == 0
    backup = tmp_path / "红星村.fieldbackup"
    assert main([*li, "backup", "--out", str(backup)]) == 0
    capsys.readouterr()

    for given, said in ((backup, "备份文件"), (enrolment, "登记文件")):
        code = main(["hub", "import", "--dir", str(hub), str(given)])
        out, err = capsys.readouterr()
        assert code != 0 and "Traceback" not in out + err
        assert said in out + err, out + err
    code = main([*li, "sync", "import", str(backup)])
    out, err = capsys.readouterr()
    assert code != 0 and "备份文件" in err and "restore" in err, err


def test_a_password_without_a_user_on_a_hub_without_one_is_not_called_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """FIELDAPP_PASSWORD left in the clerk's shell (from a device's work), no FIELDAPP_USER, on
    a hub made without a password: `hub devices` said 台账已加密：请用 --user …, which it is
    not — the clerk went looking for a password the hub never had. It now says a password was
    given without a user, and where the password came from."""
    hub = _hub(tmp_path)
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令2026")
    capsys.readouterr()
    code = main(["hub", "devices", "--dir", str(hub)])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "已加密" not in err and "没有用户名" in err and "FIELDAPP_PASSWORD" in err, err
