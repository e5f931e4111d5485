"""A hub folder: the hub ledger, its keys, enrolled devices, the USB inbox and quarantine.

```
HUBDIR/
  hub.db         the hub ledger (same store code as a device; keys and devices inside)
  inbox/         drop bundles from USB sticks here; `fieldapp hub import --dir HUBDIR` takes them
  work/          local copies while importing
  quarantine/    refused bundles, each with <name>.reason.txt
  imported/      bundles imported (kept for audit; they are encrypted)
  outbox/        bundles made for devices
```
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.bulk import paused_gc
from fieldapp.domain.dates import china_iso, china_minute
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.roles import DEFAULT_ROLE, Role, area_problem, party_name_problem
from fieldapp.hub import own_clock
from fieldapp.hub.ahead import ReadAhead
from fieldapp.paths import private_dir
from fieldapp.reference import divisions
from fieldapp.saving import LOST, READ_ONLY, ledger_trouble, written
from fieldapp.services.users import check_name
from fieldapp.store import answers, forget, ledger_kind, postgres, replica, statistics
from fieldapp.store.held import (
    HeldChange,
    HeldChanges,
    held_payload,
    reads_china_time,
    reads_said,
    received_vector,
)
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.sync_state import Identity, Peer, SyncState, now_text
from fieldapp.store.trails import guard_hub_log
from fieldapp.store.vault import Credentials, ledger_state
from fieldapp.sync import crypto
from fieldapp.sync.bundle import RefusedBundle
from fieldapp.sync.enrolment import make_enrolment, seal
from fieldapp.sync.errors import (
    DATABASE_LOST,
    AlreadyImported,
    BundleRefused,
    SyncError,
    said_to_the_village,
)
from fieldapp.sync.exchange import (
    BUSY,
    OWN_TROUBLE,
    UNSURE,
    ExportResult,
    ImportResult,
    StepHook,
    Unsealed,
    import_bundle,
    own_trouble_refused,
    require_identity,
    write_bundle,
)
from fieldapp.sync.files import Folders, kept_refused, write_atomic

if TYPE_CHECKING:
    from fieldapp.hub.rejected import Rejudged

log = logging.getLogger(__name__)

HUB_DB = "hub.db"
#: A hub whose ledger lives in PostgreSQL keeps the database's URL in this file instead.
STORE_URL = "store.url"
BUNDLE_SUFFIX = ".fieldsync"


def hub_state(root: Path) -> str:
    """'encrypted', 'plain' or 'new': whether opening the hub needs a password."""
    return ledger_state(Path(root) / HUB_DB)


@dataclass
class FileOutcome:
    """What happened to one file of a multi-file import."""

    path: Path
    result: ImportResult | None = None
    error: str | None = None
    code: str | None = None
    quarantined: str | None = None
    #: Why a refused file was not kept in quarantine (its device's share was full).
    not_kept: str | None = None


#: The hub's ledger meta key of how much of quarantine/ one device's refused bundles may fill
#: (MB; `hub quarantine --limit-mb`), and its default: room for the largest upload the HTTP
#: service takes (256 MB) and more, while an enrolled or stolen laptop refused again and again
#: can fill no more than that of the hub's disk. Past it the refusal is still counted and
#: its reason recorded; the file is not kept, and nothing kept before is deleted.
QUARANTINE_MB = "hub.quarantine_mb"
DEFAULT_QUARANTINE_MB = 500


def check_party_name(name: str, what: str) -> None:
    """SyncError (Chinese) for a name no bundle can carry (`roles.party_name_problem`: the
    device reads its enrolled name with the same rule)."""
    if (problem := party_name_problem(name)) is not None:
        raise SyncError(f"{what}{problem}")


def check_scope(role: Role, area_code: str) -> None:
    """SyncError (Chinese) unless `area_code` is a code of the level `role` is enrolled for in
    a county of Guizhou (`roles.area_problem`, which the device checks again)."""
    if (problem := area_problem(role, area_code, divisions())) is not None:
        raise SyncError(f"{problem}，请核对（设备没有登记，也没有写登记文件）")


#: A change-log row as `answers` reads it (`changelog.CHANGE_COLUMNS`: device_id, seq, hlc,
#: author, tbl, row_id, data, parents).
LogRow = tuple[Any, ...]


@dataclass
class AnswerPlan:
    """One device's next answer, before it is sealed."""

    area: str
    #: Log rows to send, by origin and seq.
    changes: list[LogRow]
    #: The hub's version vector the answer is made at.
    vector: dict[str, int]
    #: Rows the device gets for the first time.
    new_rows: set[str]
    #: Changes that arrived since its last confirmed answer (read to make this one).
    arrived: list[LogRow]
    #: Made from what changed (True) or worked out afresh.
    incremental: bool
    #: Rows it was sent that left its area, as they stand after this answer (row → the serial
    #: of the first answer made after they left; None: this one). `HubLog.away_rows`.
    away: dict[str, int | None] = field(default_factory=dict)
    #: Rows back in its area after it stopped hearing of them: sent whole again.
    back: set[str] = field(default_factory=set)
    #: Rows it stopped hearing of (left its area, that answer confirmed), not back: forgotten
    #: from the rows sent and those away, so that what the hub keeps per device does not grow
    #: with every family that ever moved out (`SyncState.forget_rows_sent`).
    forgotten: set[str] = field(default_factory=set)


_ORIGIN_SEQ = itemgetter(0, 1)


