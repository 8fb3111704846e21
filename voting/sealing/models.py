"""Wire shapes for the key ceremony, the public sealing key, and the cards presented at the count."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

DEFAULT_HOLDERS = ["总监票人 Chief scrutineer", "监票人 Scrutineer 2", "监票人 Scrutineer 3"]
Holder = Annotated[str, msgspec.Meta(min_length=1, max_length=60)]


class KeyCeremony(msgspec.Struct, forbid_unknown_fields=True):
    """Make the key cards: who holds each (n = len(holders)) and how many open the count (k)."""

    threshold: Annotated[int, msgspec.Meta(ge=2, le=7)] = 2
    holders: Annotated[list[Holder], msgspec.Meta(min_length=2, max_length=7)] = msgspec.field(
        default_factory=lambda: list(DEFAULT_HOLDERS)
    )


class HeldCard(msgspec.Struct):
    """One card as the ceremony hands it out: number, holder and text (never stored)."""

    number: int
    holder: str
    text: str


class MadeCards(msgspec.Struct):
    """What a ceremony returns once: the key's fingerprint, k, and the cards."""

    label: str
    fingerprint: str
    threshold: int
    cards: list[HeldCard]


class KeyCardOut(msgspec.Struct):
    """One printable key card: its number, holder, text and QR code (SVG); shown once."""

    number: int
    holder: str
    text: str
    qr_svg: str


class KeyCards(msgspec.Struct):
    """The cards of a ceremony, returned once and never stored."""

    label: str  # "vote:12" or "round:3"
    fingerprint: str
    threshold: int
    cards: list[KeyCardOut]


class SealingKey(msgspec.Struct):
    """What a tablet seals to, and what anyone may check: public key, fingerprint, k of n, sizes."""

    label: str
    public_key: str  # base64 of the raw 32-byte X25519 key
    fingerprint: str
    threshold: int
    holders: list[str]
    plain_size: int  # every sealed ballot's plaintext is padded to this many bytes
    made_at: dt.datetime


class PresentCards(msgspec.Struct, forbid_unknown_fields=True):
    """The key cards the scrutineers present (typed or scanned), k of them or more."""

    cards: Annotated[list[Annotated[str, msgspec.Meta(max_length=200)]], msgspec.Meta(max_length=7)]
