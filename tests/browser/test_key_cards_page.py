"""The key-card page speaks to the key holders in plain words; the cryptography's names stay in small print."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Locator, expect

from tests.browser.api_steps import post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to
from tests.factories import make_congress

pytestmark = pytest.mark.browser

TECHNICAL = ("公钥", "私钥", "密钥", "加密", "指纹")


async def assert_plain(part: Locator) -> None:
    """No technical word in what a holder reads first."""
    text = " ".join(await part.all_inner_texts())
    assert text.strip(), "nothing to read"
    assert not [word for word in TECHNICAL if word in text], text


async def test_the_key_holders_read_what_to_do_in_plain_words_from_making_the_cards_to_opening_the_count(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    response = await api.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={
            "title": "2027年民生实事项目票决",
            "candidate_ids": congress.candidate_ids,
            "rules": {"seats": 1},
            "reason": "测试",
        },
    )
    assert response.status_code == 201, response.text
    vote_id = response.json()["id"]
    keys = f"/count/votes/{vote_id}/keys"
    page = (await open_screen(1440, 900)).page
    await log_in_to(page, live_server, congress.presiding_login, keys)

    # Before the vote: why the cards exist and what to do, step by step; the technical note folded away.
    await expect(page.locator("h1")).to_contain_text("开票钥匙卡")
    for part in ("h1", "#ceremony h2", "#ceremony .why", "#ceremony [data-steps] li", "#ceremony-form label"):
        await assert_plain(page.locator(part))
    await expect(page.locator("#ceremony [data-steps] li")).to_have_count(5)
    await expect(page.locator(".tech-note")).not_to_have_attribute("open", "")
    await expect(page.locator(".tech-note p")).to_be_hidden()
    await page.screenshot(path="/tmp/key-cards-before.png", full_page=True)
    await page.fill("#ceremony-form input[name=threshold]", "3")
    await expect(page.locator("#ceremony [data-steps] li").nth(4)).to_contain_text("任意 3 张卡")
    await page.fill("#ceremony-form input[name=threshold]", "2")

    # The printed cards say whose each is and when to bring it; the fingerprint is a small 核对码.
    await page.click("button[data-action=make-cards]")
    cards = page.locator(".key-card")
    await expect(cards).to_have_count(3)
    await expect(cards.nth(0).locator("h3")).to_contain_text("开票钥匙卡 第 1 张（共 3 张）")
    await expect(cards.nth(0)).to_contain_text("持卡人：总监票人")
    # With no names typed, the holders printed are the roles in Chinese, never a form's English hint.
    holders = await page.locator(".key-card .card-holder").all_inner_texts()
    assert holders == ["持卡人：总监票人", "持卡人：监票人（二）", "持卡人：监票人（三）"], holders
    await expect(cards.nth(0)).to_contain_text("2027年民生实事项目票决")
    await assert_plain(page.locator(".key-card h3, .key-card .card-holder, .key-card .card-use"))
    printed_code = (await cards.nth(0).locator(".card-meta").inner_text()).split()[1]
    await page.screenshot(path="/tmp/key-cards-made.png", full_page=True)

    # Back on the page later (a phone this time): the cards are made, and the 核对码 matches the printed one.
    phone = (await open_screen(390, 844, is_mobile=True, has_touch=True)).page
    await log_in_to(phone, live_server, congress.presiding_login, keys)
    # (The vote's scrutineers come first on the page; the ceremony is gone.)
    await expect(phone.locator("h2", has_text="钥匙卡已经做好")).to_be_visible()
    await expect(phone.locator("#ceremony")).to_have_count(0)
    await expect(phone.locator(".check-code")).to_contain_text("核对码")
    await expect(phone.locator("[data-fingerprint]")).to_have_text(printed_code)
    await phone.screenshot(path="/tmp/key-cards-phone.png", full_page=True)

    # After voting: the holders are told how to open the count, in plain words.
    tablets = [await tablet_login(api, congress.codes[deputy]) for deputy in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    marks = {str(congress.candidate_ids[0]): "for"}
    await post_ok(api, f"/api/votes/{vote_id}/ballots", tablets[0], await sealed_ballot(api, vote_id, marks))
    closed = await api.post(f"/api/votes/{vote_id}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.json()["state"] == "awaiting_keys", closed.text
    await page.goto(f"{live_server}{keys}")
    for part in ("#open-count h2", "#open-count .why", "#open-count [data-steps] li", "#count-form label"):
        await assert_plain(page.locator(part))
    await page.screenshot(path="/tmp/key-cards-open-count.png", full_page=True)
