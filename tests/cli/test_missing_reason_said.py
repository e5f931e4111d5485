"""`claim evidence --missing-reason` says the reason it recorded: it printed only the 待收材料
line, so a clerk could not tell from the answer whether (or what) reason now stood on the claim
— one that lets it go on without the papers."""

from __future__ import annotations

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims


def test_the_reason_recorded_for_missing_evidence_is_said_back(tmp_path, capsys) -> None:
    db = str(tmp_path / "ledger.db")
    ledger = Ledger.open(tmp_path / "ledger.db", author="张会计")
    _batch, claims = add_claims(ledger, 1, state=ClaimState.VILLAGE_REVIEWED)
    ledger.close()
    capsys.readouterr()
    argv = ["--db", db, "claim", "evidence", claims[0], "务工证明", "--undo"]
    assert main([*argv, "--missing-reason", "  务工证明在补，月底前交  "]) == 0
    out = capsys.readouterr().out
    assert "已记下缺件原因：务工证明在补，月底前交\n" in out, out
    assert "待收材料：务工证明" in out

    # An empty reason takes the recorded one away: said so, not as an empty reason.
    assert main(["--db", db, "claim", "evidence", claims[0], "--missing-reason", " "]) == 0
    out = capsys.readouterr().out
    assert "已清除缺件原因" in out and "已记下" not in out, out
