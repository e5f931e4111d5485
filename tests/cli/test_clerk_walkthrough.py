"""The county's IT clerk walking README.md and docs/hub.md through as written, at the command
line: each test is a step where what the page says and what the program does came apart, or a
message that left the clerk guessing what was wrong and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.codes import plain_hub
from tests.helpers.cli import run

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")

ROOT = Path(__file__).resolve().parents[2]
VILLAGE = "520502101001"


def _village(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """(hub folder, device ledger): a new hub and 红星村's laptop enrolled with it."""
    hub = plain_hub(tmp_path / "县汇总")
    device = tmp_path / "红星村.db"
    enrol = tmp_path / "红星村.enrol"
    args = ("--device", "红星村", "--area", VILLAGE, "--out", enrol)
    assert run(capsys, "hub", "enroll", "--dir", hub, *args)[0] == 0
    assert run(capsys, "--db", device, "enrol", enrol)[0] == 0
    return hub, device


def test_hub_export_without_out_writes_into_the_outbox_as_the_folder_list_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/hub.md's folder list: `outbox/ 为设备导出的数据包（默认位置）`. `hub export` made
    --out required (用法…错误：缺少必须给出的参数：--out, exit 2): there was no default place.
    Without --out the bundle is written to outbox/<device>.fieldsync and the path said."""
    assert "outbox/       为设备导出的数据包（默认位置）" in (ROOT / "docs" / "hub.md").read_text(
        encoding="utf-8"
    )
    hub, device = _village(tmp_path, capsys)
    code, out, err = run(capsys, "hub", "export", "--dir", hub, "--device", "红星村")
    assert (code, err) == (0, ""), err
    bundle = hub / "outbox" / "红星村.fieldsync"
    assert bundle.is_file()
    assert str(bundle) in out, out
    # … and it is the device's bundle, as one written with --out would be
    code, out, err = run(capsys, "--db", device, "sync", "import", bundle)
    assert code == 0, out + err
    assert "已导入来自" in out, out


def test_hub_export_into_the_outbox_keeps_a_slashed_name_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A device's name may hold a slash (一组/二号, ../外面): its default file stays a file of
    outbox/, not one in a folder the name made up or outside the hub's folder."""
    hub = plain_hub(tmp_path / "县汇总")
    for name in ("一组/二号", "../外面"):
        args = ("--device", name, "--area", VILLAGE, "--out", tmp_path / "x.enrol")
        assert run(capsys, "hub", "enroll", "--dir", hub, *args)[0] == 0
        code, out, err = run(capsys, "hub", "export", "--dir", hub, "--device", name)
        assert (code, err) == (0, ""), err
    assert sorted(p.name for p in (hub / "outbox").iterdir()) == [
        "_外面.fieldsync",
        "一组_二号.fieldsync",
    ]
    assert not (tmp_path / "外面.fieldsync").exists()


def test_an_empty_inbox_is_said_with_the_folder_looked_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`hub import --dir 县汇总` with nothing in inbox/ said only 没有待导入的数据包: a clerk who
    copied the stick's bundle somewhere else (the hub folder itself, the desktop) is not told
    where the program looked nor how else to import it."""
    hub, _device = _village(tmp_path, capsys)
    (hub / "红星村.fieldsync").write_bytes(b"")  # dropped next to inbox/, not in it
    code, out, err = run(capsys, "hub", "import", "--dir", hub)
    assert (code, err) == (0, ""), err
    assert "没有待导入的数据包" in out
    assert str(hub / "inbox") in out, out
    assert f"hub import --dir {hub} " in out, out


def test_an_enrolment_that_fails_makes_no_new_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: `fieldapp --user 李芳 enrol 红星村.enrol`. With the file's name mistyped, or the
    code misheard, the command said 错误：找不到登记文件 / 登记码不对 (exit 1) — and had already
    made a new encrypted ledger there (提示：已新建台账 …，李芳 是它的第一个用户), with the
    password of that first try: without --db, the laptop's default ledger. Nothing is made
    until the enrolment file is opened with its code."""
    hub = plain_hub(tmp_path / "县汇总")
    enrol = tmp_path / "红星村.enrol"
    args = ("--device", "红星村", "--area", VILLAGE, "--out", enrol)
    assert run(capsys, "hub", "enroll", "--dir", hub, *args)[0] == 0
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    db = tmp_path / "红星村.db"

    code, out, err = run(capsys, "--db", db, "enrol", tmp_path / "红星材.enrol")
    assert (code, out) == (1, ""), out
    assert "找不到登记文件" in err and "已新建台账" not in err, err
    assert not db.exists() and not Path(f"{db}.keys").exists()

    monkeypatch.setenv("FIELDAPP_ENROL_CODE", "1111 2222 3333 4444")
    code, out, err = run(capsys, "--db", db, "enrol", enrol)
    assert (code, out) == (1, ""), out
    assert "登记码不对" in err and "已新建台账" not in err, err
    assert not db.exists() and not Path(f"{db}.keys").exists()


