"""Fixtures for these tests (the shared ones live in tests/conftest.py)."""

from tests.solicit.steps import fresh_submission_throttle
from tests.voting.steps import cheap_password_hashing

__all__ = ["cheap_password_hashing", "fresh_submission_throttle"]
