"""Public pages: every chosen project with charts, each project's page with its timeline, the site poster."""

from __future__ import annotations

from litestar import get
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery
from litestar.response import Template
from markupsafe import Markup

from voting.dashboard import charts
from voting.dashboard.charts import approval_of
from voting.dashboard.service import dashboard, project
from voting.evaluation.models import LEVEL_NAMES
from voting.page_kit import page, qr_svg
from voting.supervision.models import CHANGE_NAMES, STATUS_NAMES
from voting.supervision.service import get_item, today


@get("/projects", include_in_schema=False)
async def projects(state: State, body_id: FromQuery[int | None] = None) -> Template:
    """The public dashboard: status, progress, latest published report, evaluation; charts."""
    rows, bodies = await dashboard(state.pool, body_id)
    items = [r.item for r in rows]
    on_time_chart, on_time_rate = charts.on_time(items, today())
    rated = [
        # The share the outcome was decided on (of all members, by default), so bar and colour agree.
        (r.item.name, approval_of(r.evaluation.result), r.evaluation.result.outcome.value)
        for r in rows
        if r.evaluation
    ]
    return page(
        "dashboard/dashboard.html",
        rows=rows,
        bodies=bodies,
        body_id=body_id,
        statuses=STATUS_NAMES,
        levels=LEVEL_NAMES,
        category_chart=charts.by_category(items),
        on_time_chart=on_time_chart,
        on_time_rate=on_time_rate,
        satisfaction_chart=charts.satisfaction(rated) if rated else None,
        completed=sum(1 for i in items if i.status == "completed"),
    )


@get("/projects/{item_id:int}", include_in_schema=False)
async def project_page(state: State, item_id: FromPath[int]) -> Template:
    """One project: facts, progress, published reports with photos, inspections, changes, evaluations, timeline."""
    found = await project(state.pool, item_id)
    return page(
        "dashboard/project.html",
        p=found,
        item=found.item,
        statuses=STATUS_NAMES,
        levels=LEVEL_NAMES,
        change_names=CHANGE_NAMES,
        feedback_api=f"/api/projects/{item_id}/feedback",
    )


@get("/projects/{item_id:int}/poster", include_in_schema=False)
async def project_poster(state: State, item_id: FromPath[int]) -> Template:
    """A printable A4 poster for the project site: a QR code leading to the project's page and feedback form."""
    item = await get_item(state.pool, item_id)
    url = f"{state.settings.public_base_url}/projects/{item_id}"
    return page("dashboard/poster.html", item=item, url=url, qr=Markup(qr_svg(url)))


ROUTES = [projects, project_page, project_poster]
