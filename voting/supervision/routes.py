"""HTTP: implementation items, progress reports and photos, inspections, issues, changes."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get, patch, post
from litestar.datastructures import State, UploadFile
from litestar.params import FromPath, FromQuery, JSONBody

from voting.auth import clerks, liaisons, provide_principal
from voting.auth.guards import clerks_or_liaisons, optional_principal, presidium, watched_body_ids
from voting.errors import BadRequest
from voting.supervision import oversight, reports, service
from voting.supervision.models import (
    Change,
    ChangeCreate,
    ChangeDecision,
    Inspection,
    InspectionCreate,
    Issue,
    IssueAnswer,
    IssueClose,
    Item,
    ItemUpdate,
    Milestone,
    MilestoneCreate,
    Report,
    ReportFields,
    Review,
    StatusSet,
)
from voting.supervision.photos import MAX_BYTES, MAX_PHOTOS

TAGS = ["supervision"]


@get("/api/items", summary="Chosen projects in implementation (public)", tags=TAGS)
async def list_items(state: State, body_id: FromQuery[int | None] = None) -> list[Item]:
    """Every implementation item, or a body's."""
    return await service.list_items(state.pool, body_id)


@get("/api/items/{item_id:int}", summary="One implementation item (public)", tags=TAGS)
async def get_item(state: State, item_id: FromPath[int]) -> Item:
    """Status, progress, schedule, milestones and monitoring group."""
    return await service.get_item(state.pool, item_id)


@patch("/api/items/{item_id:int}", guards=[clerks], summary="Set department, schedule, monitors", tags=TAGS)
async def update_item(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[ItemUpdate]
) -> Item:
    """A clerk assigns the department, report schedule, presidium member and monitoring group."""
    return await service.update_item(state.pool, await provide_principal(request), item_id, data)


@post("/api/items/{item_id:int}/milestones", guards=[clerks_or_liaisons], summary="Add a milestone", tags=TAGS)
async def add_milestone(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[MilestoneCreate]
) -> Milestone:
    """A planned step of the project."""
    return await service.add_milestone(state.pool, await provide_principal(request), item_id, data)


@post("/api/items/{item_id:int}/status", guards=[clerks], summary="Mark completed / in progress", tags=TAGS)
async def set_status(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[StatusSet]
) -> Item:
    """Completion only; 调整/暂缓/终止 need a decided change request (409 otherwise)."""
    await oversight.set_status(state.pool, await provide_principal(request), item_id, data)
    return await service.get_item(state.pool, item_id)


@get("/api/liaison/items", guards=[liaisons], summary="My department's items", tags=TAGS)
async def my_items(request: Request[Any, Any, Any], state: State) -> list[Item]:
    """The liaison's department's items, with due and overdue reports."""
    return await service.department_items(state.pool, await provide_principal(request))


async def read_report_form(request: Request[Any, Any, Any]) -> tuple[ReportFields, list[tuple[str, bytes]]]:
    """The multipart form: fields, and up to MAX_PHOTOS files under `photos`."""
    form = await request.form()
    fields: dict[str, Any] = {}
    uploads: list[tuple[str, bytes]] = []
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key != "photos" or not value.filename:
                continue
            if len(uploads) >= MAX_PHOTOS:
                raise BadRequest("too_many_photos", f"每份报告最多{MAX_PHOTOS}张照片", f"At most {MAX_PHOTOS} photos")
            # Read one byte past the limit: enough to know it is too large, never more.
            uploads.append((value.filename, await value.read(MAX_BYTES + 1)))
        elif key == "photos":
            continue  # an empty file input: browsers send it with filename="", which arrives as text
        elif key == "milestone_ids":
            fields.setdefault("milestone_ids", []).append(value)
        else:
            fields[key] = value
    try:
        return msgspec.convert(fields, ReportFields, strict=False), uploads
    except msgspec.ValidationError as error:
        raise BadRequest("invalid_request", "报告内容不正确", "The report is invalid", reason=str(error)) from error


@post(
    "/api/items/{item_id:int}/reports",
    guards=[liaisons],
    summary="File a progress report (multipart: fields and photos)",
    tags=TAGS,
    request_max_body_size=MAX_PHOTOS * MAX_BYTES + 1024 * 1024,
    opt={"request_media_type": "multipart/form-data"},  # read by hand: voting.auth.same_origin
)
async def file_report(request: Request[Any, Any, Any], state: State, item_id: FromPath[int]) -> Report:
    """percent, spent_wan, narrative, decrease_reason (needed if percent goes down), milestone_ids, photos."""
    fields, uploads = await read_report_form(request)
    who = await provide_principal(request)
    return await reports.file_report(state.pool, state.settings.data_dir, who, item_id, fields, uploads)


