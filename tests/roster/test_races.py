"""Roster imports and deletions racing other requests on the real PostgreSQL: all or nothing, never a 500."""

from __future__ import annotations

import asyncio

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.roster.import_steps import confirm, preview, workbook
from tests.steps import fetch_count, mark
from voting.settings import Settings


async def test_one_preview_confirmed_twice_at_once_is_applied_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    raw = workbook(["姓名", "代表团"], *[[f"新代表{i}", "一组"] for i in range(20)])
    digest = (await preview(client, congress.body_id, congress.clerk, raw)).json()["digest"]
    responses = await asyncio.gather(
        *(confirm(client, congress.body_id, congress.clerk, raw, digest) for _ in range(3))
    )
    assert sorted(r.status_code for r in responses) == [200, 409, 409], [r.text for r in responses]
    assert await fetch_count(pool, "SELECT count(*) FROM deputy WHERE body_id = $1", congress.body_id) == 23


async def test_a_confirm_racing_a_single_add_refuses_or_comes_first(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    raw = workbook(["姓名", "代表团"], *[[f"新代表{i}", "一组"] for i in range(20)])
    digest = (await preview(client, congress.body_id, congress.clerk, raw)).json()["digest"]
    imported, added = await asyncio.gather(
        confirm(client, congress.body_id, congress.clerk, raw, digest),
        client.post(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk, json={"name": "插队"}),
    )
    assert added.status_code == 201
    assert imported.status_code in (200, 409), imported.text
    expected = 3 + 1 + (20 if imported.status_code == 200 else 0)
    assert await fetch_count(pool, "SELECT count(*) FROM deputy WHERE body_id = $1", congress.body_id) == expected


async def test_deleting_a_deputy_as_they_are_checked_in_leaves_one_truth(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=12)

    async def both(n: int, deputy_id: int) -> tuple[httpx.Response, httpx.Response]:
        delete = client.delete(f"/api/deputies/{deputy_id}", headers=congress.clerk)
        check_in = mark(client, congress, deputy_id, "present")
        if n % 2:  # either request may reach the database first
            marked, deleted = await asyncio.gather(check_in, delete)
        else:
            deleted, marked = await asyncio.gather(delete, check_in)
        return deleted, marked

    pairs = await asyncio.gather(*(both(n, d) for n, d in enumerate(congress.deputy_ids)))
    for deputy_id, (deleted, marked) in zip(congress.deputy_ids, pairs, strict=True):
        exists = await fetch_count(pool, "SELECT count(*) FROM deputy WHERE id = $1", deputy_id)
        attended = await fetch_count(pool, "SELECT count(*) FROM attendance WHERE deputy_id = $1", deputy_id)
        assert deleted.status_code in (204, 409) and marked.status_code < 500, (deleted.text, marked.text)
        if deleted.status_code == 204:
            assert (exists, attended) == (0, 0) and 400 <= marked.status_code < 500
        else:
            assert (exists, attended) == (1, 1) and marked.status_code == 200
