"""Build the one-folder app and its installer: `python3 dev.py package [--release]`.

On the machine it runs on (PyInstaller does not cross-build):

- Linux: `dist/fieldapp/` and `dist/fieldapp_<version>_<arch>.deb` (installs to /opt/fieldapp,
  `fieldapp` on PATH, a menu entry with icon, Depends on the desktop libraries Qt needs).
- Windows: `dist/fieldapp/` (`fieldapp.exe` windowed, `fieldapp-cli.exe` console, version
  resource) and, when Inno Setup's ISCC is installed, `dist/fieldapp-<version>-setup.exe`.

`--release` (Linux) builds inside a Debian 11 build root made with debootstrap (its glibc is 2.31;
the interpreter we compile there is linked to 2.28 symbol versions, so the folder needs 2.28),
with CPython 3.11 compiled there from Debian's source package, so the result runs on UOS 20 and
Kylin V10; the plain build carries the build machine's glibc (2.36 on Debian 12) and is what CI
installs and smoke-tests. Every build ends with a report (sizes, the glibc floor found with
`objdump -T` over every ELF file, start time) in `dist/build-report.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = sys.platform.startswith("linux")
WINDOWS = sys.platform == "win32"
#: Release build root: Debian 11 (glibc 2.31), the oldest Debian the mirror still serves (10 is
#: archived and out of reach here); UOS 20 / Kylin V10 have 2.28–2.31.
BUILDROOT_SUITE = "bullseye"
BUILDROOT_PACKAGES = (
    "build-essential,ca-certificates,libssl-dev,libffi-dev,zlib1g-dev,libbz2-dev,liblzma-dev,"
    "libexpat1-dev,uuid-dev,binutils,xz-utils,dpkg-dev,tcl"
)
CACHE = Path(os.environ.get("FIELDAPP_BUILD_CACHE", Path.home() / ".cache" / "fieldapp-build"))
MIRROR = os.environ.get("FIELDAPP_DEBIAN_MIRROR", "http://deb.debian.org/debian")


def project() -> dict:
    """pyproject.toml's [project] table."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def deb_version(version: str, commit: str = "HEAD") -> str:
    """The .deb's version: pyproject's, then how many commits the build's source has
    (``0.1.0+741.g4d5c7dd``). apt installs a .deb over the installed one only when its version
    is higher: every build of one pyproject version was 0.1.0, so `apt install ./fieldapp….deb`
    of a newer build said "already the newest version" and left the old program in place. The
    count grows with every commit on main; a tree that is not a git checkout gets the plain
    version (`--deb-version` carries the checkout's into the release build root)."""
    try:
        count, short = (
            subprocess.run(
                command, cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
            for command in (
                ["git", "rev-list", "--count", commit],
                ["git", "rev-parse", "--short=7", commit],
            )
        )
    except (OSError, subprocess.CalledProcessError):
        return version
    return f"{version}+{count}.g{short}"


def syslibs():  # noqa: ANN201 - the module fieldapp/ui/syslibs.py
    """fieldapp/ui/syslibs.py loaded by path: importing fieldapp.ui would start Qt, and the
    Python running this script (the release build root's) may have no PySide6."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("syslibs", ROOT / "fieldapp/ui/syslibs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:  # noqa: ANN003
    """Run a command, echoing it; raise on failure."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


# --- the build environment ----------------------------------------------------------------------


def build_venv(work: Path, python: str, uv: str) -> Path:
    """A clean venv holding exactly requirements/package.txt (runtime + PyInstaller + fonttools).

    The developer's .venv also has pytest, pypdf, pdfplumber and friends, which PyInstaller's
    hooks would otherwise pick up.
    """
    venv = work / "venv"
    py = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    if not py.exists():
        run([uv, "venv", "-q", "--python", python, venv])
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    run([uv, "pip", "sync", "-q", "--python", py, "--require-hashes",
         ROOT / "requirements" / "package.txt"], env=env)  # fmt: skip
    return py


def windows_numbers(version: str, label: str | None = None) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps for a version (file properties' fixed fields, Inno Setup's
    VersionInfoVersion; each 0-65535): pyproject's version, then the build's commit count from
    its label (``0.2.0+741.g4d5c7dd`` → 0.2.0.741; 0 when the label has none or it is too big)."""
    parts = [min(int(p), 65535) for p in re.findall(r"\d+", version.split("+")[0])[:3]]
    parts += [0] * (3 - len(parts))
    count = re.fullmatch(r"[^+]*\+(\d+)\.g[0-9a-f]+", label or "")
    build = int(count.group(1)) if count and int(count.group(1)) <= 65535 else 0
    return parts[0], parts[1], parts[2], build


def windows_version_text(version: str, label: str | None = None) -> str:
    """PyInstaller's version resource: numbers where Windows wants numbers (a.b.c.d), the
    build's label where people read it (Explorer's 产品版本)."""
    numbers = windows_numbers(version, label)
    nums = ", ".join(map(str, numbers))
    dotted = ".".join(map(str, numbers))
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({nums}), prodvers=({nums}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'fieldapp'),
      StringStruct('FileDescription', '劳动力台账'),
      StringStruct('FileVersion', '{dotted}'),
      StringStruct('InternalName', 'fieldapp'),
      StringStruct('LegalCopyright', 'Apache-2.0'),
      StringStruct('OriginalFilename', 'fieldapp.exe'),
      StringStruct('ProductName', '劳动力台账 fieldapp'),
      StringStruct('ProductVersion', '{label or version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def windows_version_file(work: Path, version: str, label: str | None = None) -> Path:
    """PyInstaller's version resource (file properties in Explorer, the installer's checks)."""
    path = work / "version_info.txt"
    path.write_text(windows_version_text(version, label), encoding="utf-8")
    return path


def freeze(py: Path, work: Path, dist: Path, version: str, label: str | None = None) -> Path:
    """Subset the fallback font and run PyInstaller; returns dist/fieldapp."""
    fonts = work / "fonts"
    run([py, PACKAGING / "subset_fonts.py", fonts])
    # The spec's collect_submodules() imports fieldapp in a child process: it must find the
    # source tree whatever folder this runs from (migrations were silently left out otherwise).
    env = dict(os.environ, FIELDAPP_FONT_SUBSET_DIR=str(fonts), PYTHONPATH=str(ROOT))
    if WINDOWS:
        env["FIELDAPP_VERSION_FILE"] = str(windows_version_file(work, version, label))
    run([py, "-m", "PyInstaller", PACKAGING / "fieldapp.spec", "--noconfirm", "--log-level",
         "WARN", "--distpath", dist, "--workpath", work / "pyinstaller"], env=env,
        cwd=ROOT)  # fmt: skip
    return dist / "fieldapp"


def write_build_label(folder: Path, label: str) -> Path:
    """Write the build's label (the .deb's version, ``0.2.0+741.g4d5c7dd``) among the frozen
    folder's resources, where `fieldapp --version` reads it (fieldapp.paths.BUILD_LABEL):
    every build said plain 0.2.0, and the county could not tell which build a laptop runs."""
    inside = folder / "_internal"  # PyInstaller 6's contents folder (sys._MEIPASS)
    resources = (inside if inside.is_dir() else folder) / "fieldapp" / "resources"
    path = resources / "build-label.txt"
    path.write_text(label + "\n", encoding="utf-8")
    path.chmod(0o644)
    return path


# --- what the folder needs from the system ------------------------------------------------------


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file in the folder (executables, libraries, Python extensions, Qt plugins)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def glibc_floor(folder: Path) -> dict:
    """The newest GLIBC_/GLIBCXX_ symbol version any ELF file asks for (objdump -T), and who."""
    top: dict[str, tuple[tuple[int, ...], str]] = {}
    for path in elf_files(folder):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for kind, ver in set(re.findall(r"\b(GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\b", out)):
            v = _version(ver)
            if kind not in top or v > top[kind][0]:
                top[kind] = (v, str(path.relative_to(folder)))
    return {k: {"version": ".".join(map(str, v)), "file": f} for k, (v, f) in top.items()}


def system_libraries(folder: Path) -> set[str]:
    """Sonames the folder's ELF files need that the folder itself does not carry."""
    glibc_sonames = syslibs().GLIBC_SONAMES
    inside = {p.name for p in folder.rglob("*.so*")}
    needed: set[str] = set()
    for path in elf_files(folder):
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        needed |= set(re.findall(r"^\s*NEEDED\s+(\S+)", out, re.M))
    return needed - inside - glibc_sonames


