"""`voting staff` without a terminal: a password from a file, from the environment, or generated and printed once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from voting.settings import Settings


def run_staff(
    database_url: str, tmp_path: Path, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`voting staff …` as a script runs it: no terminal, stdin closed."""
    env = {**os.environ, "DATABASE_URL": database_url, "PIAOJUE_DATA_DIR": str(tmp_path)}
    env.pop("PIAOJUE_NEW_PASSWORD", None)
    if password is not None:
        env["PIAOJUE_NEW_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "voting.cli", "staff", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def logs_in(client: AsyncTestClient, username: str, password: str) -> bool:
    """Whether the login works."""
    response: httpx.Response = await client.post("/api/auth/login", json={"username": username, "password": password})
    return response.status_code == 200


async def test_without_a_terminal_a_password_is_generated_and_printed_once(
    client: AsyncTestClient, database_url: str, pool: asyncpg.Pool, settings: Settings, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=1)
    done = run_staff(database_url, tmp_path, "cli-gen-clerk", "clerk", "--body", str(congress.body_id))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    shown = [line for line in done.stdout.splitlines() if "shown once" in line]
    assert len(shown) == 1
    password = shown[0].rsplit(" ", 1)[1]
    assert len(password) >= 10 and await logs_in(client, "cli-gen-clerk", password)
    async with pool.acquire() as conn:
        body = await conn.fetchval("SELECT body_id FROM staff_user WHERE username = 'cli-gen-clerk'")
    assert body == congress.body_id


async def test_a_password_file_or_the_environment_is_used_and_never_printed(
    client: AsyncTestClient, database_url: str, pool: asyncpg.Pool, settings: Settings, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=1)
    secret = tmp_path / "password.txt"
    secret.write_text("from-a-file-2027\n", encoding="utf-8")
    body_name = (await client.get(f"/api/sessions/{congress.session_id}")).json()["body_name"]
    done = run_staff(
        database_url, tmp_path, "cli-file", "presiding", "--body", body_name, "--password-file", str(secret)
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "from-a-file-2027" not in done.stdout and "shown once" not in done.stdout
    assert await logs_in(client, "cli-file", "from-a-file-2027")
    done = run_staff(
        database_url, tmp_path, "cli-env", "clerk", "--body", str(congress.body_id), password="from-the-env-27"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert await logs_in(client, "cli-env", "from-the-env-27")
    # A reset of an existing login needs no --body: it keeps its own.
    done = run_staff(database_url, tmp_path, "cli-file", "presiding", password="a-new-one-2027")
    assert done.returncode == 0, done.stdout + done.stderr
    assert await logs_in(client, "cli-file", "a-new-one-2027")
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT body_id FROM staff_user WHERE username = 'cli-file'") == congress.body_id


async def test_bad_input_gets_a_clear_message_and_no_traceback(
    database_url: str, pool: asyncpg.Pool, settings: Settings, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=1)
    cases = [
        (("cli-nobody", "clerk"), "--body"),  # bodies exist: a login must name its body
        (("cli-x", "clerk", "--body", "没有这个人大"), "0 bodies match"),
        (
            ("cli-x", "clerk", "--body", str(congress.body_id), "--password-file", str(tmp_path / "missing")),
            "cannot read",
        ),
        (("Bad Name", "clerk", "--body", str(congress.body_id)), "username"),
        (("cli-x", "mayor", "--body", str(congress.body_id)), "unknown role"),
    ]
    for args, said in cases:
        done = run_staff(database_url, tmp_path, *args)
        assert done.returncode != 0, args
        assert said in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    done = run_staff(
        database_url, tmp_path, "cli-x", "clerk", "--body", str(congress.body_id), "--password-file", str(short)
    )
    assert done.returncode != 0 and "at least 10" in done.stderr
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM staff_user WHERE username LIKE 'cli-x%'") == 0
