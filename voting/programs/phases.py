"""The phases of a yearly program and the rules for moving between them (pure: no I/O)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from voting.programs.models import Phase

PHASES: tuple[Phase, ...] = ("solicit", "shortlist", "deliberate", "vote", "supervise", "evaluate", "closed")
PHASE_NAMES = {
    "solicit": ("征集", "Solicitation"),
    "shortlist": ("初定", "Shortlisting"),
    "deliberate": ("审议", "Deliberation"),
    "vote": ("票决", "Vote"),
    "supervise": ("监督", "Supervision"),
    "evaluate": ("评估", "Evaluation"),
    "closed": ("结束", "Closed"),
}
# Regulations ask for at least 30 days of public solicitation.
SOLICIT_MIN_DAYS = 30
# Phase dates are the congress's calendar days, whatever the server's clock is set to.
# China keeps one zone with no daylight saving, so a fixed offset is exact and needs no tz database.
CONGRESS_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


def congress_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date where the congress sits (Asia/Shanghai)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(CONGRESS_TZ).date()


def step_of(current: Phase, target: Phase) -> int:
    """How many phases forward (positive) or back (negative) target is from current."""
    return PHASES.index(target) - PHASES.index(current)


def solicit_window(starts: Mapping[Phase, dt.date]) -> tuple[dt.date | None, dt.date | None]:
    """First and last day suggestions are taken (None: not scheduled on that side)."""
    closes = starts.get("shortlist")
    return starts.get("solicit"), (closes - dt.timedelta(days=1)) if closes else None


def in_window(starts: Mapping[Phase, dt.date], today: dt.date) -> bool:
    """Whether today lies in the scheduled solicitation window."""
    first, last = solicit_window(starts)
    return (first is None or first <= today) and (last is None or today <= last)


def schedule_warnings(starts: Mapping[Phase, dt.date]) -> list[str]:
    """Things a clerk should know about a schedule (not refusals)."""
    first, last = solicit_window(starts)
    if first is not None and last is not None and (last - first).days + 1 < SOLICIT_MIN_DAYS:
        return [f"solicit_window_short:{(last - first).days + 1}"]
    return []


def out_of_order(starts: Mapping[Phase, dt.date]) -> list[str]:
    """Phases whose start comes before an earlier phase's start."""
    dated = [(phase, starts[phase]) for phase in PHASES if phase in starts]
    return [later for (_, a), (later, b) in itertools.pairwise(dated) if b < a]


def early_move_concerns(
    current: Phase, target: Phase, starts: Mapping[Phase, dt.date], today: dt.date, suggestions: int
) -> list[dict[str, str]]:
    """Why a forward move looks premature (ahead of the schedule, or out of 征集 with nothing collected).

    Not refusals: a congress may have good reason; the clerk confirms with a reason, which is audited.
    """
    if step_of(current, target) <= 0:
        return []
    found = []
    scheduled = starts.get(target)
    if scheduled is not None and today < scheduled:
        zh, en = PHASE_NAMES[target]
        early, on, now = (scheduled - today).days, scheduled.isoformat(), today.isoformat()
        found.append(
            {
                "code": "ahead_of_schedule",
                "zh": f"「{zh}」阶段按计划于 {on} 开始，今天是 {now}，提前了 {early} 天",
                "en": f"{en} is scheduled to start on {on}; today is {now} ({early} days early)",
            }
        )
    if current == "solicit" and suggestions == 0:
        found.append(
            {
                "code": "nothing_collected",
                "zh": "征集阶段尚未收到任何意见建议",
                "en": "No suggestion has been collected in the solicitation phase",
            }
        )
    return found
