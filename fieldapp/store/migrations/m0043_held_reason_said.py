"""A held change's reason kept as its sentence too (`held_changes.reason_said`), so the county
desktop's review says it in the window's language.

The hub kept a held change's reason as Chinese text only (`reason`): a county office's desktop
in English showed the rule's short name, or the Chinese. The trust rules make most reasons of
a template and its parts (`fieldapp.domain.sentences.Sentence`); the hub now keeps that beside
the text, as JSON (`sentences.sentence_json`), and `GET /v1/held` sends it. The text stays
what it was — the command line, the devices' reports and an older desktop read it.

Changes held before this version keep their text only (`reason_said` NULL): the sentence they
were refused with was never kept and is not guessed from the Chinese. A device ledger gets the
(empty) column too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 43


def apply(db: sqlite_utils.Database) -> None:
    """Add the column (NULL for every change already held)."""
    db.execute("ALTER TABLE held_changes ADD COLUMN reason_said TEXT")
