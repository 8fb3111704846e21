"""The .xlsx exports: what a clerk downloads opens in Excel, says what the pages say, and links no deputy to a vote."""

from __future__ import annotations

import io

import asyncpg
import httpx
import openpyxl
from litestar.testing import AsyncTestClient

from tests.evaluation.rounds import close_round, new_round, rate
from tests.factories import make_congress
from tests.steps import assert_refused, mark
from tests.supervision.world import announced_world
from voting.settings import Settings

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rows_of(response: httpx.Response) -> list[list[object]]:
    """The first sheet's rows of a downloaded workbook."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(XLSX)
    assert response.headers["content-disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def table(rows: list[list[object]], first_heading: str) -> list[dict[object, object]]:
    """The rows under the header row whose first cell is first_heading, as dicts."""
    start = next(n for n, row in enumerate(rows) if row[0] == first_heading)
    header = rows[start]
    return [dict(zip(header, row, strict=False)) for row in rows[start + 1 :]]


async def test_attendance_sheet_lists_every_deputy_and_the_quorum(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    await mark(client, congress, congress.deputy_ids[0], "present")
    await mark(client, congress, congress.deputy_ids[1], "leave")
    async with pool.acquire() as conn:
        await conn.execute("UPDATE deputy SET name = '=1+1' WHERE id = $1", congress.deputy_ids[2])
    url = f"/api/sessions/{congress.session_id}/attendance.xlsx"
    assert_refused(await client.get(url), 401)
    rows = rows_of(await client.get(url, headers=congress.clerk))
    facts = {row[0]: row[1] for row in rows[1:9]}
    assert (facts["应到"], facts["实到"], facts["请假"], facts["缺席"]) == (4, 1, 1, 2)
    listed = table(rows, "序号")
    assert sorted(r["签到情况"] for r in listed) == sorted(["缺席", "缺席", "已签到", "请假"])
    assert "'=1+1" in [r["姓名"] for r in listed]  # a formula stays text


async def test_result_progress_and_evaluation_sheets_carry_counts_only(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings, deputies=6)
    congress = world.congress
    result = rows_of(await client.get(f"/api/votes/{world.vote_id}/result.xlsx"))  # public once announced
    counts = table(result, "名次")
    assert [(r["赞成"], r["结果"]) for r in counts[:2]] == [(6, "入选"), (6, "入选")]
    assert {r["候选项目"] for r in counts} == {"项目A", "项目B", "项目C", "项目D"}
    names = {d for d in (f"代表{i:03d}" for i in range(6))}
    everything = {str(cell) for row in result for cell in row}
    assert not names & everything  # no deputy in a result

    progress = table(rows_of(await client.get(f"/api/programs/{congress.program_id}/progress.xlsx")), "序号")
    assert {r["项目"]: r["承办单位"] for r in progress} == {"项目A": "住建局", "项目B": "交通局"}

    evaluation = await new_round(client, world)
    tokens = list(world.tokens.values())
    for n, token in enumerate(tokens):
        level = "satisfied" if n < 4 else "unsatisfied"
        assert (
            await rate(client, token, evaluation["id"], {world.item_a: level, world.item_b: "basic"})
        ).status_code == 200
    url = f"/api/evaluations/{evaluation['id']}/results.xlsx"
    assert {r["评定结果"] for r in table(rows_of(await client.get(url)), "序号")} == {"尚未公布"}
    closed = await close_round(client, world, evaluation["id"])
    assert closed.status_code == 200, closed.text
    rated = rows_of(await client.get(url))
    by_name = {r["项目"]: r for r in table(rated, "序号")}
    assert (by_name["项目A"]["满意"], by_name["项目A"]["不满意"], by_name["项目A"]["评定结果"]) == (4, 2, "满意")
    assert by_name["项目B"]["评定结果"] == "基本满意"
    assert not names & {str(cell) for row in rated for cell in row}


async def test_the_funnel_sheet_opens_with_its_total_and_an_unannounced_vote_has_no_sheet(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    funnel = rows_of(await client.get(f"/api/programs/{congress.program_id}/funnel.xlsx"))
    assert table(funnel, "维度")[0]["维度"] == "合计"
    vote = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={"title": "草稿", "candidate_ids": congress.candidate_ids, "rules": {"seats": 2}, "reason": "单项决议"},
    )
    assert vote.status_code == 201, vote.text
    refused = await client.get(f"/api/votes/{vote.json()['id']}/result.xlsx")
    assert 400 <= refused.status_code < 500 and refused.json()["message_zh"]
    assert_refused(await client.get("/api/programs/999999999/funnel.xlsx"), 404)
