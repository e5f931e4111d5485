"""The county's list of held changes (`hub rejected`, and `content` for the county desktop's
review) said them as a programmer would: “人员信息「张0」（与户主关系=邻居）”, “区域「村001」
（上级区域=…，区划代码=520502101009，名称=…，层级=村）”, “补贴申领「张0」（补贴项目=r1，
所属人员=「张0」，金额=50000，状态=已发放）”. It now says them as the village's list does
(`services.change_said`): whose record, which field, to what value — 张0的人员信息（与户主关系为
“邻居”）, 区域“七星关区梨树镇 新寨村”（村）, 张0的补贴申领（金额为“50000”…） — no “=”, no
area codes, no ids."""

from __future__ import annotations

import pytest

from fieldapp.hub import server as service
from fieldapp.store.ledger import natural_id
from tests.helpers.cli import run
from tests.helpers.held_kinds import held_of_each_kind, no_codes_nor_ids
from tests.sync.hostile import forge


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_countys_list_says_whose_which_field_and_what_value(hub, make_device, tmp_path, capsys):
    village = make_device("红星村", "520502101001")
    unsaid = held_of_each_kind(hub, village, "520502101001", tmp_path)

    code, out, err = run(capsys, "hub", "rejected", "--dir", hub.root)
    assert code == 0, err
    lines = out.splitlines()
    items = service.held_items(hub, hub.rejected())
    contents = {str(item["table"]): str(item["content"]) for item in items}
    for text in [*lines, *contents.values(), *(str(i["description"]) for i in items)]:
        no_codes_nor_ids(text.split("——原因：")[0], unsaid)

    assert contents["persons"] == "张0的人员信息（与户主关系为“邻居”）", contents
    household = contents["households"]
    assert household.startswith("小河村五组 3 号的户信息（"), household
    # A village the hub does not list, as its reason says it (it said the township alone).
    assert "地址为“小河村五组 3 号”" in household, household
    assert "所在区域为“七星关区梨树镇的一个村”" in household, household
    (reason,) = [str(i["reason"]) for i in items if i["table"] == "households"]
    assert "七星关区梨树镇的一个村" in reason, reason
    assert contents["areas"] == "区域“七星关区梨树镇 新寨村”（村）（上级区域为“七星关区梨树镇”）"
    # The claim's person is the line's subject, said once; its 补贴项目 id says nothing.
    assert contents["claims"] == "张0的补贴申领（金额为“50000”，状态为“已发放”）", contents
    # The command line's lines lead with the number it names a change by, then the same words.
    for item in items:
        (line,) = [x for x in lines if x.startswith(f"{item['id']}. ")]
        assert f"：{item['content']}——原因：" in line, line


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_change_the_county_cannot_accept_names_its_record_as_the_list_does(
    hub, make_device, tmp_path, capsys
):
    """`hub rejected --accept` refused with 第 1 条（人员信息「张0」）不能接受, and named a record
    the hub has no name for by its row's id; now by whose record it is, as the list says it
    (张0的人员信息), the record's kind alone when nothing names it."""
    village = make_device("红星村", "520502101001")
    nameless = natural_id("persons", "nameless", "1")
    forge(village, "persons", nameless, {"id_number": "5205XX"})
    person = held_of_each_kind(hub, village, "520502101001", tmp_path)[1]
    held = {h.change.row_id: h.id for h in hub.rejected()}

    code, _, err = run(capsys, "hub", "rejected", "--dir", hub.root, "--accept", str(held[person]))
    assert code == 1
    assert f"第 {held[person]} 条（张0的人员信息）不能接受：" in err, err
    assert "「" not in err.split("不能接受")[0], err
    code, _, err = run(
        capsys, "hub", "rejected", "--dir", hub.root, "--accept", str(held[nameless])
    )
    assert code == 1
    assert f"第 {held[nameless]} 条（人员信息）不能接受：" in err, err
    assert nameless not in err, err
