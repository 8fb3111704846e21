"""Wire shapes for the funnel."""

from __future__ import annotations

from typing import Literal

import msgspec

Dimension = Literal["category", "source", "place"]
DIMENSIONS: tuple[Dimension, ...] = ("category", "source", "place")


class FunnelRow(msgspec.Struct):
    """One value of a dimension: its suggestions, and the candidates (listed, chosen) they were merged into."""

    dimension: Dimension
    key: str
    suggestions: int
    people: int  # people who raised them (院落会 counts)
    merged: int  # candidates these suggestions were merged into
    listed: int  # … of which on the candidate list
    chosen: int  # … of which chosen in the vote


class Funnel(msgspec.Struct):
    """The whole funnel of a program (public: no contact details exist here)."""

    program_id: int
    suggestions: int
    candidates: int  # on the list (or, before a list exists, drafted and not excluded)
    listed: int
    chosen: int
    rows: list[FunnelRow]
