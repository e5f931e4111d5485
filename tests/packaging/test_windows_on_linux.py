"""What the Windows build relies on, checked where we can run it (Linux).

The Windows installer itself is built and smoke-tested by .github/workflows/windows.yml; here:
the ledger's folder on Windows is outside the install folder (so the uninstaller can't take it),
the installer script says what packaging/README.md promises. Fonts from a Chinese profile path
and printing through the system dialog: tests/ui/test_windows_fonts_printing.py.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import platformdirs.windows

from fieldapp import paths

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "fieldapp.iss"
PROFILE = r"C:\Users\张 三\AppData\Local"


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^\[(\w+)\]\s*$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_windows_data_folder_is_outside_the_install_folder(monkeypatch, tmp_path: Path) -> None:
    folders = {"CSIDL_LOCAL_APPDATA": PROFILE, "CSIDL_APPDATA": PROFILE.replace("Local", "Roaming")}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    # fieldapp.paths.data_dir() as it runs on Windows (platformdirs picks its Windows class there).
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.delenv("FIELDAPP_HOME", raising=False)
    monkeypatch.chdir(tmp_path)  # the "C:\\…" folder data_dir() makes lands here on Linux
    data_dir = PureWindowsPath(str(paths.data_dir()))
    assert data_dir == PureWindowsPath(PROFILE) / "fieldapp"  # local, not roaming
    assert PureWindowsPath(str(paths.default_ledger_path())) == data_dir / "ledger.db"
    # Inno Setup's {autopf} for a per-user install is %LOCALAPPDATA%\\Programs.
    install = PureWindowsPath(PROFILE) / "Programs" / "fieldapp"
    assert not data_dir.is_relative_to(install) and not install.is_relative_to(data_dir)


def test_installer_script_is_per_user_and_keeps_the_ledger() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or ISCC reads the Chinese as ANSI"
    text = raw.decode("utf-8-sig")
    sections = _sections(text)
    setup = sections["Setup"]
    assert re.search(r"^PrivilegesRequired=lowest$", setup, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\fieldapp$", setup, re.M)
    assert "VersionInfoVersion={#AppNumbers}" in setup  # Windows wants a.b.c.d there
    assert '"{autoprograms}\\劳动力台账"; Filename: "{app}\\fieldapp.exe"' in sections["Icons"]
    # Nothing deletes files on uninstall beyond what was installed: no UninstallDelete at all,
    # and the data folder is never named for deletion.
    assert "UninstallDelete" not in sections and "InstallDelete" not in sections
    assert "DelTree" not in text and "DeleteFile" not in text
    assert "{localappdata}\\fieldapp" in sections["Code"]  # only in the goodbye message


def test_spec_builds_a_console_twin_with_a_version_resource() -> None:
    spec = (ROOT / "packaging" / "fieldapp.spec").read_text(encoding="utf-8")
    assert 'name="fieldapp-cli"' in spec and "console=True" in spec
    assert "version=version_file" in spec and '"opengl32sw"' in spec


LABEL = "0.2.0+741.g4d5c7dd"


def test_the_installer_shows_the_build_label_and_keeps_windows_numbers_numeric() -> None:
    """The .deb and `fieldapp --version` said 0.2.0+741.g4d5c7dd, but the Windows installer's
    title, 应用和功能 and setup file's name said plain 0.2.0 for every build, and so did the
    file properties: the county could not tell builds apart. People now read the label; the
    fields Windows requires as a.b.c.d stay numbers (0.2.0.741)."""
    from tests.packaging.build_script import _build_script

    build = _build_script()
    assert build.windows_numbers("0.2.0", LABEL) == (0, 2, 0, 741)
    assert build.windows_numbers("0.2.0", "0.2.0") == (0, 2, 0, 0)  # not a git checkout
    assert build.windows_numbers("0.2.0", "0.2.0+70000.gabcdef0") == (0, 2, 0, 0)  # > 65535

    text = build.windows_version_text("0.2.0", LABEL)
    assert "filevers=(0, 2, 0, 741), prodvers=(0, 2, 0, 741)" in text
    assert "StringStruct('FileVersion', '0.2.0.741')" in text
    assert f"StringStruct('ProductVersion', '{LABEL}')" in text

    defines = dict(
        d[2:].split("=", 1)
        for d in build.iscc_defines(Path("dist/fieldapp"), Path("dist"), "0.2.0", LABEL)
    )
    assert defines["AppLabel"] == LABEL and defines["AppVersion"] == "0.2.0"
    assert (
        re.fullmatch(r"\d+\.\d+\.\d+\.\d+", defines["AppNumbers"])
        and defines["AppNumbers"] == "0.2.0.741"
    )

    setup = _sections(ISS.read_bytes().decode("utf-8-sig"))["Setup"]
    shown = {k: v for k, _, v in (x.partition("=") for x in setup.splitlines()) if v}
    for people_read in ("AppVersion", "AppVerName", "UninstallDisplayName", "OutputBaseFilename"):
        assert "{#AppLabel}" in shown[people_read], (people_read, shown[people_read])
    assert shown["VersionInfoVersion"] == "{#AppNumbers}"
    assert shown["VersionInfoProductTextVersion"] == "{#AppLabel}"
