"""Receipts and resend recognition, derived from the tablet's secret cast id.

The tablet draws a random 128-bit cast id for each ballot it submits and sends
it with the ballot (again, unchanged, on a resend). From it:

- `submission_digest` is stored beside the deputy in ballot_issued, so a resend
  of the same ballot is recognised and answered with the same receipt;
- `receipt_code` is shown to the deputy (and never stored);
- `receipt_hash` is stored apart from the ballots and published after close,
  so the deputy can check that their ballot was counted.

The three use different domain prefixes: none can be computed from another
without the cast id, so nothing stored links a deputy to a receipt, and no
receipt leads to a ballot's content.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ballots.receipt_codes import normalize_receipt

CAST_ID = re.compile(r"^[0-9a-f]{32}$")


def _digest(domain: bytes, vote_id: int, value: str) -> bytes:
    return hashlib.sha256(domain + b"\0" + str(vote_id).encode() + b"\0" + value.encode()).digest()


def submission_digest(vote_id: int, cast_id: str) -> bytes:
    """What ballot_issued keeps to recognise a resend of the same ballot."""
    return _digest(b"piaojue/submission", vote_id, cast_id)


def receipt_code(vote_id: int, cast_id: str) -> str:
    """The deputy's receipt: 10 base32 characters shown as XXXXX-XXXXX."""
    # 10 base32 characters carry 50 bits: the first 7 bytes of the digest are enough.
    raw = base64.b32encode(_digest(b"piaojue/receipt", vote_id, cast_id)[:7]).decode()[:10]
    return f"{raw[:5]}-{raw[5:]}"


def receipt_hash(vote_id: int, code: str) -> bytes:
    """What the bulletin board lists for a receipt; a typed receipt is normalised first."""
    return _digest(b"piaojue/receipt-hash", vote_id, normalize_receipt(code))
