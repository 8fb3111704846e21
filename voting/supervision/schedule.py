"""When progress reports are due: the end of every period (quarterly by default), pure dates."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Protocol


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def reporting_start(started_on: dt.date, program_year: int) -> dt.date:
    """Where the report periods count from: the item's start, but never before its program's year.

    A 2027 project is chosen at a session in late 2026; its first quarterly report answers
    2027-03-31, not a 2026-12-31 that falls before any work may begin.
    """
    return max(started_on, dt.date(program_year, 1, 1))


def due_dates(started_on: dt.date, every_months: int, until: dt.date) -> list[dt.date]:
    """Ends of the reporting periods after the start up to `until` (inclusive), e.g. 3-31, 6-30, 9-30, 12-31."""
    found: list[dt.date] = []
    year, month = started_on.year, started_on.month
    while True:
        if month % every_months == 0:
            end = month_end(year, month)
            if end > until:
                return found
            if end > started_on:
                found.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def next_due(started_on: dt.date, every_months: int, covered: set[dt.date], today: dt.date) -> dt.date:
    """The earliest due date without a live report (the one a new report answers)."""
    horizon = dt.date(today.year + 2, 12, 31)
    for due in due_dates(started_on, every_months, horizon):
        if due not in covered:
            return due
    return horizon


def overdue(started_on: dt.date, every_months: int, covered: set[dt.date], today: dt.date) -> list[dt.date]:
    """Due dates already passed with no live report."""
    return [d for d in due_dates(started_on, every_months, today - dt.timedelta(days=1)) if d not in covered]


def current_period_end(started_on: dt.date, every_months: int, today: dt.date) -> dt.date:
    """The due date of the period today falls in: a report may answer it or any earlier one, never a later one."""
    return next(d for d in due_dates(started_on, every_months, dt.date(today.year + 2, 12, 31)) if d >= today)


class Scheduled(Protocol):
    """What the on-time rule reads of a project."""

    @property
    def status(self) -> str: ...
    @property
    def target_date(self) -> dt.date | None: ...
    @property
    def completed_on(self) -> dt.date | None: ...


def on_time(projects: Iterable[Scheduled], today: dt.date) -> tuple[int, int]:
    """(completed by their target date, due by now): a project with a target date is due once
    completed or once its target date has passed; the on-time rate is the first over the second."""
    due = [p for p in projects if p.target_date is not None and (p.status == "completed" or p.target_date < today)]
    good = [
        p
        for p in due
        if p.status == "completed" and p.completed_on is not None and p.target_date and p.completed_on <= p.target_date
    ]
    return len(good), len(due)
