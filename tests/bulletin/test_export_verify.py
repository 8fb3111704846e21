"""End to end: run a vote over HTTP, `voting export`, `voting verify` (OK), tamper, `voting verify` (fails)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from audit import decode_archive, verify_archive
from audit.canonical import canonical_bytes
from tests.bulletin.voting_day import VotingDay, run_vote, voting_day
from tests.factories import make_congress
from voting.settings import Settings


def voting(*args: str, database_url: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The `voting` command in its own process, as an operator would run it."""
    env = {**os.environ, "DATABASE_URL": database_url, "PIAOJUE_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "voting.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture
async def day(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> VotingDay:
    return await voting_day(client, pool, settings, deputies=8, voters=6)


@pytest.fixture
def exported(day: VotingDay, database_url: str, tmp_path: Path) -> Path:
    out = tmp_path / "vote.json"
    done = voting("export", str(day.vote_id), "--out", str(out), database_url=database_url, data_dir=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_an_exported_vote_verifies_offline_and_a_tampered_one_does_not(
    exported: Path, database_url: str, tmp_path: Path
) -> None:
    # verify gets no database: a URL that leads nowhere proves it never connects.
    nowhere = "postgresql://nobody@127.0.0.1:1/none"
    done = voting("verify", str(exported), database_url=nowhere, data_dir=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK" in done.stdout

    value = json.loads(exported.read_bytes())
    value["bulletin"]["ballots"][0]["marks"] = {}  # one ballot made blank
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(canonical_bytes(value))
    done = voting("verify", str(tampered), database_url=nowhere, data_dir=tmp_path)
    assert done.returncode == 1
    assert "✗ ballots" in done.stdout and "✗ recount" in done.stdout and "FAILED" in done.stdout

    flipped = bytearray(exported.read_bytes())
    flipped[len(flipped) // 2] ^= 0x01
    tampered.write_bytes(bytes(flipped))
    assert voting("verify", str(tampered), database_url=nowhere, data_dir=tmp_path).returncode == 1


async def test_the_download_is_the_same_file_as_the_export(
    client: AsyncTestClient, day: VotingDay, exported: Path
) -> None:
    response = await client.get(f"/api/votes/{day.vote_id}/archive")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content == exported.read_bytes()


def test_the_archive_holds_the_chain_from_the_votes_creation_to_the_signed_head(exported: Path) -> None:
    archive = decode_archive(exported.read_bytes())
    entries = archive.audit_chain.entries
    assert (entries[0].action, entries[0].object_id) == ("vote.created", str(archive.vote_id))
    assert (entries[-1].seq, entries[-1].hash) == (
        archive.statements[1].body["seq"],
        archive.statements[1].body["hash"],
    )
    assert verify_archive(exported.read_bytes()).ok


async def test_exporting_an_unannounced_vote_fails_with_a_reason(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, database_url: str, tmp_path: Path
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote_id, *_ = await run_vote(client, congress, voters=2, announce=False)
    out = tmp_path / "vote.json"
    done = voting("export", str(vote_id), "--out", str(out), database_url=database_url, data_dir=tmp_path)
    assert done.returncode != 0
    assert "表决结果尚未宣布" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


async def test_the_verify_page_reports_a_database_changed_after_the_announcement(
    client: AsyncTestClient, pool: asyncpg.Pool, day: VotingDay
) -> None:
    page = await client.get(f"/public/votes/{day.vote_id}/verify")
    assert page.status_code == 200 and 'data-status="ok"' in page.text
    async with pool.acquire() as conn:
        # An insider rewrites one stored ballot after the result was signed.
        await conn.execute(
            "UPDATE ballot SET marks = '{}'"
            " WHERE id = (SELECT id FROM ballot WHERE vote_id = $1 AND marks <> '{}' LIMIT 1)",
            day.vote_id,
        )
    page = await client.get(f"/public/votes/{day.vote_id}/verify")
    assert 'data-status="failed"' in page.text
    assert 'data-check="recount"' in page.text and "ballots" in page.text
    assert not verify_archive((await client.get(f"/api/votes/{day.vote_id}/archive")).content).ok


async def test_the_verify_page_waits_for_the_announcement(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote_id, *_ = await run_vote(client, congress, voters=2, announce=False)
    page = await client.get(f"/public/votes/{vote_id}/verify")
    assert page.status_code == 200 and 'data-status="not-public"' in page.text
