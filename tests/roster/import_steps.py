"""A clerk's roster import, one HTTP step at a time: build a workbook, preview it, confirm it."""

from __future__ import annotations

import io

import asyncpg
import httpx
import openpyxl
from litestar.testing import AsyncTestClient

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(*rows: list[object], title: str | None = None) -> bytes:
    """An .xlsx file whose first sheet holds these rows (under a title row, if given)."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def files(raw: bytes, name: str = "名单.xlsx") -> dict[str, tuple[str, bytes, str]]:
    """The upload of one roster file, typed by its name."""
    return {"data": (name, raw, XLSX if name.endswith(".xlsx") else "text/csv")}


async def preview(
    client: AsyncTestClient, body_id: int, headers: dict[str, str], raw: bytes, name: str = "名单.xlsx"
) -> httpx.Response:
    """The clerk asks what importing this file would change."""
    return await client.post(f"/api/bodies/{body_id}/deputies/import/preview", headers=headers, files=files(raw, name))


async def confirm(
    client: AsyncTestClient, body_id: int, headers: dict[str, str], raw: bytes, digest: str, name: str = "名单.xlsx"
) -> httpx.Response:
    """The clerk confirms the import of the previewed file (its digest)."""
    return await client.post(
        f"/api/bodies/{body_id}/deputies/import", headers=headers, files=files(raw, name), data={"preview": digest}
    )


async def import_file(client: AsyncTestClient, body_id: int, headers: dict[str, str], raw: bytes) -> dict[str, int]:
    """Preview, then confirm, a file that must import; returns the counts of what changed."""
    shown = await preview(client, body_id, headers, raw)
    assert shown.status_code == 200, shown.text
    done = await confirm(client, body_id, headers, raw, shown.json()["digest"])
    assert done.status_code == 200, done.text
    return dict(done.json())


async def roster(pool: asyncpg.Pool, body_id: int) -> list[tuple[object, ...]]:
    """The body's deputies as stored, oldest first, to compare before and after."""
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, name, delegation, seat, phone, number, active FROM deputy WHERE body_id = $1 ORDER BY id",
            body_id,
        )
    return [tuple(r) for r in rows]
