"""The verification page and the audit log page in a real Chromium."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from playwright.async_api import expect

from tests.browser.screens import OpenScreen
from tests.bulletin.voting_day import voting_day
from voting.settings import Settings

pytestmark = pytest.mark.browser


async def test_a_deputy_checks_a_receipt_on_the_verification_page(
    open_screen: OpenScreen, live_server: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=5, voters=4)
    screen = await open_screen(390, 844)  # a phone
    page = screen.page
    await page.goto(f"{live_server}/public/votes/{day.vote_id}/verify")
    await expect(page.locator("#verify-status")).to_have_attribute("data-status", "ok")
    await expect(page.locator(".verify-checks .check-failed")).to_have_count(0)
    await page.fill("#receipt-input", day.receipts[2].lower())
    await page.click("#receipt-form button[type=submit]")
    await expect(page.locator("#receipt-answer [data-counted]")).to_have_attribute("data-counted", "true")
    await page.fill("#receipt-input", "AAAAA-22222")
    await page.click("#receipt-form button[type=submit]")
    await expect(page.locator("#receipt-answer [data-counted]")).to_have_attribute("data-counted", "false")
    await page.fill("#receipt-input", "nonsense")
    await page.click("#receipt-form button[type=submit]")
    await expect(page.locator("#receipt-answer .error")).to_contain_text("回执码应为平板上显示的10位字母和数字")
    assert screen.errors == []


async def test_staff_filter_the_audit_log(
    open_screen: OpenScreen, live_server: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    screen = await open_screen(1440, 900)
    token = day.congress.clerk["Authorization"].removeprefix("Bearer ")
    await screen.context.add_cookies([{"name": "pj_token", "value": token, "url": live_server}])
    page = screen.page
    await page.goto(f"{live_server}/console/audit")
    await expect(page.locator("#audit-rows tr").first).to_be_visible()
    await page.fill("#audit-filters input[name=object_type]", "vote")
    await page.fill("#audit-filters input[name=object_id]", str(day.vote_id))
    await page.fill("#audit-filters input[name=action]", "vote.announced")
    await page.click("#audit-filters button[type=submit]")
    await expect(page.locator("#audit-rows tr")).to_have_count(1)
    await expect(page.locator("#audit-rows")).to_contain_text("vote.announced")
    href = await page.locator("#audit-csv").get_attribute("href")
    assert href is not None and "action=vote.announced" in href and f"object_id={day.vote_id}" in href
    assert screen.errors == []
