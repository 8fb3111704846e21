"""HTTP: the public key, bulletin boards, receipt checks, archives, and the staff audit log."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery, JSONBody, Parameter

from audit.signing import public_key_pem
from voting.auth import staff_only
from voting.bulletin import audit_log, service
from voting.bulletin.models import AuditEntryView, AuditFilter, Bulletin, ReceiptCounted, ReceiptQuery
from voting.prepared import PreparedLane, respond
from voting.votes import published

Limit = Annotated[int, Parameter(ge=1, le=1000)]
CsvLimit = Annotated[int, Parameter(ge=1, le=100_000)]


@get("/api/public-key", summary="The signing public key (PEM)", tags=["bulletin"], media_type="application/x-pem-file")
async def public_key(state: State) -> str:
    """The Ed25519 key that signs results and chain heads; compare it with an archive's."""
    return public_key_pem(state.signing_key)


@get(
    "/api/votes/{vote_id:int}/bulletin",
    summary="The bulletin board",
    tags=["bulletin"],
    middleware=[PreparedLane],
    opt={"prepared": "bulletin"},
)
async def bulletin(request: Request, state: State, vote_id: FromPath[int]) -> Response[Bulletin]:
    """Definition, voters, every ballot (sorted by content), counts and the signed result; after announcement."""
    return respond(request, await published.prepared_bulletin(state.prepared, state.pool, vote_id))  # type: ignore[return-value]


@get(
    "/api/votes/{vote_id:int}/receipts",
    summary="Receipt hashes",
    tags=["bulletin"],
    middleware=[PreparedLane],
    opt={"prepared": "receipts"},
)
async def receipts(request: Request, state: State, vote_id: FromPath[int]) -> Response[list[str]]:
    """Every counted ballot's receipt hash (hex), sorted; after announcement."""
    return respond(request, await published.prepared_receipts(state.prepared, state.pool, vote_id))  # type: ignore[return-value]


@get("/api/votes/{vote_id:int}/receipts/check", summary="Was my ballot counted?", tags=["bulletin"])
async def check_receipt(state: State, vote_id: FromPath[int], receipt: FromQuery[str]) -> ReceiptCounted:
    """counted: true if a ballot with this receipt is among the counted ones."""
    return ReceiptCounted(counted=await service.check_receipt(state.pool, vote_id, receipt))


@post("/api/votes/{vote_id:int}/receipts/check", status_code=200, summary="Was my ballot counted?", tags=["bulletin"])
async def check_receipt_posted(state: State, vote_id: FromPath[int], data: JSONBody[ReceiptQuery]) -> ReceiptCounted:
    """The same check with the receipt in the body, so it stays out of URLs and access logs."""
    return ReceiptCounted(counted=await service.check_receipt(state.pool, vote_id, data.receipt))


@get(
    "/api/votes/{vote_id:int}/archive",
    summary="The vote's archive",
    tags=["bulletin"],
    middleware=[PreparedLane],
    opt={"prepared": "archive"},
)
async def archive(request: Request, state: State, vote_id: FromPath[int]) -> Response[bytes]:
    """One canonical JSON file for `voting verify`; after announcement."""
    return respond(request, await published.prepared_archive(state.prepared, state.pool, vote_id))


def audit_filter(
    actor: str | None,
    object_type: str | None,
    object_id: str | None,
    action: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    limit: int,
) -> AuditFilter:
    """Empty filter fields mean "any" (an HTML form sends them empty)."""
    return AuditFilter(
        actor=actor or None,
        object_type=object_type or None,
        object_id=object_id or None,
        action=action or None,
        since=since,
        until=until,
        limit=limit,
    )


@get("/api/audit", guards=[staff_only], summary="The audit log", tags=["audit"])
async def audit_entries(
    state: State,
    actor: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    action: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: Limit = 200,
) -> list[AuditEntryView]:
    """Audit events matching every filter, newest first (staff only)."""
    wanted = audit_filter(actor, object_type, object_id, action, since, until, limit)
    return await audit_log.search(state.pool, wanted)


@get("/api/audit.csv", guards=[staff_only], summary="The audit log as CSV", tags=["audit"])
async def audit_csv(
    state: State,
    actor: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    action: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: CsvLimit = 100_000,
) -> Response[bytes]:
    """The same events as a CSV file (UTF-8 with BOM, for Excel; staff only)."""
    wanted = audit_filter(actor, object_type, object_id, action, since, until, limit)
    return Response(
        audit_log.csv_bytes(await audit_log.search(state.pool, wanted)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="piaojue-audit.csv"'},
    )


ROUTES = [public_key, bulletin, receipts, check_receipt, check_receipt_posted, archive, audit_entries, audit_csv]
