"""A property-based run over the whole OpenAPI schema (schemathesis): no server error, nothing the schema denies.

The server runs in its own process on a database of its own (whatever the
generated requests create stays there), with an admin's login so guarded
operations run their logic too. A few examples per operation keep it to a
couple of minutes.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator

import asyncpg
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

from tests.conftest import JWT_SECRET, free_port, wait_until_serving, with_database
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
    name = "piaojue_fuzz_" + secrets.token_hex(4)
    url = with_database(server_url, name)

    async def prepare() -> str:
        conn = await asyncpg.connect(server_url)
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        await migrate(url)
        pool = await create_pool(url, 2)
        try:
            async with pool.acquire() as conn:
                body_id = await conn.fetchval("INSERT INTO body (name, level) VALUES ('探测县', 'county') RETURNING id")
            await ensure_staff(pool, "fuzz-admin", "fuzz", Role.ADMIN, "fuzz-password-123", body_id=body_id)
            settings = Settings(database_url=url, jwt_secret=JWT_SECRET)
            return (await log_in(pool, settings, "fuzz-admin", "fuzz-password-123")).token
        finally:
            await pool.close()

    token = asyncio.run(prepare())
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_PUBLIC_URL": base,
        "PIAOJUE_DATA_DIR": str(tmp_path_factory.mktemp("fuzz")),
    }
    code = (
        "from granian import Granian; from granian.constants import Interfaces;"
        f"Granian('voting.app:create_app_from_env', factory=True, address='127.0.0.1', port={port},"
        " interface=Interfaces.ASGI, workers=1, log_access=False).serve()"
    )
    process = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(base, process, "fuzz server")
        yield FuzzTarget(base, {"Authorization": f"Bearer {token}"})
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def api_schema(fuzz_target: FuzzTarget) -> schemathesis.BaseSchema:
    """The schema as the server publishes it."""
    return schemathesis.openapi.from_url(fuzz_target.base + "/schema/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_every_operation_keeps_to_its_schema(case: schemathesis.Case, fuzz_target: FuzzTarget) -> None:
    case.call_and_validate(base_url=fuzz_target.base, headers=fuzz_target.admin, checks=CHECKS)
