"""The policy commands end to end on a real ledger file: JSON shapes, exit codes, xlsx output."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import openpyxl
import pytest
import time_machine

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import CHINA
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.models import EmploymentSpell, Household, Person
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from tests.codes import plain_hub
from tests.conftest import make_id
from tests.helpers.cli import run
from tests.policy.helpers import COUNTY_PACK, EXTENDED_PACK, HOME, populate, post_worker
from tests.records import Records


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, dict[str, str]]:
    path = tmp_path / "village.db"
    ledger = Ledger.open(path, author="村专员")
    ids = populate(Records(ledger))
    ledger.close()
    return str(path), ids


def claim_made_on(
    path: str, id_number: str, rule_id: str, day: dt.date, *, submitted: bool = False
) -> None:
    """A claim made on `day` on the laptop (its clock and its day then), and `submitted` for
    review that day: `claim create --on` sets only the day a claim is judged on, while the 月报
    counts a claim from the day it was submitted (a draft not at all)."""
    when = dt.datetime.combine(day, dt.time(10), CHINA)
    ms = int(when.timestamp() * 1000)
    ledger = Ledger.open(Path(path))
    try:
        ledger.clock = HybridClock(None, now_ms=lambda: ms)
        with time_machine.travel(when, tick=True):
            service = ClaimService(ledger, load_policy(ledger).policy)
            claim = service.create(id_number, rule_id, on=day)
            if submitted:
                service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    finally:
        ledger.close()


def test_eligible_json_shape(db, capsys) -> None:
    path, ids = db
    code, out, _ = run(
        capsys, "--db", path, "eligible", "--person", ids["worker"], "--on", "2025-06-04", "--json"
    )
    assert code == 0
    items = json.loads(out)
    assert {i["rule_id"] for i in items} >= {"transport_cross_county", "training_living"}
    for item in items:
        assert {"id_number", "rule_id", "status", "amount", "funding_source", "reasons"} <= set(
            item
        )
        assert item["status"] in {"eligible", "not_yet", "not_eligible", "claimed"}
        assert all({"met", "text", "clause"} <= set(r) for r in item["reasons"])
    transport = next(i for i in items if i["rule_id"] == "transport_cross_county")
    assert transport["status"] == "not_yet" and transport["eligible_from"] == "2025-06-05"
    assert "稳定就业 2/3 个月，2025年6月5日起可申请" in transport["summary"]


def test_eligible_whole_ledger_lists_only_open_results(db, capsys) -> None:
    path, ids = db
    code, out, _ = run(capsys, "--db", path, "eligible", "--on", "2025-11-01", "--json")
    items = json.loads(out)
    assert code == 0 and items
    assert {i["status"] for i in items} <= {"eligible", "not_yet", "claimed"}
    assert all(i["reasons"] and all(r["met"] for r in i["reasons"] if r["met"]) for i in items)
    assert {i["id_number"] for i in items} == {ids["worker"], ids["jobless"]}


def test_claim_create_repeat_and_advance(db, capsys, tmp_path) -> None:
    path, ids = db
    code, out, err = run(
        capsys,
        "--db",
        path,
        "claim",
        "create",
        "--person",
        ids["worker"],
        "--rule",
        "transport_cross_county",
        "--on",
        "2025-06-05",
    )
    assert code != 0 and "补贴标准待县里核定标准" in err
    # A ledger not enrolled with a hub may take a county pack by hand (the figure set: 500).
    county = tmp_path / "county.toml"
    county.write_text(COUNTY_PACK, encoding="utf-8")
    assert run(capsys, "--db", path, "policy", "install", str(county))[0] == 0
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "claim",
        "create",
        "--person",
        ids["worker"],
        "--rule",
        "transport_cross_county",
        "--on",
        "2025-06-05",
    )
    assert code == 0
    claim_id = out.strip().splitlines()[-1]
    code, _, err = run(
        capsys,
        "--db",
        path,
        "claim",
        "create",
        "--person",
        ids["worker"],
        "--rule",
        "transport_cross_province_lifted",
        "--on",
        "2025-06-05",
    )
    shown = run(capsys, "--db", path, "claim", "show", claim_id, "--json")[1]
    assert code != 0 and f"首次申领编号 {json.loads(shown)['number']}（" in err, err
    code, _, err = run(capsys, "--db", path, "claim", "advance", claim_id, "--to", "县审批")
    assert code != 0 and "不能变为“县审批”" in err
    code, _, _ = run(capsys, "--db", path, "claim", "evidence", claim_id, "--all")
    assert code == 0
    for state in ("submitted", "村审核", "乡镇审核", "approved"):
        assert run(capsys, "--db", path, "claim", "advance", claim_id, "--to", state)[0] == 0
    code, out, _ = run(capsys, "--db", path, "claim", "list", "--state", "县审批", "--json")
    listed = json.loads(out)
    assert [c["id"] for c in listed] == [claim_id] and listed[0]["missing_evidence"] == []
    code, out, _ = run(capsys, "--db", path, "claim", "show", claim_id, "--json")
    assert [e["to_state"] for e in json.loads(out)["events"]][-1] == "县审批"
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "batch",
        "create",
        "--rule",
        "transport_cross_county",
        "--state",
        "approved",
        "--area",
        "520502001",
    )
    assert code == 0
    batch_id = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, "--db", path, "batch", "show", batch_id, "--json")
    shown = json.loads(out)
    assert [c["id"] for c in shown["claims"]] == [claim_id]
    # The numbers its papers print (批次编号, 申请编号) find the batch and the claim too.
    code, out, _ = run(capsys, "--db", path, "batch", "show", shown["number"], "--json")
    assert code == 0 and json.loads(out)["id"] == batch_id
    number = shown["claims"][0]["number"]
    code, out, _ = run(capsys, "--db", path, "claim", "show", number, "--json")
    assert code == 0 and json.loads(out)["id"] == claim_id
    code, out, _ = run(capsys, "--db", path, "claim", "check", "--json")
    assert code == 0 and json.loads(out) == []


def test_due_json(db, capsys) -> None:
    path, ids = db
    code, out, _ = run(
        capsys, "--db", path, "due", "--on", "2025-10-10", "--area", "520502001901", "--json"
    )
    items = json.loads(out)
    assert code == 0 and items
    assert {i["id_number"] for i in items} == {ids["jobless"]}
    assert {"kind", "due_date", "urgency", "clause", "progress", "month"} <= set(items[0])
    assert {i["month"] for i in items} == {""}  # only a 月度更新 is for a month
    level = next(i for i in items if i["kind"] == "分级服务")
    assert level["progress"] == "岗位推荐 1/3"


def test_policy_list_and_check(db, capsys, tmp_path: Path) -> None:
    path, _ = db
    code, out, _ = run(capsys, "--db", path, "policy", "list", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["rules"]) == 17
    assert {
        "id",
        "clause",
        "valid_from",
        "valid_to",
        "payee",
        "amount",
        "limit",
        "evidence",
    } <= set(data["rules"][0])
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[pack]\nid = "x"\nversion = "1"\ntitle = "t"\nextends = "guizhou-2023"\n[[overrides]]\nrule = 5\n',
        "utf-8",
    )
    code, _, err = run(capsys, "--db", path, "policy", "check", str(bad))
    assert code == 2 and "bad.toml 第 7 行" in err


def test_monthly_report_xlsx_and_json(db, capsys, tmp_path: Path) -> None:
    path, ids = db
    claim_made_on(path, ids["jobless"], "training_living", dt.date(2025, 10, 20), submitted=True)
    out_file = tmp_path / "月报.xlsx"
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "report",
        "monthly",
        "--month",
        "2025-10",
        "--out",
        str(out_file),
        "--json",
    )
    assert code == 0
    report = json.loads(out)
    total = report["total"]
    assert total["persons"] == 2 and total["households"] == 2
    assert total["by_category"]["脱贫人口"]["已就业"] == 1
    assert total["employed_by_place"]["跨省"] == 1
    assert total["unemployed_by_level"] == {
        "短期失业": 0,
        "中短期失业": 1,
        "中长期失业": 0,
        "长期失业": 0,
    }
    assert total["unemployed_by_class"]["缺乏基本技能"] == 1
    assert total["zero_employment_households"] == 1
    assert total["claims"][0]["claimed_amount"] == 400
    assert total["one_per_household"]["易地搬迁户"]["coverage"] == 0
    assert len(report["areas"]) == 2
    book = openpyxl.load_workbook(out_file)
    assert book.sheetnames == ["汇总", "红星村", "幸福安置点"]
    assert book["汇总"]._charts  # at least one chart


def test_five_rosters(db, capsys, tmp_path: Path) -> None:
    path, ids = db
    out_file = tmp_path / "五册.xlsx"
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "rosters",
        "--area",
        "520502001",
        "--out",
        str(out_file),
        "--on",
        "2025-10-20",
        "--json",
    )
    assert code == 0
    counts = json.loads(out)["counts"]
    assert counts == {
        "劳动力名册": 2,
        "培训名册": 1,
        "转移就业名册": 1,
        "自主创业名册": 0,
        "公益性岗位名册": 0,
    }
    book = openpyxl.load_workbook(out_file)
    labour = book["劳动力名册"]
    ids_in_sheet = {labour.cell(row=r, column=3).value for r in range(3, 5)}
    assert ids_in_sheet == {ids["worker"], ids["jobless"]}


def test_a_claim_stored_with_a_file_code_is_shown_by_its_document(tmp_path: Path, capsys) -> None:
    """Claims made before packs cited documents by number keep the seed file's code
    ("001 附件2（四）"): `claim show` printed it as stored; it names the document as printed
    papers do."""
    from tests.paperwork.builders import add_claims

    path = tmp_path / "old.db"
    ledger = Ledger.open(path, author="村专员")
    _batch, (claim_id, *_rest) = add_claims(ledger, 1)
    ledger.close()
    code, out, err = run(capsys, "--db", str(path), "claim", "show", claim_id)
    assert code == 0, err
    assert "（黔府发〔2023〕12号 附件2 第（四）条）" in out
    assert "001 " not in out and "（四））" not in out.replace("第（四）条）", "")


def test_a_pack_saved_by_notepad_with_a_byte_order_mark_is_read(db, capsys, tmp_path: Path) -> None:
    """Windows editors save UTF-8 with a byte-order mark: the county's pack was refused as
    “第 1 行：TOML 语法错误（这一行看不懂）” on a line that reads fine."""
    path, _ = db
    pack = tmp_path / "本县政策.toml"
    pack.write_bytes(b"\xef\xbb\xbf" + COUNTY_PACK.lstrip().replace("\n", "\r\n").encode())
    code, out, err = run(capsys, "--db", path, "policy", "check", str(pack))
    assert code == 0, err
    assert "政策包可用：本县政策.toml" in out
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    capsys.readouterr()
    code, out, err = run(capsys, "hub", "policy", "publish", "--dir", str(hub), str(pack))
    assert code == 0 and out.splitlines()[-1] == "2026.1", err


def test_policy_list_says_which_rules_have_ended(db, capsys) -> None:
    """In December 2026 most rules of the six departments' opinion had ended on 2025-12-31;
    `policy list` gave their period only, the same as a rule in force."""
    path, _ = db
    code, out, _ = run(capsys, "--db", path, "policy", "list")
    assert code == 0
    lines = {line.split("\t")[0]: line for line in out.splitlines()}
    assert "2023年6月15日至2023年12月31日（已到期）" in lines["absorb_graduate"]
    assert "已到期" not in lines["transport_cross_county"]
    code, out, _ = run(capsys, "--db", path, "policy", "list", "--json")
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert rules["absorb_graduate"]["ended"] is True
    assert rules["transport_cross_county"]["ended"] is False


def test_a_pack_saved_in_gbk_says_how_to_save_it(db, capsys, tmp_path: Path) -> None:
    """Notepad on an older Windows saves 中文 as GBK ("ANSI"): the clerk was told only that the
    file is not UTF-8, not what to do about it."""
    path, _ = db
    pack = tmp_path / "本县政策.toml"
    pack.write_bytes(COUNTY_PACK.encode("gbk"))
    hint = "请用记事本打开，“另存为”时编码选 UTF-8"
    code, _, err = run(capsys, "--db", path, "policy", "check", str(pack))
    assert code == 2 and "不是 UTF-8 编码的文本文件" in err and hint in err, err
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    capsys.readouterr()
    code, _, err = run(capsys, "hub", "policy", "publish", "--dir", str(hub), str(pack))
    assert code == 2 and hint in err, err


def test_policy_commands_say_the_version_as_the_papers_do(db, capsys, tmp_path: Path) -> None:
    """`policy check`, `install` and `list` said guizhou-2023@2026.1+qixingguan@2026.1 and
    （qixingguan 2026.1，…）: the packs' internal ids, where the papers say 规则版本."""
    path, _ = db
    pack = tmp_path / "本县政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    said = []
    for argv in (["policy", "check", str(pack)], ["policy", "install", str(pack)]):
        code, out, err = run(capsys, "--db", path, *argv)
        assert code == 0, err
        said.append(out)
    code, out, err = run(capsys, "--db", path, "policy", "list")
    assert code == 0, err
    said.append(out.splitlines()[0])
    for text in said:
        assert "（规则版本 省 2026.1、县 2026.1" in text, text
        assert "@" not in text and "qixingguan" not in text, text


