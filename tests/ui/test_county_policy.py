"""The county editor on a county device: the form refuses a transport amount of 600, and an
edition it submits travels to the hub in a real bundle, is signed there and comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.services.policy_admin import draft_answers, load_policy, submit_draft
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from fieldapp.ui.dialogs.county_policy import CountyPolicyDialog
from tests.codes import ENROL_CODE
from tests.ui import county_editor
from tests.ui.conftest import UI_USER
from tests.ui.county_editor import _editor

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
county_hub = county_editor.county_hub


def test_county_form_refuses_a_transport_amount_of_600(county_hub, window, qtbot) -> None:
    dialog = _editor(window, qtbot)
    dialog.figure_edits["transport_cross_county"].setText("600")
    assert not dialog.submit()
    assert dialog.error.text().startswith("请检查：")
    assert "金额 600 元超过政策规定的最高 500 元" in dialog.error.text()
    assert draft_answers(window.session.ledger) == []
    dialog.figure_edits["transport_cross_county"].setText("五百")
    assert not dialog.check() and "不是数字" in dialog.error.text()


def test_county_form_shows_what_was_typed_as_text_not_markup(county_hub, window, qtbot) -> None:
    """A figure typed as "<b>五百</b>" is refused naming those characters, drawn as they are
    (a QLabel's AutoText drew them bold); the figures' and rules' labels likewise."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFormLayout, QLabel

    dialog = _editor(window, qtbot)
    dialog.figure_edits["transport_cross_county"].setText("<b>五百</b>")
    assert not dialog.check()
    assert "“<b>五百</b>”不是数字" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert dialog.outcome.textFormat() == Qt.TextFormat.PlainText
    for edit in [*dialog.figure_edits.values(), *dialog.extension_edits.values()]:
        form = edit.parentWidget().layout()
        assert isinstance(form, QFormLayout)
        label = form.labelForField(edit)
        assert isinstance(label, QLabel) and label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize(
    ("fill", "words"),
    [
        ({"schedule_year": 2027, "days_off": "2027-02-05..2027-02-11"}, "通知文号"),
        ({"schedule_year": 2027, "schedule_document": "国办发明电〔2099〕99号"}, "全部放假日"),
        ({"figure": "nan"}, "不是数字"),
        ({"figure": "inf"}, "不是数字"),
        ({"doc_number": "七人社通〔2026〕3号", "doc_date": "2026-02-30"}, "不是日期"),
        ({"figure": "3000"}, "设定县定金额须写明县里定这个金额的文件文号"),
    ],
    ids=[
        "schedule_without_document",
        "schedule_without_days",
        "nan",
        "inf",
        "bad_doc_date",
        "figure_without_document",
    ],
)
def test_county_form_says_which_field_is_missing_in_chinese(
    county_hub, window, qtbot, fill: dict[str, object], words: str
) -> None:
    """A year picked without its notice number or days, or a figure of nan, said
    “1 validation error for YearSchedule” or an English field path."""
    dialog = _editor(window, qtbot)
    if "schedule_year" in fill:
        dialog.schedule_year.setValue(int(str(fill["schedule_year"])))
    dialog.schedule_document.setText(str(fill.get("schedule_document", "")))
    dialog.days_off.setPlainText(str(fill.get("days_off", "")))
    dialog.figure_edits["startup_once"].setText(str(fill.get("figure", "")))
    dialog.doc_number.setText(str(fill.get("doc_number", "")))
    dialog.doc_date.setText(str(fill.get("doc_date", "")))
    assert not dialog.check()
    text = dialog.error.text()
    assert text.startswith("请检查：") and words in text, text
    assert "validation" not in text and "YearSchedule" not in text and "." not in text, text


def test_county_edition_signed_by_the_hub_and_sent_back(
    county_hub: Hub, window, qtbot, tmp_path: Path
) -> None:
    dialog = _editor(window, qtbot)
    dialog.figure_edits["transport_cross_county"].setText("400")
    dialog.income_line.setText("650")
    dialog.doc_number.setText("七人社通〔2026〕3号")
    dialog.doc_title.setText("关于2026年就业帮扶补贴标准的通知")
    dialog.doc_issuer.setText("七星关区人力资源和社会保障局")
    dialog.doc_date.setText("2026-01-05")
    dialog.extension_edits["absorb_returned"].setText("2026-12-31")
    assert dialog.submit(), dialog.error.text()
    ledger = window.session.ledger
    (draft,) = draft_answers(ledger)
    assert draft["status"] == policy_packs.PENDING
    # The device's next bundle takes the draft to the hub, which signs and publishes it.
    out = export_bundle(ledger, tmp_path / "up.fieldsync")
    county_hub.import_file(out.path)
    (answer,) = policy_packs.drafts(county_hub.ledger.db)
    assert answer["status"] == policy_packs.PUBLISHED, answer["status_note"]
    back = county_hub.export_for("县人社局", tmp_path / "down.fieldsync")
    import_bundle(ledger, back.path)
    from fieldapp.services.policy_admin import adopt_hub_packs

    adopted = adopt_hub_packs(ledger)
    assert adopted.message.startswith("政策包已更新：")
    assert "七星关区人力资源和社会保障局 七人社通〔2026〕3号" in adopted.message
    policy = load_policy(ledger).policy
    assert policy.rule("transport_cross_county").amount.value == 400
    assert policy.rule("transport_cross_county").figure_document == "七人社通〔2026〕3号"
    assert policy.line("welfare_post_income_line") == 650
    assert policy.pack.source == "hub"
    (draft,) = draft_answers(ledger)
    assert draft["status"] == policy_packs.PUBLISHED and "已签发为" in str(draft["status_note"])
    # The next edition only adds a day off: the figures and the line the form shows again are
    # no new decisions and need no document (they keep the one they were set on).
    from fieldapp.ui import policy_access

    policy_access.reset()  # as the sync page does once a bundle brought a new pack
    again = _editor(window, qtbot)
    assert again.income_line.text() == "650"
    again.extra_holidays.setPlainText("2027-03-01")
    assert again.check(), again.error.text()


def test_only_county_devices_submit(tmp_path: Path, ledger_path: Path) -> None:
    hub = Hub.init(tmp_path / "县汇总")
    hub.enroll("红星村", "520502001001", tmp_path / "v.enrol", code=ENROL_CODE, by="县里的科员")
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
    from fieldapp.services.policy_admin import PolicyRefused

    with pytest.raises(PolicyRefused, match="只有县级设备能把县级政策包提交汇总中心签发"):
        submit_draft(
            ledger, '[pack]\nid = "c"\nversion = "1"\ntitle = "t"\nextends = "guizhou-2023"\n'
        )
    ledger.close()
    hub.close()


def test_the_county_form_sets_a_new_figure_from_a_day(county_hub, window, qtbot) -> None:
    """The county's clerk raising the post subsidy from 2027-01-01 on the county device had no
    way to say from when: the form's figure applied to every month, December's included."""
    from fieldapp.policy.combine import combine
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.registry import PolicyRegistry

    dialog = _editor(window, qtbot)
    dialog.figure_from.setText("2027-01-01")
    assert not dialog.check()
    assert dialog.error.text() == "请检查：填了新金额的执行日期，却没有改任何县定金额"
    dialog.figure_edits["welfare_post_subsidy"].setText("700")
    dialog.doc_number.setText("七人社通〔2026〕20号")
    dialog.extension_edits["welfare_post_subsidy"].setText("2027-12-31")
    assert dialog.check(), dialog.error.text()
    pack = parse_pack_text(dialog.text, "county.toml")
    policy = combine([*PolicyRegistry().base_files(), ("county.toml", pack)])
    rule = policy.rule("welfare_post_subsidy")
    assert rule.figure_from is not None and rule.figure_from.isoformat() == "2027-01-01"
    assert rule.as_of(rule.figure_from.replace(day=1, month=1, year=2026)).amount.value is None
    assert rule.amount.value == 700
    # A new monitoring line alone may be dated too.
    dialog.figure_edits["welfare_post_subsidy"].setText("")
    dialog.income_line.setText("700")
    assert dialog.check(), dialog.error.text()
    lines = parse_pack_text(dialog.text, "county.toml").lines
    assert lines.welfare_post_income_line_from is not None
    dialog.figure_from.setText("明年")
    assert not dialog.check() and "新金额的执行日期：“明年”不是日期" in dialog.error.text()


def test_the_county_form_says_a_new_figure_past_its_rules_end_goes_unused(
    county_hub, window, qtbot
) -> None:
    """As on the hub's command line: next year's figure from 2027-01-01 without extending the
    rule past its end (the post subsidy's built-in period ended 2025-12-31) was 检查通过 with
    nothing said, and never paid; the check now says so, naming what to fill in."""
    dialog = _editor(window, qtbot)
    dialog.figure_edits["welfare_post_subsidy"].setText("700")
    dialog.figure_from.setText("2027-01-01")
    dialog.doc_number.setText("七人社通〔2026〕20号")
    assert dialog.check(), dialog.error.text()
    said = dialog.outcome.text()
    assert "检查通过" in said
    assert (
        "乡村公益性岗位补贴的新金额2027年1月1日起执行，但这项补贴只执行到2025年12月31日" in said
    ), said
    dialog.extension_edits["welfare_post_subsidy"].setText("2027-12-31")
    assert dialog.check(), dialog.error.text()
    assert "用不上" not in dialog.outcome.text()
    # What is still to be set is named once each under the heading, not 甲：待县里核定标准.
    outcome = dialog.outcome.text()
    assert "仍待核定：" in outcome, outcome
    listed = outcome.split("仍待核定：", 1)[1].split("\n", 1)[0]
    assert listed and "待县里核定标准" not in listed, outcome


def _refused_row(
    window, dialog: CountyPolicyDialog, qtbot, word: str, status: str, said: str
) -> None:
    """A new first row `word` read as `status` is refused: `said` next to it and under the
    form, and nothing is submitted."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
    dialog.words.item(0, 0).setText(word)
    dialog.words.cellWidget(0, 1).setCurrentText(status)
    assert not dialog.check()
    assert dialog.words.item(0, 2).text() == said
    assert dialog.error.text() == "请检查：" + said
    assert not dialog.submit() and draft_answers(window.session.ledger) == []


def test_the_county_form_writes_the_countys_status_words(
    county_hub: Hub, window, qtbot, tmp_path: Path
) -> None:
    """The county's 就业状态 words ([status_words]) could only be written into the pack by
    hand: the form now has a table of word → status, checked row by row as publishing checks
    it, and the hub signs the edition with the words in it."""
    from PySide6.QtCore import Qt

    from fieldapp.policy.packfile import needed_program, parse_pack_text
    from fieldapp.services.policy_admin import adopt_hub_packs, published
    from fieldapp.ui import policy_access

    dialog = _editor(window, qtbot)
    # No words: no section, and nothing asking for a later program (an edition that changes
    # something: one with nothing changed is refused).
    assert dialog.words.rowCount() == 0
    dialog.extra_holidays.setPlainText("2027-03-01")
    assert dialog.check(), dialog.error.text()
    assert "status_words" not in dialog.text and needed_program(dialog.text) is None
    # A status word read as another status is refused, named next to its row.
    _refused_row(
        window,
        dialog,
        qtbot,
        "已就业",
        "未就业",
        "就业状态用词“已就业”本身就是一种就业状态，不能读作“未就业”",
    )
    # The same word twice, too.
    qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
    for row in (1, 2):
        dialog.words.item(row, 0).setText("在家")
    assert not dialog.check()
    assert dialog.words.item(1, 2).text() == ""
    assert dialog.words.item(2, 2).text() == "就业状态用词“在家”写了两次"
    # The refused rows removed, 在家 → 未就业 (the status chosen, not typed) is signed.
    dialog.words.selectRow(0)
    qtbot.mouseClick(dialog.remove_word_button, Qt.MouseButton.LeftButton)
    dialog.words.selectRow(1)
    qtbot.mouseClick(dialog.remove_word_button, Qt.MouseButton.LeftButton)
    assert dialog.words.rowCount() == 1
    dialog.words.cellWidget(0, 1).setCurrentText("未就业")
    assert dialog.submit(), dialog.error.text()
    assert dialog.words.item(0, 2).text() == ""
    ledger = window.session.ledger
    county_hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    (answer,) = policy_packs.drafts(county_hub.ledger.db)
    assert answer["status"] == policy_packs.PUBLISHED, answer["status_note"]
    (record,) = published(county_hub.ledger)
    signed = record.read()
    assert signed.status_words == {"在家": "未就业"}
    assert signed.pack.requires == "0.2.0"
    back = county_hub.export_for("县人社局", tmp_path / "down.fieldsync")
    import_bundle(ledger, back.path)
    adopt_hub_packs(ledger)
    assert load_policy(ledger).policy.status_words == {"在家": "未就业"}
    # The next edition shows the words in force; removing the last leaves no section.
    policy_access.reset()
    again = _editor(window, qtbot)
    assert again.words.rowCount() == 1 and again.words.item(0, 0).text() == "在家"
    assert again.words.cellWidget(0, 1).currentText() == "未就业"
    again.words.selectRow(0)
    qtbot.mouseClick(again.remove_word_button, Qt.MouseButton.LeftButton)
    assert again.check(), again.error.text()
    assert parse_pack_text(again.text, "county.toml").status_words == {}
    assert "[status_words]" not in again.text
    # Nor the stamp the words asked for: publishing stamps what the edition then uses.
    assert needed_program(again.text) is None


def test_the_county_form_refuses_a_word_the_import_reads_otherwise(
    county_hub: Hub, window, qtbot
) -> None:
    """A county word the import already reads by itself (务工 is 已就业) kept that reading
    whatever the county's list said, and the form let 务工 → 未就业 stand: the county believed
    it took effect. The form now refuses it next to its row, naming the program's reading; the
    same word read as the program reads it may stand."""

    dialog = _editor(window, qtbot)
    _refused_row(
        window,
        dialog,
        qtbot,
        "务工",
        "未就业",
        "就业状态用词“务工”本程序已读作“已就业”，不能再说成“未就业”（导入时仍会按本程序的读法）",
    )
    dialog.words.cellWidget(0, 1).setCurrentText("已就业")
    assert dialog.check(), dialog.error.text()
    assert dialog.words.item(0, 2).text() == ""
