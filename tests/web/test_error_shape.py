"""Every refusal has one shape — error, message_zh, message_en — whoever raised it."""

from __future__ import annotations

import time

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress
from tests.steps import assert_refused, create_vote, log_in
from voting.auth import Principal, Role, issue_token
from voting.settings import Settings


async def test_every_4xx_body_has_a_code_and_both_languages(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote = await create_vote(client, congress)
    deputy = bearer(await log_in(client, congress, congress.deputy_ids[0]))
    expired = bearer(
        issue_token(
            Principal(role=Role.CLERK, subject_id=1, name="old"), settings.jwt_secret, 1, now=time.time() - 3600
        )
    )
    forged = bearer(issue_token(Principal(role=Role.ADMIN, subject_id=1, name="forged"), "not-the-secret", 60))
    deputies_url = f"/api/bodies/{congress.body_id}/deputies"
    json_headers = {**congress.presiding, "content-type": "application/json"}
    requests: list[tuple[str, httpx.Response, int, str | None]] = [
        ("no token", await client.post(deputies_url, json={"name": "甲"}), 401, "login_required"),
        (
            "garbage token",
            await client.post(deputies_url, headers=bearer("x.y.z"), json={"name": "甲"}),
            401,
            "token_invalid",
        ),
        ("forged token", await client.post(deputies_url, headers=forged, json={"name": "甲"}), 401, "token_invalid"),
        ("expired token", await client.post(deputies_url, headers=expired, json={"name": "甲"}), 401, "token_expired"),
        ("wrong role", await client.post(deputies_url, headers=congress.presiding, json={"name": "甲"}), 403, None),
        ("deputy on staff route", await client.get(deputies_url, headers=deputy), 403, None),
        ("staff on tablet route", await client.get("/api/tablet/me", headers=congress.clerk), 403, None),
        ("unknown route", await client.get("/api/no-such-thing"), 404, None),
        ("unknown vote", await client.get("/api/votes/987654321"), 404, "not_found"),
        ("unknown vote turnout", await client.get("/api/votes/987654321/turnout"), 404, "not_found"),
        ("unknown session", await client.get("/api/sessions/987654321/attendance/summary"), 404, "not_found"),
        (
            "unknown deputy",
            await client.patch("/api/deputies/987654321", headers=congress.clerk, json={"name": "乙"}),
            404,
            "not_found",
        ),
        ("wrong method", await client.delete(f"/api/votes/{vote['id']}"), 405, None),
        (
            "malformed json",
            await client.post(f"/api/votes/{vote['id']}/close", headers=json_headers, content=b"{"),
            400,
            None,
        ),
        (
            "unknown field",
            await client.post(deputies_url, headers=congress.clerk, json={"name": "丙", "age": 40}),
            400,
            None,
        ),
        (
            "bad phone",
            await client.post(deputies_url, headers=congress.clerk, json={"name": "丁", "phone": "电话"}),
            400,
            None,
        ),
        (
            "bad attendance status",
            await client.post(
                f"/api/sessions/{congress.session_id}/attendance/{congress.deputy_ids[1]}",
                headers=congress.clerk,
                json={"status": "maybe"},
            ),
            400,
            None,
        ),
        ("bad login code", await client.post("/api/tablet/login", json={"code": ""}), 400, None),
        ("no quorum", await client.post(f"/api/votes/{vote['id']}/open", headers=congress.presiding), 409, "no_quorum"),
        (
            "too large",
            await client.post(
                f"/api/bodies/{congress.body_id}/deputies/import",
                headers=congress.clerk,
                files={"data": ("big.csv", b"x" * (5 * 1024 * 1024), "text/csv")},
            ),
            413,
            None,
        ),
    ]
    for label, response, status, code in requests:
        try:
            assert_refused(response, status, code)
        except AssertionError as error:
            raise AssertionError(f"{label}: {error}") from error


async def test_an_id_past_64_bits_is_a_bilingual_400_not_a_server_error(client: AsyncTestClient) -> None:
    too_big = 2**63
    for path in (f"/api/programs/{too_big}", f"/api/votes/{too_big}", f"/programs/{too_big}"):
        response = await client.get(path)
        assert response.status_code == 400, (path, response.status_code)
        if response.headers["content-type"].startswith("application/json"):
            assert_refused(response, 400, "invalid_value")
