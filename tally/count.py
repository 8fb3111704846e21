"""The count of one vote: tallies per candidate, threshold, ranking, seats and ties."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tally.ballot_check import check_ballot, check_sections, counted_marks
from tally.errors import InconsistentCount
from tally.models import (
    Ballot,
    BallotForm,
    CandidateCount,
    CandidateOutcome,
    Mark,
    Runoff,
    Tally,
    ThresholdBase,
    VoteRules,
)
from tally.thresholds import fewest_meeting, meets

__all__ = ["count_votes"]


class _Line:
    """A candidate's running totals while the ballots are read."""

    __slots__ = ("abstentions", "against", "candidate_id", "position", "votes_for")

    def __init__(self, candidate_id: int, position: int) -> None:
        self.candidate_id = candidate_id
        self.position = position
        self.votes_for = 0
        self.against = 0
        self.abstentions = 0


def _check_inputs(rules: VoteRules, candidate_ids: Sequence[int], deputies_total: int, deputies_present: int) -> None:
    if rules.seats < 1:
        raise InconsistentCount(f"a vote needs at least one seat, got {rules.seats}")
    if len(set(candidate_ids)) != len(candidate_ids):
        raise InconsistentCount("a candidate appears twice on the list")
    check_sections(rules, candidate_ids)
    if not 0 <= deputies_present <= deputies_total:
        raise InconsistentCount(f"deputies present ({deputies_present}) must be 0..{deputies_total} (all deputies)")


def _read_ballots(
    rules: VoteRules, candidate_ids: Sequence[int], ballots: Iterable[Ballot]
) -> tuple[dict[int, _Line], int, int, int]:
    """Add up the ballots; return the lines and the cast, valid and blank counts."""
    lines = {cid: _Line(cid, position) for position, cid in enumerate(candidate_ids)}
    cast = valid = blank = 0
    for ballot in ballots:
        cast += 1
        if ballot.void_reason is not None:
            continue  # a void ballot is cast but its marks are never read
        # An over-marked section is left out where the rules say only it is void;
        # otherwise tellers must void a bad paper ballot and the tablet must refuse
        # a bad electronic one: a bad ballot reaching the count is a bug, not a vote.
        marks = counted_marks(rules, ballot.marks)
        check_ballot(rules, candidate_ids, marks)
        valid += 1
        if not ballot.marks:
            blank += 1  # a ballot whose only marks were in a void section was marked: not blank
        for cid, mark in marks.items():
            line = lines[cid]
            if mark == Mark.FOR:
                line.votes_for += 1
            elif mark == Mark.AGAINST:
                line.against += 1
            else:
                line.abstentions += 1
    if rules.form == BallotForm.PER_CANDIDATE:
        # 未表态视为弃权: a candidate left unmarked on a valid ballot is an abstention.
        for line in lines.values():
            line.abstentions = valid - line.votes_for - line.against
    return lines, cast, valid, blank


def _ranks(ordered: list[_Line]) -> dict[int, int]:
    """Competition ranks by votes for (1, 2, 2, 4) over an already sorted list."""
    ranks: dict[int, int] = {}
    for index, line in enumerate(ordered):
        if index > 0 and line.votes_for == ordered[index - 1].votes_for:
            ranks[line.candidate_id] = ranks[ordered[index - 1].candidate_id]
        else:
            ranks[line.candidate_id] = index + 1
    return ranks


def _fill_seats(passing: list[_Line], seats: int) -> tuple[list[int], Runoff | None]:
    """Pick the chosen from passing candidates (sorted best first) and any runoff."""
    if len(passing) <= seats:
        return [line.candidate_id for line in passing], None
    cut_votes = passing[seats - 1].votes_for
    if passing[seats].votes_for != cut_votes:
        return [line.candidate_id for line in passing[:seats]], None
    # The last seat is tied: never pick silently. Everyone strictly above the tie
    # is chosen; the whole tied group goes to 再次投票 for the seats left.
    chosen = [line.candidate_id for line in passing if line.votes_for > cut_votes]
    tied = [line.candidate_id for line in passing if line.votes_for == cut_votes]
    return chosen, Runoff(candidate_ids=tied, seats=seats - len(chosen))


def _outcome(line: _Line, passes: bool, chosen: set[int], runoff: Runoff | None) -> CandidateOutcome:
    if line.candidate_id in chosen:
        return CandidateOutcome.CHOSEN
    if runoff is not None and line.candidate_id in runoff.candidate_ids:
        return CandidateOutcome.RUNOFF
    return CandidateOutcome.NOT_CHOSEN if passes else CandidateOutcome.BELOW_THRESHOLD


def count_votes(
    rules: VoteRules,
    candidate_ids: Sequence[int],
    ballots: Iterable[Ballot],
    deputies_total: int,
    deputies_present: int,
) -> Tally:
    """Count one vote's ballots into the full result (计票结果) under its rules."""
    _check_inputs(rules, candidate_ids, deputies_total, deputies_present)
    lines, cast, valid, blank = _read_ballots(rules, candidate_ids, ballots)
    if cast > deputies_present:
        # One ballot per deputy present; more means ballots were stuffed or duplicated.
        raise InconsistentCount(f"{cast} ballots cast by {deputies_present} deputies present")

    base = deputies_total if rules.threshold_base == ThresholdBase.ALL else deputies_present
    # Sorting on (votes desc, list position) makes the result independent of ballot
    # order and keeps equal candidates in the order the presidium listed them.
    ordered = sorted(lines.values(), key=lambda line: (-line.votes_for, line.position))
    passes = {line.candidate_id: meets(line.votes_for, base, rules.threshold) for line in ordered}
    passing = [line for line in ordered if passes[line.candidate_id]]
    chosen, runoff = _fill_seats(passing, rules.seats)
    ranks = _ranks(ordered)
    chosen_set = set(chosen)

    counts = [
        CandidateCount(
            candidate_id=line.candidate_id,
            votes_for=line.votes_for,
            votes_against=line.against,
            abstentions=line.abstentions,
            passes_threshold=passes[line.candidate_id],
            rank=ranks[line.candidate_id],
            outcome=_outcome(line, passes[line.candidate_id], chosen_set, runoff),
        )
        for line in ordered
    ]
    runoff_seats = runoff.seats if runoff is not None else 0
    return Tally(
        deputies_total=deputies_total,
        deputies_present=deputies_present,
        ballots_cast=cast,
        ballots_valid=valid,
        ballots_invalid=cast - valid,
        ballots_blank=blank,
        threshold_base=base,
        threshold_votes=fewest_meeting(base, rules.threshold),
        seats=rules.seats,
        counts=counts,
        chosen=chosen,
        runoff=runoff,
        seats_unfilled=rules.seats - len(chosen) - runoff_seats,
    )
