"""Databases and servers the tests start: a new database on the test PostgreSQL, the service in its own process."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

JWT_SECRET = "test-secret-" + secrets.token_hex(16)


def with_database(url: str, name: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


async def create_database(server_url: str, prefix: str) -> str:
    """A new, empty database on the test server (named prefix + random); its URL."""
    name = prefix + secrets.token_hex(4)
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return with_database(server_url, name)


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


class FreshServer:
    """`voting serve` on a database nobody has used, and what its console printed."""

    def __init__(self, base: str, database_url: str, admin_password: str) -> None:
        self.base = base
        self.database_url = database_url
        self.admin_password = admin_password
