"""Enrolment: the hub gives a device a name, an area and its own keys, and pins the hub's keys.

The enrolment document holds the device's SECRET keys: whoever has it can sign bundles as that
device. The file is therefore sealed with a one-time enrolment code (16 digits, Argon2id, a
secret box) that `hub enroll` prints and the county tells the village by phone or in person,
never with the file: a stick lost on the way gives nobody the device's keys. Files of the first
format (the document in clear, from hubs before the code) are still read.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox

from fieldapp.domain.areacode import AreaCode, AreaLevel
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.roles import DEFAULT_ROLE, Role, area_problem, party_name_problem
from fieldapp.domain.sentences import said, template
from fieldapp.reference import divisions
from fieldapp.services.incarnation import own_origins
from fieldapp.services.settings import HOME_AREA
from fieldapp.store import keyfile, ledger_kind
from fieldapp.store.authorship import sign_authors
from fieldapp.store.changelog import dumps
from fieldapp.store.ledger import Ledger
from fieldapp.store.ledger_kind import is_demo
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.recode import recode_area, villages_below
from fieldapp.store.sync_state import Identity, SyncState, now_text
from fieldapp.sync import crypto
from fieldapp.sync.errors import SyncError

KIND = "fieldapp-enrolment"
#: 1: the signed document itself; 2: it sealed with the enrolment code (`seal`).
FORMAT = 2
#: Digits in an enrolment code: 10**16 guesses at an Argon2id derivation each (named apart
#: from `tabular.cells.CODE_DIGITS`, the sentence for a 区划代码 cell of the wrong length).
ENROLMENT_DIGITS = 16


class CodeNeeded(SyncError):
    """The enrolment file is sealed and no code was given (the caller may ask for it)."""


class WrongCode(SyncError):
    """The code given does not open the sealed enrolment file (the caller may ask again)."""


def new_code() -> str:
    """A fresh enrolment code, as the county reads it out: '4821 0937 5512 6630'."""
    digits = "".join(secrets.choice("0123456789") for _ in range(ENROLMENT_DIGITS))
    return " ".join(digits[i : i + 4] for i in range(0, ENROLMENT_DIGITS, 4))


#: An enrolment code not of 16 digits (%1 how many it should have), or one that does not open
#: the file.
CODE_DIGITS = template("登记码应为 %1 位数字（县里登记设备时告诉你的那串），请核对后重输")
WRONG_CODE = template("登记码不对：请核对县里告诉你的 16 位数字（这个登记码只对应这一个登记文件）")
#: A sealed enrolment file (%1) opened with no code (%2 its digits).
CODE_NEEDED = template("登记文件 %1 已加密：请输入县里登记设备时告诉你的 %2 位登记码")
#: An enrolment file (%1) damaged, not one, not found, a folder, unreadable (%2 why).
ENROLMENT_DAMAGED = template("%1 不是完整的设备登记文件（内容损坏），请到县里重新登记")
NOT_AN_ENROLMENT = template("%1 不是劳动力台账的设备登记文件")
NOT_AN_ENROLMENT_OR_DAMAGED = template("%1 不是劳动力台账的设备登记文件（内容损坏或选错了文件）")
NO_ENROLMENT = template("找不到登记文件 %1")
ENROLMENT_IS_FOLDER = template("%1 是文件夹，请选择县里发的登记文件本身")
ENROLMENT_UNREAD = template("登记文件 %1 无法读取：%2")
ENROLMENT_NEWER = template("登记文件格式比本程序新，请先升级 fieldapp")
#: What the signed document lacks or gets wrong (%1 Python's word for the part missing).
ENROLMENT_CUT = template("登记文件内容不完整：%1")
ENROLS_A_HUB = template("登记文件的角色不对：设备不能登记为县级汇总中心")
ENROLMENT_SIGNATURE = template("登记文件的签名不符，可能被改动，请到县里重新登记")
FINGERPRINT_KEYS = template("登记文件中的中心指纹与密钥不符")
NO_DEVICE = template("登记文件内容不完整：没有设备信息，请到县里重新登记")
NO_DEVICE_NAME = template(
    "登记文件没有写设备名称（县里签发的内容不完整），不能登记；请到县里重新登记"
)
#: The device's name (%1 what is wrong with it) or area (%1 what is wrong) refused.
DEVICE_NAME_WRONG = template("登记文件中的设备名称%1；没有登记，请到县里重新登记")
AREA_NOT_TEXT = template("登记文件中的区域代码不是文字，不能登记；请到县里重新登记")
AREA_CODE_WRONG = template(
    "登记文件中的区域代码「%1」不对：应为 6、9、12 或 15 位数字；没有登记，请到县里重新登记"
)
AREA_WRONG = template("登记文件中的%1；没有登记，请到县里重新登记")
#: The hub's fingerprint (%1 the file's) not the one given (%2).
FINGERPRINT_GIVEN = template("中心指纹不符：登记文件为 %1，应为 %2")
#: A hub's own ledger, one enrolled with another hub (%1), or as another device (%1 its name,
#: %2 its area, %3 the file's device, %4 that device's area).
HUB_LEDGER = template("这是县级汇总中心的台账，不能登记为设备")
OTHER_HUB = template("本台账已登记到另一个中心（%1）；确需改换请加 --force")
OTHER_DEVICE = template(
    "本台账已登记为设备 %1（区域 %2），这个登记文件是给设备 %3（区域 %4）的："
    "请核对是不是拿错了登记文件；确需把本台账改为 %3 请加 --force"
)
#: A demo ledger and a real hub, a real ledger and a training hub.
DEMO_TO_REAL_HUB = template(
    "这是演示台账（人员都是虚构的），不能登记到县里正式的汇总中心。"
    "正式工作请新建一个台账，再用这个登记文件登记。"
)
REAL_TO_TRAINING_HUB = template(
    "这个登记文件来自培训用的汇总中心，只能用于演示台账。正式台账请用县里正式汇总中心发的登记文件。"
)


def normal_code(code: str) -> str:
    """The code's digits (spaces, dashes and full-width digits as typed are fine)."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", code) if not c.isspace())
    digits = digits.replace("-", "").replace("—", "")
    if len(digits) != ENROLMENT_DIGITS or not digits.isdigit() or not digits.isascii():
        raise SyncError(said(CODE_DIGITS, str(ENROLMENT_DIGITS)))
    return digits