def deb_depends(folder: Path, floor: str) -> list[str]:
    """The .deb's Depends: libc6 at the floor found, and the package of each system library."""
    packages = syslibs().SYSTEM_PACKAGES
    libs = system_libraries(folder)
    unknown = sorted(libs - set(packages))
    if unknown:
        raise SystemExit(
            "The folder needs system libraries with no package in fieldapp/ui/syslibs.py "
            f"SYSTEM_PACKAGES: {', '.join(unknown)}. Add them there (soname → Debian package)."
        )
    return [f"libc6 (>= {floor})", *sorted({packages[s] for s in libs})]


# --- the .deb -----------------------------------------------------------------------------------

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=劳动力台账
Name[zh_CN]=劳动力台账
GenericName=Employment ledger
GenericName[zh_CN]=就业帮扶台账
Comment=村级劳动力台账、走访、补贴申领与打印
Exec=/opt/fieldapp/fieldapp
Icon=fieldapp
Terminal=false
Categories=Office;
StartupWMClass=fieldapp
"""

WRAPPER = """#!/bin/sh
# The desktop app without arguments, the fieldapp command line with them.
exec /opt/fieldapp/fieldapp "$@"
"""

POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
"""


def dir_size(path: Path) -> int:
    """Bytes in the files under path (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def _public_modes(stage: Path) -> None:
    """Folders 0755, executables 0755, other files 0644: an installed app is for every user."""
    for path in [stage, *stage.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def make_deb(folder: Path, dist: Path, work: Path, version: str, depends: list[str]) -> Path:
    """Wrap the folder in a .deb with dpkg-deb; returns its path."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(folder, stage / "opt" / "fieldapp", symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/fieldapp").write_text(WRAPPER, encoding="utf-8")
    (stage / "usr/bin/fieldapp").chmod(0o755)
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "fieldapp.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icon = ROOT / "fieldapp/resources/icons/fieldapp.png"
    for target in ("usr/share/icons/hicolor/256x256/apps", "usr/share/pixmaps"):
        (stage / target).mkdir(parents=True)
        shutil.copy2(icon, stage / target / "fieldapp.png")
    doc = stage / "usr/share/doc/fieldapp"
    doc.mkdir(parents=True)
    fonts = ROOT / "fieldapp/resources/fonts"
    (doc / "copyright").write_text(
        "fieldapp: Apache-2.0.\n"
        "Bundled fonts and data keep their own licences, installed beside them under\n"
        "/opt/fieldapp/_internal/fieldapp/resources/ (fonts/*.LICENSE.txt, data/*.LICENSE.txt).\n"
        "HanaMinA.ttf is a subset, distributed under the Hanazono Font License.\n\n"
        + (fonts / "README.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    debian = stage / "DEBIAN"
    debian.mkdir()
    summary = "劳动力台账：村级就业帮扶台账、走访、补贴申领与打印"
    control = {
        "Package": "fieldapp",
        "Version": version,
        "Architecture": arch,
        "Maintainer": "fieldapp <fieldapp@localhost>",
        "Installed-Size": str(dir_size(stage) // 1024),
        "Depends": ", ".join(depends),
        "Section": "misc",
        "Priority": "optional",
        "Description": f"{summary}\n Offline employment-support ledger for village coordinators.",
    }
    (debian / "control").write_text(
        "".join(f"{k}: {v}\n" for k, v in control.items()), encoding="utf-8"
    )
    (debian / "postinst").write_text(POSTINST, encoding="utf-8")
    (debian / "postinst").chmod(0o755)
    _public_modes(stage)
    out = dist / f"fieldapp_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", stage, out])
    return out


# --- Windows installer --------------------------------------------------------------------------


def iscc_defines(folder: Path, dist: Path, version: str, label: str | None = None) -> list[str]:
    """ISCC's /D options for packaging/windows/fieldapp.iss: the build's label (AppLabel) where
    the installer shows a version to people (its title, 应用和功能, the setup file's name), the
    four numbers (AppNumbers) where Windows requires a.b.c.d (VersionInfoVersion)."""
    return [
        f"/DAppVersion={version}",
        f"/DAppLabel={label or version}",
        f"/DAppNumbers={'.'.join(map(str, windows_numbers(version, label)))}",
        f"/DSourceDir={folder}",
        f"/DOutputDir={dist}",
    ]


def make_setup(folder: Path, dist: Path, version: str, label: str | None = None) -> Path | None:
    """Compile packaging/windows/fieldapp.iss with Inno Setup's ISCC when it is installed."""
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                          for v in ("ProgramFiles(x86)", "ProgramFiles")) if p.exists()),
        None,
    )  # fmt: skip
    if not iscc:
        print("Inno Setup (ISCC.exe) not found: dist/fieldapp/ built, no setup.exe", flush=True)
        return None
    run([iscc, *iscc_defines(folder, dist, version, label),
         PACKAGING / "windows" / "fieldapp.iss"])  # fmt: skip
    return dist / f"fieldapp-{label or version}-setup.exe"


