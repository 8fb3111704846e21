"""Every refusal names the field or the step, in Chinese and English, and says how to put it right."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_liaison
from tests.solicit.steps import OPINION, new_congress
from tests.steps import assert_refused
from voting.field_errors import describe_invalid
from voting.settings import Settings


async def test_a_liaison_typing_cost_in_words_is_told_which_field_and_how(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=1)
    candidate_id = (await client.get(f"/api/programs/{congress.program_id}/candidates")).json()[0]["id"]
    liaison = await make_liaison(pool, settings, congress.body_id, "住建局")
    asked = await client.post(
        f"/api/candidates/{candidate_id}/feasibility-requests",
        json={"department_id": liaison.department_id, "due_on": "2027-03-01"},
        headers=congress.clerk,
    )
    assert asked.status_code == 201, asked.text
    url = f"/api/liaison/requests/{asked.json()['id']}/opinion"
    body = assert_refused(await client.post(url, json={**OPINION, "cost_wan": "约120"}, headers=liaison.headers), 400)
    assert "「费用（万元）」须为数字" in body["message_zh"] and "约" in body["message_zh"]
    assert body["message_en"].startswith("Cost (10,000 yuan) must be a number")
    assert body["detail"]["fields"][0]["field"] == "cost_wan"
    missing = {k: v for k, v in OPINION.items() if k != "funding"}
    body = assert_refused(await client.post(url, json=missing, headers=liaison.headers), 400)
    assert "「资金来源」必须填写" in body["message_zh"] and body["detail"]["fields"][0]["field"] == "funding"


async def test_an_empty_public_form_names_every_empty_field(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    path = f"/api/programs/{congress.program_id}/suggestions"
    body = assert_refused(await client.post(path, json={"title": "", "description": "", "category": ""}), 400)
    assert body["message_zh"].startswith("请填写标题、具体内容、类别")
    assert "不在" not in body["message_zh"]
    assert body["detail"]["fields"] == ["title", "description", "category"]
    only_category = {"title": "路灯不亮", "description": "东村路灯坏了三盏", "category": ""}
    body = assert_refused(await client.post(path, json=only_category), 400, "text_empty")
    assert body["message_zh"].startswith("请填写类别") and body["detail"]["field"] == "category"
    unknown = {**only_category, "category": "外星探索"}
    body = assert_refused(await client.post(path, json=unknown), 400, "category_unknown")
    assert "外星探索" in body["message_zh"] and "请从列表中选择" in body["message_zh"]


def test_decoder_messages_become_field_names_and_advice() -> None:
    zh, en, detail = describe_invalid([{"message": "Expected `int`, got `str`", "key": "rules.seats"}])
    assert zh.startswith("「应选名额」须为整数") and en.startswith("Seats must be a whole number")
    zh, _, _ = describe_invalid([{"message": "Expected `str` of length <= 60", "key": "title"}])
    assert "「标题」不能超过60字" in zh
    zh, _, detail = describe_invalid([{"message": "Object missing required field `title`", "key": "items[1]"}])
    assert "「第2项的标题」必须填写" in zh and detail["fields"][0]["field"] == "items[1].title"
    # What was sent is never quoted back (it could be a ballot's marks).
    _, _, detail = describe_invalid([{"message": "Invalid enum value 'for-candidate-7'", "key": "marks.7"}])
    assert "for-candidate-7" not in str(detail)
