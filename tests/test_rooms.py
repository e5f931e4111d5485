"""The rooms hold: no SQL outside `fieldapp/store`, and no write names a table outside it.

Every SQL string of the project lives in the store, behind its one API; everything else writes
through `fieldapp.services` with domain models, never `ledger.update("persons", …)`. This test
reads every module's syntax tree (not its text: comments and docstrings may talk about SQL).
The import rules between rooms are import-linter's contracts in pyproject.toml.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "fieldapp"

#: SQL as this project writes it: upper-case keywords in their usual company.
SQL = re.compile(
    r"\bSELECT\b.*\bFROM\b|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b|\bUPDATE\s+\[?\w+\]?\s+SET\b"
    r"|\bDELETE\s+FROM\b|\b(?:CREATE|DROP|ALTER)\s+(?:TEMP\s+|VIRTUAL\s+|UNIQUE\s+)?"
    r"(?:TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+|^\s*(?:BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b"
    r"|\bWHERE\s+[\w.\[\]]+\s*(?:=|<|>|\bIN\b|\bLIKE\b|\bIS\b)",
    re.S,
)
#: Calls that run SQL on a connection.
EXECUTE = {"execute", "executemany", "executescript"}
#: Calls that write rows; with a table's name among their arguments they bypass the services.
WRITES = {"insert", "insert_many", "insert_all", "update", "upsert", "delete", "undelete"}


def _tables() -> set[str]:
    """Every table a ledger has, from a fresh one's schema."""
    import sqlite_utils

    from fieldapp.store.migrations import migrate

    db = sqlite_utils.Database(memory=True)
    migrate(db)
    return set(db.table_names())


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(node: ast.AST) -> str | None:
    """The text of a string constant or an f-string's literal parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def problems(source: str, tables: set[str]) -> list[str]:
    """Where a module's code holds SQL, runs SQL, or writes by table name."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        text = _strings(node) if id(node) not in docstrings else None
        if text is not None and SQL.search(text):
            found.append(f"{node.lineno}: SQL {text[:60]!r}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in EXECUTE:
                found.append(f"{node.lineno}: .{name}() runs SQL")
            args = [*node.args, *(k.value for k in node.keywords)]
            named = [a.value for a in args if isinstance(a, ast.Constant) and a.value in tables]
            if name in WRITES and named:
                found.append(f"{node.lineno}: .{name}({named[0]!r}, …) writes by table name")
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            if node.slice.value in tables and isinstance(node.value, (ast.Attribute, ast.Name)):
                if getattr(node.value, "attr", getattr(node.value, "id", "")) in {"db", "database"}:
                    found.append(f"{node.lineno}: db[{node.slice.value!r}] reaches a table")
    return found


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if ROOT / "store" not in p.parents)


def test_no_module_outside_the_store_holds_sql_or_writes_by_table_name():
    tables = _tables()
    found = {
        str(path.relative_to(ROOT.parent)): hits
        for path in _modules()
        if (hits := problems(path.read_text(encoding="utf-8"), tables))
    }
    assert found == {}


@pytest.mark.parametrize(
    "code",
    [
        'rows = db.execute("SELECT id FROM persons WHERE deleted = 0").fetchall()',
        'sql = f"SELECT {cols} FROM persons p WHERE p.id IN ({marks})"',
        'ledger.update("households", household_id, {"head_person_id": person_id})',
        'with ledger.transaction():\n    ledger.delete("persons", person_id)',
        'bulk.insert_many("areas", rows)',
        'QUERY = "UPDATE persons SET phone = ? WHERE id = ?"',
        'db["persons"].insert({"name": "甲"})',
    ],
)
def test_the_check_finds_what_it_forbids(code):
    assert problems(code, {"persons", "households", "areas"})


@pytest.mark.parametrize(
    "code",
    [
        'def f():\n    """Select the rows where the person lives, then update the form."""',
        'label = "Where a job is relative to the household registration"',
        'writer.update(Household, household_id, {"head_person_id": person_id})',
        'natural_id("areas", code)',
        'text = "SELECT 一个地区"',
    ],
)
def test_words_that_only_look_like_sql_pass(code):
    assert problems(code, {"persons", "households", "areas"}) == []
