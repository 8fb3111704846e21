"""`voting staff USER teller|scrutineer` and the demo give counting staff their logins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from tests.factories import make_congress
from voting.demo import print_welcome, set_up_demo
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


async def test_the_demo_has_teller_and_scrutineer_logins(
    database_url: str, pool: asyncpg.Pool, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = await set_up_demo(database_url)
    roles = dict(
        await pool.fetch("SELECT username, role FROM staff_user WHERE username = ANY($1::text[])", list(demo.passwords))
    )
    assert {"teller", "scrutineer"} <= set(roles.values())
    assert roles["teller1"] == roles["teller2"] == "teller"
    # 河口镇 counts its own paper ballots: two tellers and a scrutineer of its own, their logins printed.
    township = await pool.fetch(
        """
        SELECT u.username, u.role FROM staff_user u JOIN body b ON b.id = u.body_id
        WHERE b.name = '示范县河口镇人民代表大会' AND u.role IN ('teller', 'scrutineer')
        """
    )
    assert sorted(r["role"] for r in township) == ["scrutineer", "teller", "teller"]
    print_welcome(demo, "http://demo")
    printed = capsys.readouterr().out
    for row in township:
        assert f"{row['username']} {demo.passwords[row['username']]}" in " ".join(printed.split())
