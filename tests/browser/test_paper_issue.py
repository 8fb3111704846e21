"""The count console hands a paper ballot to a named deputy (a failed tablet), and asks reasons in a dialog."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser


async def test_presiding_officer_issues_paper_by_seat_and_is_told_when_refused(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = await create_vote(
        api, congress.presiding, congress.session_id, congress.candidate_ids, "mixed", seats=2, title="混合表决"
    )
    tablets = {d: await tablet_login(api, congress.codes[d]) for d in congress.deputy_ids[:4]}
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    voted = congress.deputy_ids[0]
    cast = await sealed_ballot(api, vote_id, {str(congress.candidate_ids[0]): "for"})
    await post_ok(api, f"/api/votes/{vote_id}/ballots", tablets[voted], cast)

    screen = await open_screen(1440, 1000)
    page = screen.page
    await page.goto(f"{live_server}/login?next=/console/votes/{vote_id}/paper")
    await page.fill("input[name=username]", congress.presiding_login[0])
    await page.fill("input[name=password]", congress.presiding_login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(f"**/console/votes/{vote_id}/paper")
    panel = page.locator("#issue-panel")
    await expect(panel).to_be_visible()
    search = panel.locator("input[name=q]")

    # By seat number, Enter on the one match: a confirmation, then the deputy holds paper.
    await search.fill("001")
    await expect(panel.locator("#issue-matches li")).to_have_count(1)
    await expect(panel.locator("#issue-matches li")).to_contain_text("代表001")
    await search.press("Enter")
    await page.locator("dialog.confirm [data-confirm]").click()
    await expect(panel.locator("#issue-done")).to_contain_text("已向 代表001")
    await expect(panel.locator("#issue-count")).to_contain_text("已逐一发出 1 张")
    issued = await api.get(f"/api/votes/{vote_id}/paper", headers=congress.presiding)
    assert issued.json()["handed_out"] == 1

    # Refused in both languages: the deputy who voted by tablet, and a second paper ballot.
    for name, zh, en in (
        ("代表000", "已通过平板投票", "already voted by tablet"),
        ("代表001", "已领取纸质选票", "already received a paper ballot"),
    ):
        await search.fill(name)
        await panel.locator("#issue-matches li button").click()
        await page.locator("dialog.confirm [data-confirm]").click()
        await expect(panel.locator("#issue-error")).to_contain_text(zh)
        await expect(panel.locator("#issue-error")).to_contain_text(en)
    # A deputy not checked in is not offered.
    await search.fill("代表005")
    await expect(panel.locator("#issue-matches li")).to_contain_text("没有找到已签到的代表")

    # A void round (returned > issued): the reason for starting again is asked in a dialog, not prompt().
    await post_ok(api, f"/api/votes/{vote_id}/paper/issued", congress.presiding, {"count": 1})
    await post_ok(api, f"/api/votes/{vote_id}/paper/box-sealed", congress.presiding)
    await post_ok(api, f"/api/votes/{vote_id}/paper/returned", congress.presiding, {"count": 2})
    restart = page.locator("[data-step=restart]")
    await expect(restart).to_be_visible()
    await expect(panel).to_be_hidden()
    await restart.click()
    dialog = page.locator("dialog.confirm")
    await expect(dialog.locator("textarea")).to_have_value("收回的选票多于发出的选票")
    await dialog.locator("textarea").fill("  ")
    await expect(dialog.locator("[data-confirm]")).to_be_disabled()
    await dialog.locator("textarea").fill("收回2张，发出1张，依法重新投票")
    await dialog.locator("[data-confirm]").click()
    await expect(page.locator("#round")).to_have_text("第 2 轮")
    await expect(page.locator("#step-log")).to_contain_text("依法重新投票")
    # The void round's paper issue was withdrawn: the deputy can be handed paper again.
    await expect(panel).to_be_visible()
    await expect(panel.locator("#issue-count")).to_contain_text("已逐一发出 0 张")
    assert not screen.errors


async def test_the_hall_screen_switches_to_the_reading_while_paper_ballots_are_read(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, "paper", seats=2)
    for deputy_id in congress.deputy_ids[:3]:
        await tablet_login(api, congress.codes[deputy_id])
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/{congress.session_id}")
    await expect(hall.page.locator("#hall-main")).to_contain_text("正在投票")
    await post_ok(api, f"/api/votes/{vote_id}/paper/issued", congress.presiding, {"count": 3})
    await post_ok(api, f"/api/votes/{vote_id}/paper/box-sealed", congress.presiding)
    await expect(hall.page.locator("iframe.hall-reading")).to_have_count(0)
    # The ballots are collected: reading starts, and the hall shows it without anyone touching it.
    await post_ok(api, f"/api/votes/{vote_id}/paper/returned", congress.presiding, {"count": 3})
    reading = hall.page.frame_locator("iframe.hall-reading")
    await expect(reading.locator('[data-stat="read"]')).to_have_text("0 / 3")
    await expect(hall.page.locator(".hall-head")).to_be_hidden()
    assert not hall.errors
