"""Export and import of bundles, the same code on a device and on the hub.

Import: copy to the local inbox, decrypt, check signature, recipient, ranges and payload hash,
validate every change, then apply everything and the bookkeeping in one transaction. Any refusal
leaves the ledger untouched and moves the inbox copy to quarantine with a reason file.
"""

from __future__ import annotations

import errno
import logging
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from fieldapp import __version__, saving
from fieldapp.bulk import paused_gc
from fieldapp.domain import sentences
from fieldapp.domain.controls import CONTROL
from fieldapp.domain.dates import china_minute
from fieldapp.domain.progress import SYNC_CANCELLED, CancelCheck, Cancelled, Progress
from fieldapp.paths import build_label
from fieldapp.saving import (
    cannot_write,
    check_not_ledger,
    is_disk_full,
    ledger_trouble,
    make_folder_for,
    remove_made,
)
from fieldapp.services import clock
from fieldapp.services.changes import NO_CHANGES, ChangeSet, of_log
from fieldapp.services.incarnation import own_origins
from fieldapp.services.policy_admin import adopted_version
from fieldapp.services.trust import Verdict, printable
from fieldapp.services.trust_check import Refusal, rows_ahead, values_ahead
from fieldapp.store import arrivals, forget, replica
from fieldapp.store.authorship import sign_unsent_authors, unsigned_unsent
from fieldapp.store.changelog import Change, encode_ahead
from fieldapp.store.connection import Error as DatabaseFault
from fieldapp.store.connection import IntegrityError, LedgerGone
from fieldapp.store.derived import take_words, words_ahead
from fieldapp.store.held import HeldChanges, RejectedReports
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.ledger_kind import carries_demo, is_training_hub
from fieldapp.store.migrations import latest_version
from fieldapp.store.sync_state import Identity, Peer, SyncState, now_text
from fieldapp.store.users import users as stored_users
from fieldapp.store.withdraw import replace_logged
from fieldapp.sync import crypto, errors, intake
from fieldapp.sync.bundle import (
    CHOOSE_A_BUNDLE,
    NOT_A_BUNDLE_AT_HUB,
    SAID_READ,
    About,
    Manifest,
    OpenedBundle,
    Party,
    Range,
    RefusedBundle,
    UserSaid,
    build_of,
    decode_payload,
    encode_payload,
    open_bundle,
    read_header,
    seal_bundle,
    summarise,
)
from fieldapp.sync.errors import (
    DATABASE_LOST,
    DATABASE_LOST_AT_COMMIT,
    NOTHING_IMPORTED_FULL,
    READ_ONLY_DATABASE,
    READ_ONLY_FILE,
    UNSURE_RECORDED,
    AlreadyImported,
    BundleRefused,
    SyncError,
)
from fieldapp.sync.files import (
    Folders,
    archive,
    copy_to_inbox,
    kept_refused,
    ledger_folders,
    quarantine,
    write_atomic,
)
from fieldapp.sync.rejected import settle_accepted

log = logging.getLogger("fieldapp.sync")

StepHook = Callable[[str], None]

#: Changes applied between two progress reports / cancel checks.
APPLY_CHUNK = 20000


@dataclass
class ExportResult:
    """What an export wrote."""

    path: Path
    recipient: str
    serial: int
    changes: int
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ImportResult:
    """What an import did."""

    path: Path
    sender: str
    serial: int
    changes: int
    new_changes: int
    counts: dict[str, int]
    conflicts: int
    #: The rows the new changes touched, per kind (what the window refreshes).
    received: ChangeSet = NO_CHANGES
    #: Hub: changes of the bundle the trust rules refused, held for the county's review.
    held: int = 0
    #: Device: the hub's own changes, renumbered after the hub was restored from a backup,
    #: that replaced what this ledger held under the same numbers.
    reissued: int = 0
    #: Device: this ledger's own bundles the hub refused, as its answer names them (those
    #: written under its present numbering: one made before a new numbering is past).
    refused: list[RefusedBundle] = field(default_factory=list)
    #: Device: this ledger was copied back from a backup (or another computer) by hand, as
    #: the answer tells: the hub refused a bundle of its numbering for that (`refused`), or
    #: holds more of its numbering than it ever wrote (`_ahead_of_log`). Its numbers of this
    #: numbering were not taken; a new one (`start_new_incarnation`) moves the work since.
    copied_back: bool = False
    #: When the sender wrote the bundle, by its own clock (the manifest's signed `created_at`):
    #: the hub's clock, in its answer (`services.clock`).
    sent_at: str = ""
    #: Device: this ledger's changes the hub's answer says, for the first time, it did not
    #: take in (held for the county's review, or dismissed): the coordinator is told to look.
    newly_held: int = 0
    #: Device: rows it removed from its copy as the hub's answer named them: held only as hung
    #: on a person another village offered to it, the offer since ended (`store.forget`).
    forgotten: int = 0
    #: Hub: the bundle started a new incarnation of a device that had one — its ledger
    #: restored from a backup or copied back, recorded (`intake.note_restore`) and said to
    #: the clerk (`intake.RESTORED_AT_HUB`).
    restored: bool = False


def _noop(*_args: Any) -> None:
    return None


#: A device's work asked of a ledger not enrolled, a hub's of one that is no hub.
NOT_ENROLLED = sentences.template("本台账尚未登记到县级汇总中心，请先用县里发的登记文件登记本机")
NOT_A_HUB = sentences.template("这不是县级汇总中心的台账")
#: An enrolled ledger that holds no hub's key.
NO_HUB_KEY = sentences.template("本台账没有登记中心的公钥，请重新登记")
#: A bundle imported already.
IMPORTED_ALREADY = sentences.template("这个数据包已经导入过，无需重复导入，台账没有改动")


def require_identity(state: SyncState, role: str) -> Identity:
    """This ledger's identity, which must have `role`."""
    identity = state.identity()
    if identity is None or identity.role != role:
        if role == "device":
            raise SyncError(sentences.said(NOT_ENROLLED))
        raise SyncError(sentences.said(NOT_A_HUB))
    return identity


def sign_key_id(identity: Identity) -> str:
    """The key id others know this ledger by."""
    return crypto.key_id(crypto.KeyPair(identity.sign_secret, identity.box_secret).sign_public)


# -- export --------------------------------------------------------------------------------


