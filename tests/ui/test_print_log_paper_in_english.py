"""打印 → 打印记录's 纸张 column said the paper as the log stores it (花名册, 公示表, 申请表…): a
township clerk working in the English window read "花名册" in a list whose every title was
English. The column now says the paper in the window's language; a paper it does not know (a
newer program's) as stored."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.prints import PrintRecord
from fieldapp.services.printing import log_print
from tests.english import in_english

PAPERS = ("花名册", "公示表", "申请表", "走访记录", "务工证明", "一库五册", "户级责任", "新纸张")


def _papers(window) -> list[str]:  # noqa: ANN001
    page = window.show_page("print")
    page.refresh()
    model = page.log
    column = 1  # 纸张
    return sorted(model.index(r, column).data() for r in range(model.rowCount()))


def test_the_print_log_says_the_paper_in_the_language_shown(window) -> None:
    session = window.session
    for n, paper in enumerate(PAPERS):
        record = PrintRecord(paper=paper, code=f"ABCD{n:04d}", content_hash="0" * 64, pages=1)
        session.apply(log_print(session.ledger, session.actor, record))
    page = window.show_page("print")
    headers = [page.log.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers[1] == "纸张"
    assert _papers(window) == sorted(PAPERS)
    with in_english():
        english = _papers(window)
    assert "新纸张" in english  # not known: as stored
    known = set(PAPERS) - {"新纸张"}
    assert not known & set(english), english
    assert {"Roster", "Public notice", "Application form"} <= set(english), english
