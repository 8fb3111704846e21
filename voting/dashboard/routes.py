"""Every route of the dashboard: public pages and residents' feedback."""

from voting.dashboard import feedback, pages

ROUTES: list[object] = [*pages.ROUTES, *feedback.ROUTES]
