"""The program's refusals as the English window says them, for the tests that check both
languages: the catalogue installed for the saying only, the window back in Chinese after."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")


def said_in_english(refusals: Mapping[K, BaseException]) -> dict[K, str]:
    """Each refusal by its key as the English window shows it (`ui.errors.message_for`)."""
    from fieldapp.ui import i18n
    from fieldapp.ui.errors import message_for

    assert i18n.install_language("en")
    try:
        return {key: message_for(refusal) for key, refusal in refusals.items()}
    finally:
        i18n.install_language("zh_CN")
