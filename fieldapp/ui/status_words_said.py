"""Why a row of the county's 就业状态 words is refused (`pack.WordRefusal`), said in the language
shown: the county editor's table names it next to the row. The sentences are the pack's own
(`pack.status_word_sentences`: publishing, `policy check` and the command line say them in
Chinese), translated here; `packaging/update_translations.py` marks them for pyside6-lupdate in
`held_words_catalogue` (it cannot read words out of constants). The word the county wrote is
said as written; the program's statuses (已就业 …) in the language shown, as a month's status
is everywhere (`held_words.stored_word`). Every list of the statuses to choose from (the
ledger's filter, the monthly grid's editor, the import preview's choice of a word, the county
editor's rows) takes them from `statuses()`: shown in the window's language, stored in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.enums import WorkStatus
from fieldapp.policy.pack import (
    LISTED,
    MERGED_WORD,
    SPELLING,
    SPELLING_READ,
    MergedWord,
    WordRefusal,
    status_word_sentences,
)
from fieldapp.ui.held_words import stored_word
from fieldapp.ui.history import filled

CONTEXT = "StatusWords"


def sentences() -> tuple[str, ...]:
    """The pack's sentences this module translates (for the translation catalogue)."""
    return (*status_word_sentences(), MERGED_WORD, SPELLING_READ, SPELLING)


def status_shown(status: str) -> str:
    """One of the program's statuses (`WorkStatus`: 已就业 …) in the language shown; what is
    stored stays the Chinese word."""
    return stored_word("monthly_status", "status", status)


def refusal_said(refusal: WordRefusal) -> str:
    """`refusal` in the language shown (in Chinese, exactly `str(refusal)`)."""
    joined = QCoreApplication.translate("StatusWords", "、")
    parts = [
        part if isinstance(part, str) else joined.join(status_shown(s) for s in part)
        for part in refusal.parts
    ]
    return filled(QCoreApplication.translate(CONTEXT, refusal.template), *parts)


def merged_said(merged: MergedWord) -> str:
    """A word the pack in force spells twice (`MergedWord`) in the language shown (in Chinese,
    exactly `str(merged)`): which spelling the next edition drops and which meaning it keeps."""
    joined = QCoreApplication.translate(CONTEXT, LISTED)
    read = QCoreApplication.translate(CONTEXT, SPELLING_READ)
    one = QCoreApplication.translate(CONTEXT, SPELLING)
    spellings = joined.join(filled(read, s, status_shown(m)) for s, m in merged.spellings)
    gone = joined.join(filled(one, s) for s in merged.gone)
    template = QCoreApplication.translate(CONTEXT, MERGED_WORD)
    return filled(template, spellings, merged.word, status_shown(merged.kept), gone)


def statuses() -> list[tuple[str, str]]:
    """(shown, stored) for each status a row may be read as, in the ledger's order."""
    return [(status_shown(s.value), s.value) for s in WorkStatus]
