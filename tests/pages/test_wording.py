"""The formal Chinese of the 公告 and the ballot: the meeting named once, the method in the law's words."""

from __future__ import annotations

import re
import secrets

import asyncpg
from litestar.testing import AsyncTestClient

from tally.models import BallotForm, Fraction, OvermarkRule, ThresholdBase, VoteRules
from tests.factories import make_congress
from tests.steps import cast, close_vote, create_vote, log_in_all, open_vote
from voting.page_kit.wording import meeting_name, method_sentences, rules_line, share_words
from voting.settings import Settings


def test_the_meeting_is_named_once() -> None:
    county = "示范县第十八届人民代表大会第七次会议"
    assert meeting_name("示范县人民代表大会", county) == county
    assert (
        meeting_name("城关镇人民代表大会", "第十九届人民代表大会第三次会议") == "城关镇第十九届人民代表大会第三次会议"
    )
    assert meeting_name("城关镇人民代表大会", "城关镇第十九届三次会议") == "城关镇第十九届三次会议"
    assert meeting_name("城关镇人大", "第三次会议") == "城关镇人大第三次会议"
    # A township under a county: its body carries the county's name, its session title only its own.
    township = "河口镇第十八届人民代表大会第七次会议"
    assert meeting_name("示范县河口镇人民代表大会", township) == township


def test_shares_read_as_the_law_words_them() -> None:
    assert share_words(Fraction(1, 2, inclusive=False)) == "过半数"
    assert share_words(Fraction(2, 3, inclusive=True)) == "三分之二以上"
    assert share_words(Fraction(3, 5, inclusive=False)) == "超过五分之三"
    assert share_words(Fraction(11, 12, inclusive=True)) == "十二分之十一以上"


def test_the_method_is_stated_in_full_sentences() -> None:
    text = method_sentences(VoteRules(seats=10), "electronic", 12)
    assert text == (
        "本次票决采用电子表决器无记名投票方式。候选项目12项，应选10项，每张选票所选项目不得多于10项，多选的选票作废。"
        "候选项目获得全体代表过半数赞成票的，按得票多少依次确定入选项目；末位得票相同的，就剩余名额再次投票"
    )
    per = method_sentences(
        VoteRules(seats=3, form=BallotForm.PER_CANDIDATE, threshold_base=ThresholdBase.PRESENT), "paper", 3
    )
    assert "纸质选票无记名投票" in per and "分别表示赞成、反对或者弃权" in per and "出席代表过半数" in per
    assert "多选部分作废" in method_sentences(VoteRules(seats=2, overmark=OvermarkRule.SECTION), "mixed", 4)
    assert rules_line(VoteRules(seats=10)) == "应选10项，每票至多选10项；须获全体代表过半数赞成票"
    assert "限选" not in rules_line(VoteRules(seats=10))


async def test_the_announcement_and_the_ballot_print_the_meeting_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=2)
    place = f"示范{secrets.token_hex(2)}县"
    async with pool.acquire() as conn:
        await conn.execute("UPDATE body SET name = $2 WHERE id = $1", congress.body_id, f"{place}人民代表大会")
        await conn.execute(
            "UPDATE session SET title = $2 WHERE id = $1", congress.session_id, f"{place}第十八届人民代表大会第七次会议"
        )
    meeting = f"{place}第十八届人民代表大会第七次会议"
    vote = await create_vote(client, congress, seats=1)
    ballot = (await client.get(f"/console/votes/{vote['id']}/ballot", headers=congress.presiding)).text
    assert f"{meeting}秘书处制" in ballot
    assert "人民代表大会" + place not in ballot and ballot.count(meeting) == 2  # heading and footer

    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    assert (await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)).status_code == 200
    page = (await client.get(f"/public/votes/{vote['id']}/announcement")).text
    text = re.sub(r"<[^>]+>", "", page)
    assert "人民代表大会" + place not in text
    assert f"{meeting}于" in text and f"{meeting}主席团" in text
    assert "会议以无记名投票方式，对“民生实事项目票决”进行了票决。现将票决结果公告如下：" in text
    assert "候选项目2项，应选1项，每张选票所选项目不得多于1项，多选的选票作废。" in text
    assert "应选1项 · 限选" not in text and "限选（画○）" not in text


def chosen_part(page: str) -> str:
    """The 公告's part 二 (the projects chosen), up to the first round's counts."""
    start = page.index("二、票决产生的民生实事项目")
    return page[start : page.index('<section class="ann-round-section"', start)]


async def announced_page(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, voting_for_a: int
) -> tuple[str, list[str]]:
    """A vote for one of two projects among 4 deputies, `voting_for_a` of them for the first; its 公告 page."""
    congress = await make_congress(pool, settings, deputies=4, candidates=2)
    a, _ = congress.candidate_ids
    vote = await create_vote(client, congress, seats=1)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    for i, token in enumerate(tokens.values()):
        assert (await cast(client, token, vote["id"], {a: "for"} if i < voting_for_a else {})).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    assert (await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)).status_code == 200
    names = [c["name"] for c in (await client.get(f"/api/votes/{vote['id']}")).json()["candidates"]]
    return (await client.get(f"/public/votes/{vote['id']}/announcement")).text, names


async def test_the_announcement_says_none_in_words_when_no_project_was_chosen(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    page, names = await announced_page(client, pool, settings, voting_for_a=2)  # exactly half: not chosen
    part = chosen_part(page)
    assert re.sub(r"<[^>]+>|\s", "", part) == (
        "二、票决产生的民生实事项目无。第一次投票中获得规定赞成票数的项目不足，1个名额未选出。"
    )
    assert "<ol" not in part and "<li" not in part  # not a numbered "1. 无"
    assert all(name not in part for name in names)
    assert all(name in page for name in names)  # every project's count is still printed below


async def test_the_announcement_numbers_the_chosen_projects_when_there_are_some(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    page, (a, b) = await announced_page(client, pool, settings, voting_for_a=3)
    part = chosen_part(page)
    assert "无。" not in part
    assert re.findall(r"<li[^>]*>([^<]+)<", part) == [a]
    assert "共1项（按得票多少排列）" in part and "赞成3票" in part and b not in part
