"""Shares of a number, in integer arithmetic: thresholds and quorum."""

from __future__ import annotations

from tally.models import Fraction

__all__ = ["fewest_meeting", "has_quorum", "meets", "quorum_needed"]


def _check_share(share: Fraction) -> None:
    # A zero or negative denominator would silently flip the comparison.
    if share.denominator <= 0 or share.numerator < 0:
        raise ValueError(f"not a valid share: {share.numerator}/{share.denominator}")


def meets(count: int, base: int, share: Fraction) -> bool:
    """Whether `count` reaches `share` of `base` (inclusive: >=, otherwise strictly >)."""
    _check_share(share)
    # Cross-multiplied so that 75 of 150 is exactly half, with no float rounding.
    left = count * share.denominator
    right = base * share.numerator
    return left >= right if share.inclusive else left > right


def fewest_meeting(base: int, share: Fraction) -> int:
    """The smallest count for which `meets(count, base, share)` holds."""
    _check_share(share)
    whole, remainder = divmod(base * share.numerator, share.denominator)
    if share.inclusive:
        return whole if remainder == 0 else whole + 1
    return whole + 1


def has_quorum(present: int, total: int, quorum: Fraction) -> bool:
    """Whether enough deputies are checked in for a vote to open; a body with no deputies never has one."""
    return total > 0 and meets(present, total, quorum)


def quorum_needed(total: int, quorum: Fraction) -> int:
    """The fewest deputies checked in that make a quorum."""
    return fewest_meeting(total, quorum)
