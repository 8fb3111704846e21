"""A deputy votes on the real tablet page; the public page and the hall screen show the announced result."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import httpx
import pytest
from playwright.async_api import expect

from ballots import sealing
from tests.browser.api_steps import close_and_count, create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser

RECEIPT = re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$")


async def test_deputies_vote_on_their_tablets_and_the_public_sees_the_result(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=9, candidates=4)
    tablet_deputy, *others = congress.deputy_ids
    a, b, c, d = congress.candidate_ids
    # Five deputies log in on their own tablets (through the API); with the browser's deputy that is 6 of 9: a quorum.
    others_headers = [await tablet_login(api, congress.codes[deputy]) for deputy in others[:5]]
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=2)

    public = await open_screen(390, 844, is_mobile=True, has_touch=True)
    await public.page.goto(f"{live_server}/public/sessions/{congress.session_id}")
    tablet = await open_screen(1280, 800, has_touch=True)
    await tablet.page.goto(f"{live_server}/tablet?code={congress.codes[tablet_deputy]}")
    await expect(tablet.page.locator("#tablet-who")).to_contain_text("代表000")
    assert "code=" not in tablet.page.url  # the one-time code is gone from the address bar
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)

    # Mark two projects, try a third (refused kindly), review, submit.
    page = tablet.page
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
    cards = page.locator(".cand.choose")
    # The words say what the deputy sees: an empty square box (the paper ballot's cell), a ○ in it once tapped.
    await expect(page.locator(".instructions")).to_contain_text("方框内出现“○”即为同意")
    box = cards.nth(0).locator(".mark-circle")
    await expect(box).to_have_css("color", "rgba(0, 0, 0, 0)")
    await expect(box).to_have_css("border-top-left-radius", "8px")
    await cards.nth(0).click()
    await expect(box).to_have_css("color", "rgb(179, 38, 30)")
    await page.screenshot(path="/tmp/tablet-box-marked.png")
    await cards.nth(1).click()
    await expect(page.locator(".counter")).to_contain_text("已选 2 / 最多 2")
    await cards.nth(2).click()
    await expect(page.locator("#toast")).to_contain_text("最多只能选 2 项")
    await expect(cards.nth(2)).not_to_have_class(re.compile("marked"))
    await page.click("button[data-action=review]")
    await expect(page.locator(".review-list li")).to_have_text(["项目A", "项目B"])
    async with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/ballots")) as sent:
        await page.click("button[data-action=submit]")
    receipt = page.locator("[data-receipt]")
    await expect(receipt).to_be_visible()
    assert RECEIPT.match(await receipt.inner_text())
    # What left the tablet is sealed: no marks, and the receipt is its tracker's code.
    body = json.loads((await sent.value).post_data or "{}")
    assert set(body) == {"cast_id", "sealed"}
    tracker = hashlib.sha256(base64.b64decode(body["sealed"])).hexdigest()
    assert sealing.receipt_code(tracker) == await receipt.inner_text()
    await page.screenshot(path="/tmp/sealing-tablet-receipt.png")
    await expect(page.locator("#tablet-main")).to_contain_text("您的选票已保存")
    assert await page.evaluate("localStorage.getItem('pj.tablet.pending')") is None

    # Four more ballots for A and B: 5 of 9 is more than half of all deputies.
    for headers in others_headers[:4]:
        marks = {str(a): "for", str(b): "for"}
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, await sealed_ballot(api, vote_id, marks))

    await page.reload()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "voted")
    await expect(page.locator("#tablet-main")).to_contain_text("您已投票")
    await expect(page.locator("[data-receipt]")).to_have_text(await receipt.inner_text())

    # While open and after closing, the public page shows turnout only, never a result.
    vote_card = public.page.locator(f'.vote[data-vote-id="{vote_id}"]')
    await expect(vote_card.locator('[data-turnout="cast"]')).to_have_text("5")
    assert await public.page.locator(".result").count() == 0
    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/{congress.session_id}")
    await expect(hall.page.locator('[data-turnout="cast"]')).to_have_text("5")
    await close_and_count(api, congress.presiding, vote_id)
    await expect(vote_card).to_have_attribute("data-state", "closed")
    await expect(hall.page.locator(".hall-wait")).to_be_visible()
    assert await public.page.locator(".result").count() == 0
    assert await hall.page.locator(".bar-row").count() == 0

    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)
    await expect(public.page.locator(".chosen-list li")).to_have_text(["项目A", "项目B"])
    await expect(vote_card.locator(".bar-row")).to_have_count(4)
    await expect(hall.page.locator(".hall-result .bar-row")).to_have_count(4)
    chosen_bar = hall.page.locator(f'.bar-row[data-candidate-id="{a}"]')
    await expect(chosen_bar.locator(".votes-for")).to_have_text("5")
    await expect(chosen_bar).to_have_class(re.compile("outcome-chosen"))
    await expect(hall.page.locator(f'.bar-row[data-candidate-id="{c}"]')).to_have_class(re.compile("below_threshold"))
    assert await hall.page.locator(".threshold-line").count() == 4
    assert (await chosen_bar.locator(".bar-fill").bounding_box())["width"] > 0
    await expect(hall.page.locator(f'.bar-row[data-candidate-id="{d}"] .votes-for')).to_have_text(
        "0"
    )  # every count shown

    # From the phone the resident reaches the printable 公告 of this vote.
    await vote_card.get_by_role("link", name=re.compile("表决结果公告")).click()
    await expect(public.page).to_have_url(re.compile(f"/public/votes/{vote_id}/announcement$"))
    await expect(public.page.locator("article.announcement")).to_contain_text("项目A")

    for screen in (public, tablet, hall):
        assert screen.errors == []