class Hub:
    """One hub folder, open."""

    def __init__(self, root: Path, ledger: Ledger) -> None:
        self.root = Path(root)
        self.ledger = ledger
        self.state = SyncState(ledger.db)
        self.log = HubLog(ledger.db)
        answers.prepare_hub(ledger.db)
        self.identity = require_identity(self.state, "hub")
        self._training = ledger_kind.is_training_hub(ledger)
        self.folders = Folders(self.root / "work", self.root / "quarantine", self.root / "imported")
        for path in (self.inbox, self.outbox, *self.folders.__dict__.values()):
            Path(path).mkdir(parents=True, exist_ok=True)
        #: One exchange at a time (the HTTP service runs requests on threads).
        self.lock = threading.RLock()

    inbox = property(lambda self: self.root / "inbox", doc="The USB inbox folder.")
    outbox = property(lambda self: self.root / "outbox", doc="Where device bundles are written.")

    # -- lifecycle --------------------------------------------------------------------------

    @classmethod
    def init(
        cls,
        root: Path,
        name: str = "县级汇总中心",
        store: str | None = None,
        credentials: Credentials | None = None,
        *,
        training: bool = False,
    ) -> Hub:
        """Create a hub folder with fresh keys; refuses to overwrite an existing hub.

        `store`: a PostgreSQL URL (postgresql://USER@HOST/DB) for the hub's ledger instead of
        `hub.db` in the folder; the database must be empty and sort text byte-wise.
        With `credentials` a `hub.db` is encrypted and they are its first user (the hub's
        secret keys are then inside the encryption too).
        A `training` hub is for county staff's training days: it enrols demo ledgers only and
        takes their bundles; a real hub refuses both.
        """
        root = Path(root)
        if (root / HUB_DB).exists() or (root / STORE_URL).exists():
            raise SyncError(f"{root} 已经是一个汇总中心文件夹，不能重复初始化")
        name = name.strip()
        check_party_name(name, "中心的名称")
        location: str | Path = root / HUB_DB
        if store is not None:
            location = _check_store(store)
        private_dir(root)
        ledger = Ledger.open(location, author=name, credentials=credentials)
        keys = crypto.KeyPair.generate()
        state = SyncState(ledger.db)
        if state.identity() is not None:
            ledger.close()
            raise SyncError("这个数据库里已经有一个汇总中心的台账，请换一个空数据库")
        with ledger.transaction():
            state.set_identity(
                Identity("hub", name, None, keys.sign_secret, keys.box_secret, now_text(), Role.HUB)
            )
            ledger.set_meta("device_name", name)
            guard_hub_log(ledger.db)  # a hub only ever adds to its change log
        ledger.device_name = name
        if training:
            ledger_kind.set_kind(ledger, ledger_kind.TRAINING_HUB)
        if store is not None:
            # Where the ledger lives; a password belongs in ~/.pgpass, not here.
            write_atomic(root / STORE_URL, (store + "\n").encode("utf-8"))
        return cls(root, ledger)

    @classmethod
    def open(cls, root: Path, credentials: Credentials | None = None) -> Hub:
        """Open an existing hub folder (an encrypted one as one of its users)."""
        root = Path(root)
        location = store_location(root)
        if not isinstance(location, str):
            return cls(root, Ledger.open(location, credentials=credentials))
        try:
            ledger = Ledger.open(location, credentials=credentials)
        except FieldappError:
            raise
        except Exception as error:  # noqa: BLE001 - psycopg's many kinds: one Chinese message
            raise StoreUnreachable(unreachable(location, error), error) from None
        return cls(root, ledger)

    def close(self) -> None:
        """Close the hub ledger."""
        self.ledger.close()

    @property
    def training(self) -> bool:
        """True for a hub made for training (demo ledgers only); set when it is made, so read
        at open (a command says what follows from it after closing the hub)."""
        return self._training

    @property
    def keys(self) -> crypto.KeyPair:
        """The hub's key pair."""
        return crypto.KeyPair(self.identity.sign_secret, self.identity.box_secret)

    @property
    def fingerprint(self) -> str:
        """The hub's fingerprint, to compare by eye when enrolling."""
        return crypto.fingerprint(self.keys.sign_public, self.keys.box_public)

    # -- devices ----------------------------------------------------------------------------

    def enroll(
        self,
        device: str,
        area_code: str,
        out: Path,
        role: Role = DEFAULT_ROLE,
        *,
        code: str,
        by: str,
    ) -> Peer:
        """Enrol (or re-enrol with new keys) a device with a role and an area (its scope: the
        area and everything under it); writes its enrolment file sealed with `code` (a fresh
        `enrolment.new_code()`, told to the device's user apart from the file). `by`: who at
        the hub enrols it (`hub_device_events`, in the same transaction)."""
        by = _actor(by)
        device = device.strip()
        if not device:
            raise SyncError("设备名称不能为空")
        check_party_name(device, "设备名称")
        if "@" in device or "＠" in device:
            raise SyncError("设备名称不能含 @（修改人记作「姓名@设备名称」）")
        if device == self.identity.name:
            raise SyncError(f"设备名称不能与中心同名（{device}）")
        area_code = area_code.strip()
        if not area_code:
            raise SyncError("必须指定设备负责的区域代码")
        role = Role.parse(role)  # (a command line passes its word)
        check_scope(role, area_code)
        keys = crypto.KeyPair.generate()
        document = make_enrolment(
            self.identity, device, area_code, keys, role, training=self.training
        )
        data = json.dumps(seal(document, code), ensure_ascii=False, indent=2).encode("utf-8")
        devices_changed(self.root)  # a device enrolled again: its old key counts no more
        with self.lock, self.ledger.transaction():
            before = self.state.peer(device)
            if before is not None and (before.area_code, before.device_role) != (area_code, role):
                # A new scope: what it was sent for the old one is no reason to send more.
                self.state.forget_sent(device)
            self.log.forget_reported(device)  # the new computer has not said what it runs
            self.log.forget_refusals(device)  # nor had a bundle refused
            key_id = crypto.key_id(keys.sign_public)
            self.state.add_peer(
                device,
                "device",
                area_code,
                keys.sign_public,
                keys.box_public,
                key_id,
                role,
            )
            if before is None or before.role != "device":
                event = "enrolled"
            elif (before.area_code, before.device_role) == (area_code, role):
                event = "reenrolled"
            else:
                event = "rescoped"
            self.log.record_device_event(device, event, str(role), area_code, key_id, by)
            with written(Path(out)):  # refused here, the device is not enrolled either
                write_atomic(Path(out), data)
        devices_changed(self.root, after=True)
        try:
            os.chmod(out, 0o600)
        except OSError:
            pass  # not every file system keeps modes (FAT sticks)
        peer = self.state.peer(device)
        assert peer is not None
        return peer

    def revoke(self, device: str, *, by: str) -> Peer:
        """Revoke a device: its bundles are refused from now on. `by`: who at the hub revokes
        it (`hub_device_events`, in the same transaction; one already revoked stays as it was,
        and no event is added)."""
        by = _actor(by)
        devices_changed(self.root)
        with self.lock, self.ledger.transaction():
            peer = self.state.peer(device)
            if peer is None or peer.role != "device":
                raise SyncError(f"没有名为 {device} 的已登记设备")
            if peer.revoked_at is None:
                self.state.revoke(device)
                self.log.record_device_event(
                    device, "revoked", str(peer.device_role), peer.area_code, peer.key_id, by
                )
        devices_changed(self.root, after=True)
        revoked = self.state.peer(device)
        assert revoked is not None
        return revoked

    def device_users(self) -> dict[str, dict[str, dict[str, object]]]:
        """Per device, its users the hub holds disabled there, or that the county enabled
        again (`HubLog.device_users`, each with `since_china`)."""
        return {
            device: {
                name: record | {"since_china": china_iso(str(record.get("since"))) or None}
                for name, record in users.items()
            }
            for device, users in self.log.all_device_users().items()
        }

    def set_device_user(self, device: str, name: str, disabled: bool, *, by: str) -> bool:
        """The county disables a user of `device` at the hub (its laptop lost, or stolen with
        the ledger: the laptop cannot tell the hub itself) or enables one again (the village
        enabled them and the county checked it was the village's own doing: a device's own
        word never lifts it, `HubLog.learn_device_users`). From then on whatever is authored as
        a disabled user on that device is held (`trust.check_author`). False when it already
        was so. `by`: who at the hub decides."""
        by = _actor(by)
        with self.lock, self.ledger.transaction():
            self.device(device)
            return self.log.set_device_user(device, check_name(name), disabled, by)

    def devices(self) -> list[Peer]:
        """Enrolled devices (revoked ones included)."""
        return self.state.peers("device")

    def device_events(self, name: str) -> list[dict[str, object]]:
        """Who enrolled, re-enrolled and revoked a device, and when its ledger came back
        from a backup, oldest first (`HubLog.device_events`, each with `at_china`)."""
        self.device(name)
        return [
            event | {"at_china": china_iso(str(event["at"])) or None}
            for event in self.log.device_events(name)
        ]

    def device(self, name: str) -> Peer:
        """One enrolled device."""
        peer = self.state.peer(name)
        if peer is None or peer.role != "device":
            raise SyncError(f"没有名为 {name} 的已登记设备")
        return peer

    # -- import -----------------------------------------------------------------------------

    def import_file(
        self,
        path: Path,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        step: StepHook | None = None,
        sender: str | None = None,
        ahead: Unsealed | None = None,
        *,
        analyse: bool = True,
    ) -> ImportResult:
        """Import one device bundle (raises BundleRefused / AlreadyImported).

        `sender`: the device an HTTP request proved to be; its refusals are logged under it.
        `ahead`: the bundle opened and decoded beforehand (`import_bundle`).
        `analyse`: look at PostgreSQL's statistics after a large merge (`import_files` does it
        once for its whole batch instead).
        """
        channel = "usb" if sender is None else "http"
        with self.lock:
            try:
                with own_trouble_refused():  # a connection lost while the hub waited: refused
                    keep = self.quarantine_limit_mb() * 1048576
                result = import_bundle(
                    self.ledger,
                    Path(path),
                    folders=self.folders,
                    progress=progress,
                    cancel=cancel,
                    step=step,
                    sender=sender,
                    ahead=ahead,
                    keep_refused=keep,
                    # Its clock doubted as behind: stamps judged against its devices' word.
                    vouched=own_clock.vouched,
                )
            except (BundleRefused, AlreadyImported) as refused:
                code = getattr(refused, "code", "already")
                if code in OWN_TROUBLE:
                    raise  # the hub's own busy, read-only or full store: not the device's
                device = sender or getattr(refused, "sender", None)  # a stick's: its signer's
                if device is not None:
                    kept = _kept_refusal(channel, refused)
                    self._log(device, "in", channel, code, detail=str(refused), refusal=kept)
                raise
            self._publish_policy_drafts()
            if analyse:
                self._refresh_statistics(result.new_changes)
            return result  # its import is logged in sync_imports, in its own transaction

    def _refresh_statistics(self, new_changes: int) -> None:
        """PostgreSQL's planner statistics taken again when merges made them stale
        (`store.statistics`). Not looked at after a merge too small to make them so (a daily
        bundle: the HTTP service's usual exchange costs no query for it); a failure there only
        costs speed, never the merge just done."""
        if new_changes < statistics.AT_LEAST:
            return
        try:
            statistics.refresh_if_stale(self.ledger)
        except Exception:  # noqa: BLE001 - the import is committed; the next check retries
            log.warning("中心台账的查询统计未能更新（只影响速度）", exc_info=True)

    def _publish_policy_drafts(self) -> None:
        """Sign and publish the county policy drafts a county device just brought (issue 14)."""
        from fieldapp.services.policy_admin import publish_drafts

        try:
            publish_drafts(self.ledger)
        except FieldappError:
            pass  # each draft carries its own answer; a failure here must not undo the import
        except Exception:  # noqa: BLE001 - the import is committed: said so, not refused
            # (its database gone right after the import: the device would be told 没有导入
            # of changes the hub holds). The drafts stay 待签发 and the next import signs them.
            log.warning("县级政策包草稿这次没有签发，下次导入时再签发", exc_info=True)

    def _log(
        self,
        device: str,
        way: str,
        channel: str,
        outcome: str,
        *,
        detail: str = "",
        refusal: RefusedBundle | None = None,
    ) -> None:
        """Log an exchange; `refusal`: a refused bundle of `device`, kept for its next answer
        (`HubLog.keep_refusal`)."""
        try:
            with self.ledger.transaction():
                self.log.record(device, way, channel, outcome, detail=detail)
                if refusal is not None:
                    self.log.keep_refusal(device, refusal.model_dump(mode="json"))
        except Exception:  # noqa: BLE001 - a full disk must not turn an import into an error
            pass

    def status(self) -> list[dict[str, object]]:
        """The county's view of its devices (`hub devices --json`, `GET /v1/status`)."""
        kept = kept_refused(self.folders.quarantine)
        listed = listed_places(self.ledger)
        said = self.log.reported()
        users = self.log.all_device_users()  # every device's at once, not one read a device
        return [
            _status_item(row, kept)
            | {
                "area_name": say_place(
                    str(row["area"] or ""), divisions(), listed, PlaceWording.SHORT
                )
            }
            | _reported(said.get(str(row["device"])))
            | _disabled_users(users.get(str(row["device"])))
            for row in self.log.device_status()
        ]

    # -- quarantine -------------------------------------------------------------------------

    def quarantine_limit_mb(self) -> int:
        """How many MB of refused bundles quarantine keeps per device (`QUARANTINE_MB`)."""
        text = self.ledger.get_meta(QUARANTINE_MB) or ""
        return int(text) if text.isdigit() else DEFAULT_QUARANTINE_MB

    def set_quarantine_limit_mb(self, megabytes: int) -> None:
        """Set the per-device share of quarantine (MB, at least 1)."""
        if not 1 <= megabytes <= 10**7:
            raise SyncError(f"隔离区上限应为 1—10000000 MB，「{megabytes}」不对")
        with self.lock, self.ledger.transaction():
            self.ledger.set_meta(QUARANTINE_MB, str(megabytes))

    def quarantine_usage(self) -> dict[str | None, int]:
        """Bytes of refused bundles kept in quarantine, by device (None: source unknown)."""
        return kept_refused(self.folders.quarantine)

    def import_files(
        self, paths: Iterable[Path], progress: Progress | None = None
    ) -> list[FileOutcome]:
        """Import several bundles; a refused one does not stop the others.

        While one bundle is merged, the next is opened and decoded (`ahead.ReadAhead`: on a
        second thread, and for a county's batch in a child process, so that the two run on
        two cores at once).
        """
        files = [Path(p) for p in paths]
        outcomes = []
        columns = replica.data_columns(self.ledger.db)
        reconnected = False  # a lost PostgreSQL connection is opened again once a batch
        lost: BundleRefused | None = None  # … and if that fails, the rest are not tried
        with paused_gc(), ReadAhead(self.identity, columns, len(files)) as reading:
            ahead = reading.submit(files[0]) if files else None
            for n, path in enumerate(files):
                ready = ahead
                ahead = reading.submit(files[n + 1]) if n + 1 < len(files) else None
                outcome = FileOutcome(path)
                if lost is not None:  # no connection to the database: waits for a next run
                    outcome.error, outcome.code = str(lost), lost.code
                    outcomes.append(outcome)
                    continue
                try:
                    outcome.result = self.import_file(
                        path, progress, ahead=ready.result() if ready else None, analyse=False
                    )
                except AlreadyImported as done:
                    outcome.error, outcome.code = str(done), "already"
                except BundleRefused as refused:
                    outcome.error, outcome.code = str(refused), refused.code
                    outcome.quarantined = refused.quarantined
                    outcome.not_kept = refused.not_kept
                    if refused.code in (BUSY, UNSURE) and not self.ledger.reachable():
                        if reconnected or not self._reconnect():
                            # (the files not tried are not imported: not said unsure)
                            lost = (
                                refused
                                if refused.code == BUSY
                                else BundleRefused(BUSY, DATABASE_LOST)
                            )
                        reconnected = True
                outcomes.append(outcome)
        with self.lock:  # the planner's statistics looked at once, after the whole batch
            self._refresh_statistics(sum(o.result.new_changes for o in outcomes if o.result))
        return outcomes

    def _reconnect(self) -> bool:
        """After a bundle refused on a lost PostgreSQL connection (the server restarted, an
        administrator ended it): open a new one so that the batch's remaining bundles go in —
        on the dead one each failed, the next one not even refused but raised. False when no
        new connection could be opened (the server still gone)."""
        try:
            with self.lock:
                self.ledger.reconnect()
        except Exception:  # noqa: BLE001 - psycopg's many kinds: the rest wait for a next run
            log.warning("中心台账的数据库连接断开后未能重新连接", exc_info=True)
            return False
        return True

    def inbox_files(self) -> list[Path]:
        """Bundles waiting in the USB inbox, oldest first."""
        files = [p for p in self.inbox.iterdir() if p.is_file() and not p.name.endswith(".part")]
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def inbox_folders(self) -> list[Path]:
        """Folders inside the inbox (a stick's folder dragged in whole): never imported."""
        return sorted(p for p in self.inbox.iterdir() if p.is_dir())

    def import_inbox(self) -> list[FileOutcome]:
        """Import every bundle in the inbox folder; each leaves the inbox, imported or
        refused, but one the hub's own trouble kept out (`OWN_TROUBLE`), left for the next run."""
        outcomes = self.import_files(self.inbox_files())
        for outcome in outcomes:
            # The hub's own trouble (busy, read-only, its disk full, an unsure commit): the
            # file waits for the next run.
            if outcome.code not in OWN_TROUBLE:
                outcome.path.unlink(missing_ok=True)
        return outcomes

    # -- export -----------------------------------------------------------------------------

    def export_for(
        self,
        device: str,
        out: Path | None = None,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        channel: str = "usb",
    ) -> ExportResult:
        """The bundle `device` needs: changes of its area (and of people who moved in or out)
        it has not confirmed, plus the hub's acknowledgement of what it sent."""
        with self.lock, paused_gc():
            peer = self.device(device)
            if peer.revoked_at:
                raise SyncError(f"设备 {device} 已于 {china_minute(peer.revoked_at)} 注销")
            out = Path(out) if out else self.outbox / f"{_in_one_folder(device)}{BUNDLE_SUFFIX}"
            written_at = own_clock.written_at(self.ledger)  # a clock in doubt not told
            with self.ledger.reading():
                plan = self.plan_answer(device)
                said = self.log.reported().get(device) or {}
                refused = _refused_bundles(self.log.refusals(device))
                # Rows it holds only because of an offer since ended (`store.forget`), to a
                # device that removes them; an older one keeps them, read-only, as before.
                to_forget = (
                    self._to_forget(peer, plan)
                    if forget.reads_forget((said or {}).get("schema"))
                    else []
                )
            china_time = reads_china_time(said.get("schema"))
            keeps_said = reads_said(said.get("schema"))
            changes, vector = plan.changes, plan.vector

            def remember(serial: int) -> None:
                self.state.record_issued(device, serial, vector, len(changes))
                self.state.mark_rows_sent(device, plan.new_rows, serial)
                self.state.mark_rows_resent(device, plan.back, serial)
                self.state.forget_rows_sent(device, plan.forgotten)
                away = {
                    r: serial if s is None else s
                    for r, s in plan.away.items()
                    if r not in plan.forgotten
                }
                self.log.set_away_rows(device, away)  # only what changed is written
                self.log.set_answer_scope(device, plan.area, serial)
                self.log.record(device, "out", channel, "ok", len(changes))

            return write_bundle(
                self.ledger,
                self.identity,
                peer,
                changes,
                vector,
                out,
                progress,
                cancel,
                after_sealing=remember,
                origins=self._origins_of(device, changes),
                rejected=[
                    held_payload(h, china_time=china_time, said=keeps_said)
                    for h in HeldChanges(self.ledger.db).list(devices=[device])
                ],
                refused=refused,
                written_at=written_at,
                forget=to_forget,
            )

    def _to_forget(self, peer: Peer, plan: AnswerPlan) -> list[tuple[str, str]]:
        """The rows `plan`'s answer tells its device left its area (this answer, or one it has
        not confirmed yet) that it held only as hung on a person offered to it: the offer
        withdrawn or turned down (`forget.offered_only`): never a row that left by another
        path (a family the area tree or a move took out of its area). Each answer that tells
        them names them; once it confirms one, the hub forgets it sent them
        (`AnswerPlan.forgotten`), and an offer made again sends them whole. A few look-ups
        whatever the number leaving, one when none of them was ever offered."""
        leaving = [r for r, s in plan.away.items() if s is None or s > peer.acked_out]
        if not leaving or not plan.area:
            return []
        db = self.ledger.db
        own = set(self.state.origins_of(peer.name)) | ({peer.origin} if peer.origin else set())
        return forget.leaving_offered(db, plan.area, leaving, own, received_vector(db))

    def _origins_of(self, device: str, changes: list[LogRow]) -> dict[str, str]:
        """The names an answer tells its device: of the devices whose changes it carries, its
        own, and the hub's (a village learns the names of those who write in its area, not the
        whole county's list of devices)."""
        senders = {c[0] for c in changes} | set(self.state.origins_of(device))  # origin first
        named = {o: n for o, n in self.state.origin_names().items() if o in senders}
        return named | {self.ledger.device_id: self.identity.name}

    def plan_answer(self, device: str, afresh: bool = False) -> AnswerPlan:
        """What `device`'s next answer holds (see `fieldapp.store.answers`).

        From what changed since the last answer it confirmed, unless this is its first
        answer, its area changed, the area tree changed, or `afresh` (tests compare both).
        Call inside `Ledger.reading` when others may write meanwhile.
        """
        peer = self.device(device)
        db, area = self.ledger.db, peer.area_code or ""
        sent = replica.sent_rows(db, device)
        # Rows that left its area: once it confirmed the answer that told it, it gets no more
        # of them (nor of what hangs off them since); they no longer bring rows in.
        away: dict[str, int | None] = dict(self.log.away_rows(device))
        gone = {r for r, serial in away.items() if serial is not None and serial <= peer.acked_out}
        # Its changes under its current change-log id are never sent back; those of an earlier
        # incarnation are (a device restored from a backup lacks what it made after it).
        own = [peer.origin] if peer.origin else self.state.origins_of(device)
        now = received_vector(db)  # held changes count as received: never asked for again
        acked = self.state.issued_vector(device, peer.acked_out)
        unconfirmed = {r for r, serial in sent.items() if serial > peer.acked_out}
        scope = self.log.answer_scope(device)
        # Its own changes too: they bring rows into its scope (a family it just added) that it
        # must be sent others' later changes of, though never these changes themselves.
        arrived = answers.changes_after(db, now, acked) if acked else []
        quick = (
            not afresh
            and bool(acked)
            and scope is not None
            and scope[0] == area
            and not answers.touches_area_tree(db, area, arrived)
            and not answers.moves_held(db, area, set(sent), sent.keys() - away.keys(), arrived)
        )
        back: set[str] = set()
        if quick:
            live = sent.keys() - away.keys()
            # A row it stopped hearing of is not held: one back in its area by a change of a
            # row it does not hold (the household it moved into, recoded into this area) is
            # found as any row new to it, and sent whole again, as the full answer does.
            reached = answers.newly_relevant(db, area, sent.keys() - gone, arrived, live)
            back = reached & gone
            new = reached - back
            away = {r: s for r, s in away.items() if r not in back}
            holds = (sent.keys() - gone) | reached
            full = reached | (unconfirmed - gone)
            mine = set(own)
            picked = [c for c in arrived if c[5] in holds and c[5] not in full and c[0] not in mine]
        else:
            live = answers.live_scope(db, area)
            back = gone & live  # came back into its area: all it missed, again
            rows = live | (sent.keys() - gone)
            full = {r for r in rows if sent.get(r, peer.acked_out + 1) > peer.acked_out} | back
            new = rows - sent.keys()
            partly = rows - full
            picked = [
                c for c in answers.history_of(db, partly, now, own) if c[1] > acked.get(c[0], 0)
            ]
            away = {r: away.get(r) for r in sent.keys() - live}
        changes = picked + answers.history_of(db, full, now, own)
        # A row it is still to be told left its area is sent as it stood in the answer that
        # first told it, never with a later change: a device that never confirms that answer
        # would otherwise hear of the moved family's new phone and account for good.
        told = {r: s for r, s in away.items() if s is not None and s > peer.acked_out}
        at = {s: self.state.issued_vector(device, s) for s in set(told.values())}
        # One whose answer the hub has no vector of (a record lost) is told again, in this
        # answer, as one leaving now: sent up to its departure and nothing later, never every
        # change since for want of the vector to cut it at.
        retold = {r for r, s in told.items() if not at[s]}
        for r in retold:
            away[r] = None
            del told[r]
        if told:
            changes = [
                c for c in changes if c[5] not in told or c[1] <= at[told[c[5]]].get(c[0], 0)
            ]
        # A row it is told left its area in this answer is sent up to its departure: the new
        # village's phone, account and employer taken since never reach the old one.
        leaving = [r for r, s in away.items() if s is None]
        if leaving:
            # In the order the hub took them, not by their authors' clocks (`answers.Taken`).
            # Reckoned from the answer it confirmed; one that confirmed none was sent each of
            # these rows while in its area, so at or after its first answer's vector.
            since = acked or self.state.first_issued_vector(device)
            left = answers.departures(db, leaving, now, since)
            keys = answers.taken_keys(db, (c for c in changes if c[5] in left))
            # One whose leaving no change explains (the area tree moved it, not a change of
            # its own or of what it points at: `answers.departures`) fails closed: it is told
            # it left and sent nothing the hub took after the answer the device confirmed.
            unexplained = set(leaving) - left.keys() - retold

            def kept(c: LogRow) -> bool:
                row = c[5]
                if row in left:
                    return keys[(c[0], c[1])] <= left[row]
                if row in unexplained:
                    return bool(c[1] <= since.get(c[0], 0))
                return row not in retold

            changes = [c for c in changes if kept(c)]
        if peer.device_role is not Role.COUNTY:
            # The county's drafts of its pack (unpublished figures, its clerks' notes, the
            # hub's refusals) are the county devices' only: a village or township holds what
            # the hub published.
            changes, new = answers.county_only(db, changes, new)
        changes.sort(key=_ORIGIN_SEQ)
        return AnswerPlan(area, changes, now, new, arrived, quick, away, back, gone - back)

    # -- review -----------------------------------------------------------------------------

    def rejected(self, status: str | None = None) -> list[HeldChange]:
        """Changes the trust rules refused, held for the county's review (`hub rejected`)."""
        from fieldapp.hub import rejected

        return rejected.listing(self, status)

    def accept(self, held_id: int, reviewer: str, reason: str = "") -> HeldChange:
        """Apply a held change as the county's own change, both names on record."""
        from fieldapp.hub import rejected

        return rejected.accept(self, held_id, reviewer, reason)

    def rejudge(self, reviewer: str) -> Rejudged:
        """After its clock is put right: accept the changes held only as stamped ahead of it
        that the same rule clears now (`rejected.rejudge`)."""
        from fieldapp.hub import rejected

        return rejected.rejudge(self, reviewer)

    def dismiss(self, held_id: int, reviewer: str, reason: str) -> HeldChange:
        """Decide not to take a held change, with the reason the device will see."""
        from fieldapp.hub import rejected

        return rejected.dismiss(self, held_id, reviewer, reason)

    def violations(self) -> list[dict[str, object]]:
        """Merged-data problems for review: duplicate ID numbers, one-time limits broken."""
        from fieldapp.hub.review import find_violations

        return find_violations(self.ledger)


