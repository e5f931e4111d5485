"""Render every page of the app offscreen at 1366×768 in Chinese to docs/screenshots/*.png.

Usage: python packaging/screenshots.py [--out docs/screenshots] [--persons 600] [--lang en]
(`--lang en`: the English window, to look for words cut short; the docs show the Chinese one.)
Builds a demo ledger in a temporary folder (never touches the user's data), encrypted like every
ledger a coordinator makes, logs in to it on the login screen as a user would, and grabs each
page after its data has loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wait(app, ms: int) -> None:  # noqa: ANN001 - QApplication
    """Run the event loop for `ms` (threads may take the GIL meanwhile)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(app, check, timeout_ms: int = 20000) -> None:  # noqa: ANN001
    """Run the event loop until `check()` is true."""
    end = time.monotonic() + timeout_ms / 1000
    while not check() and time.monotonic() < end:
        wait(app, 50)


#: The coordinator who logs in for the screenshots (the ledger's first user).
USER, PASSWORD = "王芳", "王芳的口令1"


def build_ledger(folder: Path, persons: int) -> Path:
    """A demo ledger with visits, a claim or two and a batch, encrypted, USER its first user."""
    from fieldapp.demo.generator import build_demo
    from fieldapp.domain.credentials import Credentials
    from fieldapp.store.ledger import Ledger

    path = folder / "演示台账.db"
    ledger = Ledger.open(path, credentials=Credentials(USER, PASSWORD))
    report = build_demo(ledger, persons, seed=7)
    ledger.set_meta("device_name", "大坝村笔记本")
    ledger.set_meta("home_area_code", report.county)
    ledger.close()
    return path


def shoot_wizard(app, out: Path) -> None:  # noqa: ANN001 - QApplication
    """The first-run wizard's area page, filled in."""
    from fieldapp.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard()
    wizard.show()
    wizard.next()
    wizard.device_name.setText("大坝村笔记本")
    wizard.author.setText(USER)
    wizard.password.setText(PASSWORD)
    wizard.password_again.setText(PASSWORD)
    wizard.next()
    wizard.set_county("520502")
    wizard.township.setCurrentIndex(2)
    wizard.place_name.setText("大坝村")
    wait(app, 100)
    wizard.grab().save(str(out / "00-first-run-wizard.png"))
    wizard.close()


