"""Satisfaction evaluation (满意度测评): rating levels, scoring sheets, the project's rating. No I/O.

Default rule (from practice): 满意 if 满意 votes are more than half of all
members; 基本满意 if 满意 + 基本满意 are more than half; otherwise 不满意.
Exactly half is not more than half. The base (all members or those who
rated) and the share are configurable per round, as are weighted indicators.

A round publishes a result only when enough members rated (`participation`):
by default more than half of all members (过半数), as for any decision of the
body; a handful of sheets cannot send a project to 整改. See
docs/decisions.md ("Evaluation rounds need 过半数").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

import msgspec

from tally.models import MORE_THAN_HALF, Fraction, ThresholdBase
from tally.thresholds import fewest_meeting, meets

__all__ = [
    "Indicator",
    "Level",
    "LevelCounts",
    "Participation",
    "ProjectRating",
    "RatingMethod",
    "RatingRules",
    "count_levels",
    "participation",
    "rate_by_levels",
    "rate_by_scores",
    "sheet_points",
]


class Level(StrEnum):
    """What one deputy said about one project."""

    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意
    ABSTAIN = "abstained"  # 弃权 (only where the round allows it)


class RatingMethod(StrEnum):
    """How deputies rate in a round."""

    LEVELS = "levels"  # 满意/基本满意/不满意
    INDICATORS = "indicators"  # a scoring sheet of weighted indicators, 0–100 each


class Indicator(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One line of a scoring sheet, e.g. 工程进度 with weight 30 (weights add up to 100)."""

    name: str
    weight: int


DEFAULT_INDICATORS = (
    Indicator("工程进度 progress", 30),
    Indicator("工程质量 quality", 30),
    Indicator("资金使用 funds", 20),
    Indicator("群众满意 residents", 20),
)


