"""A county's or city's year at a glance: its own program and those of every body below it (issue 10)."""

from voting.overview.models import BodyYear, Overview, ProjectFigure, Totals
from voting.overview.service import overview

__all__ = ["BodyYear", "Overview", "ProjectFigure", "Totals", "overview"]
