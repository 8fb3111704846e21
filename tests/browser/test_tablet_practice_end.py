"""A practice vote (试表决) ends while a deputy is still on it: the tablet goes back to waiting by itself and says
the practice has ended, never that "this vote has closed" and never with a refusal."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, Route, expect

from tests.browser.api_steps import create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import Congress, make_congress

pytestmark = pytest.mark.browser


async def start_practice(api: httpx.AsyncClient, congress: Congress) -> int:
    """The presiding officer starts a practice vote; returns its id."""
    started = await post_ok(api, f"/api/sessions/{congress.session_id}/practice", congress.presiding, {})
    return int(started["vote_id"])  # type: ignore[call-overload]


async def end_practice(api: httpx.AsyncClient, congress: Congress, vote_id: int) -> None:
    """The presiding officer ends it: its ballots are discarded."""
    await post_ok(api, f"/api/votes/{vote_id}/practice/end", congress.presiding)


async def assert_back_to_waiting(page: Page, shot: str) -> None:
    """Waiting again, saying the practice has ended; no ballot, no submit button, no closed-vote banner."""
    main = page.locator("#tablet-main")
    await expect(main).to_have_attribute("data-screen", "waiting")
    await expect(main.locator("[data-practice-ended]")).to_contain_text("试表决已结束")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")
    await expect(page.locator("button[data-action=submit]")).to_have_count(0)
    await expect(page.locator("#tablet-banner")).to_be_hidden()
    await page.screenshot(path=f"/tmp/{shot}.png")


async def test_tablet_returns_to_waiting_when_the_practice_ends(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: Any, settings: Any
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    await tablet_login(api, congress.codes[congress.deputy_ids[1]])
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    main = page.locator("#tablet-main")
    await page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[0]]}")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")

    # First practice: the deputy marks a project and is on the review screen when the practice ends.
    first = await start_practice(api, congress)
    await expect(main.locator(".ballot-head [data-practice]")).to_contain_text("试表决")
    await page.locator(".cand.choose").first.click()
    await page.click("button[data-action=review]")
    await end_practice(api, congress, first)
    await assert_back_to_waiting(page, "tablet-practice-ended-review")

    # Second practice: the deputy has submitted and reads the practice receipt when it ends.
    second = await start_practice(api, congress)
    await expect(main).to_have_attribute("data-screen", "marking")
    await page.locator(".cand.choose").first.click()
    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")
    await expect(main.locator("[data-practice]")).to_contain_text("表决器工作正常")
    await end_practice(api, congress, second)
    await assert_back_to_waiting(page, "tablet-practice-ended-receipt")

    # The real vote then opens on the same tablet, with no word of the practice left.
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=1)
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    await expect(main).to_have_attribute("data-screen", "marking")
    await expect(main.locator("[data-practice-ended], [data-practice]")).to_have_count(0)
    assert tablet.errors == []


async def test_a_practice_ballot_sent_after_the_end_returns_to_waiting_not_a_refusal(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: Any, settings: Any
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    await tablet_login(api, congress.codes[congress.deputy_ids[1]])
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    main = page.locator("#tablet-main")
    await page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[0]]}")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")
    practice = await start_practice(api, congress)
    await expect(main).to_have_attribute("data-screen", "marking")

    # The tablet misses the end (a Wi-Fi blip): until it sends the ballot, every check it makes still sees
    # the practice open.
    stale = await page.evaluate(
        """async () => {
          const login = JSON.parse(localStorage.getItem("pj.tablet.login"));
          const answer = await fetch("/api/tablet/me", { headers: { Authorization: "Bearer " + login.token } });
          return await answer.text();
        }"""
    )
    assert json.loads(stale)["vote"]["id"] == practice
    sent: list[str] = []

    async def stale_view(route: Route) -> None:
        if sent:
            await route.continue_()
        else:
            await route.fulfill(status=200, content_type="application/json", body=stale)

    async def note_sending(route: Route) -> None:
        sent.append(route.request.url)
        await route.continue_()

    await page.route("**/api/sessions/*/events", lambda route: route.abort())
    await page.route("**/api/tablet/me", stale_view)
    await page.route("**/ballots", note_sending)
    await page.evaluate("() => PJ.tablet.refresh()")
    await end_practice(api, congress, practice)
    await page.locator(".cand.choose").first.click()
    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")
    await assert_back_to_waiting(page, "tablet-practice-ended-late-submit")
    assert sent and await page.locator(".refused").count() == 0
    assert tablet.errors == []