class RatingRules(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A round's rating method and rule, fixed when the round is created."""

    method: RatingMethod = RatingMethod.LEVELS
    allow_abstain: bool = True
    base: ThresholdBase = ThresholdBase.ALL  # ALL: all members; PRESENT: deputies who rated
    share: Fraction = MORE_THAN_HALF
    indicators: tuple[Indicator, ...] = DEFAULT_INDICATORS
    satisfied_at: int = 80  # scoring sheets: average score for 满意 (inclusive)
    basic_at: int = 60  # … and for 基本满意 (inclusive)
    # The fewest sheets, as a share of all members, for the round to publish a result (过半数).
    participation: Fraction = MORE_THAN_HALF

    def problems(self) -> list[str]:
        """What makes these rules unusable (empty when they are fine)."""
        found = []
        if self.share.denominator <= 0 or not 0 < self.share.numerator <= self.share.denominator:
            found.append("share must be a fraction in (0, 1]")
        floor = self.participation
        if floor.denominator <= 0 or not 0 <= floor.numerator <= floor.denominator:
            found.append("participation must be a fraction in [0, 1]")
        if self.method is RatingMethod.INDICATORS:
            names = [i.name for i in self.indicators]
            if not names or len(set(names)) != len(names) or any(not n.strip() for n in names):
                found.append("indicators need distinct, non-empty names")
            if any(i.weight <= 0 for i in self.indicators) or sum(i.weight for i in self.indicators) != 100:
                found.append("indicator weights must be positive and add up to 100")
            if not 0 <= self.basic_at <= self.satisfied_at <= 100:
                found.append("need 0 <= basic_at <= satisfied_at <= 100")
        return found


class LevelCounts(msgspec.Struct, frozen=True):
    """How many deputies gave each level to one project."""

    satisfied: int = 0
    basic: int = 0
    unsatisfied: int = 0
    abstained: int = 0

    @property
    def rated(self) -> int:
        """Ratings that say something (abstentions excluded)."""
        return self.satisfied + self.basic + self.unsatisfied


class ProjectRating(msgspec.Struct, frozen=True):
    """One project's result in a round (what the dashboard shows)."""

    outcome: Level  # never ABSTAIN
    sheets: int  # deputies who rated this project (abstentions included)
    base: int  # the number the share is taken of
    needed: int  # the fewest votes that are "more than half" of base
    counts: LevelCounts
    satisfaction_pct: float  # (满意 + 基本满意) / rated, in percent, one decimal; 0 when nobody rated
    average_score: float | None = None  # scoring sheets only, two decimals
    # The shares the outcome was decided on, of `base` (all members or those who rated, as the rules say):
    # shown beside the outcome so the figure and the outcome never contradict each other.
    base_kind: ThresholdBase | None = None  # None in results stored before these fields existed
    satisfied_pct: float | None = None  # 满意 / base
    approving_pct: float | None = None  # (满意 + 基本满意) / base


class Participation(msgspec.Struct, frozen=True):
    """How many members rated in a round, and whether that is enough to publish a result."""

    rated: int
    members: int
    needed: int  # the fewest sheets that meet the round's participation floor
    enough: bool


def participation(rules: RatingRules, rated: int, members: int) -> Participation:
    """Whether `rated` of `members` meets the round's floor (default: more than half of all members)."""
    needed = fewest_meeting(members, rules.participation)
    return Participation(rated=rated, members=members, needed=needed, enough=members > 0 and rated >= needed)


def count_levels(levels: Iterable[Level]) -> LevelCounts:
    """Tally one project's levels."""
    found = {level: 0 for level in Level}
    for level in levels:
        found[level] += 1
    return LevelCounts(
        satisfied=found[Level.SATISFIED],
        basic=found[Level.BASIC],
        unsatisfied=found[Level.UNSATISFIED],
        abstained=found[Level.ABSTAIN],
    )


def _percent(part: int, whole: int) -> float:
    # Rounded half up on tenths in integer arithmetic, so 2/3 is 66.7 everywhere.
    if whole == 0:
        return 0.0
    tenths = (part * 2000 + whole) // (2 * whole)
    return tenths / 10


def _base(rules: RatingRules, counts: LevelCounts, members: int) -> int:
    if counts.rated + counts.abstained > members:
        raise ValueError(f"{counts.rated + counts.abstained} ratings for {members} members")
    return members if rules.base is ThresholdBase.ALL else counts.rated + counts.abstained


def rate_by_levels(rules: RatingRules, counts: LevelCounts, members: int) -> ProjectRating:
    """The project's rating from its level counts; `members` is all members of the body."""
    if counts.abstained and not rules.allow_abstain:
        raise ValueError("abstentions are not allowed in this round")
    base = _base(rules, counts, members)
    if base > 0 and meets(counts.satisfied, base, rules.share):
        outcome = Level.SATISFIED
    elif base > 0 and meets(counts.satisfied + counts.basic, base, rules.share):
        outcome = Level.BASIC
    else:
        outcome = Level.UNSATISFIED
    return ProjectRating(
        outcome=outcome,
        sheets=counts.rated + counts.abstained,
        base=base,
        needed=fewest_meeting(base, rules.share),
        counts=counts,
        satisfaction_pct=_percent(counts.satisfied + counts.basic, counts.rated),
        base_kind=rules.base,
        satisfied_pct=_percent(counts.satisfied, base),
        approving_pct=_percent(counts.satisfied + counts.basic, base),
    )


def sheet_points(rules: RatingRules, scores: Mapping[str, int]) -> int:
    """One scoring sheet's weighted total in hundredths of a point (0..10000)."""
    names = {i.name for i in rules.indicators}
    if set(scores) != names:
        raise ValueError("a scoring sheet must score exactly the round's indicators")
    if any(not 0 <= s <= 100 for s in scores.values()):
        raise ValueError("scores are 0..100")
    return sum(scores[i.name] * i.weight for i in rules.indicators)


def rate_by_scores(rules: RatingRules, sheets: Iterable[Mapping[str, int]], members: int) -> ProjectRating:
    """The project's rating from scoring sheets: the average weighted score against the round's cut-offs."""
    points = [sheet_points(rules, sheet) for sheet in sheets]
    n = len(points)
    if n > members:
        raise ValueError(f"{n} sheets for {members} members")
    total = sum(points)
    # Compared in integers: average >= cut  ⇔  total >= cut × 100 × n.
    if n and total >= rules.satisfied_at * 100 * n:
        outcome = Level.SATISFIED
    elif n and total >= rules.basic_at * 100 * n:
        outcome = Level.BASIC
    else:
        outcome = Level.UNSATISFIED
    counts = count_levels(
        Level.SATISFIED
        if p >= rules.satisfied_at * 100
        else Level.BASIC
        if p >= rules.basic_at * 100
        else Level.UNSATISFIED
        for p in points
    )
    average = round(total / n / 100, 2) if n else 0.0
    # Scores are averaged over the sheets whatever the base; the shares below are of the sheets too.
    return ProjectRating(
        outcome=outcome,
        sheets=n,
        base=members if rules.base is ThresholdBase.ALL else n,
        needed=0,
        counts=counts,
        satisfaction_pct=_percent(counts.satisfied + counts.basic, counts.rated),
        average_score=average,
        base_kind=ThresholdBase.PRESENT,
        satisfied_pct=_percent(counts.satisfied, n),
        approving_pct=_percent(counts.satisfied + counts.basic, n),
    )
