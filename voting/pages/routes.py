"""Page routes: staff pages and the screens anyone may open."""

from voting.pages import (
    console,
    paper_count,
    paper_print,
    programs_console,
    programs_public,
    screens,
    verify_qr,
)

ROUTES: list[object] = [
    *console.ROUTES,
    *screens.ROUTES,
    *paper_count.ROUTES,
    *paper_print.ROUTES,
    *programs_public.ROUTES,
    *programs_console.ROUTES,
    *verify_qr.ROUTES,
]
