"""The staff page of a body's year at a glance: figures, charts, and the ways into each body's pages."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath, Parameter
from litestar.response import Template

from voting.bodies.models import LEVEL_NAMES
from voting.overview import charts
from voting.overview.service import overview
from voting.page_kit import PRESIDIUM, page, staff_page_user
from voting.programs.phases import PHASE_NAMES, PHASES
from voting.supervision.models import STATUS_NAMES

OUTCOME_NAMES = {"satisfied": ("满意", "Satisfied"), "basic": ("基本满意", "Fairly"), "unsatisfied": ("不满意", "Not")}


@get("/console/bodies/{body_id:int}/overview", include_in_schema=False)
async def overview_page(
    request: Request[Any, Any, Any],
    state: State,
    body_id: FromPath[int],
    year: Annotated[int | None, Parameter(ge=2000, le=2100)] = None,
) -> Template:
    """A county's (or city's, or township's) year: one row a body, with charts."""
    who = await staff_page_user(request, *PRESIDIUM)
    found = await overview(state.pool, body_id, year)
    return page(
        "overview/overview.html",
        who=who,
        o=found,
        phases=PHASES,
        phase_names=PHASE_NAMES,
        level_names=LEVEL_NAMES,
        statuses=STATUS_NAMES,
        outcomes=OUTCOME_NAMES,
        no_program=charts.NO_PROGRAM,
        ladder=charts.ladder,
        phase_chart=charts.by_phase(found.totals),
        progress_chart=charts.progress(found.rows),
        satisfaction_chart=charts.satisfaction(found.rows),
    )


ROUTES = [overview_page]
