"""Named errors of the domain; every message is Chinese, for the user."""

from __future__ import annotations

from fieldapp.domain.sentences import Sentence, said, template


class Said(Exception):
    """An error whose str() is a Chinese sentence, made from its text or from a `Sentence`.

    `said`: the same sentence as a template and its parts where it was made so (a window says
    it in its language, `fieldapp.ui.held_words.sentence_shown`), else None. The one way both
    `FieldappError` and a spreadsheet's `CellError` (a ValueError, not a FieldappError: the
    cells' callers catch ValueError) keep it."""

    def __init__(self, reason: str | Sentence = "") -> None:
        super().__init__(str(reason))
        self.said: Sentence | None = reason if isinstance(reason, Sentence) else None

    @property
    def reason(self) -> str | Sentence:
        """The reason as made: its sentence where it has one, else its Chinese text."""
        return self.said if self.said is not None else str(self)


class FieldappError(Said):
    """Base of every error the user may see; str() is a Chinese sentence, `said` the same as a
    template and its parts where it was made so (`Said`).

    `cli_hint`: what to type instead, for the command line only (the desktop's dialogs speak of
    its menus and never show a command)."""

    cli_hint: str = ""


class InvalidIdNumber(FieldappError, ValueError):
    """An ID number that fails GB 11643; `part` names what is broken."""

    def __init__(self, part: str, message: str | Sentence) -> None:
        super().__init__(message)
        self.part = part


#: An ID number already in the ledger: the number, its holder's name and place.
ALREADY_ENTERED = template("身份证号码 %1 已登记：%2（%3），不能重复录入")


class DuplicateIdNumber(FieldappError):
    """The ID number is already in the ledger; carries the existing person (`said`: the
    sentence as a template and its parts)."""

    def __init__(self, id_number: str, existing_id: str, existing_name: str, place: str) -> None:
        super().__init__(said(ALREADY_ENTERED, id_number, existing_name, place))
        self.id_number = id_number
        self.existing_id = existing_id
        self.existing_name = existing_name
        self.place = place


class NeedsConfirmation(FieldappError):
    """A warning the user must confirm before the write goes ahead."""


class NotFound(FieldappError):
    """A record asked for by id or ID number does not exist."""


class ValidationFailed(FieldappError):
    """Input that cannot be saved, with a Chinese reason."""


#: A date written in no way the ledger reads, the text as typed (2026-11, 11/23/2026).
BAD_DATE = template("日期“%1”格式不对，应为 YYYY-MM-DD")
#: A date written as one that no calendar has, the text as typed (2026-02-30, 2026-13-01).
NO_SUCH_DATE = template("日期“%1”不是有效日期")


class InvalidDate(ValidationFailed, ValueError):
    """Text that is no date (`fieldapp.domain.dates.parse_date`; a ValueError too, as callers
    reading a cell or a flag catch it): str() the Chinese sentence, `said` the same as
    `BAD_DATE` or `NO_SUCH_DATE` and the text (said in the window's language)."""


class MalformedRow(FieldappError, ValueError):
    """A stored row no domain model accepts (written by an older program or by hand): shown as
    such, skipped by lists, never a traceback. `table`, `row_id` and `fields` say where."""

    def __init__(
        self,
        table: str,
        row_id: str,
        fields: list[str],
        message: str | Sentence,
        newer: bool = False,
    ) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id
        self.fields = fields
        #: Only words this program does not have (a choice added by a later version).
        self.newer = newer
