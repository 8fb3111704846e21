"""In Chromium: a department liaison's two pages (feasibility requests, projects and reports) share one header:
the same menu in the same words, the same name of who is logged in, only the current page marked."""

from __future__ import annotations

import asyncpg
import pytest
from playwright.async_api import expect

from tests.browser.screens import OpenScreen, shoot
from tests.browser.staff_login import log_in_to
from tests.factories import make_congress, make_liaison
from voting.settings import Settings

pytestmark = pytest.mark.browser


async def test_both_liaison_pages_show_the_same_menu_and_header(
    open_screen: OpenScreen, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=1, candidates=0)
    liaison = await make_liaison(pool, settings, congress.body_id, "住建局")
    screen = await open_screen(1280, 800)
    page = screen.page
    await log_in_to(page, live_server, liaison.login, "/liaison")

    seen = {}
    for path, here in (("/liaison", "feasibility"), ("/liaison/projects", "projects")):
        await page.goto(live_server + path)
        nav = page.locator("header .topnav a")
        seen[path] = (await nav.all_inner_texts(), await page.locator("header .whoami .role").inner_text())
        await expect(page.locator("header .topnav a[aria-current=page]")).to_have_attribute("data-liaison-tab", here)
        await shoot(page, "liaison-header-" + here)
    assert seen["/liaison"] == seen["/liaison/projects"]
    menu, role = seen["/liaison"]
    assert [" ".join(text.split()) for text in menu] == [
        "可行性论证 Feasibility requests",
        "承办项目 Projects & reports",
    ]
    assert role == "住建局 · 部门联络员 liaison"
    assert screen.errors == []
