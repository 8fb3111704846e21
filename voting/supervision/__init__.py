"""Supervision (监督) of chosen projects: items, reports and review, inspections, issues, changes."""

__all__: list[str] = []
