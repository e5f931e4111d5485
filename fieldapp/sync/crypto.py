"""Keys, signatures and encryption (PyNaCl): Ed25519 to sign, X25519 sealed boxes to encrypt.

A bundle is signed by its sender, then sealed to the recipient's public key (a fresh ephemeral
key per bundle, as ODK wraps a fresh key per submission), so a lost USB stick leaks nothing and
a changed byte is detected.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey


@dataclass(frozen=True)
class KeyPair:
    """A party's secret keys: one to sign, one to receive sealed bundles."""

    sign_secret: bytes
    box_secret: bytes

    @classmethod
    def generate(cls) -> KeyPair:
        """Fresh random keys."""
        return cls(bytes(SigningKey.generate()), bytes(PrivateKey.generate()))

    @property
    def sign_public(self) -> bytes:
        """The public half of the signing key."""
        return bytes(SigningKey(self.sign_secret).verify_key)

    @property
    def box_public(self) -> bytes:
        """The public half of the encryption key."""
        return bytes(PrivateKey(self.box_secret).public_key)


def key_id(public: bytes) -> str:
    """A short stable id of a public key (16 hex digits of its SHA-256)."""
    return hashlib.sha256(public).hexdigest()[:16]


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """What a person compares by eye: 32 hex digits of both public keys, in groups of four."""
    digest = hashlib.sha256(sign_public + box_public).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sign(message: bytes, sign_secret: bytes) -> bytes:
    """The 64-byte Ed25519 signature of `message`."""
    return SigningKey(sign_secret).sign(message).signature


def verify(message: bytes, signature: bytes, sign_public: bytes) -> bool:
    """True when `signature` is `message` signed by the holder of `sign_public`."""
    try:
        VerifyKey(sign_public).verify(message, signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def seal(data: bytes, box_public: bytes) -> bytes:
    """Encrypt to the holder of `box_public` (anonymous sender; the content is signed inside)."""
    return SealedBox(PublicKey(box_public)).encrypt(data)


def unseal(data: bytes, box_secret: bytes) -> bytes | None:
    """Decrypt a sealed box; None when it was not made for this key or was changed."""
    try:
        return SealedBox(PrivateKey(box_secret)).decrypt(data)
    except (CryptoError, ValueError, TypeError):
        return None
