"""The six attacks of issue 13, made by an enrolled village laptop with validly signed bundles:
each is refused at the hub, held with its rule and reason, reported back to the sender, never
forwarded, while the legitimate changes of the same bundle land."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.hub import rejected as hub_rejected
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import natural_id
from fieldapp.sync.errors import BundleRefused, SyncError
from fieldapp.sync.exchange import import_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.helpers.hostile_county import OTHER, claim, named
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import YEAR_2100_MS, foreign, forge, send


def held_rules(hub) -> dict[str, str]:
    return {f"{h.change.tbl}:{sorted(h.change.data)}": h.rule for h in hub.rejected()}


def test_1_self_approval_is_held_and_the_village_steps_land(county, hub, capsys):
    village, mine = county["village"], county["mine"]
    village.author = "县人社局局长"  # --author: now recorded as 县人社局局长@红星村
    with village.transaction():
        claim_id = village.insert("claims", claim(mine))
    for state in ("已提交", "村审核"):  # the village's own steps
        village.update("claims", claim_id, {"state": state})
    for state in ("乡镇审核", "县审批", "已发放"):  # steps only others may take
        village.update("claims", claim_id, {"state": state})
        with village.transaction():
            village.insert("claim_events", {"claim_id": claim_id, "to_state": state})
    plain = forge(village, "persons", mine, {"notes": "局长批示"}, author="县人社局局长")
    county["exchange"](village, "红星村")
    stored = hub.ledger.get("claims", claim_id)
    assert stored["state"] == "村审核"  # what the village may do landed, nothing further
    rules = [h.rule for h in hub.rejected()]
    assert rules.count("claim_step") >= 2 and "claim_flow" in rules and "author" in rules
    assert hub.ledger.get("persons", mine)["notes"] != "局长批示"
    step = next(h for h in hub.rejected() if h.rule == "claim_step")
    assert "只有县级" in step.reason or "只有乡镇" in step.reason
    # reported back, shown on the device, which still shows its own values until undone
    assert cli(["--db", village.path, "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    reported = {r["change_id"]: r for r in status["rejected"]}
    assert plain.id in reported and reported[plain.id]["rule"] == "author"
    assert all(r["reason"] and r["status"] == "held" for r in reported.values())
    assert village.get("claims", claim_id)["state"] == "已发放"
    # the other laptop of the village never sees the forged steps
    county["exchange"](county["second"], "红星村二号")
    assert county["second"].get("claims", claim_id)["state"] == "村审核"


def test_2_cross_village_writes_are_held_and_never_reach_the_other_village(county, hub):
    village, other, theirs = county["village"], county["other"], county["theirs"]
    heads = hub.ledger.heads("persons", theirs)
    bank = forge(
        village,
        "persons",
        theirs,
        {"account_number": "6222000011112222", "phone": "13000000000"},
        parents={"account_number": heads["account_number"], "phone": heads["phone"]},
    )
    paid = natural_id("claims", "forged", theirs)
    fake = forge(village, "claims", paid, claim(theirs, "已发放", 50000.0))
    legit = forge(village, "persons", county["mine"], {"phone": "13912345678"},
                  parents={"phone": hub.ledger.heads("persons", county["mine"])["phone"]})  # fmt: skip
    before = canonical_dump(other.db)
    county["exchange"](village, "红星村")
    assert hub.ledger.get("persons", county["mine"])["phone"] == "13912345678"  # landed
    rules = {h.change_id: h.rule for h in hub.rejected()}
    assert rules == {bank.id: "scope", fake.id: "pull_in"}
    assert hub.ledger.get("claims", paid) is None
    assert hub.ledger.get("persons", theirs)["account_number"] != "6222000011112222"
    assert hub.violations() == []
    county["exchange"](other, "远村")
    assert canonical_dump(other.db)["persons"] == before["persons"]
    assert other.get("claims", paid) is None
    assert legit.id not in rules


def test_3_reparenting_an_area_is_held_and_answers_carry_no_other_village(county, hub):
    village = county["village"]
    their_area = natural_id("areas", OTHER)
    heads = hub.ledger.heads("areas", their_area)
    forged = forge(village, "areas", their_area, {"parent_code": VILLAGE},
                   parents={"parent_code": heads["parent_code"]})  # fmt: skip
    county["exchange"](village, "红星村")
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (forged.id, "county_table")
    assert hub.ledger.get("areas", their_area)["parent_code"] != VILLAGE
    for _ in range(2):
        county["exchange"](village, "红星村")
    names = {r[0] for r in village.db.execute("SELECT name FROM persons").fetchall()}
    assert not any(n.startswith("王") for n in names)
    assert village.get("persons", county["theirs"]) is None


def test_4_impersonating_the_hub_or_a_revoked_device_is_refused(county, hub, make_device, tmp_path):
    village, mine = county["village"], county["mine"]
    lost = make_device("旧电脑", VILLAGE)
    add_family(lost, VILLAGE, ["105"], surname="赵")
    lost_origin = lost.device_id
    county["exchange"](lost, "旧电脑")
    hub.revoke("旧电脑", by="县里的科员")
    heads = hub.ledger.heads("persons", mine)
    as_hub = foreign(hub.ledger.device_id, 999, "persons", mine, {"phone": "13100000000"},
                     parents={"phone": heads["phone"]})  # fmt: skip
    as_lost = foreign(lost_origin, 50, "persons", mine, {"notes": "旧电脑说的"},
                      author="赵@旧电脑", parents={"notes": heads["notes"]})  # fmt: skip
    legit = forge(village, "persons", mine, {"notes": "本村正常修改"},
                  parents={"notes": heads["notes"]})  # fmt: skip
    result = hub.import_file(send(village, tmp_path / "imp.fs", [as_hub, as_lost]).path)
    assert result.held == 2 and result.new_changes == 1
    rules = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert rules[as_hub.id][0] == "hub_id" and "中心" in rules[as_hub.id][1]
    assert rules[as_lost.id][0] == "foreign_id" and "已注销的设备「旧电脑」" in rules[as_lost.id][1]
    assert hub.ledger.get("persons", mine)["notes"] == "本村正常修改"
    assert hub.ledger.get("persons", mine)["phone"] != "13100000000"
    assert legit.id not in rules
    # Taking over the revoked laptop's change log as a whole is refused, naming the sender.
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(send(village, tmp_path / "takeover.fs", origin=lost_origin).path)
    assert "原属设备「旧电脑」" in str(refused.value) and "红星村" in str(refused.value)
    # The real laptop, found and re-enrolled under its old name with new keys, syncs on.
    hub.enroll("旧电脑", VILLAGE, tmp_path / "found.json", code=ENROL_CODE, by="县里的科员")
    from fieldapp.sync.enrolment import enrol

    enrol(lost, tmp_path / "found.json", code=ENROL_CODE)
    assert lost.device_id == lost_origin
    _, (newcomer,) = add_family(lost, VILLAGE, ["107"], surname="钱")
    county["exchange"](lost, "旧电脑")
    assert hub.ledger.get("persons", newcomer) is not None


def test_5_parents_naming_changes_that_do_not_exist_are_refused(county, hub):
    village, second, mine = county["village"], county["second"], county["mine"]
    nxt = f"{second.device_id}:{_max_seq(second) + 1}"
    forged = forge(village, "persons", mine, {"phone": "13800000000"}, parents={"phone": [nxt]})
    county["exchange"](village, "红星村")
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (forged.id, "parents")
    second.update("persons", mine, {"phone": "13700000000"})  # that very number
    assert f"{second.device_id}:{_max_seq(second)}" == nxt
    county["exchange"](second, "红星村二号")
    assert hub.ledger.get("persons", mine)["phone"] == "13700000000"  # did not vanish


def test_a_number_where_a_name_or_phone_is_text_is_held_and_the_bundle_lands(county, hub):
    """A forged change setting a person's 姓名 to the number 1 passed the value check (the model
    reads a number as text) and stopped the whole bundle at the hub with a traceback of the
    search words (Hypothesis found it: 数据包内容不合格：AttributeError). A number where text is
    stored is held, quoting it; the bundle's honest change lands."""
    village, mine = county["village"], county["mine"]
    name = village.get("persons", mine)["name"]
    forged = [
        forge(village, "persons", mine, {"name": 1}),
        forge(village, "persons", mine, {"phone": 13800000000}),
    ]
    village.update("persons", mine, {"notes": "电话已核实"})
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    for change in forged:
        assert held[change.id].rule == "malformed", held[change.id].reason
    assert "姓名「1」不是文字" in held[forged[0].id].reason, held[forged[0].id].reason
    row = hub.ledger.get("persons", mine)
    assert row["name"] == name and row["notes"] == "电话已核实"


