"""`voting verify FILE` runs with no database and without importing the web stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from audit import encode_archive
from audit.signing import public_key_pem
from tests.audit.archives import build_archive, new_key
from tests.audit.tampering import ballots, rewritten

KEY = new_key()
ARCHIVE = build_archive(KEY)
WEB_STACK = ("litestar", "asyncpg", "granian", "jinja2", "voting.app", "voting.bulletin", "voting.database")


def run_verify(*args: str) -> subprocess.CompletedProcess[str]:
    """`voting verify …` in a fresh interpreter, with every import it makes listed on stderr."""
    command = [sys.executable, "-X", "importtime", "-m", "voting.cli", "verify", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def imported(stderr: str) -> set[str]:
    """Module names from -X importtime's report."""
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def test_a_true_archive_verifies_offline_without_the_web_stack(tmp_path: Path) -> None:
    path = tmp_path / "vote.json"
    path.write_bytes(encode_archive(ARCHIVE))
    key = tmp_path / "key.pem"
    key.write_text(public_key_pem(KEY))
    done = run_verify(str(path), "--public-key", str(key))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK" in done.stdout and "✓ recount" in done.stdout
    modules = imported(done.stderr)
    assert "audit.verify" in modules and "tally.count" in modules
    assert not [m for m in modules if m.startswith(WEB_STACK)], sorted(m for m in modules if m.startswith(WEB_STACK))


def test_importing_the_verifier_loads_no_web_module() -> None:
    code = "import sys, audit.verify, voting.cli; print(sorted(m for m in sys.modules if m.startswith(%r)))"
    done = subprocess.run([sys.executable, "-c", code % (WEB_STACK,)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_tampered_archive_exits_non_zero_naming_what_failed(tmp_path: Path) -> None:
    path = tmp_path / "vote.json"
    path.write_bytes(rewritten(ARCHIVE, lambda v: ballots(v).pop()))
    done = run_verify(str(path))
    assert done.returncode == 1
    assert "FAILED" in done.stdout
    for name in ("ballots", "recount", "counts"):
        assert f"✗ {name}" in done.stdout


def test_another_trusted_key_fails_the_public_key_check(tmp_path: Path) -> None:
    path = tmp_path / "vote.json"
    path.write_bytes(encode_archive(ARCHIVE))
    key = tmp_path / "other.pem"
    key.write_text(public_key_pem(new_key()))
    done = run_verify(str(path), "--public-key", str(key))
    assert done.returncode == 1 and "✗ public_key" in done.stdout


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    done = run_verify(str(tmp_path / "nowhere.json"))
    assert done.returncode != 0
    assert "cannot read" in done.stderr and "Traceback" not in done.stderr
