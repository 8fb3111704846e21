"""Pure counting: rules, ranking, thresholds, ties, evaluation ratings. No I/O."""

from tally.ballot_check import allowed_marks, check_ballot, is_blank
from tally.count import count_votes
from tally.errors import BallotRejected, InconsistentCount, RejectReason, TallyError
from tally.models import (
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    Ballot,
    BallotForm,
    CandidateCount,
    CandidateOutcome,
    Fraction,
    Mark,
    Runoff,
    Tally,
    ThresholdBase,
    VoteRules,
)
from tally.thresholds import fewest_meeting, has_quorum, meets, quorum_needed

__all__ = [
    "MORE_THAN_HALF",
    "TWO_THIRDS_OR_MORE",
    "Ballot",
    "BallotForm",
    "BallotRejected",
    "CandidateCount",
    "CandidateOutcome",
    "Fraction",
    "InconsistentCount",
    "Mark",
    "RejectReason",
    "Runoff",
    "Tally",
    "TallyError",
    "ThresholdBase",
    "VoteRules",
    "allowed_marks",
    "check_ballot",
    "count_votes",
    "fewest_meeting",
    "has_quorum",
    "is_blank",
    "meets",
    "quorum_needed",
]
