"""Page routes: staff pages and the screens anyone may open."""

from litestar.types import ControllerRouterHandler

from voting.pages import (
    announcement,
    console,
    paper_count,
    paper_print,
    programs_console,
    programs_public,
    screens,
    sessions_console,
    setup_console,
    verify_qr,
)

ROUTES: list[ControllerRouterHandler] = [
    *console.ROUTES,
    *screens.ROUTES,
    *paper_count.ROUTES,
    *paper_print.ROUTES,
    *announcement.ROUTES,
    *programs_public.ROUTES,
    *programs_console.ROUTES,
    *setup_console.ROUTES,
    *sessions_console.ROUTES,
    *verify_qr.ROUTES,
]
