"""The QR poster names the program's year: it is put up months before that year starts."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import new_congress
from voting.settings import Settings


async def test_poster_asks_for_projects_of_the_programs_year_not_this_year(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    year = (await client.get(f"/api/programs/{congress.program_id}")).json()["year"]
    poster = await client.get(f"/programs/{congress.program_id}/poster")
    assert poster.status_code == 200
    assert f"您希望政府{year}年为您身边办哪些实事？" in poster.text
    assert "今年" not in poster.text
