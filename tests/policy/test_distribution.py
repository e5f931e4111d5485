"""The county sets the rules, every device follows: a pack published on the hub reaches a device
through a real bundle, a tampered or unsigned one is refused there while the previous one stays,
and a village device refuses a pack installed by hand. All through the command line, real files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

from fieldapp.domain.dates import CHINA
from fieldapp.paths import data_dir
from fieldapp.policy.published import PublishedPack
from fieldapp.services.policy_admin import load_policy, published
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from tests.codes import ENROL_CODE, plain_hub
from tests.helpers.cli import run
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK, EXTENDED_PACK, HOME, post_worker
from tests.records import Records

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")

#: The county pack's title, as refusals name it (not its id, qixingguan).
TITLE = "七星关区就业帮扶政策（2026年）"
NOTICE = "政策包已更新：七星关区就业帮扶政策（2026年）（七星关区人力资源和社会保障局 七人社通〔2026〕3号）"


@pytest.fixture
def county(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> County:
    return County(tmp_path, capsys)


def test_published_pack_reaches_the_device_and_changes_its_amounts(county: County) -> None:
    before = county.transport()
    assert before["status"] == "eligible" and before["amount"] is None
    assert before["amount_text"] == "待县里核定标准"
    assert county.pack() == {"id": "guizhou-2023", "version": "2026.1", "source": "builtin"}
    code, out, _ = county.publish(COUNTY_PACK)
    assert code == 0 and out.splitlines()[-1] == "2026.1"
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    (listed,) = json.loads(out)
    assert listed["in_force"] and listed["signature_ok"] and listed["seq"] == 1
    code, out, _ = county.deliver()
    assert code == 0 and NOTICE in out
    after = county.transport()
    assert after["amount"] == 500 and after["status"] == "eligible"
    assert county.pack() == {"id": "qixingguan", "version": "2026.1", "source": "hub"}
    # Importing the same answer again changes nothing and says nothing about the policy.
    code, out, _ = county.deliver()
    assert code == 0 and "政策包已更新" not in out


def test_version_published_once(county: County) -> None:
    assert county.publish(COUNTY_PACK)[0] == 0
    code, _, err = county.publish(COUNTY_PACK)
    assert code == 2 and f"政策包“{TITLE}”的 2026.1 版已于" in err and "请改用新的版本号" in err
    assert "qixingguan" not in err, err  # the pack by its title and edition, not its id


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
def test_when_a_pack_was_published_is_said_in_china_time_to_the_minute(
    county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub keeps when it published a pack as China time with its offset (ledger version
    35); the refusal to publish a version again and `hub policy list` say it as the clerk reads
    it — 2026-12-04 10:31, not the stored 2026-12-04T10:31:00+08:00 nor a UTC server's 02:31."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert county.publish(COUNTY_PACK)[0] == 0
        _, err = county.publish(COUNTY_PACK)[1:]
        _, out, _ = county.run("hub", "policy", "list", "--dir", county.hub)
    finally:
        monkeypatch.undo()
        time.tzset()
    minute = dt.datetime.now(CHINA).strftime("%Y-%m-%d %H")  # the hour, China's
    assert re.search(r"的 2026\.1 版已于 \d{4}-\d\d-\d\d \d\d:\d\d 发布", err), err
    assert minute in err + out and "+08:00" not in err + out, (err, out)
    assert re.search(r"\t\d{4}-\d\d-\d\d \d\d:\d\d\t", out), out
    # The pack is named by its title, as 设置 and policy show say it: not by its id as well.
    assert out.startswith("第1号\t2026.1\t") and "七星关区就业帮扶政策（2026年）" in out, out
    assert "qixingguan" not in out, out


def test_an_older_version_is_not_published_over_a_newer_one(county: County) -> None:
    """Last year's file published again by mistake became the pack in force on every device
    (the newest published wins), with 政策包已更新 on each."""
    newer = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
    assert county.publish(newer)[0] == 0
    code, _, err = county.publish(COUNTY_PACK.replace('version = "2026.1"', 'version = "2025.7"'))
    assert code == 2 and f"已发布政策包“{TITLE}”的 2026.2 版，比 2025.7 版新" in err, err
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    assert [(r["version"], r["in_force"]) for r in json.loads(out)] == [("2026.2", True)]


def test_county_figure_over_the_cap_is_not_published(county: County) -> None:
    code, _, err = county.publish(COUNTY_PACK.replace("figure = 500", "figure = 600", 1))
    assert code == 2 and "金额 600 元超过政策规定的最高 500 元" in err and "未签发" in err
    assert county.run("hub", "policy", "list", "--dir", county.hub, "--json")[1].strip() == "[]"


@pytest.mark.parametrize("how", ["tampered", "unsigned"])
def test_tampered_or_unsigned_pack_refused_and_the_old_one_stays(county: County, how: str) -> None:
    assert county.publish(COUNTY_PACK)[0] == 0
    assert NOTICE in county.deliver()[1]
    hub = Ledger.open(county.hub / "hub.db")
    (good,) = published(hub)
    hub.close()
    raised = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
        "figure = 500", "figure = 5000"
    )
    if how == "tampered":
        # The signature of the good pack, on other text (and a later number).
        row = good.as_row() | {"text": raised, "version": "2026.2", "seq": 2}
    else:
        row = PublishedPack("qixingguan", "2026.2", 2, good.published_at, raised).as_row()
    county.forge(row)
    code, out, err = county.deliver()
    assert code == 0 and "政策包已更新" not in out
    # Said as the coordinator knows the county's rules, not by the pack's internal id.
    assert "县里下发的政策包 2026.2 版（第 2 号）的签名与县级汇总中心不符" in err, err
    assert "仍使用县里下发的政策包 2026.1 版（第 1 号）" in err, err
    assert "qixingguan@" not in err
    assert county.transport()["amount"] == 500
    assert county.pack()["version"] == "2026.1"
    # The next pack the hub really signs is taken as usual.
    newer = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.3"').replace(
        "figure = 500", "figure = 450", 1
    )
    assert county.publish(newer)[0] == 0
    assert "政策包已更新" in county.deliver()[1]
    assert county.transport()["amount"] == 450


def test_a_damaged_row_cannot_take_away_the_pack_in_force(county: County) -> None:
    """The device keeps its own copy of the pack it took: damage to the row changes nothing."""
    assert county.publish(COUNTY_PACK)[0] == 0
    county.deliver()
    device = Ledger.open(county.device)
    row_id = policy_packs.row_id("qixingguan", "2026.1")
    with device.transaction():
        device.update(policy_packs.TABLE, row_id, {"text": '[pack]\nid = "x"'})
    state = load_policy(device)
    device.close()
    assert state.policy.rule("transport_cross_county").amount.value == 500
    assert any("签名与县级汇总中心不符" in w for w in state.warnings)


def test_a_pack_written_on_the_device_is_never_used(county: County) -> None:
    """A coordinator cannot raise the device's amounts by writing a pack row of its own."""
    device = Ledger.open(county.device)
    mine = PublishedPack("qixingguan", "9.9", 99, "2026-12-01T00:00:00", COUNTY_PACK.replace(
        'version = "2026.1"', 'version = "9.9"'))  # fmt: skip
    with device.transaction():
        device.insert(policy_packs.TABLE, mine.signed(b"\x01" * 32).as_row())
    device.close()
    assert county.transport()["amount"] is None
    assert county.pack()["source"] == "builtin"


