#!/usr/bin/env python3
"""One-step set-up for fieldapp.

    python3 dev.py run [fieldapp args]   start the app (or any `fieldapp` command)
    python3 dev.py test [pytest args]    every check: ruff, then the whole pytest suite offscreen
                                         (one worker per core; `-n 0` for one process)
    python3 dev.py bench [args]          benchmarks (bench/run.py)
    python3 dev.py lock [--upgrade | --upgrade-package NAME ...]
                                         regenerate requirements/*.txt from pyproject.toml
    python3 dev.py package [--release]   build the one-folder app and its installer (packaging/)

Each creates `.venv/` beside this file on first use and installs exactly the versions (and file
hashes) of `requirements/dev.txt` into it, so a fresh machine with Python 3.11+ needs nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
UV = BIN / ("uv.exe" if os.name == "nt" else "uv")
STAMP = VENV / ".fieldapp-installed"
LOCKS = ROOT / "requirements"
#: The lock files and what each holds. dev.txt is resolved first; the others are constrained to it,
#: so a package has the same version in all three.
LOCK_FILES: dict[str, list[str]] = {
    "dev.txt": ["dev", "package"],  # a developer's and CI's .venv: everything
    "runtime.txt": [],  # what `pip install fieldapp` needs: the wheel test installs from it
    "package.txt": ["package"],  # the clean build environment of `dev.py package`
}
#: Every Python the lock must serve (Windows, Linux x86-64 and ARM64): --universal resolution.
LOCK_PYTHON = "3.11"
DEPS_MARK = "# pyproject-deps-sha256: "


def deps_digest() -> str:
    """Hash of what the lock is made from: requires-python, dependencies, extras, build requires.

    Other parts of pyproject.toml (tool settings) can change without re-locking.
    """
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    relevant = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": data.get("build-system", {}).get("requires", []),
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def lock_is_current() -> bool:
    """True when every lock file was made from the dependencies pyproject.toml lists now."""
    mark = DEPS_MARK + deps_digest()
    for name in LOCK_FILES:
        path = LOCKS / name
        if not path.exists() or mark not in path.read_text(encoding="utf-8").splitlines():
            return False
    return True


def _create_venv() -> None:
    if not PY.exists():
        print("正在创建虚拟环境 / creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)


def _uv_requirement() -> str:
    """The hash-pinned `uv==…` entry of requirements/dev.txt (or the pin in pyproject.toml)."""
    lock = LOCKS / "dev.txt"
    if lock.exists():
        lines = lock.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("uv=="):
                block = [line]
                while block[-1].rstrip().endswith("\\"):
                    i += 1
                    block.append(lines[i])
                return "\n".join(block) + "\n"
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in data["project"]["optional-dependencies"]["dev"] if d.startswith("uv")]
    return pins[0] + "\n"


def ensure_uv() -> None:
    """Put the locked uv into .venv with pip (hash-checked); uv then installs everything else."""
    _create_venv()
    if UV.exists():
        return
    print("正在安装 uv / installing uv …", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "uv.txt"
        req.write_text(_uv_requirement(), encoding="utf-8")
        hashed = "--hash=" in req.read_text(encoding="utf-8")
        # The machine's pip.conf may add local wheel folders; uv itself comes from the index.
        subprocess.check_call(
            [
                str(PY),
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--isolated",
                "--disable-pip-version-check",
            ]
            + (["--require-hashes"] if hashed else [])
            + ["-r", str(req)]
        )


def ensure_env() -> None:
    """Make .venv hold exactly requirements/dev.txt (hash-checked) plus fieldapp, editable."""
    if not lock_is_current():
        print(
            "依赖清单与锁文件不一致：pyproject.toml 的依赖改过，但 requirements/ 没有重新生成。\n"
            "请运行 `python3 dev.py lock`，并把 pyproject.toml 和 requirements/ 一起提交。\n"
            "(pyproject.toml's dependencies changed since requirements/*.txt were made: "
            "run `python3 dev.py lock` and commit both.)",
            file=sys.stderr,
        )
        raise SystemExit(1)
    ensure_uv()
    digest = hashlib.sha256((LOCKS / "dev.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("正在安装依赖 / installing the locked dependencies …", flush=True)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV))
    # `sync` makes the venv match the lock exactly (removes what the lock no longer lists).
    subprocess.check_call(
        [str(UV), "pip", "sync", "--python", str(PY), "--require-hashes", str(LOCKS / "dev.txt")],
        env=env,
    )
    subprocess.check_call(
        [
            str(UV),
            "pip",
            "install",
            "--python",
            str(PY),
            "--no-deps",
            "--no-build-isolation",
            "-e",
            str(ROOT),
        ],
        env=env,
    )
    STAMP.write_text(digest)


def lock(extra: list[str]) -> int:
    """Regenerate requirements/*.txt from pyproject.toml.

    Versions already in the lock are kept (so adding one dependency changes only what it needs);
    `--upgrade` takes the newest versions the pins allow, `--upgrade-package NAME` just that one.
    """
    _create_venv()
    ensure_uv()
    LOCKS.mkdir(exist_ok=True)
    mark = DEPS_MARK + deps_digest()
    for name, extras in LOCK_FILES.items():
        out = LOCKS / name
        cmd = [
            str(UV),
            "pip",
            "compile",
            "pyproject.toml",
            "--universal",
            "--python-version",
            LOCK_PYTHON,
            "--generate-hashes",
            "--quiet",
            "--custom-compile-command",
            "python3 dev.py lock",
            "-o",
            str(out.relative_to(ROOT)),
        ]
        for e in extras:
            cmd += ["--extra", e]
        if name != "dev.txt":
            cmd += ["-c", str((LOCKS / "dev.txt").relative_to(ROOT))]
        rc = subprocess.call(cmd + (extra if name == "dev.txt" else []), cwd=ROOT)
        if rc != 0:
            return rc
        text = out.read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if not ln.startswith(DEPS_MARK)]
        lines.insert(2, mark)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"已更新 / wrote {out.relative_to(ROOT)}")
    return 0


def run_tests(extra: list[str]) -> int:
    """ruff (lint and layout), the import contracts, mypy, then the whole pytest suite offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # One hash seed for the run's workers (each would draw its own, and a test parametrized
    # over a set would be collected in another order by each), another for the next run.
    env.setdefault("PYTHONHASHSEED", str(secrets.randbelow(2**32 - 1) + 1))
    rc = subprocess.call(
        [str(PY), "-m", "ruff", "check", "fieldapp", "tests", "bench", "packaging", "tools"],
        cwd=ROOT,
    )
    if rc != 0:
        return rc
    # One layout for all of us (`ruff format` fixes it).
    rc = subprocess.call(
        [
            str(PY),
            "-m",
            "ruff",
            "format",
            "--check",
            "fieldapp",
            "tests",
            "bench",
            "packaging",
            "tools",
        ],
        cwd=ROOT,
    )
    if rc != 0:
        return rc
    # The rooms' import rules (pyproject.toml [tool.importlinter]; docs/architecture.md).
    lint = "from importlinter.cli import lint_imports_command as c; c()"
    rc = subprocess.call([str(PY), "-c", lint, "--no-cache"], cwd=ROOT)
    if rc != 0:
        return rc
    # mypy --strict on the package, as pyproject.toml's [tool.mypy] says (some ui modules aside).
    rc = subprocess.call([str(PY), "-m", "mypy"], cwd=ROOT)
    if rc != 0:
        return rc
    print(f"PYTHONHASHSEED={env['PYTHONHASHSEED']}", flush=True)  # to run it again alike
    return subprocess.call([str(PY), "-m", "pytest", *workers(extra), *extra], cwd=ROOT, env=env)


def workers(extra: list[str]) -> list[str]:
    """One pytest worker per core (pytest-xdist; at most four), a test file to a worker, so a
    file's shared fixtures (a built .deb, a 100k ledger) are made once. Left alone when the
    engineer chose (`-n 0` runs in one process, as a debugger wants) or names one test.

    A worker that dies (a crash in Qt) is not replaced: the run stops and names the test it
    was running. A replaced worker had left the run waiting for ever at 99 % (the load-file
    scheduler gave the dead worker's files to no one), with no summary said."""
    if any(a == "-n" or a.startswith(("-n", "--numprocesses", "--dist")) for a in extra):
        return []
    if any("::" in a for a in extra) or "--pdb" in extra:
        return []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    count = max(1, min(4, cores or 1))
    if count < 2:
        return []
    return ["-n", str(count), "--dist", "loadfile", "--max-worker-restart", "0"]


def main(argv: list[str]) -> int:
    """Entry point: run, test, bench, lock or package (see the module docstring)."""
    commands = {"run", "test", "bench", "lock", "package"}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "lock":
        return lock(rest)
    ensure_env()
    if cmd == "test":
        return run_tests(rest)
    if cmd == "bench":
        return subprocess.call([str(PY), str(ROOT / "bench" / "run.py"), *rest], cwd=ROOT)
    if cmd == "package":
        return subprocess.call([str(PY), str(ROOT / "packaging" / "build.py"), *rest], cwd=ROOT)
    return subprocess.call([str(PY), "-m", "fieldapp", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
