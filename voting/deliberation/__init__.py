"""Deliberation (审议): the presidium orders and fixes the candidate list and adopts the voting method."""
