"""The public dashboard of chosen projects: list, charts, each project's page and site poster."""

from voting.dashboard.charts import OUTCOME_COLOURS
from voting.dashboard.service import Project, Row, dashboard, project

__all__ = ["OUTCOME_COLOURS", "Project", "Row", "dashboard", "project"]
