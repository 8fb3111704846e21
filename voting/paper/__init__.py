"""Paper ballots and the on-site count: roles, recorded steps, double entry, sign-off (issue 4)."""

__all__: list[str] = []
