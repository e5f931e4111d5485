"""The words village sheets write for 就业状态 that the program reads by itself (失业, 务工 …):
one list for the import (tabular, which reads them) and the county's pack check (policy, which
refuses a county word that would say one of them otherwise — the built-in reading would win)."""

from __future__ import annotations

import unicodedata

from fieldapp.domain.enums import WorkStatus

#: Words for the work status column, beyond the statuses' own names.
BUILT_IN_STATUS_WORDS: dict[str, WorkStatus] = {
    "就业": WorkStatus.EMPLOYED,
    "已务工": WorkStatus.EMPLOYED,
    "务工": WorkStatus.EMPLOYED,
    "在岗": WorkStatus.EMPLOYED,
    "是": WorkStatus.EMPLOYED,
    "失业": WorkStatus.NOT_EMPLOYED,
    "待业": WorkStatus.NOT_EMPLOYED,
    "未务工": WorkStatus.NOT_EMPLOYED,
    "否": WorkStatus.NOT_EMPLOYED,
    "已就业": WorkStatus.EMPLOYED,
    "未就业": WorkStatus.NOT_EMPLOYED,
    "县内务工": WorkStatus.EMPLOYED,
    "县外务工": WorkStatus.EMPLOYED,
    "省内务工": WorkStatus.EMPLOYED,
    "省外务工": WorkStatus.EMPLOYED,
    "外出务工": WorkStatus.EMPLOYED,
    "本地务工": WorkStatus.EMPLOYED,
    "学生": WorkStatus.STUDYING,
    "在读": WorkStatus.STUDYING,
    "在校生": WorkStatus.STUDYING,
}


def built_in_reading(word: str) -> WorkStatus | None:
    """How the program itself reads `word` in the 就业状态 column (a status's own name, or one
    of `BUILT_IN_STATUS_WORDS`; full-width forms and spaces around as the import reads them);
    None when only a list the user or the county gives can say what it means."""
    typed = unicodedata.normalize("NFKC", word).strip()
    known = BUILT_IN_STATUS_WORDS.get(typed)
    if known is not None:
        return known
    try:
        return WorkStatus(typed)
    except ValueError:
        return None
