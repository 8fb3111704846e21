"""The public funnel page is read on phones (residents come by QR code): its chart labels stay readable."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.screens import OpenScreen
from tests.solicit.steps import new_congress, submit, triage

pytestmark = pytest.mark.browser

LONG_PLACE = "城关镇东门社区幸福里小区北侧菜市场"


async def label_sizes(page: Page) -> list[tuple[str, float]]:
    """Every text in the charts (the funnel and each breakdown) with the font size it is drawn at, in CSS px.

    Text inside an SVG is drawn at its font size times the SVG's scale to the page.
    """
    return await page.evaluate(
        """() => [...document.querySelectorAll('#funnel-chart, [data-dimension] .chart')].flatMap((chart) =>
             [chart, ...chart.querySelectorAll('*')]
               .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
               .map((el) => [el.textContent.trim(),
                 parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGElement ? el.getScreenCTM().a : 1)]))"""
    )


async def test_the_funnel_labels_are_at_least_12px_on_a_phone_and_nothing_scrolls_sideways(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await new_congress(pool, settings, candidates=1)
    pid = congress.program_id
    suggestions = [
        await submit(api, pid, place=LONG_PLACE),
        await submit(api, pid, place="东村", category="教育"),
        await submit(api, pid, place="西村", phone="13900001111"),
    ]
    await triage(
        api,
        congress,
        suggestion_ids=[s["id"] for s in suggestions[:2]],
        action="merge",
        candidate_id=congress.candidate_ids[0],
    )

    for width, height in ((390, 844), (1440, 900)):
        page = (await open_screen(width, height, is_mobile=width < 600, has_touch=width < 600)).page
        await page.goto(f"{live_server}/programs/{pid}/funnel")
        await expect(page.locator("#funnel-chart")).to_contain_text("意见建议")
        await expect(page.locator("[data-dimension=place] .chart")).to_contain_text(LONG_PLACE)
        sizes = await label_sizes(page)
        assert sizes, "no chart labels found"
        small = [(text, size) for text, size in sizes if size < 12]
        assert not small, small
        overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{overflow}px sideways at {width}px"
        await page.screenshot(path=f"/tmp/funnel-{width}.png", full_page=True)
