"""A real Chromium (the Debian one: nothing is downloaded) and helpers for driving the pages."""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, NamedTuple

import httpx
import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect

from tests.servers import JWT_SECRET, create_database, free_port, wait_until_serving
from tests.steps import seal_marks

# Pages poll every few seconds besides listening to the event stream; give them time to catch up.
expect.set_options(timeout=12_000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One Chromium for the whole run."""
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


class Screen(NamedTuple):
    """A browser context with one page, and the script errors that page raised."""

    context: BrowserContext
    page: Page
    errors: list[str]


OpenScreen = Callable[..., Awaitable[Screen]]


@pytest.fixture
async def open_screen(browser: Browser) -> AsyncIterator[OpenScreen]:
    """Opens fresh contexts (own cookies and localStorage) with one page of a given size; closes them after the test.

    Closing them here, before the session's live server stops, ends their event streams: the
    server's graceful shutdown would otherwise wait for them.
    """
    screens: list[Screen] = []

    async def open_one(width: int, height: int, **options: Any) -> Screen:
        context = await browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **options)
        context.set_default_timeout(15_000)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        screens.append(Screen(context, page, errors))
        return screens[-1]

    yield open_one
    for screen in screens:
        await screen.context.close()


@pytest.fixture
async def api(live_server: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the live server, for what the test does outside the browser."""
    async with httpx.AsyncClient(base_url=live_server, timeout=10) as client:
        yield client


async def tablet_login(api: httpx.AsyncClient, code: str) -> dict[str, str]:
    """Log a deputy in (which checks them in) and return their Authorization header."""
    response = await api.post("/api/tablet/login", json={"code": code})
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["token"]}


async def create_vote(
    api: httpx.AsyncClient,
    headers: dict[str, str],
    session_id: int,
    candidate_ids: list[int],
    mode: str = "electronic",
    **rules: object,
) -> int:
    """A draft vote through the API (with its key cards where tablets cast); returns its id."""
    response = await api.post(
        f"/api/sessions/{session_id}/votes",
        headers=headers,
        json={
            "title": rules.pop("title", "民生实事项目票决"),
            "candidate_ids": candidate_ids,
            "rules": rules,
            "mode": mode,
            "reason": "测试",
        },
    )
    assert response.status_code == 201, response.text
    vote_id = int(response.json()["id"])
    if mode != "paper":
        await make_cards(api, headers, vote_id)  # the count console's ceremony, before the vote can open
    return vote_id


# The key cards of each vote made in these tests, as the scrutineers keep them (vote id → card texts).
KEY_CARDS: dict[int, list[str]] = {}


async def make_cards(api: httpx.AsyncClient, headers: dict[str, str], vote_id: int) -> list[str]:
    """A vote's key ceremony through the API (2 of 3 cards)."""
    made = await post_ok(api, f"/api/votes/{vote_id}/key-cards", headers, {})
    KEY_CARDS[vote_id] = [str(c["text"]) for c in made["cards"]]  # type: ignore[attr-defined]
    return KEY_CARDS[vote_id]


async def sealed_ballot(
    api: httpx.AsyncClient, vote_id: int, marks: dict[str, str], headers: dict[str, str] | None = None
) -> dict[str, str]:
    """A cast body as a tablet sends it: the marks sealed to the vote's key, and a fresh cast id.

    A practice vote's key is shown only in the hall: pass the tablet's headers for it.
    """
    key = (await api.get(f"/api/votes/{vote_id}/sealing-key", headers=headers or {})).json()
    return {"cast_id": secrets.token_hex(16), "sealed": seal_marks(key, {int(k): v for k, v in marks.items()})}


async def close_and_count(api: httpx.AsyncClient, headers: dict[str, str], vote_id: int) -> dict[str, object]:
    """Close a vote with two scrutineers' cards, so it is counted at once."""
    return await post_ok(
        api, f"/api/votes/{vote_id}/close", headers, {"confirm": True, "cards": KEY_CARDS[vote_id][:2]}
    )


async def post_ok(api: httpx.AsyncClient, path: str, headers: dict[str, str], json: object = None) -> dict[str, object]:
    """POST and insist on success."""
    response = await api.post(path, headers=headers, json=json)
    assert response.status_code in (200, 201), response.text
    return response.json()  # type: ignore[no-any-return]


class FreshServer:
    """`voting serve` on a database nobody has used, and what its console printed."""

    def __init__(self, base: str, database_url: str, admin_password: str) -> None:
        self.base = base
        self.database_url = database_url
        self.admin_password = admin_password


@pytest.fixture(scope="module")
def fresh_server(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshServer]:
    """A new empty database and `voting serve` on it; the first admin's password read from the console."""
    url = asyncio.run(create_database(server_url, "piaojue_fresh_"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_PUBLIC_URL": base,
        "PIAOJUE_DATA_DIR": str(tmp_path_factory.mktemp("fresh")),
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "voting.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    console: list[str] = []
    password = None
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        for line in process.stdout:
            console.append(line)
            found = re.search(r"密码 Password:\s+(\S+)", line)
            if found:
                password = found.group(1)
                break
            if time.monotonic() > deadline:
                break
        assert password, "no first-admin password on the console:\n" + "".join(console)
        # Keep reading the console so the server never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in process.stdout or []], daemon=True).start()
        wait_until_serving(base, process, "voting serve", max(1.0, deadline - time.monotonic()))
        yield FreshServer(base, url, password)
    finally:
        process.terminate()
        process.wait(10)
