"""kill -9 of the app mid-burst: every acknowledged sealed ballot is counted, and resends get their tracker."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress
from tests.servers import JWT_SECRET, free_port, wait_until_serving
from tests.steps import KEY_CARDS, new_cast_id, seal_marks, sealing_key, vote_in_progress
from voting.settings import Settings


@contextmanager
def app_process(database_url: str, data_dir: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The service in its own process group, so kill -9 takes the whole server down at once."""
    port = free_port()
    code = (
        "from granian import Granian; from granian.constants import Interfaces;"
        f"Granian('voting.app:create_app_from_env', factory=True, address='127.0.0.1', port={port},"
        " interface=Interfaces.ASGI, workers=1, log_enabled=False).serve()"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_DATA_DIR": str(data_dir),
    }
    process = subprocess.Popen([sys.executable, "-c", code], env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process, "the app")
        yield base, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


async def test_kill_9_mid_burst_then_resends_lose_nothing_and_count_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, database_url: str, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=300, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    key = await sealing_key(client, vote["id"])
    # What each tablet keeps in localStorage before sending: its cast id and sealed bytes.
    kept = {
        deputy: {"cast_id": new_cast_id(), "sealed": seal_marks(key, {congress.candidate_ids[i % 3]: "for"})}
        for i, deputy in enumerate(tokens)
    }
    acknowledged: dict[int, str] = {}

    async def send(http: httpx.AsyncClient, deputy: int) -> None:
        try:
            answer = await http.post(
                f"/api/votes/{vote['id']}/ballots", headers=bearer(tokens[deputy]), json=kept[deputy]
            )
        except httpx.HTTPError:
            return  # the connection died with the server: the tablet will resend
        if answer.status_code == 201:
            acknowledged[deputy] = answer.json()["tracker"]

    with app_process(database_url, tmp_path / "first") as (base, process):
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            burst = asyncio.gather(*(send(http, d) for d in kept))
            while len(acknowledged) < 10:
                await asyncio.sleep(0.005)
            os.killpg(process.pid, signal.SIGKILL)  # kill -9, mid-burst
            await burst
    assert 10 <= len(acknowledged) < len(kept), "the kill should land mid-burst"
    first_answers = dict(acknowledged)

    with app_process(database_url, tmp_path / "second") as (base, _):
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            await asyncio.gather(*(send(http, d) for d in kept))  # every tablet resends what it kept
    assert len(acknowledged) == len(kept)
    assert all(acknowledged[d] == tracker for d, tracker in first_answers.items())  # same receipt on resend

    cards = KEY_CARDS[vote["id"]][:2]
    closed = await client.post(
        f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True, "cards": cards}
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["ballots_cast"] == 300
    async with pool.acquire() as conn:
        trackers = {
            bytes(r["t"]).hex()
            for r in await conn.fetch("SELECT receipt_hash AS t FROM ballot_receipt WHERE vote_id = $1", vote["id"])
        }
    assert trackers == set(acknowledged.values())
