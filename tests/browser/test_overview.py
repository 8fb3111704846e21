"""In Chromium: a county clerk goes from the console home to the county's overview, reads each township's
year, opens a township's chosen projects and its program; a township clerk is refused the county's page."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.screens import OpenScreen
from tests.overview.county import YEAR, two_township_county
from voting.settings import Settings

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PIAOJUE_SHOTS", "/tmp/shots-overview"))


async def shot(page: Page, name: str) -> None:
    """A full-page screenshot to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def log_in(page: Page, base: str, login: tuple[str, str], target: str) -> None:
    """The staff login form, then on to target."""
    await page.goto(f"{base}/login?next={target}")
    await page.fill("input[name=username]", login[0])
    await page.fill("input[name=password]", login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(lambda url: "/login" not in url)


async def test_county_clerk_reads_the_overview_and_follows_a_township(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(api, pool, settings)
    west = county.west.congress

    screen = await open_screen(1440, 900)
    page = screen.page
    await log_in(page, live_server, county.county_login, "/console")
    await page.click(f"a[href='/console/bodies/{county.county_id}/overview']")
    await page.wait_for_url(f"**/console/bodies/{county.county_id}/overview")
    # This year's programs first; the clerk picks 2027 from the year buttons.
    await page.click(f"nav.years a[href='?year={YEAR}']")
    await page.wait_for_url(f"**/overview?year={YEAR}")

    row = page.locator(f"tr[data-body='{west.body_id}']")
    await expect(row.locator("[data-phase]")).to_contain_text("评估")
    await expect(row.locator("[data-figure=chosen]")).to_have_text("2 个")
    await expect(row.locator("[data-figure=on_time]")).to_contain_text("50%")
    await expect(row.locator("[data-figure=ratings]")).to_contain_text("满意 1")
    east = page.locator(f"tr[data-body='{county.east.body_id}']")
    await expect(east.locator("[data-phase]")).to_contain_text("征集")
    await expect(east.locator("[data-figure=suggestions]")).to_have_text("3 条")
    await expect(page.locator("[data-total=chosen]")).to_have_text("2")
    await page.locator("tr.projects-row summary").click()
    await expect(page.locator(f"li[data-item='{county.west.item_a}']")).to_contain_text("已完成")
    await shot(page, "county-overview")

    # The row leads to the township's program, which the county watches (read only).
    await row.locator(f"a[href='/console/programs/{west.program_id}']").click()
    await page.wait_for_url(f"**/console/programs/{west.program_id}")
    assert screen.errors == []

    township = await open_screen(1280, 800)
    await log_in(township.page, live_server, west.clerk_login, "/console")
    response = await township.page.goto(f"{live_server}/console/bodies/{county.county_id}/overview")
    assert response is not None and response.status == 403
    await expect(township.page.locator("body")).to_contain_text(county.county_name)
    await shot(township.page, "township-refused")
