"""A value that is a str with rules of its own (`AreaCode`, `Month`): it stores, sorts and
compares as its text, and a pydantic model's field of its type is checked by building one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic is imported only when a model uses the type
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import core_schema


class TextValue(str):
    """A str whose class checks it when built (`cls(text)` refuses what is not one)."""

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: Any, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """Validate from a str in pydantic models; serialise as the plain text."""
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )
