"""The bundle file: a clear two-line header, then a sealed zip of a signed manifest and changes.

```
FIELDAPP-BUNDLE\n
{"format":1,"to":"<recipient encryption key id>"}\n
<X25519 sealed box of: zip{ manifest.json, manifest.sig, changes.ndjson
                            [, refused.json, refused.sig: the hub's, `RefusedBundle`] }>
```

The manifest names sender and recipient, the per-device ranges and counts and the SHA-256 of
`changes.ndjson`; it is signed with the sender's Ed25519 key, then everything is encrypted to the
recipient. The header holds no personal data: only the format and which key can open the file,
and, from a device, the program it runs and the county pack it has in force (`About`: the
county's clerk asks which villages to visit to upgrade), signed with the same key over the
bundle's id. They are in the header, not the manifest, because an older program refuses a
manifest with keys it does not know and ignores the header's: an older hub still takes the
bundle, an older device simply says nothing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Annotated, Any, NoReturn, NotRequired

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from fieldapp.domain import roles, sentences
from fieldapp.domain.sentences import sentence_json
from fieldapp.store.changelog import Change, dumps
from fieldapp.store.forget import FORGET_MAX
from fieldapp.store.held import REPORT_NAME_MAX, REPORT_TEXT_MAX, report_said
from fieldapp.store.vault import BACKUP_MAGIC
from fieldapp.sync import crypto
from fieldapp.sync import errors as E
from fieldapp.sync.errors import BundleRefused

FORMAT = 1
MAGIC = b"FIELDAPP-BUNDLE\n"
MAX_HEADER = 512
#: The longest name of a device or hub a bundle can carry (`Hub.init`, `Hub.enroll` check it,
#: and the device its enrolled name: `roles.party_name_problem`).
PARTY_NAME_MAX = roles.PARTY_NAME_MAX
#: How many times its sealed size a bundle's contents may declare (a device's first bundle
#: inflates about 12 times: ~42 bytes a change compressed, ~500 as JSON). Deflate reaches a
#: thousand times on made-up data; a bundle past this is refused before it is inflated.
MAX_INFLATION = 64
#: Contents this small are never refused for their inflation (an empty bundle's manifest).
SMALL_CONTENTS = 1 << 20
#: The most changes (as ndjson) one bundle may carry, whatever its inflation: what an import
#: holds in memory and writes to its store grows with it, and a bundle past it would fill the
#: hub's disk (refused as the hub's own trouble, and sent again forever) instead of being
#: refused as the bundle's. The largest relocation site's first upload after a restore is about
#: 100 MB sealed (`hub.server.DEFAULT_MAX_UPLOAD_MB`), inflating ~12 times: 1.2 GB; this leaves
#: room above it, where the upload cap times `MAX_INFLATION` alone allowed 16 GB.
MAX_PAYLOAD_BYTES = 2 << 30
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

DeviceId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_-]{1,64}$")]
ChangeId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_-]{1,64}:[1-9][0-9]{0,17}$")]
Scalar = Annotated[str | bool | int | float | None, Field(union_mode="left_to_right")]


class Carried(BaseModel):
    """A model a bundle or an answer carries, written with no key for an optional field that
    is None: an older program's reader (`extra="forbid"`) refuses a key it does not know, and
    one it does know it reads as None when absent. So a field added later, optional and None
    (a report without its China time, to a device that does not read it), is written as the
    model was before it, whoever it goes to — no field needs remembering to leave out.

    Only what is written (JSON: `model_dump(mode="json")`, `model_dump_json`); a dump in
    Python keeps every key for the code that reads it."""

    @model_serializer(mode="wrap")
    def _none_unwritten(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data = dict(handler(self))
        if info.mode_is_json():
            for name, field in type(self).model_fields.items():
                if name in data and data[name] is None and not field.is_required():
                    del data[name]
        return data


class Party(Carried):
    """Sender or recipient of a bundle, named inside the signed manifest."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=PARTY_NAME_MAX)
    role: str = Field(pattern="^(device|hub)$")
    key_id: str = Field(pattern="^[0-9a-f]{16}$")
    device_id: DeviceId | None = None


class Range(Carried):
    """Sequence numbers of one origin device in the payload."""

    model_config = ConfigDict(extra="forbid")
    first: int = Field(ge=1)
    last: int = Field(ge=1)
    count: int = Field(ge=1)


#: A validation context's key (`Manifest.model_validate(…, context={SAID_READ: True})`): the
#: reports' sentences were read where they were made (`held.held_payload`, the hub writing an
#: answer), and are not read again. Never given where a bundle is received.
SAID_READ = "said_read"


class Report(Carried):
    """The hub's word on one of the recipient's own changes that the trust rules refused."""

    model_config = ConfigDict(extra="forbid")
    id: int = Field(ge=1)
    change_id: str = Field(pattern=r"^[0-9A-Za-z_-]{1,64}:[1-9][0-9]{0,17}$")
    rule: str = Field(max_length=40)
    reason: str = Field(max_length=REPORT_TEXT_MAX)
    received_at: str = Field(max_length=40)
    #: The same time in China time (ISO, +08:00), from a hub that knows the device reads it
    #: (`held_payload`); None from an older hub.
    received_at_china: str | None = Field(default=None, max_length=40)
    status: str = Field(pattern="^(held|accepted|dismissed)$")
    decided_at: str | None = Field(default=None, max_length=40)
    decided_by: str | None = Field(default=None, max_length=REPORT_NAME_MAX)
    decision: str | None = Field(default=None, max_length=REPORT_TEXT_MAX)
    #: The reason as its sentence (`sentences.sentence_json`'s text), from a hub that knows the
    #: device keeps it (`held.reads_said`); None from an older hub. Kept only where it reads
    #: back as a sentence this program made and says what `reason` says (`held.report_said`):
    #: anything else — a template the program did not make, another shape, too long, a
    #: sentence saying something else — reads as None, and the text is said. Never a refusal
    #: of the answer: the rest of the report, and of the answer, stands.
    reason_said: str | None = None

    @field_validator("reason_said", mode="before")
    @classmethod
    def _said_or_none(cls, value: object) -> object:
        return value if isinstance(value, str) else None

    @model_validator(mode="after")
    def _said_reads(self, info: ValidationInfo) -> Report:
        if info.context and info.context.get(SAID_READ):
            return self  # the hub's own, read as `held_payload` made it: not read again
        sentence = report_said(self.reason, self.reason_said)
        self.reason_said = None if sentence is None else sentence_json(sentence)
        return self


#: The most refused bundles one answer names (the newest).
REFUSED_MAX = 20
#: The inner files of an answer naming its recipient's refused bundles (`RefusedBundle`).
REFUSED_FILE, REFUSED_SIG = "refused.json", "refused.sig"


class RefusedBundle(Carried):
    """The hub's word on one of the recipient's own bundles it refused and why, in a
    coordinator's words: a bundle that came on a stick is refused with nobody from the
    village there to read it, so the answer the township carries back says it.

    It travels beside the manifest, not in it (`REFUSED_FILE`, signed on its own for the
    bundle): an older device refuses a manifest with keys it does not know, and reads only
    the three files it knows; this one reads an older hub's answer without it. Keys a newer
    hub adds are ignored here for the same reason."""

    model_config = ConfigDict(extra="ignore")
    #: The refused bundle's serial, and the change-log id it was written under (None when
    #: its manifest could not be read): a device that has renumbered since is past it.
    serial: int | None = Field(default=None, ge=1, le=10**18)
    origin: DeviceId | None = None
    #: Why (`errors.REASONS`' code), said for a coordinator.
    code: str = Field(max_length=40)
    words: str = Field(max_length=REPORT_TEXT_MAX)
    #: When the hub refused it (China time, as `now_text` keeps it), and how it came.
    at: str = Field(max_length=40)
    channel: str = Field(default="usb", pattern="^(usb|http)$")


#: The inner files of a device's bundle naming its users disabled (or enabled again) there
#: (`UserSaid`).
USERS_FILE, USERS_SIG = "users.json", "users.sig"
#: The most users one bundle names.
USERS_MAX = 200


class UserSaid(Carried):
    """A device's word on one of its users who was disabled there: disabled still, or enabled
    again, with when (the device's time) and by whom (`姓名@设备名`). The hub holds every change
    authored by a user it knows to be disabled on the device (`trust.check_author`), from any
    incarnation of it; a device's "enabled again" never lifts that at the hub by itself (an old
    copy of the ledger has the device's key and may say anything): the county lifts it.

    It travels beside the manifest, as `RefusedBundle` does the other way (`USERS_FILE`,
    signed on its own for the bundle): an older hub reads only the files it knows."""

    model_config = ConfigDict(extra="ignore")
    name: str = Field(min_length=1, max_length=REPORT_NAME_MAX)
    disabled: bool
    #: When it was disabled (enabled again, for one not disabled), as the device keeps it.
    at: str | None = Field(default=None, max_length=40)
    by: str | None = Field(default=None, max_length=REPORT_NAME_MAX)


def users_message(bundle_id: str, users: bytes) -> bytes:
    """The bytes the signature of a bundle's `USERS_FILE` covers: bound to its bundle."""
    return b"fieldapp-users-v1\n" + bundle_id.encode("utf-8") + b"\n" + users


#: The inner files of an answer naming rows its recipient holds only because of an offer
#: since ended (`store.forget`): a JSON list of [table, row id], signed for the bundle. Only to
#: a device that reads it (`forget.reads_forget`); an older device reads only the files it
#: knows, and an older hub's answer has none.
FORGET_FILE, FORGET_SIG = "forget.json", "forget.sig"


def forget_message(bundle_id: str, forget: bytes) -> bytes:
    """The bytes the signature of an answer's `FORGET_FILE` covers: bound to its bundle."""
    return b"fieldapp-forget-v1\n" + bundle_id.encode("utf-8") + b"\n" + forget


def refused_message(bundle_id: str, refused: bytes) -> bytes:
    """The bytes the signature of an answer's `REFUSED_FILE` covers: bound to its bundle."""
    return b"fieldapp-refused-v1\n" + bundle_id.encode("utf-8") + b"\n" + refused


class Manifest(Carried):
    """What the bundle holds and between whom; signed by the sender."""

    model_config = ConfigDict(extra="forbid")
    format: int = Field(ge=1)
    bundle_id: str = Field(min_length=8, max_length=64)
    created_at: str
    sender: Party
    recipient: Party
    serial: int = Field(ge=1, le=10**18)
    received: int = Field(ge=0, le=10**18)
    schema_version: int = Field(ge=0)
    vector: dict[DeviceId, int]
    ranges: dict[DeviceId, Range]
    counts: dict[str, int]
    changes: int = Field(ge=0)
    payload_sha256: str = Field(pattern="^[0-9a-f]{64}$")
    payload_bytes: int = Field(ge=0)
    #: Device names of origin device ids (from the hub), so people see who made a change.
    origins: dict[DeviceId, str] = Field(default_factory=dict)
    #: From the hub: the recipient's own changes it holds for review, and what was decided.
    rejected: list[Report] = Field(default_factory=list)


class ChangeIn(TypedDict):
    """One change as received: checked field by field before it may touch the ledger.

    A TypedDict rather than a model: pydantic checks it just as strictly, and building plain
    dicts instead of model instances makes validating a 100k-change bundle about 20 % faster.
    """

    __pydantic_config__ = ConfigDict(extra="forbid", strict=True)  # type: ignore[misc]
    device_id: DeviceId
    seq: Annotated[int, Field(ge=1, le=10**18)]
    #: ASCII digits only: `\d` takes any script's (full-width １７６５…), which `int` reads as
    #: the time they spell and which as text sort above every stamp a clock writes.
    hlc: Annotated[str, Field(pattern=r"^[0-9]{13}-[0-9]{4,9}$")]
    author: Annotated[str, Field(max_length=200)]
    tbl: Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]{0,63}$")]
    row_id: Annotated[str, Field(min_length=1, max_length=100)]
    data: Annotated[dict[str, Scalar], Field(min_length=1)]
    parents: NotRequired[dict[str, list[ChangeId]] | None]


