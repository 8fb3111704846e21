"""Deliberation (审议): the presidium orders and fixes the candidate list and adopts the voting method."""

from voting.deliberation.models import ListOrder, VotingMethod
from voting.deliberation.service import adopt_method, fix_list, get_list, load_list, order_list, vote_made_from_list

__all__ = [
    "ListOrder",
    "VotingMethod",
    "adopt_method",
    "fix_list",
    "get_list",
    "load_list",
    "order_list",
    "vote_made_from_list",
]
