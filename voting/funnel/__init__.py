"""The funnel in numbers: suggestions → candidates → chosen, by category, source and place."""

from voting.funnel.service import SOURCE_NAMES, funnel

__all__ = ["SOURCE_NAMES", "funnel"]
