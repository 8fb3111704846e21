"""What users hit on bad signal and busy desks: resent forms, floods, two clerks on one suggestion."""

from __future__ import annotations

import asyncio

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import RESIDENT, new_congress, submit, triage
from tests.steps import assert_refused
from voting.auth.guards import address_behind_proxy
from voting.settings import Settings
from voting.solicit.throttle import SubmissionThrottle

KEY = "k7Hq2mZ9xPa4LwT8rN3vYb"


async def stored_count(pool: asyncpg.Pool, program_id: int) -> int:
    async with pool.acquire() as conn:
        return int(await conn.fetchval("SELECT count(*) FROM suggestion WHERE program_id = $1", program_id))


async def test_a_form_resent_after_a_dropped_connection_files_one_suggestion(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    first = await submit(client, pid, key=KEY)
    # The phone never saw the answer and sends the same form again: same code, nothing new stored.
    again = await submit(client, pid, key=KEY)
    assert (again["id"], again["code"]) == (first["id"], first["code"])
    # Several resends racing each other still store it once.
    racing = await asyncio.gather(
        *(client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "key": KEY[::-1]}) for _ in range(6))
    )
    assert {r.status_code for r in racing} == {201}
    assert len({r.json()["code"] for r in racing}) == 1
    assert await stored_count(pool, pid) == 2
    # The same key with another text is not a resend: refused, nothing stored.
    assert_refused(
        await client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "title": "另一条", "key": KEY}),
        409,
        "submission_key_reused",
    )
    assert_refused(await client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "key": "短"}), 400)
    assert await stored_count(pool, pid) == 2
    # The form page draws the key (programs.js fills the hidden field).
    page = await client.get(f"/programs/{pid}/suggest")
    assert 'name="key" data-resend-key' in page.text


async def test_a_resend_is_answered_even_when_the_address_is_at_its_limit(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    throttle = client.app.state.submission_throttle
    first = await submit(client, pid, key=KEY)
    for n in range(throttle.limit - 1):
        await submit(client, pid, title=f"第{n}条")
    assert_refused(await client.post(f"/api/programs/{pid}/suggestions", json=RESIDENT), 429, "too_many_submissions")
    # The phone resending its form is told its code, not 429; it does not count as a new one.
    assert (await submit(client, pid, key=KEY))["code"] == first["code"]
    assert await stored_count(pool, pid) == throttle.limit


async def test_a_burst_from_one_address_cannot_slip_past_the_limit_and_loses_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    limit = client.app.state.submission_throttle.limit
    answers = await asyncio.gather(
        *(
            client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "title": f"第{n}条"})
            for n in range(limit + 10)
        )
    )
    accepted = [a.json()["code"] for a in answers if a.status_code == 201]
    assert len(accepted) == limit
    assert {a.status_code for a in answers} == {201, 429}
    async with pool.acquire() as conn:
        stored = {r["code"] for r in await conn.fetch("SELECT code FROM suggestion WHERE program_id = $1", pid)}
    assert stored == set(accepted)
    # A refused submission (bad phone) gives its place back.
    client.app.state.submission_throttle.accepted.clear()
    for _ in range(limit + 3):
        assert_refused(
            await client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "phone": "1"}), 400, "phone_invalid"
        )
    await submit(client, pid, title="电话填对后再提交")


def test_the_flood_limit_counts_each_address_on_its_own() -> None:
    throttle = SubmissionThrottle(limit=2, window_s=600)
    throttle.reserve("10.0.0.1", now=0)
    throttle.reserve("10.0.0.1", now=1)
    throttle.reserve("10.0.0.2", now=1)  # a neighbour on another address is not slowed
    try:
        throttle.reserve("10.0.0.1", now=2)
    except Exception as error:
        assert getattr(error, "status", None) == 429
    else:
        raise AssertionError("the third submission in the window was not refused")
    place = throttle.reserve("10.0.0.2", now=2)
    throttle.release("10.0.0.2", place)  # nothing was stored: the place comes back
    throttle.reserve("10.0.0.2", now=3)
    throttle.reserve("10.0.0.1", now=601)  # the window slides


