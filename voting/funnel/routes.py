"""HTTP: the funnel as JSON and CSV (public: counts only)."""

from __future__ import annotations

from litestar import Response, get
from litestar.datastructures import State
from litestar.params import FromPath

from voting.funnel import service
from voting.funnel.models import Funnel


@get("/api/programs/{program_id:int}/funnel", summary="The funnel in numbers", tags=["funnel"])
async def get_funnel(state: State, program_id: FromPath[int]) -> Funnel:
    """Suggestions → candidates → chosen, by category, source and place."""
    return await service.funnel(state.pool, program_id)


# "text/csv" alone: Litestar adds "; charset=utf-8" to text types itself (written here too, it came twice).
@get("/api/programs/{program_id:int}/funnel.csv", summary="The funnel as CSV", tags=["funnel"], media_type="text/csv")
async def funnel_csv(state: State, program_id: FromPath[int]) -> Response[str]:
    """The same numbers as a spreadsheet."""
    result = await service.funnel(state.pool, program_id)
    return Response(
        service.funnel_csv(result),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="funnel-{program_id}.csv"'},
    )


ROUTES = [get_funnel, funnel_csv]
