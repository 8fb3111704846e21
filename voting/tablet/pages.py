"""The deputy's tablet page (the rating screen is voting/evaluation/pages.py)."""

from __future__ import annotations

from litestar import get
from litestar.response import Template

from voting.page_kit import page


@get("/tablet", include_in_schema=False)
async def tablet() -> Template:
    """The deputy's tablet; everything after the first paint is done by tablet.js."""
    return page("tablet/tablet.html")


ROUTES = [tablet]
