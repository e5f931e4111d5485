"""Who is at the keyboard: a user name and a password (issue 16)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from fieldapp.domain.errors import ValidationFailed

#: What a user or password that is not text says (a terminal or file in another encoding).
UNREADABLE = "用户名或口令中有认不出的字符：终端、环境变量或口令文件的编码不是 UTF-8，请改用 UTF-8"


def check_readable(text: str) -> str:
    """`text` unchanged, or ValidationFailed when it holds bytes that were not text (Python
    keeps a non-UTF-8 environment or command line as lone surrogates, which no key derivation
    can take)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationFailed(UNREADABLE) from None
    return text


def normalise_name(name: str) -> str:
    """A user name as compared: NFKC (full-width letters), outer spaces removed."""
    return unicodedata.normalize("NFKC", name).strip()


@dataclass(frozen=True)
class Credentials:
    """A user name and password (the password never appears in a repr or a log)."""

    user: str
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        check_readable(self.user)
        check_readable(self.password)
        object.__setattr__(self, "user", normalise_name(self.user))
