"""Guessing logins is slowed; one client never locks out another, and honest logins never count."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import assert_refused
from voting.app import create_app
from voting.auth.throttle import FailedLoginThrottle
from voting.errors import TooManyRequests
from voting.settings import Settings

DEPLOY = Path(__file__).parents[2] / "deploy"


def test_failures_past_the_limit_are_refused_until_the_window_passes() -> None:
    throttle = FailedLoginThrottle(per_account=3, per_address=100, window_s=60)
    for moment in (0, 1, 2):
        throttle.check("10.0.0.9", "clerk1", now=moment)
        throttle.failed("10.0.0.9", "clerk1", now=moment)
    with pytest.raises(TooManyRequests):
        throttle.check("10.0.0.9", "clerk1", now=30)
    throttle.check("10.0.0.8", "clerk1", now=30)  # another device, same account: not affected
    throttle.check("10.0.0.9", "chair", now=30)  # same device, another account: not affected
    throttle.check("10.0.0.9", "clerk1", now=61)  # the oldest failure has left the window


def test_a_device_spraying_many_accounts_is_stopped_but_only_that_device() -> None:
    throttle = FailedLoginThrottle(per_account=3, per_address=5, window_s=60)
    for n in range(5):
        throttle.failed("10.0.0.9", f"CODE{n}", now=n)
    with pytest.raises(TooManyRequests):
        throttle.check("10.0.0.9", "NEVERTRIED", now=10)
    throttle.check("10.0.0.7", "CODE1", now=10)


async def test_honest_logins_never_count() -> None:
    throttle = FailedLoginThrottle(per_account=1, per_address=1, window_s=60)

    async def succeeds() -> str:
        return "token"

    for _ in range(50):
        assert await throttle.attempt("hall-nat", "clerk1", succeeds()) == "token"


def test_the_deploy_env_trusts_the_documented_proxy() -> None:
    """Behind deploy/nginx.conf, the address limit must see each tablet, not the proxy."""
    lines = (line.split("=", 1) for line in (DEPLOY / "env.example").read_text().splitlines() if "=" in line)
    env = {key.strip(): value.strip() for key, value in lines if not key.startswith("#")}
    trusted = Settings.from_env({**env, "PIAOJUE_JWT_SECRET": "x" * 40}).trusted_proxies
    assert "PIAOJUE_TRUSTED_PROXIES" in env
    assert "127.0.0.1" in trusted  # nginx on the hall server itself
    assert "192.168.10.2" in trusted  # nginx on its own host in front of several app hosts (deploy/README.md)
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in (DEPLOY / "nginx.conf").read_text()


async def test_wrong_passwords_from_one_tablet_lock_out_neither_other_tablets_nor_the_clerk(
    pool: asyncpg.Pool, settings: Settings
) -> None:
    # The test client's peer is "testclient": trusting it stands in for nginx.
    behind_proxy = msgspec.structs.replace(settings, trusted_proxies=("testclient",))
    congress = await make_congress(pool, settings, deputies=3)
    username, password = congress.clerk_login
    wrong = {"username": username, "password": "not-the-password"}
    attacker, clerk = {"X-Forwarded-For": "192.168.10.66"}, {"X-Forwarded-For": "192.168.10.20"}
    async with AsyncTestClient(app=create_app(behind_proxy)) as client:
        for _ in range(10):
            assert_refused(await client.post("/api/auth/login", json=wrong, headers=attacker), 401, "login_failed")
        assert_refused(await client.post("/api/auth/login", json=wrong, headers=attacker), 429)
        right = {"username": username, "password": password}
        assert (await client.post("/api/auth/login", json=right, headers=clerk)).status_code == 200
        for n in range(20):
            code = {"code": f"WRONG{n:03d}"}
            assert_refused(await client.post("/api/tablet/login", json=code, headers=attacker), 401)
        assert_refused(await client.post("/api/tablet/login", json={"code": "X"}, headers=attacker), 429)
        deputy = congress.deputy_ids[0]
        tablet = {"X-Forwarded-For": "192.168.10.31"}
        response = await client.post("/api/tablet/login", json={"code": congress.codes[deputy]}, headers=tablet)
        assert response.status_code == 200, response.text
