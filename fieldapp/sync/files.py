"""File handling that survives pulled sticks and full disks: temp-then-rename, local inbox
copies, the quarantine folder with a reason file beside each refused bundle."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.dates import china_time, now_stamp
from fieldapp.domain.progress import SYNC_CANCELLED, CancelCheck, Cancelled
from fieldapp.domain.sentences import said
from fieldapp.saving import is_disk_full, make_folder_for
from fieldapp.store.keyfile import fsync_dir
from fieldapp.sync.errors import (
    A_FOLDER,
    NOT_FOUND,
    NOTHING_IMPORTED_FULL,
    BundleRefused,
)

CHUNK = 1 << 20


@dataclass(frozen=True)
class Folders:
    """Where one ledger keeps bundles: inbox copies, quarantine, imported archive."""

    inbox: Path
    quarantine: Path
    imported: Path

    @classmethod
    def under(cls, base: Path) -> Folders:
        """The three folders under `base`, created when missing."""
        folders = cls(base / "inbox", base / "quarantine", base / "imported")
        for path in (folders.inbox, folders.quarantine, folders.imported):
            path.mkdir(parents=True, exist_ok=True)
        return folders


def ledger_folders(ledger_path: str | Path) -> Folders:
    """A device ledger's folders: `<ledger name>.sync/` beside the ledger file."""
    path = Path(ledger_path)
    return Folders.under(path.with_name(path.stem + ".sync"))


def write_atomic(
    path: Path,
    data: bytes,
    cancel: CancelCheck | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write to `<name>.part`, fsync, then rename: a reader never sees half a file."""
    path = Path(path)
    make_folder_for(path)
    temp = path.with_name(path.name + ".part")
    try:
        with open(temp, "wb") as out:
            for start in range(0, len(data), CHUNK):
                if cancel and cancel():
                    raise Cancelled(SYNC_CANCELLED)
                out.write(data[start : start + CHUNK])
            out.flush()
            os.fsync(out.fileno())
        if before_rename:
            before_rename()
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if is_disk_full(error):
            raise BundleRefused("disk_full", str(path)) from error
        raise


def stamp() -> str:
    """A sortable time prefix for file names, in China time whatever zone this computer keeps."""
    return china_time().strftime("%Y%m%d-%H%M%S-%f")


def copy_to_inbox(source: Path, inbox: Path) -> Path:
    """Copy a bundle (e.g. from a USB stick) into the local inbox, completely or not at all."""
    target = inbox / f"{stamp()}-{Path(source).name}"
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise BundleRefused("missing", said(NOT_FOUND, str(source))) from None
    except IsADirectoryError:
        raise BundleRefused("missing", said(A_FOLDER, str(source))) from None
    except OSError as error:
        raise BundleRefused("truncated", f"无法读取 {source}（{error.strerror}）") from None
    try:
        write_atomic(target, data)
    except BundleRefused as refused:  # the inbox's work file is no name for the clerk
        if refused.code != "disk_full":
            raise
        raise BundleRefused("disk_full", NOTHING_IMPORTED_FULL) from None
    return target


#: What a reason file's name ends with, beside the refused bundle it explains.
REASON_SUFFIX = ".reason.txt"
#: The line of a reason file naming the enrolled device whose bundle it is.
DEVICE_LINE = "设备："


def quarantine(
    local: Path, folder: Path, code: str, reason: str, device: str | None = None
) -> Path:
    """Move a refused bundle into quarantine with `<name>.reason.txt` beside it; `device`:
    the enrolled device it came from, when known (its kept bundles are counted by it)."""
    target = folder / local.name
    note = target.with_name(target.name + REASON_SUFFIX)
    try:  # deleted by hand to empty it (the hub's service runs on): made again
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return local
    # One line each: a reason quoting what a bundle carried cannot add a 设备： line of its own
    # (and so have its bytes counted against another device's share, or none).
    said = " ".join(reason.splitlines())
    # China time, whatever zone the hub's computer keeps (a county server: UTC).
    when = now_stamp()[:19].replace("T", " ")
    text = f"时间：{when}（北京时间）\n原因代码：{code}\n原因：{said}\n"
    if device:
        text += f"{DEVICE_LINE}{device}\n"
    try:
        shutil.move(str(local), target)
        note.write_text(text, encoding="utf-8")
    except OSError:
        # Even with a full disk the bundle must not be lost: it stays where it was.
        return local
    return target


def kept_refused(folder: Path) -> dict[str | None, int]:
    """Bytes of the refused bundles kept in `folder`, by the device each reason file names
    (None: no device known, a file from before devices were named, or one whose signature
    was never verified). Read from the folder itself: a bundle the clerk deleted counts no
    more."""
    kept: dict[str | None, int] = {}
    for note in folder.glob("*" + REASON_SUFFIX):
        try:
            lines = note.read_text(encoding="utf-8").splitlines()
            size = note.with_name(note.name[: -len(REASON_SUFFIX)]).stat().st_size
        except (OSError, UnicodeDecodeError):
            continue  # a reason file without its bundle (deleted by hand) holds no space
        device = next((x[len(DEVICE_LINE) :] for x in lines if x.startswith(DEVICE_LINE)), None)
        kept[device] = kept.get(device, 0) + size
    return kept


def archive(local: Path, folder: Path) -> Path:
    """Move an imported bundle into the imported folder (kept for audit)."""
    target = folder / local.name
    try:
        os.replace(local, target)
    except OSError:
        return local
    return target
