"""Solicitation (征集): suggestions from the public and other channels, tracking codes, triage."""

from voting.solicit.models import SuggestionCreate
from voting.solicit.service import file_suggestion

__all__ = ["SuggestionCreate", "file_suggestion"]
