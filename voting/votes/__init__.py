"""Votes (票决): create → open (quorum) → close (count) → announce, runoffs, results and turnout."""

from voting.votes.agenda import final_of
from voting.votes.models import Result, Turnout, Vote, VoteCreate, VoteMode
from voting.votes.results import (
    count_present,
    count_present_for,
    load_visible_vote,
    load_vote,
    result,
    session_votes,
    turnout,
    visible_vote,
)

__all__ = [
    "Result",
    "Turnout",
    "Vote",
    "VoteCreate",
    "VoteMode",
    "count_present",
    "count_present_for",
    "final_of",
    "load_visible_vote",
    "load_vote",
    "result",
    "session_votes",
    "turnout",
    "visible_vote",
]