def test_coordinator_device_refuses_a_local_install(county: County) -> None:
    pack = county.tmp / "本村政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, _, err = county.run("--db", county.device, "policy", "install", pack)
    assert code == 2 and "本机为村/安置点设备" in err and "不能在本机安装政策包" in err
    assert not list((data_dir() / "policies").glob("*.toml"))
    # A pack copied into the data folder by hand is not used either, and the user is told.
    (data_dir() / "policies").mkdir(exist_ok=True)
    (data_dir() / "policies" / "本村政策.toml").write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = county.run("--db", county.device, "policy", "list", "--json")
    assert json.loads(out)["pack"]["source"] == "builtin"
    assert "政策由县里统一下发" in err and "不使用" in err
    assert county.transport()["amount"] is None


def test_a_draft_from_a_village_device_is_refused_at_the_hub(county: County) -> None:
    """The hub re-checks who sent a county draft: a coordinator's forged row is not published.

    The trust rules (issue 13) refuse it before it is stored: county drafts are the county's
    table. It is held for the county's review and reported back to the village device."""
    from fieldapp.hub.folder import Hub
    from fieldapp.store.held import RejectedReports

    device = Ledger.open(county.device)
    with device.transaction():
        device.insert(
            policy_packs.DRAFTS,
            {"text": COUNTY_PACK, "status": policy_packs.PENDING, "pack_id": "qixingguan"},
        )
    device.close()
    up = county.tmp / "up.bundle"
    assert county.run("--db", county.device, "sync", "export", "--out", up)[0] == 0
    assert county.run("hub", "import", "--dir", county.hub, up)[0] == 0
    hub = Hub.open(county.hub)
    assert policy_packs.drafts(hub.ledger.db) == [] and published(hub.ledger) == []
    (held,) = [h for h in hub.rejected() if h.change.tbl == policy_packs.DRAFTS]
    hub.close()
    assert held.rule == "county_table" and "「县级政策包草稿」由县里统一维护" in held.reason
    county.deliver()
    device = Ledger.open(county.device)
    reports = {r["change_id"]: r for r in RejectedReports(device.db).list()}
    device.close()
    assert reports[held.change_id]["reason"] == held.reason


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("township", False), ("coordinator", False), ("county", True)],
)
def test_local_installs_by_role(tmp_path: Path, role: str, allowed: bool) -> None:
    """Village and township devices take their rules from the county only; a county device may
    try a pack on its own machine."""
    from fieldapp.domain.roles import Role
    from fieldapp.hub.folder import Hub
    from fieldapp.services.policy_admin import PolicyRefused, install_local
    from fieldapp.sync.enrolment import enrol

    hub = Hub.init(tmp_path / "hub")
    area = {"township": "520502001", "coordinator": HOME, "county": "520502"}[role]
    hub.enroll(
        "设备", area, tmp_path / "d.enrol", role=Role(role), code=ENROL_CODE, by="县里的科员"
    )
    hub.close()
    ledger = Ledger.open(tmp_path / "d.db")
    enrol(ledger, tmp_path / "d.enrol", code=ENROL_CODE)
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    if allowed:
        assert install_local(ledger, pack).pack.source == "local"
    else:
        with pytest.raises(PolicyRefused, match=f"本机为{Role(role).device_kind}设备"):
            install_local(ledger, pack)
    ledger.close()


