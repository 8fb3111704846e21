"""Progress reports: a liaison files one for the next due date, a clerk publishes or returns it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg

from audit.queries import record
from voting.auth import Principal, Role
from voting.database import transaction
from voting.departments.service import department_of
from voting.errors import BadRequest, Conflict, not_found
from voting.supervision import photos, queries, schedule
from voting.supervision.models import BEING_CARRIED_OUT, Report, ReportFields, Review
from voting.supervision.service import checked_money, require_item, require_own_item, today
from voting.text_fields import required_text


async def file_report(
    pool: asyncpg.Pool,
    data_dir: Path,
    who: Principal,
    item_id: int,
    fields: ReportFields,
    uploads: list[tuple[str, bytes]],
) -> Report:
    """Check everything, store the photos, then write the report and its photos in one transaction."""
    if len(uploads) > photos.MAX_PHOTOS:
        raise BadRequest(
            "too_many_photos", f"每份报告最多{photos.MAX_PHOTOS}张照片", f"At most {photos.MAX_PHOTOS} photos a report"
        )
    checked_money(fields.spent_wan, "已用资金", "Money spent")
    narrative = required_text(fields.narrative, "narrative", "进展情况")
    # Decoding and re-encoding is CPU work: off the event loop, one photo at a time.
    encoded = [await asyncio.to_thread(photos.reencode_photo, content, name) for name, content in uploads]
    stored: list[str] = []
    committed = False
    try:
        stored = [await asyncio.to_thread(photos.store_photo, data_dir, photo) for photo in encoded]
        async with transaction(pool) as conn:
            item = await require_own_item(conn, who, item_id, for_update=True)
            if item.status not in BEING_CARRIED_OUT:
                raise Conflict("item_not_in_progress", "该项目不在实施中，无需报告", "This project is not in progress")
            previous = await queries.last_live_percent(conn, item_id)
            previous = item.percent if previous is None else max(previous, item.percent)
            reason = fields.decrease_reason.strip()
            if fields.percent < previous and not reason:
                raise BadRequest(
                    "decrease_needs_reason",
                    f"完成进度由{previous}%降为{fields.percent}%，须说明原因",
                    f"Progress goes down from {previous}% to {fields.percent}%: give a reason",
                    previous=previous,
                )
            period = item.next_due or today()
            start = schedule.reporting_start(item.started_on, item.program_year)
            if period > schedule.current_period_end(start, item.report_every_months, today()):
                raise Conflict("report_exists", "本期报告已提交", "This period's report was already filed")
            try:
                report_id = await queries.insert_report(
                    conn,
                    item_id,
                    period,
                    fields.percent,
                    fields.spent_wan,
                    narrative,
                    reason,
                    who.subject_id,
                )
            except asyncpg.CheckViolationError as error:
                raise BadRequest("report_invalid", "报告内容不完整", "The report is incomplete") from error
            except asyncpg.UniqueViolationError as error:
                raise Conflict(
                    "report_exists", "本期报告已提交", "A report for this period was already filed"
                ) from error
            wanted = set(fields.milestone_ids)
            if await queries.link_milestones(conn, report_id, item_id, sorted(wanted)) != len(wanted):
                raise BadRequest("unknown_milestone", "所选节点不属于该项目", "A milestone is not of this project")
            for photo_id, photo in zip(stored, encoded, strict=True):
                await queries.insert_photo(conn, photo_id, report_id, photos.MEDIA_TYPE, len(photo.picture))
            await record(
                conn,
                who.audit(
                    "report.submitted",
                    "progress_report",
                    report_id,
                    {
                        "item_id": item_id,
                        "period_due": period.isoformat(),
                        "percent": fields.percent,
                        "photos": len(stored),
                    },
                ),
            )
            row = await queries.report_by_id(conn, report_id)
        committed = True
    finally:
        if not committed:
            photos.discard_photos(data_dir, stored)
    assert row is not None  # inserted above in the same transaction
    return Report(**dict(row))


async def review_report(pool: asyncpg.Pool, who: Principal, report_id: int, review: Review) -> Report:
    """Publish a submitted report (it then moves the item's figures) or return it with a note."""
    if not review.publish and not review.note.strip():
        raise BadRequest("return_needs_note", "退回报告须说明原因", "Say why the report is returned")
    async with transaction(pool) as conn:
        row = await queries.report_by_id(conn, report_id, for_update=True)
        if row is None:
            raise not_found("进展报告", "Progress report")
        if row["state"] != "submitted":
            raise Conflict("report_reviewed", "该报告已审核", "This report was already reviewed", state=row["state"])
        await require_item(conn, row["item_id"], for_update=True)
        state = "published" if review.publish else "returned"
        await queries.mark_reviewed(conn, report_id, state, review.note.strip())
        if review.publish:
            await queries.apply_published(conn, report_id, today())
        await record(conn, who.audit(f"report.{state}", "progress_report", report_id, {"note": review.note.strip()}))
        reviewed = await queries.report_by_id(conn, report_id)
        assert reviewed is not None  # locked above in the same transaction
        return Report(**dict(reviewed))


async def item_reports(pool: asyncpg.Pool, item_id: int, published_only: bool) -> list[Report]:
    """An item's reports (the public sees the published ones)."""
    async with pool.acquire() as conn:
        await require_item(conn, item_id)
        rows = await queries.reports(conn, [item_id], "published" if published_only else None)
    return [Report(**dict(r)) for r in rows]


async def reports_of_items(pool: asyncpg.Pool, item_ids: list[int]) -> list[Report]:
    """Every report of these items, whatever its state (the liaison's own projects)."""
    async with pool.acquire() as conn:
        return [Report(**dict(r)) for r in await queries.reports(conn, item_ids)]


async def pending_reports(pool: asyncpg.Pool, bodies: frozenset[int]) -> list[Report]:
    """Reports waiting for a clerk, of these bodies' projects."""
    async with pool.acquire() as conn:
        rows = await queries.reports(conn, None, "submitted")
        shown = {i["id"] for i in await queries.items(conn) if i["body_id"] in bodies}
    return [Report(**dict(r)) for r in rows if r["item_id"] in shown]


async def photo_for(
    pool: asyncpg.Pool, data_dir: Path, photo_id: str, who: Principal | None, thumbnail: bool = False
) -> tuple[bytes, str]:
    """A photo's bytes and type (or its thumbnail): public once its report is published, else for staff."""
    async with pool.acquire() as conn:
        try:
            row = await queries.photo_by_id(conn, photo_id)
        except (asyncpg.DataError, ValueError):
            row = None
        visible = row is not None and (
            row["state"] == "published"
            or (who is not None and who.role in (Role.ADMIN, Role.CLERK, Role.PRESIDING))
            or (
                who is not None
                and who.role is Role.LIAISON
                and await _liaison_department(conn, who) == row["department_id"]
            )
        )
    if row is None or not visible:
        raise not_found("照片", "Photo")
    small = photos.thumbnail_path(data_dir, photo_id)
    # Photos stored before thumbnails existed are served whole.
    path = small if thumbnail and small.exists() else photos.photo_path(data_dir, photo_id)
    content = await asyncio.to_thread(path.read_bytes)
    return content, photos.MEDIA_TYPE if path == small else row["media_type"]


async def _liaison_department(conn: asyncpg.Connection, who: Principal) -> int | None:
    return (await department_of(conn, who)).id


async def published_reports(conn: asyncpg.Connection, item_ids: list[int]) -> list[Report]:
    """The published reports of these items, newest first (public)."""
    return [Report(**dict(r)) for r in await queries.reports(conn, item_ids, "published")]
