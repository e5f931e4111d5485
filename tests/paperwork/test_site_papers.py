"""Papers printed for a relocation site (易地搬迁安置点): the site is named as a site, not a
village — the application form's place line and the visit sheet's signature line."""

from __future__ import annotations

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.paperwork.jobs import form_job, visits_job
from tests.paperwork.builders import TOWNSHIP, add_claims
from tests.paperwork.pdftext import page_texts
from tests.records import Records

SITE, BUILDING = TOWNSHIP + "901", TOWNSHIP + "901002"


def _moved_to_the_site(ledger) -> str:
    """One claim, its household and the claim's area at building 2 of a site; its id."""
    _batch, (claim_id,) = add_claims(ledger, 1)
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(
            Area(code=SITE, name="幸福社区安置点", kind=AreaKind.SITE, parent_code=TOWNSHIP)
        )
        repo.ensure_area(Area(code=BUILDING, name="2栋", kind=AreaKind.BUILDING, parent_code=SITE))
        claim = ledger.get("claims", claim_id)
        household = ledger.get("persons", claim["person_id"])["household_id"]
        ledger.update("households", household, {"area_code": BUILDING})
        ledger.update("claims", claim_id, {"area_code": BUILDING})
    return claim_id


def test_a_sites_application_form_names_the_site_as_a_site(ledger):
    claim_id = _moved_to_the_site(ledger)
    (text,) = page_texts(form_job(ledger, claim_id).render())
    flat = "".join(text.split())
    assert "乡镇（街道）：龙坑街道" in flat
    assert "安置点：幸福社区安置点" in flat
    assert "村（社区）：幸福社区安置点" not in flat


def test_a_sites_visit_sheet_is_signed_by_the_sites_head(ledger):
    _moved_to_the_site(ledger)
    (text,) = page_texts(visits_job(ledger, SITE, "2026-10", due=lambda pid: []).render())
    flat = "".join(text.split())
    assert "安置点负责人（签字）" in flat
    assert "村（社区）负责人" not in flat


def test_a_sites_public_notice_says_the_site_reviewed_first(ledger):
    """A site's batch: the notice read 经个人申请、村级初审 as if a village had reviewed it."""
    from fieldapp.paperwork.jobs import notice_job

    claim_id = _moved_to_the_site(ledger)
    batch_id = ledger.get("claims", claim_id)["batch_id"]
    ledger.update("batches", batch_id, {"area_code": SITE})
    texts = page_texts(notice_job(ledger, batch_id).render())
    flat = "".join("".join(texts).split())
    assert "经个人申请、安置点初审" in flat, flat[:300]
    assert "村级初审" not in flat
