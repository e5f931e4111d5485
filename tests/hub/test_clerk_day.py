"""The county IT clerk's day at the hub's command line, as the clerk stumbled on it: a rule
named in Chinese to `hub policy edit` was 不存在 with no word of which ids there are (the hub
has no other list of them); `--dismiss` without its reason was said as a refusal (exit 1),
though nothing but the command line was wrong; a refused bundle from a stick was 已移入隔离区
while the stick still had it. Real hub folder, real bundles, the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.helpers.cli import run
from tests.sync.hostile import forge

pytestmark = pytest.mark.usefixtures("plain_enrol")


def test_policy_edit_names_the_rules_the_county_can_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.codes import plain_hub

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    doc = ("--document", "七人社通〔2026〕3号")
    code, out, err = run(
        capsys, "hub", "policy", "edit", "--dir", hub, "--figure", "交通补助=400", *doc
    )
    assert code == 2 and out == "", out
    assert err.startswith(
        "错误：政策包里没有编号为 交通补助 的规则，无从修改：县里可以设定金额的规则有 "
    ), err
    assert "transport_cross_county（一次性交通补助（跨县务工））" in err
    assert "welfare_post_subsidy（乡村公益性岗位补贴）" in err
    assert "absorb_returned" not in err  # a province-set amount is no county figure
    assert err.rstrip().endswith("；未签发，各设备的政策包不变")
    code, out, err = run(
        capsys, "hub", "policy", "edit", "--dir", hub, "--extend", "吸纳补贴=2027-12-31", *doc
    )
    assert code == 2 and "县里可以延续执行的规则有 " in err, err
    assert "absorb_returned（一次性吸纳就业补贴（吸纳新返乡农村劳动力））" in err
    assert "transport_cross_county" not in err  # 长期有效: nothing to extend
    code, out, _ = run(capsys, "hub", "policy", "list", "--dir", hub, "--json")
    assert code == 0 and json.loads(out) == []
    # The id from the list is signed.
    code, out, err = run(
        capsys,
        "hub",
        "policy",
        "edit",
        "--dir",
        hub,
        "--figure",
        "transport_cross_county=400",
        *doc,
    )
    assert code == 0, err


@pytest.mark.parametrize("backend", ["sqlite"])
def test_dismissing_without_a_reason_decides_nothing(
    hub: Hub, make_device, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = make_device("红星村", "520502101001")
    forge(village, "households", "h-away", {"area_code": "520502101002", "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    (held,) = hub.rejected()
    code, out, err = run(capsys, "hub", "rejected", "--dir", hub.root, "--dismiss", held.id)
    assert code == 2 and out == "" and "不予采纳必须写明原因（--reason）" in err, err
    (still,) = hub.rejected()
    assert (still.status, still.decided_by, still.decision) == (held.status, None, None)
    code, out, err = run(
        capsys, "hub", "rejected", "--dir", hub.root, "--dismiss", held.id, "--reason", "地址不对"
    )
    assert code == 0 and "不予采纳：地址不对" in out, err


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_refused_bundle_from_a_stick_is_said_copied_and_stays(
    hub: Hub, make_device, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hub's own answer for a village, imported at the hub by mistake (the file on the
    stick meant for the village): refused, a copy kept in quarantine, the stick's file kept."""
    make_device("红星村", "520502101001")
    answer = hub.export_for("红星村", tmp_path / "给红星村.fieldsync").path
    before = answer.read_bytes()
    code, out, err = run(capsys, "hub", "import", "--dir", hub.root, answer)
    assert code == 1, err
    (line,) = out.splitlines()
    assert line.startswith("拒收 给红星村.fieldsync：数据包不是发给本机的"), line
    assert "副本已放入隔离区" in line and line.endswith("（原文件还在原处）"), line
    assert answer.read_bytes() == before
    (kept,) = [p for p in (Path(hub.root) / "quarantine").iterdir() if p.suffix == ".fieldsync"]
    assert kept.read_bytes() == before
    # From the inbox the file does leave it: said moved, as before.
    again = Path(hub.inbox) / "给红星村.fieldsync"
    again.write_bytes(before)
    code, out, err = run(capsys, "hub", "import", "--dir", hub.root)
    assert code == 1, err
    (line,) = out.splitlines()[:1]
    assert "已移入隔离区" in line and "原文件" not in line, line
    assert not again.exists()