# -- the payload ---------------------------------------------------------------------------


def change_line(row: Sequence[Any]) -> str:
    """One canonical ndjson line from a `changes` row (data/parents are stored canonical)."""
    device_id, seq, hlc, author, tbl, row_id, data, parents = row
    return (
        f'{{"author":{json.dumps(author, ensure_ascii=False)},"data":{data},'
        f'"device_id":{json.dumps(device_id)},"hlc":{json.dumps(hlc)},'
        f'"parents":{parents or "null"},"row_id":{json.dumps(row_id, ensure_ascii=False)},'
        f'"seq":{int(seq)},"tbl":{json.dumps(tbl)}}}'
    )


def encode_payload(rows: Iterable[Sequence[Any]]) -> bytes:
    """The ndjson payload of stored change rows, in the order given."""
    return "".join(change_line(r) + "\n" for r in rows).encode("utf-8")


_FIRST, _SECOND, _FIFTH = itemgetter(0), itemgetter(1), itemgetter(4)


def summarise(rows: Sequence[Sequence[Any]]) -> tuple[dict[str, Range], dict[str, int]]:
    """Per-origin ranges and per-table counts of stored change rows."""
    seqs: dict[str, list[int]] = {}
    # Rows come grouped by origin device: extend per run rather than append per row.
    for device, run in groupby(rows, key=_FIRST):
        seqs.setdefault(device, []).extend(map(int, map(_SECOND, run)))
    ranges = {d: Range(first=min(s), last=max(s), count=len(s)) for d, s in seqs.items()}
    return ranges, dict(Counter(map(_FIFTH, rows)))


_CHANGE = TypeAdapter(ChangeIn).validator
_REFUSED = TypeAdapter(list[RefusedBundle])
_USERS = TypeAdapter(list[UserSaid])
_FORGET = TypeAdapter(
    Annotated[
        list[
            tuple[
                Annotated[str, Field(min_length=1, max_length=64)],
                Annotated[str, Field(min_length=1, max_length=200)],
            ]
        ],
        Field(max_length=FORGET_MAX),
    ]
)


def _refuse_line(lines: list[bytes]) -> NoReturn:
    """BundleRefused naming the first line that does not validate."""
    for number, line in enumerate(lines, start=1):
        try:
            _CHANGE.validate_json(line)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise BundleRefused("invalid", f"第 {number} 条修改的 {where} 不合格") from None
    raise AssertionError("a line failed validation once but not twice")


def decode_payload(payload: bytes, columns: dict[str, set[str]]) -> list[Change]:
    """Validate every line (pydantic) and every table/field name; BundleRefused on the first
    bad line, naming it."""
    lines = payload.splitlines()
    if any(not line.strip() for line in lines):
        raise BundleRefused("invalid", "修改列表中有空行")
    try:
        # One pydantic pass per line (a single list document validates no faster).
        items: list[dict[str, Any]] = list(map(_CHANGE.validate_json, lines))
    except ValidationError:
        _refuse_line(lines)
    fields_of = {t: frozenset(f) for t, f in columns.items()}
    for number, item in enumerate(items, start=1):
        fields = fields_of.get(item["tbl"])
        if fields is None:
            raise BundleRefused("invalid", f"第 {number} 条修改的表 {item['tbl']} 本机没有")
        data = item["data"]
        if not data.keys() <= fields:
            unknown = sorted(set(data) - fields)
            raise BundleRefused("invalid", f"第 {number} 条修改含未知字段 {unknown}")
        parents = item.get("parents")
        if parents:
            if not parents.keys() <= data.keys():
                raise BundleRefused("invalid", f"第 {number} 条修改的前版本与字段不对应")
        elif parents is not None:
            item["parents"] = None  # "seen nothing" is stored as no parents
    return list(map(Change.of_fields, items))


