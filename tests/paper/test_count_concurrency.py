"""What the hall does at once: tellers saving together, resends after a Wi-Fi drop, a server restart, races."""

from __future__ import annotations

import asyncio

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import assert_refused, audit_events, cast, fetch_count, log_in_all, mark, open_vote
from voting.app import create_app
from voting.settings import Settings

ENTRIES = "SELECT count(*) FROM paper_entry WHERE vote_id = $1"


async def open_paper_vote(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, mode: str = "paper"):
    """A congress of 8 present deputies and an open vote of this mode with its counting staff."""
    congress = await make_congress(pool, settings, deputies=8, candidates=3)
    vote_id = (await create_vote(client, congress, mode))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        await mark(client, congress, deputy_id, "present")
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    return congress, vote_id, staff


async def test_two_tellers_saving_the_same_sheet_at_once_both_count(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a, b, _ = congress.candidate_ids
    await collect_box(client, staff, vote_id, issued=8, returned=2)
    first, second = await asyncio.gather(
        paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a, b])),
        paper_post(client, staff.teller_b, vote_id, "entries", sheet(1, [a, b])),
    )
    assert first.status_code == second.status_code == 200, (first.text, second.text)
    progress = (await client.get(f"/api/votes/{vote_id}/paper/progress", headers=staff.chief)).json()
    assert progress["agreed"] == 1 and progress["missing"] == [2]
    assert sorted(progress["entered_by_teller"].values()) == [1, 1]


async def test_a_resent_entry_after_a_wifi_drop_is_stored_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a, b, c = congress.candidate_ids
    await collect_box(client, staff, vote_id, issued=8, returned=3)
    # The same Enter sent three times (twice at once, once later): one row, one audit event.
    sent = await asyncio.gather(*(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a])) for _ in "12"))
    assert all(r.status_code == 200 for r in sent), [r.text for r in sent]
    await ok(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a])))
    assert await fetch_count(pool, ENTRIES, vote_id) == 1
    entered = [e for e in await audit_events(pool, "vote", vote_id) if e["action"] == "paper.sheet_entered"]
    assert len(entered) == 1
    # A correction is still stored (and kept beside the first reading), and a resend of it is not doubled.
    await ok(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [b, c])))
    await ok(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [b, c])))
    assert await fetch_count(pool, ENTRIES, vote_id) == 2
    await ok(paper_post(client, staff.teller_b, vote_id, "entries", sheet(1, [b, c])))
    progress = (await client.get(f"/api/votes/{vote_id}/paper/progress", headers=staff.chief)).json()
    assert progress["agreed"] == 1 and progress["discrepancies"] == []


async def test_the_count_survives_a_server_restart(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a, b, c = congress.candidate_ids
    sheets = [sheet(1, [a, b]), sheet(2, [c]), sheet(3, []), sheet(4, void="overmarked")]
    await collect_box(client, staff, vote_id, issued=8, returned=4)
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets[:2])
    before = (await client.get(f"/api/votes/{vote_id}/paper/progress", headers=staff.chief)).json()
    reading_before = (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()
    # A fresh process on the same database (as after a crash): the count and the logins carry on.
    async with AsyncTestClient(app=create_app(settings)) as restarted:
        assert (await restarted.get(f"/api/votes/{vote_id}/paper/progress", headers=staff.chief)).json() == before
        assert (await restarted.get(f"/api/votes/{vote_id}/paper/reading")).json() == reading_before
        # Teller B's resend of the sheet saved just before the restart is not doubled.
        await ok(paper_post(restarted, staff.teller_b, vote_id, "entries", sheets[1]))
        await enter_all(restarted, staff.teller_b, vote_id, sheets[2:])
        signed = await ok(paper_post(restarted, staff.chief, vote_id, "sign-off"))
    assert signed["state"] == "signed_off"
    assert await fetch_count(pool, ENTRIES, vote_id) == 8


async def test_two_sign_offs_at_once_record_one(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a = congress.candidate_ids[0]
    await collect_box(client, staff, vote_id, issued=8, returned=1)
    for teller in (staff.teller_a, staff.teller_b):
        await ok(paper_post(client, teller, vote_id, "entries", sheet(1, [a])))
    answers = await asyncio.gather(*(paper_post(client, staff.chief, vote_id, "sign-off") for _ in "12"))
    assert sorted(r.status_code for r in answers) == [200, 409]
    assert_refused(next(r for r in answers if r.status_code == 409), 409, "count_signed_off")
    signed = "SELECT count(*) FROM paper_step WHERE vote_id = $1 AND kind = 'signed_off'"
    assert await fetch_count(pool, signed, vote_id) == 1


async def test_paper_and_tablet_for_one_deputy_at_once_give_one_ballot(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings, mode="mixed")
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    a = congress.candidate_ids[0]
    for deputy_id in congress.deputy_ids:
        paper, tablet = await asyncio.gather(
            paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"),
            cast(client, tokens[deputy_id], vote_id, {a: "for"}),
        )
        assert sorted([paper.status_code == 200, tablet.status_code == 201]) == [False, True], (paper.text, tablet.text)
        if paper.status_code == 200:
            refused = assert_refused(tablet, 409, "already_voted")
            assert "纸质选票" in refused["message_zh"] and "paper ballot" in refused["message_en"]
        else:
            assert_refused(paper, 409, "already_voted")
    issued = "SELECT count(*) FROM ballot_issued WHERE vote_id = $1"
    assert await fetch_count(pool, issued, vote_id) == len(congress.deputy_ids)


async def test_issuing_paper_after_collection_and_a_short_issued_count_are_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings, mode="mixed")
    first, second, third, *_ = congress.deputy_ids
    for deputy_id in (first, second):
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    # 发出 cannot say fewer than the ballots handed to named deputies (the box would then void the round).
    assert_refused(await paper_post(client, staff.chief, vote_id, "issued", {"count": 1}), 409, "fewer_than_handed_out")
    shown = await ok(paper_post(client, staff.chief, vote_id, "issued", {"count": 2}))
    assert shown["handed_out"] == 2
    await ok(paper_post(client, staff.chief, vote_id, "box-sealed"))
    await ok(paper_post(client, staff.chief, vote_id, "returned", {"count": 2}))
    assert_refused(await paper_post(client, staff.chief, vote_id, f"issued/{third}"), 409, "ballots_returned")
    assert await fetch_count(pool, "SELECT count(*) FROM ballot_issued WHERE vote_id = $1", vote_id) == 2
