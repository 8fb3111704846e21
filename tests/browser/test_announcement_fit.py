"""The 公告 on a phone (the screen's width, nothing to swipe) and on A4 (one sheet up to ~15 projects; else the
signatures stay with the end of the table)."""

from __future__ import annotations

import io
import unicodedata

import httpx
import pytest
from playwright.async_api import Page, expect
from pypdf import PdfReader

from tests.browser.api_steps import close_and_count, create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen, overflow_x, shoot
from tests.factories import make_congress
from voting.demo.data import DEMO_CANDIDATES

pytestmark = pytest.mark.browser

MORE = ["城乡垃圾分类收运体系建设", "农贸市场提升改造工程", "县城区雨污分流改造工程"]


async def announced_with(api: httpx.AsyncClient, pool, settings, names: list[str]) -> int:
    """A vote on these candidates (10 seats, as the demo's) with a dozen ballots, announced; its id."""
    congress = await make_congress(pool, settings, deputies=12, candidates=len(names))
    async with pool.acquire() as conn:
        for candidate_id, name in zip(congress.candidate_ids, names, strict=True):
            await conn.execute("UPDATE candidate SET name = $2 WHERE id = $1", candidate_id, name)
    seats = min(10, len(names) - 1)
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=seats)
    tablets = [await tablet_login(api, congress.codes[deputy]) for deputy in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    for n, headers in enumerate(tablets):
        marks = {str(c): "for" for c in congress.candidate_ids[n % 3 : n % 3 + seats]}
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, await sealed_ballot(api, vote_id, marks))
    await close_and_count(api, congress.presiding, vote_id)
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)
    return vote_id


async def printed_pages(page: Page) -> list[str]:
    """The 公告 printed to A4 as the browser prints it: each sheet's text (NFKC: the PDF's CJK radicals folded)."""
    pdf = await page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


async def test_the_announcement_fits_a_phone_and_one_a4_sheet_for_fifteen_projects(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    names = [c.name for c in DEMO_CANDIDATES] + MORE
    assert len(names) == 15
    vote_id = await announced_with(api, pool, settings, names)

    phone = await open_screen(390, 844, is_mobile=True, has_touch=True)
    await phone.page.goto(f"{live_server}/public/votes/{vote_id}/announcement")
    await expect(phone.page.locator("article.announcement .ann-votes tbody tr")).to_have_count(15)
    await shoot(phone.page, "announcement_390", full_page=True)
    assert await overflow_x(phone.page) == 0
    # Every project's name reads on a line or two, not a character a line.
    widths = await phone.page.locator(".ann-votes td.name").evaluate_all("(cells) => cells.map((c) => c.offsetWidth)")
    assert min(widths) >= 8 * 15, widths
    assert not phone.errors

    desk = await open_screen(1440, 900)
    await desk.page.goto(f"{live_server}/public/votes/{vote_id}/announcement")
    await shoot(desk.page, "announcement_1440", full_page=True)
    sheet = await desk.page.locator("article.sheet").bounding_box()
    assert sheet and 690 < sheet["width"] < 720  # the A4 sheet as on paper, 186 mm wide
    sheets = await printed_pages(desk.page)
    assert len(sheets) == 1, [s[-200:] for s in sheets]
    assert unicodedata.normalize("NFKC", names[-1]) in sheets[0] and "总监票人" in sheets[0] and "主席团" in sheets[0]


async def test_a_long_announcement_keeps_the_signatures_with_the_end_of_the_table(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    # 22 projects: the table ends near the foot of the first sheet, where the signatures (or the issuer and
    # date below them) would otherwise be cut off onto the second sheet with no project above them.
    names = [c.name for c in DEMO_CANDIDATES] + MORE + [f"{c.name}二期" for c in DEMO_CANDIDATES[:7]]
    assert len(names) == 22
    vote_id = await announced_with(api, pool, settings, names)
    screen = await open_screen(1440, 900)
    await screen.page.goto(f"{live_server}/public/votes/{vote_id}/announcement")
    await expect(screen.page.locator(".ann-votes tbody tr")).to_have_count(len(names))
    sheets = await printed_pages(screen.page)
    assert len(sheets) == 2, [s[-200:] for s in sheets]
    first, last = sheets
    end = unicodedata.normalize("NFKC", names[-1])
    # The signatures, the issuer and the date are together on the second sheet, under the table's last
    # row and its repeated header.
    assert "总监票人" in last and "主席团" in last
    assert "总监票人" not in first and "主席团" not in first
    assert end in last and last.index("项目名称") < last.index(end) < last.index("总监票人")