@pytest.mark.parametrize("name", ["村台帐.xlsx", "红星村.enrol"])
def test_an_import_of_a_file_it_cannot_read_makes_no_new_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A new ledger's first step, `fieldapp --user 李芳 --db 红星村.db import 村台账.xlsx`, with
    the file's name mistyped (or the wrong file from the stick) said 请检查：找不到文件 /
    不支持的文件类型 (exit 2) after 提示：已新建台账 …，李芳 是它的第一个用户: an empty encrypted
    ledger with that try's password was left. The file is checked before a ledger is made."""
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    if name.endswith(".enrol"):
        (tmp_path / name).write_bytes(b"FIELDAPP-ENROL\n{}")
    db = tmp_path / "红星村.db"
    code, out, err = run(capsys, "--db", db, "import", tmp_path / name)
    assert (code, out) == (2, ""), out
    assert err.startswith("请检查：") and "已新建台账" not in err, err
    assert not db.exists() and not Path(f"{db}.keys").exists()


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from fieldapp.cli.main import main

    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code in (0, None)
    return capsys.readouterr().out


def test_hub_help_says_a_real_hub_wants_a_user_and_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`fieldapp hub init --help` said only 新建汇总中心文件夹和密钥 and `hub --help` nothing of
    the user: a clerk reading the help ran `hub init --dir 县汇总` (refused: 没有设置口令…) and
    then `hub enroll --dir 县汇总` without --user (台账已加密…). Both now say it, as the README
    does."""
    init = _help(capsys, "hub", "init")
    assert "--user" in init and "口令" in init and "--training" in init, init
    hub = _help(capsys, "hub")
    assert "--user" in hub and "FIELDAPP_USER" in hub and "口令" in hub, hub


def test_sync_push_help_gives_both_addresses_the_readme_writes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """README: `sync push https://县里地址/` through nginx/Caddy, `http://县里地址:8765/` straight
    to the hub on the county's network. `sync push --help` gave only the https:// one."""
    said = _help(capsys, "sync", "push")
    assert "https://" in said and "http://" in said and ":8765" in said, said


def test_a_pack_installed_before_enrolment_is_said_with_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `fieldapp policy install 本县政策.toml` on a computer not enrolled yet. Once the
    laptop is enrolled, every command warned 本机文件夹中的政策包（本县政策.toml）不使用 —
    the clerk cannot find 本机文件夹 (the user's data folder, not the ledger's) to take it
    away. The warning names the folder, and that the file may be deleted."""
    from tests.policy.helpers import COUNTY_PACK

    pack = tmp_path / "本县政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    device = tmp_path / "红星村.db"
    code, out, err = run(capsys, "--db", device, "import", _small_sheet(tmp_path))
    assert code == 0, out + err
    code, out, err = run(capsys, "--db", device, "policy", "install", pack)
    assert code == 0, out + err
    hub = plain_hub(tmp_path / "县汇总")
    enrol = tmp_path / "红星村.enrol"
    args = ("--device", "红星村", "--area", VILLAGE, "--out", enrol)
    assert run(capsys, "hub", "enroll", "--dir", hub, *args)[0] == 0
    assert run(capsys, "--db", device, "enrol", enrol)[0] == 0

    code, out, err = run(capsys, "--db", device, "policy", "list")
    assert code == 0, err
    folder = tmp_path / "home" / "policies"
    assert (folder / "本县政策.toml").is_file()
    assert "本县政策.toml" in err and str(folder) in err, err
    assert "删" in err, err


def _small_sheet(tmp_path: Path) -> Path:
    """A village's sheet of one household in 红星村."""
    sheet = tmp_path / "村台账.csv"
    sheet.write_text(
        "姓名,身份证号码,户主身份证号码,性别,与户主关系,区划代码,就业状态\n"
        f"王大勇,520502198001010015,520502198001010015,男,户主,{VILLAGE},未就业\n",
        encoding="utf-8",
    )
    return sheet


