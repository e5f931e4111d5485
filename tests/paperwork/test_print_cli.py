"""The `print` commands end to end on a ledger file, and the synced print log."""

from __future__ import annotations

import json
import re

from fieldapp.cli.main import main
from fieldapp.domain.credentials import Credentials
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries
from tests.paperwork.builders import VILLAGE, add_claims
from tests.paperwork.pdftext import assert_fonts_embedded, page_texts


def _ledger(tmp_path):
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, author="张会计")
    batch_id, claims = add_claims(ledger, 3)
    number = ledger.get("persons", ledger.get("claims", claims[0])["person_id"])["id_number"]
    ledger.close()
    return path, batch_id, claims, number


def test_every_paper_prints_and_is_logged(tmp_path, capsys, monkeypatch):
    db, batch_id, claims, number = _ledger(tmp_path)
    # The printer is the logged-in user; the first command with a password encrypts the ledger.
    monkeypatch.setenv("FIELDAPP_USER", "张会计")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "会计的口令123")
    papers = {
        "form.pdf": ["form", "--claim", claims[0]],
        "forms.pdf": ["forms", "--batch", batch_id],
        "roster.pdf": ["roster", "--batch", batch_id],
        "notice.pdf": ["notice", "--batch", batch_id, "--from", "2026-11-23"],
        "visits.pdf": ["visits", "--area", VILLAGE, "--month", "2026-10"],
        "cert.pdf": ["certificate", "--person", number],
        "casual.pdf": ["certificate", "--person", number, "--casual"],
    }
    for name, args in papers.items():
        out = tmp_path / name
        assert main(["--db", str(db), "print", *args, "--out", str(out)]) == 0
        pdf = out.read_bytes()
        assert page_texts(pdf)
        assert_fonts_embedded(pdf)
    printed = capsys.readouterr().out
    assert printed.count("已生成") == len(papers)
    assert len(page_texts((tmp_path / "forms.pdf").read_bytes())) == 3

    assert main(["--db", str(db), "print", "log", "--batch", batch_id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["paper"] for r in rows} == {"申请表", "花名册", "公示表"}
    roster = next(r for r in rows if r["paper"] == "花名册")
    assert roster["rows"] == 3 and roster["total_amount"] == 1500 and roster["pages"] == 1
    assert roster["created_by"] == "张会计"
    roster_text = page_texts((tmp_path / "roster.pdf").read_bytes())[0]
    assert f"校验码 {roster['code']}" in roster_text

    # A paper found later is matched by the code in its footer.
    assert main(["--db", str(db), "print", "log", "--code", roster["code"]]) == 0
    found = capsys.readouterr().out
    assert "花名册" in found
    # It says what was printed as a person names it, not by the row's id (--json keeps those).
    ledger = Ledger.open(db, credentials=Credentials("张会计", "会计的口令123"))
    batch = ClaimQueries(ledger).batch(batch_id)
    claim = ClaimQueries(ledger).get(claims[0])
    ledger.close()
    assert f"  批次 {batch.number}  " in found and batch_id not in found, found
    assert main(["--db", str(db), "print", "log"]) == 0
    listed = capsys.readouterr().out
    assert f"  申领 {claim.number}（{claim.person_name}）  " in listed, listed
    assert f"  {claim.person_name}  " in listed  # the 务工证明 says whose
    assert not any(i in listed for i in (batch_id, *claims, claim.person_id)), listed

    # The log is synced: every print is in the change log like any other write.
    ledger = Ledger.open(db, credentials=Credentials("张会计", "会计的口令123"))
    logged = ledger.db.execute("SELECT count(*) FROM changes WHERE tbl = 'print_log'").fetchone()[0]
    ledger.close()
    assert logged == len(papers)


def test_reprint_of_unchanged_data_has_the_same_code(tmp_path, capsys):
    db, batch_id, _claims, _number = _ledger(tmp_path)
    for name in ("a.pdf", "b.pdf"):
        main(
            ["--db", str(db), "print", "roster", "--batch", batch_id, "--out", str(tmp_path / name)]
        )
    codes = [line.split("校验码 ")[1] for line in capsys.readouterr().out.splitlines()]
    assert codes[0] == codes[1]


def test_errors_are_chinese_and_write_nothing(tmp_path, capsys):
    db, batch_id, _claims, _number = _ledger(tmp_path)
    out = tmp_path / "x.pdf"
    assert main(["--db", str(db), "print", "roster", "--batch", "nope", "--out", str(out)]) == 1
    assert "找不到批次" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                str(db),
                "print",
                "roster",
                "--batch",
                batch_id,
                "--out",
                str(tmp_path / "x.txt"),
            ]
        )
        == 1
    )
    assert ".pdf" in capsys.readouterr().err
    missing_dir = tmp_path / "nowhere" / "x.pdf"
    assert (
        main(["--db", str(db), "print", "roster", "--batch", batch_id, "--out", str(missing_dir)])
        == 1
    )
    assert "不存在" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                str(db),
                "print",
                "notice",
                "--batch",
                batch_id,
                "--from",
                "23/11",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not out.exists()


