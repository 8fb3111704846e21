"""Prepared documents: built once however many ask, never kept across an announcement; live publishing survives."""

from __future__ import annotations

import asyncio

import pytest

from voting.database import create_pool
from voting.live import SessionChannelsBackend, listen_connection
from voting.prepared import PreparedResponses


async def test_many_asking_at_once_build_the_bytes_once() -> None:
    store, builds = PreparedResponses(), []

    async def build() -> bytes:
        builds.append(1)
        await asyncio.sleep(0.01)
        return b'{"ok":true}'

    answers = await asyncio.gather(*(store.fetch("result", 7, build) for _ in range(50)))
    assert len(builds) == 1
    assert {a.etag for a in answers} == {answers[0].etag}
    assert store.get("result", 7) is answers[0]


async def test_bytes_built_before_an_announcement_are_not_kept_after_it() -> None:
    store, started = PreparedResponses(), asyncio.Event()

    async def build() -> bytes:
        started.set()
        await asyncio.sleep(0.02)
        return b"round 1 only"

    building = asyncio.create_task(store.fetch("result", 7, build))
    await started.wait()
    store.forget_all()  # a later round was announced meanwhile
    assert (await building).body == b"round 1 only"  # the waiter still gets its answer
    assert store.get("result", 7) is None  # but the next reader builds anew


async def test_a_refusal_is_not_kept() -> None:
    store = PreparedResponses()

    async def not_yet() -> bytes:
        raise LookupError("not announced")

    with pytest.raises(LookupError):
        await store.fetch("result", 7, not_yet)
    assert store.get("result", 7) is None


async def test_a_failed_notify_is_logged_and_later_events_still_go_out(database_url: str) -> None:
    backend = SessionChannelsBackend(make_connection=lambda: listen_connection(database_url))
    closed = await create_pool(database_url, 2)
    await closed.close()
    backend.pool = closed
    await backend.publish(b'{"event":"turnout"}', ["session_1"])  # logged, not raised
    backend.pool = await create_pool(database_url, 2)
    try:
        await backend.publish(b'{"event":"turnout"}', ["session_1"])
    finally:
        await backend.pool.close()