def _kept_refusal(channel: str, refused: BundleRefused | AlreadyImported) -> RefusedBundle | None:
    """What a device's next answer says of its bundle the hub refused (`RefusedBundle`): a
    stick's is refused with nobody from the village there, and the township carries the answer
    back. None for one that needs nothing of the device: a bundle imported before, an older
    bundle whose changes the hub holds (`replay`), one that met the hub's own ledger busy,
    read-only or its disk full (the hub's trouble, `OWN_TROUBLE`: the bundle comes again)."""
    if not isinstance(refused, BundleRefused) or refused.code in OWN_TROUBLE | {"replay"}:
        return None
    return RefusedBundle(
        serial=refused.serial,
        origin=refused.origin,
        code=refused.code,
        words=said_to_the_village(refused.code),
        at=now_text(),
        channel=channel,
    )


def _refused_bundles(kept: list[dict[str, object]]) -> list[RefusedBundle]:
    """A device's refused bundles as kept (`HubLog.refusals`), those that still read."""
    bundles = []
    for item in kept:
        try:
            bundles.append(RefusedBundle.model_validate(item))
        except ValueError:  # pydantic's ValidationError: a setting edited by hand
            continue
    return bundles


def store_location(root: Path) -> str | Path:
    """Where a hub folder's ledger lives: `hub.db` in it, or the PostgreSQL URL it names."""
    root = Path(root)
    if (root / STORE_URL).exists():
        return (root / STORE_URL).read_text(encoding="utf-8").strip()
    if not (root / HUB_DB).exists():
        raise SyncError(f"{root} 不是汇总中心文件夹（请先执行 fieldapp hub init）")
    return root / HUB_DB


