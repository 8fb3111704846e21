"""HTTP: a body's year overview as JSON (its page: voting/overview/pages.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.datastructures import State
from litestar.params import FromPath, Parameter
from litestar.types import ControllerRouterHandler

from voting.auth.guards import presidium
from voting.overview import service
from voting.overview.models import Overview

Year = Annotated[
    int | None,
    Parameter(ge=2000, le=2100, description="default: newest program year ≤ next year"),
]


@get(
    "/api/bodies/{body_id:int}/overview",
    guards=[presidium],  # a county's or city's staff watch the bodies below (voting.auth.scope)
    summary="A body's year at a glance, with every body below it",
    tags=["bodies"],
    description=(
        "Each body's program of the year: phase, suggestions, candidates, votes, chosen projects, progress,"
        " on-time rate and satisfaction ratings. Staff of the body or of a body above it."
    ),
)
async def get_overview(state: State, body_id: FromPath[int], year: Year = None) -> Overview:
    """The body's program of the year and those of the bodies below it, in figures."""
    return await service.overview(state.pool, body_id, year)


ROUTES: list[ControllerRouterHandler] = [get_overview]
