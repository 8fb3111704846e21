"""Wire shapes for casting a ballot."""

from __future__ import annotations

from typing import Annotated

import msgspec


class CastBallot(msgspec.Struct, forbid_unknown_fields=True):
    """A sealed ballot from a tablet (ballots.sealing; base64); cast_id is the tablet's random id for it."""

    cast_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{32}$")]
    sealed: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9+/]+={0,2}$", max_length=48_000)]


class CastReceipt(msgspec.Struct):
    """Sent only after the ballot is durably stored."""

    vote_id: int
    receipt: str  # the tracker's first 50 bits, XXXXX-XXXXX, as the tablet shows it
    tracker: str  # sha256 hex of the sealed ballot, published on the bulletin board after the count
    resent: bool  # true when this was a resend of a ballot already stored