#: A file in the hub folder whose words change whenever a device's key stops counting — the
#: device revoked, or enrolled again with new keys (`Hub.revoke`, `Hub.enroll`, before their
#: transaction and after it): a running `hub serve` learns of those only from its database,
#: and while that is gone it counts an upload against a device it authenticated before only
#: while these words are what they were when it did (`HubService._known_device`).
DEVICES_CHANGED = "devices.changed"


def devices_changed(root: Path, *, after: bool = False) -> None:
    """New words in the hub folder's `DEVICES_CHANGED`; where they cannot be written, the file
    taken away (a service then trusts no device it remembers). Before a revocation or an
    enrolment, a folder where neither can be done refuses it (SyncError: it would leave a
    running service trusting the old key while its database is gone); `after` it, logged."""
    path = Path(root) / DEVICES_CHANGED
    try:
        write_atomic(path, secrets.token_hex(16).encode("ascii"))
        return
    except OSError:
        pass
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        if after:
            log.warning("中心文件夹里的 %s 没有改写：%s", DEVICES_CHANGED, error)
            return
        raise SyncError(
            f"中心文件夹 {root} 写不进文件（磁盘已满或没有写入权限），没有改动任何设备的登记："
            "请先腾出磁盘空间或改正文件夹的权限"
        ) from None