def _max_seq(ledger) -> int:
    row = ledger.db.execute(
        "SELECT max(seq) FROM changes WHERE device_id = ?", [ledger.device_id]
    ).fetchone()
    return int(row[0] or 0)


def test_6_a_malformed_claim_is_held_and_every_hub_command_still_runs(county, hub, capsys):
    village, mine = county["village"], county["mine"]
    bad = natural_id("claims", "bad", mine)
    forged = forge(village, "claims", bad, claim(mine) | {"state": "完全不存在", "amount": "abc"})
    county["exchange"](village, "红星村")
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (forged.id, "malformed")
    assert hub.ledger.get("claims", bad) is None
    root = str(hub.root)
    hub.close()
    for argv in (
        ["hub", "violations", "--dir", root],
        ["hub", "violations", "--dir", root, "--json"],
        ["hub", "rejected", "--dir", root],
        ["hub", "rejected", "--dir", root, "--json"],
        ["hub", "devices", "--dir", root, "--json"],
        [
            "hub",
            "export",
            "--dir",
            root,
            "--device",
            "红星村",
            "--out",
            str(county["tmp"] / "x.fs"),
        ],
    ):
        assert cli(argv) == 0, argv
    listed = json.loads(_last_json(capsys, ["hub", "rejected", "--dir", root, "--json"]))
    assert {"id", "device", "author", "table", "row_id", "fields", "reason", "received_at"} <= set(
        listed[0]
    )
    assert listed[0]["table"] == "claims" and listed[0]["fields"] == sorted(forged.data)


def _last_json(capsys, argv) -> str:
    capsys.readouterr()
    assert cli(argv) == 0
    return capsys.readouterr().out


