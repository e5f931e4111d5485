"""Reference tables read from package data once per process (the domain itself reads no files).

`divisions()` is Guizhou's division table (MCA 2025, bundled as
`fieldapp/resources/data/guizhou_areas.json`) with the national county table of python-stdnum, as a
`fieldapp.domain.divisions.DivisionTable`; `fieldapp.domain.places_said.say_place` says a code in
words from it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import stdnum.cn

from fieldapp.domain.divisions import DivisionTable, parse_national
from fieldapp.paths import resource


@cache
def divisions() -> DivisionTable:
    """The division table (loaded on first use, then kept)."""
    data = json.loads(Path(resource("data", "guizhou_areas.json")).read_text(encoding="utf-8"))
    national = (Path(stdnum.cn.__file__).parent / "loc.dat").read_text(encoding="utf-8")
    return DivisionTable(
        rows=[tuple(row) for row in data["areas"]],
        retired=dict(data["retired"]),
        national=parse_national(national),
    )
