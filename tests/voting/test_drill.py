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


async def test_drill_loses_nothing_and_counts_right(drill_env: None) -> None:
    args = argparse.Namespace(deputies=120, concurrency=40, workers=1, json=True, export=None)
    report = await run(args)
    assert report.ballots_acknowledged == 120
    assert report.ballots_in_db == 120
    assert report.lost == 0 and report.duplicates == 0 and report.refused == 0
    assert report.tally_matches
    assert report.cast_per_s > 0 and report.baseline_per_s > 0
