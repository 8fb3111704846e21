"""Sealed ballots: what the tablet sends is readable only with the key the scrutineers' shares rebuild.

The box (ECIES over X25519): a fresh ephemeral key per ballot, HKDF-SHA256 of
the shared secret, AES-256-GCM. The associated data binds the box to one vote
(or rating round) and one key, so a ballot sealed for another vote never opens
here. The plaintext is padded to one length per vote, so the size of a sealed
ballot says nothing about how many marks it carries.

    sealed = 0x01 | key tag (8) | ephemeral public key (32) | nonce (12) | AES-GCM(padded plaintext) + tag (16)

`voting/static/seal.js` is the tablet's copy of `seal`; the two must agree
byte for byte (tests/ballots/test_sealing.py and the browser test check it).
Pure: no I/O; randomness comes from the cryptography package's key generation.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Mapping, Sequence

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "HEADER_SIZE",
    "Opener",
    "SealError",
    "ballot_plain_size",
    "ballot_plaintext",
    "fingerprint",
    "open_sealed",
    "public_key_of",
    "receipt_code",
    "seal",
    "sealed_size",
    "sheet_plain_size",
    "sheet_plaintext",
    "tracker",
]

VERSION = b"\x01"
DOMAIN = b"piaojue-seal/1"
HEADER_SIZE = 1 + 8 + 32 + 12
TAG_SIZE = 16
BLOCK = 64


class SealError(ValueError):
    """A sealed ballot that cannot be opened with this key for this vote."""


def public_key_of(private: bytes) -> bytes:
    """The X25519 public key of a 32-byte private key."""
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def fingerprint(public: bytes) -> str:
    """The sealing key's fingerprint: sha256 hex of the domain and the raw public key."""
    return hashlib.sha256(DOMAIN + b"\0key\0" + public).hexdigest()


def tracker(sealed: bytes) -> str:
    """The ballot tracker: sha256 hex of the sealed bytes, as sent and as published."""
    return hashlib.sha256(sealed).hexdigest()


def receipt_code(tracker_hex: str) -> str:
    """The tracker's first 50 bits as 10 base32 characters, XXXXX-XXXXX: what the tablet shows."""
    raw = base64.b32encode(bytes.fromhex(tracker_hex)[:7]).decode()[:10]
    return f"{raw[:5]}-{raw[5:]}"


def _associated_data(label: str, public: bytes, header: bytes) -> bytes:
    return DOMAIN + b"\0" + label.encode() + b"\0" + bytes.fromhex(fingerprint(public)) + header


def _box_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + public, info=DOMAIN).derive(shared)


def _round_up(size: int) -> int:
    return -(-size // BLOCK) * BLOCK


def sealed_size(plain_size: int) -> int:
    """The length of a sealed ballot whose padded plaintext has plain_size bytes."""
    return HEADER_SIZE + plain_size + TAG_SIZE


def ballot_plain_size(candidate_ids: Sequence[int]) -> int:
    """The padded plaintext length of a vote's ballots: room for every candidate's longest mark."""
    return _round_up(2 + sum(len(str(c)) + len('"":"abstain",') for c in candidate_ids))


def ballot_plaintext(marks: Mapping[int, str], candidate_ids: Sequence[int]) -> bytes:
    """A ballot's marks as JSON, padded with spaces to the vote's one length."""
    return _pad(msgspec.json.encode({str(k): v for k, v in marks.items()}), ballot_plain_size(candidate_ids))


def sheet_plain_size(item_ids: Sequence[int], indicators: Sequence[str]) -> int:
    """The padded plaintext length of a round's rating sheets (levels, or every indicator's score)."""
    per_indicator = sum(len(msgspec.json.encode(name)) + len(":100,") for name in indicators)
    per_item = len('{"item_id":,"level":"unsatisfied","scores":{}},') + per_indicator
    return _round_up(len('{"ratings":[]}') + sum(len(str(i)) + per_item for i in item_ids))


def sheet_plaintext(sheet: object, item_ids: Sequence[int], indicators: Sequence[str]) -> bytes:
    """A rating sheet as JSON, padded with spaces to the round's one length."""
    return _pad(msgspec.json.encode(sheet), sheet_plain_size(item_ids, indicators))


def _pad(plain: bytes, size: int) -> bytes:
    if len(plain) > size:
        raise SealError("the ballot is longer than its vote allows")
    return plain + b" " * (size - len(plain))


def seal(public: bytes, label: str, plaintext: bytes, ephemeral: X25519PrivateKey | None = None) -> bytes:
    """Seal a padded plaintext to the key `public` for `label` ("vote:12", "round:3")."""
    ephemeral = ephemeral or X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = os.urandom(12)
    header = VERSION + bytes.fromhex(fingerprint(public))[:8] + ephemeral_public + nonce
    key = _box_key(shared, ephemeral_public, public)
    return header + AESGCM(key).encrypt(nonce, plaintext, _associated_data(label, public, header))


def key_tag_matches(sealed: bytes, public: bytes) -> bool:
    """Whether a sealed ballot names this key (checked at cast time, before any key exists in memory)."""
    return sealed[:1] == VERSION and sealed[1:9] == bytes.fromhex(fingerprint(public))[:8]


class Opener:
    """Opens the sealed ballots of one label with one rebuilt key (the key is loaded once, not per ballot)."""

    def __init__(self, private: bytes, public: bytes, label: str) -> None:
        self.key = X25519PrivateKey.from_private_bytes(private)
        self.public = public
        self.tag = VERSION + bytes.fromhex(fingerprint(public))[:8]
        self.prefix = DOMAIN + b"\0" + label.encode() + b"\0" + bytes.fromhex(fingerprint(public))

    def open(self, sealed: bytes) -> bytes:
        """The padded plaintext; SealError if the box was not sealed to this key for this label or was changed."""
        if len(sealed) < HEADER_SIZE + TAG_SIZE or sealed[:9] != self.tag:
            raise SealError("not sealed to this key")
        header = sealed[:HEADER_SIZE]
        ephemeral_public, nonce = header[9:41], header[41:53]
        try:
            shared = self.key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
            key = _box_key(shared, ephemeral_public, self.public)
            return AESGCM(key).decrypt(nonce, sealed[HEADER_SIZE:], self.prefix + header)
        except (InvalidTag, ValueError) as error:
            raise SealError("the seal does not open: sealed for another vote or key, or changed") from error


def open_sealed(private: bytes, public: bytes, label: str, sealed: bytes) -> bytes:
    """One sealed ballot's padded plaintext (Opener, for many)."""
    return Opener(private, public, label).open(sealed)