def test_the_readme_does_not_send_a_restored_ledger_to_sync_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: `fieldapp sync restored  # 台账从备份恢复后：改用新标识继续同步`. A clerk who
    restored with `fieldapp restore` ran it as told — but `restore` has already taken a new
    identity (docs/security.md): the second one made the hub send the village's whole area
    again for nothing. The line says it is for a ledger copied back by hand; `restore` does it
    itself (its outgoing numbers already jumped, as this shows)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [x for x in readme.splitlines() if x.startswith("fieldapp sync restored")]
    assert "手工拷回" in line and "fieldapp restore" in line, line

    _hub, device = _village(tmp_path, capsys)
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert run(capsys, "--db", device, "sync", "status")[0] == 0  # encrypted, 李芳 first user
    backup = tmp_path / "红星村.fieldbackup"
    assert run(capsys, "--db", device, "backup", "--out", backup)[0] == 0
    again = tmp_path / "新电脑" / "ledger.db"
    assert run(capsys, "--db", again, "restore", backup)[0] == 0
    code, out, err = run(capsys, "--db", again, "sync", "status")
    assert code == 0, err
    assert "已发出第 1000000 号包" in out, out


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (None, "找不到口令文件"),
        ("folder", "是文件夹"),
        ("empty", "第一行是空的"),
    ],
)
def test_a_password_file_that_cannot_serve_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str | None, said: str
) -> None:
    """docs/hub.md's service reads `--password-file /etc/fieldapp/hub.password`. A path mistyped
    said 读不到口令文件 … (no reason), a folder the same, and an empty file (`cat >` ended with
    Ctrl+D before typing) 口令不能为空 — not which file. Each says the file and what is wrong."""
    hub = plain_hub(tmp_path / "县汇总")
    given = tmp_path / "hub.password"
    if make == "folder":
        given.mkdir()
    elif make == "empty":
        given.write_text("\n", encoding="utf-8")
        given.chmod(0o600)
    code, out, err = run(
        capsys, "--user", "张科员", "--password-file", given, "hub", "devices", "--dir", hub
    )
    assert (code, out) == (1, ""), out
    assert said in err and str(given) in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("columns", "cells", "path"),
    [
        # the village's 12-digit code from the official list, and the group by name
        (("区划代码", "村（社区）", "村民组"), (VILLAGE, "红星村", "一组"), "红星村 一组"),
        (("区划代码", "村民组"), (VILLAGE, "一组"), f"{VILLAGE} 一组"),
        # the township's 9-digit code, the village and group by name
        (("区划代码", "村（社区）", "村民组"), (VILLAGE[:9], "红星村", "一组"), "红星村 一组"),
    ],
)
def test_a_group_named_beside_a_coarser_code_is_not_dropped(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    columns: tuple[str, ...],
    cells: tuple[str, ...],
    path: str,
) -> None:
    """The template's 区划代码 (可选；填写后优先于上面的地名) filled with the village's code from
    the county's list, and 村民组 一组 beside it: the household was put in the village and the
    group dropped without a word (导入 … 未导入 0 行), every household of the village in one
    heap. The code still wins where the names say another place; a group (or village) named
    below the code's place is made there."""
    sheet = tmp_path / "村台账.csv"
    head = ("姓名", "身份证号码", "户主身份证号码", "性别", "与户主关系")
    person = ("王大勇", "520502198001010015", "520502198001010015", "男", "户主")
    sheet.write_text(
        ",".join((*head, *columns)) + "\n" + ",".join((*person, *cells)) + "\n", encoding="utf-8"
    )
    db = tmp_path / "红星村.db"
    code, out, err = run(capsys, "--db", db, "import", sheet)
    assert code == 0, out + err
    code, out, err = run(capsys, "--db", db, "person", "show", "520502198001010015")
    assert code == 0, err
    assert f"所在：七星关区 梨树镇 {path}" in out, out


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "王"),
        ("import", "村台账.csv"),
        ("demo", "--persons", "5"),
        ("restore", "红星村.fieldbackup"),
    ],
)
def test_a_folder_given_as_db_is_said_to_be_a_folder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
) -> None:
    """README: `--db 路径` names another ledger *file* (`--db 新电脑/ledger.db`). Given the
    folder (`--db 新电脑`), the program said 提示：已新建台账 …/新电脑 and then 无法在“.”新建台账：
    这个文件夹是只读的 (it is not), or “新电脑.35dd….pending”是文件夹 (a name of its own), or
    没有台账 新电脑. It says the folder is a folder and how to write the ledger's file in it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    _small_sheet(tmp_path)
    if argv[0] == "restore":
        assert run(capsys, "--db", "旧.db", "import", "村台账.csv")[0] == 0
        assert run(capsys, "--db", "旧.db", "backup", "--out", argv[1])[0] == 0
    (tmp_path / "新电脑").mkdir()
    code, out, err = run(capsys, "--db", "新电脑", *argv)
    assert code != 0 and out == "", out
    assert "新电脑 是文件夹" in err and "--db 新电脑/ledger.db" in err, err
    assert "已新建台账" not in err and "只读" not in err and ".pending" not in err, err
    assert list((tmp_path / "新电脑").iterdir()) == []


def test_user_add_of_a_name_taken_says_so_before_asking_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: `fieldapp user add 王强 --admin  # 新口令在终端输入两次`. For a name already a
    user's, the new password was asked for (twice, on a terminal) and only then refused 已有名为
    王强 的用户; a script without one was told 需要新口令 — not what is wrong. The name is
    checked first, as `user enable` checks the user before asking."""
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    db = tmp_path / "红星村.db"
    assert run(capsys, "--db", db, "import", _small_sheet(tmp_path))[0] == 0
    monkeypatch.delenv("FIELDAPP_NEW_PASSWORD", raising=False)
    code, out, err = run(capsys, "--db", db, "user", "add", "李芳")
    assert (code, out) == (1, ""), out
    assert "已有名为 李芳 的用户" in err and "需要新口令" not in err, err
    code, out, err = run(capsys, "--db", db, "user", "add", "王\x07强")
    assert code == 1 and "需要新口令" not in err, err