# --- report -------------------------------------------------------------------------------------


def start_time(folder: Path, tries: int = 3) -> float:
    """Median seconds from launch until the main window is shown and closed (offscreen)."""
    exe = folder / ("fieldapp-cli.exe" if WINDOWS else "fieldapp")
    home = Path(tempfile.mkdtemp(prefix="fieldapp-start-"))
    shutil.rmtree(home, ignore_errors=True)
    # Ledgers are encrypted: the check logs in as a throwaway user of its throwaway ledger.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(home),
               FIELDAPP_QUIT_AFTER_START="1", FIELDAPP_USER="打包检查",
               FIELDAPP_PASSWORD=secrets.token_urlsafe(16))  # fmt: skip
    db = home / "ledger.db"
    made = subprocess.run([exe, "--db", db, "demo", "--persons", "50"], env=env,
                          capture_output=True, text=True)  # fmt: skip
    if made.returncode != 0:
        raise SystemExit(f"the built app failed its first command:\n{made.stdout}{made.stderr}")
    times = []
    for _ in range(tries):
        began = time.perf_counter()
        subprocess.run([exe, "--db", db], env=env, check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - began)
    shutil.rmtree(home, ignore_errors=True)
    return round(statistics.median(times), 2)


def biggest(folder: Path, n: int = 12) -> list[tuple[str, float]]:
    """The largest files (MB), to see what the size is made of."""
    files = sorted(
        (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()),
        key=lambda p: -p.stat().st_size,
    )
    return [(str(p.relative_to(folder)), round(p.stat().st_size / 1e6, 1)) for p in files[:n]]


