"""The one way a page answers a refusal: registered once, on the page router (voting/pages/routes.py).

A page handler raises like any service (`PiaojueError`, or `PageRefused` for "log in first"
and "not your role"); these handlers turn that into the HTML page. API routes keep the
JSON error body of voting/app.py.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.response import Redirect, Template
from litestar.types import ExceptionHandlersMap

from voting.errors import PiaojueError
from voting.page_kit.render import error_page


class PageRefused(Exception):
    """A page this browser may not see, with what to answer instead (the login redirect or the 403 page)."""

    def __init__(self, response: Template | Redirect) -> None:
        super().__init__(f"page refused with {response.status_code}")
        self.response = response


def on_page_refused(_: Request[Any, Any, Any], refusal: PageRefused) -> Response[Any]:
    """Answer a refused page with the redirect or the error page it carries."""
    return refusal.response


def on_page_error(_: Request[Any, Any, Any], error: PiaojueError) -> Response[Any]:
    """Answer a service's refusal (404, 409…) on a page with the HTML error page of the same status."""
    return error_page(error)


PAGE_ERROR_HANDLERS: ExceptionHandlersMap = {PageRefused: on_page_refused, PiaojueError: on_page_error}
