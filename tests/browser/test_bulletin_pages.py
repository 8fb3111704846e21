"""The verification page and the audit log page in a real Chromium."""

from __future__ import annotations

import re

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from playwright.async_api import expect

from tests.browser.screens import OpenScreen, shoot
from tests.bulletin.voting_day import voting_day
from voting.settings import Settings

pytestmark = pytest.mark.browser

CODE = re.compile(r"[a-z_]+\.[a-z_]+")  # an action's code name, e.g. staff.logged_in


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


async def test_a_clerk_reads_and_filters_the_audit_log_in_words(
    open_screen: OpenScreen, live_server: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    async with pool.acquire() as conn:
        await conn.execute(
            "UPDATE staff_user SET display_name = '王主持' WHERE username = $1", day.congress.presiding_login[0]
        )
    screen = await open_screen(1440, 900)
    token = day.congress.clerk["Authorization"].removeprefix("Bearer ")
    await screen.context.add_cookies([{"name": "pj_token", "value": token, "url": live_server}])
    page = screen.page
    await page.goto(f"{live_server}/console/audit")
    await expect(page.locator("#audit-rows tr").first).to_be_visible()
    await shoot(page, "audit_clerk_top")
    # No code names in 操作 and no "staff:3" in 操作人, on every row shown.
    actions = await page.locator("#audit-rows td.action").all_inner_texts()
    assert actions and not any(CODE.search(text) for text in actions), actions
    actors = await page.locator("#audit-rows td.actor").all_inner_texts()
    assert not any("staff:" in a or "deputy:" in a or "public:" in a for a in actors), actors
    # Filters are choices: the presiding officer by role, the announcement by its words.
    await page.select_option("#audit-filters select[name=who]", label="主持人 presiding officer")
    await page.select_option("#audit-filters select[name=action]", label="宣布表决结果 Result announced")
    await page.select_option("#audit-filters select[name=object_type]", label="表决 vote")
    await page.fill("#audit-filters input[name=object_id]", str(day.vote_id))
    await page.click("#audit-filters button[type=submit]")
    await expect(page.locator("#audit-rows tr")).to_have_count(1)
    row = page.locator("#audit-rows tr").first
    await expect(row.locator("td.action")).to_contain_text("宣布表决结果")
    await expect(row.locator("td.actor")).to_have_text("王主持（主持人）")
    # The raw record is folded away, for the technical reader.
    await expect(row.locator("details.raw code")).to_be_hidden()
    await row.locator("details.raw summary").click()
    await expect(row.locator("details.raw code")).to_contain_text('"action":"vote.announced"')
    await shoot(page, "audit_clerk_filtered")
    # The CSV keeps the codes: its link carries them.
    href = await page.locator("#audit-csv").get_attribute("href")
    assert href is not None and "action=vote.announced" in href and "role=presiding" in href
    assert f"object_id={day.vote_id}" in href
    # One person by name.
    await page.select_option("#audit-filters select[name=who]", label="王主持（主持人）")
    await page.select_option("#audit-filters select[name=action]", value="")
    await page.click("#audit-filters button[type=submit]")
    await expect(page.locator("#audit-rows td.actor").first).to_have_text("王主持（主持人）")
    assert set(await page.locator("#audit-rows td.actor").all_inner_texts()) == {"王主持（主持人）"}
    assert screen.errors == []
