"""`voting drill --export FILE`: a whole vote produced, then verified offline from its archive."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from audit import report_text, verify_archive
from voting.drill.run import run


@pytest.fixture
def drill_env(server_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The drill makes its own database on the test server and keeps its key in tmp_path."""
    monkeypatch.setenv("DATABASE_URL", server_url)
    monkeypatch.setenv("PIAOJUE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PIAOJUE_JWT_SECRET", "drill-test-secret-" + "x" * 32)


async def test_the_drill_writes_an_archive_that_verifies(drill_env: None, tmp_path: Path) -> None:
    out = tmp_path / "drill.json"
    args = argparse.Namespace(deputies=30, concurrency=10, workers=1, json=True, export=str(out))
    report = await run(args)
    assert report.tally_matches and report.lost == 0
    verdict = verify_archive(out.read_bytes())
    assert verdict.ok, report_text(verdict)
    assert "30 ballots" in report_text(verdict)
