"""What a hub takes from a device's bundle: whose it is, what is new, what it applies, what it
holds for the county's review.

The bundle as a whole was already verified (signature, recipient, payload hash, ranges). Here:

1. **Whose ledger is this?** The signed manifest names the change-log id (the device's
   "origin") the sender writes under. An origin belongs to the first enrolled device that
   used it, for good: never to the hub, never to another device, revoked or not (a found
   laptop is re-enrolled under its old name and keeps its origin). A device restored from a
   backup writes under a new origin, a new *incarnation* (`fieldapp.services.incarnation`): the
   hub binds it to the same device, resets its bundle counter and sends it everything again.
2. **What is new?** Changes the hub holds already (logged or held) are skipped; the same id
   with other content is a copied ledger and refuses the bundle; the sender's own changes
   must continue its sequence without a gap (held changes count as received).
3. **What may land?** Every new change meets the trust rules (`fieldapp.services.trust_check`
   .screen); those refused are held in `held_changes` with the rule and reason, never
   applied, never forwarded, and reported back to the sender in its next answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from fieldapp.domain.dates import china_minute, vouched_today
from fieldapp.domain.numbers import device_part
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.services.trust import NUMBERED, Origins, Verdict, printable
from fieldapp.services.trust_check import (
    Refusal,
    claims_batched,
    claims_of,
    claims_paying,
    household_members,
    named_actor,
    policy_judge,
    screen,
)
from fieldapp.store import replica
from fieldapp.store.changelog import Change
from fieldapp.store.held import HeldChanges
from fieldapp.store.hlc import parse_stamp
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import Peer, SyncState
from fieldapp.sync.bundle import Manifest
from fieldapp.sync.errors import BundleRefused

RESTORED_HINT = template(
    "如果这台电脑的台账是从备份恢复的，请在电脑上执行 fieldapp sync restored"
    "（或在「同步」页点「上传并接收」，按提示确认台账是从备份拷回来的），然后重新导出"
)


#: A bundle of a ledger the hub knows as another enrolled device's (%1) sent by this one (%2):
#: a ledger file copied to another laptop. Sent to the device as its sentence (`reason_said`).
LEDGER_OF_ANOTHER = template(
    "这份台账属于设备「%1」，不能由设备「%2」提交："
    "一份台账只能登记为一台设备（是不是把台账文件复制到了另一台电脑？）"
)
#: A bundle whose signed manifest names no change-log id.
NO_ORIGIN = template("清单缺少设备标识")
#: A device's (%1) bundle claiming the hub's own change-log id.
CLAIMS_THE_HUBS = template("设备「%1」的数据包自称来自县级汇总中心自己的台账，不能接受")
#: A bundle of a revoked device's (%1, revoked on %2) ledger sent by another (%3). The
#: county's clerk re-enrols at the hub's command line, which the sentence names for them.
LEDGER_OF_REVOKED = template(
    "这份台账原属设备「%1」（已于 %2 注销），不能由设备「%3」提交。如果这是找回的「%1」的电脑"
    "或用它的备份恢复的，请在县里用原名称重新登记（fieldapp hub enroll --device %1 …），"
    "不要换用新名称"
)
#: A device's (%1) bundle under a change-log id the hub holds changes of, bound to nobody.
ORIGIN_TAKEN = template("设备「%1」的数据包使用了中心已有的其他台账标识")
#: A device's (%1) change-log id giving the printed numbers' letters (%2) another id gives.
LETTERS_TAKEN = template(
    "设备「%1」的台账标识与另一台电脑的编出相同的申请编号、批次编号（都以 %2 开头），"
    "两台电脑的纸上会印出同一个编号。请在这台电脑上执行 fieldapp sync restored 换一个台账标识"
    "（上传时「同步」页会问是否换一套编号），然后重新导出；已做的修改不会丢失"
)
#: … and what the county should look into (`_taken_after`): the other device (%1), when its
#: id came (%2), how many of this laptop's claims and batches carried the numbers before (%3).
TAKEN_AFTER = template(
    "设备「%1」的台账标识 %2 才到中心，这台电脑在那之前建立的 %3 条申领、批次已经用着这套编号："
    "如果它们的纸已经打印、公示，换编号后旧纸上的编号在中心会查到设备「%1」的申领、批次。"
    "请县里核查设备「%1」的台账标识是不是有意挑成这套编号的"
)
#: Two sentences one after the other, the first ending where the second begins (。).
THEN = template("%1。%2")
#: A bundle a device (%1) exported before it was restored from a backup.
BEFORE_RESTORE = template(
    "这是设备「%1」从备份恢复之前导出的数据包，已经过时（中心已改收它恢复后的数据包）"
)
#: What the clerk is told at an import (`hub import`, the HTTP service's log) of a device's
#: (%1) bundle that starts a new incarnation in place of the one it had (`note_restore`).
RESTORED_AT_HUB = template(
    "设备「%1」的台账是从备份恢复的：换了台账标识，中心从此以恢复后的台账为准；"
    "如果这台设备并没有恢复过台账，请马上核查（台账可能被复制到了别的电脑）"
)
#: Who on the device a restore is recorded as when its bundle names nobody under its new
#: change-log id (`restorer`): never empty, said as it is.
RESTORER_UNSAID = "未写明（恢复后还没有新的修改）"
#: A change (%1, its id) under a number the hub holds with other content; what a restored
#: device does (%2, `RESTORED_HINT`).
NUMBER_REUSED = template(
    "修改 %1 的序号已用于另一条内容不同的修改（台账文件被复制过，或从备份恢复过）。%2"
)
#: A device's changes missing from the one numbered %1 on.
MISSING_FROM = template(
    "从第 %1 号修改起缺失，请在设备上执行 fieldapp sync export --full（中心从备份恢复过时会这样）"
)


def claim_origin(
    ledger: Ledger,
    state: SyncState,
    peer: Peer,
    manifest: Manifest,
    changes: Sequence[Change] = (),
) -> bool:
    """Check and record whose change log the bundle comes from; True for a new incarnation.

    Refuses (the whole bundle, nothing written) a bundle that claims the hub's own origin or
    one bound to another device, and a stale bundle of an incarnation the device has left.
    `changes`: the bundle's, which say whether its claims and batches printed their numbers
    before another device's id giving the same letters came (`_taken_after`).
    """
    origin = manifest.sender.device_id
    if origin is None:
        raise BundleRefused("invalid", said(NO_ORIGIN))
    if origin == ledger.device_id:
        raise BundleRefused("foreign_change", said(CLAIMS_THE_HUBS, peer.name))
    owner = state.origin_owner(origin)
    if owner is not None and owner != peer.name:
        holder = state.peer(owner)
        if holder is not None and holder.revoked_at:
            revoked = china_minute(holder.revoked_at)
            raise BundleRefused(
                "foreign_change", said(LEDGER_OF_REVOKED, owner, revoked, peer.name)
            )
        raise BundleRefused("foreign_change", said(LEDGER_OF_ANOTHER, owner, peer.name))
    if owner is None:
        if replica.max_seq(ledger.db, origin) or HeldChanges(ledger.db).max_seq(origin):
            raise BundleRefused("foreign_change", said(ORIGIN_TAKEN, peer.name))
        clash, other = _letters_taken(ledger, state, origin)
        if clash:
            taken = said(LETTERS_TAKEN, peer.name, clash)
            after = _taken_after(state, other, origin, changes)
            raise BundleRefused(
                "number_clash", taken if after is None else said(THEN, taken, after)
            )
        state.bind_origin(origin, peer.name)
    elif peer.origin is not None and origin != peer.origin:
        raise BundleRefused("replay", said(BEFORE_RESTORE, peer.name))
    fresh = origin != peer.origin
    if fresh:
        state.set_origin(peer.name, origin)
        if peer.origin is not None:
            # A new incarnation: its counters restarted from the backup, and it may lack
            # anything sent since; the next answer is complete, as for a new device.
            state.set_counters(peer.name, serial_in=0)
            state.forget_sent(peer.name)
    return fresh


def note_restore(
    ledger: Ledger, state: SyncState, before: Peer, manifest: Manifest, changes: Sequence[Change]
) -> bool:
    """After `claim_origin` took a new incarnation: record it for the county when it takes the
    place of one the device had (`hub_device_events`, event `restored`, in the import's
    transaction); True when it did. `before`: the device as the hub held it before the claim.

    A device's first bundle is no restore, nor its first since the county enrolled it anew (a
    new laptop's own fresh ledger in place of a lost one's). Any other new change-log id is a
    ledger restored from a backup or copied back — or a stolen copy of it "restored" elsewhere,
    which from now on is the device at the hub: the clerk must know (`RESTORED_AT_HUB`)."""
    origin = manifest.sender.device_id
    if origin is None or before.origin is None or origin == before.origin:
        return False
    log = HubLog(ledger.db)
    if not log.synced_since_enrolment(before.name):
        return False
    peer = state.peer(before.name) or before
    by = restorer(changes, origin)
    log.record_device_event(
        peer.name, "restored", str(peer.device_role), peer.area_code, peer.key_id, by
    )
    return True


def restored_said(device: str) -> Sentence:
    """What the clerk is told of `device`'s bundle that `note_restore` recorded."""
    return said(RESTORED_AT_HUB, device)


