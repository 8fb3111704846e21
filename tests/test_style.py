"""CI checks what STYLE.md promises: ruff on the whole tree, and mypy --strict on every package of the service."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],  # strict, on tally/, audit/, ballots/ and voting/ (pyproject.toml [tool.mypy])
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_the_tree_keeps_to_the_style(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
