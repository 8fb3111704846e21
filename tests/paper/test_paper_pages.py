"""The printable paper ballot and the announcement (公告), as served."""

from __future__ import annotations

import re

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import cast, close_vote, log_in_all, open_vote
from voting.settings import Settings


def text_of(html: str) -> str:
    """The page's text without tags, for asserting what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def staff_page(client: AsyncTestClient, path: str, headers: dict[str, str]) -> str:
    """A staff page fetched with the staff member's token."""
    response = await client.get(path, headers=headers, follow_redirects=False)
    assert response.status_code == 200, (response.status_code, response.headers.get("location"))
    return response.text


async def test_the_ballot_prints_instructions_and_a_qr_code_of_the_vote_and_no_serial(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=4)
    vote = await create_vote(client, congress, "paper", seats=3)
    html = await staff_page(client, f"/console/votes/{vote['id']}/ballot", congress.presiding)
    text = text_of(html)
    assert '在同意的项目后"同意"栏内画"○"' in text and "所选项目不得多于3项" in text
    assert all(f"项目{x}" in text for x in "ABCD")
    assert html.count("<svg") == 1 and 'class="qr"' in html
    assert "paper-a4" in html  # @page ballot-a4 in paper_print.css
    # Nothing on it that could tell one printed ballot from another: no serial, no deputy.
    assert not re.search(r"编号\s*No|serial\s*\d|第\s*\d+\s*张", text)
    assert "代表000" not in text


async def test_a_long_list_prints_on_a3_and_per_candidate_ballots_have_three_columns(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=16)
    long = await create_vote(client, congress, "paper", seats=10)
    assert "paper-a3" in await staff_page(client, f"/console/votes/{long['id']}/ballot", congress.presiding)
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={
            "title": "逐项表决",
            "reason": "测试",
            "candidate_ids": congress.candidate_ids[:3],
            "rules": {"seats": 3, "form": "per_candidate"},
            "mode": "paper",
        },
    )
    html = await staff_page(client, f"/console/votes/{response.json()['id']}/ballot", congress.presiding)
    text = text_of(html)
    assert "paper-a4" in html  # @page ballot-a4 in paper_print.css
    assert "同意 不同意 弃权" in text and "最多选" not in text


async def test_the_ballot_page_is_for_staff(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=2)
    vote = await create_vote(client, congress, "paper", seats=1)
    response = await client.get(f"/console/votes/{vote['id']}/ballot", follow_redirects=False)
    assert response.status_code in (302, 303) and "/login" in response.headers["location"]


async def test_the_announcement_of_a_mixed_vote_gives_every_count_and_the_chosen_in_order(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=7, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed", seats=2))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    assert (await client.get(f"/public/votes/{vote_id}/announcement")).status_code == 409
    for deputy_id, marks in zip(congress.deputy_ids[:4], [[b, c], [b], [b, a], [c]], strict=True):
        assert (await cast(client, tokens[deputy_id], vote_id, {m: "for" for m in marks})).status_code == 201
    await ok(paper_post(client, staff.scrutineer, vote_id, "conflicts", {"candidate_id": c, "reason": "亲属参与承建"}))
    await collect_box(client, staff, vote_id, issued=3, returned=3)
    sheets = [sheet(1, [b, c]), sheet(2, []), sheet(3, void="unreadable")]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert (await close_vote(client, congress, vote_id)).status_code == 200
    assert (await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)).status_code == 200

    response = await client.get(f"/public/votes/{vote_id}/announcement")
    assert response.status_code == 200
    html, text = response.text, text_of(response.text)
    assert "公 告" in text or "公　告" in text
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', html))
    assert counts == {
        "total": "7", "present": "7", "issued": "7", "returned": "7",
        "valid": "6", "invalid": "1", "blank": "1", "threshold": "4",
    }  # fmt: skip
    votes = dict(
        re.findall(r'data-candidate-id="(\d+)">\s*<td>\d+</td><td class="name">[^<]+</td><td data-votes>(\d+)', html)
    )
    assert votes == {str(a): "1", str(b): "4", str(c): "3"}
    chosen = re.search(r"data-chosen>(.*?)</ol>", html, re.S)
    assert chosen and re.findall(r"<li[^>]*>([^<]+)<", chosen.group(1)) == ["项目B"]  # 4 of 7 is more than half
    assert "电子表决器与纸质选票相结合的无记名投票" in text and "应选2项" in text and "全体代表过半数赞成票" in text
    assert "电子表决器投票4张" in text and "纸质选票发出3张，收回3张" in text
    assert "总监票人（签字）" in text and "计票人（签字）" in text and "主持人（签字）" in text
    assert "亲属参与承建" in text
    assert f"/public/votes/{vote_id}" in html and html.count("<svg") == 1


async def test_an_electronic_vote_has_an_announcement_too(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=2)
    a, _ = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "electronic", seats=1))["id"]
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    for deputy_id in congress.deputy_ids:
        assert (await cast(client, tokens[deputy_id], vote_id, {a: "for"})).status_code == 201
    assert (await close_vote(client, congress, vote_id)).status_code == 200
    assert (await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)).status_code == 200
    response = await client.get(f"/public/votes/{vote_id}/announcement")
    assert response.status_code == 200
    text = text_of(response.text)
    assert "电子表决器无记名投票" in text and "纸质选票发出" not in text
    assert dict(re.findall(r'data-count="(\w+)">(\d+)<', response.text))["issued"] == "4"


async def test_a_paper_vote_announcement_mentions_no_tablet(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=2)
    a, b = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper", seats=1))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    await log_in_all(client, congress, congress.deputy_ids)  # checked in
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    await collect_box(client, staff, vote_id, issued=3, returned=3)
    sheets = [sheet(1, [a]), sheet(2, [a]), sheet(3, [b])]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert (await close_vote(client, congress, vote_id)).status_code == 200
    assert (await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)).status_code == 200
    text = text_of((await client.get(f"/public/votes/{vote_id}/announcement")).text)
    assert "纸质选票发出3张，收回3张" in text
    assert "电子表决器投票" not in text  # no tablet was used: no "0 by tablet" line