def report(
    folder: Path,
    artefacts: list[Path],
    max_glibc: str | None,
    dist: Path,
    installed: Path | None = None,
) -> dict:
    """Sizes, glibc floor and start time; written to dist/build-report.json and printed."""
    data: dict = {
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "folder_mb": round(dir_size(folder) / 1e6, 1),
        "folder_mib": round(dir_size(folder) / 2**20, 1),
        "artefacts": {p.name: round(p.stat().st_size / 1e6, 1) for p in artefacts},
        "biggest_files_mb": biggest(folder),
    }
    if LINUX:
        floor = glibc_floor(folder)
        data["glibc_floor"] = floor
        data["system_libraries"] = sorted(system_libraries(folder))
        found = floor.get("GLIBC", {}).get("version", "0")
        if max_glibc and _version(found) > _version(max_glibc):
            raise SystemExit(f"glibc floor {found} ({floor['GLIBC']['file']}) > {max_glibc}")
    data["start_seconds"] = start_time(installed or folder)
    (dist / "build-report.json").write_text(json.dumps(data, ensure_ascii=False, indent=2))
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return data


# --- the release build root (Linux) -------------------------------------------------------------


class BuildRoot:
    """A debootstrapped Debian to build in, with /proc and /dev mounted while it is used."""

    def __init__(self, path: Path, suite: str = BUILDROOT_SUITE) -> None:
        self.path = path
        self.suite = suite
        self.mounted: list[Path] = []

    def ensure(self) -> None:
        """Create it once (about 2 minutes); later builds reuse it."""
        if (self.path / "usr/bin/gcc").exists():
            return
        if not shutil.which("debootstrap"):
            run(["apt-get", "install", "-y", "-q", "debootstrap"])
        run(["debootstrap", "--variant=minbase", f"--include={BUILDROOT_PACKAGES}", self.suite,
             self.path, MIRROR])  # fmt: skip
        # Debian 12's python3.11 source (with its security fixes) is fetched by apt-get source.
        (self.path / "etc/apt/sources.list.d/python-src.list").write_text(
            f"deb-src {MIRROR} bookworm main\n", encoding="utf-8"
        )
        self.chroot(["apt-get", "update", "-q"])

    def __enter__(self) -> BuildRoot:
        for sub, how in (("proc", ["-t", "proc", "proc"]), ("dev", ["--bind", "/dev"])):
            target = self.path / sub
            if not os.path.ismount(target):
                run(["mount", *how, target])
                self.mounted.append(target)
        return self

    def __exit__(self, *exc: object) -> None:
        for target in reversed(self.mounted):
            subprocess.run(["umount", "-l", str(target)], check=False)
        self.mounted.clear()

    def chroot(self, cmd: list[str], env: dict[str, str] | None = None) -> None:
        """Run a command inside."""
        base = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME": "/root", "LANG": "C.UTF-8"}  # fmt: skip
        run(["chroot", self.path, "/usr/bin/env", "-i",
             *[f"{k}={v}" for k, v in {**base, **(env or {})}.items()], *cmd])  # fmt: skip


