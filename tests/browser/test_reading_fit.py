"""The 唱票 screen fits a long list: fourteen candidates with long names all stand on the 1920×1080 screen,
also during a mixed vote, when a notice above the rows says the paper figures wait for the tablets."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import Congress, make_congress

pytestmark = pytest.mark.browser

LONG_NAMES = ["中小学食堂改造及“明厨亮灶”工程建设", "城乡公交一体化及新能源公交车辆更新", "农村饮水安全巩固提升工程"]


async def fourteen_long_candidates(pool: Any, settings: Any) -> Congress:
    """A congress of six deputies with fourteen candidates, the first three with long names."""
    congress = await make_congress(pool, settings, deputies=6, candidates=14)
    async with pool.acquire() as conn:
        for candidate_id, name in zip(congress.candidate_ids, LONG_NAMES, strict=False):
            await conn.execute("UPDATE candidate SET name = $2 WHERE id = $1", candidate_id, name)
    return congress


async def open_vote(api: httpx.AsyncClient, congress: Congress, mode: str) -> int:
    """The vote on all fourteen, opened with every deputy checked in by their tablet."""
    vote_id = await create_vote(
        api,
        congress.presiding,
        congress.session_id,
        congress.candidate_ids,
        mode,
        seats=10,
        title="二〇二七年民生实事项目票决",
    )
    for deputy in congress.deputy_ids:
        await tablet_login(api, congress.codes[deputy])
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    return vote_id


async def rows_on_screen(page: Page) -> list[dict[str, Any]]:
    """Each row's bottom edge, and whether its name is cut off."""
    rows: list[dict[str, Any]] = await page.evaluate(
        """() => [...document.querySelectorAll('.reading-lines li')].map((row) => {
             const name = row.querySelector('.name');
             const text = document.createRange();
             text.selectNodeContents(name);
             const shown = name.getBoundingClientRect(), written = text.getBoundingClientRect();
             return { bottom: row.getBoundingClientRect().bottom,
                      // The glyphs' boxes stand a few pixels beyond the line box; a hidden line is 20 px or more.
                      clipped: written.bottom > shown.bottom + 8 || written.right > shown.right + 1 };
           })"""
    )
    return rows


async def test_fourteen_candidates_with_long_names_fit_the_reading_screen(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await fourteen_long_candidates(pool, settings)
    vote_id = await open_vote(api, congress, "paper")

    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/votes/{vote_id}/reading")
    await expect(hall.page.locator(".reading-lines li")).to_have_count(14)
    fit = await rows_on_screen(hall.page)
    assert all(row["bottom"] <= 1080 for row in fit), fit  # the last candidate is on the screen
    assert not any(row["clipped"] for row in fit), fit  # a long name takes two lines, never cut off
    await hall.page.screenshot(path="/tmp/reading-fourteen.png")


async def test_a_mixed_vote_s_notice_leaves_every_row_on_the_reading_screen(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await fourteen_long_candidates(pool, settings)
    vote_id = await open_vote(api, congress, "mixed")  # tablets still voting: the paper figures wait

    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/votes/{vote_id}/reading")
    await expect(hall.page.locator(".reading-hidden")).to_contain_text("平板投票结束前不公布")
    await expect(hall.page.locator(".reading-lines li")).to_have_count(14)
    notice = await hall.page.locator(".reading-hidden").bounding_box()
    fit = await rows_on_screen(hall.page)
    assert notice is not None and notice["y"] + notice["height"] <= min(row["bottom"] for row in fit)
    assert all(row["bottom"] <= 1080 for row in fit), fit  # the fourteenth row too, below the notice
    assert not any(row["clipped"] for row in fit), fit
    await hall.page.screenshot(path="/tmp/reading-fourteen-mixed.png")
