"""Ed25519 keys, signatures and signed statements; the key file stays owner-only."""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import msgspec
import pytest

from audit import KeyFileRefused
from audit.signing import (
    SignedStatement,
    check_statement,
    load_or_create_key,
    public_key_pem,
    sign,
    sign_statement,
    verify_signature,
)

HEAD = {"seq": 42, "hash": "ab" * 32}


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "signing.pem"


def test_the_key_file_is_created_owner_only_even_with_a_lax_umask(key_path: Path) -> None:
    old = os.umask(0)
    try:
        load_or_create_key(key_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert [p.name for p in key_path.parent.iterdir()] == ["signing.pem"]  # no temporary file left


def test_the_same_key_is_loaded_on_every_later_start(key_path: Path) -> None:
    first = public_key_pem(load_or_create_key(key_path))
    assert public_key_pem(load_or_create_key(key_path)) == first


def test_processes_starting_at_once_end_up_with_one_key(key_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        keys = list(pool.map(lambda _: public_key_pem(load_or_create_key(key_path)), range(16)))
    assert len(set(keys)) == 1


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o601])
def test_a_key_readable_by_others_is_refused(key_path: Path, mode: int) -> None:
    load_or_create_key(key_path)
    key_path.chmod(mode)
    with pytest.raises(KeyFileRefused, match="open to group or others"):
        load_or_create_key(key_path)


def test_a_symlinked_key_is_refused(key_path: Path, tmp_path: Path) -> None:
    load_or_create_key(key_path)
    link = tmp_path / "linked.pem"
    link.symlink_to(key_path)
    with pytest.raises(KeyFileRefused):
        load_or_create_key(link)


def test_a_fifo_in_place_of_the_key_is_refused_without_hanging(key_path: Path) -> None:
    os.mkfifo(key_path, 0o600)
    with pytest.raises(KeyFileRefused, match="not a regular file"):
        load_or_create_key(key_path)


def test_a_file_that_is_not_a_key_is_refused(key_path: Path) -> None:
    key_path.write_bytes(b"not a key")
    key_path.chmod(0o600)
    with pytest.raises(KeyFileRefused, match="not an unencrypted PEM key"):
        load_or_create_key(key_path)


def test_a_missing_directory_is_refused_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(KeyFileRefused):
        load_or_create_key(tmp_path / "missing" / "signing.pem")


def test_a_signature_verifies_and_any_change_breaks_it(key_path: Path) -> None:
    key = load_or_create_key(key_path)
    public = public_key_pem(key)
    signature = sign(key, b"payload")
    assert verify_signature(public, b"payload", signature)
    assert not verify_signature(public, b"payload!", signature)
    flipped = ("1" if signature[0] == "0" else "0") + signature[1:]
    assert not verify_signature(public, b"payload", flipped)


def test_another_key_or_malformed_input_does_not_verify(key_path: Path, tmp_path: Path) -> None:
    key = load_or_create_key(key_path)
    other = public_key_pem(load_or_create_key(tmp_path / "other.pem"))
    signature = sign(key, b"payload")
    assert not verify_signature(other, b"payload", signature)
    assert not verify_signature(public_key_pem(key), b"payload", "not hex")
    assert not verify_signature("not a pem", b"payload", signature)


def test_a_signed_statement_checks_after_a_json_round_trip(key_path: Path) -> None:
    key = load_or_create_key(key_path)
    statement = sign_statement(key, "audit.head", HEAD)
    published = msgspec.json.decode(msgspec.json.encode(statement), type=SignedStatement)
    assert check_statement(published, public_key_pem(key))


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "vote.result"},
        {"body": {**HEAD, "seq": 43}},
        {"body": {**HEAD, "extra": 1}},
        {"key_id": "0" * 16},
        {"signature": "00" * 64},
    ],
)
def test_a_changed_statement_fails_its_check(key_path: Path, change: dict[str, object]) -> None:
    key = load_or_create_key(key_path)
    statement = msgspec.structs.replace(sign_statement(key, "audit.head", HEAD), **change)
    assert not check_statement(statement, public_key_pem(key))


def test_a_statement_checks_only_against_its_own_key(key_path: Path, tmp_path: Path) -> None:
    statement = sign_statement(load_or_create_key(key_path), "audit.head", HEAD)
    assert not check_statement(statement, public_key_pem(load_or_create_key(tmp_path / "other.pem")))


def test_the_key_is_never_printed(key_path: Path) -> None:
    key = load_or_create_key(key_path)
    assert "PRIVATE" not in repr(key)
    assert repr(key) == "SigningKey()"


def test_a_key_owned_by_someone_else_is_refused(key_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    load_or_create_key(key_path)
    os.chown(key_path, 65534, 65534)
    with pytest.raises(KeyFileRefused, match="another user"):
        load_or_create_key(key_path)
