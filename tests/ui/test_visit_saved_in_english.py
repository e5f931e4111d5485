"""The 走访 page's line after a visit is saved, in an English window, listed the services
with the Chinese 、: “Recorded in the ledger: 杨兰 (whole household) 7 December 2026
Vocational training (5 day(s))、Work placement”. The services are listed in English."""

from __future__ import annotations

from fieldapp.domain.models import Person
from tests.records import Records


def test_the_services_of_a_saved_visit_are_listed_in_english(window, qtbot):
    head = Records(window.session.ledger).select(Person, "name = ?", ["张长英"])[0]
    window.set_language("en")
    try:
        page = window.show_page("visits")
        page.prefill(head.id, "岗位推荐")
        page.set_services(["岗位推荐", "职业指导"])
        assert page.save()
        said = page.status.text()
        assert "Job recommendation" in said and "Career guidance" in said, said
        assert "、" not in said, said
    finally:
        window.set_language("zh_CN")
    page = window.show_page("visits")
    page.prefill(head.id, "岗位推荐")
    page.set_services(["岗位推荐", "职业指导"])
    assert page.save()
    assert "职业指导、岗位推荐" in page.status.text() or "岗位推荐、职业指导" in page.status.text()
