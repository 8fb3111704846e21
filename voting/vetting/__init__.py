"""Vetting (初定): feasibility opinions from departments, exclusion flags, research-group visit notes."""

from voting.vetting.models import Exclusion, Opinion, RequestCreate, VisitNoteCreate
from voting.vetting.service import (
    add_visit_note,
    flag_exclusion,
    get_vetting,
    my_requests,
    program_vetting,
    request_opinion,
)

__all__ = [
    "Exclusion",
    "Opinion",
    "RequestCreate",
    "VisitNoteCreate",
    "add_visit_note",
    "flag_exclusion",
    "get_vetting",
    "my_requests",
    "program_vetting",
    "request_opinion",
]
