"""Builds ballot piles with chosen totals, and counts them, so tests state results, not ballots."""

from __future__ import annotations

from collections.abc import Mapping

from tally import Ballot, Mark, Tally, VoteRules, count_votes


def ballots_giving(votes_for: Mapping[int, int], valid: int, *, void: int = 0, mark: Mark = Mark.FOR) -> list[Ballot]:
    """`valid` ballots where each candidate gets exactly `votes_for[id]` marks, plus `void`."""
    marks: list[dict[int, Mark]] = [{} for _ in range(valid)]
    for candidate_id, wanted in votes_for.items():
        assert wanted <= valid, "a candidate cannot get more marks than there are ballots"
        # Least-loaded ballots first keeps marks per ballot within one of each other,
        # the way real 12选10 ballots spread their ticks.
        order = sorted(range(valid), key=lambda index: (len(marks[index]), index))
        for index in order[:wanted]:
            marks[index][candidate_id] = mark
    pile = [Ballot(marks=m) for m in marks]
    pile += [Ballot(marks={}, void_reason="unreadable") for _ in range(void)]
    return pile


def most_marks(pile: list[Ballot]) -> int:
    """The most marks on any one ballot, to check a pile fits its ballot form."""
    return max((len(ballot.marks) for ballot in pile), default=0)


def count_with(seats: int, votes: dict[int, int], deputies: int = 20) -> Tally:
    """Count a choose-up-to-`seats` vote where every deputy is present and votes.

    With the default 20 deputies a candidate needs 11 votes to pass.
    """
    pile = ballots_giving(votes, deputies)
    assert most_marks(pile) <= seats
    return count_votes(VoteRules(seats=seats), list(votes), pile, deputies, deputies)