def tracked_files() -> list[str]:
    """The files of the source tree (git's list when it is a checkout)."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout  # fmt: skip
        return [f for f in out.decode().split("\0") if f and (ROOT / f).exists()]
    except (OSError, subprocess.CalledProcessError):
        return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]


def release(dist: Path, uv: str, max_glibc: str, package_version: str) -> int:
    """Build inside the Debian 11 build root and copy the .deb and report back into dist/."""
    root = BuildRoot(CACHE / f"{BUILDROOT_SUITE}-{platform.machine()}")
    root.ensure()
    src = root.path / "build/src"
    shutil.rmtree(src, ignore_errors=True)
    for name in tracked_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    shutil.copy2(uv, root.path / "usr/local/bin/uv")
    shutil.copy2(PACKAGING / "linux/build-python.sh", root.path / "build/build-python.sh")
    env = {"UV_CACHE_DIR": "/build/uv-cache"}
    cert = os.environ.get("SSL_CERT_FILE")
    if cert and Path(cert).is_file():
        # The machine's own CA bundle (a proxy's certificate may be in it) for uv inside.
        shutil.copy2(cert, root.path / "build/ca-certificates.crt")
        env["SSL_CERT_FILE"] = "/build/ca-certificates.crt"
    # Qt's libraries must load while PyInstaller analyses them: the desktop libraries go in too.
    desktop = sorted({p.split(" | ")[0] for p in syslibs().SYSTEM_PACKAGES.values()})
    with root:
        root.chroot(["apt-get", "install", "-y", "-q", "--no-install-recommends", *desktop])
        root.chroot(["sh", "/build/build-python.sh"], env={"JOBS": str(os.cpu_count() or 2)})
        root.chroot(
            ["/opt/fieldapp-python/bin/python3.11", "/build/src/packaging/build.py", "--inside",
             "--python", "/opt/fieldapp-python/bin/python3.11", "--uv", "/usr/local/bin/uv",
             "--max-glibc", max_glibc, "--deb-version", package_version],
            env=env,
        )  # fmt: skip
    dist.mkdir(parents=True, exist_ok=True)
    built = src / "dist"
    for item in [*built.glob("*.deb"), built / "build-report.json"]:
        shutil.copy2(item, dist / item.name)
        print(f"→ {dist / item.name}")
    return 0


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Build for this machine, or (--release) inside the old-glibc build root."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true",
                        help="Linux: build inside a Debian 11 build root (runs on glibc 2.28)")  # fmt: skip
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package")
    parser.add_argument("--python", default=sys.executable, help="the Python to freeze")
    beside = Path(sys.executable).with_name("uv.exe" if WINDOWS else "uv")
    parser.add_argument(
        "--uv",
        default=str(beside) if beside.exists() else shutil.which("uv"),
        help="uv (default: the locked one in .venv)",
    )
    parser.add_argument("--max-glibc", help="fail when the folder needs a newer glibc than this")
    parser.add_argument("--no-installer", action="store_true", help="only the folder")
    parser.add_argument("--deb-version", help=argparse.SUPPRESS)  # the checkout's, for --inside
    args = parser.parse_args(argv)
    # What we ship is read by every user of the machine it is installed on: build with the
    # usual umask, whatever the caller's (the app itself runs with 077 for its private files).
    os.umask(0o022)
    version = project()["version"]
    if args.release:
        if not LINUX:
            raise SystemExit("--release is the Linux old-glibc build; on Windows run without it")
        return release(args.dist, args.uv, args.max_glibc or "2.28", deb_version(version))
    args.work.mkdir(parents=True, exist_ok=True)
    py = build_venv(args.work, args.python, args.uv)
    label = args.deb_version or deb_version(version)
    folder = freeze(py, args.work, args.dist, version, label)
    write_build_label(folder, label)
    artefacts: list[Path] = []
    if LINUX and not args.no_installer:
        floor = glibc_floor(folder).get("GLIBC", {}).get("version", "2.17")
        artefacts.append(make_deb(folder, args.dist, args.work, label, deb_depends(folder, floor)))
    if WINDOWS and not args.no_installer:
        setup = make_setup(folder, args.dist, version, label)
        artefacts += [setup] if setup else []
    if args.inside and artefacts:
        # In the release build root: the .deb must install on Debian 11 with its Depends (apt
        # pulls them in), and the start time is measured on the installed app.
        run(["apt-get", "install", "-y", "-q", "--no-install-recommends", artefacts[0]])
        try:
            report(folder, artefacts, args.max_glibc, args.dist, Path("/opt/fieldapp"))
        finally:
            run(["dpkg", "--remove", "fieldapp"])
        return 0
    report(folder, artefacts, args.max_glibc, args.dist)
    return 0


if __name__ == "__main__":
    sys.exit(main())