# -- the file ------------------------------------------------------------------------------


def seal_bundle(
    manifest: Manifest,
    payload: bytes,
    sign_secret: bytes,
    recipient_box_public: bytes,
    about: About | None = None,
    refused: Sequence[RefusedBundle] = (),
    users: Sequence[UserSaid] = (),
    forget: Sequence[tuple[str, str]] = (),
) -> bytes:
    """Sign the manifest, zip it with the payload, and encrypt to the recipient; `about`, from
    a device, goes in the header, signed for this bundle; `refused`, from the hub, in a file of
    its own beside the manifest (`RefusedBundle`), signed for this bundle; `users`, from a
    device, likewise (`UserSaid`); so is `forget`, from the hub, the rows the recipient is to
    remove from its copy (`FORGET_FILE`)."""
    manifest_bytes = dumps(manifest.model_dump(mode="json")).encode("utf-8")
    signature = crypto.sign(manifest_bytes, sign_secret)
    files = [
        ("manifest.json", manifest_bytes),
        ("manifest.sig", signature),
        ("changes.ndjson", payload),
    ]
    if refused:
        said = dumps([r.model_dump(mode="json") for r in refused]).encode("utf-8")
        signed = crypto.sign(refused_message(manifest.bundle_id, said), sign_secret)
        files += [(REFUSED_FILE, said), (REFUSED_SIG, signed)]
    if users:
        told = dumps([u.model_dump(mode="json") for u in users[:USERS_MAX]]).encode("utf-8")
        signed = crypto.sign(users_message(manifest.bundle_id, told), sign_secret)
        files += [(USERS_FILE, told), (USERS_SIG, signed)]
    if forget:
        listed = dumps([[t, r] for t, r in forget]).encode("utf-8")
        signed = crypto.sign(forget_message(manifest.bundle_id, listed), sign_secret)
        files += [(FORGET_FILE, listed), (FORGET_SIG, signed)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    fields: dict[str, Any] = {"format": FORMAT, "to": crypto.key_id(recipient_box_public)}
    if about is not None and about.valid():
        signed = crypto.sign(about.message(manifest.bundle_id), sign_secret)
        fields |= {
            "program": about.program,
            "pack": about.pack,
            "about_sig": base64.b64encode(signed).decode("ascii"),
        }
    header = json.dumps(fields, ensure_ascii=True, separators=(",", ":"))
    if about is not None and about.valid() and about.build:
        signed = crypto.sign(about.build_message(manifest.bundle_id), sign_secret)
        built = fields | {"build": about.build, "build_sig": base64.b64encode(signed).decode()}
        longer = json.dumps(built, ensure_ascii=True, separators=(",", ":"))
        # Every program reads a header shorter than MAX_HEADER: the build, an extra, is left
        # out rather than push it past (a pack version of 40 Chinese characters).
        if len(longer) < MAX_HEADER:
            header = longer
    # format and to first, as every earlier header reads: {"format":1,"to":"…",…}
    return (
        MAGIC
        + header.encode("ascii")
        + b"\n"
        + crypto.seal(buffer.getvalue(), recipient_box_public)
    )


#: The longest program version and pack version a header carries.
ABOUT_MAX = 40
_PROGRAM = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}$")


#: A packaged build's label (packaging/build.py's `deb_version`): the version, how many commits
#: its source has, the commit (0.2.0+741.g4d5c7dd).
_BUILD = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}\+[0-9]{1,9}\.g[0-9a-f]{7,12}$")


def build_of(program: str, label: str) -> str:
    """The build label a device running `program` says beside it: `label` when it is a build of
    that version as packaging labels them, else '' (a source tree, a label of another kind)."""
    return label if _BUILD.match(label) and label.startswith(f"{program}+") else ""


