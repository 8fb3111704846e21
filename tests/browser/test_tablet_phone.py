"""A deputy votes on their own phone (390×844, touch) through the seat-card code, as small township halls allow:
every tablet screen fits the phone's width without sideways scrolling, and every button is at least 44 px high
and on the screen, from the login to the receipt with its QR code, the paper-vote notice and the rating sheet."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import close_and_count, create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen, shoot
from tests.factories import ADMIN, make_congress
from tests.supervision.world import announced_world
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session, seat_cards
from voting.settings import Settings

pytestmark = pytest.mark.browser

LONG_NAMES = [
    "中小学食堂改造及“明厨亮灶”工程建设",
    "城乡公交一体化及新能源公交车辆更新",
    "老旧小区雨污分流改造及二次供水设施提升工程",
]
PHONE = {"width": 390, "height": 844}
NARROW = {"width": 360, "height": 740}
TABLETS = [{"width": 1280, "height": 800}, {"width": 800, "height": 1280}]  # the layout the tablets keep

# What a deputy presses or reads at a glance on each screen: buttons, links styled as buttons, a whole
# candidate card (it is the button of a choose-up-to-N ballot), the code input, the receipt and its QR code.
FIT = """() => {
  // A phone zooms a page out when it is wider than the screen (innerWidth grows with it): the screen's own
  // width is the layout viewport's, clientWidth.
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const scope = document.querySelector("dialog[open]") || document; // a modal dialog: only what it offers
  const pressable = [...scope.querySelectorAll(
    "button, a.btn, .cand.choose, input, .receipt, .verify-hint img")].filter((e) => e.getClientRects().length > 0);
  const problems = [];
  const name = (e) => e.tagName.toLowerCase() + "." + String(e.className).trim().split(/\\s+/).join(".")
    + " " + JSON.stringify(e.textContent.trim().slice(0, 12));
  for (const e of pressable) {
    if (!e.closest(".ballot-foot, dialog")) e.scrollIntoView({ block: "center", inline: "nearest" });
    const r = e.getBoundingClientRect();
    const small = r.height < 44 && e.matches("button, a.btn, input");
    if (small) problems.push(name(e) + " is " + Math.round(r.height) + " px high");
    const cut = e.scrollWidth > e.clientWidth + 1;
    if (cut) problems.push(name(e) + " cuts its text: " + e.scrollWidth + " > " + e.clientWidth);
    if (r.left < 0 || r.right > width + 0.5 || r.top < 0 || r.bottom > height + 0.5) {
      problems.push(name(e) + " is outside the screen: " + [r.left, r.top, r.right, r.bottom].map(Math.round));
      continue;
    }
    // Not hidden under the fixed bottom bar, the toast or anything else.
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const covered = !(top && (top === e || e.contains(top)));
    if (covered) problems.push(name(e) + " is covered by " + (top ? name(top) : "nothing"));
  }
  window.scrollTo(0, 0);
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > window.innerWidth || window.innerWidth > width) {
    problems.push("the page is " + scrollWidth + " px wide, shown " + innerWidth + " px wide on " + width + " px");
  }
  return { problems, pressable: pressable.length };
}"""


LARGE_TEXT = "(large) => document.documentElement.classList.toggle('text-large', large)"  # as 大字 sets it


async def assert_fits(page: Page, name: str) -> None:
    """The screen fits the phone (390 px), a narrower one (360 px) and the tablet, with and without the larger
    text (大字): no sideways scrolling, buttons to press."""
    chosen = await page.evaluate("document.documentElement.classList.contains('text-large')")
    for size in (*TABLETS, NARROW, PHONE):
        await page.set_viewport_size(size)
        for large in (False, True):
            await page.evaluate(LARGE_TEXT, large)
            report: dict[str, Any] = await page.evaluate(FIT)
            assert report["pressable"] > 0, name
            where = f"{name} at {size['width']} px{' with 大字' if large else ''}"
            assert report["problems"] == [], f"{where}: {report['problems']}"
        await page.evaluate(LARGE_TEXT, chosen)
        if size is not NARROW and size["width"] != 800:
            await shoot(page, f"{name}-{size['width']}", full_page=True)


async def test_a_deputy_votes_on_a_phone_and_every_screen_fits(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=4)
    deputy, *others = congress.deputy_ids
    async with pool.acquire() as conn:
        for candidate_id, name in zip(congress.candidate_ids, LONG_NAMES, strict=False):
            await conn.execute(
                "UPDATE candidate SET name = $2, responsible_unit = '县住房和城乡建设局' WHERE id = $1",
                candidate_id,
                name,
            )
    for other in others:  # with the phone's deputy, all three are checked in
        await tablet_login(api, congress.codes[other])

    phone = await open_screen(**PHONE, is_mobile=True, has_touch=True)
    page = phone.page
    await page.goto(f"{live_server}/tablet")
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "login")
    await page.locator("#code").fill("ABCD2345")  # a mistyped code: the refusal stands on the screen too
    await page.locator("button[data-action=login]").tap()
    await expect(page.locator(".tablet-login .error")).to_be_visible()
    await page.locator("#code").fill(congress.codes[deputy])
    await assert_fits(page, "login")
    await page.locator("button[data-action=login]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "waiting")
    await expect(page.locator("#tablet-session")).to_contain_text("会议")
    await assert_fits(page, "waiting")

    # For / against / abstain on each project: the three choices side by side, the bottom bar on the screen.
    per_candidate = await create_vote(
        api, congress.presiding, congress.session_id, congress.candidate_ids, seats=2, form="per_candidate"
    )
    await post_ok(api, f"/api/votes/{per_candidate}/open", congress.presiding)
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
    cards = page.locator(".cand.per")
    await cards.nth(0).locator(".details-toggle").tap()
    await expect(cards.nth(0).locator(".cand-details")).to_be_visible()
    await cards.nth(0).locator("[data-mark=for]").tap()
    await cards.nth(1).locator("[data-mark=against]").tap()
    await cards.nth(2).locator("[data-mark=abstain]").tap()
    await expect(page.locator(".counter")).to_contain_text("已表态 3 / 4")
    await assert_fits(page, "per-candidate")
    await page.locator("button[data-action=review]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "review")
    await assert_fits(page, "per-candidate-review")
    await page.locator("button[data-action=back]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
    await page.locator("button[data-action=review]").tap()
    await page.locator("button[data-action=submit]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "receipt")
    await expect(page.locator(".verify-hint img")).to_be_visible()
    await assert_fits(page, "receipt")
    await page.reload()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "voted")
    await assert_fits(page, "voted")
    await close_and_count(api, congress.presiding, per_candidate)

    # From here on with the larger text (大字) an older deputy turns on: still no sideways scrolling.
    await page.locator("button[data-text-size]").tap()
    await expect(page.locator("html")).to_have_class("text-large")

    # Choose up to N: the whole card is the button; the counter and the next step stay in the bottom bar.
    choose = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=2)
    await post_ok(api, f"/api/votes/{choose}/open", congress.presiding)
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
    cards = page.locator(".cand.choose")
    await cards.nth(0).tap()
    await cards.nth(2).tap()
    await expect(page.locator(".counter")).to_contain_text("已选 2 / 最多 2")
    await assert_fits(page, "choose")
    await page.screenshot(path="/tmp/tablet-phone-choose.png")
    await page.locator("button[data-action=review]").tap()
    await expect(page.locator(".review-list li")).to_have_text([LONG_NAMES[0], LONG_NAMES[2]])
    await assert_fits(page, "choose-review")
    await page.locator("button[data-action=submit]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "receipt")
    await assert_fits(page, "choose-receipt")
    await close_and_count(api, congress.presiding, choose)

    # A vote that closes while the deputy is still marking: the notice above the ballot, then the refusal.
    late = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=2)
    await post_ok(api, f"/api/votes/{late}/open", congress.presiding)
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
    await page.locator(".cand.choose").first.tap()
    await close_and_count(api, congress.presiding, late)
    await expect(page.locator("#tablet-banner")).to_contain_text("本次表决已结束投票")
    await assert_fits(page, "closed-while-marking")
    await page.locator("button[data-action=review]").tap()
    await page.locator("button[data-action=submit]").tap()
    await expect(page.locator(".refused .error")).to_contain_text("表决未在进行中")
    await assert_fits(page, "refused")
    await page.locator(".refused button[data-action=back]").tap()
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "waiting")

    # A paper-only vote: the tablet says where to get the paper ballot.
    paper = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, "paper", seats=2)
    await post_ok(api, f"/api/votes/{paper}/open", congress.presiding)
    await expect(page.locator("#tablet-main")).to_have_attribute("data-screen", "paper")
    await assert_fits(page, "paper")
    assert phone.errors == []


async def test_the_rating_sheet_fits_a_phone(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(api, pool, settings, deputies=3)  # type: ignore[arg-type]
    congress = world.congress
    session = await create_session(pool, ADMIN, SessionCreate(body_id=congress.body_id, title="第二次会议"))
    codes = {c.deputy_id: c.code for c in await seat_cards(pool, settings, ADMIN, session.id)}
    round_ = await post_ok(
        api, "/api/evaluations", congress.clerk, {"body_id": congress.body_id, "title": "年终满意度测评"}
    )
    await post_ok(api, f"/api/evaluations/{round_['id']}/key-cards", congress.clerk, {})
    await post_ok(api, f"/api/evaluations/{round_['id']}/open", congress.clerk)

    phone = await open_screen(**PHONE, is_mobile=True, has_touch=True)
    page = phone.page
    await page.goto(f"{live_server}/tablet?code={codes[congress.deputy_ids[0]]}")
    await expect(page.locator("a[data-evaluate-link]")).to_be_visible()
    await assert_fits(page, "rating-link")
    await page.locator("a[data-evaluate-link]").tap()
    items = page.locator(".rate-item")
    await expect(items).to_have_count(2)
    await items.nth(0).locator("[data-level=satisfied]").tap()
    await items.nth(1).locator("[data-level=basic]").tap()
    await assert_fits(page, "rating-sheet")
    await page.locator("[data-action=submit-rating]").tap()
    await expect(page.locator("dialog [data-confirm]")).to_be_visible()
    await assert_fits(page, "rating-confirm")
    await page.locator("dialog [data-confirm]").tap()
    await expect(page.locator("#evaluate-main")).to_contain_text("测评已提交")
    await assert_fits(page, "rating-done")
    assert phone.errors == []