async def test_two_clerks_merging_one_suggestion_at_once_merge_it_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=1)
    pid = congress.program_id
    receipt = await submit(client, pid)
    path = f"/api/programs/{pid}/suggestions/triage"

    def new_candidate(name: str) -> dict[str, object]:
        return {
            "suggestion_ids": [receipt["id"]],
            "action": "merge",
            "new_candidate": {"name": name, "category": "交通出行", "summary": "路灯"},
        }

    answers = await asyncio.gather(
        client.post(path, json=new_candidate("东村路灯工程"), headers=congress.clerk),
        client.post(path, json=new_candidate("村口路灯安装"), headers=congress.clerk),
        client.post(
            path, json={"suggestion_ids": [receipt["id"]], "action": "reject", "reason": "重复"}, headers=congress.clerk
        ),
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 409, 409], [a.text for a in answers]
    for refused in (a for a in answers if a.status_code == 409):
        assert_refused(refused, 409, "already_decided")
    async with pool.acquire() as conn:
        drafts = await conn.fetchval("SELECT count(*) FROM candidate WHERE program_id = $1", pid)
        events = await conn.fetch(
            "SELECT status FROM suggestion_event WHERE suggestion_id = $1 ORDER BY id", receipt["id"]
        )
    # At most one draft candidate was made (the losing merge rolled its draft back) and one step recorded.
    assert drafts <= 2
    assert [e["status"] for e in events] in (["received", "merged"], ["received", "rejected"])
    # To change a decided suggestion, a clerk takes it back first; every step stays in the history.
    await triage(client, congress, suggestion_ids=[receipt["id"]], action="review")
    await triage(
        client, congress, suggestion_ids=[receipt["id"]], action="merge", candidate_id=congress.candidate_ids[0]
    )
    tracked = (await client.get(f"/api/track/{receipt['code']}")).json()
    assert [s["status"] for s in tracked["history"]][-2:] == ["under_review", "merged"]
    assert len(tracked["history"]) == 4


async def test_bulk_triage_with_one_bad_id_changes_nothing_and_names_it(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    ids = [(await submit(client, pid, title=f"建议{i}"))["id"] for i in range(3)]
    path = f"/api/programs/{pid}/suggestions/triage"
    refused = assert_refused(
        await client.post(
            path,
            json={"suggestion_ids": [*ids, 987654321], "action": "reject", "reason": "不属于民生实事"},
            headers=congress.clerk,
        ),
        404,
        "suggestion_not_found",
    )
    assert refused["detail"] == {"missing": [987654321]}
    assert "#987654321" in refused["message_zh"]
    for bad in ([2**63], [0], [-5], []):
        assert_refused(
            await client.post(path, json={"suggestion_ids": bad, "action": "review"}, headers=congress.clerk), 400
        )
    async with pool.acquire() as conn:
        statuses = await conn.fetch("SELECT DISTINCT status FROM suggestion WHERE program_id = $1", pid)
        steps = await conn.fetchval(
            "SELECT count(*) FROM suggestion_event WHERE suggestion_id = ANY($1::bigint[])", ids
        )
    assert [r["status"] for r in statuses] == ["received"] and steps == 3


async def test_a_phone_typed_in_full_width_digits_is_taken_and_others_are_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    receipt = await submit(client, pid, phone="＋８６ １３８ １２３４ ５６７８")
    landline = await submit(client, pid, phone="（０５７１）－８８８８６６６６")
    async with pool.acquire() as conn:
        phones = await conn.fetch(
            "SELECT contact_phone FROM suggestion WHERE id = ANY($1::bigint[]) ORDER BY id",
            [receipt["id"], landline["id"]],
        )
    assert [r["contact_phone"] for r in phones] == ["13812345678", "0571-88886666"]
    # Digits of other scripts are not a mainland number: a clear 400, never a 500.
    assert_refused(
        await client.post(f"/api/programs/{pid}/suggestions", json={**RESIDENT, "phone": "1٣٨١٢٣٤٥٦٧٨"}),
        400,
        "phone_invalid",
    )


def test_behind_the_proxy_each_resident_is_counted_on_their_own_address() -> None:
    proxy = ("127.0.0.1", "::1")
    # nginx on the same host appends the address it saw; what the client wrote before it is ignored.
    assert address_behind_proxy("127.0.0.1", "1.2.3.4, 203.0.113.7", proxy) == "203.0.113.7"
    assert address_behind_proxy("::1", "198.51.100.9", proxy) == "198.51.100.9"
    # A tablet on the hall LAN is not our proxy: believing it would let it pick any address
    # and slip past the failed-login limit.
    assert address_behind_proxy("10.0.0.5", "198.51.100.9", proxy) == "10.0.0.5"
    assert address_behind_proxy("8.8.4.4", "1.1.1.1", proxy) == "8.8.4.4"
    assert address_behind_proxy("127.0.0.1", "not-an-address", proxy) == "127.0.0.1"
    assert address_behind_proxy("127.0.0.1", "", proxy) == "127.0.0.1"
    assert address_behind_proxy("10.0.0.2", "203.0.113.7", ("10.0.0.2",)) == "203.0.113.7"
