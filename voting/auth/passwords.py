"""Staff password hashing (Argon2id through argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash with its own salt and parameters."""
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    """True when password is the one stored_hash was made from."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False
