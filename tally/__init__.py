"""Pure counting: rules, ranking, thresholds, ties, evaluation ratings. No I/O."""

from tally.ballot_check import allowed_marks, check_ballot, check_sections, counted_marks, is_blank, overmarked_sections
from tally.count import count_votes
from tally.errors import BallotRejected, InconsistentCount, RejectReason, TallyError
from tally.final import ChosenProject, FinalResult, Round, UnfilledReason, UnfilledSeats, final_result
from tally.models import (
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    Ballot,
    BallotForm,
    BallotSection,
    CandidateCount,
    CandidateOutcome,
    Fraction,
    Mark,
    OvermarkRule,
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
    "BallotSection",
    "CandidateCount",
    "CandidateOutcome",
    "ChosenProject",
    "FinalResult",
    "Fraction",
    "InconsistentCount",
    "Mark",
    "OvermarkRule",
    "RejectReason",
    "Round",
    "Runoff",
    "Tally",
    "TallyError",
    "ThresholdBase",
    "UnfilledReason",
    "UnfilledSeats",
    "VoteRules",
    "allowed_marks",
    "check_ballot",
    "check_sections",
    "count_votes",
    "counted_marks",
    "fewest_meeting",
    "final_result",
    "has_quorum",
    "is_blank",
    "meets",
    "overmarked_sections",
    "quorum_needed",
]
