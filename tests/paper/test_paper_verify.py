"""Announced paper and mixed votes verify offline; an altered paper ballot or paper count does not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from audit import decode_archive, verify_archive
from tests.audit.tampering import Value, ballots, rewritten
from tests.factories import make_congress
from tests.paper.count_steps import (
    CountStaff,
    assign_count_staff,
    collect_box,
    create_vote,
    enter_all,
    ok,
    paper_post,
    sheet,
)
from tests.steps import cast, close_vote, log_in_all, mark, open_vote
from voting.settings import Settings


async def sign_close_announce(
    client: AsyncTestClient, congress: Any, staff: CountStaff, vote_id: int, sheets: list[dict[str, Any]]
) -> bytes:
    """Both tellers enter the sheets; sign-off, close, announce; the archive's bytes."""
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    closed = await close_vote(client, congress, vote_id)
    assert closed.status_code == 200, closed.text
    announced = await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    archive = await client.get(f"/api/votes/{vote_id}/archive")
    assert archive.status_code == 200, archive.text
    return archive.content


@pytest.fixture
async def paper_archive(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> bytes:
    """A paper vote whose first round was void (returned > issued) and whose second was counted."""
    congress = await make_congress(pool, settings, deputies=9, candidates=3)
    a, b, _c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        await mark(client, congress, deputy_id, "present")
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    # Round 1: two deputies are handed a ballot by name, then more come back than went out.
    for deputy_id in congress.deputy_ids[:2]:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    await collect_box(client, staff, vote_id, issued=8, returned=9)
    await ok(paper_post(client, congress.presiding, vote_id, "restart", {"reason": "收回多于发出"}))
    for deputy_id in congress.deputy_ids:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    await collect_box(client, staff, vote_id, issued=9, returned=8)
    sheets = [
        *(sheet(n, [a, b]) for n in range(1, 5)),
        sheet(5, [a]),
        sheet(6, []),
        sheet(7, void="overmarked"),
        sheet(8, void="unreadable"),
    ]
    return await sign_close_announce(client, congress, staff, vote_id, sheets)


@pytest.fixture
async def mixed_archive(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> bytes:
    """A mixed vote: five tablet ballots with receipts, four paper ballots (one void) without."""
    congress = await make_congress(pool, settings, deputies=9, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    for deputy_id, marks in zip(congress.deputy_ids[:5], [[a, b], [a], [b, c], [], [a, c]], strict=True):
        response = await cast(client, tokens[deputy_id], vote_id, {m: "for" for m in marks})
        assert response.status_code == 201, response.text
    for deputy_id in congress.deputy_ids[5:]:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    await collect_box(client, staff, vote_id, issued=4, returned=4)
    sheets = [sheet(1, [a, b]), sheet(2, [c]), sheet(3, void="overmarked"), sheet(4, [a])]
    return await sign_close_announce(client, congress, staff, vote_id, sheets)


def test_an_announced_paper_vote_verifies_offline(paper_archive: bytes) -> None:
    report = verify_archive(paper_archive)
    assert report.ok, report.failures
    archive = decode_archive(paper_archive)
    assert [(p.issued, p.returned) for p in archive.bulletin.paper_counts] == [(9, 8)]
    assert sorted(b.void_reason for b in archive.bulletin.ballots if b.void_reason) == ["overmarked", "unreadable"]
    assert archive.receipts == []


def test_an_announced_mixed_vote_verifies_offline(mixed_archive: bytes) -> None:
    report = verify_archive(mixed_archive)
    assert report.ok, report.failures
    archive = decode_archive(mixed_archive)
    assert (len(archive.receipts), len(archive.bulletin.ballots), len(archive.bulletin.voters)) == (5, 9, 9)


def mark_first_paper_ballot_for_another(value: Value) -> None:
    """A forger turns a marked ballot into a vote for one more candidate."""
    target = next(b for b in ballots(value) if len(b["marks"]) == 1)
    candidate = sorted(value["bulletin"]["vote"]["candidates"], key=lambda c: c["position"])[1]["id"]
    target["marks"][str(candidate)] = "for"


def unvoid_a_ballot(value: Value) -> None:
    """A void paper ballot becomes a blank valid one."""
    del next(b for b in ballots(value) if "void_reason" in b)["void_reason"]


def change_the_void_reason(value: Value) -> None:
    target = next(b for b in ballots(value) if "void_reason" in b)
    target["void_reason"] = "unreadable" if target["void_reason"] == "overmarked" else "overmarked"


def return_one_more(value: Value) -> None:
    value["bulletin"]["paper_counts"][0]["returned"] += 1


def drop_a_paper_ballot(value: Value) -> None:
    ballots(value).pop()


def void_a_ballot_with_marks(value: Value) -> None:
    next(b for b in ballots(value) if b["marks"])["void_reason"] = "overmarked"


CHANGES: list[Callable[[Value], None]] = [
    mark_first_paper_ballot_for_another,
    unvoid_a_ballot,
    change_the_void_reason,
    return_one_more,
    drop_a_paper_ballot,
    void_a_ballot_with_marks,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_an_altered_paper_ballot_or_count_fails_verification(
    paper_archive: bytes, mixed_archive: bytes, change: Callable[[Value], None]
) -> None:
    for data in (paper_archive, mixed_archive):
        tampered = rewritten(decode_archive(data), change)
        assert tampered != data
        assert not verify_archive(tampered).ok
