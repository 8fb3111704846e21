"""A real Chromium (the Debian one: nothing is downloaded), screens opened on it, and servers for the browser tests."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, async_playwright, expect

from tests.browser.screens import OpenScreen, Screen
from tests.servers import JWT_SECRET, FreshServer, create_database, free_port, wait_until_serving

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
