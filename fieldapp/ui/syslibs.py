"""Before Qt opens a window on Linux: name, in Chinese and English, the system package a missing
library is in.

Qt's X11 platform plugin (`libqxcb.so`) links about twenty libraries of the desktop system
(libxcb-cursor0, libxcb-icccm4, libxkbcommon-x11-0 …). A bare Debian, UOS or Kylin install may lack
some; Qt then aborts with an English "Could not load the Qt platform plugin "xcb"" that a county
IT clerk cannot act on. `check_platform()` loads the plugin first, the way Qt would, and turns each
missing library into the package to install.

`SYSTEM_PACKAGES` is also what the Linux packaging build (packaging/build.py) uses to write the
.deb's Depends: every library the frozen folder needs from the system must be listed here, so the
two can't drift apart.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

#: Shared library (soname) → the Debian / UOS / Kylin package that ships it. Alternatives after
#: "|" are the names Debian 13 gave some of them (the 64-bit time_t transition).
SYSTEM_PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0 | libglib2.0-0t64",
    "libgthread-2.0.so.0": "libglib2.0-0 | libglib2.0-0t64",
    "libgobject-2.0.so.0": "libglib2.0-0 | libglib2.0-0t64",
    "libgio-2.0.so.0": "libglib2.0-0 | libglib2.0-0t64",
    "libdbus-1.so.3": "libdbus-1-3",
    "libcups.so.2": "libcups2 | libcups2t64",
    "libz.so.1": "zlib1g",
    "libuuid.so.1": "libuuid1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libzstd.so.1": "libzstd1",
    "libatomic.so.1": "libatomic1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1 | libgcc1",
}

#: The C library itself: always there; the .deb states its minimum version instead.
GLIBC_SONAMES = frozenset(
    {
        "libc.so.6",
        "libm.so.6",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "libutil.so.1",
        "libresolv.so.2",
        "libcrypt.so.1",
        "libnsl.so.1",
        "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1",
    }
)

#: What Qt 6.9's X11 plugin (libqxcb.so and libQt6XcbQpa) needs from the system, besides the C
#: and C++ runtimes (a test holds this to the plugin's real NEEDED lists).
XCB_PLUGIN_NEEDS = (
    "libxcb.so.1",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-util.so.1",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libGL.so.1",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
)

_NOT_FOUND = re.compile(r"([\w.+-]+\.so[\d.]*): cannot open shared object file")


def package_for(soname: str) -> str:
    """The package to install for a missing library (the library's own name if unknown)."""
    return SYSTEM_PACKAGES.get(soname, soname).split(" | ")[0]


def wants_xcb(environ: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """True when Qt is about to use its X11 plugin (Linux, no other platform chosen)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    return chosen == "" or chosen.startswith("xcb")


def xcb_plugin() -> Path:
    """Where Qt's X11 platform plugin is (the wheel's or the frozen folder's)."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path) -> list[str]:
    """The sonames the plugin needs and the system lacks ([] when it loads)."""
    missing: list[str] = []
    # Each one by name first: the loader would stop at the first missing one.
    for soname in XCB_PLUGIN_NEEDS:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        # Anything else the loader could not find (it names only the first one).
        # Other load errors (a broken library, not a missing one) are left for Qt to report.
        found = _NOT_FOUND.search(str(error))
        if found and found.group(1) not in missing:
            missing.append(found.group(1))
    return missing


def message(missing: list[str]) -> str:
    """The message for the person who installs software on this computer: in Chinese, then
    in English. It is said before Qt is up (no translator, no window language chosen yet), so
    a user of the English window reads it too, after a blank line."""
    packages = " ".join(sorted({package_for(s) for s in missing}))
    chinese = (
        f"无法打开程序窗口：这台电脑缺少显示窗口所需的系统组件（{'、'.join(missing)}）。\n"
        f"请电脑管理员安装以下软件包后再打开：\n  {packages}\n"
        f"安装命令：sudo apt install {packages}\n"
        "（命令行功能不受影响。）"
    )
    english = (
        "The program window cannot open: this computer lacks system components needed to "
        f"show windows ({', '.join(missing)}).\n"
        "Ask the computer's administrator to install these packages, then open the program "
        f"again:\n  {packages}\n"
        f"Install command: sudo apt install {packages}\n"
        "(The command-line functions are not affected.)"
    )
    return f"{chinese}\n\n{english}"


#: The desktop dialog's title: the program's name, in both languages.
TITLE = "劳动力台账 Labour ledger"


def _tell_desktop(text: str) -> None:
    """Also show the message as a desktop dialog when started from the menu (no terminal)."""
    import shutil
    import subprocess

    for tool, args in (
        ("zenity", ["--error", f"--title={TITLE}", "--no-wrap", f"--text={text}"]),
        ("kdialog", ["--title", TITLE, "--error", text]),
        ("notify-send", [TITLE, text]),
    ):
        exe = shutil.which(tool)
        if exe:
            try:
                subprocess.run([exe, *args], timeout=600, check=False)
            except (OSError, subprocess.SubprocessError):
                continue
            return


def check_platform() -> bool:
    """Before the QApplication: True when Qt can open windows here, else say what to install."""
    if not wants_xcb():
        return True
    plugin = xcb_plugin()
    if not plugin.exists():
        return True  # not our Qt layout: let Qt speak for itself
    missing = missing_libraries(plugin)
    if not missing:
        return True
    text = message(missing)
    print(text, file=sys.stderr)
    if os.environ.get("DISPLAY") and not sys.stderr.isatty():
        _tell_desktop(text)
    return False
