"""Resend recognition, derived from the tablet's secret cast id and its sealed ballot's tracker.

The tablet draws a random 128-bit cast id for each ballot it seals and sends
it with the sealed bytes (again, unchanged, on a resend). `submission_digest`
of "cast id:tracker" is stored beside the deputy in ballot_issued, so a resend
of the very same sealed ballot is recognised and answered with the same
receipt (the tracker, ballots/sealing.py), while nothing stored pairs a deputy
with a tracker without the cast id, which is never stored.
"""

from __future__ import annotations

import hashlib
import re

CAST_ID = re.compile(r"^[0-9a-f]{32}$")


def submission_digest(vote_id: int, value: str) -> bytes:
    """What ballot_issued keeps to recognise a resend of the same sealed ballot."""
    return hashlib.sha256(b"piaojue/submission\0" + str(vote_id).encode() + b"\0" + value.encode()).digest()
