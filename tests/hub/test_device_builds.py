"""Two builds of one version told apart at the hub.

Devices said the plain `__version__` (0.2.0) in their bundles, so a laptop on the build of 12
commits and one on the build of 15 both read 程序 0.2.0 in `hub devices`: the clerk could not
see which to visit. And the hub read a build label (0.2.0+12.gabc…) as no version at all — the
oldest — so a hub comparing with it listed an up-to-date laptop as too old for a pack. A
packaged device now says its build beside its version (signed, under keys an older hub ignores);
the hub orders builds by their count of commits, a plain version as that version before its
builds. Real packaged layout (PyInstaller's folder with the label packaging writes), real hub
on loopback, the command line and its JSON.
"""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import fieldapp
from fieldapp import paths
from fieldapp.hub.server import ServerThread
from fieldapp.hub.versions import program_key
from fieldapp.policy import packfile
from fieldapp.sync import crypto
from fieldapp.sync.bundle import (
    MAGIC,
    MAX_HEADER,
    About,
    Manifest,
    Party,
    open_bundle,
    read_header,
    seal_bundle,
)
from tests.hub.device_listing import County, line_of
from tests.policy.helpers import COUNTY_PACK

pytestmark = pytest.mark.usefixtures("plain_enrol")

RUNNING = fieldapp.__version__
EARLIER = f"{RUNNING}+12.gabc1234"
LATER = f"{RUNNING}+15.gdef5678"


@contextmanager
def packaged(tmp_path: Path, label: str) -> Iterator[None]:
    """This process as the packaged build `label`: PyInstaller's folder (sys._MEIPASS) with the
    package's resources and the label packaging/build.py writes beside them."""
    real = paths.resources_dir()
    internal = tmp_path / f"build {label}" / "_internal"
    resources = internal / "fieldapp" / "resources"
    if not resources.exists():
        resources.mkdir(parents=True)
        for entry in real.iterdir():
            (resources / entry.name).symlink_to(entry)
        (resources / paths.BUILD_LABEL).write_text(label + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "_MEIPASS", str(internal), raising=False)
        paths.resources_dir.cache_clear()
        try:
            assert paths.build_label() == label
            yield
        finally:
            paths.resources_dir.cache_clear()


def test_builds_are_ordered_by_their_commits_and_a_plain_version_before_them() -> None:
    assert program_key(LATER) > program_key(EARLIER) > program_key(RUNNING)
    assert program_key(f"{RUNNING}+9.g0000000") < program_key(EARLIER)  # 9 < 12, not as text
    assert program_key("0.2") == program_key("0.2.0")
    assert program_key("0.1.5+900.gabcdef0") < program_key("0.2.0")
    assert program_key("0.3.0") > program_key("0.2.0+900.gabcdef0")
    assert program_key("0.2.0+x") == program_key(None) == program_key("坏的") == (-1,)


def test_the_hub_tells_two_builds_of_one_version_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        with packaged(tmp_path, EARLIER):
            county.push("红星村", server.url)
        with packaged(tmp_path, LATER):
            county.push("大坝村", server.url)
    items, text = county.listing()
    # `program` stays the plain version (what scripts and older county desktops read), the
    # build beside it.
    assert (items["红星村"]["program"], items["红星村"]["build"]) == (RUNNING, EARLIER), items
    assert (items["大坝村"]["program"], items["大坝村"]["build"]) == (RUNNING, LATER), items
    assert f"\t程序 {EARLIER}" in line_of(text, "红星村"), text

    # The hub runs the later build: the earlier one is the village to visit.
    with packaged(tmp_path, LATER):
        items, text = county.listing()
        behind, behind_text = county.listing("--behind")
    assert f"\t程序 {EARLIER}（比中心旧）" in line_of(text, "红星村"), text
    assert "比中心" not in line_of(text, "大坝村"), text
    assert (
        f"中心的程序是 {LATER}：1 台设备的程序比中心旧或没有报告版本，要去升级"
        f"（红星村（七星关区梨树镇） {EARLIER}）"
    ) in text, text
    assert set(behind) == {"红星村"}, behind_text


