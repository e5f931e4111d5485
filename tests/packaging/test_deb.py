"""The Linux package end to end: build the .deb, install it with its Depends on a minimal Debian.

`packaging/build.py` builds the one-folder app and the .deb on this machine. A fresh Debian
(debootstrap, minbase: no X, no Qt libraries) gets it through `apt-get install ./fieldapp.deb`,
so every library the app needs from the system must come in through the package's Depends. Then,
inside that system: the desktop app starts offscreen and on a real X server (Xvfb), the command
line prints a roster, and with libxcb-cursor0 removed the start stops with the Chinese message
naming the package.

It takes minutes (PyInstaller, debootstrap, apt) and needs root and Debian's package mirror (the
one test that reaches past loopback: a package install must fetch what the package depends on).
`python3 dev.py test` runs it, as CI does; an engineer iterating may skip it with
FIELDAPP_SKIP_PACKAGE_TESTS=1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.packaging.cli_flow import demo_policy_roster, pdf_text

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("FIELDAPP_BUILD_CACHE", Path.home() / ".cache" / "fieldapp-build"))
MIRROR = os.environ.get("FIELDAPP_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SUITE = "bookworm"  # the CI machine's own release: the native build needs its glibc
WANTED = os.environ.get("FIELDAPP_SKIP_PACKAGE_TESTS") != "1"

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is Linux's"),
    pytest.mark.skipif(
        not WANTED,
        reason="FIELDAPP_SKIP_PACKAGE_TESTS=1: the .deb build and install (minutes) skipped",
    ),
    pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() != 0, reason="dpkg/chroot: root"),
    pytest.mark.timeout(2400),
]
ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "FIELDAPP_HOME": "/root/fieldapp-home",
}
#: The smoke ledger's user (ledgers are encrypted; the CLI and a scripted start read these).
USER = {"FIELDAPP_USER": "测试员", "FIELDAPP_PASSWORD": "smoke-Test-2026"}


def sh(cmd: Sequence[str | Path], **kw) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
    """Run a command on this machine; fail the test with its output."""
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def ensure_tools() -> None:
    """debootstrap and dpkg-deb (a fresh CI machine may lack debootstrap)."""
    missing = [
        t
        for t in ("debootstrap", "dpkg-deb", "objdump", "chroot", "unshare")
        if not shutil.which(t)
    ]
    if missing:
        sh(["apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-q"], timeout=900)
        sh(
            [
                "apt-get",
                "-o",
                "DPkg::Lock::Timeout=600",
                "install",
                "-y",
                "-q",
                "debootstrap",
                "binutils",
                "dpkg-dev",
            ]
        )


#: Each command inside runs in a mount namespace of its own, with /proc and /dev mounted there
#: only: they go when the command ends, however the test ends. Mounted on this machine instead,
#: a run killed midway (a timeout) left /dev bound inside pytest's temporary folder, and
#: removing that folder later removed the machine's own device files.
INSIDE = 'mount -t proc proc "$0/proc" && mount --bind /dev "$0/dev" && exec chroot "$0" "$@"'


class Debian:
    """A minimal Debian in a folder; each command run inside sees /proc and /dev."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def command(self, cmd: Sequence[str], env: dict[str, str] | None = None) -> list[str]:
        """The command line running `cmd` inside (a clean environment, like a user's session)."""
        pairs = [f"{k}={v}" for k, v in {**ENV, **(env or {})}.items()]
        return [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            INSIDE,
            str(self.path),
            "/usr/bin/env",
            "-i",
            *pairs,
            *cmd,
        ]

    def run(
        self, cmd: Sequence[str], env: dict[str, str] | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """Run a command inside."""
        return subprocess.run(
            self.command(cmd, env), capture_output=True, text=True, timeout=timeout
        )

    def ok(self, cmd: Sequence[str], env: dict[str, str] | None = None) -> str:
        done = self.run(cmd, env)
        assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb built from this checkout (packaging/build.py, as `dev.py package` runs it)."""
    ensure_tools()
    dist = tmp_path_factory.mktemp("dist")
    # Built from a process with the app's own private umask (a command run in-process sets it):
    # the package must still install readable for every user of the machine.
    previous = os.umask(0o077)
    try:
        _build(dist, tmp_path_factory)
    finally:
        os.umask(previous)
    (found,) = dist.glob("fieldapp_*.deb")
    return found


def _build(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    sh(
        [
            sys.executable,
            ROOT / "packaging" / "build.py",
            "--dist",
            dist,
            "--work",
            tmp_path_factory.mktemp("work"),
        ],
        timeout=1800,
    )


@pytest.fixture(scope="module")
def debian(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Debian:
    """A fresh minimal Debian with the .deb installed by apt (pulling its Depends)."""
    base = CACHE / f"{SUITE}-minbase"
    if not (base / "usr/bin/apt-get").exists():
        shutil.rmtree(base, ignore_errors=True)
        sh(["debootstrap", "--variant=minbase", SUITE, base, MIRROR], timeout=1200)
    system = Debian(tmp_path_factory.mktemp("debian") / "root")
    sh(["cp", "-a", base, system.path])
    shutil.copy2(deb, system.path / "tmp" / deb.name)
    system.ok(["apt-get", "update", "-q"])
    system.ok(["apt-get", "install", "-y", "-q", "--no-install-recommends", f"/tmp/{deb.name}"])
    return system


def test_package_contents_and_depends(deb: Path) -> None:
    info = sh(["dpkg-deb", "--info", deb]).stdout
    depends = next(line for line in info.splitlines() if line.strip().startswith("Depends:"))
    for package in (
        "libc6 (>= 2.",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxkbcommon-x11-0",
        "libfontconfig1",
        "libstdc++6",
        "libcups2",
    ):
        assert package in depends, depends
    files = sh(["dpkg-deb", "--contents", deb]).stdout
    for path in (
        "./opt/fieldapp/fieldapp",
        "./usr/bin/fieldapp",
        "./usr/share/applications/fieldapp.desktop",
        "./usr/share/icons/hicolor/256x256/apps/fieldapp.png",
    ):
        assert path in files, path
    # The system's C++ runtime, printing, GL and X libraries are not carried along.
    for lib in ("libstdc++.so", "libcups.so", "libGL.so", "libX11.so", "libfontconfig.so"):
        assert f"/{lib}" not in files, lib
    assert "HanaMinA.ttf" in files and "HanaMinA.LICENSE.txt" in files
    # Every installed file is readable, every folder enterable, by every user (not only root).
    for line in files.splitlines():
        mode = line.split()[0]
        if mode.startswith("l"):
            continue
        assert mode[7] == "r" and (mode[0] != "d" or mode[9] == "x"), line


def test_installed_app_starts_and_prints(debian: Debian) -> None:
    assert debian.ok(["dpkg-query", "-W", "-f=${Status}", "fieldapp"]) == "install ok installed"
    # --version names the build installed (0.2.0+741.g4d5c7dd), as apt and dpkg do.
    label = debian.ok(["dpkg-query", "-W", "-f=${Version}", "fieldapp"])
    assert debian.ok(["fieldapp", "--version"], USER).strip() == f"fieldapp {label}"
    desktop = (debian.path / "usr/share/applications/fieldapp.desktop").read_text("utf-8")
    assert "Exec=/opt/fieldapp/fieldapp" in desktop and "Name=劳动力台账" in desktop

    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return debian.run(["fieldapp", *args], env=USER)

    roster_here = debian.path / "root" / "roster.pdf"
    seen = demo_policy_roster(run, Path("/root/smoke.db"), Path("/root/roster.pdf"), roster_here)
    assert seen["name"] in pdf_text(roster_here)

    # An export this large is written by a child process, which is the packaged executable
    # started again (tabular.writer_process, multiprocessing.freeze_support in __main__).
    big = ["fieldapp", "--db", "/root/big.db"]
    made = json.loads(debian.ok([*big, "demo", "--persons", "5000", "--seed", "2", "--json"], USER))
    done = json.loads(debian.ok([*big, "export", "/root/big.xlsx", "--json"], USER))
    assert done["exported"] == made["persons"] >= 5000
    with zipfile.ZipFile(debian.path / "root" / "big.xlsx") as book:
        assert "xl/worksheets/sheet1.xml" in book.namelist()

    # A county's batch of bundles is decoded by a child process, the packaged executable again
    # (hub.ahead); a child that fails or does not start costs time only, and says so on stderr.
    county = {"FIELDAPP_USER": "县管理员", "FIELDAPP_PASSWORD": "county-Test-2026"}
    debian.ok(["fieldapp", "hub", "init", "--dir", "/root/hub", "--training"], county)
    bundles = []
    for n in range(4):
        village, db = f"520502101{n + 1:03d}", f"/root/village{n}.db"
        enrolment = f"/root/village{n}.enrol"
        said = debian.ok(
            ["fieldapp", "hub", "enroll", "--dir", "/root/hub", "--device", f"村{n}"]
            + ["--area", village, "--out", enrolment],
            county,
        )
        code = re.search(r"登记码：([\d ]{19})", said)
        assert code, said  # the file is sealed with it; the county tells it by phone
        debian.ok(["fieldapp", "--db", db, "demo", "--persons", "60", "--area", village], USER)
        debian.ok(
            ["fieldapp", "--db", db, "enrol", enrolment],
            {**USER, "FIELDAPP_ENROL_CODE": code.group(1)},
        )
        debian.ok(["fieldapp", "--db", db, "sync", "export", "--out", f"{db}.fieldsync"], USER)
        bundles.append(f"{db}.fieldsync")
    merged = debian.run(["fieldapp", "hub", "import", "--dir", "/root/hub", *bundles], county)
    assert merged.returncode == 0, merged.stdout[-3000:] + merged.stderr[-3000:]
    assert merged.stdout.count("已导入") == len(bundles), merged.stdout
    assert "解码数据包的后台进程" not in merged.stderr, merged.stderr[-3000:]

    # The desktop app opens its main window and closes again, offscreen.
    quit_env = {"QT_QPA_PLATFORM": "offscreen", "FIELDAPP_QUIT_AFTER_START": "1"}
    debian.ok(["fieldapp", "--db", "/root/smoke.db"], env={**quit_env, **USER})
    # Without a user, a start-up check stops at once with a sentence instead of waiting.
    alone = debian.run(["fieldapp", "--db", "/root/smoke.db"], env=quit_env, timeout=120)
    assert alone.returncode == 1 and "用户名和口令" in alone.stderr, alone.stderr[-3000:]


def test_installed_app_opens_a_window_on_x_and_names_a_missing_library(debian: Debian) -> None:
    debian.ok(["apt-get", "install", "-y", "-q", "--no-install-recommends", "xvfb", "xauth"])
    server = subprocess.Popen(
        debian.command(["Xvfb", ":77", "-screen", "0", "1366x768x24", "-nolisten", "tcp"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = debian.path / "tmp/.X11-unix/X77"
        deadline = time.monotonic() + 30
        while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert socket.exists(), "Xvfb did not start"
        on_x = {"DISPLAY": ":77", "FIELDAPP_QUIT_AFTER_START": "1", **USER}
        started = debian.run(["fieldapp", "--db", "/root/smoke.db"], env=on_x, timeout=300)
        assert started.returncode == 0, started.stderr[-3000:]

        # Take one X library away: the start stops with the package to install, in Chinese.
        debian.ok(["dpkg", "--remove", "--force-depends", "libxcb-cursor0"])
        stopped = debian.run(["fieldapp", "--db", "/root/smoke.db"], env=on_x, timeout=300)
        assert stopped.returncode == 1, stopped.stderr[-3000:]
        assert "libxcb-cursor0" in stopped.stderr and "无法打开程序窗口" in stopped.stderr
        assert "Could not load the Qt platform plugin" not in stopped.stderr
        # The command line needs no X library.
        assert "补贴" in debian.ok(
            ["fieldapp", "--db", "/root/smoke.db", "policy", "list"], env=USER
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
