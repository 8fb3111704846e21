"""Announcing a counted vote (当场公开): the one step that signs, records, starts supervision and tells every screen.

It sits above votes, bulletin and supervision and calls each in turn; none of them
calls up into it.
"""

from voting.announcement.routes import ROUTES
from voting.announcement.service import announce_vote

__all__ = ["ROUTES", "announce_vote"]
