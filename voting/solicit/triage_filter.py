"""The triage list's filters read from the query once, for the API route and the triage page alike."""

from __future__ import annotations

from litestar.di import Provide
from litestar.params import FromQuery

from voting.solicit.models import TriageFilter


def triage_filter(
    status: FromQuery[str | None] = None,
    category: FromQuery[str | None] = None,
    source: FromQuery[str | None] = None,
    place: FromQuery[str | None] = None,
    q: FromQuery[str | None] = None,
    phase: FromQuery[str | None] = None,
) -> TriageFilter:
    """The filters given in the query (absent or empty: any)."""
    return TriageFilter(
        status=status or "",
        category=category or "",
        source=source or "",
        place=place or "",
        q=q or "",
        phase=phase or "",
    )


# The route's `dependencies`: the handler takes `wanted: NamedDependency[TriageFilter]`.
TRIAGE_FILTER = {"wanted": Provide(triage_filter, sync_to_thread=False)}
