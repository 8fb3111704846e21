"""What a tablet is shown."""

from __future__ import annotations

import msgspec

from voting.votes.models import Vote


class TabletView(msgspec.Struct):
    """The deputy's screen: who, where, and the vote to mark (if one is open)."""

    deputy_id: int
    deputy_name: str
    session_id: int
    session_title: str
    body_name: str
    vote: Vote | None  # the open vote, or None
    voted: bool  # whether this deputy already took a ballot in that vote
