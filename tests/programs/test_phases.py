"""Program phases: a schedule with a 30-day warning, explicit and guarded moves between phases."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import RESIDENT, new_congress
from tests.voting.steps import assert_refused, audit_events
from voting.settings import Settings


def schedule(**starts: str) -> dict[str, object]:
    """A schedule body."""
    return {"dates": [{"phase": phase, "starts_on": day} for phase, day in starts.items()]}


async def test_a_short_solicitation_window_is_warned_about(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    path = f"/api/programs/{congress.program_id}/schedule"
    short = await client.put(path, json=schedule(solicit="2027-01-01", shortlist="2027-01-20"), headers=congress.clerk)
    assert short.status_code == 200, short.text
    assert short.json()["warnings"] == ["solicit_window_short:19"]
    full = await client.put(
        path,
        json={
            **schedule(solicit="2027-01-01", shortlist="2027-02-01", deliberate="2027-02-20", vote="2027-03-05"),
            "categories": ["教育", "养老"],
        },
        headers=congress.clerk,
    )
    assert full.json()["warnings"] == []
    assert full.json()["categories"] == ["教育", "养老"]
    client.cookies.clear()
    public = (await client.get(f"/api/programs/{congress.program_id}")).json()
    assert [d["phase"] for d in public["dates"]] == ["solicit", "shortlist", "deliberate", "vote"]
    assert_refused(
        await client.put(path, json=schedule(solicit="2027-03-01", shortlist="2027-02-01"), headers=congress.clerk),
        400,
        "phases_out_of_order",
    )
    assert_refused(
        await client.put(path, json={**schedule(solicit="2027-01-01"), "categories": [" "]}, headers=congress.clerk),
        400,
        "categories_empty",
    )
    assert_refused(await client.put(path, json=schedule(solicit="2027-01-01")), 401)


async def test_phases_move_one_at_a_time_and_back_only_with_a_reason(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    path = f"/api/programs/{congress.program_id}/phase"
    assert_refused(await client.post(path, json={"phase": "deliberate"}, headers=congress.clerk), 409, "phase_skipped")
    assert_refused(await client.post(path, json={"phase": "solicit"}, headers=congress.clerk), 409, "phase_unchanged")
    moved = await client.post(path, json={"phase": "shortlist"}, headers=congress.clerk)
    assert moved.status_code == 200, moved.text
    assert moved.json()["phase"] == "shortlist"

    # Shortlisting: the public form is closed.
    client.cookies.clear()
    assert_refused(
        await client.post(f"/api/programs/{congress.program_id}/suggestions", json=RESIDENT), 409, "solicitation_closed"
    )
    assert_refused(await client.post(path, json={"phase": "solicit"}, headers=congress.clerk), 400, "reason_required")
    back = await client.post(path, json={"phase": "solicit", "reason": "征集期延长两周"}, headers=congress.clerk)
    assert back.status_code == 200
    for phase in ("shortlist", "deliberate"):
        assert (await client.post(path, json={"phase": phase}, headers=congress.clerk)).status_code == 200
    assert_refused(await client.post(path, json={"phase": "vote"}, headers=congress.clerk), 409, "list_not_fixed")
    assert_refused(await client.post(path, json={"phase": "vote"}, headers=congress.presiding), 403)
    moves = [
        e["detail"]
        for e in await audit_events(pool, "program", congress.program_id)
        if e["action"] == "program.phase_changed"
    ]
    assert [(m["from"], m["to"], m["reason"]) for m in moves] == [
        ("solicit", "shortlist", ""),
        ("shortlist", "solicit", "征集期延长两周"),
        ("solicit", "shortlist", ""),
        ("shortlist", "deliberate", ""),
    ]


async def test_the_public_program_page_shows_the_timeline_and_phase(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    await client.put(
        f"/api/programs/{congress.program_id}/schedule",
        json=schedule(solicit="2026-10-01", shortlist="2027-01-10"),
        headers=congress.clerk,
    )
    client.cookies.clear()
    page = await client.get(f"/programs/{congress.program_id}")
    assert page.status_code == 200
    assert 'data-phase="solicit"' in page.text and "2027-01-10" in page.text
    assert "尚未确定" in page.text
