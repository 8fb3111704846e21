"""The staff audit viewer: filtered audit events in words, as JSON, or as a CSV file for Excel (codes kept)."""

from __future__ import annotations

import csv
import io

import asyncpg
import msgspec

from audit.canonical import timestamp_text
from audit.queries import entry_fields
from voting.bulletin import queries
from voting.bulletin.audit_reading import mentioned, read_entry
from voting.bulletin.audit_words import role_words
from voting.bulletin.models import AuditEntryView, AuditFilter

CSV_HEADER = [
    "序号 seq",
    "时间 at (UTC)",
    "操作人 actor",
    "角色 role",
    "操作 action",
    "对象类型 object_type",
    "对象 object_id",
    "详情 detail",
    "哈希 hash",
]
# A cell starting with one of these is a formula to Excel; audit text can be typed by anyone
# (a failed login's user name), so such cells are quoted as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


async def search(pool: asyncpg.Pool, wanted: AuditFilter, bodies: frozenset[int], top: bool) -> list[AuditEntryView]:
    """Events about these bodies matching every filter, newest first, at most wanted.limit.

    Entries about no body (failed logins, the server) go to the logins of a top body only. Each comes with
    its reading in words, naming only the people of these bodies (voting.auth.scope: what the login watches).
    """
    async with pool.acquire() as conn:
        rows = await queries.audit_entries(
            conn,
            wanted.actor,
            wanted.role,
            wanted.object_type,
            wanted.object_id,
            wanted.action,
            wanted.since,
            wanted.until,
            wanted.limit,
            sorted(bodies),
            top,
        )
        entries = [AuditEntryView(**entry_fields(r)) for r in rows]
        names = await names_in_reach(conn, entries, bodies, top)
    for e in entries:
        e.reading = read_entry(e, names)
    return entries


async def names_in_reach(
    conn: asyncpg.Connection, entries: list[AuditEntryView], bodies: frozenset[int], top: bool
) -> dict[str, str]:
    """The names of what the entries mention, as "staff:3" / "vote:2" → name, within these bodies only."""
    wanted = {kind: sorted(ids) for kind, ids in mentioned(entries).items()}
    rows = await queries.names_in_reach(conn, wanted, sorted(bodies), top)
    return {f"{r['kind']}:{r['id']}": r["name"] for r in rows}


async def actor_choices(pool: asyncpg.Pool, bodies: frozenset[int], top: bool) -> list[tuple[str, str]]:
    """The staff the filter offers by name: ("staff:3", "张三（秘书处）"), within these bodies."""
    async with pool.acquire() as conn:
        rows = await queries.staff_in_reach(conn, sorted(bodies), top)
    return [(f"staff:{r['id']}", f"{r['display_name']}（{role_words(r['role'])[0]}）") for r in rows]


def as_text_cell(value: str) -> str:
    """A cell Excel shows as the text it is."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(entries: list[AuditEntryView]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens the Chinese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for e in entries:
        cells = [
            "" if e.seq is None else str(e.seq),
            timestamp_text(e.at),
            e.actor,
            e.role,
            e.action,
            e.object_type,
            e.object_id,
            msgspec.json.encode(e.detail).decode(),
            e.hash or "",
        ]
        writer.writerow([as_text_cell(c) for c in cells])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