def write_bundle(
    ledger: Ledger,
    identity: Identity,
    recipient: Peer,
    rows: Sequence[tuple[Any, ...]],
    vector: dict[str, int],
    out: Path,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    after_sealing: Callable[[int], None] | None = None,
    origins: dict[str, str] | None = None,
    rejected: Sequence[dict[str, Any]] = (),
    about: About | None = None,
    refused: Sequence[RefusedBundle] = (),
    written_at: str | None = None,
    users: Sequence[UserSaid] = (),
    forget: Sequence[tuple[str, str]] = (),
) -> ExportResult:
    """Seal `rows` to `recipient` and write `out` (temp name, then rename); `about`: a
    device's program and pack in force, said in the header (`bundle.About`); `refused`: the
    hub's word on the recipient's bundles it refused (`bundle.RefusedBundle`); `rejected`:
    the hub's reports of the recipient's held changes, as `held.held_payload` makes them (their
    sentences read and checked there: not read again, `bundle.SAID_READ`); `users`: a device's
    users disabled there (or enabled again), for the hub (`bundle.UserSaid`); `forget`: rows
    the recipient is to remove from its copy (`store.forget`, `bundle.FORGET_FILE`).

    The bundle is sealed and written outside the write transaction: compressing and
    encrypting a township's or the county office's first answer takes seconds, and every
    other device's import would wait on it. The transaction then only takes the next serial
    for the recipient (and records whatever `after_sealing(serial)` records), unless another
    export took that serial meanwhile: then the bundle is sealed again with the next one. The
    file appears only once that is committed.
    """
    progress = progress or _noop
    state = SyncState(ledger.db)
    total = len(rows)
    progress(0, total)
    payload = encode_payload(rows)
    ranges, counts = summarise(rows)
    if cancel and cancel():
        raise Cancelled(SYNC_CANCELLED)
    out = Path(out)
    check_not_ledger(out)  # `--out ledger.db` must not replace the ledger by the bundle
    if out.is_dir():  # told before a serial is taken for a bundle that could not be kept
        raise SyncError(str(cannot_write(out, IsADirectoryError(errno.EISDIR, out.name))))
    try:  # a stick not plugged in is said by the bundle's name, not by its .part's
        made = make_folder_for(out)
    except OSError as error:  # (a file where its folder should be …)
        raise SyncError(str(cannot_write(out, error))) from None
    try:
        temp = out.with_name(out.name + ".part")
        peer = state.peer(recipient.name) or recipient
        # Validated once (its held reports, its hash of the payload): a serial another export
        # took meanwhile changes only the recipient's counters, copied into it below.
        manifest = Manifest.model_validate(
            {
                "format": 1,
                "bundle_id": str(uuid.uuid4()),
                "created_at": written_at or now_text(),
                "sender": Party(
                    name=identity.name,
                    role=identity.role,
                    key_id=sign_key_id(identity),
                    device_id=ledger.device_id,
                ),
                "recipient": _party(peer),
                "serial": peer.serial_out + 1,
                "received": peer.serial_in,
                "schema_version": latest_version(),
                "vector": vector,
                "ranges": ranges,
                "counts": counts,
                "changes": total,
                "payload_sha256": _sha256(payload),
                "payload_bytes": len(payload),
                "origins": origins or {},
                # Their sentences read once, where `held_payload` made them (`SAID_READ`).
                "rejected": list(rejected),
            },
            context={SAID_READ: True},
        )
        while True:
            peer = state.peer(recipient.name) or recipient
            serial = peer.serial_out + 1
            if (serial, peer.serial_in, _party(peer)) != (
                manifest.serial,
                manifest.received,
                manifest.recipient,
            ):
                update = {"serial": serial, "received": peer.serial_in, "recipient": _party(peer)}
                manifest = manifest.model_copy(update=update)
            data = seal_bundle(
                manifest,
                payload,
                identity.sign_secret,
                peer.box_public,
                about,
                refused,
                users,
                forget,
            )
            progress(total // 2, total)
            try:
                write_atomic(temp, data, cancel)
            except OSError as error:  # not a folder, a read-only stick …: said as a clerk can act
                raise SyncError(str(cannot_write(out, error))) from None
            except BundleRefused as refused:  # a full stick: said with the bundle's own name
                if not isinstance(refused.__cause__, OSError):
                    raise
                raise SyncError(str(cannot_write(out, refused.__cause__))) from None
            if cancel and cancel():
                temp.unlink(missing_ok=True)
                raise Cancelled(SYNC_CANCELLED)
            try:
                with ledger.transaction():
                    if (state.peer(peer.name) or recipient).serial_out != peer.serial_out:
                        continue  # another export took this serial: seal again with the next
                    state.set_counters(peer.name, serial_out=serial)
                    if after_sealing:
                        after_sealing(serial)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
            break
        try:
            temp.replace(out)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise SyncError(str(cannot_write(out, error))) from None
        progress(total, total)
        return ExportResult(out, peer.name, serial, total, counts)

    except BaseException:  # refused (a full stick, cancelled …): no folder left made for it
        remove_made(made)
        raise


def _party(peer: Peer) -> Party:
    """How a bundle's header names its recipient."""
    return Party(name=peer.name, role=peer.role, key_id=peer.key_id)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def export_bundle(
    ledger: Ledger,
    out: Path,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    *,
    full: bool = False,
) -> ExportResult:
    """Device → hub: every change of this device the hub has not acknowledged (all of them
    with `full`, e.g. after the hub was restored from an old backup), under each change-log id
    the device ever wrote under (a restored device's earlier incarnations too)."""
    state = SyncState(ledger.db)
    identity = require_identity(state, "device")
    hubs = state.peers("hub")
    if not hubs:
        raise SyncError(sentences.said(NO_HUB_KEY))
    hub = hubs[0]
    acks = state.acks(hub.name)
    origins = own_origins(ledger)
    sent = {o: acks.get(o, 0) for o in origins}
    # A laptop upgraded from the first wave signed its changes with a plain name; the ones it
    # had not sent yet are signed as this device's before they go (the hub holds a change not
    # signed 姓名@设备名称), the ones the hub holds are left as they are. Only when every bundle
    # sent has reached the hub (none in flight: what is past its acknowledgement is unsent).
    if hub.serial_out == hub.acked_out and unsigned_unsent(ledger.db, sent, identity.name):
        with ledger.transaction():
            sign_unsent_authors(ledger.db, sent, identity.name)
    with paused_gc():
        rows: list[tuple[Any, ...]] = []
        vector: dict[str, int] = {}
        for origin in origins:
            rows.extend(replica.rows_after(ledger.db, origin, 0 if full else acks.get(origin, 0)))
            top = replica.max_seq(ledger.db, origin)
            if top:
                vector[origin] = top
        about = About(__version__, adopted_version(ledger), build_of(__version__, build_label()))
        told = users_said(ledger)
        return write_bundle(
            ledger, identity, hub, rows, vector, out, progress, cancel, about=about, users=told
        )


def users_said(ledger: Ledger) -> list[UserSaid]:
    """This ledger's users ever disabled, as the hub is told of them in every bundle
    (`bundle.UserSaid`): disabled still (when, by whom), or enabled again (when, by whom). The
    hub holds what a user it knows disabled here writes, from any copy of this ledger."""
    told = []
    for user in stored_users(ledger.db):
        if not user.disabled_at:
            continue
        at, by = (
            (user.disabled_at, user.disabled_by)
            if user.disabled
            else (user.enabled_at, user.enabled_by)
        )
        told.append(UserSaid(name=user.name, disabled=user.disabled, at=at, by=by))
    return told


# -- import --------------------------------------------------------------------------------


def import_bundle(
    ledger: Ledger,
    source: Path,
    *,
    folders: Folders | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    step: StepHook | None = None,
    sender: str | None = None,
    ahead: Unsealed | None = None,
    keep_refused: int | None = None,
    vouched: Callable[[Ledger], int | None] | None = None,
) -> ImportResult:
    """Import one bundle into this ledger (device or hub); see the module docstring.

    `sender`: the device an HTTP request was authenticated as; a bundle signed by anyone
    else is refused (a device may not relay another's bundle over its own connection).
    `ahead`: the bundle already opened and decoded by `unseal` (on another thread, while the
    previous bundle was applied); used only when its bytes are the ones imported.
    `keep_refused`: how many bytes of refused bundles quarantine keeps per device (the hub's
    setting); a refusal past it is recorded, its file not kept (`_refuse`).
    `vouched`: (a hub) the time its devices' changes vouch for while it doubts its clock as
    behind (`hub.own_clock.vouched`), read in the import's transaction: stamps are judged
    ahead of the later of it and the hub's clock.
    """
    state = SyncState(ledger.db)
    with own_trouble_refused():  # (a lost connection met here is refused as below)
        identity = state.identity()
    if identity is None:
        raise BundleRefused("not_enrolled", sentences.said(errors.ENROL_FIRST))
    ledger.check_present()  # before its inbox is made again where the stick was
    folders = folders or ledger_folders(ledger.path)
    step = step or _noop
    local = copy_to_inbox(Path(source), folders.inbox)
    step("copied")
    signed: list[tuple[str, Manifest]] = []  # the enrolled sender, once its signature is verified
    try:
        with paused_gc():
            result = _import_local(
                ledger, state, identity, local, progress, cancel, step, sender, ahead, signed,
                vouched,
            )  # fmt: skip
    except (AlreadyImported, Cancelled):
        local.unlink(missing_ok=True)
        raise
    except BundleRefused as refused:
        _signed_by(refused, signed)
        if refused.code in OWN_TROUBLE:
            local.unlink(missing_ok=True)
            raise
        _refuse(
            state, folders, local, refused, source, sender, keep_refused, hub=identity.role == "hub"
        )
        raise
    except LedgerGone:  # not the bundle's doing: nothing of it is kept, it can come again
        with suppress(OSError):
            local.unlink(missing_ok=True)
        raise
    except Exception as error:  # noqa: BLE001 - every failure must end in quarantine
        refusal = _as_refusal(error)
        _signed_by(refusal, signed)
        if refusal.code in OWN_TROUBLE:  # the importer's trouble, not the bundle's: it
            # stays where it came from, not quarantined (a read-only ledger cannot hold it, a
            # full disk has no room for it), and can be taken again
            local.unlink(missing_ok=True)
            raise refusal from None
        _refuse(
            state, folders, local, refusal, source, sender, keep_refused, hub=identity.role == "hub"
        )
        raise refusal from error
    archive(local, folders.imported)
    step("archived")
    return result


#: The refusal of a bundle that met another writer's lock for longer than the store waits.
BUSY = "busy"
#: … that met a ledger that is read-only (its file, its stick's write protection): the
#: device's trouble, not the bundle's.
READ_ONLY = "read_only"
#: … that met the importer's own disk full (or failing).
DISK_FULL = "disk_full"
#: … whose transaction lost its PostgreSQL connection while it was committed
#: (`saving.unsure_commit`): imported or not, nobody knows — said so, never 没有导入. Taken
#: again, it is found imported already (`AlreadyImported`) or goes in: nothing twice.
UNSURE = UNSURE_RECORDED
#: The refusals that are the importing ledger's own trouble, never the bundle's nor its
#: sender's: the bundle is not quarantined nor held against its device, and is taken again.
OWN_TROUBLE = frozenset({BUSY, READ_ONLY, DISK_FULL, UNSURE})


def own_trouble(error: Exception) -> BundleRefused | None:
    """The refusal of an import that met `error` where it is the importing ledger's own
    trouble (`OWN_TROUBLE`: its store busy or its connection lost, read-only, its disk full),
    as `import_bundle` refuses it; None for any other error."""
    if not ledger_trouble(error) and not (isinstance(error, OSError) and is_disk_full(error)):
        return None
    refusal = _as_refusal(error)
    return refusal if refusal.code in OWN_TROUBLE else None


@contextmanager
def own_trouble_refused() -> Iterator[None]:
    """A read of the importing ledger before an import's own handling (its identity, the
    hub's quarantine share): its own trouble met there (`own_trouble`: a PostgreSQL
    connection that ended while the hub waited) raised as the import would refuse it — the
    bundle not quarantined, nothing held against its device — not as the database's bare
    error; any other error as it was."""
    try:
        yield
    except Exception as error:
        refusal = own_trouble(error)
        if refusal is None:
            raise
        raise refusal from error


def _signed_by(refused: BundleRefused, signed: list[tuple[str, Manifest]]) -> None:
    """Name on `refused` the enrolled sender whose signature its bundle carried, and the
    bundle's serial and change-log id, when it got that far."""
    if signed:
        name, manifest = signed[0]
        refused.sender, refused.serial = name, manifest.serial
        refused.origin = manifest.sender.device_id


def _as_refusal(error: Exception) -> BundleRefused:
    """What an import that failed on `error` is refused as: the ledger busy (another program's
    write held past the wait), read-only, or its disk full (or failing), read as the desktop
    and the command line read them (`saving.ledger_trouble`, `saving.is_disk_full`); else
    invalid."""
    text = str(error)
    trouble = ledger_trouble(error)
    if trouble == saving.BUSY:
        return BundleRefused(BUSY)
    if trouble == saving.LOST and saving.unsure_commit(error):  # as it committed the import
        log.info("bundle's commit met the database gone, recorded or not: %s", text)
        return BundleRefused(UNSURE, DATABASE_LOST_AT_COMMIT)
    if trouble == saving.LOST:  # the hub's database restarted or ended its connection
        log.info("bundle met the database gone: %s", text)
        return BundleRefused(BUSY, DATABASE_LOST)
    if trouble == saving.READ_ONLY:
        return BundleRefused(
            READ_ONLY, READ_ONLY_DATABASE if saving.on_database(error) else READ_ONLY_FILE
        )
    if trouble == saving.DISK or (isinstance(error, OSError) and is_disk_full(error)):
        log.info("bundle met a full disk: %s", text)
        return BundleRefused(DISK_FULL, NOTHING_IMPORTED_FULL)
    # The exception's name and text (a Python key, a SQL constraint, a row's values) are for
    # whoever keeps this program running: the log has them; the refusal, which reaches the
    # village's coordinator (the hub's answer, the quarantine's reason file), says in words
    # what kind of thing was wrong with the bundle.
    log.warning("数据包导入时出错，按内容不合格拒收：%s: %s", type(error).__name__, text,
                exc_info=error)  # fmt: skip
    return BundleRefused("invalid", what_was_wrong(error))


#: A database's error of no other kind: SQLite's `DatabaseFault`, PostgreSQL's by its code.
NOT_WRITTEN = "数据包里的修改无法写入台账"
#: The kinds of thing wrong with a bundle an unforeseen error says, each said once for both
#: databases (`WRONG_BY_KIND`, `WRONG_BY_SQLSTATE`).
CLASHES = "数据包里的修改与台账中已有的记录相冲突"
BAD_ENCODING = "数据包里有文字的编码不对"
BAD_FORMAT = "数据包里有内容的格式不对"
BAD_TYPE = "数据包里有内容的类型不对（例如该写数字的地方写了别的）"
#: What an import that failed on an unforeseen error says was wrong with the bundle, by the
#: kind of error (the first that `error` is an instance of); the error itself goes to the log.
WRONG_BY_KIND: tuple[tuple[type[BaseException], str], ...] = (
    (IntegrityError, CLASHES),
    (DatabaseFault, NOT_WRITTEN),
    (LookupError, "数据包里缺少必需的内容"),
    (UnicodeError, BAD_ENCODING),
    (ValueError, BAD_FORMAT),
    (TypeError, BAD_TYPE),
    (AttributeError, BAD_TYPE),
    (OSError, "读写数据包文件时出错"),
)


#: The same kinds as a county hub's PostgreSQL says them (psycopg's errors are none of the
#: SQLite kinds above), by their SQLSTATE (`saving.sqlstate`): the whole code first, then its
#: class — 23 a constraint (psycopg's IntegrityError), 22 a value it cannot keep (DataError;
#: a character its encoding has not, as UnicodeError). Any other of its errors could not be
#: written, as SQLite's `DatabaseFault`.
WRONG_BY_SQLSTATE: dict[str, str] = {
    "23": CLASHES,
    "22021": BAD_ENCODING,
    "22P05": BAD_ENCODING,
    "22": BAD_FORMAT,
}


def what_was_wrong(error: BaseException) -> str:
    """The Chinese detail of a bundle refused as invalid for `error` (`WRONG_BY_KIND`, a
    PostgreSQL's by `WRONG_BY_SQLSTATE`): what kind of thing was wrong, that nothing was
    imported, and that the details are in the log — never the exception's name or text."""
    if saving.on_database(error):
        code = saving.sqlstate(error)
        said = WRONG_BY_SQLSTATE.get(code) or WRONG_BY_SQLSTATE.get(code[:2], NOT_WRITTEN)
    else:
        said = next(
            (words for kind, words in WRONG_BY_KIND if isinstance(error, kind)),
            "导入时遇到了意外的问题",
        )
    return f"{said}，没有导入任何修改（详细情况已记在运行日志里）"


def _refuse(
    state: SyncState,
    folders: Folders,
    local: Path,
    refused: BundleRefused,
    source: Path,
    sender: str | None = None,
    keep: int | None = None,
    *,
    hub: bool = False,
) -> None:
    """Quarantine the refused file with its reason, and log the refusal; past `keep` bytes
    of its device's refused bundles the refusal is logged (with why) but the file is not kept:
    what is already kept stays, nothing is rotated out. `hub`: refused at the hub, whose
    clerk reads the reason file (a file that is no bundle is said in the clerk's words)."""
    device = sender or refused.sender
    reason = str(refused)
    if hub and refused.code == "not_bundle" and CHOOSE_A_BUNDLE in reason:
        reason = NOT_A_BUNDLE_AT_HUB  # 请选择… is said to whoever chose it; at the hub nobody did
    if keep is not None:
        held = kept_refused(folders.quarantine).get(device, 0)
        size = local.stat().st_size if local.exists() else 0
        if held + size > keep:
            whose = f"设备「{device}」" if device else "未能确认来源的数据包"
            refused.not_kept = (
                f"{whose}在隔离区已保留 {_mb(held)} MB 被拒收的数据包，"
                f"再存这个（{_mb(size)} MB）就超过每台设备 {_mb(keep)} MB 的上限，"
                "这个文件未保留，拒收原因照常记录"
            )
            log.warning("拒收 %s（%s）：%s；%s", source, refused.code, reason, refused.not_kept)
            local.unlink(missing_ok=True)
            reason = f"{reason}（{refused.not_kept}）"
    if refused.not_kept is None:
        refused.quarantined = str(
            quarantine(local, folders.quarantine, refused.code, reason, device)
        )
    try:
        state.record_quarantine(str(source), refused.code, reason)
    except DatabaseFault:
        pass  # a full disk may refuse even this; the reason file beside the bundle remains


def _mb(size: int) -> str:
    """Bytes as megabytes for a clerk: one decimal, at least 0.1 for anything at all."""
    return f"{max(size / 1048576, 0.1 if size else 0):.1f}"


def _import_local(
    ledger: Ledger,
    state: SyncState,
    identity: Identity,
    local: Path,
    progress: Progress | None,
    cancel: CancelCheck | None,
    step: StepHook,
    sender: str | None = None,
    ahead: Unsealed | None = None,
    signed: list[tuple[str, Manifest]] | None = None,
    vouched: Callable[[Ledger], int | None] | None = None,
) -> ImportResult:
    progress = progress or _noop
    keys = crypto.KeyPair(identity.sign_secret, identity.box_secret)
    data = local.read_bytes()
    ready = ahead if ahead is not None and ahead.data == data else None
    try:
        opened = ready.opened if ready else open_bundle(data, keys.box_secret, keys.box_public)
    except BundleRefused as refused:
        if refused.code != "wrong_recipient":
            raise
        raise _wrong_recipient(state, identity, data) from None
    step("decrypted")
    manifest = opened.manifest
    peer = _check_sender(state, identity, opened)
    if signed is not None:
        signed.append((peer.name, manifest))
    if peer.revoked_at:
        raise BundleRefused("revoked", f"{peer.name} 于 {china_minute(peer.revoked_at)} 注销")
    about = opened.about(peer.sign_public)
    if about is None and opened.says_about():  # the clear header was altered on the way
        raise BundleRefused("tampered", "文件头被改动（程序版本与签名不符）")
    # The hub's word on this device's refused bundles (a device's bundle says none to a hub).
    bundles_refused = opened.refused(peer.sign_public) if identity.role == "device" else []
    if bundles_refused is None:
        raise BundleRefused("tampered", "中心说明本机被拒收的数据包的部分与签名不符")
    refused_here = [r for r in bundles_refused if r.origin in (None, ledger.device_id)]
    # A device's word on its users disabled there (`UserSaid`; a hub's answer says none).
    users_told = opened.users(peer.sign_public) if identity.role == "hub" else []
    if users_told is None:
        raise BundleRefused("tampered", "设备说明停用用户的部分与签名不符")
    # The rows the hub names for it to remove (a device's bundle names none to a hub).
    to_forget = opened.forget(peer.sign_public) if identity.role == "device" else []
    if to_forget is None:
        raise BundleRefused("tampered", "中心要本机删去的记录清单与签名不符")
    if sender is not None and peer.name != sender:
        raise BundleRefused("foreign_change", f"{sender} 上传了 {peer.name} 的数据包")
    if manifest.recipient.key_id != crypto.key_id(keys.sign_public) or (
        manifest.recipient.name != identity.name
    ):
        raise BundleRefused("wrong_recipient", f"收件人为 {printable(manifest.recipient.name)}")
    if opened.too_large:  # signed, but more than a bundle may carry: not inflated
        raise BundleRefused("invalid", opened.too_large_said())
    if not (ready.matches if ready else opened.payload_matches()):
        raise BundleRefused("tampered", "内容与签名清单不符（修改被增删或替换）")
    if manifest.schema_version > latest_version():
        raise BundleRefused(
            "newer_format", f"对方台账结构版本 {manifest.schema_version}，本机 {latest_version()}"
        )
    step("verified")
    if ready is None or not ready.matches:
        ready = _decode(data, opened, replica.data_columns(ledger.db))
    changes, by_id = ready.result()
    # A real hub never takes demo data, whatever the device's own check said.
    if identity.role == "hub" and not is_training_hub(ledger) and carries_demo(manifest.ranges):
        raise BundleRefused("demo", f"来自 {peer.name}")
    if identity.role == "hub":
        _no_control_in_names(changes)
    step("validated")
    total = len(changes)
    with ledger.transaction():
        step("begun")
        if identity.role == "hub":
            # The sender again, as the hub's ledger says now that this import holds the write:
            # one revoked (a laptop reported stolen) or enrolled anew since its bundle was
            # opened and decoded — seconds for a large one — has nothing taken in.
            _sender_still(state, peer, manifest)
        if state.was_imported(manifest.bundle_id):
            raise AlreadyImported(sentences.said(IMPORTED_ALREADY))
        held: list[Refusal] = []
        reissued = 0
        restored = False  # a hub: this bundle's device restored from a backup, told
        # The time a hub's devices vouch for (its clock doubted as behind): it judged their
        # stamps by it, and its own clock follows those it takes (`HybridClock.observe`).
        vouched_ms: int | None = None
        if identity.role == "hub":
            # The order the hub takes changes in (`store.arrivals`): its own since the last
            # import before this one's.
            noted = [arrivals.note(ledger.db)]
            before = peer
            fresh = intake.claim_origin(ledger, state, peer, manifest, changes)
            restored = intake.note_restore(ledger, state, before, manifest, changes)
            peer = state.peer(peer.name) or peer
            new = intake.new_changes(ledger, state, peer, changes)
            _check_serial(
                peer,
                manifest,
                hint=not fresh,
                covered=not new,
                received=_received(ledger, manifest) if sender is not None else None,
            )
            vouched_ms = vouched(ledger) if vouched is not None else None
            new, held = intake.admit(
                ledger, state, peer, manifest, new, ready.values, ready.columns, ready.asked,
                vouched_ms,
            )  # fmt: skip
            # What each device's changes vouch for of the time, never lowered (`own_clock`).
            HubLog(ledger.db).raise_stamps(new)
        else:
            new, reissued = _new_from_hub(ledger, state, peer, manifest, changes, by_id)
            peer = state.peer(peer.name) or peer
        applied = 0
        progress(0, total)
        for start in range(0, len(new), APPLY_CHUNK):
            if cancel and cancel():
                raise Cancelled(SYNC_CANCELLED)
            applied += ledger.apply_changes(new[start : start + APPLY_CHUNK], vouched_ms or 0)
            progress(min(total, start + APPLY_CHUNK), total)
            step("applied")
        if cancel and cancel():
            raise Cancelled(SYNC_CANCELLED)
        if held:
            intake.hold(ledger, peer, manifest, held)
        if identity.role == "hub":
            noted.append(arrivals.note(ledger.db))  # what this import took
            if any(n is not None and n % arrivals.PRUNE_EVERY == 0 for n in noted):
                floor = state.answered_floor()  # the notes no cut needs any more
                if floor:
                    for gone in state.passed_over(floor):  # revoked: complete if it returns
                        state.forget_sent(gone)
                    arrivals.prune(ledger.db, floor)
        copied = identity.role == "device" and (
            _reused(ledger, refused_here) or _ahead_of_log(ledger, manifest)
        )
        newly_held = _bookkeeping(ledger, state, identity, peer, manifest, copied)
        forgotten: list[tuple[str, str]] = []
        if to_forget and not copied:
            forgotten = _forget(ledger, identity, manifest, to_forget)
        if identity.role == "device":
            # The hub's clock, at least (a stick may have carried the answer for days).
            clock.note(ledger, manifest.created_at, fresh=False)
        if identity.role == "hub":
            hub_log = HubLog(ledger.db)
            hub_log.forget_refusals(peer.name)  # its bundle got through: those are past
            if about is not None:  # what it runs, for the clerk
                hub_log.set_reported(
                    peer.name, about.program, about.pack, manifest.schema_version, about.build
                )
            # Its users disabled there, learnt once this bundle's changes are judged: what a
            # user wrote before being disabled, sent with the word of it, lands; whatever
            # any copy of the ledger sends as them from now on is held (`check_author`).
            hub_log.learn_device_users(
                peer.name,
                [(u.name, u.disabled, u.at, u.by) for u in users_told],
                manifest.sender.device_id or "",
            )
        state.record_import(
            manifest.bundle_id, peer.name, manifest.serial, total, applied, _sha256(data)
        )
        step("bookkept")
    step("committed")
    progress(total, total)
    return ImportResult(
        local,
        peer.name,
        manifest.serial,
        total,
        applied,
        dict(manifest.counts),
        replica.conflict_count(ledger.db),
        of_log([*((c.tbl, c.row_id) for c in new), *forgotten]),
        len(held),
        reissued,
        refused_here,
        copied,
        manifest.created_at,
        newly_held,
        len(forgotten),
        restored,
    )


def _forget(
    ledger: Ledger, identity: Identity, manifest: Manifest, named: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Device side, after the answer's changes are in: remove from its copy the rows the hub
    names (`bundle.FORGET_FILE`) that it holds only as hung on a person offered to it, the
    offer ended — as it judges them itself, never on the answer's word alone: a row ever in
    its area, of a person offered to it now, that it made or edited, or whose turn-down by it
    the hub has not acknowledged yet (`manifest.vector`), stays (`forget.offered_only`)."""
    own = own_origins(ledger)
    rows = forget.offered_only(
        ledger.db, identity.area_code or "", named, own, dict(manifest.vector)
    )
    forget.evict(ledger.db, rows, own, f"{manifest.sender.name}:{manifest.serial}")
    return rows


def _reused(ledger: Ledger, refused: list[RefusedBundle]) -> bool:
    """True when the hub refused a bundle of this ledger's present numbering for numbers it
    holds with other content (a ledger copied back by hand): what the hub says it holds of
    this numbering is another timeline's, not this ledger's (`_bookkeeping`)."""
    return any(r.code == "reused_seq" and r.origin == ledger.device_id for r in refused)


def _ahead_of_log(ledger: Ledger, manifest: Manifest) -> bool:
    """True when the hub's answer acknowledges more changes of this ledger's present numbering
    than its log holds: only another copy of this ledger writes under it, so this one was
    copied back from a backup (or another computer) by hand, and the hub holds the lost
    timeline's work under numbers this one has used again, or will (an answer made before the
    hub refused its bundle, or an older hub's, which names no refusal). A copy that has since
    written as many changes is told by the hub's refusal of its next bundle (`_reused`)."""
    return ahead_of_log(ledger, manifest.vector.get(ledger.device_id, 0))


@dataclass
class Unsealed:
    """The part of an import that needs no ledger: a bundle's bytes decrypted and, when its
    payload is the one its manifest names, every change validated and counted against it.

    `unseal` makes one on any thread; `import_bundle(ahead=…)` then runs its checks in their
    usual order and raises a decoding failure (`refused`) only where it would have met it.
    """

    data: bytes
    opened: OpenedBundle
    #: The payload is the one the manifest names (else nothing was decoded).
    matches: bool = False
    #: The changes in payload order and by id, or the refusal decoding them met.
    decoded: tuple[list[Change], dict[str, Change]] | None = None
    refused: BundleRefused | None = None
    #: A hub's: the trust rules' value checks of the changes, were their rows new
    #: (`trust_check.values_ahead`), by change id.
    values: dict[str, Verdict] | None = None
    #: The fields a change may set, per synced table, the changes were decoded against (the
    #: ledger's `replica.data_columns`; the import's trust screen reads them too).
    columns: dict[str, set[str]] | None = None
    #: A hub's: the rows the trust screen reads first (`trust_check.rows_ahead`).
    asked: set[tuple[str, str]] | None = None

    def result(self) -> tuple[list[Change], dict[str, Change]]:
        """The decoded changes, or the refusal decoding met."""
        if self.refused is not None:
            raise self.refused
        assert self.decoded is not None
        return self.decoded


@dataclass
class Decoded:
    """A payload's changes decoded and counted against its manifest (`decode_ahead`), with a
    hub's work that depends on the changes alone; or the refusal decoding met.

    It holds plain data only, so a child process can make it (`fieldapp.hub.ahead`).
    """

    changes: list[Change] | None = None
    #: `BundleRefused`'s code and detail (an exception's own pickling would lose the code).
    refused: tuple[str, str] | None = None
    #: A hub's `trust_check.values_ahead` of the changes, by change id.
    values: dict[str, Verdict] | None = None
    #: A hub's `trust_check.rows_ahead` of the changes.
    asked: set[tuple[str, str]] | None = None
    #: A hub's `derived.words_ahead` of the changes.
    words: dict[str, str] | None = None


#: What decodes an opened payload for `unseal`: `decode_ahead` itself, or a stand-in that has
#: it run elsewhere (another process) with the same arguments.
Decoder = Callable[[bytes, Manifest, dict[str, set[str]], bool], Decoded]


def decode_ahead(
    payload: bytes, manifest: Manifest, columns: dict[str, set[str]], hub: bool
) -> Decoded:
    """Decode `payload` (which matched `manifest`'s hash) against the ledger's `columns`; for
    a hub (`hub`) also the work that depends on the changes alone: the value checks of new
    rows, the rows the trust screen reads first, the log's canonical JSON of each change, the
    search words of the names they set.

    Reads no ledger and no key: it runs on any thread, or in a child process.
    """
    with paused_gc():
        try:
            changes = decode_payload(payload, columns)
            _check_summary(manifest, changes)
        except BundleRefused as refused:
            return Decoded(refused=(refused.code, refused.detail))
        if not hub:
            return Decoded(changes)
        encode_ahead(changes)
        return Decoded(
            changes,
            values=values_ahead(changes),
            asked=rows_ahead(changes),
            words=words_ahead(changes),
        )


def unseal(
    data: bytes,
    identity: Identity,
    columns: dict[str, set[str]],
    decoder: Decoder = decode_ahead,
) -> Unsealed | None:
    """Open and decode a bundle addressed to `identity` ahead of its import (see `Unsealed`);
    None when it does not open (its import will say why, in order).

    `decoder` does the decoding (`decode_ahead`, here or in another process); a hub keeps the
    search words it worked out for the projection (`derived.take_words`).
    """
    keys = crypto.KeyPair(identity.sign_secret, identity.box_secret)
    try:
        opened = open_bundle(data, keys.box_secret, keys.box_public)
    except BundleRefused:
        return None
    if not opened.payload_matches():
        return Unsealed(data, opened)
    decoded = decoder(opened.payload, opened.manifest, columns, identity.role == "hub")
    if decoded.words:
        take_words(decoded.words)
    return _unsealed(data, opened, columns, decoded)


def _decode(data: bytes, opened: OpenedBundle, columns: dict[str, set[str]]) -> Unsealed:
    """An import's own decoding, when nothing was read ahead (no hub work made ahead)."""
    decoded = decode_ahead(opened.payload, opened.manifest, columns, hub=False)
    return _unsealed(data, opened, columns, decoded)


def _unsealed(
    data: bytes, opened: OpenedBundle, columns: dict[str, set[str]], decoded: Decoded
) -> Unsealed:
    """`decoded`, wherever it was made, as the `Unsealed` the import takes."""
    if decoded.changes is None:
        assert decoded.refused is not None
        refused = BundleRefused(*decoded.refused)
        return Unsealed(data, opened, True, refused=refused, columns=columns)
    changes = decoded.changes
    by_id = {change.id: change for change in changes}
    return Unsealed(
        data,
        opened,
        True,
        (changes, by_id),
        values=decoded.values,
        columns=columns,
        asked=decoded.asked,
    )


def _sender_still(state: SyncState, peer: Peer, manifest: Manifest) -> None:
    """Refuse a bundle whose sender `peer` (checked when it was opened, `_check_sender`) has
    since been revoked, or enrolled again with other keys: inside the import's transaction."""
    now = state.peer_by_key(manifest.sender.key_id)
    if now is None or now.name != peer.name or now.role != peer.role:
        raise BundleRefused("unknown_key", _unknown_sender(state, manifest, peer.role))
    if now.revoked_at:
        raise BundleRefused("revoked", f"{now.name} 于 {china_minute(now.revoked_at)} 注销")


def _check_sender(state: SyncState, identity: Identity, opened: Any) -> Peer:
    manifest = opened.manifest
    peer = state.peer_by_key(manifest.sender.key_id)
    expected = "hub" if identity.role == "device" else "device"
    if peer is None or peer.role != expected or manifest.sender.role != expected:
        raise BundleRefused("unknown_key", _unknown_sender(state, manifest, expected))
    if not opened.signed_by(peer.sign_public):
        raise BundleRefused("tampered", sentences.said(errors.BAD_SIGNATURE))
    if manifest.sender.name != peer.name:
        raise BundleRefused("tampered", "发送方名称与密钥不符")
    return peer


#: A device's refusal of a bundle sealed to its hub: not necessarily one it wrote (a village's
#: stick brought to the township's computer is sealed to the same hub), said without commands.
FOR_THE_HUB = sentences.template(
    "数据包不是发给本机的：这是交给「%1」的数据包（本机或别的设备导出的），本机不能导入，"
    "要交给县里导入"
)


def _wrong_recipient(state: SyncState, identity: Identity, data: bytes) -> BundleRefused:
    """The refusal of a bundle not sealed to this ledger, saying whom it is for."""
    if identity.role != "hub":
        to = str(read_header(data)["to"])
        hub = next((p for p in state.peers() if crypto.key_id(p.box_public) == to), None)
        if hub is not None:
            return BundleRefused("wrong_recipient", said=sentences.said(FOR_THE_HUB, hub.name))
    return BundleRefused("wrong_recipient", _addressee(state, identity, data))


def _addressee(state: SyncState, identity: Identity, data: bytes) -> str:
    """Whom a bundle not sealed to this ledger is for, as the hub's clerk can act on it: most
    often a file the hub wrote for a device (its outbox next to its inbox). A device says
    `FOR_THE_HUB` of a bundle sealed to its hub (`_wrong_recipient`)."""
    to = str(read_header(data)["to"])
    for peer in state.peers():
        if crypto.key_id(peer.box_public) != to:
            continue
        if identity.role == "hub":
            return (
                f"这是中心发给设备「{peer.name}」的数据包（hub export 导出的），"
                "要在那台设备上用 fieldapp sync import 导入"
            )
    return "它是发给别的汇总中心或设备的"


def _unknown_sender(state: SyncState, manifest: Manifest, expected: str) -> str:
    """Why a sender is not known here, in words: a device enrolled again since (its old key's
    bundles, e.g. left on a stick from a lost laptop), or a name never enrolled here."""
    known = state.peer(manifest.sender.name)
    name = printable(manifest.sender.name)  # not signed yet: anyone may have written it
    if known is not None and known.role == expected == "device":
        return (
            f"设备「{name}」已于 {china_minute(known.enrolled_at)} 重新登记（换了新密钥），这个数据包是用旧密钥"
            "签名的（重新登记之前导出的，或来自丢失的电脑）：请在设备上导入新的登记文件后重新导出"
        )
    if expected == "device":
        return f"发送方「{name}」没有在本中心登记（是不是登记到了别的汇总中心？）"
    return f"发送方「{name}」不是本机登记的汇总中心（是不是发给别的设备的？）"


def _check_summary(manifest: Manifest, changes: list[Change]) -> dict[str, Change]:
    """Check the changes against the signed manifest; returns them by id."""
    by_id = {c.id: c for c in changes}
    if len(by_id) != len(changes):
        raise BundleRefused("tampered", "同一修改出现两次")
    devices, seqs, tables = map(_DEVICE_ID, changes), map(_SEQ, changes), map(_TBL, changes)
    rows = list(zip(devices, seqs, repeat(None), repeat(None), tables, strict=False))
    ranges, counts = summarise(rows)
    if len(changes) != manifest.changes or counts != manifest.counts:
        raise BundleRefused("tampered", "修改条数与清单不符")
    expected = {d: Range.model_validate(r) for d, r in manifest.ranges.items()}
    if ranges != expected:
        raise BundleRefused("tampered", "修改序号范围与清单不符")
    return by_id


_DEVICE_ID, _SEQ, _TBL = attrgetter("device_id"), attrgetter("seq"), attrgetter("tbl")


def record_reports(ledger: Ledger, manifest: Manifest) -> int:
    """Device: keep what the hub says about this device's own changes it refused; how many
    it says for the first time and did not take in (`RejectedReports.record`)."""
    own = set(own_origins(ledger))
    mine = [r.model_dump() for r in manifest.rejected if r.change_id.rsplit(":", 1)[0] in own]
    if not mine:
        return 0
    news = RejectedReports(ledger.db).record(mine)
    settle_accepted(ledger)
    return news


def _check_serial(
    peer: Peer,
    manifest: Manifest,
    *,
    hint: bool = False,
    covered: bool = False,
    received: int | None = None,
) -> None:
    """A bundle's serial must be past the last one imported from its sender (no replays).

    `hint`: say what a restored device does; `covered`: the hub holds every change of the
    bundle already (an older stick's bundle after a newer one: nothing is lost, nothing to do).
    `received`: an upload over HTTP, exported just now: how many changes of its numbering the
    hub holds. More than the bundle says its ledger holds, and the ledger was copied back from
    a backup by hand (only another copy of it wrote them): the device is told so, and given the
    number (`BundleRefused.received`) to tell it by itself (`ahead_of_log`), as an answer's
    numbers tell it.
    """
    if manifest.serial <= peer.serial_in:
        if received is not None and received > manifest.vector.get(_origin(manifest), 0):
            extra = f"。{COPIED_BACK_WORDS}。{intake.RESTORED_HINT}"
        elif covered:
            extra = "。其中的修改都已随后来的数据包导入，不必再导入，也不必在设备上做什么"
        else:
            extra = "。" + intake.RESTORED_HINT if hint else ""
        refused = BundleRefused(
            "replay",
            f"{peer.name} 的第 {manifest.serial} 号包，已导入到第 {peer.serial_in} 号{extra}",
        )
        refused.received = received
        raise refused


#: A device's ledger holds fewer of its own changes than the hub received of them.
COPIED_BACK_WORDS = (
    "中心收到过的这台设备的修改，比它的台账里现有的还多：多半是这台电脑的台账从备份"
    "（或另一台电脑）拷回来过"
)


def _origin(manifest: Manifest) -> str:
    return manifest.sender.device_id or ""


def _received(ledger: Ledger, manifest: Manifest) -> int:
    """Hub: the highest change number of the bundle's numbering it holds, logged or held."""
    origin = _origin(manifest)
    return max(replica.max_seq(ledger.db, origin), HeldChanges(ledger.db).max_seq(origin))


def ahead_of_log(ledger: Ledger, received: int) -> bool:
    """Device: the hub holds more changes of this ledger's present numbering (`received`)
    than its log does: only another copy of this ledger writes under it, so this one was
    copied back from a backup (or another computer) by hand."""
    return received > replica.max_seq(ledger.db, ledger.device_id)


def _new_from_hub(
    ledger: Ledger,
    state: SyncState,
    peer: Peer,
    manifest: Manifest,
    changes: list[Change],
    by_id: dict[str, Change],
) -> tuple[list[Change], int]:
    """Device side: the hub's changes this ledger does not hold yet, and how many of them
    replace what it held under their numbers (the hub's own, after a restore: see below)."""
    # Same id, other content first: a copied ledger, told apart from a mere replay.
    stored = replica.stored_rows(ledger.db, changes)
    reissued: list[Change] = []
    for change_id, change in by_id.items() if stored else ():
        row = stored.get(change_id)
        if row is not None and row != change.as_row():
            if not _hubs_own(state, peer, manifest, change.device_id):
                raise BundleRefused(
                    "reused_seq", _reused_words(ledger, state, change), cli_hint=f"修改 {change_id}"
                )
            reissued.append(Change.from_row(row))
    _check_serial(state.peer(peer.name) or peer, manifest)
    if reissued:
        # The hub was restored from a backup (docs/hub.md) and has numbered its own new
        # changes (a pack it published, a change the county accepted) with numbers its lost
        # changes had carried here. The hub is the one authority on its own changes: its
        # content replaces what this ledger held under those numbers, the rows they touched
        # worked out again — else every answer of the hub would be refused from now on.
        replace_logged(ledger, reissued)
        replaced = {c.id for c in reissued}
        stored = {i: row for i, row in stored.items() if i not in replaced}
    new = [c for i, c in by_id.items() if i not in stored] if stored else changes
    if any(c.device_id == ledger.device_id for c in new):
        raise BundleRefused(
            "reused_seq",
            "中心发来本机名下、本机却没有的修改：这台电脑的台账多半是从备份（或另一台电脑）"
            "拷回来的。台账没有改动",
            cli_hint="如果这台电脑的台账是从备份恢复的，请执行 fieldapp sync restored，然后重新导出",
        )
    return new, len(reissued)


#: A control character in a row id (`domain.controls.CONTROL`, and a line break or tab, which
#: free text may hold but an id never does): no program writes one.
_CONTROL = re.compile(rf"{CONTROL.pattern}|[\t\n\r]")


def _no_control_in_names(changes: Sequence[Change]) -> None:
    """Refuse (the hub, a device's bundle) a change whose row id holds a control character
    or whose author holds a NUL: no program writes one, a held change keeps both as they are,
    and PostgreSQL keeps no NUL — a forged one stopped the hub on the whole bundle as a fault
    (DataError, UntranslatableCharacter) where a SQLite hub took a visit whose id held a NUL.
    An author's other characters are the author rule's (held, said escaped). Checked by the
    hub only: a device must still read a hub's answer holding a row some earlier hub took."""
    ids, authors = "".join(c.row_id for c in changes), "".join(c.author for c in changes)
    if not _CONTROL.search(ids) and "\x00" not in authors:
        return  # every bundle a program writes: two passes over its names, not one per change
    for number, change in enumerate(changes, start=1):
        if _CONTROL.search(change.row_id):
            raise BundleRefused("invalid", f"第 {number} 条修改的 row_id 含有控制字符")
        if "\x00" in change.author:
            raise BundleRefused("invalid", f"第 {number} 条修改的 author 含有控制字符")


def _reused_words(ledger: Ledger, state: SyncState, change: Change) -> str:
    """A change the hub sent that this ledger holds with other content, said without its id
    (the coordinator sees this; the command line adds the id)."""
    if change.device_id == ledger.device_id:
        whose = "本机"
    else:
        owner = state.origin_owner(change.device_id)
        whose = f"设备「{owner}」" if owner else "另一台设备"
    return (
        f"中心发来的{whose}的一条修改，本机存有同一编号、内容不同的一份："
        "两边的台账必有一份是复制出来的或从备份拷回来的。台账没有改动；"
        "请联系县里管理汇总中心的同志"
    )


def _hubs_own(state: SyncState, peer: Peer, manifest: Manifest, device_id: str) -> bool:
    """A change-log id the hub itself writes under (named so in its signed answers)."""
    return peer.name in (manifest.origins.get(device_id), state.origin_owner(device_id))


def _bookkeeping(
    ledger: Ledger,
    state: SyncState,
    identity: Identity,
    peer: Peer,
    manifest: Manifest,
    reused: bool = False,
) -> int:
    """The counters and acknowledgements after an import; on a device, how many of its
    changes the hub's answer says it newly held (`record_reports`). `reused`: the hub's
    answer tells this ledger was copied back by hand (`ImportResult.copied_back`): the numbers the hub
    holds of this ledger's numbering are not acknowledged, else its new numbering (`sync
    restored`, the sync page's 是) would leave the work made since the copy under them, the
    hub's other content there, and every later answer refused."""
    acked = max(peer.acked_out, manifest.received)
    state.set_counters(peer.name, serial_in=manifest.serial, acked_out=acked)
    if identity.role == "device":
        vector = dict(manifest.vector)
        if reused:
            vector.pop(ledger.device_id, None)
        state.raise_acks(peer.name, vector)
        for device_id, name in manifest.origins.items():
            state.bind_origin(device_id, name)
        return record_reports(ledger, manifest)
    state.forget_issued_before(peer.name, acked)
    return 0
