"""Roles and areas are the county's word: fixed in the signed enrolment, stored on both sides."""

from __future__ import annotations

import io
import json
import re

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Household
from fieldapp.domain.roles import Role
from fieldapp.services import households
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import crypto
from fieldapp.sync.enrolment import (
    CodeNeeded,
    b64,
    dumps,
    enrol,
    make_enrolment,
    read_enrolment,
    seal,
)
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")


def test_role_is_signed_into_the_enrolment_and_stored_on_both_sides(tmp_path, hub):
    peer = hub.enroll(
        "城关镇", "520502100", tmp_path / "t.json", Role.TOWNSHIP, code=ENROL_CODE, by="县里的科员"
    )
    assert peer.device_role is Role.TOWNSHIP
    device = Ledger.open(tmp_path / "t.db")
    done = enrol(device, tmp_path / "t.json", code=ENROL_CODE)
    assert done.role is Role.TOWNSHIP
    identity = SyncState(device.db).identity()
    assert identity is not None and identity.device_role is Role.TOWNSHIP
    assert identity.area_code == "520502100"
    assert SyncState(hub.ledger.db).identity().device_role is Role.HUB
    device.close()


def test_a_device_cannot_widen_its_role_by_editing_the_file(tmp_path, hub):
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    # The device's user has the code: they can open the file, edit it and seal it again.
    doc = read_enrolment(tmp_path / "e.json", ENROL_CODE)
    assert doc["device"]["role"] == "coordinator"
    for change in ({"role": "county"}, {"area_code": "520502"}):
        forged = json.loads(json.dumps(doc))
        forged["device"].update(change)
        resealed = seal(forged, ENROL_CODE)
        (tmp_path / "f.json").write_text(json.dumps(resealed, ensure_ascii=False), encoding="utf-8")
        device = Ledger.open(tmp_path / "f.db")
        with pytest.raises(SyncError, match="签名不符"):
            enrol(device, tmp_path / "f.json", code=ENROL_CODE)
        assert SyncState(device.db).identity() is None
        device.close()


