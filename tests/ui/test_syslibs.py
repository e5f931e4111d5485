"""A missing X11 library stops the start with a message naming the package to install, in Chinese
then in English."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.ui import app as app_module
from fieldapp.ui import syslibs

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("gcc"), reason="Linux with gcc"
)


def _plugin_needing(tmp_path: Path, soname: str) -> Path:
    """A real shared object whose NEEDED names `soname`, which then does not exist."""
    (tmp_path / "stub.c").write_text("int stub(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int stub(void);\nint plugin(void) { return stub(); }\n")
    stub = tmp_path / soname
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            f"-Wl,-soname,{soname}",
            "-o",
            str(stub),
            str(tmp_path / "stub.c"),
        ],
        check=True,
    )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), str(stub)],
        check=True,
    )
    stub.unlink()
    return plugin


def test_the_loader_error_names_the_missing_library(tmp_path: Path) -> None:
    plugin = _plugin_needing(tmp_path, "libfieldapp-test-missing.so.0")
    assert "libfieldapp-test-missing.so.0" in syslibs.missing_libraries(plugin)


def test_message_names_the_package_in_chinese() -> None:
    text = syslibs.message(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "libxcb-cursor0" in text and "libxcb-icccm4" in text
    assert "请电脑管理员安装" in text and "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "Could not load" not in text


def test_message_is_said_in_english_too() -> None:
    """It is said before Qt (and its translator) is up, so before the language chosen for the
    window is known: an English-window user read only Chinese. Chinese first, then English."""
    text = syslibs.message(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    chinese, english = text.split("\n\n", 1)
    assert "无法打开程序窗口" in chinese and "The program window cannot open" in english
    assert "Ask the computer's administrator to install these packages" in english
    assert "libxcb-cursor.so.0、libxcb-icccm.so.4" in chinese
    assert "(libxcb-cursor.so.0, libxcb-icccm.so.4)" in english
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in english
    assert not any("\u4e00" <= c <= "\u9fff" for c in english)


def test_the_xcb_list_is_what_the_plugin_needs_and_each_has_a_package() -> None:
    plugin = syslibs.xcb_plugin()
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    sonames: set[str] = set()
    for library in (plugin, qpa):
        needed = subprocess.run(
            ["objdump", "-p", str(library)], capture_output=True, text=True, check=True
        ).stdout
        sonames |= {line.split()[1] for line in needed.splitlines() if "NEEDED" in line}
    system = {s for s in sonames if "Qt6" not in s} - syslibs.GLIBC_SONAMES
    system -= {"libstdc++.so.6", "libgcc_s.so.1"}
    assert system == set(syslibs.XCB_PLUGIN_NEEDS)
    assert set(syslibs.XCB_PLUGIN_NEEDS) <= set(syslibs.SYSTEM_PACKAGES)


def test_start_stops_before_qt_with_the_message(tmp_path: Path, monkeypatch, capsys) -> None:
    plugin = _plugin_needing(tmp_path, "libfieldapp-xcb-cursor.so.0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(syslibs, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(
        syslibs, "SYSTEM_PACKAGES", {"libfieldapp-xcb-cursor.so.0": "libxcb-cursor0"}
    )
    monkeypatch.setattr(syslibs, "XCB_PLUGIN_NEEDS", ("libfieldapp-xcb-cursor.so.0",))
    monkeypatch.setattr(app_module, "make_app", lambda: pytest.fail("Qt must not start"))
    assert app_module.run_app(str(tmp_path / "ledger.db")) == 1
    err = capsys.readouterr().err
    assert "libxcb-cursor0" in err and "无法打开程序窗口" in err
    assert "The program window cannot open" in err


def test_offscreen_and_other_platforms_are_left_to_qt() -> None:
    assert not syslibs.wants_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert syslibs.wants_xcb({}) == sys.platform.startswith("linux")
