"""Who is at the keyboard: a user name and a password (issue 16)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


def normalise_name(name: str) -> str:
    """A user name as compared: NFKC (full-width letters), outer spaces removed."""
    return unicodedata.normalize("NFKC", name).strip()


@dataclass(frozen=True)
class Credentials:
    """A user name and password (the password never appears in a repr or a log)."""

    user: str
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "user", normalise_name(self.user))
