"""County packs as the hub publishes them: the pack's text, its place in the county's series,
and the hub's Ed25519 signature over both.

The hub signs; every device verifies with the hub key it pinned at enrolment before it uses a
pack, so a pack changed anywhere on the way (in the hub's database, on a stick, in a device's
ledger) or written by anyone but the hub is refused and the previous one stays in force.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.policy.pack import PackError, PackFile
from fieldapp.policy.packfile import parse_pack_text

#: What a signature covers, besides the text: a signature cannot be moved to another version.
_SIGNED = ("pack_id", "version", "seq", "published_at", "text")

#: How a device's messages name a county pack: its edition and the hub's number.
LABEL = template("县里下发的政策包 %1 版（第 %2 号）")


def key_id(public: bytes) -> str:
    """A short stable id of a public key (as sync's key ids: 16 hex digits of its SHA-256)."""
    return hashlib.sha256(public).hexdigest()[:16]


#: A published pack whose text's header (%1: id@version) is not the one it was published as.
HEADER_DIFFERS = template("包头写的是 %1，与发布记录不符")


@dataclass(frozen=True, slots=True)
class PublishedPack:
    """One published county pack, as stored in the county-wide `policy_packs` table."""

    pack_id: str
    version: str
    seq: int
    published_at: str
    text: str
    signature: str = ""
    key_id: str = ""

    @property
    def name(self) -> str:
        """How messages name it: 'qianxi-2026@2026.2'."""
        return f"{self.pack_id}@{self.version}"

    @property
    def label(self) -> str:
        """How messages to the people using a device name it: '县里下发的政策包 2026.2 版（第 3 号）'
        (the county's version and the hub's number, not the pack's internal id)."""
        return str(self.said)

    @property
    def said(self) -> Sentence:
        """`label` as a template and its parts, said in the language shown."""
        return said(LABEL, self.version, str(self.seq))

    def message(self) -> bytes:
        """The canonical bytes the hub signs."""
        body = {k: getattr(self, k) for k in _SIGNED}
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    def signed(self, sign_secret: bytes) -> PublishedPack:
        """The same pack with the hub's signature."""
        key = SigningKey(sign_secret)
        signature = key.sign(self.message()).signature
        return PublishedPack(
            self.pack_id,
            self.version,
            self.seq,
            self.published_at,
            self.text,
            base64.b64encode(signature).decode("ascii"),
            key_id(bytes(key.verify_key)),
        )

    def verified_by(self, sign_public: bytes) -> bool:
        """True when the hub holding `sign_public` signed exactly this pack."""
        if not self.signature:
            return False
        try:
            signature = base64.b64decode(self.signature, validate=True)
            VerifyKey(sign_public).verify(self.message(), signature)
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def read(self) -> PackFile:
        """The pack file it carries; PackError when it does not match its own header."""
        pack = parse_pack_text(self.text, self.name)
        if (pack.pack.id, pack.pack.version) != (self.pack_id, self.version):
            raise PackError(
                self.name, None, said(HEADER_DIFFERS, f"{pack.pack.id}@{pack.pack.version}")
            )
        return pack

    def as_row(self) -> dict[str, Any]:
        """The stored fields."""
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PublishedPack:
        """From a stored row (missing fields read as blank: a forged row then fails to verify)."""
        return cls(
            str(row.get("pack_id") or ""),
            str(row.get("version") or ""),
            int(row.get("seq") or 0),
            str(row.get("published_at") or ""),
            str(row.get("text") or ""),
            str(row.get("signature") or ""),
            str(row.get("key_id") or ""),
        )
