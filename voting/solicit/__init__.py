"""Solicitation (征集): suggestions from the public and other channels, tracking codes, triage."""

from voting.solicit.codes import normalize_tracking_code, show_tracking_code, tracking_url
from voting.solicit.models import SuggestionCreate, Triage, TriageFilter
from voting.solicit.service import file_suggestion, track
from voting.solicit.triage import list_suggestions
from voting.solicit.triage_filter import TRIAGE_FILTER

__all__ = [
    "TRIAGE_FILTER",
    "SuggestionCreate",
    "Triage",
    "TriageFilter",
    "file_suggestion",
    "list_suggestions",
    "normalize_tracking_code",
    "show_tracking_code",
    "track",
    "tracking_url",
]
