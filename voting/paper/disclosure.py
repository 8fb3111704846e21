"""When the paper ballots' figures may be seen: one rule for the 唱票 screen and the count report."""

from __future__ import annotations

from typing import Any

WITHHELD_ZH = "平板投票结束前不公布纸质选票的分项票数"
WITHHELD_EN = "The paper figures are shown once tablet voting has ended"
REPORT_COUNTS = ("round", "issued", "returned")  # what a signed report shows while its figures are withheld


def paper_figures_shown(mode: str, vote_state: str) -> bool:
    """A paper vote's figures are public as read; a mixed vote's only once its tablets can no longer vote.

    While tablets still vote, a mixed vote's paper figures are a partial result: deputies yet to
    vote, or staff watching a handful of named paper voters, would learn how the vote is going or
    how those deputies voted. Issued, returned, agreed and pending sheets are only counts of paper.
    """
    return mode == "paper" or vote_state != "open"


def withheld_report(report: dict[str, Any]) -> dict[str, Any]:
    """A signed count report while its figures are withheld: only its round and counts of paper."""
    return {k: report[k] for k in REPORT_COUNTS}