def devices_word(root: Path) -> str | None:
    """The words of the hub folder's `DEVICES_CHANGED` now, None when it cannot be read."""
    try:
        return (Path(root) / DEVICES_CHANGED).read_text("ascii")
    except (OSError, ValueError):
        return None


class DevicesWords:
    """The words of a hub folder's `DEVICES_CHANGED` for a running service, read again only
    when the file is another (its `os.stat`: inode, size, times of change differ from
    those of the file last read) — one stat a request, nothing read or written while no device was
    revoked or enrolled again. Never writes: a file that is gone is None, as
    `devices_word` says it.

    What a file replaced within one tick of the file system's clock by another that took
    back its inode would hide is a change `now` does not see yet: words older than the file's
    are kept with a device, which `HubService._known_device` — reading the file itself —
    then finds changed, and counts nothing against it. Such staleness is never a device
    trusted that should not be."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / DEVICES_CHANGED
        self._last: tuple[tuple[int, ...], str] | None = None

    def now(self) -> str | None:
        """The file's words now (from the last read while it is the same file), None when it
        cannot be read."""
        try:
            seen = os.stat(self.path)
        except OSError:
            return None
        last = self._last
        if last is not None and last[0] == _stat_key(seen):
            return last[1]
        try:
            with self.path.open("rb") as file:  # (the words and the stat of the file read)
                key = _stat_key(os.fstat(file.fileno()))
                word = file.read().decode("ascii")
        except (OSError, ValueError):
            return None
        self._last = (key, word)
        return word


def _stat_key(seen: os.stat_result) -> tuple[int, ...]:
    """What tells one `DEVICES_CHANGED` file from another (`DevicesWords`)."""
    return seen.st_dev, seen.st_ino, seen.st_size, seen.st_mtime_ns, seen.st_ctime_ns


class StoreUnreachable(SyncError):
    """The hub's PostgreSQL database not opened (`Hub.open`): `unreachable`'s words, and the
    database's own error (`error`), by which `hub serve` tells a server not up yet from a
    database set up wrong (`comes_back`) and answers a request as the hub's own trouble."""

    def __init__(self, message: str, error: Exception) -> None:
        super().__init__(message)
        self.error = error