def restorer(changes: Sequence[Change], origin: str) -> str:
    """Who on the device a restore is recorded as: the author (``姓名@设备名``) of the bundle's
    latest change (by its number) under its new change-log id `origin` — the bundle names no
    sender user, and what was made since the restore is that person's — escaped as a device's
    words are (`printable`); `RESTORER_UNSAID` when it holds none. The device's own word: a
    copy restored elsewhere may write any name."""
    own = [c for c in changes if c.device_id == origin and c.author.strip()]
    if not own:
        return RESTORER_UNSAID
    return printable(max(own, key=lambda c: c.seq).author.strip())


def _letters_taken(ledger: Ledger, state: SyncState, origin: str) -> tuple[str, str]:
    """The letters a printed number takes from `origin` (`numbers.device_part`) and the other
    change-log id the hub knows that gives them too (any device's, revoked or not, an earlier
    incarnation's, the hub's own, or one only its log holds); ('', '') when none does. A device
    picks its id: left alone, a tampered one tries ids until one prints another's numbers."""
    letters = device_part(origin)
    known = {ledger.device_id, *state.origin_names(), *replica.vector(ledger.db)} - {origin}
    other = next((k for k in sorted(known) if device_part(k) == letters), "")
    return (letters, other) if other else ("", "")


def _taken_after(
    state: SyncState, other: str, origin: str, changes: Sequence[Change]
) -> Sentence | None:
    """What the county should look into when the bundle's own claims and batches were made —
    their numbers printed — before the clashing id `other` was bound to its device: a tampered
    program may have read the letters off this laptop's papers and taken an id giving them
    before its first upload (the hub meets a laptop's id only then). The hub cannot tell from
    stamps which one is honest (either may forge its own), so it says it, for people; None when
    no such row is in the bundle or `other` is no device's."""
    owner, bound = state.origin_owner(other), state.bound_at(other)
    try:
        since = dt.datetime.fromisoformat(bound).timestamp() * 1000 if bound else None
    except ValueError:
        since = None
    if owner is None or since is None:
        return None
    made = {
        (c.tbl, c.row_id)
        for c in changes
        if c.device_id == origin and c.tbl in NUMBERED and parse_stamp(c.hlc)[0] < since
    }
    if not made:
        return None
    return said(TAKEN_AFTER, printable(owner), china_minute(bound), str(len(made)))


