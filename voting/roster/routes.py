"""HTTP: bodies and their deputies (the roster)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from litestar import Request, delete, get, patch, post
from litestar.datastructures import State, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body as BodyParam
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, provide_principal, staff_only
from voting.errors import BadRequest
from voting.roster import service
from voting.roster.models import Deputy, DeputyCreate, DeputyUpdate, ImportPreview, ImportResult
from voting.roster.spreadsheet import MAX_FILE_BYTES


@get("/api/bodies/{body_id:int}/deputies", guards=[staff_only], summary="A body's deputies", tags=["roster"])
async def list_deputies(state: State, body_id: FromPath[int]) -> list[Deputy]:
    """The roster of one body."""
    return await service.list_deputies(state.pool, body_id)


@post("/api/bodies/{body_id:int}/deputies", guards=[clerks], summary="Add a deputy", tags=["roster"])
async def add_deputy(
    request: Request[Any, Any, Any], state: State, body_id: FromPath[int], data: JSONBody[DeputyCreate]
) -> Deputy:
    """Add one deputy to a body."""
    who = await provide_principal(request)
    [deputy] = await service.add_deputies(state.pool, who, body_id, [data], "added")
    return deputy


@dataclass
class RosterUpload:
    """The import form: the file, and (to confirm) the preview's digest."""

    data: UploadFile | None = None  # optional here so that a missing file gets our own bilingual answer
    preview: str = ""


Upload = Annotated[RosterUpload, BodyParam(media_type=RequestEncodingType.MULTI_PART)]


async def read_upload(form: RosterUpload, want_digest: bool) -> tuple[bytes, str]:
    """The file's bytes (and the preview's digest), or a bilingual 4xx."""
    if not isinstance(form.data, UploadFile) or not form.data.filename:
        raise BadRequest("file_missing", "请选择要导入的名单文件", "Choose a roster file to import", field="data")
    # Read one byte past the limit: enough to know it is too large, never more.
    raw = await form.data.read(MAX_FILE_BYTES + 1)
    digest = form.preview.strip()
    if want_digest and not digest:
        zh, en = "请先预览，再确认导入", "Preview the file first, then confirm"
        raise BadRequest("preview_missing", zh, en, field="preview")
    return raw, digest


IMPORT_NOTE = (
    "Multipart: `data`, an .xlsx workbook (first sheet) or a CSV in UTF-8 or GBK; a header row with "
    "姓名 (required), 代表团, 座位, 电话, 代表编号. Rows match deputies by 代表编号, else by name and "
    "delegation. Any bad row refuses the whole file, listing every bad row."
)


@post(
    "/api/bodies/{body_id:int}/deputies/import/preview",
    guards=[clerks],
    status_code=200,
    summary="Preview a roster import (.xlsx or CSV)",
    tags=["roster"],
    description=IMPORT_NOTE + " Writes nothing.",
    request_max_body_size=MAX_FILE_BYTES + 64 * 1024,
)
async def preview_import(state: State, body_id: FromPath[int], data: Upload) -> ImportPreview:
    """Who the file would add, whose details it would change, and who it leaves alone."""
    raw, _ = await read_upload(data, want_digest=False)
    return await service.preview_import(state.pool, body_id, raw)


@post(
    "/api/bodies/{body_id:int}/deputies/import",
    guards=[clerks],
    status_code=200,
    summary="Confirm a previewed roster import",
    tags=["roster"],
    description=IMPORT_NOTE + " Also `preview`: the preview's digest; if the file or the roster changed since, "
    "409 and nothing is written.",
    request_max_body_size=MAX_FILE_BYTES + 64 * 1024,
)
async def import_deputies(
    request: Request[Any, Any, Any], state: State, body_id: FromPath[int], data: Upload
) -> ImportResult:
    """Apply exactly what the preview showed, all rows or none."""
    raw, digest = await read_upload(data, want_digest=True)
    who = await provide_principal(request)
    return await service.confirm_import(state.pool, who, body_id, raw, digest)


@patch("/api/deputies/{deputy_id:int}", guards=[clerks], summary="Edit a deputy", tags=["roster"])
async def edit_deputy(
    request: Request[Any, Any, Any], state: State, deputy_id: FromPath[int], data: JSONBody[DeputyUpdate]
) -> Deputy:
    """Change a deputy's details, or end their term with active=false."""
    who = await provide_principal(request)
    return await service.update_deputy(state.pool, who, deputy_id, data)


@delete(
    "/api/deputies/{deputy_id:int}",
    guards=[clerks],
    summary="Delete a deputy entered by mistake",
    tags=["roster"],
    description="Only a deputy who never checked in, took a ballot, rated or monitored a project; "
    "otherwise 409 (end their term instead).",
)
async def delete_deputy(request: Request[Any, Any, Any], state: State, deputy_id: FromPath[int]) -> None:
    """Remove a deputy who was never part of anything (audited)."""
    who = await provide_principal(request)
    await service.delete_deputy(state.pool, who, deputy_id)


ROUTES = [
    list_deputies,
    add_deputy,
    preview_import,
    import_deputies,
    edit_deputy,
    delete_deputy,
]
