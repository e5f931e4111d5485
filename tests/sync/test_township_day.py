"""A township office's day (乡镇审核) on its enrolled device: the villages' claims arrive through
the hub, the clerk reviews them, gathers them into the township's batch and prints its papers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers.three_devices import County
from tests.helpers.two_villages import QIAN, RULE, TOWNSHIP, WANG, ZHAO, two_villages


@pytest.fixture
def county(tmp_path, capsys) -> County:  # noqa: ANN001
    """Hub; 大坝村's and 小河村's devices with their people; the township's; the county's."""
    return two_villages(tmp_path, capsys)


def _reviewed_by_the_township(county: County) -> list[str]:
    """大坝村's two claims and 小河村's one, reviewed in each village and at the township."""
    claims = [county.create("d", number, RULE) for number in (WANG, ZHAO)]
    claims.append(county.create("x", QIAN, RULE))
    for claim in claims:
        county.advance("d" if claim != claims[-1] else "x", claim, "已提交", "村审核")
    county.sync("d", "x", "t")
    for claim in claims:
        county.advance("t", claim, "乡镇审核")
    return claims


def test_a_township_batches_its_villages_claims_without_typing_its_own_code(county):
    """`batch create --rule …` on the township's device refused with 申领批次必须有所在区域: a
    device enrolled for one area can batch only there, so that is where its batch goes."""
    claims = _reviewed_by_the_township(county)
    out = county.run("batch", "create", "--rule", RULE, db="t")
    assert "3 人" in out, out
    batch = out.split("提示")[0].split()[-1]
    shown = json.loads(county.run("batch", "show", batch, "--json", db="t").split("\n提示")[0])
    assert shown["area_code"] == TOWNSHIP
    assert {c["id"] for c in shown["claims"]} == set(claims)
    county.sync("t", "c")  # and the hub takes it as the township's own


def test_the_townships_roster_and_notice_say_which_village_each_person_lives_in(county, tmp_path):
    """The township's batch of its villages printed its people under 地区：碧阳街道 with no word
    of their village: the county paying from the roster and the villagers reading the posted
    notice could not tell 大坝村's people from 小河村's. Each row now names its village, the
    rows of a village together; a village's own notice (one village) has no such column."""
    from tests.paperwork.pdftext import page_texts

    claims = _reviewed_by_the_township(county)
    out = county.run("batch", "create", "--rule", RULE, db="t")
    batch = out.split("提示")[0].split()[-1]
    # Approved by the county: its 发放花名册 lists only what the county approved.
    county.sync("t", "c")
    for claim in claims:
        county.advance("c", claim, "县审批")
    county.sync("c", "t")
    papers = {}
    for paper in ("roster", "notice"):
        pdf = tmp_path / f"{paper}.pdf"
        county.run("print", paper, "--batch", batch, "--out", str(pdf), db="t")
        papers[paper] = "\n".join(page_texts(pdf.read_bytes()))
    for text in papers.values():
        assert "序号\n村（社区）\n姓名\n" in text, text
        assert "1\n大坝村\n王五\n" in text and "2\n大坝村\n赵六\n" in text, text
        assert "3\n小河村\n钱七\n" in text, text
    county.sync("t", "d")
    pdf = tmp_path / "大坝村公示.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="d")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "序号\n姓名\n" in text and "村（社区）" not in text and "钱七" not in text, text


def test_a_step_the_township_may_not_take_is_refused_in_its_own_words(county):
    """Approving for the county was refused with …只有县级设备可以操作（碧阳街道审核（乡镇，区域
    520502010））: the township's own code, where the clerk knows only its name."""
    claim = _reviewed_by_the_township(county)[0]
    out = county.run("claim", "advance", claim, "--to", "县审批", db="t", code=1)
    assert "只有县级设备可以操作（碧阳街道审核（乡镇 · 碧阳街道））" in out, out
    assert TOWNSHIP not in out, out


