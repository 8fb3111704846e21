"""The vote closes while a deputy is still marking: the tablet says so plainly and keeps working."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import close_and_count, create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser


async def test_tablet_survives_vote_closing_while_marking(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    a, b, c = congress.candidate_ids
    await tablet_login(api, congress.codes[congress.deputy_ids[1]])
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    main = page.locator("#tablet-main")
    await page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[0]]}")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")

    first = await create_vote(api, congress.presiding, congress.session_id, [a, b, c], seats=1, title="第一次表决")
    await post_ok(api, f"/api/votes/{first}/open", congress.presiding)
    await expect(main.locator(".ballot-head h1")).to_have_text("第一次表决")
    await page.locator(".cand.choose").first.click()
    await close_and_count(api, congress.presiding, first)

    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")
    refusal = main.locator(".refused .error")
    await expect(refusal).to_contain_text("表决未在进行中，选票未被接收")
    await expect(refusal).to_contain_text("The vote is not open")
    assert await page.evaluate("localStorage.getItem('pj.tablet.pending')") is None  # never resent

    # The page still works: back to waiting, then the next vote (赞成/反对/弃权 per project) is cast.
    await page.click(".refused button[data-action=back]")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")
    second = await create_vote(
        api, congress.presiding, congress.session_id, [a, b, c], seats=3, form="per_candidate", title="第二次表决"
    )
    await post_ok(api, f"/api/votes/{second}/open", congress.presiding)
    await expect(main.locator(".ballot-head h1")).to_have_text("第二次表决")
    await expect(main).to_contain_text("未表态的项目按弃权计")
    await page.locator(f'.cand[data-candidate-id="{a}"] [data-mark=for]').click()
    await page.locator(f'.cand[data-candidate-id="{b}"] [data-mark=against]').click()
    await page.click("button[data-action=review]")
    await expect(main.locator(".review-table tr")).to_have_text(
        [re.compile("项目A.*赞成"), re.compile("项目B.*反对"), re.compile("项目C.*未表态")]
    )
    await page.click("button[data-action=submit]")
    receipt = main.locator("[data-receipt]")
    await expect(receipt).to_have_text(re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$"))
    code = await receipt.inner_text()
    # The deputy turns the tablet off and on: it says they have voted, with the receipt, until the next vote
    # opens; closing the vote does not take the receipt away before they have noted it.
    await page.reload()
    await expect(main.locator("h1")).to_contain_text("您已投票")
    await close_and_count(api, congress.presiding, second)
    await expect(main).to_contain_text("投票已结束")
    await expect(receipt).to_have_text(code)
    # Turned off and on after the close, and again after the announcement, it still says so.
    await page.reload()
    await expect(main.locator("h1")).to_contain_text("您已投票")
    await expect(main).to_contain_text("投票已结束")
    await expect(receipt).to_have_text(code)
    result = (await api.get(f"/api/votes/{second}/result", headers=congress.presiding)).json()
    counts = {line["candidate_id"]: line for line in result["tally"]["counts"]}
    assert (counts[a]["votes_for"], counts[b]["votes_against"], counts[c]["abstentions"]) == (1, 1, 1)

    # The chair announces: the tablet says so (no longer "wait for the announcement"), keeps the receipt
    # and says where to check it.
    await post_ok(api, f"/api/votes/{second}/announce", congress.presiding)
    await expect(main.locator("[data-announced]")).to_contain_text("结果已宣布")
    await expect(main).not_to_contain_text("请等待主持人宣布结果")
    await expect(receipt).to_have_text(code)
    await expect(main.locator("[data-verify-hint]")).to_have_attribute(
        "data-verify-hint", f"/public/votes/{second}/verify"
    )
    await page.screenshot(path="/tmp/tablet-voted-announced.png")
    assert tablet.errors == []


async def test_the_receipt_screen_says_when_voting_has_closed_and_when_the_result_is_announced(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    await tablet_login(api, congress.codes[congress.deputy_ids[1]])
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    main = page.locator("#tablet-main")
    await page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[0]]}")
    await expect(main).to_contain_text("暂无进行中的表决，请等待")
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=1)
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    await page.locator(".cand.choose").first.click()
    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")
    receipt = main.locator("[data-receipt]")
    await expect(receipt).to_have_text(re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$"))
    code = await receipt.inner_text()

    await close_and_count(api, congress.presiding, vote_id)
    await expect(main.locator("[data-closed]")).to_contain_text("投票已结束，请等待主持人宣布结果")
    await expect(main).to_have_attribute("data-screen", "receipt")
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)
    await expect(main.locator("[data-announced]")).to_contain_text("结果已宣布")
    await expect(main.locator("[data-closed]")).to_have_count(0)
    await expect(receipt).to_have_text(code)
    await expect(main.locator("[data-verify-hint]")).to_contain_text("现在可以用手机扫描二维码")
    await expect(main).not_to_contain_text("结果公布后")  # it has been: nothing said in the future tense
    await page.screenshot(path="/tmp/tablet-receipt-announced.png", full_page=True)
    # Turned off and on after the announcement: "you have voted", announced, with the receipt to check.
    await page.reload()
    await expect(main.locator("h1")).to_contain_text("您已投票")
    await expect(main.locator("[data-announced]")).to_contain_text("结果已宣布")
    await expect(receipt).to_have_text(code)
    await expect(main.locator("[data-verify-hint]")).to_be_visible()
    assert tablet.errors == []
