"""A village that exchanges only by USB stick, its laptop's ledger copied back from a backup by
hand: the county's hub refuses the bundle the township brought, with nobody from the village
there. Over HTTP the sync page asks at once whether the ledger came back from a backup; from a
stick it said nothing, and the village sent refused bundles week after week. The hub's answer
now names the refused bundle; importing it, the page asks the same question in a
coordinator's words, and 是 starts the new numbering as the upload's 是 does: the next bundle on
the stick lands, the work made since the backup kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.sync.errors import BundleRefused
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.copied_back import NOT_FOR_A_COORDINATOR, answering_yes, ledger_path  # noqa: F401 - the copied-back ledger's fixture

DEVICE = "大坝村笔记本"


def by_stick(page, qtbot, tmp_path: Path, name: str) -> Path:  # noqa: ANN001
    """The page's bundle on the stick, taken to the county's hub by the township, and the
    hub's answer on the stick again (refused or not: the county exports the answer anyway)."""
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    page.export_to(stick)
    wait_idle(qtbot, page)
    hub = Hub.open(tmp_path / "hub")
    try:
        try:
            hub.import_file(page.last_export.path)
        except BundleRefused as refused:
            assert refused.code == "reused_seq", str(refused)
        return hub.export_for(DEVICE, stick / name).path
    finally:
        hub.close()


def shown_to(page, warnings_shown, asked: list[str]) -> list[str]:  # noqa: ANN001
    """What the coordinator was shown, none of it in the command line's words."""
    shown = [*warnings_shown, *asked, page.result_label.text()]
    leaked = [s for s in shown if NOT_FOR_A_COORDINATOR.search(s)]
    assert not leaked, leaked
    return shown


def work_after_the_copy(window) -> None:  # noqa: ANN001
    """A family added on the copied-back ledger: under numbers the hub holds other work of."""
    add_family(window.session.ledger, VILLAGE, ["109"], surname="赵")