@dataclass(frozen=True)
class About:
    """What a device says of itself in its bundle's header: the fieldapp it runs ("0.3.0"), the
    version of the county pack in force there ('' for the built-in pack) and, from a packaged
    build, its label ("0.3.0+741.g4d5c7dd"; '' from a source tree or an older program).

    `program` stays the plain version an older hub reads (it refuses a header whose program is
    not one); the build goes beside it under its own keys and signature, which an older hub
    ignores, so two builds of one version are told apart by a hub that reads them."""

    program: str
    pack: str
    build: str = ""

    def message(self, bundle_id: str) -> bytes:
        """The bytes its signature covers: bound to one bundle, so it cannot be moved."""
        return "\n".join(["fieldapp-about-v1", bundle_id, self.program, self.pack]).encode()

    def build_message(self, bundle_id: str) -> bytes:
        """The bytes the build's signature covers: the build of this program, in this bundle."""
        return "\n".join(["fieldapp-build-v1", bundle_id, self.program, self.build]).encode()

    def valid(self) -> bool:
        """A version that reads as one, a pack version of printable text, both short; a build,
        if any, of that version."""
        return (
            bool(_PROGRAM.match(self.program))
            and (len(self.pack) <= ABOUT_MAX and self.pack.isprintable())
            and (not self.build or build_of(self.program, self.build) == self.build)
        )


class OpenedBundle:
    """A decrypted bundle whose manifest parsed; the signature is not yet checked."""

    def __init__(
        self,
        manifest: Manifest,
        manifest_bytes: bytes,
        signature: bytes,
        payload: bytes,
        header: dict[str, Any] | None = None,
        refused: tuple[bytes | None, bytes | None] = (None, None),
        users: tuple[bytes | None, bytes | None] = (None, None),
        forget: tuple[bytes | None, bytes | None] = (None, None),
    ):
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.signature = signature
        self.payload = payload
        self.header = header or {}
        #: The hub's `REFUSED_FILE` and its signature, as found (None: not in the bundle).
        self.refused_files = refused
        #: A device's `USERS_FILE` and its signature, as found (None: not in the bundle).
        self.users_files = users
        #: The hub's `FORGET_FILE` and its signature, as found (None: not in the bundle).
        self.forget_files = forget
        #: The size its changes declare, when past `MAX_PAYLOAD_BYTES`: not inflated (the
        #: payload is empty), refused once its signature is checked (`too_large_said`) so
        #: the refusal is its signer's, told in that device's next answer.
        self.too_large = 0

    def too_large_said(self) -> str:
        """Why a bundle whose changes are past the cap was not imported (the refusal's detail)."""
        return (
            f"数据包的修改内容太大（解压后 {self.too_large / 1048576:.0f} MB，"
            f"一个数据包最多 {MAX_PAYLOAD_BYTES / 1048576:.0f} MB），没有导入"
        )

    def _beside(
        self,
        files: tuple[bytes | None, bytes | None],
        message: Callable[[str, bytes], bytes],
        adapter: TypeAdapter[Any],
        sign_public: bytes,
    ) -> list[Any] | None:
        """A file its sender signed for this bundle beside the manifest (`files`: it and its
        signature, as found; `message` what the signature covers), read as `adapter` says: []
        when the bundle has neither (an older sender's); None when what is there does not
        hold (a file without its signature, altered, or not what it should be)."""
        text, signature = files
        if text is None and signature is None:
            return []
        if text is None or signature is None:
            return None
        if not crypto.verify(message(self.manifest.bundle_id, text), signature, sign_public):
            return None
        try:
            return list(adapter.validate_json(text))
        except ValidationError:
            return None

    def refused(self, sign_public: bytes) -> list[RefusedBundle] | None:
        """The recipient's refused bundles the hub names (`RefusedBundle`; none from an older
        hub or a device), when signed by `sign_public` for this bundle; None when what is there
        does not hold (`_beside`)."""
        items = self._beside(self.refused_files, refused_message, _REFUSED, sign_public)
        return None if items is None else items[:REFUSED_MAX]

    def users(self, sign_public: bytes) -> list[UserSaid] | None:
        """The sender's users disabled (or enabled again) there (`UserSaid`; none from an
        older device), when signed by `sign_public` for this bundle; None when what is there
        does not hold (`_beside`)."""
        items = self._beside(self.users_files, users_message, _USERS, sign_public)
        return None if items is None else items[:USERS_MAX]

    def forget(self, sign_public: bytes) -> list[tuple[str, str]] | None:
        """The rows the hub names for the recipient to remove from its copy (`FORGET_FILE`;
        none from an older hub or a device), when signed by `sign_public` for this bundle;
        None when what is there does not hold (`_beside`: not a list of [table, row id])."""
        items = self._beside(self.forget_files, forget_message, _FORGET, sign_public)
        return None if items is None else [(t, r) for t, r in items]

    def says_about(self) -> bool:
        """True when the header says anything of its sender (then it must verify: `about`)."""
        return any(k in self.header for k in ("program", "pack", "about_sig", "build", "build_sig"))

    def about(self, sign_public: bytes) -> About | None:
        """What the sender said of itself in the header, when signed by `sign_public` for this
        bundle; None when it said nothing (an older program) or what it said does not hold."""
        program, pack, sig = (self.header.get(k) for k in ("program", "pack", "about_sig"))
        if not all(isinstance(x, str) for x in (program, pack, sig)):
            return None
        about = About(str(program), str(pack))
        try:
            signature = base64.b64decode(str(sig), validate=True)
        except ValueError:
            return None
        if not about.valid():
            return None
        if not crypto.verify(about.message(self.manifest.bundle_id), signature, sign_public):
            return None
        if "build" not in self.header and "build_sig" not in self.header:
            return about
        build, build_sig = self.header.get("build"), self.header.get("build_sig")
        if not isinstance(build, str) or not isinstance(build_sig, str):
            return None
        built = About(about.program, about.pack, build)
        try:
            signature = base64.b64decode(build_sig, validate=True)
        except ValueError:
            return None
        if (
            not built.valid()
            or not build
            or not crypto.verify(
                built.build_message(self.manifest.bundle_id), signature, sign_public
            )
        ):
            return None
        return built

    def signed_by(self, sign_public: bytes) -> bool:
        """True when the manifest carries a valid signature of this key."""
        return crypto.verify(self.manifest_bytes, self.signature, sign_public)

    def payload_matches(self) -> bool:
        """True when the payload is the one the signed manifest names."""
        m = self.manifest
        digest = hashlib.sha256(self.payload).hexdigest()
        return digest == m.payload_sha256 and len(self.payload) == m.payload_bytes


