"""packaging/build.py loaded as a module, as dev.py runs it (`_build_script`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_script():  # noqa: ANN202 - packaging/build.py, loaded by path as dev.py runs it
    spec = importlib.util.spec_from_file_location(
        "fieldapp_package_build", ROOT / "packaging/build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
