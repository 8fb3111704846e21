"""Program phases: a schedule with a 30-day warning, explicit and guarded moves between phases."""

from __future__ import annotations

import datetime as dt

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import RESIDENT, new_congress
from tests.steps import assert_refused, audit_events
from voting.programs.phases import congress_today, early_move_concerns
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
    await client.post(f"/api/programs/{congress.program_id}/suggestions", json=RESIDENT)
    moved = await client.post(path, json={"phase": "shortlist"}, headers=congress.clerk)
    assert moved.status_code == 200, moved.text
    assert moved.json()["phase"] == "shortlist"

    # Shortlisting: the public form is closed.
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
    page = await client.get(f"/programs/{congress.program_id}")
    assert page.status_code == 200
    assert 'data-phase="solicit"' in page.text and "2027-01-10" in page.text
    assert "尚未确定" in page.text


async def test_moving_ahead_of_the_calendar_or_with_nothing_collected_needs_a_reason(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    today = congress_today()
    shortlist_on = today + dt.timedelta(days=700)
    dates = schedule(solicit=(today - dt.timedelta(days=5)).isoformat(), shortlist=shortlist_on.isoformat())
    assert (
        await client.put(f"/api/programs/{congress.program_id}/schedule", json=dates, headers=congress.clerk)
    ).is_success
    path = f"/api/programs/{congress.program_id}/phase"

    # Two years early and not one suggestion: refused with both reasons, in both languages.
    refused = assert_refused(await client.post(path, json={"phase": "shortlist"}, headers=congress.clerk), 409)
    assert refused["error"] == "phase_move_early"
    assert [c["code"] for c in refused["detail"]["concerns"]] == ["ahead_of_schedule", "nothing_collected"]
    assert shortlist_on.isoformat() in refused["message_zh"] and "700" in refused["message_zh"]
    assert "尚未收到任何意见建议" in refused["message_zh"] and "理由" in refused["message_zh"]
    assert "reason" in refused["message_en"]
    # Confirming without a reason is not enough.
    blank = {"phase": "shortlist", "confirm_early": True, "reason": "  "}
    assert_refused(await client.post(path, json=blank, headers=congress.clerk), 409, "phase_move_early")
    program = (await client.get(f"/api/programs/{congress.program_id}")).json()
    assert program["phase"] == "solicit"

    reason = "本次征集改由代表联络站集中收集，提前进入初定"
    moved = await client.post(
        path, json={"phase": "shortlist", "confirm_early": True, "reason": reason}, headers=congress.clerk
    )
    assert moved.status_code == 200, moved.text
    move = [e["detail"] for e in await audit_events(pool, "program", congress.program_id)][-1]
    detail = move if isinstance(move, dict) else __import__("json").loads(move)
    assert detail["reason"] == reason and detail["concerns"] == ["ahead_of_schedule", "nothing_collected"]


def test_a_move_on_time_with_suggestions_raises_no_concern() -> None:
    starts = {"solicit": dt.date(2027, 1, 1), "shortlist": dt.date(2027, 2, 1)}
    assert early_move_concerns("solicit", "shortlist", starts, dt.date(2027, 2, 1), 3) == []
    assert [c["code"] for c in early_move_concerns("solicit", "shortlist", starts, dt.date(2027, 1, 31), 3)] == [
        "ahead_of_schedule"
    ]
    # Going back is never "early"; an unscheduled phase has no date to be ahead of.
    assert early_move_concerns("shortlist", "solicit", starts, dt.date(2026, 1, 1), 0) == []
    assert early_move_concerns("shortlist", "deliberate", starts, dt.date(2026, 1, 1), 0) == []
