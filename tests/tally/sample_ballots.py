"""Builds ballot piles with chosen totals, so tests state results, not ballots."""

from __future__ import annotations

from collections.abc import Mapping

from tally import Ballot, Mark


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