def test_a_pack_published_after_the_hub_is_restored_from_a_backup_reaches_the_device(
    county: County,
) -> None:
    """docs/hub.md: a hub restored from its backup does not remember what it wrote after the
    backup. A pack it published then reached the device; the next pack it publishes after the
    restore must reach the device too — not be taken for that lost one (same number, other
    content), which made the device refuse every answer of the hub from then on."""
    import shutil

    assert county.publish(COUNTY_PACK)[0] == 0
    assert NOTICE in county.deliver()[1]
    backup = county.tmp / "hub-backup.db"
    shutil.copy(county.hub / "hub.db", backup)
    lost = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
        "figure = 500", "figure = 450", 1
    )
    assert county.publish(lost)[0] == 0
    assert "政策包已更新" in county.deliver()[1]
    assert county.transport()["amount"] == 450
    for leftover in county.hub.glob("hub.db*"):
        leftover.unlink()
    shutil.copy(backup, county.hub / "hub.db")

    later = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.3"').replace(
        "figure = 500", "figure = 400", 1
    )
    assert county.publish(later)[0] == 0
    up = county.tmp / "full.bundle"
    assert county.run("--db", county.device, "sync", "export", "--full", "--out", up)[0] == 0
    assert county.run("hub", "import", "--dir", county.hub, up)[0] == 0
    code, out, err = county.deliver()
    assert code == 0, err
    assert "政策包已更新" in out
    assert "中心重新编号的 1 条修改替换了本机保存的" in out
    assert county.pack()["version"] == "2026.3"
    assert county.transport()["amount"] == 400
    # And the exchange goes on as usual afterwards.
    newest = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.4"').replace(
        "figure = 500", "figure = 350", 1
    )
    assert county.publish(newest)[0] == 0
    assert "政策包已更新" in county.deliver()[1]
    assert county.transport()["amount"] == 350


def test_a_draft_the_hub_refused_is_told_on_the_county_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The county device's edition travels to the hub as a draft; when the hub refused it (here:
    the hub's clerk had published that version meanwhile) the answer came back and nothing said
    so: the county's decision was silently lost."""
    from fieldapp.services.policy_admin import submit_draft

    hub = tmp_path / "县汇总"
    device = tmp_path / "县人社局.db"
    plain_hub(hub)
    enrolment = tmp_path / "county.enrol"
    assert run(capsys, "hub", "enroll", "--dir", hub, "--device", "县人社局", "--area", "520502",
               "--role", "county", "--out", enrolment)[0] == 0  # fmt: skip
    assert run(capsys, "--db", device, "enrol", enrolment)[0] == 0
    ledger = Ledger.open(device)
    submit_draft(ledger, COUNTY_PACK)
    ledger.close()
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    assert run(capsys, "hub", "policy", "publish", "--dir", hub, pack)[0] == 0  # same version
    up, down = tmp_path / "up.bundle", tmp_path / "down.bundle"
    assert run(capsys, "--db", device, "sync", "export", "--out", up)[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, up)[0] == 0
    assert run(capsys, "hub", "export", "--dir", hub, "--device", "县人社局", "--out", down)[0] == 0
    code, out, err = run(capsys, "--db", device, "sync", "import", down)
    assert code == 0, err
    told = out + err
    assert "县级政策包“七星关区就业帮扶政策（2026年）”（2026.1 版）未签发" in told, told
    assert "qixingguan" not in told.split("未签发")[0], told  # its title, not its id
    assert "的 2026.1 版已于" in told and "请改用新的版本号" in told
    # Said once, not at every later import.
    assert run(capsys, "hub", "export", "--dir", hub, "--device", "县人社局", "--out", down)[0] == 0
    code, out, err = run(capsys, "--db", device, "sync", "import", down)
    assert code == 0 and "未签发" not in out + err


