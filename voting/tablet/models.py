"""What a tablet is shown."""

from __future__ import annotations

import msgspec

from voting.votes.models import Vote


class VotedEarlier(msgspec.Struct):
    """A closed vote this deputy took a ballot in: what the tablet names (never what was voted)."""

    id: int
    title: str
    state: str


class TabletView(msgspec.Struct):
    """The deputy's screen: who, where, and the vote to mark (if one is open)."""

    deputy_id: int
    deputy_name: str
    session_id: int
    session_title: str
    body_name: str
    vote: Vote | None  # the open vote, or None
    voted: bool  # whether this deputy already took a ballot in that vote
    # With no vote open: the latest closed vote of the session, if this deputy voted in it, so a tablet
    # turned off and on still says "you have voted" with its receipt until the next vote opens.
    voted_earlier: VotedEarlier | None = None
