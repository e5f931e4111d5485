"""Every picture and file the README and the docs link to is there (a renamed screenshot left
the README's table of the app's pages showing broken images)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    ROOT / "README.md",
    ROOT / "packaging" / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
]
#: [text](target) and ![alt](target), a target without a scheme or an anchor of its own page.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _local_targets(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [
        t.split("#", 1)[0]
        for t in LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")
    ]


def test_the_docs_are_found():
    assert len(DOCS) >= 5
    # the README shows the app's pages: the check below has links to look at
    assert len([t for t in _local_targets(ROOT / "README.md") if t.endswith(".png")]) >= 8


def test_every_local_link_and_picture_exists():
    missing = [
        f"{page.relative_to(ROOT)} → {target}"
        for page in DOCS
        for target in _local_targets(page)
        if not (page.parent / target).exists()
    ]
    assert missing == []