#: libpq's words (its messages are English whatever the clerk's language) of a database set
#: up wrong for the hub — a password, a database or a user that is not there, no entry in
#: pg_hba.conf — which no waiting puts right (`comes_back`): the administrator must act.
_SET_UP_WRONG = re.compile(
    r"password authentication failed|no password supplied|SCRAM|"
    r'(database|role) "[^"]+" does not exist|pg_hba\.conf',
    re.I,
)


def comes_back(error: Exception) -> bool:
    """Whether `error`, met opening the hub's PostgreSQL database, is its server not taking
    connections — not running yet (a reboot that starts `hub serve` first), restarting, the
    network to it not up, the database set to take none (`saving.LOST`) — which may end by
    itself, not a database set up wrong (`_SET_UP_WRONG`) nor any other fault."""
    return ledger_trouble(error) == LOST and not _SET_UP_WRONG.search(str(error))


#: libpq's words (its messages are English whatever the clerk's language) → what is wrong,
#: for the clerk; the first that matches is said.
_WHY_UNREACHABLE = (
    (
        re.compile(r"password authentication failed|no password supplied|SCRAM", re.I),
        "数据库不接受用户「{user}」的口令（或没有找到口令）：口令放在运行中心的账户的 ~/.pgpass 里"
        "（一行：主机:端口:数据库:用户:口令，文件只给这个账户读写），请与数据库管理员核对",
    ),
    (
        re.compile(r'database "(?P<name>[^"]+)" does not exist'),
        "数据库服务器上没有名为「{name}」的数据库：请数据库管理员按说明新建一个空库，或核对地址里的库名",
    ),
    (
        re.compile(r'role "(?P<name>[^"]+)" does not exist'),
        "数据库服务器上没有用户「{name}」：请数据库管理员建立，或核对地址里的用户名",
    ),
    (
        re.compile(
            r"Connection refused|No such file or directory|could not connect|timeout expired|"
            r"resolve host|translate host name|Network is unreachable|No route to host|"
            r"connection is bad",
            re.I,
        ),
        "数据库服务器没有响应：请确认 PostgreSQL 在运行、这台电脑能访问到它（主机、端口）",
    ),
)


