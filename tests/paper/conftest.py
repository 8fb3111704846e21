"""Fixtures for the paper-count integration tests (the shared ones live in tests/conftest.py)."""

from tests.voting.steps import cheap_password_hashing

__all__ = ["cheap_password_hashing"]