def test_user_passwd_of_no_such_user_says_so_before_asking_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fieldapp user passwd 王强` for a name mistyped, or a user disabled, asked for the new
    password first (twice on a terminal) and refused only then; a script was told 需要新口令."""
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    db = tmp_path / "红星村.db"
    assert run(capsys, "--db", db, "import", _small_sheet(tmp_path))[0] == 0
    monkeypatch.delenv("FIELDAPP_NEW_PASSWORD", raising=False)
    code, out, err = run(capsys, "--db", db, "user", "passwd", "王钢")
    assert (code, out) == (1, ""), out
    assert "王钢" in err and "需要新口令" not in err, err


def test_every_row_of_a_village_code_keeps_its_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The village's code on every row, each household's 村民组 beside it: the first row's
    group was made, and every later row of the same code (the village now known) was put in
    the village itself, its group dropped — as on every row of an import into a ledger that
    already holds the village."""
    sheet = tmp_path / "村台账.csv"
    head = "姓名,身份证号码,户主身份证号码,性别,与户主关系,区划代码,村（社区）,村民组"
    rows = [
        f"王大勇,520502198001010015,520502198001010015,男,户主,{VILLAGE},红星村,一组",
        f"李二妹,520502198203040028,520502198203040028,女,户主,{VILLAGE},红星村,二组",
    ]
    sheet.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    db = tmp_path / "红星村.db"
    code, out, err = run(capsys, "--db", db, "import", sheet)
    assert code == 0, out + err
    for number, group in (("520502198001010015", "一组"), ("520502198203040028", "二组")):
        code, out, err = run(capsys, "--db", db, "person", "show", number)
        assert code == 0, err
        assert f"所在：七星关区 梨树镇 红星村 {group}" in out, out
    again = tmp_path / "又一户.csv"
    third = f"张三,520502199005060030,520502199005060030,男,户主,{VILLAGE},红星村,三组"
    again.write_text("\n".join([head, third]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "import", again)
    assert code == 0, out + err
    code, out, err = run(capsys, "--db", db, "person", "show", "520502199005060030")
    assert "所在：七星关区 梨树镇 红星村 三组" in out, out
