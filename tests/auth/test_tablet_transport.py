"""Tablets on plain HTTP: said plainly at start and on the console, refused when the setting says so."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.servers import JWT_SECRET, free_port
from tests.steps import assert_refused
from voting.app import create_app
from voting.auth.transport import transport_notice
from voting.settings import Settings

HTTPS_PROXY = {"X-Forwarded-For": "192.168.10.31", "X-Forwarded-Proto": "https"}


async def test_refuse_turns_plain_http_tablets_away_and_lets_https_ones_in(
    pool: asyncpg.Pool, settings: Settings
) -> None:
    # The test client's peer is "testclient": trusting it stands in for nginx terminating TLS.
    refusing = msgspec.structs.replace(settings, tablet_plain_http="refuse", trusted_proxies=("testclient",))
    congress = await make_congress(pool, settings, deputies=4)
    first, second, third, fourth = (congress.codes[d] for d in congress.deputy_ids)
    async with AsyncTestClient(app=create_app(refusing)) as plain:
        assert_refused(await plain.post("/api/tablet/login", json={"code": first}), 403, "tablet_needs_https")
        # The code is not spent by a refused login: the same seat card works over HTTPS.
        behind_tls = await plain.post("/api/tablet/login", json={"code": first}, headers=HTTPS_PROXY)
        assert behind_tls.status_code == 200, behind_tls.text
    async with AsyncTestClient(app=create_app(refusing), base_url="https://testserver") as direct_tls:
        assert (await direct_tls.post("/api/tablet/login", json={"code": second})).status_code == 200
    untrusted = msgspec.structs.replace(refusing, trusted_proxies=("127.0.0.1",))
    async with AsyncTestClient(app=create_app(untrusted)) as claims_https:
        # Anyone can write X-Forwarded-Proto; only our own proxy is believed.
        refused = await claims_https.post("/api/tablet/login", json={"code": third}, headers=HTTPS_PROXY)
        assert_refused(refused, 403, "tablet_needs_https")
    allowing = msgspec.structs.replace(settings, trusted_proxies=("testclient",))
    async with AsyncTestClient(app=create_app(allowing)) as client:
        view = (await client.get(f"/api/sessions/{congress.session_id}/attendance", headers=congress.clerk)).json()
        assert view["plain_http_tablets"] == 0
        assert (await client.post("/api/tablet/login", json={"code": fourth})).status_code == 200
        view = (await client.get(f"/api/sessions/{congress.session_id}/attendance", headers=congress.clerk)).json()
        assert view["plain_http_tablets"] == 1
        assert view["summary"]["present"] == 3


def test_the_setting_is_checked_and_the_notice_says_what_to_do() -> None:
    env = {"PIAOJUE_JWT_SECRET": "x" * 40}
    with pytest.raises(ValueError, match="PIAOJUE_TABLET_HTTP"):
        Settings.from_env({**env, "PIAOJUE_TABLET_HTTP": "refuse-please"})
    plain = Settings.from_env({**env, "PIAOJUE_PUBLIC_URL": "http://192.168.10.2"})
    assert plain.tablet_plain_http == "allow"
    assert "WARNING: tablets log in over plain HTTP" in transport_notice(plain)
    deployed = Settings.from_env({**env, "PIAOJUE_PUBLIC_URL": "https://h.lan", "PIAOJUE_TABLET_HTTP": "refuse"})
    assert "plain HTTP is refused" in transport_notice(deployed)
    misconfigured = msgspec.structs.replace(deployed, public_base_url="http://h.lan")
    assert "will be refused" in transport_notice(misconfigured)


def test_voting_serve_says_it_at_start(database_url: str, tmp_path: os.PathLike[str]) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PIAOJUE_JWT_SECRET": JWT_SECRET,
        "PIAOJUE_PUBLIC_URL": "http://192.168.10.2",
        "PIAOJUE_DATA_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "voting.cli", "serve", "--port", str(free_port())]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        deadline, said = time.monotonic() + 60, []
        assert process.stdout is not None
        while time.monotonic() < deadline and not any("WARNING" in line for line in said):
            said.append(process.stdout.readline())
        assert any("WARNING: tablets log in over plain HTTP" in line for line in said), said
    finally:
        process.terminate()
        process.wait(10)