def test_a_county_reviewer_accepts_or_dismisses_and_the_device_hears_of_it(county, hub, capsys):
    village = county["village"]
    other, theirs = county["other"], county["theirs"]
    heads = hub.ledger.heads("persons", theirs)
    fix = forge(village, "persons", theirs, {"phone": "13600000000"},
                parents={"phone": heads["phone"]})  # fmt: skip
    prank = forge(village, "persons", theirs, {"notes": "乱写"},
                  parents={"notes": heads["notes"]})  # fmt: skip
    county["exchange"](village, "红星村")
    by_change = {h.change_id: h for h in hub.rejected()}
    root = str(hub.root)
    code = cli(["hub", "rejected", "--dir", root,
                "--accept", str(by_change[fix.id].id), "--reason", "电话核实无误"])  # fmt: skip
    assert code == 0
    # (a hub without users: the decision is the computer account's, said so)
    assert "提示：本中心没有用户" in capsys.readouterr().err
    # Without a reason: a usage mistake (2), nothing decided.
    assert cli(["hub", "rejected", "--dir", root, "--dismiss", str(by_change[prank.id].id)]) == 2
    assert "必须写明原因" in capsys.readouterr().err
    code = cli(["hub", "rejected", "--dir", root,
                "--dismiss", str(by_change[prank.id].id), "--reason", "不是本村的人"])  # fmt: skip
    assert code == 0
    again = cli(["hub", "rejected", "--dir", root, "--accept", str(by_change[fix.id].id)])
    assert again == 1 and "已处理" in capsys.readouterr().err
    from fieldapp.hub.folder import Hub

    reopened = Hub.open(hub.root)
    person = reopened.ledger.get("persons", theirs)
    assert person["phone"] == "13600000000"
    account = reopened.ledger.author  # no user: the computer's account
    assert person["updated_by"] == f"电脑账户 {account}（接受 红星村员＠红星村）@县级汇总中心"
    assert person["notes"] != "乱写"
    reopened.close()
    # The other village gets the county's accepted value; the sender hears both decisions.
    county["exchange"](other, "远村")
    assert other.get("persons", theirs)["phone"] == "13600000000"
    county["exchange"](village, "红星村")
    assert cli(["--db", village.path, "sync", "status", "--json"]) == 0
    reports = {r["change_id"]: r for r in json.loads(capsys.readouterr().out)["rejected"]}
    assert reports[fix.id]["status"] == "accepted" and reports[fix.id]["undone"]
    assert reports[prank.id]["status"] == "dismissed"
    assert reports[prank.id]["decision"] == "不是本村的人"
    # Said as what happened: held, then accepted as the county's own change, this device's copy
    # withdrawn for it (it said "县里未接受的修改：…；县里已接受…；本机已撤销").
    from fieldapp.domain.dates import china_minute
    from fieldapp.sync import rejected

    items = {i["change_id"]: i for i in rejected.rejected_changes(village)}
    said = rejected.describe(items[fix.id])
    minute = china_minute(items[fix.id]["undone_at"])
    # (whose: this device no longer holds the other village's person, its copy withdrawn)
    assert said.startswith("县里扣下审核的修改：人员信息（联系电话为“13600000000”）"), said
    assert said.endswith(
        "；县里已接受，记作县里自己的修改：电话核实无误"
        f"；本机原来的这条已撤下（{minute}），以县里记下的为准"
    ), said
    assert "未接受" not in said and "本机已撤销" not in said, said
    assert rejected.describe(items[prank.id]).startswith("县里未接受的修改："), items[prank.id]


