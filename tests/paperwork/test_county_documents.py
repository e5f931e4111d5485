"""Printed papers name the rules in the county's words: the province's document and, for a figure
the county set, the county's own document number; the rules' version as people say it
(规则版本 省 2026.1、县 2026.1), never the pack's internal id (guizhou-2023@2026.1+county@2026.1).

The county's packs are made the way the county IT clerk makes them (`hub policy edit` on the
hub's command line); claims are judged under the pack in force and printed on real PDFs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.paperwork.jobs import form_job, notice_job, roster_job
from fieldapp.policy.pack import Policy
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.ledger import Ledger
from tests.codes import plain_hub
from tests.paperwork.builders import approve
from tests.paperwork.pdftext import page_texts
from tests.policy.helpers import D, populate
from tests.records import Records

RULE = "transport_cross_province_lifted"
PROVINCE = "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条"
FIRST = ["--document", "某县人社发〔2026〕3号", "--document-title", "关于一次性交通补助标准的通知",
         "--document-issuer", "某县人力资源和社会保障局", "--document-date", "2026-01-05"]  # fmt: skip
SECOND = ["--document", "某县人社发〔2026〕9号", "--document-title", "关于调整一次性交通补助标准的通知",
          "--document-issuer", "某县人力资源和社会保障局", "--document-date", "2026-06-01"]  # fmt: skip


@pytest.fixture
def hub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "县汇总"
    plain_hub(folder)
    capsys.readouterr()
    return folder


def edit(capsys: pytest.CaptureFixture[str], hub: Path, *argv: str) -> tuple[int, str]:
    code = main(["hub", "policy", "edit", "--dir", str(hub), *argv])
    out, err = capsys.readouterr()
    return code, out + err


def in_force(hub: Path) -> Policy:
    ledger = Ledger.open(hub / "hub.db")
    try:
        return load_policy(ledger).policy
    finally:
        ledger.close()


def flat(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split())


def _claim(ledger: Ledger, policy: Policy, worker: str) -> str:
    return ClaimService(ledger, policy).create(worker, RULE, on=D(2025, 6, 5)).id


def test_papers_cite_the_countys_document_for_its_figure_and_no_internal_version(
    hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = edit(capsys, hub, "--figure", f"{RULE}=400", *FIRST)
    assert code == 0, said
    policy = in_force(hub)
    assert policy.version == "guizhou-2023@2026.1+county@2026.1"  # the pack's own id, kept
    ledger = Ledger.open(tmp_path / "village.db", author="村专员")
    worker = populate(Records(ledger))["worker"]
    claim_id = _claim(ledger, policy, worker)
    batch, _ = ClaimService(ledger, policy).create_batch(RULE, state=ClaimState.DRAFT)
    approve(ClaimService(ledger, policy), claim_id)  # the 发放花名册 lists what the county approved
    papers = {
        "申请表": flat(form_job(ledger, claim_id).render()),
        "花名册": flat(roster_job(ledger, batch.id).render()),
        "公示表": flat(notice_job(ledger, batch.id, dt.date(2026, 11, 23), policy).render()),
    }
    for kind, text in papers.items():
        assert PROVINCE in text, kind
        assert "某县人社发〔2026〕3号" in text, kind  # the county's document for its 400 元
        assert "guizhou-2023" not in text and "@" not in text and "county" not in text, kind
    for kind in ("申请表", "花名册"):
        assert "规则版本省2026.1、县2026.1" in papers[kind], kind

    # The county changes the figure on a later document: a new claim cites the new document;
    # the claim judged under the first edition still prints the first, and its own version.
    code, said = edit(capsys, hub, "--figure", f"{RULE}=450", *SECOND)
    assert code == 0, said
    newer = in_force(hub)
    other = Ledger.open(tmp_path / "other.db", author="村专员")
    later = _claim(other, newer, populate(Records(other))["worker"])
    text = flat(form_job(other, later).render())
    assert "某县人社发〔2026〕9号" in text and "某县人社发〔2026〕3号" not in text
    assert "规则版本省2026.1、县2026.2" in text
    before = flat(form_job(ledger, claim_id).render())
    assert "某县人社发〔2026〕3号" in before and "某县人社发〔2026〕9号" not in before
    assert "规则版本省2026.1、县2026.1" in before
    other.close()
    ledger.close()


def test_a_county_figure_without_the_countys_document_is_refused(
    hub: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = edit(capsys, hub, "--figure", f"{RULE}=400")
    assert code == 2
    assert (
        "县定金额须写明县里定这个金额的文件文号" in said
        and "--document" in said
        and "未签发" in said
    )
    assert in_force(hub).pack.source == "builtin"
    # Clearing a figure back to 待县里核定标准 needs no document.
    code, said = edit(capsys, hub, "--figure", f"{RULE}=400", *FIRST)
    assert code == 0, said
    code, said = edit(capsys, hub, "--figure", f"{RULE}=-")
    assert code == 0, said
    assert in_force(hub).rule(RULE).amount.value is None


HAND_WRITTEN = """
[pack]
id = "county"
version = "VERSION"
title = "某县就业帮扶政策"
extends = "guizhou-2023"
authority = "某县人力资源和社会保障局"
document = "某县人社发〔2026〕3号"

[[documents]]
number = "某县人社发〔2026〕3号"
title = "关于一次性交通补助标准的通知"
issuer = "某县人力资源和社会保障局"

