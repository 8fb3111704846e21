"""The public page as deploy/ serves it to phones: its live stream held by nginx's nchan, the app posting once.

The phone-sized page follows the session through nginx; the tablets cast, the chair
closes with two key cards and announces on the app directly (the hall LAN); the page
shows the result from the event alone, asking the server for nothing.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import AsyncIterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from playwright.async_api import expect

from ballots import sealing
from tests.browser.screens import OpenScreen
from tests.servers import JWT_SECRET
from voting.database import create_pool
from voting.drill.proxy import nchan_publisher_port, nginx_in_front
from voting.drill.screens import presiding_token
from voting.drill.servers import granian_server
from voting.drill.setup import DrillCongress, set_up_congress
from voting.settings import Settings

pytestmark = pytest.mark.browser


@pytest.fixture
async def public_set_up(database_url: str, tmp_path: Path) -> AsyncIterator[tuple[str, str, DrillCongress, str]]:
    """(hall URL, public URL through nginx, congress with an open vote, the chair's token)."""
    settings = Settings(database_url=database_url, data_dir=tmp_path, jwt_secret=JWT_SECRET)
    pool = await create_pool(database_url, 2)
    try:
        congress = await set_up_congress(pool, settings, 5)
        chair = await presiding_token(pool, settings, congress.body_id)
    finally:
        await pool.close()
    publish_port = nchan_publisher_port()
    env = {
        "DATABASE_URL": database_url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_DATA_DIR": str(tmp_path),
        "PIAOJUE_PUBLIC_EVENTS_URL": f"http://127.0.0.1:{publish_port}/publish",
    }
    with ExitStack() as stack:
        server = stack.enter_context(granian_server("voting.app:create_app_from_env", env, 1, "/api/sessions"))
        public_port = stack.enter_context(nginx_in_front([server.port], publish_port))
        yield f"http://127.0.0.1:{server.port}", f"http://127.0.0.1:{public_port}", congress, chair


async def test_a_phone_behind_nginx_shows_the_announced_result_without_asking(
    public_set_up: tuple[str, str, DrillCongress, str], open_screen: OpenScreen
) -> None:
    hall, public, congress, chair = public_set_up
    phone = (await open_screen(390, 844)).page
    await phone.goto(f"{public}/public/sessions/{congress.session_id}")
    await expect(phone.locator("[data-live-dot][data-live=up]")).to_have_count(1)
    vote = phone.locator(f'.vote[data-vote-id="{congress.vote_id}"]')
    await expect(vote).to_have_attribute("data-state", "open")

    public_key = base64.b64decode(congress.key.public_key)
    plain = sealing.ballot_plaintext({congress.candidate_ids[0]: "for"}, congress.candidate_ids)
    headers = {"Authorization": f"Bearer {chair}"}
    async with httpx.AsyncClient(base_url=hall, timeout=10) as api:
        for tablet in congress.tokens:
            sealed = base64.b64encode(sealing.seal(public_key, congress.key.label, plain)).decode()
            body = {"cast_id": secrets.token_hex(16), "sealed": sealed}
            cast = await api.post(f"/api/votes/{congress.vote_id}/ballots", headers=bearer(tablet), json=body)
            assert cast.status_code == 201, cast.text
        # Closing without the cards first: the card waits for them, redrawn from the event.
        closed = await api.post(f"/api/votes/{congress.vote_id}/close", headers=headers, json={"confirm": True})
        assert closed.status_code == 202, closed.text
        await expect(vote).to_have_attribute("data-state", "awaiting_keys")
        opened = await api.post(
            f"/api/votes/{congress.vote_id}/count", headers=headers, json={"cards": congress.cards[:2]}
        )
        assert opened.status_code == 200, opened.text
        await expect(vote).to_have_attribute("data-state", "closed")
        asked: list[str] = []
        phone.on("request", lambda request: asked.append(request.url))
        announced = await api.post(f"/api/votes/{congress.vote_id}/announce", headers=headers)
        assert announced.status_code == 200, announced.text
    await expect(vote).to_have_attribute("data-state", "announced")
    await expect(vote.locator("h3")).to_contain_text("入选项目")
    await expect(vote).to_contain_text("演练项目1")
    assert asked == []  # the result came in the event nginx copied to the phone
    await phone.screenshot(path="/tmp/public-nchan-announced.png", full_page=True)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_a_list_from_nginx_micro_cache_never_takes_a_vote_back_behind_an_event(
    public_set_up: tuple[str, str, DrillCongress, str], open_screen: OpenScreen
) -> None:
    """The list is cached for a second; an event arriving in that second must not be undone by it."""
    hall, public, congress, chair = public_set_up
    phone = (await open_screen(390, 844)).page
    await phone.goto(f"{public}/public/sessions/{congress.session_id}")
    vote = phone.locator(f'.vote[data-vote-id="{congress.vote_id}"]')
    await expect(vote).to_have_attribute("data-state", "open")
    headers = {"Authorization": f"Bearer {chair}"}
    async with httpx.AsyncClient(timeout=10) as api:
        public_key = base64.b64decode(congress.key.public_key)
        plain = sealing.ballot_plaintext({congress.candidate_ids[0]: "for"}, congress.candidate_ids)
        sealed = base64.b64encode(sealing.seal(public_key, congress.key.label, plain)).decode()
        body = {"cast_id": secrets.token_hex(16), "sealed": sealed}  # one sealed ballot: closing waits for the cards
        cast = await api.post(
            f"{hall}/api/votes/{congress.vote_id}/ballots", headers=bearer(congress.tokens[0]), json=body
        )
        assert cast.status_code == 201, cast.text
        # Someone else's phone lists the session: nginx now holds "open" for a second.
        cached = await api.get(f"{public}/api/sessions/{congress.session_id}/votes")
        assert cached.status_code == 200 and cached.json()[0]["state"] == "open"
        closed = await api.post(f"{hall}/api/votes/{congress.vote_id}/close", headers=headers, json={"confirm": True})
        assert closed.status_code == 202, closed.text
        # A practice vote starts at once: its event makes every phone list the session again, from the cache.
        practice = await api.post(f"{hall}/api/sessions/{congress.session_id}/practice", headers=headers, json={})
        assert practice.status_code == 201, practice.text
    await expect(vote).to_have_attribute("data-state", "awaiting_keys")
    await phone.wait_for_timeout(1500)  # the cached list has come and gone
    await expect(vote).to_have_attribute("data-state", "awaiting_keys")