def _what_else(data: bytes) -> tuple[str, str]:
    """What a file that is no bundle is, when it is another of fieldapp's files, in the desktop's
    words and as the command line's hint; else which file to choose (no hint). Only the file's
    head is read: an upload of 50 MB of anything is not copied to be told apart."""
    head = data[:4096]
    if head.startswith(BACKUP_MAGIC):
        return (
            "这是台账的备份文件：要在需要恢复的电脑上用“设置 → 从备份恢复”",
            "命令行：fieldapp --db 台账文件 restore 备份文件",
        )
    if head.lstrip()[:1] == b"{" and b'"fieldapp-enrolment"' in head:
        return (
            "这是设备的登记文件：要在需要登记的设备上用“同步 → 用登记文件登记本机…”",
            "命令行：fieldapp --db 台账文件 enrol 登记文件",
        )
    return CHOOSE_A_BUNDLE, ""


#: What a file that is no bundle (nor another of fieldapp's files) is answered with, for the
#: one who chose it; the hub's `hub import` says it in its clerk's words instead.
CHOOSE_A_BUNDLE = "请选择县里或其他设备导出的数据包（文件名以 .fieldsync 结尾）"

#: The same file refused at the hub (`hub import`, its reason file in quarantine), said to the
#: hub's clerk: what it is not, and how it may have got there.
NOT_A_BUNDLE_AT_HUB = (
    "这个文件不是数据包：内容不是哪台设备导出的数据包，多半是和数据包一起误放进来的别的文件，"
    "或是拷坏了、没拷完的数据包（那样的话请那台设备再导出一次）"
)


