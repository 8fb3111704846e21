"""The overview's pure figures: the on-time rule at its edges, progress of completed projects, totals."""

from __future__ import annotations

import datetime as dt

from voting.overview.figures import add_up, body_year, default_year
from voting.overview.models import ProjectFigure

TODAY = dt.date(2027, 6, 30)


def project(status: str, target: dt.date | None, completed: dt.date | None = None, percent: int = 40) -> ProjectFigure:
    """A chosen project with no rating."""
    return ProjectFigure(1, "项目", status, percent, target, completed, None, None, False)


def row() -> dict[str, object]:
    """A body row as the tree query returns it, with a program."""
    return {
        "body_id": 1, "body_name": "镇", "level": "township", "parent_id": None, "depth": 0, "program_id": 1,
        "program_title": "t", "phase": "supervise", "session_id": None, "suggestions": 5, "candidates": 3,
        "listed": 3, "votes_held": 1, "votes_in_progress": 0,
    }  # fmt: skip


def test_completed_on_its_target_date_is_on_time_a_day_later_is_not() -> None:
    on_the_day = project("completed", TODAY, TODAY)
    late = project("completed", TODAY, TODAY + dt.timedelta(days=1))
    found = body_year(row(), [on_the_day, late], TODAY)
    assert (found.on_time, found.due, found.on_time_pct) == (1, 2, 50)


def test_a_project_is_due_only_once_its_target_date_has_passed() -> None:
    today = project("in_progress", TODAY)
    yesterday = project("in_progress", TODAY - dt.timedelta(days=1))
    undated = project("in_progress", None)
    found = body_year(row(), [today, yesterday, undated], TODAY)
    assert (found.on_time, found.due, found.on_time_pct) == (0, 1, 0)


def test_a_completed_project_counts_as_done_and_a_stopped_one_not_at_all() -> None:
    done, half, stopped = (
        project("completed", None, TODAY, percent=60),
        project("in_progress", None, percent=20),
        project("stopped", None),
    )
    found = body_year(row(), [done, half, stopped], TODAY)
    assert (found.average_percent, found.completed, found.chosen) == (60, 1, 3)


def test_totals_take_the_on_time_rate_over_all_projects_due_not_the_average_of_rates() -> None:
    one = body_year(row(), [project("completed", TODAY, TODAY)], TODAY)  # 1/1
    three = body_year(row(), [project("in_progress", TODAY - dt.timedelta(days=1))] * 3, TODAY)  # 0/3
    totals = add_up([one, three])
    assert (totals.on_time, totals.due, totals.on_time_pct) == (1, 4, 25)  # not (100 + 0) / 2
    assert totals.suggestions == 10 and totals.phases == {"supervise": 2}


def test_the_default_year_is_the_newest_program_up_to_next_year_else_this_year() -> None:
    assert default_year([2028, 2027, 2026], TODAY.replace(year=2026)) == 2027  # 2028 is too far ahead
    assert default_year([2025], TODAY.replace(year=2026)) == 2025
    assert default_year([], TODAY.replace(year=2026)) == 2026