def test_policy_install_says_the_pack_is_this_computers_not_the_ledgers_given(
    db, capsys, tmp_path: Path
) -> None:
    """`fieldapp --db 台账 policy install 包` read as installing the pack into that ledger; it
    goes into this computer's data folder, and every ledger opened here that is not a
    village's or township's follows it. The help and the line after installing say so, and
    what --db is for: the ledger the pack is checked against."""
    path, _ = db
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["policy", "install", "--help"])
    assert stopped.value.code in (0, None)
    out = capsys.readouterr().out
    assert "本机的用户数据文件夹" in out and "--db" in out, out
    assert "不放进" in out, out
    (tmp_path / "u盘").mkdir()
    pack = tmp_path / "u盘" / "本县政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = run(capsys, "--db", path, "policy", "install", str(pack))
    assert code == 0, err
    folder = Path(os.environ["FIELDAPP_HOME"]) / "policies"
    assert (folder / pack.name).is_file()
    assert not any(p.name == pack.name for p in Path(path).parent.iterdir())
    assert f"政策包放在本机的 {folder}" in out, out
    other = tmp_path / "other.db"
    Ledger.open(other, author="另一个台账").close()  # another ledger on this computer
    code, out, err = run(capsys, "--db", other, "policy", "list")
    assert code == 0 and "县 2026.1" in out.splitlines()[0], out


