"""The 唱票 screen fits a long list: fourteen candidates with long names all stand on the 1920×1080 screen."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser

LONG_NAMES = ["中小学食堂改造及“明厨亮灶”工程建设", "城乡公交一体化及新能源公交车辆更新", "农村饮水安全巩固提升工程"]


async def test_fourteen_candidates_with_long_names_fit_the_reading_screen(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=6, candidates=14)
    async with pool.acquire() as conn:
        for candidate_id, name in zip(congress.candidate_ids, LONG_NAMES, strict=False):
            await conn.execute("UPDATE candidate SET name = $2 WHERE id = $1", candidate_id, name)
    vote_id = await create_vote(
        api,
        congress.presiding,
        congress.session_id,
        congress.candidate_ids,
        "paper",
        seats=10,
        title="二〇二七年民生实事项目票决",
    )
    for deputy in congress.deputy_ids:
        await tablet_login(api, congress.codes[deputy])
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)

    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/votes/{vote_id}/reading")
    rows = hall.page.locator(".reading-lines li")
    await expect(rows).to_have_count(14)
    fit = await hall.page.evaluate(
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
    assert all(row["bottom"] <= 1080 for row in fit), fit  # the last candidate is on the screen
    assert not any(row["clipped"] for row in fit), fit  # a long name takes two lines, never cut off
    await hall.page.screenshot(path="/tmp/reading-fourteen.png")
