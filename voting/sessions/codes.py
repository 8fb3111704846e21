"""Seat-card login codes: short, unambiguous when typed, and random."""

from __future__ import annotations

import secrets

# No 0/O, 1/I: deputies type these on a tablet keyboard.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 8  # 40 bits: unguessable in the hours a session lasts


def new_login_code() -> str:
    """A fresh random code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(typed: str) -> str:
    """What a deputy typed, as stored: upper case, without spaces or dashes."""
    return typed.strip().upper().replace(" ", "").replace("-", "")


def login_url(base_url: str, code: str) -> str:
    """The URL a seat card's QR code opens on the tablet."""
    return f"{base_url}/tablet?code={code}"
