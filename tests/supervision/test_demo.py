"""`voting demo`'s last year: the program that predates the service is put in the 监督 phase, once."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import ADMIN, make_congress
from voting.demo.supervision import LAST_YEAR, move_to_supervision
from voting.programs.models import ProgramCreate
from voting.programs.service import create_program
from voting.settings import Settings


async def test_last_years_program_is_in_supervision(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5)
    program = await create_program(pool, ADMIN, ProgramCreate(body_id=congress.body_id, year=LAST_YEAR, title="往年"))
    await move_to_supervision(pool, ADMIN, congress.body_id)
    await move_to_supervision(pool, ADMIN, congress.body_id)  # a second `voting demo` changes nothing
    async with pool.acquire() as conn:
        moves = await conn.fetchval(
            "SELECT count(*) FROM audit_event WHERE action = 'program.phase_changed' AND object_id = $1",
            str(program.id),
        )
    assert moves == 1
    shown = (await client.get(f"/api/programs/{program.id}")).json()
    assert shown["phase"] == "supervise"
    assert [d["phase"] for d in shown["dates"]] == ["solicit", "shortlist", "deliberate", "vote", "supervise"]