@pytest.mark.today("2027-01-31")
def test_a_claim_made_before_the_new_standard_arrived_is_named_when_it_comes(
    county: County,
) -> None:
    """On 2 January the laptop still has the 2026 pack (600 元/月) and the coordinator makes
    January's post subsidy claim at 600 元; the county's pack raising it to 700 元 from
    2027-01-01 arrives on the 5th. The claim went on, reviewed and paid at 600 元 — nothing
    said it was made at a figure the county no longer pays for that month. The import now
    names it; December's claim, made at December's figure, is not named."""

    extended = EXTENDED_PACK
    assert county.publish(extended)[0] == 0
    assert county.deliver()[0] == 0
    ledger = Ledger.open(county.device, author="村专员")
    repo = Records(ledger)
    pid, number = post_worker(repo)
    ledger.close()
    for on in ("2026-12-31", "2027-01-31"):
        code, _, err = county.run("--db", county.device, "claim", "create", "--person", number,
                                  "--rule", "welfare_post_subsidy", "--on", on)  # fmt: skip
        assert code == 0, err
    raised = (
        extended.replace('version = "2026.1"', 'version = "2026.2"').replace(
            'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
            'figure = 700\nfigure_document = "七人社通〔2026〕20号"\nfigure_from = 2027-01-01\n'
            'figure_before = 600\nfigure_before_document = "七人社通〔2026〕3号"',
        )
        + '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\ntitle = "关于调整公益性岗位补贴标准的通知"\n'
    )
    assert county.publish(raised)[0] == 0
    code, out, _ = county.deliver()
    assert code == 0 and "政策包已更新" in out
    assert "赵六的乡村公益性岗位补贴（2027年1月）按原标准 600 元申领，现行标准为 700 元" in out, out
    assert "2026年12月" not in out
    assert "审批前请驳回，按现行标准重新申领" in out


@pytest.mark.parametrize("states_its_program", [True, False])
def test_a_pack_from_a_newer_program_is_refused_saying_to_upgrade(
    county: County, states_its_program: bool
) -> None:
    """A county whose hub runs a later fieldapp publishes a pack with what this program does
    not know (a field of a later version). The device kept its pack, as it must, but told the
    coordinator 第 N 行：overrides.figure_steps：不认识的字段（可能拼错了） — a misspelling, in the
    pack's own English, on a pack no one there wrote; it now says the pack needs a newer program,
    and which version when the pack states it (`requires`)."""
    from fieldapp import __version__
    from fieldapp.store.sync_state import SyncState

    assert county.publish(COUNTY_PACK)[0] == 0
    assert NOTICE in county.deliver()[1]
    later = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
        "figure = 500\n", "figure = 450\nfigure_steps = [[2027-01-01, 480]]\n", 1
    )
    if states_its_program:
        later = later.replace('version = "2026.2"\n', 'version = "2026.2"\nrequires = "0.3.0"\n')
    hub = Ledger.open(county.hub / "hub.db")
    identity = SyncState(hub.db).identity()
    assert identity is not None
    hub.close()
    # signed with the hub's own key, as the later program on the hub signs what it publishes
    county.forge(
        PublishedPack("qixingguan", "2026.2", 2, "2026-12-20T10:00:00", later)
        .signed(identity.sign_secret)
        .as_row()
    )

    code, out, err = county.deliver()

    assert code == 0 and "政策包已更新" not in out
    newer = " 0.3.0 版或更新版本的程序" if states_its_program else "更新版本的程序"
    assert f"县里下发的政策包 2026.2 版（第 2 号）要用{newer}才能启用" in err, err
    assert f"本机的程序是 {__version__} 版" in err and "请升级本机程序" in err, err
    assert "仍使用县里下发的政策包 2026.1 版（第 1 号）" in err, err
    for unsaid in ("不认识的字段", "拼错", "figure_steps", "overrides", "requires"):
        assert unsaid not in err, err
    assert county.transport()["amount"] == 500
    assert county.pack()["version"] == "2026.1"


