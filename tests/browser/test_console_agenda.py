"""The console keeps a pending runoff in sight, and runs a practice vote (试表决) showing the seats not pressed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import close_and_count, create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to_console
from tests.factories import make_congress

pytestmark = pytest.mark.browser


async def test_a_pending_runoff_stays_the_next_step_until_held_or_declined(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: Any, settings: Any
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=2)
    tokens = [await tablet_login(api, congress.codes[d]) for d in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    pairs = [(a, b), (a, b), (a, c), (a, c), (b, c), (b, c)]  # 4 votes each: all pass, three tied for two seats
    for headers, pair in zip(tokens, pairs, strict=True):
        marks = {str(x): "for" for x in pair}
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, await sealed_ballot(api, vote_id, marks))
    tally = await close_and_count(api, congress.presiding, vote_id)
    assert tally["runoff"] == {"candidate_ids": [a, b, c], "seats": 2}, tally
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)

    screen = await open_screen(1440, 900)
    page = screen.page
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    await page.reload()  # after a reload the result is folded away, but the next step is not
    card = page.locator(f'.vote[data-vote-id="{vote_id}"]')
    step = card.locator("[data-runoff-pending]")
    await expect(step).to_be_visible()
    await expect(step).to_contain_text("下一步：再次投票")
    await expect(step.locator("button[data-action=runoff]")).to_be_visible()
    assert await card.locator("details.result-details").get_attribute("open") is None
    await page.screenshot(path="/tmp/console-runoff-pending.png", full_page=True)

    await step.locator("button[data-action=runoff-not-held]").click()
    dialog = page.locator("dialog[open]")
    await dialog.locator("textarea[name=reason]").fill("经主席团决定，空缺名额提交下次会议")
    await dialog.locator("[data-confirm]").click()
    await expect(card.locator("[data-runoff-not-held]")).to_contain_text("经主席团决定，空缺名额提交下次会议")
    await expect(card.locator("[data-runoff-pending]")).to_have_count(0)
    await page.reload()
    await expect(card.locator("[data-runoff-not-held]")).to_be_visible()
    assert screen.errors == []


async def test_a_practice_vote_shows_the_seats_not_pressed_and_is_marked_on_every_screen(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: Any, settings: Any
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    tokens = {d: await tablet_login(api, congress.codes[d]) for d in congress.deputy_ids[:3]}
    tablet = await open_screen(1280, 800, has_touch=True)  # the fourth deputy's tablet, on the real page
    await tablet.page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[3]]}")
    await expect(tablet.page.locator("#tablet-who")).to_contain_text("代表003")
    screen = await open_screen(1440, 900)
    page = screen.page
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/{congress.session_id}")

    await page.click("#practice-button")
    card = page.locator(".vote.practice[data-state=open]")
    await expect(card.locator(".badge.kind-practice")).to_contain_text("试表决")
    missing = card.locator(".practice-missing li")
    await expect(missing).to_have_count(4)
    await expect(page.locator("#practice-button")).to_be_hidden()  # one open vote at a time
    vote_id = int(await card.get_attribute("data-vote-id") or 0)
    a = congress.candidate_ids[0]
    for deputy in congress.deputy_ids[:3]:
        ballot = await sealed_ballot(api, vote_id, {str(a): "for"}, tokens[deputy])
        await post_ok(api, f"/api/votes/{vote_id}/ballots", tokens[deputy], ballot)
    await expect(missing).to_have_count(1)  # the fourth seat has not pressed: check that tablet
    await expect(missing).to_have_attribute("data-deputy-id", str(congress.deputy_ids[3]))
    await expect(tablet.page.locator(".ballot-head [data-practice]")).to_contain_text("试表决")
    await tablet.page.screenshot(path="/tmp/tablet-practice.png")
    await tablet.page.locator(".cand.choose").nth(0).click()
    await tablet.page.click("button[data-action=review]")
    await tablet.page.click("button[data-action=submit]")
    await expect(tablet.page.locator("#tablet-main [data-practice]")).to_contain_text("表决器工作正常")
    await expect(missing).to_have_count(0)
    await expect(card.locator(".practice-missing .ok")).to_contain_text("出席代表均已按键")
    await expect(hall.page.locator(".hall-practice")).to_contain_text("试表决")
    await expect(hall.page.locator('.hall-practice [data-turnout="cast"]')).to_have_text("4")
    await page.screenshot(path="/tmp/console-practice.png", full_page=True)
    await hall.page.screenshot(path="/tmp/hall-practice.png")

    await card.locator("button[data-action=end-practice]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    ended = page.locator(".vote.practice[data-state=ended]")
    await expect(ended).to_contain_text("选票已销毁")
    await expect(page.locator("#practice-button")).to_be_visible()  # another practice may follow
    await expect(hall.page.locator(".hall-practice")).to_contain_text("试表决结束")
    public = await open_screen(412, 915)
    await public.page.goto(f"{live_server}/public/sessions/{congress.session_id}")
    await expect(public.page.locator("#public-votes")).to_contain_text("暂无表决")
    assert screen.errors == [] and hall.errors == [] and public.errors == [] and tablet.errors == []
