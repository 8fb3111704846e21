"""`voting drill` at a small scale: every acknowledged ballot is stored once and counted right."""

from __future__ import annotations

import argparse

import pytest

from voting.drill.run import run


@pytest.fixture
def drill_env(server_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The drill makes its own database on the test server."""
    monkeypatch.setenv("DATABASE_URL", server_url)
    monkeypatch.setenv("PIAOJUE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PIAOJUE_JWT_SECRET", "drill-test-secret-" + "x" * 32)


def drill_args(**given: object) -> argparse.Namespace:
    """The drill's command-line defaults, with some given."""
    defaults = dict(
        concurrency=0, workers=1, json=True, export=None, viewers=0, hosts=1, hall_deputies=30, gets=False, nchan=False
    )
    return argparse.Namespace(**{**defaults, **given})


async def test_drill_loses_nothing_and_counts_right(drill_env: None) -> None:
    args = drill_args(deputies=120, concurrency=40)
    report = await run(args)
    assert report.ballots_acknowledged == 120
    assert report.ballots_in_db == 120
    assert report.lost == 0 and report.duplicates == 0 and report.refused == 0
    assert report.tally_matches
    assert report.cast_per_s > 0 and report.baseline_per_s > 0


async def test_every_public_viewer_gets_the_announced_result_from_the_event(drill_env: None) -> None:
    report = await run(drill_args(deputies=60, concurrency=30, viewers=80))
    assert report.lost == 0 and report.duplicates == 0 and report.tally_matches
    assert report.viewers == report.viewers_connected == report.viewers_with_result == 80
    assert report.viewer_failures == 0
    # The announcement carries the result: no page had to ask for it.
    assert report.viewer_requests_after_announce == 0
    # The second hall kept casting while the result went out, and none of its ballots was refused.
    assert report.hall_casts_during_fanout > 0 and report.hall_casts_refused == 0
    assert report.result_max_ms > 0 and report.server_rss_mb > 0


async def test_an_announcement_on_one_host_reaches_viewers_behind_nginx_on_another(drill_env: None) -> None:
    report = await run(drill_args(deputies=40, concurrency=20, viewers=60, hosts=2, gets=True))
    assert report.viewers == report.viewers_connected == report.viewers_with_result == 60, report.viewer_errors
    assert report.viewer_failures == 0 and report.tally_matches
    assert set(report.gets) >= {"baseline_get_per_s", "result_get_ratio", "archive_get_ratio", "announcement_get_ratio"}


async def test_public_streams_held_by_nginx_nchan_get_the_result_from_the_app_posting_once(drill_env: None) -> None:
    """deploy/'s public set-up: nginx holds the viewers' streams, each app host posts its events to it."""
    report = await run(drill_args(deputies=60, concurrency=30, viewers=120, nchan=True))
    assert report.nchan and report.lost == 0 and report.tally_matches
    assert report.viewers == report.viewers_connected == report.viewers_with_result == 120, report.viewer_errors
    assert report.viewer_failures == 0
    assert report.viewer_requests_after_announce == 0  # the posted announcement carried the result
    assert report.hall_casts_during_fanout > 0 and report.hall_casts_refused == 0
