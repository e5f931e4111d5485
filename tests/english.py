"""The program's refusals as the English window says them, for the tests that check both
languages: the catalogue installed for the saying only, the window back in Chinese after."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

K = TypeVar("K")


@contextmanager
def in_english() -> Iterator[None]:
    """The English catalogue installed inside the block, Chinese back after whatever happens."""
    from fieldapp.ui import i18n

    try:
        assert i18n.install_language("en")
        yield
    finally:
        i18n.install_language("zh_CN")


def said_in_english(refusals: Mapping[K, BaseException]) -> dict[K, str]:
    """Each refusal by its key as the English window shows it (`ui.errors.message_for`)."""
    from fieldapp.ui.errors import message_for

    with in_english():
        return {key: message_for(refusal) for key, refusal in refusals.items()}
