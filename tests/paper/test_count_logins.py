"""`voting staff USER teller|scrutineer` and the demo give counting staff their logins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import asyncpg

from tests.factories import make_congress
from voting.demo import set_up_demo
from voting.settings import Settings


async def test_voting_staff_creates_a_teller_and_a_scrutineer(
    database_url: str, pool: asyncpg.Pool, settings: Settings, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=1)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PIAOJUE_DATA_DIR": str(tmp_path),
        "PIAOJUE_NEW_PASSWORD": "x" * 12,
    }
    for username, role in (("cli-teller", "teller"), ("cli-scrutineer", "scrutineer")):
        done = subprocess.run(
            [sys.executable, "-m", "voting.cli", "staff", username, role, "--body", str(congress.body_id)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"({role})" in done.stdout


async def test_the_demo_has_teller_and_scrutineer_logins(database_url: str, pool: asyncpg.Pool) -> None:
    demo = await set_up_demo(database_url)
    roles = dict(
        await pool.fetch("SELECT username, role FROM staff_user WHERE username = ANY($1::text[])", list(demo.passwords))
    )
    assert {"teller", "scrutineer"} <= set(roles.values())
    assert roles["teller1"] == roles["teller2"] == "teller"