def test_a_pack_file_for_a_newer_program_is_not_published(county: County) -> None:
    """The same pack handed to this program's hub: refused, naming the version it needs."""
    code, _, err = county.publish(
        COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "0.3.0"\n')
    )
    assert code == 2 and "要用 0.3.0 版或更新版本的程序才能签发" in err, err
    assert err.count("未签发") == 1 and "未启用" not in err, err  # said once, as not signed
    code, _, err = county.publish(
        COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "新版"\n')
    )
    assert code == 2 and "requires" in err and "0.3.0" in err, err  # how to write it
    assert (
        county.publish(
            COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "0.2.0"\n')
        )[0]
        == 0
    )


def test_hub_devices_says_which_county_pack_each_device_has_received(county: County) -> None:
    """The county's clerk publishes next year's pack in December and must know, before New
    Year's Day, which villages have it. `hub devices` said when each last synced and how many
    changes it had not confirmed, never which pack it holds; it now names the newest county
    pack each device has confirmed receiving, and says when that is not the one in force."""

    def devices() -> tuple[dict[str, object], str]:
        code, out, _ = county.run("hub", "devices", "--dir", county.hub, "--json")
        assert code == 0
        (item,) = json.loads(out)
        code, text, _ = county.run("hub", "devices", "--dir", county.hub)
        assert code == 0
        return item, text

    def confirm() -> None:  # the device's next bundle tells the hub what it received
        county.serial += 1
        bundle = county.tmp / f"up{county.serial}.fieldsync"
        assert county.run("--db", county.device, "sync", "export", "--out", bundle)[0] == 0
        assert county.run("hub", "import", "--dir", county.hub, bundle)[0] == 0

    assert county.publish(COUNTY_PACK)[0] == 0
    item, text = devices()
    assert item["policy"] is None and "政策包：未收到（现行 2026.1）" in text, text
    # On New Year's Day, among a county's hundreds of lines: who still lacks it, said once.
    assert text.rstrip().endswith("现行政策包 2026.1：1 台设备还没有收到（红星村）"), text
    county.deliver()
    confirm()
    item, text = devices()
    assert item["policy"] == "2026.1" and "政策包：2026.1" in text and "现行" not in text, text
    later = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
    assert county.publish(later)[0] == 0
    item, text = devices()
    assert item["policy"] == "2026.1" and "政策包：2026.1（现行 2026.2，未收到）" in text, text
    assert text.rstrip().endswith("现行政策包 2026.2：1 台设备还没有收到（红星村）"), text
    county.deliver()
    confirm()
    assert devices()[0]["policy"] == "2026.2"


def test_hub_devices_writes_times_as_a_clerk_does(county: County) -> None:
    """`hub devices` printed 最近同步 2026-12-31T18:03:12 (an ISO time, as the JSON keeps it
    for scripts); the text now reads 2026-12-31 18:03, in China time (the JSON's *_china keys)
    whatever zone the hub's computer keeps."""
    county.deliver()
    assert county.run("hub", "revoke", "--dir", county.hub, "--device", "红星村")[0] == 0
    code, out, _ = county.run("hub", "devices", "--dir", county.hub, "--json")
    (item,) = json.loads(out)
    assert "T" in item["last_exchange"] and "T" in item["revoked_at"]  # as scripts read it
    code, text, _ = county.run("hub", "devices", "--dir", county.hub)
    assert code == 0
    assert f"最近同步 {item['last_exchange_china'][:16].replace('T', ' ')}\t" in text, text
    # Who revoked it follows the time (hub_device_events).
    assert f"已注销 {item['revoked_at_china'][:16].replace('T', ' ')}（经办：" in text, text


def test_hub_devices_does_not_say_a_revoked_device_lacks_the_pack(county: County) -> None:
    """A device the county had revoked was listed with 政策包：未收到（现行 2026.1）, as if it still
    had to get it; then with 已注销 … 政策包：已停用 — two words for one state, and 停用 is what
    the clerk does to a person's password. A revoked device's line says 已注销 once and lists
    no pack (it no longer syncs)."""
    assert county.publish(COUNTY_PACK)[0] == 0
    assert county.run("hub", "revoke", "--dir", county.hub, "--device", "红星村")[0] == 0
    code, text, _ = county.run("hub", "devices", "--dir", county.hub)
    assert code == 0
    (line,) = [x for x in text.splitlines() if x.startswith("红星村")]
    assert "已注销" in line and "停用" not in text and "未收到" not in text, text
    assert "政策包" not in line, line
