"""The dashboard's API: residents' feedback (its pages are registered with every page, voting/pages/routes.py)."""

from voting.dashboard import feedback

ROUTES: list[object] = [*feedback.ROUTES]
