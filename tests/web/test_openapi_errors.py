"""The OpenAPI schema says what a refusal looks like, and the wire agrees with it."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import assert_refused
from voting.settings import Settings


async def test_the_schema_describes_errors_csv_and_the_report_upload(client: AsyncTestClient) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"error", "message_zh", "message_en"}
    paths = schema["paths"]
    guarded = paths["/api/bodies/{body_id}/deputies"]["post"]["responses"]
    assert {"400", "401", "403", "404", "409", "415", "429"} <= set(guarded)
    assert guarded["403"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert {"401", "403", "404", "409"} <= set(paths["/api/votes/{vote_id}/ballots"]["post"]["responses"])
    assert "409" in paths["/api/votes/{vote_id}/bulletin"]["get"]["responses"]  # not yet announced
    for csv in ("/api/programs/{program_id}/funnel.csv", "/api/audit.csv"):
        assert list(paths[csv]["get"]["responses"]["200"]["content"]) == ["text/csv"]
    upload = paths["/api/items/{item_id}/reports"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert upload["properties"]["photos"]["items"]["format"] == "binary"
    assert {"percent", "spent_wan", "narrative"} <= set(upload["required"])
    assert "multipart/form-data" in paths["/api/bodies/{body_id}/deputies/import"]["post"]["requestBody"]["content"]


async def test_csv_says_its_charset_once_and_405_says_what_is_allowed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    funnel = await client.get(f"/api/programs/{congress.program_id}/funnel.csv")
    assert funnel.headers["content-type"] == "text/csv; charset=utf-8"
    audit = await client.get("/api/audit.csv?limit=5", headers=congress.clerk)
    assert audit.headers["content-type"] == "text/csv; charset=utf-8"
    refused = await client.delete("/api/auth/login")
    assert_refused(refused, 405, "http_405")
    assert "POST" in refused.headers["allow"] and "DELETE" not in refused.headers["allow"]
    refused = await client.put(f"/api/programs/{congress.program_id}/funnel.csv")
    assert "GET" in refused.headers["allow"]


async def test_options_lists_every_method_of_the_path(client: AsyncTestClient) -> None:
    for path, methods in (("/api/sessions", {"GET", "POST"}), ("/api/sessions/1/votes", {"GET", "POST"})):
        answer = await client.options(path)
        assert methods | {"OPTIONS"} == {m.strip() for m in answer.headers["allow"].split(",")}, path


async def test_the_schema_is_served_as_json_with_no_viewer_loading_from_the_internet(client: AsyncTestClient) -> None:
    for path in ("/schema", "/schema/openapi.json"):
        found = await client.get(path, headers={"Accept": "text/html"})
        assert found.status_code == 200, path
        assert found.headers["content-type"].startswith("application/"), path  # JSON, not an HTML viewer
        assert found.json()["info"]["title"] == "Piaojue 票决"
    for viewer in ("/schema/redoc", "/schema/swagger", "/schema/elements"):
        assert (await client.get(viewer)).status_code == 404, viewer
