"""Hypothesis strategies for audit values, events and whole chains."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from audit import AuditEvent, ChainEntry, link
from audit.canonical import SAFE_INTEGER

# Everything PostgreSQL text can hold: no U+0000, no lone surrogates.
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-SAFE_INTEGER, SAFE_INTEGER) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)
details = st.dictionaries(texts, json_values, max_size=4)
# ASCII keys take canonical_bytes' fast path; any other key takes the general one.
ascii_texts = st.text(st.characters(max_codepoint=127, exclude_characters="\x00"), max_size=8)
ascii_details = st.dictionaries(
    ascii_texts,
    st.recursive(
        st.none() | st.booleans() | st.integers(-SAFE_INTEGER, SAFE_INTEGER) | texts,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ascii_texts, inner, max_size=4),
        max_leaves=12,
    ),
    max_size=4,
)
# Chains hold many events: smaller details keep a hundred chains quick to draw.
small_details = st.dictionaries(texts, st.none() | st.integers(-SAFE_INTEGER, SAFE_INTEGER) | texts, max_size=2)

events = st.builds(
    AuditEvent,
    actor=texts,
    role=texts,
    action=texts,
    object_type=texts,
    object_id=texts,
    detail=small_details,
)

moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))


def build_chain(chain_events: list[AuditEvent], start: datetime) -> list[ChainEntry]:
    """Link the events one after another from genesis, a second apart."""
    entries: list[ChainEntry] = []
    for i, event in enumerate(chain_events):
        entries.append(link(entries[-1] if entries else None, event, i + 1, start + timedelta(seconds=i)))
    return entries


chains = st.builds(build_chain, st.lists(events, min_size=1, max_size=6), moments)