def test_a_change_undone_here_and_then_accepted_by_the_county_stands_as_the_countys(
    county, hub, capsys
):
    """The user took a held change back here; the county then accepted it. The county's copy
    reaches the device and stands (the undo does not hold against it), and the line says so:
    not "县里已接受…；本机已撤销", which read as if the device's undo had won."""
    from fieldapp.domain.dates import china_minute
    from fieldapp.sync import rejected
    from tests.helpers.stamps import _month_ahead

    village, mine = county["village"], county["mine"]
    heads = hub.ledger.heads("persons", mine)
    # Stamped a month ahead (its laptop's date was wrong): held, and the county may accept it.
    fix = forge(village, "persons", mine, {"phone": "13600000001"},
                parents={"phone": heads["phone"]}, hlc=_month_ahead())  # fmt: skip
    county["exchange"](village, "红星村")
    (held,) = [h for h in hub.rejected() if h.change_id == fix.id]
    assert held.rule == "stamped_ahead", held.reason
    assert rejected.undo(village, [fix.id]) == 1
    assert village.get("persons", mine)["phone"] != "13600000001"
    (item,) = [i for i in rejected.rejected_changes(village) if i["change_id"] == fix.id]
    assert rejected.describe(item).endswith(
        f"；县里待审核；本机已撤销（{china_minute(item['undone_at'])}）"
    )
    hub.accept(held.id, "王科长", "电话核实无误")
    county["exchange"](village, "红星村")
    assert village.get("persons", mine)["phone"] == "13600000001"  # the county's copy stands
    (item,) = [i for i in rejected.rejected_changes(village) if i["change_id"] == fix.id]
    minute = china_minute(item["undone_at"])
    assert cli(["--db", village.path, "sync", "status"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith(f"{held.id}. "))
    assert line.endswith(
        f"；县里已接受，记作县里自己的修改：电话核实无误；本机原来的这条已撤下（{minute}），以县里记下的为准"
    ), line


def test_undo_on_the_device_brings_it_back_in_line(county, hub, capsys):
    village, mine = county["village"], county["mine"]
    original = village.get("persons", mine)["relation"]
    bad = forge(village, "persons", mine, {"relation": "邻居"},
                parents={"relation": hub.ledger.heads("persons", mine)["relation"]})  # fmt: skip
    later = village.update("persons", mine, {"notes": "后来的正常修改"})
    county["exchange"](village, "红星村")
    assert hub.ledger.get("persons", mine)["notes"] == "后来的正常修改"
    assert [h.change_id for h in hub.rejected()] == [bad.id]
    assert village.get("persons", mine)["relation"] == "邻居"
    code = cli(["--db", village.path, "sync", "undo", str(hub.rejected()[0].id)])
    assert code == 0 and "已在本机撤销 1 条" in capsys.readouterr().out
    from fieldapp.store.ledger import Ledger

    village = Ledger.open(village.path)
    assert village.get("persons", mine)["relation"] == original
    assert village.projector.load_change(bad.id) is not None  # still in the log
    assert later is not None
    county["exchange"](village, "红星村")
    here, there = canonical_dump(village.db), canonical_dump(hub.ledger.db)
    held_by_village = {row["id"] for row, _heads in here["persons"]}
    assert here["persons"] == [r for r in there["persons"] if r[0]["id"] in held_by_village]
    assert here["conflicts"] == [] == there["conflicts"]
    village.close()


def test_a_coordinator_cannot_be_enrolled_as_the_county(tmp_path, hub):
    with pytest.raises(SyncError):
        hub.enroll(
            "红星村",
            "520502",
            tmp_path / "x.json",
            Role.COORDINATOR,
            code=ENROL_CODE,
            by="县里的科员",
        )


def test_hub_year_2100_stamp_cannot_win_through_the_hubs_name(county, hub, tmp_path):
    village, mine = county["village"], county["mine"]
    from fieldapp.store.hlc import format_stamp

    before = hub.ledger.get("persons", mine)
    change = forge(village, "persons", mine, {"phone": "13500000000"},
                   hlc=format_stamp(YEAR_2100_MS, 0),
                   parents={"phone": hub.ledger.heads("persons", mine)["phone"]})  # fmt: skip
    county["exchange"](village, "红星村")
    # its own id, but no clock follows it: held (`stamped_ahead`), it would win every edit of
    # the phone made without seeing it until 2100 and show 2100 as the row's 修改时间
    held = {h.change_id: h for h in hub.rejected()}
    assert held[change.id].rule == "stamped_ahead", held[change.id].reason
    assert "2100-01-01" in held[change.id].reason
    row = hub.ledger.get("persons", mine)
    assert row["phone"] == before["phone"] and row["updated_at"] == before["updated_at"]
    county["exchange"](county["second"], "红星村二号")
    county["second"].update("persons", mine, {"phone": "13400000000"})
    county["exchange"](county["second"], "红星村二号")
    assert hub.ledger.get("persons", mine)["phone"] == "13400000000"


def test_a_household_whose_head_is_created_later_in_the_bundle_lands(county, hub):
    """A household written with its head before the head's person row (the demo and bulk
    imports do so) is judged by its area; the head is judged when it comes. A link to a row
    of the same bundle never places a row: a visit naming a person the bundle puts in another
    village lands in its own household, and that person is held."""
    from tests.conftest import make_id

    village = county["village"]
    home = natural_id("households", "bundle-home")
    head = natural_id("persons", "bundle-head")
    stranger = natural_id("persons", "bundle-stranger")
    forge(village, "households", home,
          {"area_code": VILLAGE, "address": "三组", "head_person_id": head})  # fmt: skip
    forge(village, "persons", head, {"household_id": home, "name": "孙一",
                                     "id_number": make_id(seq="311"), "relation": "户主"})  # fmt: skip
    visit = forge(village, "visits", natural_id("visits", "bundle-visit"),
                  {"household_id": home, "person_id": stranger, "visit_date": "2026-11-30"})  # fmt: skip
    theirs = hub.ledger.get("persons", county["theirs"])["household_id"]
    pulled = forge(village, "persons", stranger, {"household_id": theirs, "name": "钱二",
                                                  "id_number": make_id(seq="313")})  # fmt: skip
    county["exchange"](village, "红星村")
    assert hub.ledger.get("households", home)["head_person_id"] == head
    assert hub.ledger.get("persons", head)["name"] == "孙一"
    assert hub.ledger.get("visits", visit.row_id) is not None
    assert {h.change_id: h.rule for h in hub.rejected()} == {pulled.id: "pull_in"}
    assert hub.ledger.get("persons", stranger) is None


def test_an_author_with_control_characters_is_held_and_never_reaches_a_terminal(
    county, hub, capsys
):
    """An author that ends in @红星村 but carries a line break and terminal escapes passed the
    author rule: it landed, went to every device, and wrote a fake line (and cleared the
    screen) in each `hub rejected` or `person show --history`. It is held like any other
    impersonation, and the listing shows it escaped."""
    village, mine = county["village"], county["mine"]
    sneaky = "张三\x1b[2J\n2. [已接受] 县人社局局长\u202e@红星村"
    forged = forge(village, "persons", mine, {"notes": "伪造"}, author=sneaky)
    # A value the reason quotes: escapes, and a page of text.
    flood = forge(village, "households", "h-flood", {"area_code": "\x1b[2J" + "x" * 5000})
    bad_id = forge(village, "persons", mine, {"id_number": "\x1b[2J5205"})
    county["exchange"](village, "红星村")
    rules = {h.change_id: h.rule for h in hub.rejected()}
    assert rules[forged.id] == "author" and flood.id in rules
    assert hub.ledger.get("persons", mine)["notes"] != "伪造"
    assert cli(["hub", "rejected", "--dir", str(hub.root)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(len(line) < 500 for line in lines)
    # Not even the county may take a malformed value: told so, escaped.
    (malformed,) = [h for h in hub.rejected() if h.change_id == bad_id.id]
    assert cli(["hub", "rejected", "--dir", str(hub.root), "--accept", str(malformed.id)]) == 1
    err = capsys.readouterr().err
    assert "不能接受" in err and "\x1b" not in err
    # The clerk's own long decision still fits the answer (a report over 2000 characters
    # stopped every answer to the device with a traceback). The page itself is no area code:
    # held as malformed, its reason quotes it cut short (it was quoted whole as a place).
    held = next(h for h in hub.rejected() if h.change_id == flood.id)
    assert held.rule == "malformed" and len(held.reason) < 300
    assert cli(["hub", "rejected", "--dir", str(hub.root), "--dismiss", str(held.id),
                "--reason", "不是本村的户。" * 400])  == 0  # fmt: skip
    county["exchange"](village, "红星村")
    status = _last_json(capsys, ["--db", village.path, "sync", "status", "--json"])
    (report,) = [r for r in json.loads(status)["rejected"] if r["change_id"] == flood.id]
    assert report["status"] == "dismissed" and report["decision"].startswith("不是本村的户。")


def test_the_clerk_reads_who_a_held_change_is_about_not_its_ids(county, hub, capsys):
    """`hub rejected` named the person by the row's UUID (人员信息 01a2…-…) and an accepted
    change by the hub's change id (423c…:1); the clerk now reads the person's name."""
    village, theirs = county["village"], county["theirs"]
    heads = hub.ledger.heads("persons", theirs)
    forge(village, "persons", theirs, {"phone": "13600000000"}, parents={"phone": heads["phone"]})
    county["exchange"](village, "红星村")
    (held,) = hub.rejected()
    name = hub.ledger.get("persons", theirs)["name"]
    root = str(hub.root)
    assert cli(["hub", "rejected", "--dir", root]) == 0
    out = capsys.readouterr().out
    assert f"{name}的人员信息（联系电话为“13600000000”）" in out and theirs not in out
    assert cli(["hub", "rejected", "--dir", root, "--accept", str(held.id)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"已接受第 {held.id} 条") and ":" not in out
    assert hub.ledger.device_id not in out


def test_a_forged_recipient_name_is_told_escaped(county, hub, tmp_path):
    """The signed manifest's recipient name is the device's to write: terminal escapes in it
    reached the clerk's screen in 数据包不是发给本机的：收件人为 …."""
    village = county["village"]
    with village.transaction():
        village.db.execute("UPDATE sync_peers SET name = ? WHERE role = 'hub'", ["\x1b[2J中心"])
    out = send(village, tmp_path / "forged-recipient.fs").path
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(out)
    assert refused.value.code == "wrong_recipient"
    assert "\x1b" not in str(refused.value) and "\\u001b[2J中心" in str(refused.value)


def test_hub_import_says_how_many_changes_it_held(county, hub, tmp_path, capsys):
    """A stick's bundle with changes the rules refused read 已导入 …，3 条修改，其中新的 0 条
    and nothing more: the clerk did not learn that anything waited for review."""
    village, theirs = county["village"], county["theirs"]
    forge(village, "persons", theirs, {"notes": "乱写"})
    forge(village, "persons", county["mine"], {"notes": "本村的"})
    bundle = send(village, tmp_path / "stick.fs").path
    assert cli(["hub", "import", "--dir", str(hub.root), str(bundle)]) == 0
    out = capsys.readouterr().out
    assert "其中新的 1 条" in out and "另有 1 条不合规定，扣下待审核" in out
    assert "hub rejected" in out


def test_a_bundle_number_past_what_the_hub_can_store_is_refused_as_tampered(county, hub, tmp_path):
    """A signed manifest claiming to have received answer 10**30 (the hub now takes a higher
    number than it sent as a sign it was restored from a backup) must not reach the ledger's
    integers: it read 数据包内容不合格：OverflowError: Python int too large …"""
    from fieldapp.store.changelog import dumps
    from fieldapp.sync import crypto
    from tests.sync.helpers import keys_of, repack, unpack

    village = county["village"]
    honest = send(village, tmp_path / "honest.fs").path
    parts = unpack(honest, hub.ledger)
    manifest = json.loads(parts["manifest.json"])
    manifest["received"] = 10**30
    parts["manifest.json"] = dumps(manifest).encode("utf-8")
    parts["manifest.sig"] = crypto.sign(parts["manifest.json"], keys_of(village).sign_secret)
    forged = repack(parts, hub.ledger, honest, tmp_path / "huge.fs")
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(forged)
    assert refused.value.code == "tampered" and "Error" not in str(refused.value)


def test_the_county_cannot_accept_a_household_whose_area_code_is_not_a_code(county, hub, capsys):
    """A household placed at "abc" was held (outside the village), but `hub rejected --accept`
    wrote it into the county's ledger: the hub's own scope covers everything and the model
    took any text as an area code. One placed at the village's code with letters after it lay
    "inside" the village and landed without review. Both are now malformed values: held,
    and the county is told which household and which field before it could accept."""
    village = county["village"]
    outside = forge(village, "households", "h-abc", {"area_code": "abc", "address": "三组"})
    inside = forge(
        village, "households", "h-long", {"area_code": VILLAGE + "x9", "address": "四组"}
    )
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert {outside.id, inside.id} <= set(held)
    assert held[inside.id].rule == "malformed"
    assert hub.ledger.get("households", "h-long") is None
    root = str(hub.root)
    for change, address in ((outside, "三组"), (inside, "四组")):
        capsys.readouterr()
        assert cli(["hub", "rejected", "--dir", root, "--accept", str(held[change.id].id)]) == 1
        err = capsys.readouterr().err
        assert f"（{address}的户信息）不能接受" in err and "所在区域" in err, err
        assert "应为 6、9、12 或 15 位数字" in err
        assert "Traceback" not in err
    assert hub.ledger.get("households", "h-abc") is None
    assert {h.status for h in hub.rejected() if h.change_id in (outside.id, inside.id)} == {"held"}


def test_a_damaged_held_change_is_listed_and_dismissed_and_stops_no_answer(county, hub, capsys):
    """A held change whose stored values are no longer JSON (a disk fault, a hand edit) made
    `hub rejected` a traceback, and every answer to its device failed: the device could not
    sync again and the clerk could not even see the change to dismiss it. It is now listed as
    damaged, cannot be accepted, can be dismissed, and the device's answers go on."""
    village, mine = county["village"], county["mine"]
    forged = forge(village, "persons", mine, {"notes": "局长批示"}, author="县人社局局长")
    county["exchange"](village, "红星村")
    (held,) = [h for h in hub.rejected() if h.change_id == forged.id]
    with hub.ledger.transaction():
        # A hand edit goes around the guard that keeps a held change's facts (store/trails.py).
        hub.ledger.db.execute("DROP TRIGGER held_changes_facts_kept")
        hub.ledger.db.execute("UPDATE held_changes SET data = '{damaged' WHERE id = ?", [held.id])
    root = str(hub.root)
    capsys.readouterr()
    assert cli(["hub", "rejected", "--dir", root]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith(f"{held.id}.")]
    assert "内容已损坏" in line
    listed = json.loads(_last_json(capsys, ["hub", "rejected", "--dir", root, "--json"]))
    assert [i["damaged"] for i in listed if i["id"] == held.id] == [True]
    assert cli(["hub", "rejected", "--dir", root, "--accept", str(held.id)]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "不予采纳" in err and "Traceback" not in err
    county["exchange"](village, "红星村")  # the answer to the device is made as before
    code = cli(["hub", "rejected", "--dir", root, "--dismiss", str(held.id), "--reason", "已损坏"])
    assert code == 0
    county["exchange"](village, "红星村")
    status = _last_json(capsys, ["--db", village.path, "sync", "status", "--json"])
    (report,) = [r for r in json.loads(status)["rejected"] if r["change_id"] == forged.id]
    assert report["status"] == "dismissed"


def test_a_person_named_before_a_household_of_another_village_is_held_with_it(
    county, hub, tmp_path
):
    """The hub looks again at a change whose household comes later in its bundle (a ledger
    filled before enrolment logs people first). A hostile village uses that order: a person
    first, then their household placed in another village. Both are held; nothing reaches the
    other village's rows at the hub or on its device."""
    village, other = county["village"], county["other"]
    forge(village, "persons", "p-forged", {"name": "冒名", "household_id": "h-forged",
          "id_number": "520502199001011234", "relation": "户主"})  # fmt: skip
    forge(village, "households", "h-forged", {"area_code": OTHER, "address": "远村",
          "head_person_id": "p-forged"})  # fmt: skip
    county["exchange"](village, "红星村")
    held = {(h.change.tbl, h.change.row_id): h.rule for h in hub.rejected()}
    assert held.get(("households", "h-forged")) == "pull_in", held
    assert ("persons", "p-forged") in held, held
    assert hub.ledger.get("persons", "p-forged") is None
    assert hub.ledger.get("households", "h-forged") is None
    county["exchange"](other, "远村")
    assert other.get("persons", "p-forged") is None


@pytest.mark.today("2026-12-03")
def test_a_claim_for_next_june_is_held_never_landing_nor_reaching_the_village(
    county, hub, tmp_path, capsys
):
    """A tampered program on 红星村's laptop (today 2026-12-03) claims next June's subsidy
    for its own person, in a validly signed bundle, beside an honest edit: the hub holds the
    claim (`claim_future`, by the hub's own clock — the device dated it as it liked), never
    applies or forwards it, says why to the device and the county; the honest edit lands."""
    village, second, mine = county["village"], county["second"], county["mine"]
    june = claim(mine) | {"claim_date": "2027-06-05", "person_name": "张三",
                          "rule_title": "乡村公益性岗位补贴", "amount": 600.0,
                          "limit_key": f"welfare_post|{mine}|month:2027-06"}  # fmt: skip
    ahead = forge(village, "claims", natural_id("claims", "forged", "june"), june)
    honest = village.update("persons", mine, {"notes": "已核实"})
    upload = send(village, tmp_path / "forged.fs")
    hub.import_file(upload.path)
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (ahead.id, "claim_future")
    assert "张三的乡村公益性岗位补贴（2027年6月）" in held.reason
    assert "2027年6月5日还没有到" in held.reason and "中心收到时是2026年12月3日" in held.reason
    assert hub.ledger.get("claims", ahead.row_id) is None  # never projected
    assert hub.ledger.get("persons", mine)["notes"] == "已核实"  # the good change landed
    assert honest is not None
    # The device hears why; the county's reviewer reads it; the other laptop never gets it.
    import_bundle(village, hub.export_for("红星村", tmp_path / "answer.fs").path)
    status = _last_json(capsys, ["--db", village.path, "sync", "status", "--json"])
    (report,) = [r for r in json.loads(status)["rejected"] if r["change_id"] == ahead.id]
    assert report["rule"] == "claim_future" and "还没有到" in report["reason"]
    out = _last_json(capsys, ["hub", "rejected", "--dir", str(hub.root)])
    assert "申领日期还没有到" in out or "还没有到" in out
    county["exchange"](second, "红星村二号")
    assert second.get("claims", ahead.row_id) is None
    assert second.get("persons", mine)["notes"] == "已核实"


@pytest.mark.today("2027-06-05")
def test_the_same_claim_arriving_in_june_lands(county, hub, tmp_path):
    """The hub judges by the day the bundle arrives: June's claim sent in June lands."""
    village, mine = county["village"], county["mine"]
    june = claim(mine) | {"claim_date": "2027-06-05"}
    made = forge(village, "claims", natural_id("claims", "forged", "june"), june)
    hub.import_file(send(village, tmp_path / "june.fs").path)
    assert [(h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("claims", made.row_id)["claim_date"] == "2027-06-05"


@pytest.mark.today("2026-12-03")
def test_a_claim_held_as_not_yet_due_is_accepted_only_from_its_day(  # noqa: PLR0915
    county, hub, tmp_path, capsys, qapp
):
    """`hub rejected --accept` took next June's claim, held as claim_future, in December: the
    county's reviewer paid for work not yet done all the same. Now refused, in Chinese, saying
    from which day it may be accepted or that it may be dismissed; it stays held, and from
    that day the same accept lands."""
    import time_machine

    from fieldapp.domain.dates import CHINA

    village, mine = county["village"], county["mine"]
    # Named as the program names it: once due, accepting it judges it whole (claim_rule too).
    june = named(claim(mine) | {"claim_date": "2027-06-05", "person_name": "张0"})
    ahead = forge(village, "claims", natural_id("claims", "forged", "june"), june)
    hub.import_file(send(village, tmp_path / "forged.fs").path)
    (held,) = hub.rejected()
    assert held.rule == "claim_future"
    root = str(hub.root)
    capsys.readouterr()
    assert cli(["hub", "rejected", "--dir", root, "--accept", str(held.id)]) == 1
    err = capsys.readouterr().err
    assert "不能接受" in err and "从2027年6月5日起" in err and "不予采纳" in err
    assert "还没有到" in err and "中心今天是2026年12月3日" in err
    # Its sentence (a county desktop in English says it in English; the other refusals of a
    # decision are said by tests.hub.test_held_decision_refusals_said).
    with pytest.raises(SyncError) as refused:
        hub_rejected.accept(hub, held.id, "科员")
    said = refused.value.said
    assert said is not None and said.template == hub_rejected.NOT_YET_ACCEPTED, str(refused.value)
    assert str(refused.value) in err
    why = said.parts[2]
    assert isinstance(why, Sentence) and why.template == hub_rejected.NOT_DUE_YET, said
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        shown = sentence_shown(said)
    assert "cannot be accepted yet: the claim date " in shown, shown
    assert "; it can be accepted from " in shown and "It can also be dismissed" in shown, shown
    assert "申领日期" not in shown and "中心今天" not in shown, shown
    (still,) = hub.rejected()
    assert still.status == "held" and hub.ledger.get("claims", ahead.row_id) is None
    with time_machine.travel(dt.datetime(2027, 6, 5, 12, tzinfo=CHINA), tick=True):
        assert cli(["hub", "rejected", "--dir", root, "--accept", str(held.id)]) == 0
    assert hub.ledger.get("claims", ahead.row_id)["claim_date"] == "2027-06-05"


def _stamp_on(day: str) -> str:
    """A change-log stamp of noon, China time, on `day`: the creation day a device claims."""
    from fieldapp.domain.dates import CHINA
    from fieldapp.store.hlc import format_stamp

    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), tzinfo=CHINA)
    return format_stamp(int(moment.timestamp() * 1000), 0)


@pytest.mark.today("2027-06-05")
def test_a_claim_whose_made_on_day_is_forged_is_held(county, hub, tmp_path):
    """A claim's 申请日期 (printed on its form, counted in the year's report) is the day its
    row was created: the creating change's stamp, which the sending laptop writes as it likes.
    A tampered program sent June's claim stamped as made in March — before its own claim
    date, which no laptop can write (a claim is never made before its day) — and another
    stamped as made in 2100 (out of every report until then); both landed, their 申请日期 as
    forged. The hub now holds them (`claim_made`), by its own clock; the honest one lands."""
    village, mine = county["village"], county["mine"]
    june = claim(mine) | {"claim_date": "2027-06-05", "person_name": "张三",
                          "rule_title": "交通补贴"}  # fmt: skip
    early = forge(village, "claims", natural_id("claims", "forged", "march"), june,
                  hlc=_stamp_on("2027-03-01"))  # fmt: skip
    late = forge(village, "claims", natural_id("claims", "forged", "2100"), june,
                 hlc=_stamp_on("2100-01-01"))  # fmt: skip
    hub.import_file(send(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {early.id, late.id}, [(h.rule, h.reason) for h in held.values()]
    assert {h.rule for h in held.values()} == {"claim_made"}
    assert "2027-03-01" in held[early.id].reason and "2027-06-05" in held[early.id].reason
    assert "2100-01-01" in held[late.id].reason and "张三" in held[late.id].reason
    for change in (early, late):
        assert hub.ledger.get("claims", change.row_id) is None


@pytest.mark.today("2027-06-05")
def test_a_kept_made_on_day_that_its_creating_stamp_belies_is_held(county, hub, tmp_path):
    """A claim keeps the day its laptop made it (`applied_on`, its 申请日期) and was judged by
    that day alone; its creating change's stamp — the same laptop's clock at the same moment —
    was then not looked at. A tampered program sent a claim saying it was made today, stamped
    in March (its 创建时间 and history before its own claim date), and one stamped today saying
    it was made in March (moved into a month, and a report, already handed in): both landed.
    The day kept must now agree with its creating stamp, a day either way (a clock carried a
    day ahead by a sync, a zone ahead of China's): both are held (`claim_made`); the honest
    claim, and a day kept a day off its stamp, land. A later change setting the kept day is
    judged against the stamp that made the row."""
    village, mine = county["village"], county["mine"]
    march = named(claim(mine) | {"claim_date": "2027-03-01", "person_name": "张0"})
    stamped_early = forge(village, "claims", natural_id("claims", "forged", "stamped"),
                          march | {"applied_on": "2027-06-05"},
                          hlc=_stamp_on("2027-03-01"))  # fmt: skip
    kept_early = forge(village, "claims", natural_id("claims", "forged", "kept"),
                       march | {"applied_on": "2027-03-01"})  # fmt: skip
    honest = forge(village, "claims", natural_id("claims", "honest", "june"),
                   march | {"applied_on": "2027-06-05"})  # fmt: skip
    carried = forge(village, "claims", natural_id("claims", "honest", "carried"),
                    march | {"applied_on": "2027-06-04"})  # fmt: skip
    hub.import_file(send(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {stamped_early.id, kept_early.id}, [h.reason for h in held.values()]
    assert {h.rule for h in held.values()} == {"claim_made"}
    said = held[stamped_early.id].reason
    assert "2027-06-05" in said and "2027-03-01" in said and "张0" in said, said
    said = held[kept_early.id].reason
    assert "2027-03-01" in said and "2027-06-05" in said, said
    assert hub.ledger.get("claims", honest.row_id)["applied_on"] == "2027-06-05"
    assert hub.ledger.get("claims", carried.row_id)["applied_on"] == "2027-06-04"
    heads = village.heads("claims", honest.row_id)
    redated = forge(village, "claims", honest.row_id, {"applied_on": "2027-03-01"},
                    parents={"applied_on": heads["applied_on"]})  # fmt: skip
    hub.import_file(send(village, tmp_path / "redated.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[redated.id].rule == "claim_made", held[redated.id].reason
    assert hub.ledger.get("claims", honest.row_id)["applied_on"] == "2027-06-05"


@pytest.mark.today("2027-06-06")
def test_a_claim_made_just_after_midnight_on_a_utc_laptop_lands(county, hub, tmp_path):
    """A laptop keeping UTC makes a claim dated by China's day (2027-06-06) at 01:00 China
    time — 2027-06-05 by its own clock: its creation day, counted as China counts it, is its
    claim's day; not held."""
    from fieldapp.domain.dates import CHINA
    from fieldapp.store.hlc import format_stamp

    village, mine = county["village"], county["mine"]
    moment = dt.datetime(2027, 6, 6, 1, tzinfo=CHINA)
    made = forge(village, "claims", natural_id("claims", "forged", "night"),
                 claim(mine) | {"claim_date": "2027-06-06"},
                 hlc=format_stamp(int(moment.timestamp() * 1000), 0))  # fmt: skip
    hub.import_file(send(village, tmp_path / "night.fs").path)
    assert [(h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("claims", made.row_id) is not None


@pytest.mark.today("2027-06-05")
def test_a_claim_for_a_subsidy_no_policy_holds_is_held(county, hub, tmp_path):
    """A tampered program claimed 99999 元 for 张三 under a subsidy of its own making (a rule
    the county's policy does not hold: no figure, no condition to judge it by) and passed it
    on to 村审核: both landed on the hub, on their way to the township. The hub now holds the
    claim (`claim_rule`), saying so in the clerk's words; the step on it has nothing to build
    on and is held too."""
    village, mine = county["village"], county["mine"]
    bogus = claim(mine) | {"claim_date": "2027-06-05", "rule_id": "made_up", "amount": 99999.0,
                           "limit_key": f"made_up|{mine}|ever", "state": "已提交",
                           "person_name": "张三", "rule_title": "特别补贴"}  # fmt: skip
    made = forge(village, "claims", natural_id("claims", "forged", "bogus"), bogus)
    forge(village, "claims", made.row_id, {"state": "村审核"},
          parents={"state": village.heads("claims", made.row_id)["state"]})  # fmt: skip
    hub.import_file(send(village, tmp_path / "bogus.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[made.id].rule == "claim_rule", [(h.rule, h.reason) for h in held.values()]
    assert "张三" in held[made.id].reason and "特别补贴" in held[made.id].reason
    assert "made_up" not in held[made.id].reason
    assert len(held) == 2
    assert hub.ledger.get("claims", made.row_id) is None


@pytest.mark.today("2027-06-10")
def test_a_claim_redated_by_a_later_change_stamped_before_it_is_held(county, hub, tmp_path):
    """A claim's 申请日期 is the stamp of the change that made its row — of the earliest change
    of the row the ledger holds. The hub judged the creating change's stamp (`claim_made`), but
    a tampered program sent an honest June claim, and once it landed a small change to it (a
    reason for missing papers) stamped in March: the row's creation was re-dated to March —
    before its own claim date, out of June's report and into a month already handed in. Such a
    change is now held (`claim_made`) as the creating one is; an honest later change lands."""
    village, mine = county["village"], county["mine"]
    june = claim(mine) | {"claim_date": "2027-06-05"}
    made = forge(village, "claims", natural_id("claims", "honest", "june"), june,
                 hlc=_stamp_on("2027-06-05"))  # fmt: skip
    hub.import_file(send(village, tmp_path / "june.fs").path)
    assert hub.rejected() == []
    assert hub.ledger.get("claims", made.row_id)["created_at"][:10] == "2027-06-05"
    heads = village.heads("claims", made.row_id)
    early = forge(village, "claims", made.row_id, {"missing_evidence_reason": "后补"},
                  parents={"missing_evidence_reason": heads["missing_evidence_reason"]},
                  hlc=_stamp_on("2027-03-01"))  # fmt: skip
    hub.import_file(send(village, tmp_path / "march.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {early.id}
    assert held[early.id].rule == "claim_made", held[early.id].reason
    assert "2027-03-01" in held[early.id].reason
    assert hub.ledger.get("claims", made.row_id)["created_at"][:10] == "2027-06-05"
    later = forge(village, "claims", made.row_id, {"missing_evidence_reason": "六月后补"},
                  parents={"missing_evidence_reason": [early.id]})  # fmt: skip
    hub.import_file(send(village, tmp_path / "later.fs").path)
    assert later.id not in {h.change_id for h in hub.rejected()}
    row = hub.ledger.get("claims", made.row_id)
    assert row["missing_evidence_reason"] == "六月后补" and row["created_at"][:10] == "2027-06-05"


def test_a_paid_claim_taken_out_of_its_batch_is_held(county, hub, tmp_path):
    """A claim is paid by its batch's 花名册; a batch made afterwards takes every claim of its
    subsidy past the draft that has no batch — 已发放 ones included. A tampered program took
    张三's paid claim out of its batch (批次 emptied): it landed, and the next batch printed
    him on its 花名册 again, to be paid twice. A paid claim's batch is now kept (claim_locked),
    on every device and at the hub; the honest paid claim stays in its batch."""
    village, mine = county["village"], county["mine"]
    with village.transaction():
        claim_id = village.insert("claims", claim(mine))
    county["exchange"](village, "红星村")
    with hub.ledger.transaction():
        batch = hub.ledger.insert(
            "batches", {"rule_id": "transport_cross_county", "area_code": VILLAGE[:9],
                        "title": "交通补助第一批"})  # fmt: skip
    hub.ledger.update("claims", claim_id, {"state": "已发放", "batch_id": batch})
    county["exchange"](village, "红星村")
    assert village.get("claims", claim_id)["batch_id"] == batch
    out = forge(village, "claims", claim_id, {"batch_id": None},
                parents={"batch_id": village.heads("claims", claim_id)["batch_id"]})  # fmt: skip
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[out.id].rule == "claim_locked", held[out.id].reason
    assert "批次" in held[out.id].reason
    assert hub.ledger.get("claims", claim_id)["batch_id"] == batch
