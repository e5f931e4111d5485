"""A row's place was looked up by going through every area the ledger holds to find its
counties (`AreaResolver._county`, `_default_county`, `village_key`): each new household's row,
and each row of a sheet named for a group, cost as much as the ledger's areas — with a
county's 2 400 areas a 20 000-row sheet took 8.7 s to import (16 s named 一组), 2.5 s once
the counties are kept as the areas are: a row costs the same whatever the ledger holds."""

from __future__ import annotations

import time

from fieldapp.domain.areacode import AreaRow
from fieldapp.domain.enums import AreaKind
from fieldapp.tabular.areas import AreaResolver, PlaceRef

ROWS = 2000


def _ledger_areas(villages: int) -> list[AreaRow]:
    """A county, a township and `villages` villages of 11 groups each."""
    areas = [
        AreaRow("520502", "七星关区", AreaKind.COUNTY.value, None),
        AreaRow("520502001", "碧阳街道", AreaKind.TOWNSHIP.value, "520502"),
    ]
    for v in range(1, villages + 1):
        village = f"520502001{v:03d}"
        areas.append(AreaRow(village, f"村{v}", AreaKind.VILLAGE.value, "520502001"))
        areas += [
            AreaRow(f"{village}{g:03d}", f"{g}组", AreaKind.GROUP.value, village)
            for g in range(1, 12)
        ]
    return areas


def _rows_take(resolver: AreaResolver) -> float:
    """Seconds to resolve and tell the village of `ROWS` rows (their county named, or not)."""
    named = PlaceRef("七星关区", "碧阳街道", "村5")
    unnamed = PlaceRef("", "碧阳街道", "村5")
    started = time.perf_counter()
    for _ in range(ROWS // 2):
        for ref in (named, unnamed):
            resolver.resolve(ref)
            resolver.village_key(ref)
    return time.perf_counter() - started


def test_a_rows_place_costs_the_same_whatever_areas_the_ledger_holds():
    small = AreaResolver(_ledger_areas(2))
    large = AreaResolver(_ledger_areas(900))  # 9 900 areas: a large county's
    assert small.resolve(PlaceRef("七星关区", "碧阳街道", "村2")) == "520502001002"
    assert large.village_key(PlaceRef("", "碧阳街道", "村5")) == "520502001005"
    took_small, took_large = min(_rows_take(small) for _ in range(3)), _rows_take(large)
    assert took_large < 4 * took_small + 0.1, (took_small, took_large)
