"""In English the county's review (and the village's list) said a held change's program words
in Chinese inside English lines: a claim's state (State “已发放”), an area's level ((村)), and
the hub's reason, a Chinese sentence. The states, work statuses and levels are the program's
own vocabularies and are now said in the language shown; what people typed stays as typed.
The reason is said from the sentence the hub kept (`reason_said`, migration 43) in the
language shown, else from this program's own table of the rule the held change carries
(`trust.RULES`, translated), the hub's sentence beside it as the cell's tooltip; in Chinese
(or for a rule this program does not know) the hub's sentence as it wrote it."""

from __future__ import annotations

from fieldapp.hub.server import ServerThread
from fieldapp.services.trust import RULES
from fieldapp.ui import i18n
from fieldapp.ui.held_words import HeldLine, reason_shown, rule_word
from tests.english import in_english
from tests.ui.conftest import as_drawn, wait_idle
from tests.ui.county_review import county_desk

CONTENT, REASON = 2, 3


def _review(window, qtbot, tmp_path, warnings_shown, lang: str):  # noqa: ANN202
    """(content, reason, reason's tooltip, the item) of each row of the county's review."""
    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    review = page.held_review
    try:
        assert i18n.install_language(lang) or lang.startswith("zh")
        with ServerThread(hub.root) as server:
            page.url.setText(server.url)
            review.refresh()
            wait_idle(qtbot, page)
            table = review.table
            rows = [
                (
                    table.item(r, CONTENT).text(),
                    table.item(r, REASON).text(),
                    as_drawn(table.item(r, REASON).toolTip()),  # as the tooltip draws it
                    review.items[r],
                )
                for r in range(table.rowCount())
            ]
    finally:
        i18n.install_language("zh_CN")
        village.close()
        hub.close()
    assert len(rows) >= 4, (warnings_shown, review.summary.text())
    return rows


def test_states_levels_and_reasons_are_english_in_english(window, qtbot, tmp_path, warnings_shown):
    rows = _review(window, qtbot, tmp_path, warnings_shown, "en")
    contents = [content for content, *_ in rows]
    claim = next(text for text in contents if "50000" in text)
    assert "“Paid”" in claim and "已发放" not in claim, claim
    area = next(text for text in contents if "新寨村" in text)  # the name as typed
    assert "(Village)" in area and "村）" not in area.replace("新寨村", ""), area
    for _content, reason, tip, item in rows:
        assert item["rule"] in RULES, item
        # The hub's sentence said in English (`reason_said`; the names, places and values in
        # it as typed: tests/ui/test_held_reason_in_english.py), its Chinese beside.
        assert item["reason_said"] is not None, item
        assert reason[:1].isascii() and reason[:1].isupper(), (reason, item["rule"])
        assert reason != item["reason"] and tip == item["reason"]


def test_in_chinese_the_hubs_reason_is_said_as_it_wrote_it(window, qtbot, tmp_path, warnings_shown):
    rows = _review(window, qtbot, tmp_path, warnings_shown, "zh_CN")
    for _content, reason, tip, item in rows:
        assert reason == item["reason"] and tip == ""
    contents = [content for content, *_ in rows]
    assert "张0的补贴申领（金额为“50000”，状态为“已发放”）" in contents, contents
    assert any("新寨村”（村）" in text for text in contents), contents


def test_a_rule_this_program_does_not_know_says_the_hubs_reason(qapp):
    with in_english():
        assert rule_word("a_newer_hubs_rule") == ""
        assert reason_shown("a_newer_hubs_rule", "新版中心的原因") == "新版中心的原因"
        assert reason_shown("scope", "超出本机负责的范围：……") == "Outside this computer's area"
        # A value outside the program's words is said as typed, in a vocabulary's field too.
        line = HeldLine().said(
            "claims", "张0", "", False, [("state", "状态", "自拟状态")], {"state": "自拟状态"}
        )
        assert "“自拟状态”" in line, line


def test_a_jobs_form_a_service_and_a_relation_are_english_in_english(qapp):
    """The vocabularies were keyed by field name alone and held only states, statuses and
    levels: a job's form (未登记), a service's type, a relation stayed Chinese in English. They
    are now keyed by (table, field): the same field name in another table (an export's kind,
    a county draft's status) is not taken for an area's level or a month's status."""
    line = HeldLine()
    with in_english():
        for table, fields, english in [
            (
                "employment_spells",
                [
                    ("form", "就业形式", "未登记"),
                    ("employer_kind", "用人单位类型", "农民专业合作社"),
                ],
                ["“Not recorded”", "“Farmers' cooperative”"],
            ),
            (
                "services",
                [
                    ("service_type", "服务类型", "岗位推荐"),
                    ("training_kind", "培训类型", "以工代训"),
                ],
                ["“Job recommendation”", "“Training through work”"],
            ),
            (
                "persons",
                [("relation", "与户主关系", "配偶"), ("health", "健康状况", "健康")],
                ["“Spouse”", "“Healthy”"],
            ),
        ]:
            raw = {key: value for key, _label, value in fields}
            said = line.said(table, "张三", "", False, fields, raw)
            assert all(word in said for word in english), said
        # One field name, another table: an export's kind is not an area's level.
        export = line.said("export_log", "", "", False, [("kind", "类型", "县")], {"kind": "县"})
        assert "“县”" in export and "County" not in export, export
        # What is stored is not changed: the line is said from the values as they are.
        raw = {"form": "未登记"}
        line.said("employment_spells", "张三", "", False, [("form", "就业形式", "未登记")], raw)
        assert raw == {"form": "未登记"}
    chinese = line.said(
        "employment_spells", "张三", "", False, [("form", "就业形式", "未登记")], {"form": "未登记"}
    )
    assert chinese == "张三的就业经历（就业形式为“未登记”）", chinese