def test_the_wrong_file_given_for_an_enrolment_is_told_in_chinese(tmp_path, hub):
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    good = (tmp_path / "e.json").read_bytes()
    (tmp_path / "文件夹").mkdir()
    (tmp_path / "半截.json").write_bytes(good[: len(good) // 2])  # cut short on the stick
    (tmp_path / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    device = Ledger.open(tmp_path / "d.db")
    try:
        for name, said in (
            ("文件夹", "是文件夹，请选择县里发的登记文件本身"),
            ("半截.json", "不是劳动力台账的设备登记文件（内容损坏或选错了文件）"),
            ("照片.jpg", "不是劳动力台账的设备登记文件（内容损坏或选错了文件）"),
        ):
            with pytest.raises(SyncError) as refused:
                enrol(device, tmp_path / name, code=ENROL_CODE)
            assert str(refused.value) == f"{tmp_path / name} {said}"
        assert SyncState(device.db).identity() is None
    finally:
        device.close()


@pytest.mark.parametrize(
    ("role", "area", "message"),
    [
        (Role.COORDINATOR, "520502", "12 位 或 15 位"),
        (Role.TOWNSHIP, VILLAGE, "9 位"),
        (Role.COUNTY, "52050210", "6 位"),
        (Role.HUB, "520502", "县级汇总中心是中心自己"),
        (Role.COUNTY, "520500", "520500 不是贵州省现行的县（市、区）代码，请核对"),
        (Role.TOWNSHIP, "520502999", "七星关区没有代码为 520502999 的乡镇（街道），请核对"),
    ],
)
def test_the_area_must_fit_the_role(tmp_path, hub, role, area, message):
    with pytest.raises(SyncError, match=message):
        hub.enroll("某设备", area, tmp_path / "x.json", role, code=ENROL_CODE, by="县里的科员")
    assert not (tmp_path / "x.json").exists()
    assert hub.devices() == []


def test_cli_enroll_with_role_and_devices_json(tmp_path, hub, capsys):
    hub.close()
    code = cli(
        [
            "hub", "enroll", "--dir", str(hub.root), "--device", "县人社局",
            "--area", "520502", "--role", "county", "--out", str(tmp_path / "c.json"),
        ]
    )  # fmt: skip
    assert code == 0
    assert "县级" in capsys.readouterr().out
    assert cli(["hub", "enroll", "--dir", str(hub.root), "--device", "红星村",
                "--area", VILLAGE, "--out", str(tmp_path / "v.json")]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli(["hub", "devices", "--dir", str(hub.root), "--json"]) == 0
    listed = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert listed["县人社局"]["role"] == "county"
    assert listed["红星村"]["role"] == "coordinator"
    with pytest.raises(SystemExit) as exited:  # argparse: not one of the choices
        cli(["hub", "enroll", "--dir", str(hub.root), "--device", "乙",
             "--area", VILLAGE, "--role", "boss", "--out", str(tmp_path / "b.json")])  # fmt: skip
    assert exited.value.code == 2


def test_an_enrolment_file_that_cannot_be_written_enrols_no_device(tmp_path, hub, capsys):
    (tmp_path / "文件夹.enrol").mkdir()
    base = ["hub", "enroll", "--dir", str(hub.root), "--device", "红星村", "--area", VILLAGE]
    assert cli([*base, "--out", str(tmp_path / "文件夹.enrol")]) == 1
    err = capsys.readouterr().err
    assert "无法写入“文件夹.enrol”：这是一个文件夹的名字，请写文件名" in err
    assert hub.state.peer("红星村") is None  # not enrolled without its file
    assert cli([*base, "--out", str(tmp_path / "红星村.enrol")]) == 0
    assert hub.state.peer("红星村") is not None


def test_the_write_gate_refuses_a_household_area_that_is_not_a_code(make_device):
    """The gate took any text as a household's area ("abc", a village's code with letters
    after it, which lay "inside" the village); it now refuses it naming the field and why,
    writes nothing, and a blank area (a sheet row without an address) still passes."""
    ledger = make_device("红星村", "520502101001")
    actor = actor_of(ledger)
    household_id = households.save(ledger, actor, Household(area_code="520502101001")).id or ""
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    for bad in ("abc", "520502101001x9", " 520502101001", "５２０５０２１０１００１"):
        with pytest.raises(FieldappError) as refused, writing(ledger, actor) as writer:
            writer.update_rows("households", [(household_id, {"area_code": bad})])
        assert "所在区域" in str(refused.value) and "区划代码" in str(refused.value)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert Household(area_code="").area_code == ""


def test_the_enrolment_file_is_sealed_with_a_code_told_apart_from_it(tmp_path, hub):
    # The file held the device's private keys in clear: whoever found the USB stick on the way
    # to the village could sign bundles as that device. It is sealed with the code now.
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    raw = (tmp_path / "e.json").read_text(encoding="utf-8")
    secret = read_enrolment(tmp_path / "e.json", ENROL_CODE)["device"]["sign_secret"]
    assert secret not in raw and "sign_secret" not in raw and "box_secret" not in raw
    assert json.loads(raw)["device"] == "红星村"  # which file it is, readable without the code
    device = Ledger.open(tmp_path / "d.db")
    try:
        with pytest.raises(CodeNeeded, match="请输入县里登记设备时告诉你的 16 位登记码"):
            enrol(device, tmp_path / "e.json")
        with pytest.raises(SyncError, match="^登记码不对"):
            enrol(device, tmp_path / "e.json", code="2468 1357 9753 8641")
        with pytest.raises(SyncError, match="登记码应为 16 位数字"):
            enrol(device, tmp_path / "e.json", code="2468 1357")
        assert SyncState(device.db).identity() is None
        # Typed as people type it: full-width digits, dashes, no spaces.
        done = enrol(device, tmp_path / "e.json", code="２４６８-１３５７-９７５３-８６４２")
        assert done.device == "红星村" and SyncState(device.db).identity() is not None
    finally:
        device.close()


def test_a_clear_enrolment_file_from_an_earlier_hub_still_enrols(tmp_path, hub):
    # Files written before the code (the signed document itself) are still read, without one.
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    clear = read_enrolment(tmp_path / "e.json", ENROL_CODE)
    (tmp_path / "old.json").write_text(json.dumps(clear, ensure_ascii=False), encoding="utf-8")
    device = Ledger.open(tmp_path / "d.db")
    try:
        assert enrol(device, tmp_path / "old.json").device == "红星村"
    finally:
        device.close()


def test_cli_hub_enroll_json_gives_a_script_the_code_and_the_file(
    tmp_path, hub, capsys, monkeypatch
):
    """A clerk enrolling a township's twenty laptops by script reads each code from JSON."""
    out_file = tmp_path / "红星村.enrol"
    base = ["hub", "enroll", "--dir", str(hub.root), "--device", "红星村", "--area", VILLAGE]
    assert cli([*base, "--out", str(out_file), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["device"] == "红星村" and said["area"] == VILLAGE
    assert said["role"] == "coordinator" and said["role_label"] == Role.COORDINATOR.label
    assert said["file"] == str(out_file) and said["reenrolled"] is False
    assert said["fingerprint"] == hub.fingerprint
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", said["code"])
    device = str(tmp_path / "d.db")
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", said["code"])
    assert cli(["--db", device, "enrol", str(out_file)]) == 0
    capsys.readouterr()
    assert cli([*base, "--out", str(tmp_path / "again.enrol"), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["reenrolled"] is True and again["code"] != said["code"]
    # Who enrolled it, as the device's events record it (the hub has no users: the account).
    recorded = [e["by"] for e in hub.device_events("红星村")]
    assert [said["enrolled_by"], again["enrolled_by"]] == recorded
    assert said["enrolled_by"].startswith("电脑账户")


def test_cli_hub_enroll_prints_the_code_and_enrol_asks_for_it(tmp_path, hub, capsys, monkeypatch):
    base = ["hub", "enroll", "--dir", str(hub.root), "--device", "红星村", "--area", VILLAGE]
    assert cli([*base, "--out", str(tmp_path / "红星村.enrol")]) == 0
    out = capsys.readouterr().out
    found = re.search(r"登记码：(\d{4} \d{4} \d{4} \d{4})", out)
    assert found and "不要和登记文件一起发送" in out, out
    device = str(tmp_path / "d.db")
    enrol_file = str(tmp_path / "红星村.enrol")
    monkeypatch.setattr("sys.stdin", io.StringIO("1111 2222 3333 4444\n"))
    assert cli(["--db", device, "enrol", enrol_file]) == 1  # asked on the terminal; wrong
    assert "登记码不对" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(found.group(1) + "\n"))
    assert cli(["--db", device, "enrol", enrol_file]) == 0
    assert "已登记为设备 红星村" in capsys.readouterr().out


@pytest.mark.parametrize("absent", ["null", "missing"])
def test_a_file_without_an_area_says_undecided_not_none(tmp_path, hub, absent):
    # A file the county signed with no area (null, or the key left out): the device takes it
    # with no area, and a sentence about it says 未定, never "None" nor a KeyError.
    def write(name: str, path) -> None:
        doc = make_enrolment(
            SyncState(hub.ledger.db).identity(), name, None, crypto.KeyPair.generate()
        )
        doc.pop("signature")
        if absent == "missing":
            doc["device"].pop("area_code")
        else:
            assert doc["device"]["area_code"] is None
        signed = doc | {"signature": b64(crypto.sign(dumps(doc).encode("utf-8"), hub_secret))}
        path.write_text(json.dumps(signed, ensure_ascii=False), encoding="utf-8")

    hub_secret = SyncState(hub.ledger.db).identity().sign_secret
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    device = Ledger.open(tmp_path / "d.db")
    try:
        enrol(device, tmp_path / "e.json", code=ENROL_CODE)
        write("李家村", tmp_path / "other.json")
        with pytest.raises(SyncError) as refused:
            enrol(device, tmp_path / "other.json")
        said = str(refused.value)
        assert "给设备 李家村（区域 未定）" in said and "None" not in said
        assert SyncState(device.db).identity().area_code == VILLAGE
    finally:
        device.close()
    fresh = Ledger.open(tmp_path / "f.db")
    try:
        write("王家村", tmp_path / "fresh.json")
        done = enrol(fresh, tmp_path / "fresh.json")
        assert done.device == "王家村" and done.area_code == ""
        assert SyncState(fresh.db).identity().area_code is None
    finally:
        fresh.close()


def _signed(hub, tmp_path, name: str, change) -> object:
    """An enrolment file the county's own key signed, its device part changed by `change`
    (what a hub of another version, or a hand at the county, may have written)."""
    doc = make_enrolment(
        SyncState(hub.ledger.db).identity(), name, VILLAGE, crypto.KeyPair.generate()
    )
    doc.pop("signature")
    change(doc["device"])
    secret = SyncState(hub.ledger.db).identity().sign_secret
    signed = doc | {"signature": b64(crypto.sign(dumps(doc).encode("utf-8"), secret))}
    path = tmp_path / f"{name or 'x'}.json"
    path.write_text(json.dumps(signed, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("name"),
        lambda d: d.update(name=None),
        lambda d: d.update(name="  "),
        lambda d: d.update(name=7),
    ],
    ids=["missing", "null", "blank", "number"],
)
def test_a_signed_file_with_no_device_name_is_refused_in_chinese(tmp_path, hub, change):
    hub.enroll("红星村", VILLAGE, tmp_path / "e.json", code=ENROL_CODE, by="县里的科员")
    device = Ledger.open(tmp_path / "d.db")
    try:
        enrol(device, tmp_path / "e.json", code=ENROL_CODE)  # enrolled: the name is compared
        path = _signed(hub, tmp_path, "李家村", change)
        with pytest.raises(SyncError, match="登记文件没有写设备名称") as refused:
            enrol(device, path)
        assert "KeyError" not in str(refused.value)
        assert SyncState(device.db).identity().name == "红星村"
    finally:
        device.close()
    fresh = Ledger.open(tmp_path / "f.db")
    try:
        with pytest.raises(SyncError, match="登记文件没有写设备名称"):
            enrol(fresh, _signed(hub, tmp_path, "王家村", change))
        assert SyncState(fresh.db).identity() is None
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("area", "said"),
    [
        ("52050210100", "应为 6、9、12 或 15 位数字"),
        ("５２０５０２１０１００１", "应为 6、9、12 或 15 位数字"),
        ("110101101001", "110101 不是贵州省现行的县（市、区）代码"),
        ("520502999001", "没有代码为 520502999 的乡镇（街道）"),
        (520502101001, "区域代码不是文字"),
    ],
)
def test_a_signed_area_the_division_table_refuses_is_not_enrolled(tmp_path, hub, area, said):
    fresh = Ledger.open(tmp_path / "f.db")
    try:
        path = _signed(hub, tmp_path, "王家村", lambda d: d.update(area_code=area))
        with pytest.raises(SyncError) as refused:
            enrol(fresh, path)
        assert said in str(refused.value) and "请到县里重新登记" in str(refused.value)
        assert SyncState(fresh.db).identity() is None
        assert fresh.get_meta("device_name") in (None, "")
    finally:
        fresh.close()
    # The county's own codes (a township's for a township device, a village's) are taken.
    for code, role in (("520502100", "township"), (VILLAGE, "coordinator")):
        ok = Ledger.open(tmp_path / f"{code}.db")
        try:
            done = enrol(
                ok,
                _signed(
                    hub,
                    tmp_path,
                    f"设备{code}",
                    lambda d, c=code, r=role: d.update(area_code=c, role=r),
                ),
            )
            assert done.area_code == code and done.role == Role(role)
        finally:
            ok.close()


@pytest.mark.parametrize(
    ("role", "area", "said"),
    [
        ("coordinator", "520502", "村/安置点设备的区域代码应为 12 位 或 15 位数字"),
        (None, "520502100", "村/安置点设备的区域代码应为 12 位 或 15 位数字"),
        ("township", VILLAGE, "乡镇设备的区域代码应为 9 位数字"),
        ("county", "520502100", "县级设备的区域代码应为 6 位数字"),
    ],
)
def test_a_signed_area_wider_or_narrower_than_the_role_is_not_enrolled(
    tmp_path, hub, role, area, said
):
    """A coordinator signed in for a whole county (a hub of another build, a signing key used
    by hand) would see and write the county: the device reads the rule the hub enrols by."""
    fresh = Ledger.open(tmp_path / "f.db")
    try:
        path = _signed(hub, tmp_path, "王家村", lambda d: d.update(area_code=area, role=role))
        with pytest.raises(SyncError) as refused:
            enrol(fresh, path)
        assert said in str(refused.value) and "请到县里重新登记" in str(refused.value)
        assert SyncState(fresh.db).identity() is None
        assert fresh.get_meta("device_name") in (None, "")
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("长" * 101, "设备名称最多 100 个字"),
        ("红星\n村", "设备名称中有不能显示的字符"),
        ("红星\u202e村", "设备名称中有不能显示的字符"),
    ],
)
def test_a_signed_device_name_the_hub_would_not_give_is_not_enrolled(tmp_path, hub, name, said):
    fresh = Ledger.open(tmp_path / "f.db")
    try:
        path = _signed(hub, tmp_path, "王家村", lambda d: d.update(name=name))
        with pytest.raises(SyncError, match=said):
            enrol(fresh, path)
        assert SyncState(fresh.db).identity() is None
    finally:
        fresh.close()
    # The longest name the hub gives is taken.
    ok = Ledger.open(tmp_path / "ok.db")
    try:
        done = enrol(ok, _signed(hub, tmp_path, "x", lambda d: d.update(name="长" * 100)))
        assert done.device == "长" * 100
    finally:
        ok.close()
