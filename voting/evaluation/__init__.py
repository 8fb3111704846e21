"""Satisfaction evaluation (满意度测评): rounds, secret ratings on tablets, results by tally.rating, 整改."""

from voting.evaluation.models import LEVEL_NAMES, Round, RoundCreate
from voting.evaluation.service import (
    close_round,
    create_round,
    get_round,
    list_rounds,
    make_round_cards,
    open_round,
    rectifications_of_items,
    results_of_items,
    round_sealing_key,
)

__all__ = [
    "LEVEL_NAMES",
    "Round",
    "RoundCreate",
    "close_round",
    "create_round",
    "get_round",
    "list_rounds",
    "make_round_cards",
    "open_round",
    "rectifications_of_items",
    "results_of_items",
    "round_sealing_key",
]
