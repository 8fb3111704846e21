"""A clerk moving a program out of 征集 two years early, with nothing collected, is asked why; the reason is kept."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to
from tests.factories import make_congress
from tests.steps import audit_events
from voting.programs.phases import congress_today

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PIAOJUE_SHOTS", "/tmp/piaojue-shots"))


async def test_an_early_phase_move_asks_for_a_reason(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server: str, pool, settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=0)
    today = congress_today()
    dates = [
        {"phase": "solicit", "starts_on": (today - dt.timedelta(days=3)).isoformat()},
        {"phase": "shortlist", "starts_on": (today + dt.timedelta(days=730)).isoformat()},
    ]
    put = await api.put(f"/api/programs/{congress.program_id}/schedule", headers=congress.clerk, json={"dates": dates})
    assert put.status_code == 200, put.text
    screen = await open_screen(1366, 900)
    page = screen.page
    await log_in_to(page, live_server, congress.clerk_login, f"/console/programs/{congress.program_id}")
    await page.click("#phase-next button[type=submit]")
    await page.locator("dialog.confirm [data-confirm]").click()  # 进入下一阶段：初定？
    dialog = page.locator("dialog.confirm")
    await expect(dialog).to_contain_text("提前了 730 天")
    await expect(dialog).to_contain_text("征集阶段尚未收到任何意见建议")
    await expect(dialog.locator("[data-confirm]")).to_be_disabled()  # no reason, no move
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / "phase_move_early.png"))
    await dialog.locator("textarea").fill("县人大常委会决定提前开展初定")
    await dialog.locator("[data-confirm]").click()
    await expect(page.locator(".timeline li.current")).to_contain_text("初定")
    moves = [e["detail"] for e in await audit_events(pool, "program", congress.program_id)]
    last = moves[-1] if isinstance(moves[-1], dict) else json.loads(moves[-1])
    assert last["reason"] == "县人大常委会决定提前开展初定"
    assert last["concerns"] == ["ahead_of_schedule", "nothing_collected"]
    assert not screen.errors