def unreachable(url: str, error: BaseException) -> str:
    """Why the hub's PostgreSQL database could not be opened, for the clerk: what is wrong and
    what to do (the database's own words, in English, only as the last part: the administrator
    reads them); one line."""
    said = str(error).strip()
    detail = " ".join(line.strip() for line in said.splitlines() if line.strip())
    detail = detail or type(error).__name__
    shown = postgres.shown_url(url)
    if ledger_trouble(error) == READ_ONLY:  # a standby, or a database set read-only
        return (
            f"中心台账所在的 PostgreSQL 数据库 {shown} 只接受读取（可能连到了备用库，或数据库被设为"
            f"只读），中心不能写入：请与数据库管理员联系，恢复写入后再试（数据库的回答：{detail}）"
        )
    user = postgres.user_of(url)
    why = "请确认数据库在运行、地址可以访问，运行中心的账户的 ~/.pgpass 里有口令"
    for pattern, text in _WHY_UNREACHABLE:
        found = pattern.search(said)
        if found:
            why = text.format(user=user, name=found.groupdict().get("name", ""))
            break
    return f"连不上中心台账所在的 PostgreSQL 数据库 {shown}：{why}（数据库的回答：{detail}）"


def _check_store(store: str) -> str:
    """A PostgreSQL URL that can be reached and sorts text byte-wise; SyncError otherwise."""
    store = store.strip()
    if not postgres.is_url(store):
        raise SyncError(f"--store 应为 postgresql://用户@主机/数据库，而不是「{store}」")
    try:
        database = postgres.PgDatabase(store)
    except Exception as error:  # noqa: BLE001 - psycopg's many kinds: one Chinese message
        raise SyncError(unreachable(store, error)) from None
    try:
        postgres.check_collation(database)
    except ValueError as error:
        raise SyncError(str(error)) from None
    finally:
        database.conn.close()
    return store


def _actor(by: str) -> str:
    """Who acts at the hub, as an enrolment or a revocation records them: never nobody."""
    by = str(by or "").strip()
    if not by:
        raise SyncError("登记或注销设备必须记下经办人（中心的用户或电脑账户），没有登记也没有注销")
    return by


