"""A laptop copied back from a backup by hand imports the answer the township carried back
before the county ever refused one of its bundles (or an older hub's answer, which names no
refusal): nothing was asked, and the ledger took the hub's numbers of its own changes for its
own, so the new numbering chosen later left the work made since the copy under numbers the
county holds with other content. The answer holds more of this ledger's changes than the
ledger has: the sync page now asks whether it came back from a backup, as a refusal does, and
是 starts the new numbering; the work made since reaches the county. Over HTTP the same answer
is asked about after an upload."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from tests.sync.helpers import add_family
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.copied_back import answering_yes, ledger_path  # noqa: F401 - the copied-back ledger's fixture
from tests.ui.test_sync_copied_back_by_stick import (
    DEVICE,
    asked_and_renumbered,
    lands_by_stick,
    names_at_hub,
    shown_to,
)


def test_an_answer_from_before_any_refusal_is_asked_about(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    hub = Hub.open(tmp_path / "hub")
    try:  # the answer the county made after the lost timeline's bundle
        answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync").path
    finally:
        hub.close()
    says = "比本机台账里现有的还多"
    asked = asked_and_renumbered(window, qtbot, answer, warnings_shown, monkeypatch, says)
    add_family(window.session.ledger, VILLAGE, ["109"], surname="赵")  # work after the copy
    lands_by_stick(window, qtbot, tmp_path, warnings_shown, asked)


def upload_is_asked_about(window, qtbot, tmp_path, warnings_shown, monkeypatch) -> None:  # noqa: ANN001
    """上传并接收 over HTTP, answering 是: asked once whether the ledger came back from a
    backup, in the copied-back question's words with the upload's advice (never that there
    is nothing to do), renumbered; the work made after lands with the next upload."""
    before = window.session.ledger.device_id
    page = window.show_page("sync")
    asked = answering_yes(monkeypatch)
    with ServerThread(tmp_path / "hub") as server:
        page.url.setText(server.url)
        page.push()
        wait_idle(qtbot, page)
        shown = shown_to(page, warnings_shown, asked)
        assert not any("不必" in s for s in shown), shown
        assert len(asked) == 1, shown
        assert "比本机台账里现有的还多" in asked[0] and "上传并接收" in asked[0], asked
        assert window.session.ledger.device_id != before
        assert "上传并接收" in page.result_label.text(), page.result_label.text()
        add_family(window.session.ledger, VILLAGE, ["109"], surname="赵")
        page.push()
        wait_idle(qtbot, page)
        assert "已发送" in page.result_label.text(), (warnings_shown, page.result_label.text())
    assert len(asked) == 1
    assert {"王0", "赵0"} <= names_at_hub(tmp_path)


def test_an_upload_with_nothing_new_is_asked_about_too(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """Over HTTP, a copied-back laptop with no work since uploads nothing the hub refuses (a
    bundle it put on a stick that never reached the county numbers this one past the lost
    timeline's); the answer holds more of the ledger's changes than the ledger has: asked,
    with the upload's advice."""
    page = window.show_page("sync")
    stick = tmp_path / "stick"
    stick.mkdir()
    page.export_to(stick)  # left in a drawer
    wait_idle(qtbot, page)
    upload_is_asked_about(window, qtbot, tmp_path, warnings_shown, monkeypatch)


def test_an_upload_with_nothing_new_and_no_stick_is_asked_about(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """Over HTTP, a copied-back laptop with nothing new sends the lost timeline's bundle
    number again: the hub refused it as already imported, in words telling it there was
    nothing to do (不必在设备上做什么), and the page said them. The hub's numbers show it holds
    more of this ledger's changes than the ledger has: the page asks whether the ledger came
    back from a backup, in the copied-back question's words, with the upload's advice."""
    upload_is_asked_about(window, qtbot, tmp_path, warnings_shown, monkeypatch)
