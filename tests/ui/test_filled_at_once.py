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


def _later_blank_filled(node: ast.AST) -> bool:
    """`text.replace("%2", value)` (any blank but the first) or `text.replace(f"%{n}", value)`:
    the sentence's other blanks filled before or after it, one at a time."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "replace"
        and len(node.args) == 2
        and not isinstance(node.args[1], ast.Constant)
    ):
        return False
    blank = node.args[0]
    if isinstance(blank, ast.JoinedStr):
        first = blank.values[0] if blank.values else None
        return isinstance(first, ast.Constant) and first.value == "%"
    return (
        isinstance(blank, ast.Constant)
        and isinstance(blank.value, str)
        and len(blank.value) == 2
        and blank.value[0] == "%"
        and blank.value[1] in "23456789"
    )


def test_no_sentence_has_its_blanks_filled_in_separate_steps() -> None:
    """(a value put in the first blank, an employer named “%2厂”, had the next one put into it
    when the second was filled on the next line)"""
    apart = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        apart += [
            f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            for node in ast.walk(tree)
            if _later_blank_filled(node)
        ]
    assert apart == []


def test_a_saved_paper_in_a_folder_named_with_a_blank(tmp_path: Path) -> None:
    path = tmp_path / "张%2三的材料" / "名单.pdf"
    note = save_note(3, "AB12", path)
    assert str(path) in note
    assert "共 3 页" in note and "AB12" in note