def test_eligible_says_which_subsidies_ended_at_the_new_year(db, capsys, tmp_path: Path) -> None:
    """The county extended the post subsidy and the transport subsidy to 2026-12-31; its 2027
    pack has not reached the village laptop on 2 January. The list of who may claim simply
    lost those subsidies' people, nothing said why; it now says which ended, and when."""
    path, _ids = db
    pack = tmp_path / "county.toml"
    pack.write_text(
        COUNTY_PACK
        + '\n[[overrides]]\nrule = "transport_cross_province_lifted"\nvalid_to = 2026-12-31\n'
        'document = "七人社通〔2026〕3号"\n',
        encoding="utf-8",
    )
    assert main(["--db", path, "policy", "install", str(pack)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", path, "eligible", "--on", "2027-01-02")
    assert code == 0
    notice = (
        "注意：一次性交通补助（脱贫人口新跨省务工）的执行期已于2026年12月31日结束："
        "此后开始的就业、培训和此后的月份不再符合条件，县里延续执行（随政策包下发）后恢复"
    )
    assert out.splitlines()[0] == notice
    # Rules that ended long ago (the seeds' 2025-12-31) are not said over and over all year.
    code, out, _ = run(capsys, "--db", path, "eligible", "--on", "2026-12-01")
    assert "执行期已于" not in out
    code, out, _ = run(capsys, "--db", path, "eligible", "--on", "2027-01-02", "--json")
    assert isinstance(json.loads(out), list)


@pytest.mark.today("2027-01-31")
def test_installing_a_new_standard_names_the_claims_made_at_the_old_one(
    db, capsys, tmp_path: Path
) -> None:
    """A county with no hub installs its packs by hand: the 2027 standard installed on the 5th
    left January's claim made on the 2nd at 2026's figure, unsaid."""

    path, _ids = db
    extended = EXTENDED_PACK
    first = tmp_path / "2026.toml"
    first.write_text(extended, encoding="utf-8")
    assert main(["--db", path, "policy", "install", str(first)]) == 0
    ledger = Ledger.open(path)
    repo = Records(ledger)
    pid, number = post_worker(repo)
    ledger.close()
    claim = ["--db", path, "claim", "create", "--person", number, "--rule", "welfare_post_subsidy"]
    assert main([*claim, "--on", "2027-01-31"]) == 0
    capsys.readouterr()
    second = tmp_path / "2027.toml"
    second.write_text(
        extended.replace('version = "2026.1"', 'version = "2026.2"').replace(
            'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
            'figure = 700\nfigure_document = "七人社通〔2026〕3号"\nfigure_from = 2027-01-01\n'
            'figure_before = 600\nfigure_before_document = "七人社通〔2026〕3号"',
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", path, "policy", "install", str(second))
    assert code == 0
    assert "注意：新的补贴标准与尚未审批的申领不同：赵六的乡村公益性岗位补贴（2027年1月）" in out


def test_the_januarys_report_counts_the_claims_of_its_own_year(db, capsys, tmp_path: Path) -> None:
    """The county's January 月报 summed every claim since the ledger began under 申领人数,
    申领金额, 已发放金额 — the whole of last year's money in the new year's first report, the
    columns saying neither 累计 nor 本年. They are now the year's, and say so."""
    path, ids = db
    claim_made_on(path, ids["jobless"], "training_living", dt.date(2025, 10, 20), submitted=True)
    out_file = tmp_path / "月报.xlsx"
    report = ["--db", path, "report", "monthly", "--out", str(out_file), "--json"]
    code, out, _ = run(capsys, *report, "--month", "2025-12")
    assert code == 0
    assert json.loads(out)["total"]["claims"][0]["claimed_amount"] == 400
    code, out, _ = run(capsys, *report, "--month", "2026-01")
    assert code == 0
    assert json.loads(out)["total"]["claims"] == []
    sheet = openpyxl.load_workbook(out_file)["汇总"]
    texts = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "六、补贴申领（按补贴种类和资金来源，本年累计）" in texts, texts


def test_claim_list_says_the_day_each_claim_was_made(db, capsys, tmp_path: Path) -> None:
    """November's post subsidy claimed today (`--on` 2026-11-30, the month it pays): `claim
    list` said no day at all and its --json only claim_date 2026-11-30, the day it was judged on
    — a county clerk's script listing the claims made this week found none. The day it was made
    is now given (made_on, beside the unchanged keys) with the month it pays (paid_for)."""
    path, _ids = db
    pack = tmp_path / "2026.toml"
    pack.write_text(
        EXTENDED_PACK,
        encoding="utf-8",
    )
    assert main(["--db", path, "policy", "install", str(pack)]) == 0
    ledger = Ledger.open(Path(path))
    _pid, number = post_worker(Records(ledger))
    ledger.close()
    claim = ["claim", "create", "--person", number, "--rule", "welfare_post_subsidy"]
    assert main(["--db", path, *claim, "--on", "2026-11-30"]) == 0
    capsys.readouterr()
    today = china_today().isoformat()  # the laptop's day, as the write door counts it
    code, out, _ = run(capsys, "--db", path, "claim", "list", "--json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["made_on"] == today and item["paid_for"] == "2026年11月"
    assert item["claim_date"] == "2026-11-30"  # the keys scripts read are as they were
    code, out, _ = run(capsys, "--db", path, "claim", "list")
    assert out.rstrip("\n").split("\t")[-3:-1] == [today, "2026年11月"]
    code, out, _ = run(capsys, "--db", path, "claim", "show", item["id"])
    made = china_today()
    assert f"申请日期：{made.year}年{made.month}月{made.day}日；发放月份：2026年11月" in out


@pytest.mark.today("2026-12-03")
def test_claim_create_for_a_month_not_yet_come_is_refused_in_chinese(
    db, capsys, tmp_path: Path
) -> None:
    """`claim create --on 2027-06-05` on 3 December made next June's post subsidy claim (a
    monthly subsidy paid for work not yet done); the device now refuses it, naming the person,
    the subsidy and the month, and makes December's."""
    path, _ids = db
    extended = tmp_path / "2027.toml"
    extended.write_text(
        EXTENDED_PACK,
        encoding="utf-8",
    )
    assert run(capsys, "--db", path, "policy", "install", str(extended))[0] == 0
    ledger = Ledger.open(path)
    _pid, number = post_worker(Records(ledger))
    ledger.close()
    claim = ["--db", path, "claim", "create", "--person", number, "--rule", "welfare_post_subsidy"]
    code, out, err = run(capsys, *claim, "--on", "2027-06-05")
    assert code == 1 and not out
    assert "赵六的乡村公益性岗位补贴（2027年6月）的申领日期2027年6月5日还没有到" in err
    assert "不能预先申领" in err and "Traceback" not in err
    assert run(capsys, *claim)[0] == 0  # today's (December's) is made


def test_rosters_counts_persons_as_its_help_says(db, capsys, tmp_path: Path) -> None:
    """`rosters --json` (help: 同时输出各名册人数) gave counts 培训名册 2 for one person trained
    in October and again in November, and the text 培训名册 2 人: rows, not persons. counts
    is now the persons, as documented, and entries the rows (2); the text says 1 人 2 条."""
    from fieldapp.domain.models import ServiceRecord

    path, ids = db
    ledger = Ledger.open(Path(path))
    repo = Records(ledger)
    pid = ledger.db.execute(
        "SELECT id FROM persons WHERE id_number = ?", (ids["jobless"],)
    ).fetchone()[0]
    repo.save(
        ServiceRecord(
            person_id=pid,
            service_date=dt.date(2025, 11, 3),
            service_type="职业培训",
            training_days=5,
        )
    )
    ledger.close()
    args = ["--db", path, "rosters", "--area", "520502001", "--on", "2025-11-30"]
    code, out, _ = run(capsys, *args, "--out", str(tmp_path / "a.xlsx"), "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["counts"]["培训名册"] == 1 and shown["entries"]["培训名册"] == 2
    assert shown["counts"]["劳动力名册"] == shown["entries"]["劳动力名册"] == 2
    code, out, _ = run(capsys, *args, "--out", str(tmp_path / "b.xlsx"))
    assert code == 0
    assert "培训名册 1 人 2 条" in out and "劳动力名册 2 人，" in out


def county_claim(
    capsys: pytest.CaptureFixture[str], path: str, tmp_path: Path, id_number: str
) -> list[str]:
    """Install the county's pack (its figure for the 跨县交通补贴) by hand; the arguments of
    `claim create` for that subsidy of `id_number`'s job begun 2025-06-05."""
    county = tmp_path / "county.toml"
    county.write_text(COUNTY_PACK, encoding="utf-8")
    assert run(capsys, "--db", path, "policy", "install", str(county))[0] == 0
    create = ["--db", path, "claim", "create", "--person", id_number]
    return [*create, "--rule", "transport_cross_county", "--on", "2025-06-05"]


def batch_made(capsys: pytest.CaptureFixture[str], path: str) -> tuple[str, str, str]:
    """`batch create` of the 跨县交通补贴 in 520502001: what it printed, the id on its last line
    and the batch's number (批次编号)."""
    batch = ["--db", path, "batch", "create", "--rule", "transport_cross_county"]
    code, out, err = run(capsys, *batch, "--area", "520502001")
    assert code == 0, err
    batch_id = out.strip().splitlines()[-1]
    code, shown, _ = run(capsys, "--db", path, "batch", "show", batch_id, "--json")
    return out, batch_id, str(json.loads(shown)["number"])


def test_claim_delete_deletes_a_draft_only(db, capsys, tmp_path: Path) -> None:
    """`fieldapp claim delete ID`: a draft is deleted (and the subsidy claimed anew); a submitted
    claim is refused in Chinese, kept."""
    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])
    code, out, _ = run(capsys, *create)
    draft = out.strip().splitlines()[-1]
    code, out, err = run(capsys, "--db", path, "claim", "delete", draft)
    assert code == 0 and "已删除申领草稿" in out, err
    code, out, _ = run(capsys, *create)
    assert code == 0
    again = out.strip().splitlines()[-1]
    assert (
        run(
            capsys,
            "--db",
            path,
            "claim",
            "advance",
            again,
            "--to",
            "已提交",
            "--reason",
            "材料后补",
        )[0]
        == 0
    )
    code, _, err = run(capsys, "--db", path, "claim", "delete", again)
    assert code != 0 and "「已提交」的申领不能删除，只能驳回或撤销" in err, err
    code, out, _ = run(capsys, "--db", path, "claim", "show", again)
    assert "已提交" in out
    rejected = run(capsys, "--db", path, "claim", "advance", again, "--to", "驳回",
                   "--reason", "材料不全")  # fmt: skip
    assert rejected[0] == 0, rejected[2]
    code, _, err = run(capsys, "--db", path, "claim", "delete", again)
    # Not told to reject the claim it already rejected.
    # The write door's (and the hub's) sentence, a template (said in English too).
    assert code != 0 and "「驳回」的申领不能删除：它留在台账上备查（更正请新建申领）" in err, err
    assert "只能驳回" not in err, err


def test_claim_create_without_on_takes_chinas_day_on_a_utc_clock(
    db, capsys, tmp_path: Path, monkeypatch
) -> None:
    """`claim create` with no --on took the machine's date: on a laptop whose clock keeps UTC,
    at 07:30 on 1 December in Guizhou it was still 30 November, and the claim was judged (and
    dated) on November's last day — November's subsidy made when December's was asked for.
    The day is China's now (`domain.dates.today()`), as the write door counts it."""
    import time

    path, _ids = db
    pack = tmp_path / "2026.toml"
    pack.write_text(EXTENDED_PACK, encoding="utf-8")
    assert main(["--db", path, "policy", "install", str(pack)]) == 0
    ledger = Ledger.open(Path(path))
    _pid, number = post_worker(Records(ledger))
    ledger.close()
    capsys.readouterr()
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        morning = dt.datetime(2026, 12, 1, 7, 30, tzinfo=CHINA)  # 2026-11-30 23:30 UTC
        with time_machine.travel(morning, tick=True):
            assert dt.date.today() == dt.date(2026, 11, 30)
            claim = ["claim", "create", "--person", number, "--rule", "welfare_post_subsidy"]
            code, out, err = run(capsys, "--db", path, *claim, "--json")
            assert code == 0, err
            assert json.loads(out)["claim_date"] == "2026-12-01"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_reasons_name_a_job_recorded_by_code_alone_in_words(tmp_path: Path, capsys) -> None:
    """A job written with its place's code and no name (a sheet's 务工地点代码 column, an old
    ledger) is said in words in every reason that names where he worked: 务工地点广东省深圳市南山区,
    never 务工地点440305 — a coordinator reads places, not codes."""
    path = tmp_path / "village.db"
    ledger = Ledger.open(path, author="村专员")
    repo = Records(ledger)
    populate(repo)
    who = make_id("520502", "19880808", "147")
    with ledger.transaction():
        house = repo.save(Household(area_code=HOME, household_no="021"))
        pid, _ = repo.add_person(Person(household_id=house, name="张三", id_number=who))
        for start, end, code in (
            (dt.date(2023, 3, 1), dt.date(2024, 12, 31), "440305"),
            (dt.date(2025, 3, 5), None, "440305"),
        ):
            repo.save(
                EmploymentSpell(
                    person_id=pid, start_date=start, end_date=end, place_code=code, employer="某厂"
                )
            )
    ledger.close()
    code, out, _ = run(
        capsys,
        "--db",
        str(path),
        "eligible",
        "--person",
        who,
        "--on",
        "2025-07-01",
        "--json",
    )
    assert code == 0, out
    texts = [r["text"] for item in json.loads(out) for r in item["reasons"]]
    said = "\n".join(texts)
    assert "440305" not in said, said
    assert "务工地点广东省深圳市南山区，属跨省" in said, said
    assert "2023年3月1日起在广东省深圳市南山区" in said, said
    book_path = tmp_path / "五册.xlsx"
    code, _, _ = run(
        capsys,
        "--db",
        str(path),
        "rosters",
        "--area",
        "520502001",
        "--out",
        str(book_path),
        "--on",
        "2025-07-01",
    )
    assert code == 0
    book = openpyxl.load_workbook(book_path)
    cells = [
        str(c.value)
        for name in ("劳动力名册", "转移就业名册")
        for row in book[name].iter_rows()
        for c in row
        if c.value is not None
    ]
    assert "440305" not in cells
    assert cells.count("广东省深圳市南山区") == 2  # his row in each roster


def test_every_claim_and_batch_command_takes_the_number_its_papers_print(
    db, capsys, tmp_path: Path
) -> None:
    """A county clerk scripting `claim advance KMTAX-12 --to 县审批` from the 申请表 in hand:
    `advance`, `evidence`, `delete` and `print log --batch` take the 申请编号/批次编号 as
    `show` and `print` do (and a unique prefix of the id, as before) — their help said only
    申领编号（claim list 列出）, the id; it names the number first now."""
    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])

    def made() -> tuple[str, str]:
        code, out, err = run(capsys, *create)
        assert code == 0, err
        claim_id = out.strip().splitlines()[-1]
        code, out, _ = run(capsys, "--db", path, "claim", "show", claim_id, "--json")
        return claim_id, json.loads(out)["number"]

    claim_id, number = made()
    code, out, err = run(capsys, "--db", path, "claim", "delete", number.lower())
    assert code == 0 and "已删除申领草稿" in out, err
    claim_id, number = made()
    code, out, err = run(capsys, "--db", path, "claim", "evidence", number, "--all")
    assert code == 0 and "已齐全" in out, err
    for state in ("已提交", "村审核", "乡镇审核"):
        code, out, err = run(capsys, "--db", path, "claim", "advance", number, "--to", state)
        assert code == 0 and f"现为“{state}”" in out, err
    code, _, err = run(capsys, "--db", path, "claim", "advance", claim_id[:8], "--to", "县审批")
    assert code == 0, err
    _, batch_id, batch_number = batch_made(capsys, path)
    paper = tmp_path / "roster.pdf"
    printed = ["--db", path, "print", "roster", "--batch", batch_number, "--out", str(paper)]
    assert run(capsys, *printed)[0] == 0
    code, out, err = run(capsys, "--db", path, "print", "log", "--batch", batch_number, "--json")
    assert code == 0 and [r["batch_id"] for r in json.loads(out)] == [batch_id], err
    code, out, err = run(capsys, "--db", path, "claim", "show", number, "--json")
    assert code == 0 and json.loads(out)["state"] == "县审批", err


def test_a_claim_number_two_laptops_share_is_said_by_every_command(
    db, capsys, tmp_path: Path
) -> None:
    """Were two laptops' five letters ever the same, `claim advance`/`evidence`/`delete` given
    the number they share would say so (check the name on the paper), never act on either."""
    from tests.helpers.ids_on_paper import _coinciding_devices

    path, ids = db
    county_claim(capsys, path, tmp_path, ids["worker"])
    ledger = Ledger.open(Path(path))
    made = []
    try:
        for device, (who, rule, day) in zip(
            _coinciding_devices(),
            (
                (ids["worker"], "transport_cross_county", dt.date(2025, 6, 5)),
                (ids["jobless"], "training_living", dt.date(2025, 10, 20)),
            ),
            strict=True,
        ):
            ledger.device_id = device
            service = ClaimService(ledger, load_policy(ledger).policy)
            made.append(service.create(who, rule, on=day))
    finally:
        ledger.close()
    assert made[0].number == made[1].number
    number = made[0].number
    for args in (
        ["claim", "advance", number, "--to", "已提交", "--reason", "材料后补"],
        ["claim", "evidence", number, "--all"],
        ["claim", "delete", number],
        ["claim", "show", number],
        ["print", "form", "--claim", number, "--out", str(tmp_path / "form.pdf")],
    ):
        code, _, err = run(capsys, "--db", path, *args)
        assert code != 0 and f"有 2 条申领的编号都是 {number}（不同电脑编的）" in err, args
    code, out, _ = run(capsys, "--db", path, "claim", "list", "--json")
    assert sorted(c["state"] for c in json.loads(out)) == ["草稿", "草稿"]
    assert not (tmp_path / "form.pdf").exists()


def test_claim_and_batch_commands_say_the_number_a_person_reads_and_keep_the_id_for_scripts(
    db, capsys, tmp_path: Path
) -> None:
    """`claim create`/`evidence`/`advance`/`delete` told the clerk 申领 1f0c…（王五）, the
    claim's UUID, `claim list`/`batch list` began each line with it and `claim show`/`batch
    show` began with it before the number, while the 申请表 and 花名册 print the
    申请编号/批次编号 (KMTAX-12) and every command takes those. The lines a person reads now
    say the number (with the name where they said it); `claim create` and `batch create` still
    end with the bare id alone (scripts read it), and --json is as it was."""
    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])

    def number_of(claim_id: str) -> str:
        code, out, _ = run(capsys, "--db", path, "claim", "show", claim_id, "--json")
        return str(json.loads(out)["number"])

    def said_to_a_person(out: str, *ids: str) -> list[str]:
        return [line for line in out.splitlines() if any(i in line for i in ids)]

    code, out, err = run(capsys, *create)
    assert code == 0, err
    draft = out.strip().splitlines()[-1]  # the bare id, as before
    number = number_of(draft)
    assert number and f"申请编号 {number}" in out and "王五" in out, out
    assert said_to_a_person(out, draft) == [draft], out
    code, out, err = run(capsys, "--db", path, "claim", "delete", draft)
    assert code == 0 and f"已删除申领草稿 {number}（王五 " in out and draft not in out, out
    code, out, err = run(capsys, *create)
    claim_id = out.strip().splitlines()[-1]
    number = number_of(claim_id)
    code, _, err = run(capsys, *create)  # a repeat names the first claim by its number
    assert code != 0 and f"首次申领：{number}（王五）" in err and claim_id not in err, err
    assert f"首次申领编号 {number}（" in err, err  # the guard's reason says the number too
    code, out, err = run(capsys, "--db", path, "claim", "evidence", claim_id, "--all")
    assert code == 0 and out.startswith(f"申领 {number}（王五）待收材料") and claim_id not in out
    for state in ("已提交", "村审核", "乡镇审核", "县审批"):
        code, out, err = run(capsys, "--db", path, "claim", "advance", claim_id, "--to", state)
        assert code == 0 and out == f"申领 {number}（王五）现为“{state}”\n", out
    code, out, _ = run(capsys, "--db", path, "claim", "list")
    (line,) = out.splitlines()
    assert line.split("\t")[0] == number and claim_id not in line, line
    code, out, _ = run(capsys, "--db", path, "claim", "list", "--json")
    assert [(c["id"], c["number"]) for c in json.loads(out)] == [(claim_id, number)]
    out, batch_id, batch_number = batch_made(capsys, path)
    assert f"批次编号 {batch_number}" in out and said_to_a_person(out, batch_id) == [batch_id]
    code, out, _ = run(capsys, "--db", path, "claim", "show", claim_id)
    assert out.startswith(f"申领 {number}：王五 ") and claim_id not in out, out
    code, out, _ = run(capsys, "--db", path, "batch", "show", batch_id)
    assert out.startswith(f"批次 {batch_number}：") and batch_id not in out, out
    code, out, _ = run(capsys, "--db", path, "batch", "list")
    (line,) = out.splitlines()
    assert line.split("\t")[0] == batch_number and batch_id not in line, line
    code, out, _ = run(capsys, "--db", path, "batch", "list", "--json")
    assert [(b["id"], b["number"]) for b in json.loads(out)] == [(batch_id, batch_number)]
    # Several claims in one run: the one refused is named by its number and its person's name.
    advance = ["--db", path, "claim", "advance", claim_id, claim_id, "--to", "已发放"]
    code, out, err = run(capsys, *advance)
    assert code != 0 and out == f"申领 {number}（王五）现为“已发放”\n", (out, err)
    assert f"王五的申领（{number}）：" in err and "前面 1 条已变更" in err and claim_id not in err


