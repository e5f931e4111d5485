"""Reference tables read from package data once per process (the domain itself reads no files).

`divisions()` is Guizhou's division table (MCA 2025, bundled as
`fieldapp/resources/data/guizhou_areas.json`) with the national county table of python-stdnum, as a
`fieldapp.domain.divisions.DivisionTable`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import stdnum.cn

from fieldapp.domain.divisions import DivisionTable, parse_national
from fieldapp.domain.regions import region_name
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


def place_words(code: str | None) -> str:
    """A division code as its place's name, for a job's place or an area a ledger does not
    list: a Guizhou code down to its township ('贵州省毕节市七星关区碧阳街道'), any other to
    its county ('广东省深圳市宝安区'); the code itself only when no level of it is known."""
    text = (code or "").strip()
    if not text:
        return ""
    table = divisions()
    for digits in (9, 6, 4, 2):
        if len(text) >= digits and table.get(text[:digits].ljust(6, "0")) is not None:
            return table.full_name(text[:digits].ljust(6, "0"))
    return region_name(text) or text


def unlisted_words(code: str | None) -> str:
    """An area a ledger does not list, named by `reference.place_words` from the county
    down for a Guizhou code ('七星关区鸭池镇': a county's lists are all of one province and city,
    and a desktop's column stays narrow), whole for any other; '' when nothing of it is known."""
    text = (code or "").strip()
    words = place_words(text)
    if words == text:
        return ""
    city = divisions().full_name(text[:4] + "00") if text.startswith("52") else ""
    shorter = words.removeprefix(city) if city != text[:4] + "00" else words
    return shorter or words
