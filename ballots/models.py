"""Wire shapes for casting a ballot."""

from __future__ import annotations

from typing import Annotated

import msgspec

from tally.models import Mark


class CastBallot(msgspec.Struct, forbid_unknown_fields=True):
    """A marked ballot from a tablet; cast_id is the tablet's random id for this ballot."""

    cast_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{32}$")]
    marks: dict[int, Mark]


class CastReceipt(msgspec.Struct):
    """Sent only after the ballot is durably stored."""

    vote_id: int
    receipt: str
    resent: bool  # true when this was a resend of a ballot already stored
