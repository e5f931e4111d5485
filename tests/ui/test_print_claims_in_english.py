"""打印's 申领 list names each claim with its state (张三 一次性交通补助 已提交 …): the English
window said the state in Chinese (已提交) where the 补贴 page says Submitted. The state is
said in the language shown, as the 补贴 page says it; names and the subsidy's title, the
county's words, as they are."""

from __future__ import annotations

from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.ui.held_words import word_shown
from tests.english import in_english
from tests.paperwork.builders import add_claims


def _claims(window) -> list[str]:  # noqa: ANN001
    page = window.show_page("print")
    page.refresh()
    return [page.claim.itemText(i) for i in range(page.claim.count())]


def test_a_claims_state_is_said_in_the_language_shown(window, qtbot):
    add_claims(window.session.ledger, 2)
    states = {str(c.state) for c in ClaimQueries(window.session.ledger).all()}
    assert states
    chinese = _claims(window)
    assert len(chinese) == 2
    assert all(any(state in text for state in states) for text in chinese), chinese
    with in_english():
        english = _claims(window)
        said = {word_shown(state) for state in states}
    assert said.isdisjoint(states)  # each state has its English word
    for text in english:
        assert not any(state in text for state in states), text
        assert any(word in text for word in said), text
