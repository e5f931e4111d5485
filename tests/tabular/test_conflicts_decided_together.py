"""Many conflicts of an update decided at once, on purpose: `import --update --keep sheet`
(optionally `--column 项目`), and the preview's decisions (`take_sheet` with the ledger edit
each was decided against): every cell written as a single ticked box is, attributed and
logged; a cell the ledger changed again after the decision kept, counted and said."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import LedgerImporter, import_ledger
from tests.tabular.dated_family import (
    HEAD,
    LEDGER_PHONE,
    SHEET_PHONE,
    STALE_PHONE,
    WIFE,
    _family,
    _phone,
)
from tests.tabular.test_sheet_own_date import _untitled_csv


def _undated(ledger: Ledger, tmp_path: Path) -> Path:
    """The family's csv with no date of its own: 张长英's phone (edited in the ledger) and
    李秀's differ from the ledger — two conflicts, both 联系电话."""
    _family(ledger, tmp_path)
    return _untitled_csv(ledger, tmp_path, "村里改的.csv")


def _authors(ledger: Ledger, number: str) -> list[str]:
    """Who logged each change of this person's phone, in order."""
    person = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [number]).fetchone()
    rows = ledger.db.execute(
        "SELECT author, data FROM changes WHERE tbl = 'persons' AND row_id = ? ORDER BY hlc",
        [person[0]],
    ).fetchall()
    return [author for author, data in rows if "phone" in json.loads(data)]


def test_the_preview_decisions_are_written_and_one_changed_since_is_kept(ledger, tmp_path):
    sheet = _undated(ledger, tmp_path)
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert len(preview.conflicts) == 2
    decided = {c.change.key: c.seen for c in preview.conflicts}
    # After the preview, 李秀's phone is changed again (an exchange, another window).
    with ledger.transaction():
        wife = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [WIFE]).fetchone()
        ledger.update("persons", wife[0], {"phone": "13911112222"})
    report = import_ledger(ledger, sheet, update=True, take_sheet=decided)
    assert _phone(ledger, HEAD) == STALE_PHONE  # decided for the sheet, written
    assert _phone(ledger, WIFE) == "13911112222"  # changed since the decision: kept
    assert report.decisions_overtaken == 1
    assert [c.as_dict()["ledger"] for c in report.conflicts] == ["13911112222"]
    assert report.as_json()["decisions_overtaken"] == 1
    # Written as an ordinary logged edit, by the one who imported.
    assert _authors(ledger, HEAD)[-1] == ledger.author
    # Keys alone (no edit seen) decide as before: the changed cell is taken too.
    report = import_ledger(
        ledger, sheet, update=True, take_sheet={c.change.key for c in report.conflicts}
    )
    assert report.decisions_overtaken == 0 and _phone(ledger, WIFE) == SHEET_PHONE


def test_a_decision_holds_for_the_sheet_value_seen_not_one_edited_in_since(ledger, tmp_path):
    """The file edited between the preview and 确认导入: a box ticked for the value the clerk
    saw does not take the value the file says now. That cell stays a conflict (the ledger's
    value kept), counted with the overtaken ones; the other decision is written."""
    sheet = _undated(ledger, tmp_path)
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    decided = {c.change.key: c.seen for c in preview.conflicts}
    assert len(decided) == 2 and STALE_PHONE in {s.sheet for s in decided.values()}
    edited = "13622223333"
    text = sheet.read_text(encoding="utf-8-sig")
    assert text.count(STALE_PHONE) == 1
    sheet.write_text(text.replace(STALE_PHONE, edited), encoding="utf-8-sig")
    report = import_ledger(ledger, sheet, update=True, take_sheet=decided)
    assert _phone(ledger, HEAD) == LEDGER_PHONE  # decided on 13600000000, not on this value
    assert _phone(ledger, WIFE) == SHEET_PHONE  # its sheet value as seen: written
    assert report.decisions_overtaken == 1
    [kept] = [c.as_dict() for c in report.conflicts]
    assert (kept["ledger"], kept["sheet_value"]) == (LEDGER_PHONE, edited)
    # Decided again on the value the file says now: it holds.
    again = {c.change.key: c.seen for c in report.conflicts}
    report = import_ledger(ledger, sheet, update=True, take_sheet=again)
    assert report.decisions_overtaken == 0 and report.conflicts == []
    assert _phone(ledger, HEAD) == edited and _authors(ledger, HEAD)[-1] == ledger.author


