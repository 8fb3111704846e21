"""The public dashboard and a project's page on a phone: one card per project, the rating table readable."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import post_ok
from tests.browser.screens import OpenScreen, overflow_x, shoot, squashed_cells
from tests.evaluation.rounds import close_round, new_round, rate
from tests.supervision.reports import file_report
from tests.supervision.world import announced_world

pytestmark = pytest.mark.browser

# Names as long as the demo's: the old six-column table broke them four characters a line.
NAMES = ("城区老旧小区改造提升工程", "重点路口智能交通信号及视频监控")


async def test_projects_are_cards_on_a_phone_and_a_table_on_a_desk(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    world = await announced_world(api, pool, settings, deputies=9)  # type: ignore[arg-type]
    async with pool.acquire() as conn:
        for item_id, name in zip((world.item_a, world.item_b), NAMES, strict=True):
            await conn.execute(
                "UPDATE candidate c SET name = $2 FROM implementation_item i WHERE i.id = $1 AND c.id = i.candidate_id",
                item_id,
                name,
            )
        await conn.execute("UPDATE department SET name = '县住房和城乡建设局' WHERE name = '住建局'")
    narrative = "东片区12条背街小巷路面改造完成，管网改造进场施工。"
    filed = await file_report(api, world, world.item_a, narrative=narrative)  # type: ignore[arg-type]
    assert filed.status_code == 201, filed.text
    await post_ok(api, f"/api/reports/{filed.json()['id']}/review", world.congress.clerk, {"publish": True})
    evaluation = await new_round(api, world, title="2026年年中满意度测评")  # type: ignore[arg-type]
    for n, token in enumerate(world.tokens.values()):
        level = ("satisfied", "basic", "unsatisfied")[n % 3]
        levels = {world.item_a: level, world.item_b: "satisfied"}
        rated = await rate(api, token, evaluation["id"], levels)  # type: ignore[arg-type]
        assert rated.status_code == 200, rated.text
    assert (await close_round(api, world, evaluation["id"])).status_code == 200  # type: ignore[arg-type]

    phone = await open_screen(390, 844, is_mobile=True, has_touch=True)
    page = phone.page
    await page.goto(f"{live_server}/projects?body_id={world.congress.body_id}")
    rows = page.locator("#projects tr[data-item]")
    await expect(rows).to_have_count(2)
    await shoot(page, "projects_390", full_page=True)
    assert await overflow_x(page) == 0
    # Each project is a card across the screen: its name, progress bar, latest report and rating all in view.
    card = rows.nth(0)
    box = await card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    for part in ("[data-name]", "[data-progress] .bar", "[data-report]", "[data-evaluation]"):
        part_box = await card.locator(part).bounding_box()
        assert part_box and part_box["x"] >= 0 and part_box["x"] + part_box["width"] <= 390, part
    await expect(card.locator("[data-report]")).to_contain_text("背街小巷")
    await expect(card.locator("[data-evaluation] .badge")).to_be_visible()
    font = float(await page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))
    widths = await page.locator("#projects td[data-name]").evaluate_all("(cells) => cells.map((c) => c.offsetWidth)")
    assert min(widths) >= 5 * font, widths
    assert await squashed_cells(page, "#projects td:not([data-progress]), #projects td strong") == []
    assert not phone.errors

    await page.goto(f"{live_server}/projects/{world.item_a}")
    await expect(page.locator("#ratings tbody tr")).to_have_count(1)
    await shoot(page, "project_390", full_page=True)
    assert await overflow_x(page) == 0
    assert await squashed_cells(page, "#ratings th, #ratings td") == []
    await expect(page.locator("#ratings td.rating-counts")).to_contain_text("3 / 3 / 3 / 0")
    # With 大字 (kept for the phone) both pages still fit the screen.
    await page.click("button[data-text-size]")
    await expect(page.locator("html.text-large")).to_have_count(1)
    assert await overflow_x(page) == 0
    assert await squashed_cells(page, "#ratings th, #ratings td") == []
    await shoot(page, "project_390_large", full_page=True)
    await page.goto(f"{live_server}/projects?body_id={world.congress.body_id}")
    await expect(page.locator("html.text-large")).to_have_count(1)
    assert await overflow_x(page) == 0
    assert await squashed_cells(page, "#projects td:not([data-progress]), #projects td strong") == []
    await shoot(page, "projects_390_large", full_page=True)

    # On a desk nothing changes: the six-column table, one row a project.
    desk = await open_screen(1440, 900)
    await desk.page.goto(f"{live_server}/projects?body_id={world.congress.body_id}")
    await expect(desk.page.locator("#projects thead th")).to_have_count(6)
    await expect(desk.page.locator("#projects thead")).to_be_visible()
    assert await desk.page.locator("#projects tr[data-item]").nth(0).evaluate("r => getComputedStyle(r).display") == (
        "table-row"
    )
    await shoot(desk.page, "projects_1440", full_page=True)
    await desk.page.goto(f"{live_server}/projects/{world.item_a}")
    await expect(desk.page.locator("#ratings thead")).to_be_visible()
    await shoot(desk.page, "project_1440", full_page=True)
