"""HTTP: the public key, bulletin boards, receipt checks, archives, and the staff audit log."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, Parameter

from audit.signing import public_key_pem
from voting.auth import provide_principal, staff_only
from voting.auth.guards import belongs_to_a_top_body, watched_body_ids
from voting.bulletin import audit_log, service
from voting.bulletin.models import AuditEntryView, AuditFilter, Bulletin, ReceiptCounted, ReceiptQuery
from voting.prepared import respond
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
)
async def bulletin(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[Bulletin]:
    """Definition, voters, every ballot (sorted by content), counts and the signed result; after announcement."""
    # The prepared JSON goes out as bytes; the declared type is what /schema documents.
    return respond(request, await published.prepared_bulletin(state.prepared, state.pool, vote_id))  # type: ignore[return-value]


@get(
    "/api/votes/{vote_id:int}/receipts",
    summary="Receipt hashes",
    tags=["bulletin"],
)
async def receipts(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[list[str]]:
    """Every counted ballot's receipt hash (hex), sorted; after announcement."""
    # The prepared JSON goes out as bytes; the declared type is what /schema documents.
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
)
async def archive(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[bytes]:
    """One canonical JSON file for `voting verify`; after announcement."""
    return respond(request, await published.prepared_archive(state.prepared, state.pool, vote_id))


def audit_filter(
    actor: FromQuery[str | None] = None,
    role: FromQuery[str | None] = None,
    object_type: FromQuery[str | None] = None,
    object_id: FromQuery[str | None] = None,
    action: FromQuery[str | None] = None,
    since: FromQuery[dt.datetime | None] = None,
    until: FromQuery[dt.datetime | None] = None,
) -> AuditFilter:
    """The filter fields of both audit routes, from the query; empty means "any" (an HTML form sends them empty)."""
    return AuditFilter(
        actor=actor or None,
        role=role or None,
        object_type=object_type or None,
        object_id=object_id or None,
        action=action or None,
        since=since,
        until=until,
    )


async def audit_reach(request: Request[Any, Any, Any]) -> tuple[frozenset[int], bool]:
    """The bodies whose entries this login sees, and whether it also sees entries about no body."""
    who = await provide_principal(request)
    return await watched_body_ids(request, who), await belongs_to_a_top_body(request, who)


@get(
    "/api/audit",
    guards=[staff_only],
    dependencies={"wanted": Provide(audit_filter, sync_to_thread=False)},
    summary="The audit log",
    tags=["audit"],
)
async def audit_entries(
    request: Request[Any, Any, Any], state: State, wanted: NamedDependency[AuditFilter], limit: FromQuery[Limit] = 200
) -> list[AuditEntryView]:
    """Audit events matching every filter, newest first (staff only)."""
    found = msgspec.structs.replace(wanted, limit=limit)
    return await audit_log.search(state.pool, found, *await audit_reach(request))


# "text/csv" alone: Litestar adds "; charset=utf-8" to text types itself (written here too, it came twice).
@get(
    "/api/audit.csv",
    guards=[staff_only],
    dependencies={"wanted": Provide(audit_filter, sync_to_thread=False)},
    summary="The audit log as CSV",
    tags=["audit"],
    media_type="text/csv",
)
async def audit_csv(
    request: Request[Any, Any, Any],
    state: State,
    wanted: NamedDependency[AuditFilter],
    limit: FromQuery[CsvLimit] = 100_000,
) -> Response[bytes]:
    """The same events as a CSV file (UTF-8 with BOM, for Excel; staff only)."""
    found = msgspec.structs.replace(wanted, limit=limit)
    return Response(
        audit_log.csv_bytes(await audit_log.search(state.pool, found, *await audit_reach(request))),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="piaojue-audit.csv"'},
    )


ROUTES = [public_key, bulletin, receipts, check_receipt, check_receipt_posted, archive, audit_entries, audit_csv]