@get("/api/items/{item_id:int}/reports", summary="Published progress reports (public)", tags=TAGS)
async def item_reports(state: State, item_id: FromPath[int]) -> list[Report]:
    """An item's published reports, newest first."""
    return await reports.item_reports(state.pool, item_id, published_only=True)


@get("/api/reports/pending", guards=[clerks], summary="Reports awaiting review", tags=TAGS)
async def pending_reports(request: Request[Any, Any, Any], state: State) -> list[Report]:
    """Submitted reports of the projects of the clerk's body and those below it."""
    watched = await watched_body_ids(request, await provide_principal(request))
    return await reports.pending_reports(state.pool, watched)


@post("/api/reports/{report_id:int}/review", guards=[clerks], status_code=200, summary="Publish or return", tags=TAGS)
async def review_report(
    request: Request[Any, Any, Any], state: State, report_id: FromPath[int], data: JSONBody[Review]
) -> Report:
    """Publish a report (it then updates the item) or return it with a note."""
    return await reports.review_report(state.pool, await provide_principal(request), report_id, data)


@get("/api/photos/{photo_id:str}", summary="A report photo", tags=TAGS)
async def photo(request: Request[Any, Any, Any], state: State, photo_id: FromPath[str]) -> Response[bytes]:
    """A published report's photo (or, before publication, for clerks and the department)."""
    return await photo_response(request, state, photo_id, thumbnail=False)


@get("/api/photos/{photo_id:str}/thumb", summary="A report photo's thumbnail", tags=TAGS)
async def photo_thumbnail(request: Request[Any, Any, Any], state: State, photo_id: FromPath[str]) -> Response[bytes]:
    """The photo scaled down (480 px), as lists and the dashboard show it; the same access rule."""
    return await photo_response(request, state, photo_id, thumbnail=True)


async def photo_response(
    request: Request[Any, Any, Any], state: State, photo_id: str, thumbnail: bool
) -> Response[bytes]:
    """A photo or its thumbnail, with headers that keep a browser from treating it as anything else."""
    who = await optional_principal(request)
    content, media_type = await reports.photo_for(state.pool, state.settings.data_dir, photo_id, who, thumbnail)
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": "inline",
        "Cache-Control": "private, max-age=3600",
    }
    return Response(content, media_type=media_type, headers=headers)


class InspectionRecorded(msgspec.Struct):
    """An inspection and the issues it raised."""

    inspection: Inspection
    issues: list[Issue]


@post("/api/items/{item_id:int}/inspections", guards=[clerks], summary="Record an inspection (视察)", tags=TAGS)
async def record_inspection(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[InspectionCreate]
) -> InspectionRecorded:
    """Findings, and issues for the department to answer."""
    inspection, issues = await oversight.record_inspection(state.pool, await provide_principal(request), item_id, data)
    return InspectionRecorded(inspection, issues)


@post("/api/issues/{issue_id:int}/answer", guards=[liaisons], status_code=200, summary="Answer an issue", tags=TAGS)
async def answer_issue(
    request: Request[Any, Any, Any], state: State, issue_id: FromPath[int], data: JSONBody[IssueAnswer]
) -> Issue:
    """The department's answer."""
    return await oversight.answer_issue(state.pool, await provide_principal(request), issue_id, data)


@post("/api/issues/{issue_id:int}/close", guards=[clerks], status_code=200, summary="Close or send back", tags=TAGS)
async def close_issue(
    request: Request[Any, Any, Any], state: State, issue_id: FromPath[int], data: JSONBody[IssueClose]
) -> Issue:
    """Close an answered issue, or send it back for another answer."""
    return await oversight.close_issue(state.pool, await provide_principal(request), issue_id, data)


@post("/api/items/{item_id:int}/changes", guards=[clerks_or_liaisons], summary="Request 调整/暂缓/终止", tags=TAGS)
async def request_change(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[ChangeCreate]
) -> Change:
    """A change request with its reason; nothing changes until decided."""
    return await oversight.request_change(state.pool, await provide_principal(request), item_id, data)


@post("/api/changes/{change_id:int}/decision", guards=[presidium], status_code=200, summary="Decide", tags=TAGS)
async def decide_change(
    request: Request[Any, Any, Any], state: State, change_id: FromPath[int], data: JSONBody[ChangeDecision]
) -> Change:
    """Record who decided (and the document); an approved change takes effect and is published."""
    return await oversight.decide_change(state.pool, await provide_principal(request), change_id, data)


ROUTES = [
    list_items,
    get_item,
    update_item,
    add_milestone,
    set_status,
    my_items,
    file_report,
    item_reports,
    pending_reports,
    review_report,
    photo,
    photo_thumbnail,
    record_inspection,
    answer_issue,
    close_issue,
    request_change,
    decide_change,
]