def new_changes(
    ledger: Ledger, state: SyncState, peer: Peer, changes: Sequence[Change]
) -> list[Change]:
    """The bundle's changes the hub neither logged nor holds yet.

    One of the sender's own ids with other content than the hub's copy is a copied (or
    restored) ledger and refuses the bundle; another device's id with other content is just a
    forged change, which the trust rules hold like any other.
    """
    own = set(state.origins_of(peer.name))
    stored = replica.stored_rows(ledger.db, changes)
    stored.update(HeldChanges(ledger.db).stored_rows(changes, peer.name))
    if not stored:
        return list(changes)  # all new (a device's first upload, and most later ones)
    new = []
    for change in changes:
        row = stored.get(change.id)
        if row is None:
            new.append(change)
        elif row != change.as_row():
            if change.device_id in own:
                raise BundleRefused(
                    "reused_seq", said(NUMBER_REUSED, change.id, said(RESTORED_HINT))
                )
            new.append(change)
    return new


def admit(
    ledger: Ledger,
    state: SyncState,
    peer: Peer,
    manifest: Manifest,
    new: Sequence[Change],
    values: Mapping[str, Verdict] | None = None,
    columns: Mapping[str, Collection[str]] | None = None,
    asked: Collection[tuple[str, str]] | None = None,
    vouched_ms: int | None = None,
) -> tuple[list[Change], list[Refusal]]:
    """The bundle's new changes split into those to apply and those to hold (see module).

    `values`: the value checks of the bundle's changes made ahead (`trust_check.values_ahead`).
    `columns`: the ledger's `replica.data_columns`, when the caller has them already;
    `asked`: the rows the screen reads first, worked out ahead (`trust_check.rows_ahead`).
    `vouched_ms`: the time the devices' changes vouch for while the hub's clock is doubted as
    behind (`hub.own_clock.vouched`), which stamps are judged ahead of instead.
    """
    if manifest.received > peer.serial_out:
        # The device imported answers this hub does not remember making: the hub was restored
        # from a backup (docs/hub.md). Its next answer is numbered past what the device saw
        # (else the device refuses it as a replay) and is complete, as for a new device (the
        # device holds what the lost answers carried; what it is sent twice it skips). Only
        # this device's own answers depend on the number it names.
        state.set_counters(peer.name, serial_out=manifest.received)
        state.forget_sent(peer.name)
    own = set(state.origins_of(peer.name))
    _check_gaps(ledger, HeldChanges(ledger.db), own, new)
    return judged(ledger, state, peer, new, values, columns, asked, vouched_ms, own=own)


