"""Papers cite documents as people know them: no printed paper contains the seeds' file codes.

The ledger holds one claim made the old way (its clause stored as a file code) and one made
through today's pack (a rule of the six departments' opinion, extended by a county document):
every paper prints the official number or title, and the county's document.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from fieldapp.paperwork.jobs import certificate_job, form_job, notice_job, roster_job, visits_job
from fieldapp.policy.citations import official
from fieldapp.policy.combine import combine
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimService
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries
from tests.paperwork.builders import VILLAGE, add_claims
from tests.paperwork.pdftext import page_texts
from tests.policy.helpers import COUNTY_PACK, D, populate
from tests.records import Records

#: The seed files' codes as a clause would print them ("001 附件2（四）", "004（五）"), not digits
#: that end an ID or account number.
FILE_CODE = re.compile(r"(?<![0-9])00[1-4](?: |（)")
EXTENDED = COUNTY_PACK.replace(
    '[[overrides]]\nrule = "transport_cross_province_lifted"\nfigure = 500',
    '[[overrides]]\nrule = "transport_cross_province_lifted"\nfigure = 500\n'
    'valid_to = 2026-12-31\ndocument = "七人社通〔2026〕3号"',
)


def _text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def _assert_official(text: str) -> None:
    # "001 " after other digits is the end of an area code (520321101001), not a citation.
    assert not FILE_CODE.search(text), FILE_CODE.search(text)
    assert "004（" not in text


def test_no_printed_paper_contains_a_file_code(ledger: Ledger) -> None:
    batch_id, claims = add_claims(ledger, 3)  # stored the old way: the seed file's code
    assert ClaimQueries(ledger).get(claims[0]).source_clause.startswith("001")
    form = _text(form_job(ledger, claims[0]).render())
    roster = _text(roster_job(ledger, batch_id).render())
    notice = _text(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    visits = _text(visits_job(ledger, VILLAGE, "2026-10", due=lambda pid: []).render())
    person = ledger.get("claims", claims[0])["id_number"]
    certificate = _text(certificate_job(ledger, person).render())
    for text in (form, roster, notice, visits, certificate):
        _assert_official(text)
    for text in (form, roster, notice):
        flat = "".join(text.split())
        assert "黔府发〔2023〕12号附件2第（四）条" in flat
        assert "规则版本2026.1" in flat  # the version the claims were judged under


def test_a_claim_under_todays_pack_prints_the_document_and_the_county_extension(
    tmp_path: Path,
) -> None:
    base = PolicyRegistry(local=tmp_path / "none").base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(EXTENDED, "county.toml"))])
    ledger = Ledger.open(tmp_path / "l.db", author="村专员")
    ids = populate(Records(ledger))
    claim = ClaimService(ledger, policy).create(
        ids["worker"], "transport_cross_province_lifted", on=D(2025, 6, 5)
    )
    text = _text(form_job(ledger, claim.id).render())
    _assert_official(text)
    flat = "".join(text.split())
    assert "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条" in flat
    assert "七人社通〔2026〕3号" in flat
    ledger.close()


def test_old_codes_become_official_citations() -> None:
    assert official("001 附件3（六）3") == "黔府发〔2023〕12号 附件3 第（六）条第3项"
    assert official("003（十六）") == "黔人社发〔2019〕20号 第（十六）条"
    assert official("004（十三）").endswith("实施意见》第（十三）条")
    same = "黔府发〔2023〕12号 附件2 第（四）条"
    assert official(same) == same


def test_the_code_and_the_packs_cite_no_file_codes_outside_comments() -> None:
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run(
        ["git", "grep", "-nE", "00[1-4] ?附件|00[1-4]（", "--", "fieldapp"],
        cwd=root,
        capture_output=True,
        text=True,
    ).stdout
    lines = [
        line for line in found.splitlines() if not line.split(":", 2)[2].lstrip().startswith("#")
    ]
    assert lines == []


def test_versions_are_said_as_people_say_them() -> None:
    from fieldapp.policy.citations import rules_version, version_words

    assert rules_version("guizhou-2023@2026.1") == "规则版本 2026.1"
    assert rules_version("guizhou-2023@2026.1+county@2026.2") == "规则版本 省 2026.1、县 2026.2"
    assert version_words("2026.1") == "2026.1"  # stored before packs had ids
    both = "guizhou-2023@2026.1+county@2026.1、guizhou-2023@2026.1+county@2026.2"
    assert version_words(both) == "省 2026.1、县 2026.1；省 2026.1、县 2026.2"
    assert rules_version("") == ""
