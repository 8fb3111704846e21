"""What an archive says about the sealed ballots: the key ceremony, and the count opened by k key cards.

Checked from the audit chain the archive carries, with no database and no key:
the sealing key's fingerprint is that of the published public key; k of n is
sane; the count was opened once, by at least k different cards, with the same
key; and it opened exactly as many sealed ballots as there are trackers on
the board. Pure: hashlib and the archive's own data.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from audit.archive import Archive, ArchivedEntry

__all__ = ["SealingProblem", "check_sealing", "sealed_void_count", "sealing_fingerprint"]

DOMAIN = b"piaojue-seal/1"


class SealingProblem(Exception):
    """The chain's account of the sealed ballots does not hold together."""


def sealing_fingerprint(public_key: bytes) -> str:
    """The fingerprint of a sealing key (ballots.sealing.fingerprint, restated so audit imports no ballots)."""
    return hashlib.sha256(DOMAIN + b"\0key\0" + public_key).hexdigest()


def _events(archive: Archive, action: str) -> list[ArchivedEntry]:
    return [
        e
        for e in archive.audit_chain.entries
        if e.action == action and e.object_type == "vote" and e.object_id == str(archive.vote_id)
    ]


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SealingProblem(message)


def sealed_void_count(archive: Archive) -> int:
    """How many sealed ballots the opening found void (0 when nothing was sealed)."""
    opened = _events(archive, "vote.unsealed")
    return int(opened[0].detail.get("void", 0)) if len(opened) == 1 else 0


def check_sealing(archive: Archive) -> str:
    """The key ceremony and the opening agree with each other and with the board; a message if so."""
    made, opened = _events(archive, "sealing.key_made"), _events(archive, "vote.unsealed")
    trackers = len(archive.receipts)
    if not made and not opened:
        _require(trackers == 0, f"{trackers} sealed ballots but no key ceremony in the chain")
        return "no sealed ballots (paper vote)"
    _require(len(made) == 1, f"expected one key ceremony, found {len(made)}")
    key: dict[str, Any] = made[0].detail
    public = base64.b64decode(str(key["public_key"]), validate=True)
    _require(sealing_fingerprint(public) == key["fingerprint"], "the key's fingerprint is not its public key's")
    cards = len(key["card_commitments"])
    threshold = int(key["threshold"])
    _require(2 <= threshold <= cards == len(key["holders"]), f"{threshold} of {cards} cards is not a sane split")
    if trackers == 0 and not opened:
        return f"key {key['fingerprint'][:16]}…, {threshold} of {cards} cards; no tablet ballot to open"
    _require(len(opened) == 1, f"expected the count opened once, found {len(opened)}")
    opening: dict[str, Any] = opened[0].detail
    _require(opening["fingerprint"] == key["fingerprint"], "the count was opened with another key")
    numbers = list(opening["cards"])
    _require(len(set(numbers)) == len(numbers) >= threshold, f"opened with cards {numbers}, fewer than {threshold}")
    _require(all(1 <= n <= cards for n in numbers), f"opened with cards {numbers}, not all of the {cards} made")
    _require(int(opening["opened"]) == trackers, f"{opening['opened']} ballots opened for {trackers} trackers")
    _require(0 <= int(opening["void"]) <= trackers, "more void sealed ballots than sealed ballots")
    return (
        f"key {key['fingerprint'][:16]}…, {threshold} of {cards} cards; opened by cards {numbers}: "
        f"{trackers} sealed ballots, {opening['void']} void"
    )