def read_header(data: bytes) -> dict[str, Any]:
    """The clear header; BundleRefused when the file is not a bundle or too new."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data[: len(MAGIC)]) and len(data) < len(MAGIC) + 2:
            raise BundleRefused("truncated", sentences.said(E.SHORT_FILE))
        # Raised unbound: an exception kept in a local name would hold this frame, and with it the
        # whole refused upload, in a reference cycle until the next garbage collection.
        detail, hint = _what_else(data)
        raise BundleRefused("not_bundle", detail, cli_hint=hint)
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise BundleRefused(
            "truncated" if len(data) < MAX_HEADER else "tampered", sentences.said(E.HEADER_CUT)
        )
    try:
        header: dict[str, Any] = json.loads(data[len(MAGIC) : end])
        version = int(header["format"])
        str(header["to"])
    except (ValueError, KeyError, TypeError):
        raise BundleRefused("tampered", sentences.said(E.HEADER_UNREAD)) from None
    if version > FORMAT:
        raise BundleRefused(
            "newer_format", sentences.said(E.NEWER_FORMAT, str(version), str(FORMAT))
        )
    if version < 1:
        raise BundleRefused("tampered", sentences.said(E.HEADER_FORMAT))
    header["_body"] = end + 1
    return header


def _manifest(manifest_bytes: bytes) -> Manifest:
    """A bundle's manifest as read (its signature is checked by the importer)."""
    try:
        manifest = Manifest.model_validate_json(manifest_bytes)
    except ValidationError:
        raise BundleRefused("tampered", "清单无法识别") from None
    if manifest.format > FORMAT:
        raise BundleRefused("newer_format", f"格式 {manifest.format}")
    return manifest


def open_bundle(data: bytes, box_secret: bytes, box_public: bytes) -> OpenedBundle:
    """Check the header is for us, decrypt, and unpack; BundleRefused with the reason."""
    header = read_header(data)
    if header["to"] != crypto.key_id(box_public):
        raise BundleRefused("wrong_recipient", sentences.said(E.TO_KEY, str(header["to"])))
    plain = crypto.unseal(data[header["_body"] :], box_secret)
    if plain is None:
        raise BundleRefused("tampered", sentences.said(E.NOT_DECRYPTED))
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as archive:
            # Sizes as declared: zipfile never inflates a member past its declared size (a
            # member that would is refused by its checksum), so this bounds what is read.
            declared = sum(info.file_size for info in archive.infolist())
            if declared > max(SMALL_CONTENTS, MAX_INFLATION * len(plain)):
                raise BundleRefused(
                    "tampered",
                    f"解压后大小异常（{len(data) / 1048576:.1f} MB 的文件自称解压后有 "
                    f"{declared / 1048576:.0f} MB），没有解压",
                )
            manifest_bytes = archive.read("manifest.json")
            signature = archive.read("manifest.sig")
            manifest = _manifest(manifest_bytes)
            # The changes are inflated only when the archive declares the size the manifest
            # states, and no more than the cap: else they are left empty, and the bundle is
            # refused once its signature is checked (`payload_matches`: tampered; `too_large`),
            # so the refusal carries its serial and signer (a stick's too).
            stated = archive.getinfo("changes.ndjson").file_size
            inflate = stated == manifest.payload_bytes and stated <= MAX_PAYLOAD_BYTES
            payload = archive.read("changes.ndjson") if inflate else b""
            names = set(archive.namelist())
            said, signed, told, told_sig = (
                archive.read(name) if name in names else None
                for name in (REFUSED_FILE, REFUSED_SIG, USERS_FILE, USERS_SIG)
            )
            listed, listed_sig = (
                archive.read(name) if name in names else None for name in (FORGET_FILE, FORGET_SIG)
            )
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BundleRefused("tampered", f"内容结构不对（{error}）") from None
    opened = OpenedBundle(
        manifest,
        manifest_bytes,
        signature,
        payload,
        header,
        (said, signed),
        (told, told_sig),
        (listed, listed_sig),
    )
    if stated == manifest.payload_bytes and stated > MAX_PAYLOAD_BYTES:
        opened.too_large = stated
    return opened
