"""Ed25519 signatures over canonical bytes: the service signs, anyone with the public key checks.

Pure apart from `load_or_create_key`, which reads or writes the one file it is given.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from audit.canonical import canonical_bytes
from audit.errors import KeyFileRefused

__all__ = [
    "SignedStatement",
    "SigningKey",
    "check_statement",
    "key_id",
    "load_or_create_key",
    "public_key_pem",
    "sign",
    "sign_statement",
    "verify_signature",
]


@dataclass(frozen=True)
class SigningKey:
    """The service's private Ed25519 key (never printed, never sent)."""

    private: Ed25519PrivateKey = field(repr=False)


class SignedStatement(msgspec.Struct, frozen=True, kw_only=True):
    """A signed claim such as a result or a chain head; the signature covers kind and body."""

    kind: str  # e.g. "vote.result", "audit.head"
    body: dict[str, Any]
    key_id: str  # which key signed: sha256 of its raw public bytes, first 16 hex digits
    signature: str  # hex Ed25519 signature over canonical_bytes({"kind": kind, "body": body})


def load_or_create_key(path: Path) -> SigningKey:
    """The key stored at `path`, made there (owner-only, 0600) on first use."""
    if not path.exists():
        _create_key_file(path)
    return _read_key_file(path)


def _create_key_file(path: Path) -> None:
    # Written to a private temporary file, then hard-linked into place: the key file
    # appears complete or not at all, and a concurrent starter's key is never overwritten.
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as file:
            os.fchmod(file.fileno(), 0o600)  # whatever the umask
            file.write(pem)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):  # another process made it first: use theirs
            os.link(temporary, path)
        _sync_directory(path.parent)
    except OSError as error:
        raise KeyFileRefused(f"cannot create signing key {path}: {error.strerror}") from error
    finally:
        temporary.unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    # The new name must survive a crash too, or later statements name a key that is gone.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_key_file(path: Path) -> SigningKey:
    # Checked on the open descriptor, so the file checked is the file read
    # (O_NONBLOCK: a FIFO planted there must not hang the start).
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise KeyFileRefused(f"cannot open signing key {path}: {error.strerror}") from error
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise KeyFileRefused(f"signing key {path} is not a regular file")
        if info.st_uid != os.geteuid():
            raise KeyFileRefused(f"signing key {path} belongs to another user")
        if info.st_mode & 0o077:
            mode = oct(stat.S_IMODE(info.st_mode))
            raise KeyFileRefused(f"signing key {path} is open to group or others (mode {mode}): chmod 600 it")
        data = file.read()
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise KeyFileRefused(f"signing key {path} is not an unencrypted PEM key") from error
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyFileRefused(f"signing key {path} is not an Ed25519 key")
    return SigningKey(private)


def public_key_pem(key: SigningKey) -> str:
    """The public half, as the PEM text the bulletin board publishes."""
    return (
        key.private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def key_id(public_pem: str) -> str:
    """A short name for a public key: the first 16 hex digits of sha256 of its raw 32 bytes."""
    raw = _public_key(public_pem).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign(key: SigningKey, payload: bytes) -> str:
    """The Ed25519 signature of `payload`, in hex."""
    return key.private.sign(payload).hex()


def verify_signature(public_pem: str, payload: bytes, signature: str) -> bool:
    """True only if `signature` (hex) is the key's signature of `payload`; malformed input is False."""
    try:
        _public_key(public_pem).verify(bytes.fromhex(signature), payload)
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_statement(key: SigningKey, kind: str, body: dict[str, Any]) -> SignedStatement:
    """Sign the canonical bytes of {kind, body}."""
    payload = canonical_bytes({"kind": kind, "body": body})
    return SignedStatement(kind=kind, body=body, key_id=key_id(public_key_pem(key)), signature=sign(key, payload))


def check_statement(statement: SignedStatement, public_pem: str) -> bool:
    """True only if the statement was signed by this (trusted) key and not changed since."""
    try:
        payload = canonical_bytes({"kind": statement.kind, "body": statement.body})
        same_key = statement.key_id == key_id(public_pem)
    except ValueError:
        return False
    return same_key and verify_signature(public_pem, payload, statement.signature)


def _public_key(public_pem: str) -> Ed25519PublicKey:
    """Load a PEM public key; ValueError unless it is Ed25519."""
    try:
        loaded = serialization.load_pem_public_key(public_pem.encode("ascii"))
    except (UnicodeEncodeError, TypeError) as error:
        raise ValueError("not a PEM public key") from error
    if not isinstance(loaded, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return loaded
