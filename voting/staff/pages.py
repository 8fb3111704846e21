"""The staff login page."""

from __future__ import annotations

from litestar import get
from litestar.response import Template

from voting.page_kit import page


@get("/login", include_in_schema=False)
async def login_page() -> Template:
    """The staff login form; the script sends the browser on to ?next= afterwards."""
    return page("staff/login.html")


ROUTES = [login_page]
