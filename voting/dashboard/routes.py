"""Every route of the dashboard: public pages and residents' feedback."""

from litestar.types import ControllerRouterHandler

from voting.dashboard import feedback, pages

ROUTES: list[ControllerRouterHandler] = [*pages.ROUTES, *feedback.ROUTES]
