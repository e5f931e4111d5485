"""An account a ledger already holds as Excel left it (6217002870012340000: its digits past
the 15th lost) is not printed as the account the subsidy is paid into."""

from __future__ import annotations

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.persons import ACCOUNT_DOUBT, LedgerFilter, person_rowids
from tests.paperwork.builders import add_claims
from tests.paperwork.pdftext import page_texts

ROUNDED = "6217002870012340000"  # 6217002870012345678 as Excel kept it
REAL = "6217002870012380000"  # a card number that really ends in zeros (its Luhn check holds)


def _ledger(tmp_path):
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, author="张会计")
    batch_id, claims = add_claims(ledger, 3)
    persons = [ledger.get("claims", c)["person_id"] for c in claims]
    ledger.update("persons", persons[0], {"account_number": ROUNDED})
    ledger.update("persons", persons[1], {"account_number": REAL})
    names = [ledger.get("persons", p)["name"] for p in persons]
    ledger.close()
    return path, batch_id, claims, persons, names


def test_an_account_excel_rounded_prints_blank_and_is_said_naming_the_person(tmp_path, capsys):
    db, batch_id, claims, persons, names = _ledger(tmp_path)
    papers = {
        "form.pdf": ["form", "--claim", claims[0]],
        "forms.pdf": ["forms", "--batch", batch_id],
        "roster.pdf": ["roster", "--batch", batch_id],
        "notice.pdf": ["notice", "--batch", batch_id, "--from", "2026-11-23"],
    }
    for name, args in papers.items():
        out = tmp_path / name
        assert main(["--db", str(db), "print", *args, "--out", str(out)]) == 0
        said = capsys.readouterr().err
        assert f"提示：{names[0]}的社保卡账号" in said, name
        assert "第 15 位以后全是 0" in said and "表上账号一栏留空" in said
        assert names[1] not in said and names[2] not in said
        text = "".join(page_texts(out.read_bytes()))
        assert ROUNDED not in text, name
        assert ROUNDED[:15] not in text.replace(" ", ""), name
    forms = "".join(page_texts((tmp_path / "forms.pdf").read_bytes()))
    roster = "".join(page_texts((tmp_path / "roster.pdf").read_bytes()))
    assert REAL in forms and REAL in roster  # a card really ending in zeros prints
    notice = "".join(page_texts((tmp_path / "notice.pdf").read_bytes()))
    assert notice.split("\n").count("****0000") == 1  # the real card's tail only


def test_the_ledger_filter_lists_the_persons_whose_account_to_check(tmp_path):
    db, _batch, _claims, persons, _names = _ledger(tmp_path)
    ledger = Ledger.open(db)
    rowid = ledger.db.execute("SELECT rowid FROM persons WHERE id = ?", [persons[0]]).fetchone()
    assert list(person_rowids(ledger, LedgerFilter(work_status=ACCOUNT_DOUBT))) == [rowid[0]]
    ledger.close()
