"""A sentence with several blanks (%1, %2 …) is filled at once (`domain.sentences.fill`):
filled one `.replace` after another, a value holding "%2" — a person's or a device's name, a
file's path, a county's word list — had the next value put into it."""

from __future__ import annotations

import ast
from pathlib import Path

from fieldapp.ui.papers import save_note

ROOT = Path(__file__).resolve().parents[2] / "fieldapp"


def _blank_filled(node: ast.AST) -> bool:
    """`text.replace("%N", value)`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "replace"
        and len(node.args) == 2
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and len(node.args[0].value) == 2
        and node.args[0].value[0] == "%"
        and node.args[0].value[1].isdigit()
    )


def test_no_sentence_is_filled_one_blank_after_another() -> None:
    chained = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if _blank_filled(node) and _blank_filled(node.func.value):  # type: ignore[attr-defined]
                # (a template renumbered from another, constants only, is not a sentence filled)
                if all(isinstance(a, ast.Constant) for a in node.args):
                    continue
                chained.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert chained == []


def test_a_saved_paper_in_a_folder_named_with_a_blank(tmp_path: Path) -> None:
    path = tmp_path / "张%2三的材料" / "名单.pdf"
    note = save_note(3, "AB12", path)
    assert str(path) in note
    assert "共 3 页" in note and "AB12" in note