def test_a_repeat_of_a_claim_with_no_number_names_its_person_once(
    db, capsys, tmp_path: Path
) -> None:
    """A repeat of a claim the ledger holds no creating change of (no 申请编号: a tampered or
    older program's row) said 首次申领：王五的“一次性交通补助（跨县务工）”（未编号，…录入）（王五）
    — the person named twice. Said once; a numbered first claim still says 编号（王五）."""
    import sqlite3

    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])
    assert run(capsys, *create)[0] == 0
    with sqlite3.connect(path) as raw:  # the row as a program that kept no creating key left it
        raw.execute("UPDATE claims SET _ckey = NULL")
    code, _, err = run(capsys, *create)
    (line,) = [x for x in err.splitlines() if x.startswith("首次申领：")]
    assert code != 0 and "（未编号" in line and line.count("王五") == 1, err


def test_sentences_a_person_reads_write_days_as_papers_do(db, capsys) -> None:
    """`person show` said 出生 1985-03-16 and `import` 表格日期：2026-12-04 10:31 in sentences
    whose other days are written 2026年12月4日; they now say 出生 1985年3月16日 and
    表格日期：2026年12月4日 10:31 (--json keeps ISO)."""
    path, ids = db
    code, out, err = run(capsys, "--db", path, "person", "show", ids["worker"])
    assert code == 0, err
    assert "出生 1985年3月16日" in out and "1985-03-16" not in out, out
    code, out, _ = run(capsys, "--db", path, "person", "show", ids["worker"], "--json")
    assert json.loads(out)["birth_date"] == "1985-03-16"


