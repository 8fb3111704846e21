"""`voting drill`: many tablets casting at once, measured against a bare baseline."""

from voting.drill.run import run_drill

__all__ = ["run_drill"]
