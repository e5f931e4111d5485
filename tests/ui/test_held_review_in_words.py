"""县里审核 (a county office's desktop) listed a held change's 修改内容 as the hub's command line
did, a programmer's way: “区域「村001」（上级区域=…，区划代码=…，名称=…，层级=村）”,
“补贴申领「张0」（补贴项目=r1，所属人员=「张0」，金额=50000，状态=已发放）”. Its cells and
tooltips now say them as the village's list does: 区域“七星关区梨树镇 新寨村”（村）,
张0的补贴申领（金额为“50000”，状态为“已发放”） — no “=”, no area codes, no ids."""

from __future__ import annotations

from fieldapp.hub.server import ServerThread
from tests.english import in_english
from tests.helpers.held_kinds import no_codes_nor_ids
from tests.ui.conftest import wait_idle
from tests.ui.county_review import county_desk

#: The 修改内容 column of the review's table.
CONTENT = 2


def test_the_county_review_says_each_change_in_words(window, qtbot, tmp_path, warnings_shown):
    hub, village, page, unsaid = county_desk(window, tmp_path, warnings_shown)
    review = page.held_review
    with ServerThread(hub.root) as server:
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        table = review.table
        cells = [table.item(r, CONTENT) for r in range(table.rowCount())]
    assert len(cells) >= 4, (warnings_shown, review.summary.text())
    for cell in cells:
        no_codes_nor_ids(cell.text(), unsaid)
        no_codes_nor_ids(cell.toolTip().split("——原因：")[0], unsaid)
    shown = {cell.text() for cell in cells}
    assert "张0的人员信息（与户主关系为“邻居”）" in shown, shown
    assert "区域“七星关区梨树镇 新寨村”（村）（上级区域为“七星关区梨树镇”）" in shown, shown
    assert "张0的补贴申领（金额为“50000”，状态为“已发放”）" in shown, shown
    (household,) = [text for text in shown if "的户信息" in text]
    assert (
        household.startswith("小河村五组 3 号的户信息（") and "地址为“小河村五组 3 号”" in household
    )
    village.close()
    hub.close()


def test_the_county_reviews_content_is_english_in_english(window, qtbot, tmp_path, warnings_shown):
    """In English the 修改内容 column stayed Chinese: the hub's line, program's words and all
    (张0的人员信息（与户主关系为“邻居”）). The hub now sends its pieces too (`content_said`): the
    table's and fields' names are said in English, the person's name and what was typed as
    they are, as the village's list says its held changes."""

    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    review = page.held_review
    with in_english():
        with ServerThread(hub.root) as server:
            page.url.setText(server.url)
            review.refresh()
            wait_idle(qtbot, page)
            table = review.table
            shown = {table.item(r, CONTENT).text() for r in range(table.rowCount())}
    person = next(text for text in shown if "邻居" in text)  # the value as typed
    assert "人员信息" not in person and "与户主关系" not in person, person
    assert "张0" in person, person  # the name as typed
    area = next(text for text in shown if "新寨村" in text)
    assert "区域" not in area.replace("七星关区", "") and "上级区域" not in area, area
    assert not any("为“" in text for text in shown), shown
    village.close()
    hub.close()


def test_an_older_hubs_line_is_shown_as_it_sent_it(qapp):
    """A hub without `content_said` (older), or pieces that do not read: its own line."""
    from fieldapp.ui.dialogs.held_review import content_shown

    line = "张0的人员信息（与户主关系为“邻居”）"
    assert content_shown({"content": line, "values": {}}) == line
    odd = {"table": "persons", "whose": "张0", "level": "", "deleted": False, "fields": [[1]]}
    assert content_shown({"content": line, "values": {}, "content_said": odd}) == line
    assert content_shown({"content": line, "values": [], "content_said": odd}) == line


def test_a_place_the_hub_does_not_list_is_said_in_english(qapp):
    """A held change setting a place the hub lists only above it: its value had been the
    hub's Chinese (七星关区梨树镇的一个村) inside the English line; from the sentence the hub
    sends beside it (`values_said`), the English window's words around the name. A sentence
    that does not read leaves the hub's value."""
    import json

    from fieldapp.domain import places_said
    from fieldapp.domain.sentences import said, sentence_json
    from fieldapp.ui.dialogs.held_review import content_shown

    place = said(places_said._BELOW[12], "七星关区梨树镇")
    pieces = {
        "table": "households", "whose": "三组", "level": "", "deleted": False, "damaged": False,
        "fields": [["area_code", "所在区域", str(place)], ["address", "地址", "三组"]],
        "values_said": {"area_code": json.loads(sentence_json(place))},
    }  # fmt: skip
    item = {"content": "…", "values": {"area_code": "520502101002", "address": "三组"}}
    odd = pieces | {"values_said": {"area_code": {"template": "<b>%1</b>", "parts": ["x"]}}}
    with in_english():
        english = content_shown(item | {"content_said": pieces})
        kept = content_shown(item | {"content_said": odd})
        older = content_shown(item | {"content_said": pieces | {"values_said": None}})
    assert "“a village in 七星关区梨树镇”" in english, english
    assert "的一个村" not in english, english
    assert "“七星关区梨树镇的一个村”" in kept and "<b>" not in kept, kept
    assert "“七星关区梨树镇的一个村”" in older, older
    chinese = content_shown(item | {"content_said": pieces})
    assert "所在区域为“七星关区梨树镇的一个村”" in chinese, chinese