def test_an_imports_sheet_date_is_written_as_people_write_days(db, capsys, tmp_path: Path) -> None:
    """An exported ledger imported back said 表格日期：2026-12-04 10:31（…）; now 2026年12月4日
    10:31, as the clerk writes a day (--json keeps 2026-12-04 10:31)."""
    path, _ids = db
    sheet = tmp_path / "导出.xlsx"
    assert run(capsys, "--db", path, "export", str(sheet))[0] == 0
    code, out, err = run(capsys, "--db", path, "import", str(sheet), "--update", "--dry-run")
    assert code == 0, out + err
    (line,) = [x for x in out.splitlines() if x.startswith("表格日期：")]
    day = china_today()
    assert line.startswith(f"表格日期：{day.year}年{day.month}月{day.day}日 "), line
    code, out, _ = run(
        capsys, "--db", path, "import", str(sheet), "--update", "--dry-run", "--json"
    )
    assert json.loads(out)["sheet_date"].startswith(day.isoformat())


def test_batch_list_counts_what_its_roster_pays(db, capsys, tmp_path: Path) -> None:
    """A claim the county rejects after the township batched it is left off the batch's 花名册
    and 公示表 (`paper_data`), but `batch list` went on counting it: the county office read
    “1 人 500 元” for a batch whose roster pays no one. It now counts the claims the roster
    lists and says how many rejected or reversed ones it leaves off (--json: "dropped")."""
    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])
    code, out, err = run(capsys, *create)
    claim_id = out.strip().splitlines()[-1]
    run(capsys, "--db", path, "claim", "evidence", claim_id, "--all")
    for state in ("已提交", "村审核", "乡镇审核"):
        assert run(capsys, "--db", path, "claim", "advance", claim_id, "--to", state)[0] == 0
    _out, batch_id, batch_number = batch_made(capsys, path)
    # Reviewed by the township, not yet approved by the county: off the 发放花名册, said.
    code, out, _ = run(capsys, "--db", path, "batch", "list")
    (line,) = out.splitlines()
    assert "\t0 人\t0 元\t" in line and "尚未经县审批 1 条，不列入花名册" in line, line
    assert run(capsys, "--db", path, "claim", "advance", claim_id, "--to", "县审批")[0] == 0
    code, out, _ = run(capsys, "--db", path, "batch", "list")
    assert "\t1 人\t500 元\t" in out and "尚未经县审批" not in out, out
    reject = ["claim", "advance", claim_id, "--to", "已撤销", "--reason", "不符合条件"]
    assert run(capsys, "--db", path, *reject)[0] == 0
    code, out, _ = run(capsys, "--db", path, "batch", "list")
    (line,) = out.splitlines()
    assert "\t0 人\t0 元\t" in line and "已驳回或撤销 1 条，不列入花名册" in line, line
    code, out, _ = run(capsys, "--db", path, "batch", "list", "--json")
    (shown,) = json.loads(out)
    assert (shown["persons"], shown["claims"], shown["total"], shown["dropped"]) == (0, 0, 0, 1)
    assert shown["waiting"] == 0


