"""The hall screen shows every figure: 30 candidates, the runoff box and the totals fit 1920×1080 and 1280×720."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import close_and_count, create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser

DEPUTIES = 40
# Votes for each of 30 candidates: 8 clear winners of 10 seats, 3 tied at 22 for the last 2 (at most 10 marks a ballot);
# or 22 clear winners of 24 seats, 3 tied at 25 for the last 2 (at most 24 marks): the longest list of chosen.
TEN_SEATS = [38, 36, 34, 32, 30, 28, 26, 24, 22, 22, 22, 10, 9, 8, 7, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 1, 1, 0]
MOST_SEATS = [v for v in range(40, 29, -1) for _ in range(2)] + [25, 25, 25, 20, 10, 5, 3, 0]
PLACES = ["城关镇", "东湖街道", "西山乡", "南港镇", "北塘镇", "青石乡"]
WORKS = ["老旧小区雨污分流改造工程", "农村饮水安全巩固提升工程", "中小学食堂改造及设备更新", "社区居家养老服务中心建设"]


def ballots(targets: list[int], seats: int) -> list[dict[str, str]]:
    """One ballot per deputy giving each candidate its target, dealt round-robin so no one marks more than the seats."""
    marks: list[dict[str, str]] = [{} for _ in range(DEPUTIES)]
    turn = 0
    for index, target in enumerate(targets):
        for _ in range(target):
            marks[turn % DEPUTIES][str(index)] = "for"
            turn += 1
    assert max(len(m) for m in marks) <= seats
    return marks


async def overflow_report(page: Page) -> dict[str, Any]:
    """What the hall clips: containers whose content overflows, and figures not visible at their own centre."""
    return await page.evaluate(
        """() => {
          const main = document.getElementById("hall-main");
          const clipped = [...document.querySelectorAll(".hall-result, .result, .bars, .result-side, .bar-row")]
            .filter((box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)
            .map((box) => box.className);
          const figures = [...document.querySelectorAll(
            ".tally-numbers dd, .bar-row .votes-for, .runoff-notice li, .chosen-list li, .bar-name .name")];
          const hidden = figures.filter((node) => {
            const r = node.getBoundingClientRect();
            const x = r.left + Math.min(r.width / 2, 4), y = r.top + r.height / 2;
            if (r.width === 0 || r.height === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return true;
            const top = document.elementFromPoint(x, y);
            return !(top && (top === node || node.contains(top) || top.contains(node)));
          }).map((node) => node.textContent);
          return { main: [main.scrollHeight, main.clientHeight], clipped, hidden, figures: figures.length,
                   font: getComputedStyle(document.querySelector(".hall-result")).fontSize };
        }"""
    )


@pytest.mark.parametrize(("seats", "targets"), [(10, TEN_SEATS), (24, MOST_SEATS)])
async def test_thirty_candidates_a_runoff_box_and_the_totals_fit_the_hall_screen(
    open_screen: OpenScreen,
    api: httpx.AsyncClient,
    live_server: str,
    pool: Any,
    settings: Any,
    seats: int,
    targets: list[int],
) -> None:
    assert len(targets) == 30
    congress = await make_congress(pool, settings, deputies=DEPUTIES, candidates=len(targets))
    ids = congress.candidate_ids
    async with pool.acquire() as conn:
        for i, cid in enumerate(ids):
            name = f"{PLACES[i % len(PLACES)]}{WORKS[i % len(WORKS)]}（第{i + 1}批）"
            await conn.execute("UPDATE candidate SET name = $2 WHERE id = $1", cid, name)
    vote_id = await create_vote(
        api, congress.presiding, congress.session_id, ids, seats=seats, threshold_base="present"
    )
    tokens = [await tablet_login(api, congress.codes[d]) for d in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    for headers, marks in zip(tokens, ballots(targets, seats), strict=True):
        ballot = await sealed_ballot(api, vote_id, {str(ids[int(k)]): v for k, v in marks.items()})
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, ballot)
    tally = await close_and_count(api, congress.presiding, vote_id)
    clear = seats - 2
    assert tally["runoff"] == {"candidate_ids": ids[clear : clear + 3], "seats": 2}
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)

    for width, height in ((1920, 1080), (1280, 720)):
        screen = await open_screen(width, height)
        await screen.page.goto(f"{live_server}/hall/{congress.session_id}")
        result = screen.page.locator(".hall-result")
        await expect(result.locator(".bar-row")).to_have_count(30)
        await expect(result.locator(".runoff-notice li")).to_have_count(3)
        await expect(result.locator(".tally-numbers dd")).to_have_count(6)
        report = await overflow_report(screen.page)
        await screen.page.screenshot(path=f"/tmp/hall-fit-{seats}-{width}x{height}.png")
        assert report["main"][0] <= report["main"][1], report
        assert report["clipped"] == [], report
        assert report["hidden"] == [], report
        assert report["figures"] == 6 + 30 + 3 + clear + 30
        assert screen.errors == []

    # The same result on the public page, in the words a congress uses.
    screen = await open_screen(412, 915)
    await screen.page.goto(f"{live_server}/public/votes/{vote_id}")
    rules = screen.page.locator(".vote-meta .rules").first
    await expect(rules).to_contain_text(f"应选{seats}项，每票至多选{seats}项；须获出席代表过半数赞成票")
    text = await screen.page.locator("body").inner_text()
    assert "· 限选" not in text and "过半数基数" not in text