def seal(document: dict[str, Any], code: str) -> dict[str, Any]:
    """The enrolment file's content: `document` in a secret box whose key is derived from the
    code. The device's name, the hub's fingerprint and whether it is a training hub stay
    readable (they say which file this is; nothing is trusted from them)."""
    ops, mem = keyfile.kdf_costs()
    salt = secrets.token_bytes(16)
    key = keyfile.derive_key(normal_code(code), salt, ops, mem)
    box = SecretBox(key).encrypt(dumps(document).encode("utf-8"))
    hub = document["hub"]
    return {
        "kind": KIND,
        "format": FORMAT,
        "device": document["device"]["name"],
        "hub": {"name": hub["name"], "fingerprint": hub["fingerprint"]}
        | ({"training": True} if hub.get("training") else {}),
        "sealed": {
            "kdf": "argon2id",
            "ops": ops,
            "mem": mem,
            "salt": b64(salt),
            "box": b64(bytes(box)),
        },
    }


def _unseal(doc: dict[str, Any], code: str | None, path: Path) -> dict[str, Any]:
    """The signed document inside a sealed enrolment file."""
    if not code:
        raise CodeNeeded(said(CODE_NEEDED, str(path), str(ENROLMENT_DIGITS)))
    try:
        sealed = doc["sealed"]
        if sealed.get("kdf") != "argon2id":
            raise ValueError(sealed.get("kdf"))
        ops, mem = int(sealed["ops"]), int(sealed["mem"])
        if not (0 < ops <= 64 and 0 < mem <= 1024 * 1024 * 1024):
            raise ValueError("costs")  # a hostile file must not make this device spend for ever
        salt, box = unb64(sealed["salt"]), unb64(sealed["box"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise SyncError(said(ENROLMENT_DAMAGED, str(path))) from None
    key = keyfile.derive_key(normal_code(code), salt, ops, mem)
    try:
        inner = json.loads(SecretBox(key).decrypt(box).decode("utf-8"))
    except CryptoError:
        raise WrongCode(said(WRONG_CODE)) from None
    except ValueError:
        raise SyncError(said(ENROLMENT_DAMAGED, str(path))) from None
    if not isinstance(inner, dict) or inner.get("kind") != KIND:
        raise SyncError(said(NOT_AN_ENROLMENT, str(path)))
    return inner


def b64(data: bytes) -> str:
    """Base64 text of bytes."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Bytes of base64 text."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def make_enrolment(
    hub: Identity,
    device: str,
    area_code: str,
    keys: crypto.KeyPair,
    role: Role = DEFAULT_ROLE,
    training: bool = False,
) -> dict[str, Any]:
    """The enrolment document for a device, signed by the hub: its name, role and area are
    the county's word, which the device stores and cannot widen. A training hub says so
    (`hub.training`): only demo ledgers enrol with it, and only with it."""
    hub_keys = crypto.KeyPair(hub.sign_secret, hub.box_secret)
    body: dict[str, Any] = {
        "kind": KIND,
        "format": 1,
        "issued_at": now_text(),
        "device": {
            "name": device,
            "area_code": area_code,
            "role": str(role),
            "sign_secret": b64(keys.sign_secret),
            "box_secret": b64(keys.box_secret),
        },
        "hub": {
            "name": hub.name,
            "sign_public": b64(hub_keys.sign_public),
            "box_public": b64(hub_keys.box_public),
            "fingerprint": crypto.fingerprint(hub_keys.sign_public, hub_keys.box_public),
        },
    }
    if training:
        body["hub"]["training"] = True
    signature = crypto.sign(dumps(body).encode("utf-8"), hub.sign_secret)
    return body | {"signature": b64(signature)}


@dataclass(frozen=True)
class Enrolled:
    """What `enrol` did: the device name, its area and the hub's fingerprint."""

    device: str
    area_code: str
    hub: str
    fingerprint: str
    replaced: bool
    role: Role = DEFAULT_ROLE
    #: The ledger's own village code before it took the enrolled one ('' when unchanged).
    recoded_from: str = ""
    #: A new ledger made a demo ledger by enrolling as a training hub's township or county.
    made_demo: bool = False


def read_enrolment(path: Path, code: str | None = None) -> dict[str, Any]:
    """Parse, open with its code and check an enrolment file (its hub signature and its keys);
    the signed document. A sealed file without a code raises `CodeNeeded`."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SyncError(said(NO_ENROLMENT, str(path))) from None
    except IsADirectoryError:
        raise SyncError(said(ENROLMENT_IS_FOLDER, str(path))) from None
    except ValueError:  # not UTF-8 JSON: another file, or one damaged on the way
        raise SyncError(said(NOT_AN_ENROLMENT_OR_DAMAGED, str(path))) from None
    except OSError as error:
        raise SyncError(said(ENROLMENT_UNREAD, str(path), str(error.strerror or error))) from None
    if not isinstance(doc, dict) or doc.get("kind") != KIND:
        raise SyncError(said(NOT_AN_ENROLMENT, str(path)))
    try:
        form = int(doc.get("format", 0))
    except (TypeError, ValueError):
        raise SyncError(said(ENROLMENT_DAMAGED, str(path))) from None
    if form > FORMAT:
        raise SyncError(said(ENROLMENT_NEWER))
    if form == FORMAT:
        doc = _unseal(doc, code, path)
    try:
        body = {k: v for k, v in doc.items() if k != "signature"}
        hub_sign = unb64(doc["hub"]["sign_public"])
        hub_box = unb64(doc["hub"]["box_public"])
        signature = unb64(doc["signature"])
        keys = crypto.KeyPair(
            unb64(doc["device"]["sign_secret"]), unb64(doc["device"]["box_secret"])
        )
        keys.sign_public, keys.box_public  # noqa: B018 - proves the secrets are real keys
        role = Role.parse(doc["device"].get("role"), DEFAULT_ROLE)
    except (KeyError, TypeError, ValueError) as error:
        raise SyncError(said(ENROLMENT_CUT, str(error))) from None
    if role is Role.HUB:
        raise SyncError(said(ENROLS_A_HUB))
    if not crypto.verify(dumps(body).encode("utf-8"), signature, hub_sign):
        raise SyncError(said(ENROLMENT_SIGNATURE))
    if crypto.fingerprint(hub_sign, hub_box) != doc["hub"].get("fingerprint"):
        raise SyncError(said(FINGERPRINT_KEYS))
    _check_signed_device(doc["device"], role)
    return dict(doc)


def _check_signed_device(device: Any, role: Role) -> None:
    """SyncError (Chinese) for a signed device part this program cannot take: no device name
    (every bundle names its sender) or one the hub would not have enrolled (too long, a line
    break: `roles.party_name_problem`), or an area code the division table's rules refuse (not
    6, 9, 12 or 15 digits; not of the length its role is enrolled for (`roles.area_problem`):
    a county that is not one of Guizhou's; a township its county does not have). The hub
    checks the same when it enrols; a hub of another build, or a signing key used by hand,
    is not trusted to have. No area (null, or left out) is taken: the device's area is then
    未定."""
    if not isinstance(device, dict):
        raise SyncError(said(NO_DEVICE))
    name = device.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SyncError(said(NO_DEVICE_NAME))
    if (problem := party_name_problem(name)) is not None:
        raise SyncError(said(DEVICE_NAME_WRONG, problem))
    area = device.get("area_code")
    if area is None or area == "":
        return
    if not isinstance(area, str):
        raise SyncError(said(AREA_NOT_TEXT))
    try:
        AreaCode(area)
    except ValueError:
        raise SyncError(said(AREA_CODE_WRONG, area[:20])) from None
    if (problem := area_problem(role, area, divisions())) is not None:
        raise SyncError(said(AREA_WRONG, problem))


def enrol(
    ledger: Ledger,
    path: Path,
    *,
    code: str | None = None,
    fingerprint: str | None = None,
    force: bool = False,
    read: dict[str, Any] | None = None,
) -> Enrolled:
    """Store a device identity from an enrolment file opened with its code (or its document
    as `read_enrolment` just gave it, so the code is not derived twice); the ledger's earlier
    changes stay and will all be sent with the first bundle."""
    doc = read if read is not None else read_enrolment(path, code)
    hub_sign = unb64(doc["hub"]["sign_public"])
    hub_box = unb64(doc["hub"]["box_public"])
    found = crypto.fingerprint(hub_sign, hub_box)
    if fingerprint and _norm(fingerprint) != _norm(found):
        raise SyncError(said(FINGERPRINT_GIVEN, found, fingerprint))
    device = doc["device"]
    role = Role.parse(device.get("role"), DEFAULT_ROLE)
    made_demo = bool(check_training(ledger, bool(doc["hub"].get("training")), role))
    state = SyncState(ledger.db)
    # The county's area for the device; a file that leaves it out or null has none (未定),
    # never the word "None" in a sentence nor a KeyError.
    area = str(device.get("area_code") or "")
    with ledger.transaction():
        current = state.identity()
        if current is not None and current.role == "hub":
            raise SyncError(said(HUB_LEDGER))
        hubs = state.peers("hub")
        other_hub = hubs and hubs[0].sign_public != hub_sign
        if other_hub and not force:
            raise SyncError(said(OTHER_HUB, hubs[0].name))
        if current is not None and not other_hub and current.name != device["name"] and not force:
            # Another device's file: most likely the wrong file off the county's stick. Taking
            # it would make this ledger (and its village's people) that device at the hub.
            listed = listed_places(ledger)
            mine = (
                say_place(current.area_code, divisions(), listed, PlaceWording.SENTENCE) or "未定"
            )
            theirs = say_place(area, divisions(), listed, PlaceWording.SENTENCE)
            raise SyncError(
                said(OTHER_DEVICE, current.name, mine, device["name"], theirs or "未定")
            )
        state.set_identity(
            Identity(
                "device",
                device["name"],
                area or None,
                unb64(device["sign_secret"]),
                unb64(device["box_secret"]),
                now_text(),
                role,
            )
        )
        if other_hub:
            state.remove_peers("hub")
        # Nothing was ever sent: the village this ledger made itself takes the county's code.
        recoded = "" if hubs else _own_village(ledger, area)
        if recoded:
            recode_area(ledger.db, recoded, area, meta_keys=[HOME_AREA])
        ledger.set_meta("device_name", device["name"])
        ledger.device_name = device["name"]
        if not hubs or other_hub:
            state.add_peer(
                doc["hub"]["name"], "hub", None, hub_sign, hub_box, crypto.key_id(hub_sign)
            )
            # Nothing was sent to this hub yet: what the ledger wrote before is recorded as
            # the enrolled device's, as every change from now on is (姓名@设备名称).
            sign_authors(ledger.db, own_origins(ledger), device["name"])
    ledger.seal_for_county()  # the county can now reset a forgotten password
    return Enrolled(
        device["name"],
        area,
        doc["hub"]["name"],
        found,
        current is not None,
        role,
        recoded,
        made_demo,
    )


def _own_village(ledger: Ledger, area: str) -> str:
    """The village (or site) code this ledger gave its own place, when the county enrolled the
    laptop under another code below the same township that the ledger does not use: its home
    area, or else its only place of that kind there ('' when there is nothing to change or no
    telling which)."""
    code = AreaCode.parse(area)
    if code is None or code.level is not AreaLevel.VILLAGE:
        return ""
    places = [
        c
        for c in villages_below(ledger.db, code[:9])
        if (found := AreaCode.parse(c)) is not None and found.is_site == code.is_site
    ]
    if area in places or not places:
        return ""
    home = ledger.get_meta(HOME_AREA) or ""
    if home in places:
        return home
    return places[0] if len(places) == 1 else ""


def is_sealed(path: Path) -> bool:
    """True when an enrolment file needs its code to be opened."""
    return _outside(path).get("format") == FORMAT


def is_training_file(path: Path) -> bool:
    """True when an enrolment file says it comes from a training hub (an unreadable one:
    False, and enrolling with it says what is wrong). Only a hint for where to enrol: the
    training flag that counts is the one inside, under the hub's signature."""
    hub = _outside(path).get("hub")
    return isinstance(hub, dict) and bool(hub.get("training"))


def _outside(path: Path) -> dict[str, Any]:
    """What an enrolment file shows without its code ({} for anything else)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_LARGEST + 1)
        doc = json.loads(data.decode("utf-8")) if len(data) <= _LARGEST else None
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) and doc.get("kind") == KIND else {}


#: An enrolment file is a few kilobytes; anything past this is another file.
_LARGEST = 1024 * 1024


#: Devices whose training ledger holds no people of its own: they review what villages send.
REVIEWERS = frozenset({Role.TOWNSHIP, Role.COUNTY})


def enrolled_role(path: Path, code: str | None = None) -> Role | None:
    """The role an enrolment file gives its device (a sealed one opened with `code`), None
    while it cannot be read (no file, another file, a sealed one without its right code):
    the first-run wizard asks for demo people only of a village's or site's device."""
    try:
        document = read_enrolment(path, code or None)
    except SyncError:
        return None
    return Role.parse(document["device"].get("role"), DEFAULT_ROLE)


def check_training(ledger: Ledger, training: bool, role: Role = DEFAULT_ROLE) -> bool:
    """Demo ledgers enrol with training hubs only, and real ledgers never with one: fictitious
    people must not reach the county, nor real people a hub set up for a training day.

    A township's or county's device of a training hub has no demo people of its own to make
    first (it reviews the villages'): a new ledger — nothing written, not enrolled — enrolling
    so is made a demo ledger here (True), marked as any demo is. A village device's ledger
    still takes its demo first; a ledger holding anything is never made one."""
    if training and not is_demo(ledger) and role in REVIEWERS:
        if ledger_kind.is_empty(ledger) and SyncState(ledger.db).identity() is None:
            ledger_kind.set_kind(
                ledger, ledger_kind.DEMO, ledger_kind.DEMO_ORIGIN + secrets.token_hex(8)
            )
            return True
    if is_demo(ledger) and not training:
        raise SyncError(said(DEMO_TO_REAL_HUB))
    if training and not is_demo(ledger):
        raise SyncError(said(REAL_TO_TRAINING_HUB))
    return False


def _norm(text: str) -> str:
    return "".join(text.split()).upper()