[[overrides]]
rule = "transport_cross_province_lifted"
figure = FIGURE
"""


def _pack(tmp_path: Path, version: str, figure: int, document: bool) -> Path:
    text = HAND_WRITTEN.replace("VERSION", version).replace("FIGURE", str(figure))
    if document:
        text += 'figure_document = "某县人社发〔2026〕3号"\n'
    path = tmp_path / f"county-{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _publish(capsys: pytest.CaptureFixture[str], hub: Path, path: Path) -> tuple[int, str]:
    code = main(["hub", "policy", "publish", "--dir", str(hub), str(path)])
    out, err = capsys.readouterr()
    return code, out + err


def _publish_as_before(hub: Path, text: str) -> None:
    """A county pack published before figures named their documents (as the hub stored it)."""
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.published import PublishedPack
    from fieldapp.store import policy_packs
    from fieldapp.store.sync_state import SyncState, now_text

    ledger = Ledger.open(hub / "hub.db")
    try:
        header = parse_pack_text(text, "county.toml").pack
        identity = SyncState(ledger.db).identity()
        assert identity is not None
        record = PublishedPack(
            header.id, header.version, policy_packs.next_seq(ledger.db), now_text(), text
        ).signed(identity.sign_secret)
        with ledger.transaction():
            ledger.insert(
                policy_packs.TABLE,
                record.as_row(),
                row_id=policy_packs.row_id(header.id, header.version),
            )
    finally:
        ledger.close()


def test_a_hand_written_pack_names_the_document_of_each_figure_it_sets(
    hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _publish(capsys, hub, _pack(tmp_path, "2026.1", 400, document=False))
    assert code == 2
    # The rule by its title and document, not 规则 transport_cross_province_lifted（…）.
    assert (
        f"“一次性交通补助（脱贫人口新跨省务工）”（{PROVINCE}）的县定金额 400 元"
        "须写明县里定这个金额的文件文号，并列入本包的文件"
    ) in said
    # … and, for the pack's author on the command line, the keys to write.
    assert "\n政策包文件中的写法：figure_document，并列入 [[documents]]" in said
    assert RULE not in said and "未签发" in said
    code, said = _publish(capsys, hub, _pack(tmp_path, "2026.1", 400, document=True))
    assert code == 0, said
    assert in_force(hub).rule(RULE).citation == f"{PROVINCE}；县定标准：某县人社发〔2026〕3号"


def test_a_figure_published_before_documents_were_named_keeps_working(
    hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _pack(tmp_path, "2026.1", 400, document=False).read_text(encoding="utf-8")
    _publish_as_before(hub, old)
    assert in_force(hub).rule(RULE).amount.value == 400
    # The next edition decides something else: the old figure is carried as it was.
    code, said = edit(capsys, hub, "--holiday", "2027-03-01")
    assert code == 0, said
    policy = in_force(hub)
    assert policy.rule(RULE).amount.value == 400 and policy.rule(RULE).figure_document == ""
    # A claim under it prints the province's document and the version, nothing invented.
    ledger = Ledger.open(tmp_path / "village.db", author="村专员")
    claim_id = _claim(ledger, policy, populate(Records(ledger))["worker"])
    text = flat(form_job(ledger, claim_id).render())
    assert PROVINCE in text and "规则版本省2026.1、县2026.2" in text and "县定标准：" not in text
    ledger.close()
    # The same file again under a new version is accepted; a new figure in it is not.
    code, said = _publish(capsys, hub, _pack(tmp_path, "2026.3", 400, document=False))
    assert code == 0, said
    code, said = _publish(capsys, hub, _pack(tmp_path, "2026.4", 450, document=False))
    assert code == 2 and "县定金额 450 元须写明" in said


def test_the_monitoring_line_cites_the_countys_document_when_a_post_holder_is_flagged(
    hub: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line is the county's figure too: the flag telling a coordinator that someone should
    leave a public-welfare post names the county document that set the line."""
    from fieldapp.policy.facts import MonthFacts
    from fieldapp.policy.households import DutyKind, HouseholdFacts, household_duties
    from tests.policy.helpers import person, spell

    code, said = edit(capsys, hub, "--income-line", "650")
    assert code == 2 and "监测收入线" in said and "--document" in said and "未签发" in said
    code, said = edit(capsys, hub, "--income-line", "650", *FIRST)
    assert code == 0, said
    policy = in_force(hub)
    post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    months = tuple(MonthFacts(f"2025-{m:02d}", "已就业", 900.0) for m in range(3, 9))
    household = HouseholdFacts(
        "h", "520502001001", "007", "", members=[person(spells=(post,), months=months)]
    )
    (flag,) = household_duties(policy, [household], D(2025, 9, 10))
    assert flag.kind == DutyKind.INCOME_ABOVE_LINE and "超过监测线 650 元/月" in flag.text
    assert flag.clause.endswith("；监测收入线：某县人社发〔2026〕3号"), flag.clause
    # A later edition deciding something else keeps the line's document.
    code, said = edit(capsys, hub, "--figure", f"{RULE}=400", *SECOND)
    assert code == 0, said
    (flag,) = household_duties(in_force(hub), [household], D(2025, 9, 10))
    assert flag.clause.endswith("；监测收入线：某县人社发〔2026〕3号"), flag.clause
