"""In Chromium: a liaison files a report with a photo, a clerk publishes it, a deputy rates projects on the
tablet in this year's session, the clerk closes the round and the public dashboard shows the result."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to
from tests.evaluation.rounds import seal_sheet
from tests.factories import ADMIN
from tests.supervision.images import phone_jpeg
from tests.supervision.world import announced_world
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session, seat_cards
from voting.settings import Settings

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PIAOJUE_SHOTS", "/tmp/shots5"))


async def shot(page: Page, name: str) -> None:
    """A full-page screenshot to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def test_a_report_is_filed_reviewed_rated_and_shown_on_the_dashboard(
    open_screen: OpenScreen,
    api: httpx.AsyncClient,
    live_server: str,
    pool: asyncpg.Pool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    world = await announced_world(api, pool, settings, deputies=9)  # type: ignore[arg-type]
    congress = world.congress

    # The liaison of 住建局 files a report with a site photo.
    liaison = await open_screen(1280, 900)
    await log_in_to(liaison.page, live_server, world.housing.login, "/liaison/projects")
    form = liaison.page.locator("form[data-report-form]")
    await form.locator("input[name=percent]").fill("35")
    await form.locator("input[name=spent_wan]").fill("28.5")
    await form.locator("textarea[name=narrative]").fill("管网改造完成三成，加装电梯已进场施工。")
    # A phone's photo: over 5 MB, taken sideways, with GPS in its EXIF.
    photo = tmp_path / "IMG_0001.JPG"
    photo.write_bytes(phone_jpeg())
    assert photo.stat().st_size > 5 * 1024 * 1024
    await form.locator("input[name=photos]").set_input_files(str(photo))
    uploads: list[int] = []
    liaison.page.on(
        "request",
        lambda r: uploads.append(len(r.post_data_buffer or b"")) if r.url.endswith("/reports") else None,
    )
    await shot(liaison.page, "1-liaison-report-form")
    # A file that is not an image is refused in both languages, and nothing is stored.
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"not an image at all")
    await form.locator("input[name=photos]").set_input_files(str(fake))
    await form.locator("button[type=submit]").click()
    await expect(form.locator("[data-error]")).to_contain_text("不是可以打开的JPEG、PNG或WebP照片")
    await form.locator("input[name=photos]").set_input_files(str(photo))
    await form.locator("button[type=submit]").click()
    await expect(liaison.page.locator("summary", has_text="本项目的报告")).to_be_visible()
    # The browser scaled the photo down before sending it.
    assert uploads and uploads[-1] < 3 * 1024 * 1024, uploads
    assert not liaison.errors

    # The clerk reviews it: sees the photo, publishes.
    clerk = await open_screen(1366, 900)
    await log_in_to(clerk.page, live_server, congress.clerk_login, "/console/supervision")
    card = clerk.page.locator("[data-report]", has_text="管网改造完成三成")
    await expect(card).to_have_count(1)
    await expect(card.locator(".photos img")).to_have_count(1)
    # The clerk sees the thumbnail, upright (portrait): 480 px on the long side.
    size = await card.locator(".photos img").evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert size == [360, 480]
    await shot(clerk.page, "2-clerk-review")
    await card.locator("button[name=publish][value=true]").click()
    await expect(card).to_have_count(0)

    # The clerk names the monitoring group and adds a milestone from the console.
    row = clerk.page.locator(f"tr[data-item='{world.item_a}']")
    await row.locator("summary").click()
    group = row.locator("form[data-monitors]")
    await group.locator("input[type=checkbox]").nth(0).check()
    await group.locator("input[type=checkbox]").nth(2).check()
    # The form reloads the page when saved: wait for that, or the next click lands on the old page.
    async with clerk.page.expect_navigation():
        await group.locator("button[type=submit]").click()
    await expect(row).to_contain_text("监督小组")
    await row.locator("summary").click()
    step = row.locator("form[data-milestone]")
    await step.locator("input[name=title]").fill("竣工验收")
    await step.locator("input[name=due_on]").fill("2027-11-30")
    async with clerk.page.expect_navigation():
        await step.locator("button[type=submit]").click()
    await row.locator("summary").click()
    await expect(row.locator(".milestones")).to_contain_text("竣工验收")
    assert not clerk.errors
    item = (await api.get(f"/api/items/{world.item_a}")).json()
    assert len(item["monitor_ids"]) == 2 and [m["title"] for m in item["milestones"]] == ["竣工验收"]

    # This year's session: last year's projects are evaluated on its tablets.
    session = await create_session(pool, ADMIN, SessionCreate(body_id=congress.body_id, title="第二次会议"))
    codes = {c.deputy_id: c.code for c in await seat_cards(pool, settings, ADMIN, session.id)}
    round_ = await post_ok(
        api,
        "/api/evaluations",
        congress.clerk,
        {"body_id": congress.body_id, "title": "年终满意度测评", "session_id": session.id},
    )

    # The tablet offers the rating sheet only once a round is open for its deputy.
    deputy, *others = congress.deputy_ids
    tablet = await open_screen(1280, 800, has_touch=True)
    await tablet.page.goto(f"{live_server}/tablet?code={codes[deputy]}")
    await expect(tablet.page.locator("#tablet-who")).to_contain_text("代表000")
    await tablet.page.wait_for_timeout(2500)
    await expect(tablet.page.locator("a[data-evaluate-link]")).to_be_hidden()
    made = await post_ok(api, f"/api/evaluations/{round_['id']}/key-cards", congress.clerk, {})
    cards = [str(c["text"]) for c in made["cards"]]  # type: ignore[attr-defined]
    await post_ok(api, f"/api/evaluations/{round_['id']}/open", congress.clerk)
    await tablet.page.reload()
    await expect(tablet.page.locator("a[data-evaluate-link]")).to_be_visible()
    await tablet.page.click("a[data-evaluate-link]")
    items = tablet.page.locator(".rate-item")
    await expect(items).to_have_count(2)
    await tablet.page.click("[data-action=submit-rating]")
    await expect(tablet.page.locator(".error")).to_contain_text("请对每个项目作出评价")
    await items.nth(0).locator("[data-level=satisfied]").click()
    await items.nth(1).locator("[data-level=basic]").click()
    await expect(items.nth(0).locator("[data-level=satisfied]")).to_have_attribute("aria-pressed", "true")
    await shot(tablet.page, "3-tablet-rating")
    await tablet.page.click("[data-action=submit-rating]")
    await tablet.page.click("dialog [data-confirm]")
    await expect(tablet.page.locator("#evaluate-main")).to_contain_text("测评已提交")
    await tablet.page.reload()
    await expect(tablet.page.locator("#evaluate-main")).to_contain_text("您已提交本轮测评")
    assert not tablet.errors

    # Five more deputies rate on their tablets: 6 of 9 满意 for A is more than half of all members.
    for other in others[:5]:
        headers = await tablet_login(api, codes[other])
        sheet = {
            "ratings": [
                {"item_id": world.item_a, "level": "satisfied"},
                {"item_id": world.item_b, "level": "unsatisfied"},
            ]
        }
        sealed = await seal_sheet(api, round_["id"], sheet)  # type: ignore[arg-type]
        await post_ok(api, f"/api/evaluations/{round_['id']}/ratings", headers, {"sealed": sealed})

    await clerk.page.goto(f"{live_server}/console/evaluations")
    section = clerk.page.locator(f"[data-round='{round_['id']}']")
    await expect(section.locator("[data-rated]")).to_have_text("6")
    # Closing shows the participation and asks first: 6 of 9 is more than half, so the result is published.
    await section.locator("button[data-close]").click()
    dialog = clerk.page.locator("dialog.confirm")
    await expect(dialog).to_contain_text("已参评 6 / 9 人")
    await shot(clerk.page, "3b-close-round-dialog")
    await dialog.locator("[data-confirm]").click()
    # Rating has ended; two holders of the round's key cards open the sealed sheets.
    await section.locator("a[data-round-keys]").click()
    inputs = clerk.page.locator("#count-form input[name=card]")
    await inputs.nth(0).fill(cards[0])
    await inputs.nth(1).fill(cards[2])
    await clerk.page.click("button[data-action=open-count]")
    await expect(clerk.page.locator("[data-rated]")).to_have_attribute("data-rated", "6")
    await clerk.page.goto(f"{live_server}/console/evaluations")
    await expect(section).to_contain_text("已结束并公布")
    await expect(section).to_contain_text("不满意")

    public = await open_screen(1280, 1000)
    await public.page.goto(f"{live_server}/projects?body_id={congress.body_id}")
    row_a = public.page.locator(f"tr[data-item='{world.item_a}']")
    await expect(row_a.locator("[data-evaluation]")).to_contain_text("满意")
    # The share beside the outcome is of all members (6 of 9), and says so.
    await expect(row_a.locator("[data-evaluation]")).to_contain_text("66.7%")
    await expect(row_a.locator("[data-evaluation]")).to_contain_text("占全体代表 9 人")
    await expect(row_a).to_contain_text("35%")
    await expect(public.page.locator(f"tr[data-item='{world.item_b}'] [data-evaluation]")).to_contain_text("不满意")
    await shot(public.page, "4-dashboard")
    await row_a.locator("a").first.click()
    await expect(public.page.locator(".timeline")).to_contain_text("满意度测评")
    await expect(public.page.locator(".photos img")).to_have_count(1)
    feedback = public.page.locator("form[data-feedback]")
    await feedback.locator("input[name=title]").fill("夜间施工噪音")
    await feedback.locator("textarea[name=description]").fill("晚上十点后仍有施工，请合理安排时间。")
    await feedback.locator("button[type=submit]").click()
    await expect(public.page.locator("[data-code]")).to_have_text(__import__("re").compile(r"^[2-9A-HJ-NP-Z]{8}$"))
    await shot(public.page, "5-project-page")
    poster = await open_screen(900, 1200)
    await poster.page.goto(f"{live_server}/projects/{world.item_a}/poster")
    await shot(poster.page, "6-poster")
    assert not public.errors