def test_claim_and_batch_lists_name_the_subsidy_not_its_rule_id(db, capsys, tmp_path: Path) -> None:
    """`claim list` and `batch list` printed transport_cross_county where the clerk reads the
    subsidy's name: a rule id is for scripts, not people. The lines now say the subsidy's title
    (as its claims were made under it); --json keeps rule_id, and a batch's says rule_title."""
    path, ids = db
    create = county_claim(capsys, path, tmp_path, ids["worker"])
    code, out, _ = run(capsys, *create)
    claim_id = out.strip().splitlines()[-1]
    run(capsys, "--db", path, "claim", "evidence", claim_id, "--all")
    for state in ("已提交", "村审核", "乡镇审核"):
        assert run(capsys, "--db", path, "claim", "advance", claim_id, "--to", state)[0] == 0
    batch_made(capsys, path)
    code, out, _ = run(capsys, "--db", path, "claim", "list", "--json")
    (claim,) = json.loads(out)
    title = claim["rule_title"]
    assert title and claim["rule_id"] == "transport_cross_county", claim
    for command in ("claim", "batch"):
        code, out, _ = run(capsys, "--db", path, command, "list")
        (line,) = out.splitlines()
        assert code == 0 and title in line.split("\t"), line
        assert "transport_cross_county" not in line, line
    code, out, _ = run(capsys, "--db", path, "batch", "list", "--json")
    (batch,) = json.loads(out)
    assert (batch["rule_id"], batch["rule_title"]) == ("transport_cross_county", title), batch