def test_a_plain_report_still_works_and_compares_as_its_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A laptop from a source tree, or a program from before devices said their build, says
    the plain version: kept as it is, before every build of it, equal to it as `requires`."""
    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        county.push("大坝村", server.url)  # plain
        with packaged(tmp_path, EARLIER):
            county.push("红星村", server.url)
    items, _ = county.listing()
    assert (items["大坝村"]["program"], items["大坝村"]["build"]) == (RUNNING, None)
    with packaged(tmp_path, EARLIER):
        _, text = county.listing()
    assert f"\t程序 {RUNNING}（比中心旧）" in line_of(text, "大坝村"), text
    assert "比中心" not in line_of(text, "红星村"), text

    # A pack for this version: neither laptop is too old for it (the build was read as no
    # version at all, older than any, and listed as to visit).
    pack = COUNTY_PACK.replace(
        'version = "2026.1"\n', f'version = "2026.1"\nrequires = "{RUNNING}"\n'
    )
    path = tmp_path / "county.toml"
    path.write_text(pack, encoding="utf-8")
    code, out, err = county.run("hub", "policy", "publish", "--dir", county.hub, path, "--json")
    assert code == 0, err
    said = json.loads(out)
    assert said["requires"] == RUNNING
    assert said["older_program"] == [] and said["unreported_program"] == [], said


def test_a_pack_for_the_next_version_lists_every_build_of_this_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        county.push("大坝村", server.url)
        with packaged(tmp_path, LATER):
            county.push("红星村", server.url)
    monkeypatch.setattr(packfile, "__version__", "0.9.0")
    path = tmp_path / "county.toml"
    path.write_text(
        COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "0.9.0"\n'),
        encoding="utf-8",
    )
    code, out, err = county.run("hub", "policy", "publish", "--dir", county.hub, path, "--json")
    assert code == 0, err
    assert sorted(json.loads(out)["older_program"]) == ["大坝村", "红星村"]


def _sealed(about: About) -> tuple[bytes, crypto.KeyPair, crypto.KeyPair]:
    recipient, device = crypto.KeyPair.generate(), crypto.KeyPair.generate()
    manifest = Manifest(
        format=1, bundle_id="b" * 36, created_at="2026-12-03T10:00:00",
        sender=Party(name="红星村", role="device", key_id="0" * 16),
        recipient=Party(name="中心", role="hub", key_id="1" * 16),
        serial=1, received=0, schema_version=1, vector={}, ranges={}, counts={}, changes=0,
        payload_sha256="0" * 64, payload_bytes=0,
    )  # fmt: skip
    data = seal_bundle(manifest, b"", device.sign_secret, recipient.box_public, about)
    return data, recipient, device


def _with_header(data: bytes, **changes: str) -> bytes:
    end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC) : end]) | changes
    return MAGIC + json.dumps(header, separators=(",", ":")).encode() + data[end:]


def test_the_build_is_signed_and_an_older_hub_reads_the_plain_version() -> None:
    data, recipient, device = _sealed(About(RUNNING, "2026.1", LATER))
    header = read_header(data)
    # What an older hub reads and checks: the plain version under the old signature.
    assert (header["program"], header["pack"], header["build"]) == (RUNNING, "2026.1", LATER)
    opened = open_bundle(data, recipient.box_secret, recipient.box_public)
    assert opened.about(device.sign_public) == About(RUNNING, "2026.1", LATER)

    # Altered on the way: another build, or one without its signature, does not hold.
    for changes in ({"build": EARLIER}, {"build_sig": base64.b64encode(b"x" * 64).decode()}):
        forged = open_bundle(
            _with_header(data, **changes), recipient.box_secret, recipient.box_public
        )
        assert forged.says_about() and forged.about(device.sign_public) is None

    # A label of another version or kind is not said.
    assert not About(RUNNING, "", "0.0.1+3.gdeadbee").valid()
    assert not About(RUNNING, "", f"{RUNNING}+dirty").valid()


def test_the_build_never_pushes_the_header_past_what_every_program_reads() -> None:
    longest = About("999999.999999.999999.999999", "县" * 40)
    build = f"{longest.program}+999999999.g{'f' * 12}"
    data, recipient, device = _sealed(About(longest.program, longest.pack, build))
    assert data.index(b"\n", len(MAGIC)) - len(MAGIC) < MAX_HEADER
    assert "build" not in read_header(data)  # left out: the version and pack still said
    opened = open_bundle(data, recipient.box_secret, recipient.box_public)
    assert opened.about(device.sign_public) == longest
