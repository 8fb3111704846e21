"""The key ceremony and its key cards: one sealing key per vote, split k of n, and the shares read back.

At the ceremony the private key exists only in memory: it is split into n
shares (one key card each) and dropped; the service keeps the public key and
a commitment (a hash) of each share. At close, k cards rebuild it in memory.
A card names its vote and its number and ends with a check, so a mistyped,
repeated, foreign or wrong card is refused by name. Pure: no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Sequence

import msgspec

from ballots.sealing import fingerprint, public_key_of
from ballots.shamir import PRIME, ShareError, recover_secret, split_secret

__all__ = [
    "CardRefused",
    "KeyCard",
    "MadeKey",
    "card_label",
    "make_key",
    "read_cards",
    "share_commitment",
]

DOMAIN = b"piaojue-share/1"


class KeyCard(msgspec.Struct, frozen=True):
    """One scrutineer's share as printed: its number and the text the QR code carries."""

    number: int
    text: str


class MadeKey(msgspec.Struct, frozen=True):
    """What a ceremony keeps (public key, fingerprint, commitments) and hands out once (the cards)."""

    public_key: bytes
    fingerprint: str
    threshold: int
    commitments: list[str]  # by card number - 1
    cards: list[KeyCard]


class CardRefused(ValueError):
    """A key card that cannot be used, with the reason's code and the card's position among those given."""

    def __init__(self, code: str, position: int | None = None, **detail: object) -> None:
        super().__init__(code)
        self.code = code
        self.position = position
        self.detail = detail


def card_label(label: str) -> str:
    """ "vote:12" → "V12", "round:3" → "R3": the short name a card prints."""
    kind, _, number = label.partition(":")
    return {"vote": "V", "round": "R"}[kind] + number


def share_commitment(label: str, x: int, y: int) -> str:
    """The hash of one share the service keeps to recognise it (it tells nothing about the share)."""
    return hashlib.sha256(
        DOMAIN + b"\0" + label.encode() + b"\0" + x.to_bytes(2, "big") + y.to_bytes(32, "big")
    ).hexdigest()


def _check(body: str) -> str:
    return base64.b32encode(hashlib.sha256(DOMAIN + body.encode()).digest()[:5]).decode()[:4]


def _card_text(label: str, x: int, y: int) -> str:
    body = f"{card_label(label)}-{x}-{base64.b32encode(y.to_bytes(32, 'big')).decode().rstrip('=')}"
    return f"{body}-{_check(body)}"


def make_key(label: str, threshold: int, holders: int) -> MadeKey:
    """A fresh sealing key for label, split into `holders` cards of which `threshold` open it."""
    while True:
        secret = secrets.randbelow(PRIME)
        private = secret.to_bytes(32, "little")
        if len(set(private)) > 1:  # never an all-equal key (a broken generator)
            break
    coefficients = [secrets.randbelow(PRIME) for _ in range(threshold - 1)]
    points = split_secret(secret, threshold, holders, coefficients)
    public = public_key_of(private)
    return MadeKey(
        public_key=public,
        fingerprint=fingerprint(public),
        threshold=threshold,
        commitments=[share_commitment(label, x, y) for x, y in points],
        cards=[KeyCard(number=x, text=_card_text(label, x, y)) for x, y in points],
    )


def _read_card(text: str, position: int) -> tuple[str, int, int]:
    cleaned = "".join(text.split()).upper()
    parts = cleaned.split("-")
    if len(parts) != 4 or not parts[1].isdigit():
        raise CardRefused("share_malformed", position)
    body = "-".join(parts[:3])
    if _check(body) != parts[3]:
        raise CardRefused("share_malformed", position)
    try:
        y = int.from_bytes(base64.b32decode(parts[2] + "=" * (-len(parts[2]) % 8)), "big")
    except ValueError as error:
        raise CardRefused("share_malformed", position) from error
    return parts[0], int(parts[1]), y


def read_cards(
    texts: Sequence[str], label: str, commitments: Sequence[str], threshold: int, public_key: bytes
) -> bytes:
    """The private key rebuilt from the cards; CardRefused names the first problem found."""
    points: dict[int, int] = {}
    for position, text in enumerate(texts, start=1):
        card_of, x, y = _read_card(text, position)
        if card_of != card_label(label):
            raise CardRefused("share_for_another_vote", position, card_of=card_of)
        if x in points:
            raise CardRefused("share_repeated", position, number=x)
        if not 1 <= x <= len(commitments) or share_commitment(label, x, y) != commitments[x - 1]:
            raise CardRefused("share_wrong", position, number=x)
        points[x] = y
    if len(points) < threshold:
        raise CardRefused("shares_too_few", None, given=len(points), needed=threshold)
    try:
        private = recover_secret(list(points.items())).to_bytes(32, "little")
    except (ShareError, OverflowError) as error:
        raise CardRefused("share_wrong", None) from error
    if public_key_of(private) != public_key:
        raise CardRefused("share_wrong", None)
    return private