def _status_item(row: dict[str, object], kept: dict[str | None, int]) -> dict[str, object]:
    """One device of the status view, with the keys `hub devices --json` promises; `kept`:
    bytes of refused bundles kept in quarantine by device."""
    return {
        "device": row["device"],
        "role": row.get("role") or "coordinator",
        "area": row["area"],
        "last_exchange": row["last_exchange"],
        "pending": int(row["pending"] or 0),  # type: ignore[call-overload]
        "refused": int(row.get("refused") or 0),  # type: ignore[call-overload]
        "refused_bundles": int(row["refused_bundles"] or 0),  # type: ignore[call-overload]
        "quarantine_bytes": kept.get(str(row["device"]), 0),
        "revoked_at": row["revoked_at"],
        "enrolled_at": row["enrolled_at"],
        "last_bundle_in": row["serial_in"],
        "last_bundle_out": row["serial_out"],
        "confirmed": row["acked_out"],
        "policy": row.get("policy"),
        # The same times in China time (ISO, +08:00): a county server in UTC wrote 02:31 for
        # 10:31 at the office, and a desktop reading them over HTTP cannot know its zone.
        "last_exchange_china": china_iso(row["last_exchange"]) or None,
        "enrolled_at_china": china_iso(row["enrolled_at"]) or None,
        "revoked_at_china": china_iso(row["revoked_at"]) or None,
        # Who at the hub made its enrolment as it stands, and its revocation (m0040).
        "enrolled_by": row.get("enrolled_by"),
        "revoked_by": row.get("revoked_by"),
        # Its ledger restored from a backup (or copied back) at the hub: how often, when last
        # and who on the device its bundle named (`intake.note_restore`); 0 and None if never.
        "restored": int(row.get("restored") or 0),  # type: ignore[call-overload]
        "last_restored": row.get("last_restored"),
        "last_restored_china": china_iso(row.get("last_restored")) or None,
        "last_restored_by": row.get("last_restored_by"),
    }


def _reported(said: dict[str, str] | None) -> dict[str, object]:
    """What a device said of itself in its latest bundle: `program` (the fieldapp it runs),
    `build` (its build's label, a packaged build's since devices say it; else None),
    `pack_in_force` (the county pack in force there; '' the built-in pack) and `reported_at`;
    all None when it never said (a program older than the hub's, or not synced since)."""
    if not said:
        return {"program": None, "build": None, "pack_in_force": None, "reported_at": None}
    return {
        "program": said.get("program") or None,
        "build": said.get("build") or None,
        "pack_in_force": said.get("pack", ""),
        "reported_at": said.get("at") or None,
    }


def _disabled_users(users: dict[str, dict[str, Any]] | None) -> dict[str, object]:
    """The device's users the hub holds disabled (`HubLog.device_users`; one the county enabled
    again is not listed), by name: `disabled_users`, each `name`, `since` (the hub's time it
    learnt or decided it) and `since_china`, `by`, `source` ("device" or "county") and
    `enable_asked` (None, or the device's word that it enabled them again: `at`, `at_china`,
    `by` — a request the county grants at the hub); `enable_requests`: how many ask."""
    listed: list[dict[str, object]] = []
    for name, record in sorted((users or {}).items()):
        if not record.get("disabled"):
            continue
        asked, since = record.get("enable_asked"), record.get("since")
        listed.append(
            {
                "name": name,
                "since": since,
                "since_china": china_iso(since) or None,
                "by": record.get("by"),
                "source": record.get("source"),
                "enable_asked": (
                    {
                        "at": asked.get("at"),
                        "at_china": china_iso(asked.get("at")) or None,
                        "by": asked.get("by"),
                    }
                    if isinstance(asked, dict)
                    else None
                ),
            }
        )
    return {
        "disabled_users": listed,
        "enable_requests": sum(1 for u in listed if u["enable_asked"] is not None),
    }


class HubSessions:
    """One open `Hub` per thread on one folder, each with its own connection to the ledger.

    The HTTP service runs imports and answers on worker threads. Each thread reads through its
    own connection (SQLite lets readers go on while one writer writes), and the sessions share
    one write gate, so writers queue for the store's single write lock and nothing else.
    """

    def __init__(self, root: Path, credentials: Credentials | None = None) -> None:
        self.root = Path(root)
        self.credentials = credentials
        self.gate = threading.Lock()
        self._local = threading.local()
        self._opened: list[Hub] = []
        self._guard = threading.Lock()
        #: Held while a session opens: the first one (`Hub.open`: the ledger's migrations, an
        #: encrypted hub's password check) by one thread only — `hub serve` started while its
        #: database took no connection opens it when the database is back, with requests of
        #: several threads waiting on it.
        self._opening = threading.Lock()

    def get(self) -> Hub:
        """This thread's hub session (opened on first use). Its connection to a PostgreSQL
        ledger lost (the database restarted while the service ran, an administrator ended
        it) is opened again in place (`Ledger.reconnect`, as a batch's import does): the
        session is kept, not closed and opened anew. Raises what connecting raises while the
        server is still gone; the next request tries again."""
        hub: Hub | None = getattr(self._local, "hub", None)
        if hub is not None and hub.ledger.reconnect():
            log.warning("中心台账的一个数据库连接已断开，已换用新的连接")
        if hub is None:
            with self._opening:
                with self._guard:
                    first = self._opened[0] if self._opened else None
                # One password check for the service; every further thread's connection reuses
                # the first session's key (an encrypted hub) instead of deriving it again.
                hub = (
                    Hub(self.root, first.ledger.sibling())
                    if first
                    else Hub.open(self.root, self.credentials)
                )
                hub.ledger.write_gate = self.gate
                self._local.hub = hub
                with self._guard:
                    self._opened.append(hub)
        return hub

    def close(self) -> None:
        """Close every session."""
        with self._guard:
            opened, self._opened = self._opened, []
        for hub in opened:
            hub.close()


#: Characters a file's name cannot hold on Windows or Linux (and a path's separators).
_NOT_IN_A_NAME = str.maketrans({c: "_" for c in '/\\:*?"<>|'})


def _in_one_folder(device: str) -> str:
    """`device`'s name as a file's name in outbox/: a device named 一组/二号 (a name may hold
    a slash) or ../x writes outbox/一组_二号.fieldsync, never into another folder."""
    name = "".join(c if c.isprintable() else "_" for c in device.translate(_NOT_IN_A_NAME))
    return name.lstrip(".") or "_"