def judged(
    ledger: Ledger,
    state: SyncState,
    peer: Peer,
    new: Sequence[Change],
    values: Mapping[str, Verdict] | None = None,
    columns: Mapping[str, Collection[str]] | None = None,
    asked: Collection[tuple[str, str]] | None = None,
    vouched_ms: int | None = None,
    *,
    own: Collection[str] | None = None,
) -> tuple[list[Change], list[Refusal]]:
    """`peer`'s changes `new` split by the trust rules as `admit` splits a bundle's (which it
    does once the bundle's numbering is checked): also the county's re-judging of changes it
    holds (`hub.rejected.rejudge`), as from their device, now. `own`: `peer`'s change-log ids,
    when the caller read them already (`admit`: one read a bundle)."""
    own = set(state.origins_of(peer.name) if own is None else own)
    origins = Origins(
        own=frozenset(own),
        hub=ledger.device_id,
        owners=_owners(state, own),
    )
    # Its refusals are kept and shown to the county and the device: places by their names —
    # but where a row outside its area lies now, not the device's to learn from a reason
    # (`Actor.unsaid_elsewhere`; a repeat's first claim likewise, `trust_check.repeat_place`).
    actor = named_actor(ledger, peer.device_role, peer.area_code, peer.name)
    # A user the hub knows is disabled on the device writes nothing more through any copy of
    # its ledger (`trust.check_author`).
    actor = dataclasses.replace(
        actor,
        unsaid_elsewhere=True,
        disabled_users=HubLog(ledger.db).disabled_users(peer.name),
    )
    known = replica.data_columns(ledger.db) if columns is None else columns
    fields = {t: frozenset(f) for t, f in known.items()}
    # A claim asking more than the county's policy pays is held too (the hub's own policy),
    # and one dated after the day it arrives (the hub's own clock: the device's is its word;
    # the day its devices' changes vouch for while its clock is doubted as behind).
    return screen(
        ledger.db, actor, origins, new, fields, values, asked,
        paid=policy_judge(ledger, repeats=not actor.county_level, told=actor),
        arrived=vouched_today(vouched_ms),
        paying=claims_paying(ledger), awaiting=claims_of(ledger),
        members=household_members(ledger), batched=claims_batched(ledger),
        vouched_ms=vouched_ms,
    )  # fmt: skip


def _owners(state: SyncState, own: set[str]) -> dict[str, tuple[str, bool]]:
    revoked = {p.name: bool(p.revoked_at) for p in state.peers("device")}
    return {
        origin: (name, revoked.get(name, False))
        for origin, name in state.origin_names().items()
        if origin not in own
    }


def _check_gaps(ledger: Ledger, held: HeldChanges, own: set[str], new: Sequence[Change]) -> None:
    """Each own origin's new changes continue its sequence (held ones count as received)."""
    by_origin: dict[str, list[int]] = {}
    for change in new:
        if change.device_id in own:
            by_origin.setdefault(change.device_id, []).append(change.seq)
    for origin, seqs in by_origin.items():
        seqs.sort()
        start = max(replica.max_seq(ledger.db, origin), held.max_seq(origin)) + 1
        expected = list(range(start, start + len(seqs)))
        if seqs != expected:
            missing = next((e for s, e in zip(seqs, expected, strict=True) if s != e), start)
            raise BundleRefused("gap", said(MISSING_FROM, str(missing)))


def hold(ledger: Ledger, peer: Peer, manifest: Manifest, refusals: Sequence[Refusal]) -> None:
    """Keep the refused changes for the county's review (inside the import's transaction)."""
    held = HeldChanges(ledger.db)
    for refusal in refusals:
        verdict = refusal.verdict
        held.add(
            peer.name,
            refusal.change,
            verdict.rule,
            verdict.reason,
            manifest.bundle_id,
            verdict.said,
        )
