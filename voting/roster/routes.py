"""HTTP: bodies and their deputies (the roster)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from litestar import Request, get, patch, post
from litestar.datastructures import State, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body as BodyParam
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, provide_principal, staff_only
from voting.errors import BadRequest
from voting.roster import service
from voting.roster.models import Body, Deputy, DeputyCreate, DeputyUpdate, ImportResult
from voting.roster.queries import all_bodies

MAX_CSV_BYTES = 2 * 1024 * 1024


@get("/api/bodies", guards=[staff_only], summary="All bodies", tags=["roster"])
async def list_bodies(state: State) -> list[Body]:
    """Every congress known to this service."""
    async with state.pool.acquire() as conn:
        return [Body(**dict(r)) for r in await all_bodies(conn)]


@get("/api/bodies/{body_id:int}/deputies", guards=[staff_only], summary="A body's deputies", tags=["roster"])
async def list_deputies(state: State, body_id: FromPath[int]) -> list[Deputy]:
    """The roster of one body."""
    return await service.list_deputies(state.pool, body_id)


@post("/api/bodies/{body_id:int}/deputies", guards=[clerks], summary="Add a deputy", tags=["roster"])
async def add_deputy(request: Request, state: State, body_id: FromPath[int], data: JSONBody[DeputyCreate]) -> Deputy:
    """Add one deputy to a body."""
    who = await provide_principal(request)
    [deputy] = await service.add_deputies(state.pool, who, body_id, [data], "added")
    return deputy


@dataclass
class RosterUpload:
    """The multipart form of a roster import: the CSV file in the part named `data`."""

    data: UploadFile


@post(
    "/api/bodies/{body_id:int}/deputies/import",
    guards=[clerks],
    status_code=200,
    summary="Import deputies from CSV",
    tags=["roster"],
    description="Columns 姓名/name (required), 代表团/delegation, 座位/seat, 电话/phone. "
    "Any bad row rejects the whole file, listing every bad row.",
)
async def import_deputies(
    request: Request,
    state: State,
    body_id: FromPath[int],
    data: Annotated[RosterUpload, BodyParam(media_type=RequestEncodingType.MULTI_PART)],
) -> ImportResult:
    """Import a CSV roster, all rows or none."""
    who = await provide_principal(request)
    raw = await data.data.read()
    if len(raw) > MAX_CSV_BYTES:
        raise BadRequest("csv_too_large", "文件超过2MB", "The file is larger than 2 MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")  # Excel on Chinese Windows saves CSV in GBK
        except UnicodeDecodeError as error:
            raise BadRequest("csv_encoding", "无法识别文件编码", "Unreadable file encoding") from error
    return await service.import_csv(state.pool, who, body_id, text)


@patch("/api/deputies/{deputy_id:int}", guards=[clerks], summary="Edit a deputy", tags=["roster"])
async def edit_deputy(request: Request, state: State, deputy_id: FromPath[int], data: JSONBody[DeputyUpdate]) -> Deputy:
    """Change a deputy's details, or end their term with active=false."""
    who = await provide_principal(request)
    return await service.update_deputy(state.pool, who, deputy_id, data)


ROUTES = [list_bodies, list_deputies, add_deputy, import_deputies, edit_deputy]
