"""`voting drill`: many tablets casting at once, measured against a bare baseline."""