def test_the_townships_monthly_report_says_whose_total_it_is(county, tmp_path):
    """The township's 月报 for the county opened on 合计 就业帮扶月报 — no word of which township
    the total was; it now reads 碧阳街道合计, and each village's sheet follows under its name."""
    import openpyxl

    month = __import__("datetime").date.today().strftime("%Y-%m")
    out = tmp_path / "月报.xlsx"
    county.run("report", "monthly", "--month", month, "--out", str(out), db="t")
    book = openpyxl.load_workbook(out)
    titles = [str(sheet["A1"].value) for sheet in book.worksheets]
    assert titles[0].startswith("碧阳街道合计 就业帮扶月报"), titles
    assert any(t.startswith("大坝村 ") for t in titles[1:]), titles


def test_the_township_passes_several_claims_in_one_command(county):
    """`claim advance` took one claim: a township passing sixty claims typed sixty commands.
    It now takes several; each is reported, and a refused one stops the run naming whose."""
    claims = [county.create("d", number, RULE) for number in (WANG, ZHAO)]
    for claim in claims:
        county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    out = county.run("claim", "advance", *claims, "--to", "乡镇审核", db="t")
    assert out.count("现为“乡镇审核”") == 2, out
    assert set(county.claims("t").values()) == {"乡镇审核"}
    out = county.run("claim", "advance", *claims, "--to", "县审批", db="t", code=1)
    assert "王五" in out and "只有县级设备可以操作" in out, out


def test_the_townships_batch_takes_only_the_claims_it_has_reviewed(county, tmp_path):
    """The township batched every claim past the draft: one it had not yet reviewed (村审核)
    went onto its 公示表 and the roster for the county all the same, the notice then no longer
    saying 乡镇审核. A township's batch now takes the claims it has passed (乡镇审核 on)."""
    from tests.paperwork.pdftext import page_texts

    claims = [county.create("d", number, RULE) for number in (WANG, ZHAO)]
    claims.append(county.create("x", QIAN, RULE))
    for claim in claims:
        county.advance("d" if claim != claims[-1] else "x", claim, "已提交", "村审核")
    county.sync("d", "x", "t")
    county.advance("t", claims[0], "乡镇审核")
    county.advance("t", claims[2], "乡镇审核")  # 赵六's claim is still to be reviewed
    out = county.run("batch", "create", "--rule", RULE, db="t")
    assert "2 人" in out, out
    batch = out.split("提示")[0].split()[-1]
    pdf = tmp_path / "公示表.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="t")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "赵六" not in text and "王五" in text and "钱七" in text, text
    assert "经个人申请、村级初审、乡镇审核，以下 2 名人员" in text, text
    # Once reviewed, 赵六's claim goes into the next batch; nothing left says so.
    refused = county.run("batch", "create", "--rule", RULE, db="t", code=1)
    assert "乡镇审核" in refused, refused
    # The area by its name, as a dialog on the desktop says it too.
    assert "碧阳街道" in refused and TOWNSHIP not in refused, refused
    county.advance("t", claims[1], "乡镇审核")
    assert "1 人" in county.run("batch", "create", "--rule", RULE, db="t")


def test_the_townships_notice_tells_where_objections_go_by_its_name(county, tmp_path):
    """The posted 公示表 sent objections to 乡镇（街道）人力资源和社会保障服务中心 — the form's
    placeholder, naming no office a villager could find; unless the county set its own words,
    the notice of a township's (or a village's) batch now names the township's centre."""
    from tests.paperwork.pdftext import page_texts

    _reviewed_by_the_township(county)
    batch = county.run("batch", "create", "--rule", RULE, db="t").split("提示")[0].split()[-1]
    pdf = tmp_path / "公示表.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="t")
    text = "".join(page_texts(pdf.read_bytes())).replace("\n", "")
    assert "向碧阳街道人力资源和社会保障服务中心反映" in text, text
    county.run("print", "settings", "--set", "异议受理单位", "碧阳街道社会事务办", db="t")
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="t")
    text = "".join(page_texts(pdf.read_bytes())).replace("\n", "")
    assert "向碧阳街道社会事务办反映" in text, text


