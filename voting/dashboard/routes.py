"""The dashboard's API: residents' feedback (its pages are registered with every page, voting/pages/routes.py)."""

from litestar.types import ControllerRouterHandler

from voting.dashboard import feedback

ROUTES: list[ControllerRouterHandler] = [*feedback.ROUTES]
