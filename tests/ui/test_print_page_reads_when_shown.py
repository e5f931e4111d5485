"""打印 lists every claim in its 申领 box: it read all of them again (`ClaimQueries.all`) on
every write of a claim or a batch, shown or not — on a county's ledger of tens of thousands of
claims, each approval on the 补贴 page read them all for a page nobody looked at. The page now
reads on a write while it is shown, else when it is next shown, and only when something may
have changed meanwhile: a write this program told of, or a commit by another connection."""

from __future__ import annotations

from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims
from tests.ui.conftest import UI_USER

#: The statement `ClaimQueries.all` reads every live claim with.
ALL_CLAIMS = "FROM claims WHERE deleted = 0 AND (1 = 1)"


def test_the_print_page_reads_the_claims_when_shown_not_on_every_write(window, qtbot) -> None:
    session = window.session
    _batch, claim_ids = add_claims(session.ledger, 3)
    page = window.show_page("print")
    statements: list[str] = []
    session.ledger.db.conn.set_trace_callback(statements.append)
    try:

        def reads() -> int:
            count = sum(ALL_CLAIMS in s for s in statements)
            statements.clear()
            return count

        session.apply(ChangeSet.of(Kind.CLAIMS))  # shown: read now
        assert reads() == 1 and page.claim.count() == 3
        window.show_page("ledger")
        reads()
        # Hidden: claims and batches written (a claim withdrawn), nothing read.
        session.ledger.db.execute("UPDATE claims SET deleted = 1 WHERE id = ?", [claim_ids[0]])
        for kind in (Kind.CLAIMS, Kind.BATCHES, Kind.CLAIMS):
            session.apply(ChangeSet.of(kind))
        assert reads() == 0
        # Shown again: read once, the withdrawn claim gone from the box.
        window.show_page("print")
        assert reads() == 1 and page.claim.count() == 2
        assert page.claim.findData(claim_ids[0]) < 0
        # Shown again with nothing written meanwhile: not read.
        window.show_page("ledger")
        window.show_page("print")
        assert reads() == 0
        # Another connection's commit (a sync, a second copy of the app) while hidden: no
        # change set tells of it, the ledger's version does.
        window.show_page("ledger")
        other = Ledger.open(session.ledger.path, credentials=UI_USER)
        try:
            with other.transaction():
                other.db.execute("UPDATE claims SET deleted = 1 WHERE id = ?", [claim_ids[1]])
        finally:
            other.close()
        assert reads() == 0
        window.show_page("print")
        assert reads() == 1 and page.claim.count() == 1
    finally:
        session.ledger.db.conn.set_trace_callback(None)
