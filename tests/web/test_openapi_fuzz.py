"""A property-based run over the whole OpenAPI schema (schemathesis): no server error, nothing the schema denies.

The server runs in its own process on a database of its own (whatever the
generated requests create stays there), with an admin's login so guarded
operations run their logic too. A few examples per operation keep it to a
couple of minutes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import allow_header_conformance, not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.servers import JWT_SECRET, app_server, create_database
from voting.auth import Role
from voting.database import create_pool, migrate
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in

CHECKS = [
    allow_header_conformance,
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


class FuzzTarget:
    """The server under test and an admin's Authorization header."""

    def __init__(self, base: str, admin: dict[str, str]) -> None:
        self.base = base
        self.admin = admin


@pytest.fixture(scope="module")
def fuzz_target(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzTarget]:
    """granian serving a fresh database, and an admin login on it."""

    async def prepare() -> tuple[str, str]:
        url = await create_database(server_url, "piaojue_fuzz_")
        await migrate(url)
        pool = await create_pool(url, 2)
        try:
            async with pool.acquire() as conn:
                body_id = await conn.fetchval("INSERT INTO body (name, level) VALUES ('探测县', 'county') RETURNING id")
            await ensure_staff(pool, "fuzz-admin", "fuzz", Role.ADMIN, "fuzz-password-123", body_id=body_id)
            settings = Settings(database_url=url, jwt_secret=JWT_SECRET)
            return url, (await log_in(pool, settings, "fuzz-admin", "fuzz-password-123")).token
        finally:
            await pool.close()

    url, token = asyncio.run(prepare())
    with app_server(url, tmp_path_factory.mktemp("fuzz"), "fuzz server", quiet=True) as base:
        yield FuzzTarget(base, {"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def api_schema(fuzz_target: FuzzTarget) -> schemathesis.BaseSchema:
    """The schema as the server publishes it."""
    return schemathesis.openapi.from_url(fuzz_target.base + "/schema/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_every_operation_keeps_to_its_schema(case: schemathesis.Case, fuzz_target: FuzzTarget) -> None:
    case.call_and_validate(base_url=fuzz_target.base, headers=fuzz_target.admin, checks=CHECKS)
