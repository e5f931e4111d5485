"""The county editor's publish of 就业状态 words differing only by spaces ("在家", " 在家"): its
table names both spellings next to the later row, in Chinese, and nothing is submitted; a
pack's text so written is refused where the county device submits it, as the hub refuses it
when publishing (`tests/tabular/test_county_status_words_spaced.py`). A pack the hub signed
before so spelt (read as one word, the later meaning) is edited into an edition writing the
word once: the editor tells the clerk which spelling goes and which meaning stays, in the
language shown, before anything is submitted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.hub.folder import Hub
from fieldapp.policy.pack import PackError
from fieldapp.policy.published import PublishedPack
from fieldapp.services.policy_admin import adopt_hub_packs, draft_answers, submit_draft
from fieldapp.store import policy_packs
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.exchange import import_bundle
from fieldapp.ui import policy_access
from tests.policy.helpers import COUNTY_PACK
from tests.ui.county_editor import _editor, county_hub  # noqa: F401 - a fixture

SAID = "就业状态用词“在家”和“ 在家”只差前后的空格，是同一个词写了两次"


def test_the_county_editor_names_both_spellings_and_submits_nothing(
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:
    dialog = _editor(window, qtbot)
    for word, status in (("在家", "未就业"), (" 在家", "已就业")):
        qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
        row = dialog.words.rowCount() - 1
        dialog.words.item(row, 0).setText(word)
        box = dialog.words.cellWidget(row, 1)
        box.setCurrentIndex(box.findData(status))
    assert not dialog.submit()
    assert dialog.words.item(0, 2).text() == ""
    assert dialog.words.item(1, 2).text() == SAID
    assert dialog.error.text() == "请检查：" + SAID
    assert draft_answers(window.session.ledger) == []
    # The later row removed, the word is submitted once.
    dialog.words.selectRow(1)
    qtbot.mouseClick(dialog.remove_word_button, Qt.MouseButton.LeftButton)
    assert dialog.submit(), dialog.error.text()
    assert "status_words" in dialog.text and '"在家" = "未就业"' in dialog.text
    assert len(draft_answers(window.session.ledger)) == 1


def test_a_text_so_written_is_refused_where_the_county_device_submits_it(
    county_hub,  # noqa: F811
    window,
) -> None:
    text = COUNTY_PACK + '\n[status_words]\n"在家" = "未就业"\n" 在家" = "已就业"\n'
    line = text.splitlines().index('" 在家" = "已就业"') + 1
    with pytest.raises(PackError) as refused:
        submit_draft(window.session.ledger, text)
    assert str(refused.value) == f"政策包 county.toml 第 {line} 行：{SAID}"
    assert draft_answers(window.session.ledger) == []


#: What the county clerk is told of a pack signed before with “在家” and “ 在家”.
MERGED = (
    "现行政策包中就业状态用词“在家”（读作“未就业”）、“ 在家”（读作“已就业”）只差前后的空格，"
    "读时算同一个词“在家”，按后写的读作“已就业”：新版只写一次“在家”读作“已就业”，“ 在家”不再写入"
)
MERGED_EN = (
    "In the pack in force, the status words “在家” (read as “Not employed”), “ 在家” (read as "
    "“Employed”) differ only by spaces before or after and are read as one word “在家”, as "
    "the later one says: “Employed”. The new edition writes “在家” once, read as “Employed”; "
    "no longer written: “ 在家”"
)


def _signed_before(hub: Hub, window, tmp_path) -> None:  # noqa: ANN001
    """The hub's pack of 2026.2, signed by an earlier program that let “ 在家” stand, on the
    county device through a real bundle."""
    identity = SyncState(hub.ledger.db).identity()
    assert identity is not None
    text = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
    text += '\n[status_words]\n"在家" = "未就业"\n" 在家" = "已就业"\n'
    row = PublishedPack("qixingguan", "2026.2", 1, "2026-12-01T10:00:00", text)
    with hub.ledger.transaction():
        hub.ledger.insert(
            policy_packs.TABLE,
            row.signed(identity.sign_secret).as_row(),
            row_id=policy_packs.row_id("qixingguan", "2026.2"),
        )
    ledger = window.session.ledger
    import_bundle(ledger, hub.export_for("县人社局", tmp_path / "down.fieldsync").path)
    adopt_hub_packs(ledger)
    policy_access.reset()


def test_the_editor_tells_which_spelling_goes_before_submitting(
    county_hub,  # noqa: F811
    window,
    qtbot,
    tmp_path,
) -> None:
    _signed_before(county_hub, window, tmp_path)
    dialog = _editor(window, qtbot)
    # Told as the form opens, above the table showing the word once with the meaning kept.
    assert dialog.merged_note.isVisibleTo(dialog)
    assert dialog.merged_note.text() == MERGED
    assert dialog.words.rowCount() == 1 and dialog.words.item(0, 0).text() == "在家"
    assert dialog.words.cellWidget(0, 1).currentData() == "已就业"
    # 检查 says it again with what the edition writes.
    assert dialog.check(), dialog.error.text()
    assert "请注意：" + MERGED in dialog.outcome.text()
    assert '"在家" = "已就业"' in dialog.text and '" 在家"' not in dialog.text
    assert draft_answers(window.session.ledger) == []
    # The clerk keeping the other meaning has decided: the check no longer says it.
    box = dialog.words.cellWidget(0, 1)
    box.setCurrentIndex(box.findData("未就业"))
    assert dialog.check(), dialog.error.text()
    assert MERGED not in dialog.outcome.text()
    assert dialog.submit(), dialog.error.text()
    assert '"在家" = "未就业"' in dialog.text
    assert len(draft_answers(window.session.ledger)) == 1


def test_the_english_editor_tells_it_in_english(
    county_hub,  # noqa: F811
    window,
    qtbot,
    tmp_path,
) -> None:
    _signed_before(county_hub, window, tmp_path)
    assert window.set_language("en")
    try:
        dialog = _editor(window, qtbot)
        assert dialog.merged_note.text() == MERGED_EN
        assert dialog.check(), dialog.error.text()
        assert "Please note: " + MERGED_EN in dialog.outcome.text()
    finally:
        window.set_language("zh_CN")