def log_in(app, path: Path, out: Path):  # noqa: ANN001, ANN201 - QApplication → MainWindow
    """Type the user and password on the login screen and press 登录, as a coordinator does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from fieldapp.ui.app import window_for
    from fieldapp.ui.login import LoginDialog

    login = LoginDialog(path)
    login.show()
    login.user.setText(USER)
    login.password.setText(PASSWORD)  # QTest.keyClicks types ASCII only
    wait(app, 100)
    login.grab().save(str(out / "00-login.png"))
    QTest.mouseClick(login.ok_button, Qt.MouseButton.LeftButton)
    wait_until(app, lambda: login.session is not None, 60000)
    if login.session is None:
        raise SystemExit(f"login failed: {login.message.text()}")
    return window_for(login.session)


def make_batch_and_preview(app, page, folder: Path):  # noqa: ANN001, ANN201
    """Claim for the first eligible person, submit, batch, preview the roster, save it."""
    from fieldapp.domain.claims import ClaimState
    from fieldapp.paperwork import jobs
    from fieldapp.policy.eligibility import Status
    from fieldapp.ui.pdf_preview import PdfPreview

    chosen = None
    for row, result in enumerate(page.results.rows):
        # A subsidy whose amount the county has not set yet cannot be claimed (it would ask).
        ready = result.status is Status.ELIGIBLE and result.amount is not None
        if ready and (chosen is None or result.rule_id == chosen):
            page.results_view.selectRow(row)
            claim = page.create_claim()
            if claim is None:
                continue
            chosen = claim.rule_id
            page._select_claim(claim.id)
            page.collect_all_evidence()
            page._select_claim(claim.id)
            page.target.setCurrentIndex(page.target.findData(ClaimState.SUBMITTED.value))
            page.advance_selected(reason="")
            if len(page.claims.rows) >= 3:
                break
    page.rule.setCurrentIndex(page.rule.findData(chosen))
    page.make_batch()
    page.batches_view.selectRow(0)
    page.preview_batch(jobs.roster_job)
    wait_until(app, lambda: bool(page.findChildren(PdfPreview)))
    preview = page.findChildren(PdfPreview)[-1]
    preview.resize(1366, 740)  # what the preview takes of a 1366×768 screen
    preview.saver(folder / "花名册.pdf")
    return preview


def biggest_village(session) -> str:  # noqa: ANN001 - Session
    """The village with the most households (a coordinator's usual scope)."""
    return session.ledger.db.execute(
        "SELECT substr(area_code, 1, 12) AS v FROM households WHERE deleted = 0 "
        "AND substr(area_code, 10, 1) <> '9' GROUP BY v ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]


def shoot_person_dialogs(app, ledger, out: Path) -> None:  # noqa: ANN001 - Qt objects
    """Deleting asks why (否 by default); moving to another household says how."""
    from fieldapp.ui.dialogs.person_moves import DeleteDialog, MoveDialog

    person = ledger.panel.person
    dialog = DeleteDialog(ledger.session, person, ledger)
    dialog.show()
    wait(app, 100)
    dialog.grab().save(str(out / "03b-delete-asks-why.png"))
    dialog.reject()
    move = MoveDialog(ledger.session, person, ledger)
    move.show()
    wait(app, 100)
    move.grab().save(str(out / "03c-move-to-another-household.png"))
    move.reject()


def make_conflict(session) -> None:  # noqa: ANN001 - Session
    """Simulate another device changing the same phone number (for the conflict screenshot)."""
    from fieldapp.store.changelog import Change
    from fieldapp.store.hlc import format_stamp

    led = session.ledger
    person_id, phone = session.ledger.db.execute(
        "SELECT id, phone FROM persons WHERE phone <> '' ORDER BY rowid LIMIT 1"
    ).fetchone()
    seen = led.heads("persons", person_id)["phone"]
    with led.transaction():
        led.update("persons", person_id, {"phone": "13811112222"})
    remote = Change(
        "5f3a9c0d2e71b4a8",
        1,
        format_stamp(1_790_000_000_000, 0),
        "李四（乡镇）",
        "persons",
        person_id,
        {"phone": "13933334444"},
        {"phone": seen},
    )
    led.apply_changes([remote])
    from fieldapp.services.changes import ChangeSet, Kind

    session.apply(ChangeSet.of(Kind.CONFLICTS))
    session.apply(ChangeSet.of(Kind.SYNC))


def main(argv: list[str] | None = None) -> int:
    """Render the pages."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="fieldapp-shots-"))
    os.environ["FIELDAPP_HOME"] = str(home / "home")
    path = build_ledger(home, args.persons)

    from PySide6.QtCore import Qt

    from fieldapp.ui import prefs
    from fieldapp.ui.app import make_app

    prefs.put("language", args.lang)
    app = make_app()
    shoot_wizard(app, out)
    window = log_in(app, path, out)
    # Qt's offscreen screen is 800×800, where the window would open maximized: 1366×768 here.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    ledger = window.show_page("ledger")
    wait_until(app, lambda: ledger.model.rowCount() > 0 and not ledger.listing())
    ledger.select_row(3)
    wait_until(app, lambda: ledger.panel.person is not None)
    wait(app, 200)
    window.grab().save(str(out / "01-ledger.png"))

    ledger.search_box.setText("wang")
    wait(app, 500)
    ledger.select_row(0)
    wait(app, 300)
    ledger.panel.tabs.setCurrentIndex(1)
    wait(app, 100)
    window.grab().save(str(out / "02-ledger-search-household.png"))
    ledger.panel.tabs.setCurrentIndex(5)  # 修改记录: short times, the device by its name
    wait(app, 100)
    window.grab().save(str(out / "02b-person-history.png"))
    ledger.panel.tabs.setCurrentIndex(0)

    editor = ledger.new_person()
    editor.name.setText("赵丽")
    editor.id_number.setText("52050219900101222X")
    wait(app, 100)
    editor.grab().save(str(out / "03-person-editor-bad-id.png"))
    editor.discard()

    shoot_person_dialogs(app, ledger, out)

    monthly = window.show_page("monthly")
    monthly.area.set_code(biggest_village(window.session))
    wait(app, 300)
    window.grab().save(str(out / "04-monthly-grid.png"))

    visits = window.show_page("visits")
    visits.picker.setText("wang")
    wait(app, 400)
    visits._pick_first()
    visits.set_services(["岗位推荐", "政策宣传", "职业培训"])
    visits.training_days.setValue(5)
    visits.notes.setText("在家务农，希望到县内就业")
    wait(app, 100)
    window.grab().save(str(out / "05-visits-several-services.png"))
    visits.clear_form()

    due = window.show_page("due")
    wait_until(app, lambda: not due.panel.busy and due.model.rowCount() > 0)
    wait(app, 100)
    window.grab().save(str(out / "06-due.png"))

    duties = window.show_page("duties")
    wait_until(app, lambda: not duties.panel.busy and duties.model.rowCount() > 0)
    wait(app, 100)
    window.grab().save(str(out / "07-household-duties.png"))

    subsidies = window.show_page("subsidies")
    subsidies.find_eligible()
    wait_until(app, lambda: not subsidies.panel.busy)
    wait(app, 100)
    window.grab().save(str(out / "08-subsidies.png"))

    preview = make_batch_and_preview(app, subsidies, home)
    wait(app, 800)  # QPdfView renders pages asynchronously
    preview.grab().save(str(out / "09-roster-preview.png"))
    preview.step_zoom(1)
    preview.go_to(0)
    wait(app, 600)
    preview.grab().save(str(out / "09b-roster-preview-zoomed.png"))
    preview.close()

    rosters = window.show_page("rosters")
    rosters.area.set_code(biggest_village(window.session))
    wait_until(app, lambda: not rosters.panel.busy and rosters.rosters is not None)
    rosters.choose("转移就业名册")
    wait(app, 100)
    window.grab().save(str(out / "10-five-rosters.png"))

    printing = window.show_page("print")
    printing.paper.setCurrentIndex(printing.paper.findData("certificate"))
    printing.person.box.setText("wang")
    wait_until(app, lambda: printing.person.hits.count() > 0, 5000)
    printing.person._first()
    wait(app, 100)
    window.grab().save(str(out / "11-print-certificate-by-name.png"))

    make_conflict(window.session)
    sync = window.show_page("sync")
    sync.refresh()
    wait(app, 100)
    window.grab().save(str(out / "12-sync-conflict.png"))

    reports = window.show_page("reports")
    reports.make()
    wait_until(app, lambda: reports.report is not None)
    wait(app, 100)
    window.grab().save(str(out / "13-reports.png"))

    window.show_page("settings")
    wait(app, 100)
    window.grab().save(str(out / "14-settings.png"))

    window.discard_unsaved()
    window.close()
    window.session.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