def test_settings_are_stored_and_printed(tmp_path, capsys):
    db, batch_id, _claims, _number = _ledger(tmp_path)
    args = ["--db", str(db), "print", "settings"]
    assert main([*args, "--set", "county_name", "汇川区", "--set", "notice_days", "7"]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["county_name"] == "汇川区" and values["notice_days"] == 7
    assert main([*args, "--set", "notice_days", "很多"]) == 1
    assert "整数" in capsys.readouterr().err
    assert main([*args, "--set", "colour", "红"]) == 1
    assert "公示天数（notice_days）" in capsys.readouterr().err  # what the clerk may write
    # A setting named as the clerk sees it, by its Chinese label.
    assert main([*args, "--set", "公示天数", "10", "--set", "县级审批单位", "某县人社局"]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["notice_days"] == 10 and values["county_office"] == "某县人社局"
    assert main([*args, "--set", "公示天数", "7"]) == 0
    out = tmp_path / "notice.pdf"
    main(
        [
            "--db",
            str(db),
            "print",
            "notice",
            "--batch",
            batch_id,
            "--from",
            "2026-11-23",
            "--out",
            str(out),
        ]
    )
    text = page_texts(out.read_bytes())[0]
    assert "汇川区一次性交通补助拟享受人员公示表" in text
    assert "（7个工作日）" in text


def test_a_paper_that_cannot_be_written_says_why_and_keeps_the_old_one(tmp_path, capsys):
    db, _batch_id, _claims, number = _ledger(tmp_path)
    base = ["--db", str(db), "print", "certificate", "--person", number, "--out"]
    kept = tmp_path / "证明.pdf"
    assert main([*base, str(kept)]) == 0
    before = kept.read_bytes()
    capsys.readouterr()
    (tmp_path / "文件夹.pdf").mkdir()
    cases = {
        tmp_path / "没有" / "证明.pdf": f"文件夹“{tmp_path / '没有'}”不存在",
        kept / "证明.pdf": f"“{kept}”是文件，不是文件夹",
        tmp_path / "文件夹.pdf": "这是一个文件夹的名字",
    }
    for out, said in cases.items():
        assert main([*base, str(out)]) == 1, out
        err = capsys.readouterr().err
        assert f"错误：无法写入“{out.name}”：" in err and said in err, err
    assert kept.read_bytes() == before
    assert not list(tmp_path.rglob("*.part"))


def test_a_notice_counted_across_an_unpublished_years_holidays_says_so(tmp_path, capsys):
    """A 公示表 posted in the run-up to the 2027 Spring Festival has its period counted in working
    days, and the installed calendar knows 2027's statutory holidays only, not the State
    Council's schedule (its make-up Saturdays, the days it adds): the printed dates, posted in
    the village, were an estimate nobody was told of. The clerk is told, and once the county's
    pack brings the schedule the same print says nothing."""
    from tests.policy.helpers import COUNTY_PACK
    from tests.policy.test_calendar import SCHEDULE_2027

    db, batch_id, _claims, _number = _ledger(tmp_path)
    out = tmp_path / "公示表.pdf"
    notice = ["--db", str(db), "print", "notice", "--batch", batch_id, "--out", str(out)]
    warning = "公示期按法定节假日估算：2027年放假调休安排尚未载入"
    assert main([*notice, "--from", "2027-02-01"]) == 0
    err = capsys.readouterr().err
    assert warning in err and "请核对公示期" in err
    assert main([*notice, "--from", "2026-11-23"]) == 0
    assert "估算" not in capsys.readouterr().err
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK + SCHEDULE_2027, encoding="utf-8")
    assert main(["--db", str(db), "policy", "install", str(pack)]) == 0
    capsys.readouterr()
    assert main([*notice, "--from", "2027-02-01"]) == 0
    assert "估算" not in capsys.readouterr().err
    # Four working days before the schedule's days off (5 to 12 February), the fifth after.
    assert "2027年2月1日至2027年2月15日（5个工作日）" in page_texts(out.read_bytes())[0]


def test_a_notice_printed_with_no_complaint_phone_says_so_and_how_to_set_it(tmp_path, capsys):
    """`print notice` on a ledger whose 异议受理电话 was never set printed a notice with a blank
    监督电话 line and said nothing: posted so, villagers had no number to object to. It says
    the line is blank and how to set the phone; set, it says neither."""
    db, batch_id, _claims, _number = _ledger(tmp_path)
    out = tmp_path / "公示表.pdf"
    notice = ["--db", str(db), "print", "notice", "--batch", batch_id, "--out", str(out)]
    assert main([*notice, "--from", "2026-11-23"]) == 0
    err = capsys.readouterr().err
    assert "还没有设置异议受理电话" in err and "请在张贴前用笔填上" in err, err
    assert "fieldapp print settings --set 异议受理电话 电话号码" in err
    assert re.search(r"监督电话：_{6,}", "".join(page_texts(out.read_bytes())[0].split()))
    settings = ["--db", str(db), "print", "settings", "--set", "异议受理电话", "0851-27221234"]
    assert main(settings) == 0
    capsys.readouterr()
    assert main([*notice, "--from", "2026-11-23"]) == 0
    assert "异议受理电话" not in capsys.readouterr().err
    assert "监督电话：0851-27221234" in "".join(page_texts(out.read_bytes())[0].split())
