"""An announced vote's documents over HTTP: the route prepares them, then the lane in front of Litestar
answers the same bytes, with an ETag (304 on revalidation), gzip when asked, and the security headers."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import cast, close_vote, vote_in_progress
from voting.settings import Settings

DOCUMENTS = ("/api/votes/{v}/result", "/api/votes/{v}/bulletin", "/api/votes/{v}/receipts", "/api/votes/{v}/archive",
             "/public/votes/{v}/announcement")  # fmt: skip


async def test_prepared_documents_are_the_routes_bytes_with_etag_gzip_and_security_headers(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    vote, tokens = await vote_in_progress(client, congress)
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})).status_code == 201
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    assert (await client.get(f"/api/votes/{vote['id']}/result")).status_code == 409  # not public yet
    announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    for template in DOCUMENTS:
        path = template.format(v=vote["id"])
        built = await client.get(path)  # the route prepares the bytes
        served = await client.get(path)  # the lane answers from them
        assert built.status_code == served.status_code == 200, path
        assert served.content == built.content and served.headers["etag"] == built.headers["etag"], path
        for answer in (built, served):
            assert "script-src 'self'" in answer.headers["content-security-policy"], path
            assert answer.headers["x-content-type-options"] == "nosniff", path
        assert served.headers["cache-control"].startswith("public"), path
        again = await client.get(path, headers={"If-None-Match": served.headers["etag"]})
        assert again.status_code == 304 and again.content == b"", path
        assert "content-security-policy" in again.headers, path
    zipped = await client.get(f"/api/votes/{vote['id']}/archive", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers.get("content-encoding") == "gzip" and zipped.json()["vote_id"] == vote["id"]
    # Not a prepared document's address: Litestar answers as ever.
    assert (await client.get(f"/public/votes/{vote['id']}/result")).status_code == 404
