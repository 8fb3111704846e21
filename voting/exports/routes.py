"""HTTP: the .xlsx downloads, each at its object's id so the one access rule finds the body."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath

from voting.auth import staff_only
from voting.auth.guards import is_staff
from voting.exports import sheets
from voting.exports.workbook import stamp, xlsx_response

TAGS = ["exports"]


@get("/api/bodies/{body_id:int}/deputies.xlsx", guards=[staff_only], summary="The roster (.xlsx)", tags=TAGS)
async def roster_xlsx(state: State, body_id: FromPath[int]) -> Response[bytes]:
    """The roster in the columns the import reads: it imports again unchanged."""
    sheet = await sheets.roster_sheet(state.pool, body_id)
    return await xlsx_response(sheet, stamp([sheet.title]), f"roster-{body_id}.xlsx")


@get(
    "/api/sessions/{session_id:int}/attendance.xlsx",
    guards=[staff_only],
    summary="A session's 签到表 (.xlsx)",
    tags=TAGS,
)
async def attendance_xlsx(state: State, session_id: FromPath[int]) -> Response[bytes]:
    """Each deputy checked in, on leave or absent, with 应到/实到 and the quorum."""
    sheet = await sheets.attendance_sheet(state.pool, session_id)
    return await xlsx_response(sheet, stamp([sheet.title]), f"attendance-{session_id}.xlsx")


@get("/api/votes/{vote_id:int}/result.xlsx", summary="A vote's result (.xlsx)", tags=TAGS)
async def result_xlsx(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[bytes]:
    """Public once announced; staff may download it once counted, as with the JSON result."""
    sheet = await sheets.result_sheet(state.pool, vote_id, public=not await is_staff(request))
    return await xlsx_response(sheet, stamp([sheet.title]), f"result-{vote_id}.xlsx")


@get("/api/programs/{program_id:int}/funnel.xlsx", summary="The funnel (.xlsx)", tags=TAGS)
async def funnel_xlsx(state: State, program_id: FromPath[int]) -> Response[bytes]:
    """Suggestions → candidates → chosen: the same public counts as funnel.csv."""
    sheet = await sheets.funnel_sheet(state.pool, program_id)
    return await xlsx_response(sheet, stamp([sheet.title]), f"funnel-{program_id}.xlsx")


@get("/api/programs/{program_id:int}/progress.xlsx", summary="Implementation progress (.xlsx)", tags=TAGS)
async def progress_xlsx(state: State, program_id: FromPath[int]) -> Response[bytes]:
    """The program's chosen projects: unit, money, progress, dates (public, as /api/items)."""
    sheet = await sheets.progress_sheet(state.pool, program_id)
    return await xlsx_response(sheet, stamp([sheet.title]), f"progress-{program_id}.xlsx")


@get("/api/evaluations/{round_id:int}/results.xlsx", summary="Evaluation results (.xlsx)", tags=TAGS)
async def evaluation_xlsx(state: State, round_id: FromPath[int]) -> Response[bytes]:
    """Each project's 满意/基本满意/不满意 counts and rating, once the round is closed (public, as the round)."""
    sheet = await sheets.evaluation_sheet(state.pool, round_id)
    return await xlsx_response(sheet, stamp([sheet.title]), f"evaluation-{round_id}.xlsx")


ROUTES = [roster_xlsx, attendance_xlsx, result_xlsx, funnel_xlsx, progress_xlsx, evaluation_xlsx]
