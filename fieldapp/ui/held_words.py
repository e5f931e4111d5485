"""The words of a held change's line on the sync page, in the language shown: the Chinese names
`fieldapp.sync.rejected.held_said` gives the tables and fields a change touches
(`trust.TABLE_NAMES`, `change_said.fields_said`) and the village's sentence for a value from a
newer program (`rejected.NEWER_VALUE_HERE`), each through the translations (context
`HeldWords`). The domain holds the words, once: `held_words_catalogue`, which
`packaging/update_translations.py` writes from `words()`, only marks them for pyside6-lupdate
(it cannot read words out of a dict). A name without a translation is said in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.services.change_said import field_said, fields_said
from fieldapp.services.trust import TABLE_NAMES
from fieldapp.sync.rejected import NEWER_VALUE_HERE

CONTEXT = "HeldWords"


def words() -> tuple[str, ...]:
    """Every Chinese word of the domain a held change's line says, once each, in order."""
    return tuple(dict.fromkeys([*TABLE_NAMES.values(), *fields_said(), NEWER_VALUE_HERE]))


def _shown(word: str) -> str:
    return QCoreApplication.translate(CONTEXT, word)


def table_words() -> dict[str, str]:
    """A synced table's Chinese name → its name in the language shown."""
    return {name: _shown(name) for name in TABLE_NAMES.values()}


def field_words() -> dict[str, str]:
    """A field's Chinese name (as a held change's line says it) → its name shown."""
    return {name: _shown(name) for name in fields_said()}


def table_word(name: str) -> str:
    """One synced table's Chinese name (`trust.table_name`) in the language shown."""
    return _shown(name)


def field_word(key: str, table: str) -> str:
    """The field `key` of `table` as a held change's line names it (`change_said.field_said`:
    户籍地, not 户籍地区划代码), in the language shown."""
    return _shown(field_said(key, table))


def newer_value_here(value: str) -> str:
    """`rejected.NEWER_VALUE_HERE` in the language shown, of `value` (as the hub named it)."""
    return _shown(NEWER_VALUE_HERE).replace("%1", value)
