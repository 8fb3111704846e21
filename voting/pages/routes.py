"""The page router: every server-rendered page, with the one handler that answers a refusal as an HTML page.

Each page lives beside its feature (`voting/<package>/pages.py`, …) and is registered here,
so its refusals (404, 403, 409…) come back as the bilingual error page of the same status
(voting.page_kit.errors) while the API keeps its JSON errors (voting/app.py).
"""

from litestar import Router
from litestar.types import ControllerRouterHandler

from voting.bulletin import pages as bulletin
from voting.bulletin import verify_qr
from voting.dashboard import pages as dashboard
from voting.evaluation import pages as evaluation
from voting.overview import pages as overview
from voting.page_kit import PAGE_ERROR_HANDLERS
from voting.pages import home
from voting.paper import ballot_page
from voting.paper import pages as paper
from voting.programs import console_pages as programs_console
from voting.programs import public_pages as programs_public
from voting.roster import pages as roster
from voting.sealing import pages as sealing
from voting.sessions import pages as sessions
from voting.setup import pages as setup
from voting.setup import session_pages as setup_sessions
from voting.staff import pages as staff
from voting.supervision import pages as supervision
from voting.tablet import pages as tablet
from voting.votes import announcement_page, screens

PAGES: list[ControllerRouterHandler] = [
    *home.ROUTES,
    *staff.ROUTES,
    *sessions.ROUTES,
    *roster.ROUTES,
    *tablet.ROUTES,
    *screens.ROUTES,
    *paper.ROUTES,
    *ballot_page.ROUTES,
    *sealing.ROUTES,
    *announcement_page.ROUTES,
    *programs_public.ROUTES,
    *programs_console.ROUTES,
    *setup.ROUTES,
    *setup_sessions.ROUTES,
    *bulletin.ROUTES,
    *verify_qr.ROUTES,
    *supervision.ROUTES,
    *evaluation.ROUTES,
    *dashboard.ROUTES,
    *overview.ROUTES,
]

PAGE_ROUTER = Router(path="/", route_handlers=PAGES, exception_handlers=PAGE_ERROR_HANDLERS)
