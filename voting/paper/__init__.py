"""Paper ballots and the on-site count: roles, recorded steps, double entry, sign-off (issue 4).

The face is what the vote's count takes from the paper count; the pages and routes call
voting.paper.service (importing it here would close the cycle votes.results ↔ paper.service).
"""

from voting.paper.closing import add_signed_paper_ballots, ballots_in, check_matches_report, signed_paper_counts

__all__ = ["add_signed_paper_ballots", "ballots_in", "check_matches_report", "signed_paper_counts"]
