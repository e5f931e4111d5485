"""The lock files match pyproject.toml, carry hashes, and runtime holds only what runtime imports."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: Distributions whose modules no `import` names: Addons brings QtPdf into the PySide6 package.
IMPORTED_THROUGH = {"pyside6-addons": "PySide6.QtPdf"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^ ;\\]+)", text, re.M))


def _declared(reqs: list[str]) -> set[str]:
    return {_norm(re.split(r"[\s<>=~!;\[]", r, maxsplit=1)[0]) for r in reqs}


def test_lock_files_are_current_and_hashed() -> None:
    assert dev.lock_is_current(), "run `python3 dev.py lock`"
    for name in dev.LOCK_FILES:
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        entries = re.findall(r"^[a-z0-9][^\n]*==[^\n]*(?:\n {4}--hash=sha256:[0-9a-f]{64}[^\n]*)+",
                             text, re.M)  # fmt: skip
        assert len(entries) == len(_locked(name)) > 0, f"{name}: an entry without a hash"


def test_stale_lock_is_noticed(monkeypatch, tmp_path: Path) -> None:
    copy = tmp_path / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    copy.write_text(text.replace('"reportlab~=', '"holidays~=0.109",\n    "reportlab~='), "utf-8")
    monkeypatch.setattr(dev, "LOCKS", ROOT / "requirements")
    before = dev.deps_digest()
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    assert dev.deps_digest() != before
    assert not dev.lock_is_current()


def test_locks_agree_and_runtime_has_no_dev_tools() -> None:
    runtime, package, full = (_locked(n) for n in ("runtime.txt", "package.txt", "dev.txt"))
    for name, version in {**runtime, **package}.items():
        assert full[name] == version, name
    project = PYPROJECT["project"]
    assert _declared(project["dependencies"]) <= set(runtime)
    dev_only = _declared(project["optional-dependencies"]["dev"]) - _declared(
        project["dependencies"]
    )
    assert not dev_only & set(runtime), dev_only & set(runtime)
    assert "openpyxl" not in runtime and "pytest" not in runtime


def _third_party_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "fieldapp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "fieldapp"}


def test_runtime_dependencies_are_exactly_what_fieldapp_imports() -> None:
    by_module = packages_distributions()
    imported = {_norm(d) for m in _third_party_imports() for d in by_module.get(m, [m])}
    declared = _declared(PYPROJECT["project"]["dependencies"])
    # PostgreSQL for a county hub is an extra (fieldapp[postgresql]); store/postgres.py
    # imports it only when a hub's ledger is in PostgreSQL.
    declared |= _declared(PYPROJECT["project"]["optional-dependencies"]["postgresql"])
    # PySide6 the module comes from Essentials (and Addons); shiboken6 and pydantic-core are
    # parts of PySide6 and pydantic, pinned exactly by them (declaring them would fight that pin).
    imported = {"pyside6-essentials" if d == "pyside6" else d for d in imported}
    imported -= {"shiboken6", "pydantic-core", "pyside6-addons"}
    for dist, module in IMPORTED_THROUGH.items():
        assert importlib.util.find_spec(module), module
        imported.add(dist)
    assert imported - declared == set(), "imported but not declared"
    assert declared - imported == set(), "declared but never imported at run time"
