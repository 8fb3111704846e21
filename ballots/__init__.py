"""Casting ballots: eligibility, one ballot per deputy, secrecy, receipts, group commit."""