def test_cli_keep_sheet_takes_every_conflict_and_says_how_many(
    ledger, tmp_path, capsys, monkeypatch
):
    sheet = _undated(ledger, tmp_path)
    db = str(ledger.path)
    ledger.close()
    args = ["--db", db, "import", str(sheet), "--update"]
    # Without --keep: two conflicts, the ledger kept, exit 1 (as before).
    assert main([*args, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "冲突 2 处" in out
    # What the clerk can do with them, said where they are listed (several at once).
    assert "如要采用表格中的值：核对后加 --keep 表格 再导入一次" in out
    assert "--column 项目" in out
    # --keep sheet needs --update; --column needs --keep sheet.
    assert main(["--db", db, "import", str(sheet), "--keep", "sheet"]) == 2
    assert "--keep 表格 只用于 --update" in capsys.readouterr().err
    assert main([*args, "--column", "联系电话"]) == 2
    assert "--column 与 --keep 表格 同用" in capsys.readouterr().err
    # Another item's conflicts only: none of these taken.
    assert main([*args, "--keep", "sheet", "--column", "劳动能力", "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "冲突 2 处" in out and "按您的选择改用表格" not in out
    # The file read and planned once (no preview first): the real import, counted.
    runs = []
    run = LedgerImporter.run

    def counted(importer: LedgerImporter, book: object) -> object:
        runs.append(importer.dry_run)
        return run(importer, book)

    monkeypatch.setattr(LedgerImporter, "run", counted)
    assert main([*args, "--keep", "sheet", "--column", "联系电话"]) == 0
    assert runs == [False]
    out = capsys.readouterr().out
    assert "已按您的选择改用表格“村里改的.csv”中的值：冲突 2 处" in out, out
    assert "冲突 0 处" in out
    again = Ledger.open(Path(db), author="x")
    assert _phone(again, HEAD) == STALE_PHONE and _phone(again, WIFE) == SHEET_PHONE
    assert len(_authors(again, HEAD)) == 3  # imported, edited, taken from the sheet: logged
    again.close()


def test_cli_keep_ledger_is_the_default_and_json_says_what_was_taken(ledger, tmp_path, capsys):
    sheet = _undated(ledger, tmp_path)
    db = str(ledger.path)
    ledger.close()
    args = ["--db", db, "import", str(sheet), "--update", "--json"]
    assert main([*args, "--keep", "台账"]) == 1
    assert json.loads(capsys.readouterr().out)["conflicts_taken_from_sheet"] == 0
    assert main([*args, "--keep", "表格"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["conflicts_taken_from_sheet"] == 2 and said["conflicts"] == []
    again = Ledger.open(Path(db), author="x")
    assert _phone(again, HEAD) == STALE_PHONE and LEDGER_PHONE != STALE_PHONE
    again.close()


def test_a_file_saved_again_after_its_preview_is_not_imported(ledger, tmp_path):
    """The preview is read, its conflicts decided for the sheet's value; before 确认导入 the
    file is saved again in another program with another phone for 李秀. The import read the
    file anew and wrote a value nobody was shown, under a decision made on another: now the
    confirmation is of the file previewed (its digest), and refused — nothing written — when
    the file is not that file; previewed again, it imports."""
    import pytest

    from fieldapp.domain.errors import ValidationFailed

    sheet = _undated(ledger, tmp_path)
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    decided = {c.change.key: c.seen for c in preview.conflicts}
    assert len(decided) == 2 and len(preview.file_digest) == 64
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    wife = _phone(ledger, WIFE)
    text = sheet.read_text(encoding="utf-8-sig")
    assert SHEET_PHONE in text
    sheet.write_text(text.replace(SHEET_PHONE, "13322223333"), encoding="utf-8-sig")
    with pytest.raises(ValidationFailed, match="在预览之后又改过了"):
        import_ledger(ledger, sheet, update=True, take_sheet=decided, previewed=preview.file_digest)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert (_phone(ledger, WIFE), _phone(ledger, HEAD)) == (wife, LEDGER_PHONE)
    again = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert again.file_digest != preview.file_digest
    decided = {c.change.key: c.seen for c in again.conflicts}
    import_ledger(ledger, sheet, update=True, take_sheet=decided, previewed=again.file_digest)
    assert _phone(ledger, WIFE) == "13322223333"  # the value the second preview showed
