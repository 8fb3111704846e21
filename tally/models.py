"""Plain data the counting rules take and give: vote rules, ballots, tallies."""

from __future__ import annotations

from enum import StrEnum

import msgspec


class Mark(StrEnum):
    """What a deputy marked next to one candidate."""

    FOR = "for"  # 赞成 / 画○
    AGAINST = "against"  # 反对
    ABSTAIN = "abstain"  # 弃权


class BallotForm(StrEnum):
    """How the ballot is laid out (票决办法 · 表决方式)."""

    CHOOSE_UP_TO_N = "choose_up_to_n"  # 12选10: mark at most N candidates
    PER_CANDIDATE = "per_candidate"  # 赞成/反对/弃权 next to each candidate


class ThresholdBase(StrEnum):
    """Whose number a candidate's votes are measured against."""

    ALL = "all"  # 全体代表 (the law's default)
    PRESENT = "present"  # 出席代表


class Fraction(msgspec.Struct, frozen=True):
    """A share such as 过半数 (> 1/2) or 三分之二以上 (>= 2/3).

    In Chinese law 以上/以下 include the number itself (inclusive=True) while
    超过/过半数 do not (inclusive=False).
    """

    numerator: int
    denominator: int
    inclusive: bool


MORE_THAN_HALF = Fraction(1, 2, inclusive=False)
TWO_THIRDS_OR_MORE = Fraction(2, 3, inclusive=True)


class OvermarkRule(StrEnum):
    """What an over-marked choose-up-to-N ballot loses (多选作废)."""

    BALLOT = "ballot"  # the whole ballot is void (the default)
    SECTION = "section"  # only the over-marked section is void; the rest of the ballot counts


class BallotSection(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A part of a choose-up-to-N ballot with its own limit, e.g. 教育类 选2项 (the ballot's seats still cap all)."""

    candidate_ids: tuple[int, ...]
    seats: int
    title: str = ""


class VoteRules(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The voting method (票决办法) fixed for one vote."""

    seats: int
    form: BallotForm = BallotForm.CHOOSE_UP_TO_N
    threshold_base: ThresholdBase = ThresholdBase.ALL
    threshold: Fraction = MORE_THAN_HALF
    quorum: Fraction = TWO_THIRDS_OR_MORE
    sections: tuple[BallotSection, ...] = ()  # choose-up-to-N only; candidates may be in at most one
    overmark: OvermarkRule = OvermarkRule.BALLOT


class Ballot(msgspec.Struct, frozen=True):
    """One cast ballot as counted: candidate id → mark; no marks is a blank ballot.

    `void_reason` is set for a ballot the tellers declared invalid (作废) as a
    whole (paper only: over-marked, unreadable); electronic ballots are checked
    before they are accepted and are never void.
    """

    marks: dict[int, Mark]
    void_reason: str | None = None


class CandidateOutcome(StrEnum):
    """Where one candidate stands after the count."""

    CHOSEN = "chosen"  # 当选 / 入选
    RUNOFF = "runoff"  # tied at the cut line: goes to 再次投票
    NOT_CHOSEN = "not_chosen"  # passed the threshold but ranked below the seats
    BELOW_THRESHOLD = "below_threshold"  # did not reach the threshold


class CandidateCount(msgspec.Struct, frozen=True):
    """One candidate's line in the result; every candidate gets one."""

    candidate_id: int
    votes_for: int
    votes_against: int
    abstentions: int
    passes_threshold: bool
    rank: int  # competition rank by votes_for among all candidates: 1, 2, 2, 4
    outcome: CandidateOutcome


class Runoff(msgspec.Struct, frozen=True):
    """Candidates tied at the cut line and the seats they compete for."""

    candidate_ids: list[int]
    seats: int


class Tally(msgspec.Struct, frozen=True):
    """The full count of one vote (计票结果)."""

    deputies_total: int  # 应到 / 全体代表
    deputies_present: int  # 实到 / 出席
    ballots_cast: int  # ballots counted (electronic + returned paper)
    ballots_valid: int  # includes blank ballots
    ballots_invalid: int
    ballots_blank: int
    threshold_base: int  # the number the threshold is a share of
    threshold_votes: int  # the fewest votes for that pass the threshold
    seats: int
    counts: list[CandidateCount]  # ordered by rank, then by list order
    chosen: list[int]  # chosen candidate ids, best first
    runoff: Runoff | None
    seats_unfilled: int  # seats neither filled nor sent to a runoff
