"""The policy in force on a ledger, and how the county's packs reach it.

The county sets the rules and every device follows:

- on the hub, `publish` checks a county pack against the built-in one, signs it with the hub's
  key and writes it to the county-wide `policy_packs` table; the next answer bundle carries it
  to every device;
- on a device, `load_policy` uses the newest published pack whose hub signature verifies and
  which combines with the built-in pack; anything else is refused with its reason and the
  previous pack stays in force. `adopt_hub_packs` (run after each import) keeps a copy of the
  pack in force in the ledger's local settings, so a row damaged later cannot take it away,
  and says "政策包已更新：…（县人社局 某人社通〔2026〕x号）" when it changed;
- coordinator and township devices take their rules from the county only: a pack installed by
  hand is refused there (`install_local`) and one found in the data folder is not used.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nacl.signing import SigningKey

from fieldapp import __version__
from fieldapp.domain.dates import china_minute
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import (
    Sentence,
    Word,
    fill,
    listed,
    said,
    sentence_json,
    sentence_or_none,
    template,
)
from fieldapp.policy.combine import check_figure_documents, check_new_pack, combine
from fieldapp.policy.pack import (
    NEEDS_PROGRAM,
    PACK_NAMED,
    NewerPack,
    PackError,
    PackFile,
    Policy,
)
from fieldapp.policy.packfile import (
    check_words_written,
    needed_program,
    parse_pack_text,
    program_version,
    stamp_requires,
)
from fieldapp.policy.published import PublishedPack
from fieldapp.policy.registry import NamedPack, PolicyRegistry, is_newer_version
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState, now_text

#: The ledger setting holding the copy of the hub pack in force.
ADOPTED = "policy.adopted"
#: The county's refused drafts already told on this device (a JSON list of their ids).
DRAFTS_TOLD = "policy.drafts_told"

#: Devices whose rules come from the county only.
COUNTY_RULED = frozenset({Role.COORDINATOR, Role.TOWNSHIP})


class PolicyRefused(FieldappError):
    """A policy change this ledger may not make (a local install on a village device…)."""


@dataclass
class PolicyState:
    """The policy in force on a ledger, the hub pack it rests on, and what was refused."""

    policy: Policy
    role: Role | None
    hub_pack: PublishedPack | None
    #: What was not taken into force, and why, as sentences a window says in its language.
    said: list[Sentence] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """`said` in Chinese, a line each."""
        return [str(s) for s in self.said]


@dataclass
class Adopted:
    """What `adopt_hub_packs` did: the policy now in force and, when it changed, the notice."""

    policy: Policy
    changed: bool
    message: str
    #: The notice as sentences (the pack now in force, claims at an old figure): a window says
    #: them in its language; `message` is their Chinese, a line each.
    said: list[Sentence] = field(default_factory=list)
    #: A pack not taken, a county edition refused: said in the window's language.
    warnings_said: list[Sentence] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """`warnings_said` in Chinese (the command line's)."""
        return [str(w) for w in self.warnings_said]


# -- who this ledger is -----------------------------------------------------------------------


def ledger_role(ledger: Ledger) -> Role | None:
    """The role the hub gave this ledger (Role.HUB on the hub); None when not enrolled."""
    identity = SyncState(ledger.db).identity()
    if identity is None:
        return None
    if identity.role == "hub":
        return Role.HUB
    role = getattr(identity, "device_role", None)
    return role if isinstance(role, Role) else Role.COORDINATOR


def hub_sign_key(ledger: Ledger) -> bytes | None:
    """The hub's public signing key: pinned at enrolment on a device, its own on the hub."""
    state = SyncState(ledger.db)
    identity = state.identity()
    if identity is not None and identity.role == "hub":
        return bytes(SigningKey(identity.sign_secret).verify_key)
    hubs = state.peers("hub")
    return hubs[0].sign_public if hubs else None


def published(ledger: Ledger) -> list[PublishedPack]:
    """Every pack in the ledger's county-wide table, newest publication first."""
    return [PublishedPack.from_row(r) for r in policy_packs.published_rows(ledger.db)]


def _adopted(ledger: Ledger) -> PublishedPack | None:
    text = ledger.get_meta(ADOPTED)
    if not text:
        return None
    try:
        return PublishedPack.from_row(json.loads(text))
    except (ValueError, TypeError):
        return None


def adopted_version(ledger: Ledger) -> str:
    """The version of the county pack in force here ('' when it is the built-in one): what a
    device tells the hub it runs (a pack received but not taken into force is not it)."""
    adopted = _adopted(ledger)
    return adopted.version if adopted is not None else ""


#: A pack the hub sent is now in force: its title, and who issued it under which document.
UPDATED = template("政策包已更新：%1（%2）")
UPDATED_UNISSUED = template("政策包已更新：%1")


def _notice(pack: PackFile) -> Sentence:
    """'政策包已更新：…（县人社局 某人社通〔2026〕x号）' as a template and its parts (the title,
    authority and document are the pack's own words, said as written)."""
    header = pack.pack
    issued = " ".join(x for x in (header.authority, header.document) if x)
    return said(UPDATED, header.title, issued) if issued else said(UPDATED_UNISSUED, header.title)


# -- the policy in force ------------------------------------------------------------------------

#: Why a county pack is not used (`hub_choice`), each naming it as `PublishedPack.said` does.
UNENROLLED = template("本台账尚未登记到县级汇总中心，县里下发的政策包无法核验，暂不使用")
NOT_THE_HUBS = template("%1的签名与县级汇总中心不符（可能被改动，或不是县级汇总中心签发），未启用")
SIGNED_BY_LATER = template(
    "%1要用更新版本的程序才能启用（本机的程序是 %2 版，县里是用更新的程序签发的），"
    "请升级本机程序；该政策包未启用"
)
UNUSABLE = template("%1不能使用：%2；该政策包未启用")
STILL_USING = template("仍使用%1")
STILL_BUILT_IN = template("仍使用内置政策包")
#: A county-ruled device (its kind) with packs in its data folder (their file names; the
#: folder, for the clerk to find and empty: it is the user's data folder, not the ledger's).
FOLDER_UNUSED = template(
    "本机为%1设备，政策由县里统一下发；本机政策包文件夹 %3 里的政策包（%2）不使用，可以删去"
)
#: The hub's data folder holds packs (%1 their files, %2 the folder): the hub judges every
#: device's claims by the packs it published (signed, recorded, sent to the devices), never by a
#: file anyone who can write to the folder put there.
HUB_FOLDER_UNUSED = template(
    "汇总中心只按已签发的县级政策包审核各设备的修改；本机政策包文件夹 %2 里的政策包（%1）不使用，"
    "可以删去。要改政策，请签发新版本"
)
#: The packs installed by hand do not combine (the pack's file, line and problem).
LOCAL_UNUSED = template("%1；本机安装的政策包未启用")


def hub_choice(
    ledger: Ledger, base: Sequence[NamedPack]
) -> tuple[PublishedPack | None, list[Sentence]]:
    """The newest hub pack that verifies and combines with `base`, and why newer ones did not."""
    key = hub_sign_key(ledger)
    adopted = _adopted(ledger)
    rows = published(ledger)
    if key is None:
        note = [said(UNENROLLED)] if rows else []
        return None, note
    pool = rows + ([adopted] if adopted is not None else [])
    pool.sort(key=lambda p: p.seq, reverse=True)
    warnings: list[Sentence] = []
    for pack in pool:
        if not pack.verified_by(key):
            warnings.append(said(NOT_THE_HUBS, pack.said))
            continue
        try:
            combine([*base, (pack.name, pack.read())])
        except NewerPack as error:
            warnings.append(said(NEEDS_PROGRAM, pack.said, error.requires, error.running))
            continue
        except PackError as error:
            if error.invalid:  # the hub checked what it signed: a later program wrote it
                warnings.append(said(SIGNED_BY_LATER, pack.said, __version__))
            else:
                warnings.append(said(UNUSABLE, pack.said, error.problem))
            continue
        if warnings:
            warnings.append(said(STILL_USING, pack.said))
        return pack, warnings
    if warnings:
        warnings.append(said(STILL_BUILT_IN))
    return None, warnings


def load_policy(ledger: Ledger, registry: PolicyRegistry | None = None) -> PolicyState:
    """The policy in force on `ledger` (nothing is written)."""
    registry = registry or PolicyRegistry()
    role = ledger_role(ledger)
    choice, warnings = hub_choice(ledger, registry.base_files())
    hub: list[NamedPack] = [(choice.name, choice.read())] if choice is not None else []
    # The hub judges every device's claims by the policy in force on its ledger: by the packs
    # it published only, never by a file dropped into the data folder of the account it runs
    # under (nothing signed, recorded or sent to the devices; the figures it checks claims
    # against changed by whoever can write there).
    local = role not in COUNTY_RULED and role is not Role.HUB
    if not local and registry.local_names():
        assert role is not None
        names = listed(registry.local_names())  # (file names, said as written)
        if role is Role.HUB:
            warnings.append(said(HUB_FOLDER_UNUSED, names, str(registry.local)))
        else:
            kind = Word(role.device_kind, common=True)
            warnings.append(said(FOLDER_UNUSED, kind, names, str(registry.local)))
    try:
        policy = registry.load(hub, local=local)
    except PackError as error:
        if not local:
            raise
        warnings.append(said(LOCAL_UNUSED, str(error)))
        policy = registry.load(hub, local=False)
    return PolicyState(policy, role, choice, warnings + registry.said)


def policy_in_force(ledger: Ledger, registry: PolicyRegistry | None = None) -> Policy:
    """The policy in force on `ledger`."""
    return load_policy(ledger, registry).policy


def adopt_hub_packs(ledger: Ledger, registry: PolicyRegistry | None = None) -> Adopted:
    """Make the newest good hub pack the one in force and keep a copy (run after an import);
    a county edition the hub sent back unsigned is told, once."""
    state = load_policy(ledger, registry)
    before = _adopted(ledger)
    chosen = state.hub_pack
    changed = chosen is not None and (before is None or chosen.as_row() != before.as_row())
    notice: list[Sentence] = []
    if changed and chosen is not None:
        with ledger.transaction():
            ledger.set_meta(ADOPTED, json.dumps(chosen.as_row(), ensure_ascii=False))
        # Claims made here before the new standard came are said, each with both figures.
        from fieldapp.services.claims import claims_at_another_figure_said

        notice = [_notice(chosen.read()), *claims_at_another_figure_said(ledger, state.policy)]
    message = "\n".join(str(s) for s in notice)
    # The county's refused editions are never told on a village or township device (an older
    # hub sent its drafts to every device: they have no editor to put them right in).
    warnings = state.said + ([] if state.role in COUNTY_RULED else _refused_drafts(ledger))
    return Adopted(state.policy, changed, message, notice, warnings)


#: A county edition the hub refused: the pack's title and edition (or its edition alone, or
#: neither, when the draft does not say), the hub's reason as it wrote it.
DRAFT_REFUSED = template(
    "县级政策包“%1”（%2 版）未签发：%3；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交"
)
DRAFT_REFUSED_EDITION = template(
    "县级政策包（%1 版）未签发：%2；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交"
)
DRAFT_REFUSED_UNNAMED = template(
    "县级政策包未签发：%1；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交"
)
NO_REASON = template("汇总中心未说明原因")


def _draft_refused(draft: dict[str, object]) -> Sentence:
    """'县级政策包“…”（2026.1 版）未签发：…' — the pack named by its title and edition as the
    county wrote them (not its program id), the hub's reason as the hub wrote it."""
    reason = draft_note(draft.get("status_note")) or said(NO_REASON)
    title, version = "", str(draft.get("version") or "")
    try:
        header = parse_pack_text(str(draft.get("text") or ""), "county.toml").pack
        title, version = header.title, header.version
    except PackError:
        pass  # (a draft damaged on the way: its edition as the row says it)
    if title and version:
        return said(DRAFT_REFUSED, title, version, reason)
    return (
        said(DRAFT_REFUSED_EDITION, version, reason)
        if version
        else said(DRAFT_REFUSED_UNNAMED, reason)
    )


def _refused_drafts(ledger: Ledger) -> list[Sentence]:
    """The county's editions the hub refused since last told, in the clerk's words."""
    refused = policy_packs.drafts(ledger.db, policy_packs.REFUSED)
    if not refused:
        return []
    try:
        told = set(json.loads(ledger.get_meta(DRAFTS_TOLD) or "[]"))
    except ValueError:
        told = set()
    new = [d for d in refused if str(d["id"]) not in told]
    if not new:
        return []
    with ledger.transaction():
        ledger.set_meta(
            DRAFTS_TOLD, json.dumps(sorted(told | {str(d["id"]) for d in new}), ensure_ascii=False)
        )
    return [_draft_refused(d) for d in new]


# -- changing it --------------------------------------------------------------------------------


#: A county-ruled device (its kind) refusing a pack installed by hand.
NO_LOCAL_INSTALL = template(
    "本机为%1设备，政策由县里统一制定、经县级汇总中心下发，不能在本机安装政策包"
)


#: The hub's ledger refusing a pack installed by hand (it would judge the devices' claims by
#: a pack no device has, published to none).
HUB_NO_LOCAL_INSTALL = template(
    "汇总中心的政策包要签发后才启用（签发的版本发给各设备，各设备和中心按同一个版本审核），"
    "不能在中心安装政策包；请签发新版本"
)


def install_local(ledger: Ledger, path: Path, registry: PolicyRegistry | None = None) -> Policy:
    """Install a pack by hand; refused on devices whose rules come from the county, and on
    the hub, whose packs are published."""
    registry = registry or PolicyRegistry()
    role = ledger_role(ledger)
    if role is Role.HUB:
        raise PolicyRefused(said(HUB_NO_LOCAL_INSTALL))
    if role in COUNTY_RULED:
        assert role is not None
        raise PolicyRefused(said(NO_LOCAL_INSTALL, Word(role.device_kind, common=True)))
    choice, _ = hub_choice(ledger, registry.base_files())
    hub = [(choice.name, choice.read())] if choice is not None else []
    return registry.install(path, hub)


#: The hub's refusals to publish: only the hub publishes; an edition already published, or one
#: older than the newest published — the pack by its title and edition as the county wrote
#: them (not its program id).
HUB_ONLY = template("只有县级汇总中心能发布政策包")
#: A pack (%1, `PACK_NAMED`) stating a later program (%2) than the hub's (%3): not signed (the
#: caller says so once, `NEEDS_PROGRAM`'s 该政策包未启用 is a device's).
NEEDS_PROGRAM_TO_SIGN = template(
    "%1要用 %2 版或更新版本的程序才能签发（本机的程序是 %3 版），请升级本机程序"
)
PUBLISHED_BEFORE = template("政策包“%1”的 %2 版已于 %3 发布，请改用新的版本号")
NEWER_PUBLISHED = template(
    "已发布政策包“%1”的 %2 版，比 %3 版新；要恢复旧版的内容，请用新的版本号发布"
)
#: A device other than the county's asked to submit the county's pack.
SUBMIT_COUNTY_ONLY = template("本机为%1设备：只有县级设备能把县级政策包提交汇总中心签发")
SUBMIT_UNENROLLED = template(
    "本机为未登记到汇总中心的设备：只有县级设备能把县级政策包提交汇总中心签发"
)
#: The same edition submitted again while the hub has not answered it (%1: its version).
SUBMITTED_ALREADY = template(
    "%1 版已提交，正在等待县级汇总中心签发：下次与汇总中心交换数据时签发，不必再提交"
)
#: Another edition while one (%1) waits: it would get the same version, which the hub 退回.
SUBMITTED_WAITING = template(
    "已提交的 %1 版还在等待县级汇总中心签发：请先与汇总中心交换数据，收到签发结果后再提交新的修改"
)


#: A county pack that does not name the built-in pack it extends (`extends`, its key).
NO_EXTENDS = template("县级政策包必须用 extends 写明所扩展的基础政策包")


def publish(
    hub_ledger: Ledger, text: str, name: str, registry: PolicyRegistry | None = None
) -> PublishedPack:
    """Hub side: check a county pack, sign it and queue it for every device.

    Refuses (PackError / PolicyRefused) a pack that does not combine with the built-in pack, a
    version already published, or a ledger that is not the hub's.
    """
    registry = registry or PolicyRegistry()
    state = SyncState(hub_ledger.db)
    identity = state.identity()
    if identity is None or identity.role != "hub":
        raise PolicyRefused(said(HUB_ONLY))
    try:
        pack = parse_pack_text(text, name)
    except NewerPack as error:  # said as a pack not signed, once: not as one not taken
        named = said(PACK_NAMED, name)
        refusal = said(NEEDS_PROGRAM_TO_SIGN, named, error.requires, error.running)
        raise PackError(name, None, refusal, named=True) from None
    check_words_written(text, name)  # the county's words as written: not one kept silently
    if not pack.pack.extends:
        raise PackError(name, None, said(NO_EXTENDS))
    text, pack = _with_requires(text, name, pack)
    base = registry.base_files()
    check_new_pack(base, name, pack)
    policy = combine([*base, (name, pack)], source="hub")
    check_figure_documents(name, pack, policy, _last_published(hub_ledger, pack.pack.id))
    header = pack.pack
    title = header.title  # (every pack has one: `PackHeader` refuses a pack without)
    with hub_ledger.transaction():
        for earlier in published(hub_ledger):
            if (earlier.pack_id, earlier.version) == (header.id, header.version):
                when = china_minute(earlier.published_at)
                raise PolicyRefused(said(PUBLISHED_BEFORE, title, header.version, when))
            if earlier.pack_id == header.id and is_newer_version(earlier.version, header.version):
                # The newest published is the one in force: an old file sent again would
                # replace the county's current rules on every device.
                raise PolicyRefused(said(NEWER_PUBLISHED, title, earlier.version, header.version))
        record = PublishedPack(
            header.id, header.version, policy_packs.next_seq(hub_ledger.db), now_text(), text
        ).signed(identity.sign_secret)
        hub_ledger.insert(
            policy_packs.TABLE,
            record.as_row(),
            row_id=policy_packs.row_id(header.id, header.version),
        )
        hub_ledger.set_meta(ADOPTED, json.dumps(record.as_row(), ensure_ascii=False))
    return record


#: A pack stating an earlier program (%1) than what it uses (%2, in the clerk's words) needs
#: (%3). The keys (`requires`, what it uses as the pack writes it) are the command line's
#: (`REQUIRES_KEYS`, `PackError.cli_hint`).
REQUIRES_EARLIER = template(
    "政策包写明要求 %1 版的程序，但用到了%2，%3 版的程序起才认识："
    "请改为要求 %3 版（或删去这一要求，签发时自动写明）"
)
#: … as the pack's author writes it (%1 the version needed, %2 what asks for it: figure_from).
REQUIRES_KEYS = 'requires = "%1"（%2 要求）'


def _with_requires(text: str, name: str, pack: PackFile) -> tuple[str, PackFile]:
    """The pack stating the program it needs (`requires`): stamped when it uses what an earlier
    program does not know and states nothing, so that such a device refuses it saying to
    upgrade; refused when it states an earlier program than what it uses needs."""
    needed = needed_program(text)
    if needed is None:
        return text, pack
    version, what, written = needed
    stated = pack.pack.requires
    if stated is None:
        text = stamp_requires(text, version)
        return text, parse_pack_text(text, name)
    if (program_version(stated) or ()) < (program_version(version) or ()):
        keys = fill(REQUIRES_KEYS, (version, written))
        problem = said(REQUIRES_EARLIER, stated, Word(what, common=True), version)
        raise PackError(name, None, problem, keys=keys)
    return text, pack


def _last_published(ledger: Ledger, pack_id: str) -> PackFile | None:
    """The newest edition of the county's pack `pack_id` published before, if any."""
    for record in published(ledger):
        if record.pack_id == pack_id:
            try:
                return record.read()
            except PackError:
                return None
    return None


# -- the county editor on a county device: drafts the hub publishes ----------------------------


def county_pack_in_force(ledger: Ledger, registry: PolicyRegistry | None = None) -> PackFile | None:
    """The county's pack the ledger follows (the one the county editor starts from)."""
    state = load_policy(ledger, registry)
    return state.hub_pack.read() if state.hub_pack is not None else None


def submit_draft(
    ledger: Ledger, text: str, note: str = "", registry: PolicyRegistry | None = None
) -> str:
    """County device: check the county's next pack and queue it for the hub to sign; its row id.

    Refused on any other device (the hub publishes only what a county device submits, and checks
    again), and refused with the pack's own reason when it does not pass `policy check`.
    """
    registry = registry or PolicyRegistry()
    role = ledger_role(ledger)
    if role is not Role.COUNTY:
        if role is None:
            raise PolicyRefused(said(SUBMIT_UNENROLLED))
        raise PolicyRefused(said(SUBMIT_COUNTY_ONLY, Word(role.device_kind, common=True)))
    pack = parse_pack_text(text, "county.toml")
    check_words_written(text, "county.toml")
    base = registry.base_files()
    check_new_pack(base, "county.toml", pack)
    policy = combine([*base, ("county.toml", pack)], source="hub")
    check_figure_documents("county.toml", pack, policy, _last_published(ledger, pack.pack.id))
    # One draft of a version: a second (提交 pressed again, or another edition made before the
    # hub answered, numbered the same) would be 退回 by the hub once the first is signed.
    for waiting in policy_packs.drafts(ledger.db, policy_packs.PENDING):
        if waiting["pack_id"] == pack.pack.id and waiting["version"] == pack.pack.version:
            same = waiting["text"] == text
            raise PolicyRefused(
                said(SUBMITTED_ALREADY if same else SUBMITTED_WAITING, pack.pack.version)
            )
    fields = {
        "text": text,
        "note": note,
        "status": policy_packs.PENDING,
        "status_note": "",
        "pack_id": pack.pack.id,
        "version": pack.pack.version,
    }
    with ledger.transaction():
        return ledger.insert(policy_packs.DRAFTS, fields)


@dataclass
class DraftOutcome:
    """What the hub did with one county draft."""

    draft_id: str
    device: str
    published: PublishedPack | None
    reason: str = ""
    #: `reason` as its sentence (None: refused in words of its own, `PackError`'s text).
    said: Sentence | None = None


#: The hub's answer to a county draft (`publish_drafts`, its `status_note`): published as
#: which edition (%1) under which number (%2) …
PUBLISHED_AS = template("已签发为 %1（第 %2 号）")
#: … or refused, sent by a device (%1) not enrolled as the county's, or by none enrolled.
NOT_COUNTY_DRAFT = template("只有县级设备能提交县级政策包（提交设备：%1）")
NOT_COUNTY_DRAFT_UNKNOWN = template("只有县级设备能提交县级政策包（提交设备：未登记）")


def draft_note(note: object) -> str | Sentence:
    """A draft's answer as the hub wrote it (`status_note`): its sentence, kept as its JSON
    (`sentences.sentence_json`) so the county's window says it in its language; a row the hub
    answered before (its Chinese text) as it is ('' for none)."""
    if not isinstance(note, str) or not note:
        return ""
    return sentence_or_none(note) or note


def publish_drafts(
    hub_ledger: Ledger, registry: PolicyRegistry | None = None
) -> list[DraftOutcome]:
    """Hub: publish the drafts county devices submitted (run after each import).

    Only a device enrolled as county may submit; each draft is checked and signed like a pack
    given to `hub policy publish`, and the answer (published as which version, or refused and
    why) is written back on the draft, which the next bundle carries to the county device.
    """
    state = SyncState(hub_ledger.db)
    outcomes: list[DraftOutcome] = []
    for draft in policy_packs.drafts(hub_ledger.db, policy_packs.PENDING):
        # The pack signed and the draft's answer in one transaction: signed in one and
        # answered in another, a database gone between the two left the draft 待签发, and
        # the next import answered it 退回 (its version published — by itself).
        with hub_ledger.transaction():
            owner = state.origin_owner(str(draft.get("created_device") or ""))
            peer = state.peer(owner) if owner else None
            outcome = DraftOutcome(str(draft["id"]), owner or "", None)
            if peer is None or peer.role != "device" or peer.device_role is not Role.COUNTY:
                outcome.said = (
                    said(NOT_COUNTY_DRAFT, owner) if owner else said(NOT_COUNTY_DRAFT_UNKNOWN)
                )
                outcome.reason = str(outcome.said)
            else:
                name = f"{draft.get('pack_id') or 'county'}.toml"
                try:
                    outcome.published = publish(
                        hub_ledger, str(draft.get("text") or ""), name, registry
                    )
                except (PackError, PolicyRefused) as error:
                    outcome.reason, outcome.said = str(error), error.said
            record = outcome.published
            if record is not None:
                outcome.said = said(PUBLISHED_AS, record.version, str(record.seq))
            # Its sentence as JSON (`draft_note` reads it back), or words of its own as text.
            note = sentence_json(outcome.said) if outcome.said is not None else outcome.reason
            answer = {
                "status": policy_packs.PUBLISHED if record else policy_packs.REFUSED,
                "status_note": note,
            }
            hub_ledger.update(policy_packs.DRAFTS, outcome.draft_id, answer)
        outcomes.append(outcome)
    return outcomes


def draft_answers(ledger: Ledger) -> list[dict[str, object]]:
    """The county device's drafts and what the hub answered, newest last: `status_note` its
    Chinese text, `status_said` the same as `draft_note` reads it (a sentence, or the text of
    an answer kept before)."""
    answers: list[dict[str, object]] = []
    for draft in policy_packs.drafts(ledger.db):
        note = draft_note(draft.get("status_note"))
        answers.append(draft | {"status_note": str(note), "status_said": note})
    return answers
