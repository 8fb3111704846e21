"""In Chromium: a county's staff watching a township's pages see them read only, with no button or link that
would only be refused; the township's own staff see the same pages with their actions."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import create_vote, staff_account
from tests.browser.screens import OpenScreen, shoot
from tests.browser.staff_login import log_in_to, log_in_to_console
from tests.factories import Congress, make_congress
from voting.auth import Role
from voting.settings import Settings

pytestmark = pytest.mark.browser

READ_ONLY = "只能查看，不能办理"
# What acting on a session looks like on its console: attendance and login codes, the practice vote, seat cards,
# a vote's controls and its key cards.
ACTIONS = ", ".join(
    [
        "#attendance-body button",
        "#practice-button",
        "#create-vote",
        "a[href$='/seat-cards']",
        ".vote-actions button",
        "a[data-key-cards]",
    ]
)


async def county_over_township(pool: asyncpg.Pool, settings: Settings) -> tuple[Congress, Congress]:
    """A county congress and a township congress below it."""
    county = await make_congress(pool, settings, deputies=3, candidates=2, level="county")
    township = await make_congress(pool, settings, deputies=4, candidates=2, parent_id=county.body_id)
    return county, township


async def attendance_loaded(page: Page, township: Congress) -> None:
    """The console has drawn its deputies (the rows come from the API after the page)."""
    await expect(page.locator("#attendance-body tr[data-deputy-id]")).to_have_count(len(township.deputy_ids))


async def test_a_county_watching_a_township_session_console_sees_no_action(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    county, township = await county_over_township(pool, settings)
    # A tablet vote waits to be opened, its key cards made.
    vote_id = await create_vote(api, township.presiding, township.session_id, township.candidate_ids, seats=1)

    for role, login in (("clerk", county.clerk_login), ("presiding", county.presiding_login)):
        screen = await open_screen(1280, 900)
        page = screen.page
        await log_in_to_console(page, live_server, login, township.session_id)
        await expect(page.locator(".watching")).to_contain_text(READ_ONLY)
        await attendance_loaded(page, township)
        await expect(page.locator(f'.vote[data-vote-id="{vote_id}"]')).to_be_visible()
        await expect(page.locator(ACTIONS).locator("visible=true")).to_have_count(0)
        await expect(page.locator(".attendance thead th").locator("visible=true")).to_have_count(3)
        await shoot(page, f"read-only-console-county-{role}", full_page=True)
        assert screen.errors == []

    # The township's own clerk checks deputies in and prints seat cards; its presiding officer runs votes.
    screen = await open_screen(1280, 900)
    page = screen.page
    await log_in_to_console(page, live_server, township.clerk_login, township.session_id)
    await expect(page.locator(".watching")).to_have_count(0)
    await attendance_loaded(page, township)
    row = page.locator(f'tr[data-deputy-id="{township.deputy_ids[0]}"]')
    for action in ("present", "leave", "absent", "reissue"):
        await expect(row.locator(f"button[data-action={action}]")).to_be_visible()
    await expect(page.locator("a[href$='/seat-cards']")).to_be_visible()
    await shoot(page, "read-only-console-township-clerk", full_page=True)

    screen = await open_screen(1280, 900)
    await log_in_to_console(screen.page, live_server, township.presiding_login, township.session_id)
    await expect(screen.page.locator("#practice-button")).to_be_visible()
    await expect(screen.page.locator("#create-vote")).to_be_visible()
    vote = screen.page.locator(f'.vote[data-vote-id="{vote_id}"]')
    await expect(vote.locator("button[data-action=open]")).to_be_visible()
    await expect(vote.locator("a[data-key-cards]")).to_be_visible()
    assert screen.errors == []


async def test_a_county_watching_a_township_paper_count_gets_no_control(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    county, township = await county_over_township(pool, settings)
    vote_id = await create_vote(api, township.presiding, township.session_id, township.candidate_ids, "paper", seats=1)
    await staff_account(pool, Role.TELLER, township.body_id)  # someone the township may assign
    paper = f"/console/votes/{vote_id}/paper"

    screen = await open_screen(1280, 900)
    await log_in_to(screen.page, live_server, county.presiding_login, paper)
    await expect(screen.page.locator(".watching")).to_contain_text(READ_ONLY)
    await expect(screen.page.locator("#count-state")).not_to_be_empty()  # the script has drawn the count
    await expect(screen.page.locator("main button").locator("visible=true")).to_have_count(0)
    await shoot(screen.page, "read-only-paper-county-presiding", full_page=True)
    assert screen.errors == []

    # The township's presiding officer records the steps and assigns the counters.
    screen = await open_screen(1280, 900)
    await log_in_to(screen.page, live_server, township.presiding_login, paper)
    await expect(screen.page.locator("#steps button[data-step=issued]")).to_be_visible()
    await expect(screen.page.locator("#assign-form")).to_be_visible()
