"""The funnel: suggestions → candidates → chosen by category, source and place, with CSV."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import fix_list, new_congress, submit, triage, vet
from voting.settings import Settings


async def test_the_funnel_counts_by_category_source_and_place(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=2)
    pid = congress.program_id
    a = await submit(client, pid, place="东村")
    b = await submit(client, pid, place="东村", phone="13900001111")
    c = await submit(client, pid, category="教育", place="=cmd|' /C calc'!A0")
    station = await client.post(
        f"/api/programs/{pid}/suggestions/channels",
        json={
            "source": "liaison_station",
            "submitted_by": "东村联络站",
            "raised_by": 30,
            "title": "村小食堂",
            "description": "学生午餐",
            "category": "教育",
            "place": "东村",
        },
        headers=congress.clerk,
    )
    assert station.status_code == 201
    await triage(
        client, congress, suggestion_ids=[a["id"], b["id"]], action="merge", candidate_id=congress.candidate_ids[0]
    )
    await triage(
        client,
        congress,
        suggestion_ids=[c["id"], station.json()["id"]],
        action="merge",
        candidate_id=congress.candidate_ids[1],
    )
    await vet(client, pool, settings, congress, congress.candidate_ids[:1])
    await fix_list(client, congress, congress.candidate_ids[:1], seats=1, margin="1")

    funnel = (await client.get(f"/api/programs/{pid}/funnel")).json()
    assert (funnel["suggestions"], funnel["candidates"], funnel["listed"], funnel["chosen"]) == (4, 1, 1, 0)
    rows = {
        (r["dimension"], r["key"]): (r["suggestions"], r["people"], r["merged"], r["listed"]) for r in funnel["rows"]
    }
    assert rows[("category", "交通出行")] == (2, 2, 1, 1)
    assert rows[("category", "教育")] == (2, 31, 1, 0)
    assert rows[("source", "liaison_station")] == (1, 30, 1, 0)
    assert rows[("place", "东村")] == (3, 32, 2, 1)

    exported = await client.get(f"/api/programs/{pid}/funnel.csv")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    text = exported.text
    assert text.startswith("\ufeff")
    assert "代表联络站" in text and "'=cmd" in text
    assert "13900001111" not in text
    page = await client.get(f"/programs/{pid}/funnel")
    assert page.status_code == 200 and "<svg" in page.text and "13900001111" not in page.text
