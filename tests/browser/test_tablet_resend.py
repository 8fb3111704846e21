"""A ballot whose answer is lost in transit is resent as the same ballot, and counted once."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from playwright.async_api import Route, expect

from tests.browser.api_steps import create_vote, post_ok, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser


async def test_tablet_resends_a_ballot_whose_answer_was_lost(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=3, candidates=2)
    await tablet_login(api, congress.codes[congress.deputy_ids[1]])
    tablet = await open_screen(1280, 800, has_touch=True)
    page = tablet.page
    sent: list[dict[str, object]] = []

    async def lose_first_answer(route: Route) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))
        response = await route.fetch()  # the server takes the ballot…
        if len(sent) == 1:
            assert response.status == 201
            await route.abort("connectionreset")  # …but the tablet never hears back
        else:
            await route.fulfill(response=response)

    await page.route("**/api/votes/*/ballots", lose_first_answer)
    await page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[0]]}")
    await expect(page.locator("#tablet-main")).to_contain_text("暂无进行中的表决")  # logged in, so checked in
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=1)
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    await page.locator(".cand.choose").first.click()
    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")

    await expect(page.locator("[data-receipt]")).to_have_text(re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$"))
    assert len(sent) == 2 and sent[0] == sent[1]  # the same cast_id and marks both times
    assert re.fullmatch(r"[0-9a-f]{32}", str(sent[0]["cast_id"]))
    turnout = (await api.get(f"/api/votes/{vote_id}/turnout")).json()
    assert turnout["cast"] == 1
    assert tablet.errors == []
