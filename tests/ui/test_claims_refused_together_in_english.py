"""补贴 → 创建申领 with several people chosen: those that cannot be claimed are said together,
each by name and why. The English window joined the name and the reason with "：" (王五：The
standard of …): now each line is joined in the window's language, the Chinese one as before."""

from __future__ import annotations

from fieldapp.policy.eligibility import Status
from tests.english import in_english
from tests.ui.conftest import wait_idle
from tests.ui.in_english import CHINESE


def _refused_lines(page, qtbot, warnings: list[str]):  # noqa: ANN001, ANN202
    """Choose an eligible person with a figure and one whose figure the county has not set
    (待县里核定标准: refused), make their claims, and return the lines of the warning."""
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    rows = page.results.rows
    eligible = [r for r, res in enumerate(rows) if res.status is Status.ELIGIBLE]
    unset = next(r for r in eligible if rows[r].amount is None)
    claimed = next(r for r in eligible if rows[r].amount is not None)
    model = page.results_view.selectionModel()
    page.results_view.clearSelection()
    for row in (claimed, unset):
        model.select(
            page.results.index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows
        )
    warnings.clear()
    page.create_claim()
    assert len(warnings) == 1, warnings
    return warnings[0].split("\n")[1:], rows[unset]


def test_a_refused_persons_name_and_reason_are_joined_in_the_windows_language(
    demo_window, qtbot, warnings_shown
):
    page = demo_window.show_page("subsidies")
    with in_english():
        lines, result = _refused_lines(page, qtbot, warnings_shown)
        assert len(lines) == 1 and lines[0].startswith(
            f"{result.name}: The standard of “{result.rule_title}” is not yet set by the county ("
        ), lines
        left = lines[0].replace(result.name, "").replace(result.rule_title, "")
        left = left[: left.index("(")] + left[left.index(")") + 1 :]  # the clause, as written
        assert not CHINESE.search(left), lines
    page = demo_window.show_page("subsidies")
    lines, result = _refused_lines(page, qtbot, warnings_shown)
    assert lines == [
        f"{result.name}：“{result.rule_title}”的补贴标准待县里核定标准（{result.clause}），"
        "县里核定并下发政策包后才能申领"
    ]
