"""Older deputies: a larger-text mode on the tablet, the rating sheet and the public pages, remembered per
device; and every text on those pages at WCAG AA contrast, computed from the colours the browser uses."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import post_ok
from tests.browser.contrast import text_contrast, too_faint
from tests.browser.screens import OpenScreen
from tests.factories import ADMIN
from tests.supervision.world import announced_world
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session, seat_cards
from voting.settings import Settings

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PIAOJUE_SHOTS", "/tmp/piaojue-shots"))


async def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def assert_readable(page: Page, name: str) -> None:
    """No text on the page below WCAG AA; the page has text at all (the probe saw something)."""
    assert len(await text_contrast(page)) > 3, name
    faint = await too_faint(page)
    assert faint == [], f"{name}: {faint}"


WIDER_THAN_THE_SCREEN = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const inScroller = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
    if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true; } return false; };
  return [...document.body.querySelectorAll("*")]
    .filter((e) => e.getBoundingClientRect().right > limit && !inScroller(e))
    .slice(0, 5).map((e) => e.tagName.toLowerCase() + "." + String(e.className).split(" ").join("."));
}"""


async def wider_than_the_screen(page: Page) -> list[str]:
    """Elements that stick out of the page sideways (outside scrolling boxes)."""
    return list(await page.evaluate(WIDER_THAN_THE_SCREEN))


async def font_size(page: Page, selector: str) -> float:
    """The text size as shown (the computed size times the page's zoom)."""
    script = "e => parseFloat(getComputedStyle(e).fontSize) * (e.currentCSSZoom || 1)"
    return float(await page.locator(selector).first.evaluate(script))


async def test_larger_text_is_remembered_and_every_text_is_readable(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(api, pool, settings, deputies=5)  # type: ignore[arg-type]
    congress = world.congress
    session = await create_session(pool, ADMIN, SessionCreate(body_id=congress.body_id, title="第二次会议"))
    codes = {c.deputy_id: c.code for c in await seat_cards(pool, settings, ADMIN, session.id)}
    round_ = await post_ok(
        api, "/api/evaluations", congress.clerk, {"body_id": congress.body_id, "title": "年终满意度测评"}
    )
    await post_ok(api, f"/api/evaluations/{round_['id']}/key-cards", congress.clerk, {})  # the round's key ceremony
    await post_ok(api, f"/api/evaluations/{round_['id']}/open", congress.clerk)

    # The tablet: readable as it is; 大字 makes the text larger and the tablet remembers it.
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    await page.goto(f"{live_server}/tablet?code={codes[congress.deputy_ids[0]]}")
    await expect(page.locator("#tablet-who")).to_contain_text("代表000")
    await expect(page.locator("a[data-evaluate-link]")).to_be_visible()
    await assert_readable(page, "tablet")
    toggle = page.locator("button[data-text-size]")
    await expect(toggle).to_have_attribute("aria-pressed", "false")
    normal = await font_size(page, "#tablet-main")
    await toggle.click()
    await expect(page.locator("html")).to_have_class("text-large")
    await expect(toggle).to_have_attribute("aria-pressed", "true")
    await page.reload()
    await expect(page.locator("html")).to_have_class("text-large")
    await expect(page.locator("button[data-text-size]")).to_have_attribute("aria-pressed", "true")
    assert await font_size(page, "#tablet-main") >= normal * 1.2
    await assert_readable(page, "tablet, larger text")
    assert await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    await shoot(page, "large_text_tablet")

    # The rating sheet keeps the choice; its "代表 deputy" label is no longer faint.
    await page.click("a[data-evaluate-link]")
    await expect(page.locator(".rate-item")).to_have_count(2)
    await expect(page.locator("html")).to_have_class("text-large")
    await assert_readable(page, "rating sheet, larger text")
    await shoot(page, "large_text_rating_sheet")
    await page.locator("button[data-text-size]").click()
    await expect(page.locator("html")).not_to_have_class("text-large")
    await assert_readable(page, "rating sheet")
    await shoot(page, "rating_sheet")

    # Public pages on a phone: readable; the larger text, once chosen, follows from page to page.
    phone = await open_screen(390, 844, is_mobile=True, has_touch=True)
    public = phone.page
    pages = [
        ("public session", f"/public/sessions/{congress.session_id}"),
        ("verify", f"/public/votes/{world.vote_id}/verify"),
        ("projects", f"/projects?body_id={congress.body_id}"),
        ("program", f"/programs/{congress.program_id}"),
    ]
    for name, path in pages:
        await public.goto(live_server + path)
        await expect(public.locator("button[data-text-size]")).to_be_visible()
        await assert_readable(public, name)
    await public.locator("button[data-text-size]").click()
    for name, path in pages:
        await public.goto(live_server + path)
        await expect(public.locator("html")).to_have_class("text-large")
        await assert_readable(public, name + ", larger text")
        assert await wider_than_the_screen(public) == [], name
        await shoot(public, "large_text_" + name.replace(" ", "_"))
    assert not tablet.errors and not phone.errors
