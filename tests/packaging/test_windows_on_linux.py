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
    assert "VersionInfoVersion={#AppVersion}" in setup
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
