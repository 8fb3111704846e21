"""The hall screen shows every figure: 30 candidates, the runoff box and the totals fit 1920×1080 and 1280×720;
fourteen long project names in one column are shown whole, on up to two lines, never cut with "…"."""

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


def ballots(targets: list[int], seats: int, deputies: int = DEPUTIES) -> list[dict[str, str]]:
    """One ballot per deputy giving each candidate its target, dealt round-robin so no one marks more than the seats."""
    marks: list[dict[str, str]] = [{} for _ in range(deputies)]
    turn = 0
    for index, target in enumerate(targets):
        for _ in range(target):
            marks[turn % deputies][str(index)] = "for"
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


# Fourteen projects as a county words them: one column on the hall screen, and names of 18 to 32 characters.
LONG_NAMES = [
    "城关镇老旧小区雨污分流及二次供水设施改造提升工程",
    "东湖街道中小学食堂改造及“明厨亮灶”工程建设",
    "城乡公交一体化及新能源公交车辆更新（第一期）",
    "西山乡农村饮水安全巩固提升及供水管网延伸工程",
    "南港镇社区居家养老服务中心和农村互助幸福院建设",
    "县人民医院急诊急救能力提升及胸痛卒中中心建设项目",
    "北塘镇农贸市场标准化改造及周边道路交通秩序整治",
    "青石乡农村生活垃圾分类收运处置体系建设（覆盖全乡十二个行政村）",
    "城区背街小巷路面改造、路灯亮化及停车泊位增设工程",
    "全县义务教育阶段学校课后延时服务及校园安全设施提升",
    "残疾人康复托养中心建设及困难重度残疾人家庭无障碍改造",
    "城市公园绿地提质及口袋公园、健身步道建设项目",
    "婴幼儿照护服务体系建设及普惠托育机构新增托位",
    "农村危房改造及抗震设防提升、农房风貌整治工程",
]


async def test_fourteen_long_names_are_shown_whole_on_the_hall_result(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool: Any, settings: Any
) -> None:
    deputies, targets = 14, list(range(14, 0, -1))  # 14 … 1 votes: seven pass more than half of 14, no tie
    congress = await make_congress(pool, settings, deputies=deputies, candidates=len(LONG_NAMES))
    ids = congress.candidate_ids
    async with pool.acquire() as conn:
        for cid, name in zip(ids, LONG_NAMES, strict=True):
            await conn.execute("UPDATE candidate SET name = $2 WHERE id = $1", cid, name)
    vote_id = await create_vote(api, congress.presiding, congress.session_id, ids, seats=10)
    tokens = [await tablet_login(api, congress.codes[d]) for d in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    for headers, marks in zip(tokens, ballots(targets, 10, deputies), strict=True):
        ballot = await sealed_ballot(api, vote_id, {str(ids[int(k)]): v for k, v in marks.items()})
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, ballot)
    await close_and_count(api, congress.presiding, vote_id)
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)

    screen = await open_screen(1920, 1080)
    await screen.page.goto(f"{live_server}/hall/{congress.session_id}")
    await expect(screen.page.locator(".hall-result .bar-row")).to_have_count(14)
    await expect(screen.page.locator(".hall-result")).to_have_attribute("data-cols", "1")
    names = await screen.page.evaluate(
        """() => [...document.querySelectorAll('.hall-result .bar-row')].map((row) => {
             const name = row.querySelector('.bar-name .name');
             const text = document.createRange();
             text.selectNodeContents(name);
             const shown = name.getBoundingClientRect(), written = text.getBoundingClientRect();
             const style = getComputedStyle(name), line = parseFloat(style.lineHeight);
             // Lines written and shown: glyphs stand a few pixels beyond their line boxes; a line is 20 or more.
             const lines = Math.round(name.scrollHeight / line), room = Math.round(name.clientHeight / line);
             return { text: name.textContent, row: row.getBoundingClientRect().bottom, lines, room,
                      font: parseFloat(style.fontSize), ellipsis: style.textOverflow === "ellipsis",
                      cut: name.scrollWidth > name.clientWidth || lines > room,
                      hidden: written.bottom > shown.bottom + 8 || written.right > shown.right + 1 };
           })"""
    )
    await screen.page.screenshot(path="/tmp/hall-long-names-1920x1080.png")
    assert sorted(n["text"] for n in names) == sorted(LONG_NAMES)  # the whole name, as written
    assert not any(n["cut"] or n["hidden"] or n["ellipsis"] for n in names), names
    assert all(n["lines"] <= 2 for n in names), names
    assert all(n["row"] <= 1080 for n in names), names  # the last candidate is on the screen
    assert min(n["font"] for n in names) >= 18, names  # still read from the back of the hall
    report = await overflow_report(screen.page)
    assert report["clipped"] == [] and report["hidden"] == [], report
    assert screen.errors == []
