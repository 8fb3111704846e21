"""From stored rows to the overview's figures (pure: no I/O)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from voting.overview.models import BodyYear, ProjectFigure, Totals
from voting.supervision import schedule


def percent(part: int, whole: int) -> int | None:
    """A whole percentage, or None when there is nothing to take it of."""
    return round(100 * part / whole) if whole else None


def progress(project: ProjectFigure) -> int:
    """How far a project is: 100 once completed (a clerk may complete it before a 100% report), else its report's."""
    return 100 if project.status == "completed" else project.percent


def body_year(row: Mapping[str, Any], projects: Sequence[ProjectFigure], today: dt.date) -> BodyYear:
    """One body's row: the program's counts as stored, the projects' progress, timeliness and ratings."""
    carried = [p for p in projects if p.status != "stopped"]
    good, due = schedule.on_time(projects, today)
    ratings = Counter(p.rating for p in projects if p.rating)
    rated = [p.satisfaction_pct for p in projects if p.satisfaction_pct is not None]
    return BodyYear(
        body_id=row["body_id"],
        body_name=row["body_name"],
        level=row["level"],
        parent_id=row["parent_id"],
        depth=row["depth"],
        program_id=row["program_id"],
        program_title=row["program_title"],
        phase=row["phase"],
        session_id=row["session_id"],
        suggestions=row["suggestions"] or 0,
        candidates=row["candidates"] or 0,
        listed=row["listed"] or 0,
        votes_held=row["votes_held"] or 0,
        votes_in_progress=row["votes_in_progress"] or 0,
        chosen=len(projects),
        completed=sum(1 for p in projects if p.status == "completed"),
        average_percent=round(sum(progress(p) for p in carried) / len(carried)) if carried else None,
        on_time=good,
        due=due,
        on_time_pct=percent(good, due),
        satisfied=ratings["satisfied"],
        basic=ratings["basic"],
        unsatisfied=ratings["unsatisfied"],
        satisfaction_pct=round(sum(rated) / len(rated), 1) if rated else None,
        rectifying=sum(1 for p in projects if p.rectifying),
        projects=list(projects),
    )


def add_up(rows: Sequence[BodyYear]) -> Totals:
    """Every body's figures added up; the on-time rate is taken over all projects due, not averaged."""
    phases = Counter(r.phase or "none" for r in rows)
    good, due = sum(r.on_time for r in rows), sum(r.due for r in rows)
    return Totals(
        bodies=len(rows),
        with_program=sum(1 for r in rows if r.program_id is not None),
        phases=dict(phases),
        suggestions=sum(r.suggestions for r in rows),
        candidates=sum(r.candidates for r in rows),
        votes_held=sum(r.votes_held for r in rows),
        chosen=sum(r.chosen for r in rows),
        completed=sum(r.completed for r in rows),
        on_time=good,
        due=due,
        on_time_pct=percent(good, due),
        satisfied=sum(r.satisfied for r in rows),
        basic=sum(r.basic for r in rows),
        unsatisfied=sum(r.unsatisfied for r in rows),
        rectifying=sum(r.rectifying for r in rows),
    )


def default_year(years: list[int], today: dt.date) -> int:
    """The year being worked on: the newest program up to next year's (prepared in the autumn), else this year."""
    return max((y for y in years if y <= today.year + 1), default=today.year)