def test_the_townships_claim_list_says_which_village_each_claim_comes_from(county):
    """`claim list` on the township's device listed each claim's person, subsidy and state,
    but not the village it came from; each line now ends with the person's place."""
    _reviewed_by_the_township(county)
    lines = county.run("claim", "list", db="t").splitlines()
    wang = next(line for line in lines if "王五" in line)
    qian = next(line for line in lines if "钱七" in line)
    assert wang.split("\t")[-1].endswith("碧阳街道 大坝村"), wang
    assert qian.split("\t")[-1].endswith("碧阳街道 小河村"), qian


def test_the_township_writes_its_five_rosters_without_typing_its_own_code(county, tmp_path):
    """`rosters --out …` on the township's device stopped at 缺少必须给出的参数：--area; a device
    enrolled for one area writes that area's 一库五册."""
    import openpyxl

    out = tmp_path / "一库五册.xlsx"
    county.run("rosters", "--out", str(out), db="t")
    title = openpyxl.load_workbook(out).worksheets[0]["A1"].value
    assert str(title).startswith("碧阳街道劳动力名册"), title
    refused = county.run("rosters", "--out", str(out), db="c", code=1)  # the county says which
    assert "--area" in refused, refused


def test_the_townships_due_list_says_which_village_each_person_lives_in(county):
    """`due` on the township's device listed each person's deadline, name and ID number, but
    not the village (the desktop's 待办 page shows it); each line now ends with the person's
    place and the JSON carries it as `place`, the columns and keys before it unchanged."""
    _reviewed_by_the_township(county)
    later = (dt.date.today() + dt.timedelta(days=70)).isoformat()  # the monthly update is due
    lines = county.run("due", "--on", later, db="t").splitlines()
    wang = [line for line in lines if "王五" in line]
    qian = [line for line in lines if "钱七" in line]
    assert wang and qian, lines
    assert all(line.split("\t")[-1].endswith("碧阳街道 大坝村") for line in wang), wang
    assert all(line.split("\t")[-1].endswith("碧阳街道 小河村") for line in qian), qian
    items = json.loads(county.run("due", "--on", later, "--json", db="t").split("\n提示")[0])
    first = items[0]
    assert {"id_number", "name", "area_code", "kind", "title"} <= set(first)
    assert first["place"].endswith(("碧阳街道 大坝村", "碧阳街道 小河村")), first


def test_the_visit_sheet_is_printed_for_the_devices_own_village_without_its_code(county, tmp_path):
    """`print visits --month …` on 大坝村's device stopped at 缺少必须给出的参数：--area, while
    rosters, due and duties take the device's own area; it now prints the device's own
    village's sheet. A visit sheet is a village's (or site's): the township's and the county's
    devices are asked for a village's --area in a sentence naming their own area, as the desktop
    does (ac54238), never a sheet titled with a township or a county."""
    from tests.paperwork.pdftext import page_texts

    month = dt.date.today().strftime("%Y-%m")
    out = tmp_path / "d.pdf"
    said = county.run("print", "visits", "--month", month, "--out", str(out), db="d")
    assert "已生成" in said, said
    flat = "".join("".join(page_texts(out.read_bytes())).split())
    assert "大坝村" in flat[:200], flat[:200]
    assert "王五" in flat and "钱七" not in flat, flat
    for stem, place in (("t", "碧阳街道"), ("c", "")):
        out = tmp_path / f"{stem}.pdf"
        said = county.run("print", "visits", "--month", month, "--out", str(out), db=stem, code=1)
        assert not place or ("不是村或安置点" in said and place in said), said
        assert "--area" in said and "缺少必须给出的参数" not in said, said
        assert not out.exists()
