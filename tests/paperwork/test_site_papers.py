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


def _moved_to_the_site(ledger, claim_id: str = "") -> str:
    """One claim (`claim_id`, else a new one), its household and the claim's area at building
    2 of a site; its id."""
    if not claim_id:
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


def test_a_sites_application_form_is_reviewed_first_by_the_site(ledger):
    """A site's claim is reviewed first by the site (its notice says 经个人申请、安置点初审, its
    visit sheet is signed by the 安置点负责人), but its 申请表's first review box read 村（居）委会
    审核意见 — a box for a village committee the site's people do not belong to; it now reads
    安置点审核意见. A village's form is as before."""
    claim_id = _moved_to_the_site(ledger)
    (text,) = page_texts(form_job(ledger, claim_id).render())
    flat = "".join(text.split())
    assert "安置点审核意见" in flat, flat
    assert "村（居）委会" not in flat
    _batch, (village_claim,) = add_claims(ledger, 1)
    (text,) = page_texts(form_job(ledger, village_claim).render())
    assert "村（居）委会审核意见" in "".join(text.split())


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


def _registered_in_the_old_village(ledger) -> tuple[str, str]:
    """A relocated person: lives at the site's building 2, 户籍 still in 大坪村 三组; their
    claim's id and ID number."""
    from tests.paperwork.builders import GROUP

    claim_id = _moved_to_the_site(ledger)
    person_id = ledger.get("claims", claim_id)["person_id"]
    ledger.update("persons", person_id, {"hukou_code": GROUP})
    household = ledger.get("persons", person_id)["household_id"]
    ledger.update("households", household, {"address": "1单元301"})
    return claim_id, ledger.get("persons", person_id)["id_number"]


def _line(flat: str, label: str) -> str:
    """What follows `label` on a flattened page, up to the next label."""
    rest = flat.split(label, 1)[1]
    for stop in ("现住址", "人员类别", "联系电话", "户籍地址"):
        rest = rest.split(stop, 1)[0]
    return rest


def test_a_relocated_persons_form_prints_the_registered_village_under_hukou(ledger):
    """The 申请表 printed the site's flat under 户籍地址 for a person whose 户籍 is still in
    the old village; it prints the village there and the flat under 现住址."""
    claim_id, _number = _registered_in_the_old_village(ledger)
    (text,) = page_texts(form_job(ledger, claim_id).render())
    flat = "".join(text.split())
    assert _line(flat, "户籍地址") == "播州区龙坑街道大坪村三组", flat[:400]
    assert _line(flat, "现住址") == "播州区龙坑街道幸福社区安置点2栋1单元301", flat[:400]


def test_a_relocated_persons_work_certificate_prints_the_registered_village(ledger):
    from fieldapp.paperwork.jobs import certificate_job

    _claim_id, number = _registered_in_the_old_village(ledger)
    (text,) = page_texts(certificate_job(ledger, number).render())
    flat = "".join(text.split())
    assert _line(flat, "户籍地址") == "播州区龙坑街道大坪村三组", flat[:400]


def test_a_person_who_never_moved_prints_one_address(ledger):
    """户籍 at the county (as an import sets it) and a home inside it: the home is printed
    under 户籍地址, once, with no 现住址 line repeating it."""
    from tests.paperwork.builders import COUNTY

    _batch, (claim_id,) = add_claims(ledger, 1)
    person_id = ledger.get("claims", claim_id)["person_id"]
    ledger.update("persons", person_id, {"hukou_code": COUNTY})
    (text,) = page_texts(form_job(ledger, claim_id).render())
    flat = "".join(text.split())
    assert "户籍地址播州区龙坑街道大坪村三组" in flat, flat[:400]
    assert "现住址" not in flat


def test_a_site_residents_casual_work_certificate_is_checked_by_the_site(ledger):
    """The 务工证明（临时务工） of a person living in a site asked 村（居）委会核实意见 — a village
    committee the site's people do not belong to (the site's 申请表 reads 安置点审核意见); it
    now asks 安置点核实意见. A village resident's asks the village as before."""
    from fieldapp.paperwork.jobs import certificate_job

    def flat() -> str:
        pdf = certificate_job(ledger, number, True).render()
        return "".join("".join(page_texts(pdf)).split())

    _batch, (claim_id,) = add_claims(ledger, 1)
    number = ledger.get("claims", claim_id)["id_number"]
    assert "村（居）委会核实意见" in flat()
    _moved_to_the_site(ledger, claim_id)
    assert "安置点核实意见" in flat() and "村（居）委会" not in flat(), flat()


def test_a_rosters_village_column_says_what_its_rows_are(ledger):
    """A township's batch of a village and a site printed its place column as 村（社区）
    — a relocation site listed under a village's header; the header now says 村（社区）/安置点
    when both are on it, 安置点 when only sites are (as the visit sheet says it)."""
    from fieldapp.paperwork.jobs import roster_job

    batch_id, (village_claim, site_claim) = add_claims(ledger, 2)
    _moved_to_the_site(ledger, site_claim)
    texts = page_texts(roster_job(ledger, batch_id).render())
    flat = "".join("".join(texts).split())
    assert "村（社区）/安置点" in flat, flat[:400]
    assert "幸福社区安置点" in flat and "大坪村" in flat
    # Two sites, no village: the header names sites only.
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(
            Area(
                code=SITE[:-1] + "2",
                name="希望社区安置点",
                kind=AreaKind.SITE,
                parent_code=TOWNSHIP,
            )
        )
        ledger.update("claims", village_claim, {"area_code": SITE[:-1] + "2"})
        household = ledger.get("persons", ledger.get("claims", village_claim)["person_id"])
        ledger.update("households", household["household_id"], {"area_code": SITE[:-1] + "2"})
    flat = "".join("".join(page_texts(roster_job(ledger, batch_id).render())).split())
    assert "希望社区安置点" in flat and "幸福社区安置点" in flat, flat[:400]
    assert "村（社区）" not in flat, flat[:400]
    assert "安置点" in flat.split("姓名", 1)[0], flat[:400]