def refused_by_stick(window, qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    """Work after the copy sent on the stick and refused at the county: the sync page, the
    answer the township carried back, and the ledger's numbering before it was imported."""
    work_after_the_copy(window)
    before = window.session.ledger.device_id
    page = window.show_page("sync")
    return page, by_stick(page, qtbot, tmp_path, "answer.fieldsync"), before


def asked_and_renumbered(
    window,
    qtbot,
    answer: Path,
    warnings_shown,
    monkeypatch,
    says: str,  # noqa: ANN001
) -> list[str]:
    """Import `answer` on the sync page, answering 是: asked once whether the ledger came back
    from a backup (in words holding `says`), with a stick's advice, and renumbered; the
    questions asked."""
    page = window.show_page("sync")
    before = window.session.ledger.device_id
    asked = answering_yes(monkeypatch)
    page.import_from(answer)
    wait_idle(qtbot, page)
    shown = shown_to(page, warnings_shown, asked)
    assert len(asked) == 1, shown
    assert "台账是从备份拷回来的吗？" in asked[0] and says in asked[0], asked
    assert "导出数据包" in asked[0] and "上传并接收" not in asked[0], asked
    assert window.session.ledger.device_id != before  # 是: the new numbering, as over HTTP
    assert "导出数据包" in page.result_label.text(), page.result_label.text()
    return asked


def names_at_hub(tmp_path: Path) -> set[str]:
    hub = Hub.open(tmp_path / "hub")
    try:
        return {r["name"] for r in hub.ledger.db.query("SELECT name FROM persons")}
    finally:
        hub.close()


def lands_by_stick(window, qtbot, tmp_path: Path, warnings_shown, asked: list[str]) -> None:  # noqa: ANN001
    """The next bundle on the stick lands, nothing more asked; the work made after the backup
    and after the copy is on the laptop and at the county."""
    page = window.show_page("sync")
    again = by_stick(page, qtbot, tmp_path, "again.fieldsync")
    page.import_from(again)
    wait_idle(qtbot, page)
    assert "已接收" in page.result_label.text(), (warnings_shown, page.result_label.text())
    assert len(asked) == 1  # not asked again
    names = {r["name"] for r in window.session.ledger.db.query("SELECT name FROM persons")}
    assert {"王0", "赵0"} <= names, names  # made after the backup, and after the copy
    assert "赵0" in names_at_hub(tmp_path)


def test_a_stick_refused_at_the_county_is_asked_about_and_carries_on(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    _page, answer, _before = refused_by_stick(window, qtbot, tmp_path)
    asked = asked_and_renumbered(window, qtbot, answer, warnings_shown, monkeypatch, "U盘")
    lands_by_stick(window, qtbot, tmp_path, warnings_shown, asked)


def test_no_keeps_the_numbering_and_says_the_refusal(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    page, answer, before = refused_by_stick(window, qtbot, tmp_path)
    asked: list[str] = []

    def question(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(f"{title} {text}")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    page.import_from(answer)
    wait_idle(qtbot, page)
    shown_to(page, warnings_shown, asked)
    assert len(asked) == 1
    assert window.session.ledger.device_id == before
    text = page.result_label.text()
    assert "已接收" in text and "没有接收本机用U盘送去的数据包" in text, text


def test_an_answer_naming_no_refusal_asks_nothing(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The same ledger's answer with the refusal past (a bundle that got through since) asks
    nothing: the hub forgets a device's refusals once one of its bundles lands."""
    work_after_the_copy(window)
    page = window.show_page("sync")
    by_stick(page, qtbot, tmp_path, "answer.fieldsync")
    start_new_incarnation(window.session.ledger)  # as `sync restored` on the command line
    answer = by_stick(page, qtbot, tmp_path, "after.fieldsync")
    asked = answering_yes(monkeypatch)
    page.import_from(answer)
    wait_idle(qtbot, page)
    assert asked == [] and warnings_shown == [], (asked, warnings_shown)
    assert "已接收" in page.result_label.text()


def damaged_answer(window, qtbot, tmp_path: Path, tries: int = 1) -> Path:  # noqa: ANN001
    """The answer to a village whose bundle, its last change lost on the way (its signature
    whole), the county tried to import `tries` times."""
    from tests.sync.helpers import repack, unpack

    work_after_the_copy(window)
    page = window.show_page("sync")
    stick = tmp_path / "stick"
    stick.mkdir()
    page.export_to(stick)
    wait_idle(qtbot, page)
    sent = page.last_export.path
    hub = Hub.open(tmp_path / "hub")
    try:
        parts = unpack(sent, hub.ledger)
        lines = parts["changes.ndjson"].splitlines(keepends=True)
        parts["changes.ndjson"] = b"".join(lines[:-1])  # the last change lost on the way
        damaged = repack(parts, hub.ledger, sent, tmp_path / "damaged.fieldsync")
        for _ in range(tries):
            with pytest.raises(BundleRefused) as refused:
                hub.import_file(damaged)
            assert refused.value.code == "tampered", str(refused.value)
        return hub.export_for(DEVICE, stick / "answer.fieldsync").path
    finally:
        hub.close()


def test_a_bundle_damaged_on_the_stick_is_said_and_nothing_asked(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """Any other refusal of a stick's bundle (here its changes cut short on the way, its
    signature whole) is said below the answer's result, in the hub's words for a village."""
    answer = damaged_answer(window, qtbot, tmp_path)
    page = window.show_page("sync")
    asked = answering_yes(monkeypatch)
    page.import_from(answer)
    wait_idle(qtbot, page)
    shown_to(page, warnings_shown, asked)
    assert asked == []
    text = page.result_label.text()
    assert "已接收" in text and "县里的中心没有接收本机送去的第 2 号数据包：" in text, text
    assert "重新导出" in text, text


def test_a_bundle_refused_twice_is_said_once(window, qtbot, tmp_path, warnings_shown):
    """The county importing the same damaged bundle twice: the answer names both refusals; the
    page said the same sentence twice."""
    answer = damaged_answer(window, qtbot, tmp_path, tries=2)
    page = window.show_page("sync")
    page.import_from(answer)
    wait_idle(qtbot, page)
    text = page.result_label.text()
    assert text.count("县里的中心没有接收本机送去的第 2 号数据包") == 1, text


def test_the_hubs_words_on_a_refusal_are_in_english_too(
    qtbot,
    tmp_path,
    ledger_path,  # noqa: F811 - the copied-back ledger's fixture
    monkeypatch,
):
    """In English the hub's reason was said in Chinese after the English sentence."""
    from fieldapp.sync.errors import SAID_TO_THE_VILLAGE
    from fieldapp.ui.app import make_app, open_window
    from tests.ui.conftest import UI_USER

    make_app()
    with in_english():
        window = open_window(ledger_path, UI_USER)
        try:
            window.show()
            answer = damaged_answer(window, qtbot, tmp_path, tries=2)
            page = window.show_page("sync")
            page.import_from(answer)
            wait_idle(qtbot, page)
            text = page.result_label.text()
            assert "bundle no. 2" in text and "export" in text, text
            assert SAID_TO_THE_VILLAGE["tampered"] not in text, text
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text
        finally:
            monkeypatch.setattr(
                QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No
            )
            window.close()
            window.shutdown_pages()
            window.session.close()


def test_the_pages_words_for_a_refusal_are_the_hubs(window):
    """The page says a refusal in words of its own (translated), the hub's words in Chinese:
    the same, code for code, else the hub's own are said."""
    from fieldapp.sync.errors import SAID_TO_THE_VILLAGE

    page = window.show_page("sync")
    for code, words in page.refusal_words().items():
        assert SAID_TO_THE_VILLAGE[code] == words, code
