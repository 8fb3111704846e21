"""Fixtures for the export tests."""

from tests.voting.steps import cheap_password_hashing

__all__ = ["cheap_password_hashing"]
