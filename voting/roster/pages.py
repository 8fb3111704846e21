"""The roster page: add, edit, end and import a body's deputies (roster.js does the work)."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.bodies.service import get_body
from voting.page_kit import CLERKS, may_act, page, staff_page_user


@get("/console/bodies/{body_id:int}/roster", include_in_schema=False)
async def roster_page(request: Request[Any, Any, Any], state: State, body_id: FromPath[int]) -> Template:
    """Add, edit, end and import deputies of one body."""
    who = await staff_page_user(request)
    body = await get_body(state.pool, body_id)
    return page("roster/roster.html", who=who, body=body, editable=may_act(who, CLERKS))


ROUTES = [roster_page]
