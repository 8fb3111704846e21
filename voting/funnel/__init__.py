"""The funnel in numbers: suggestions → candidates → chosen, by category, source and place."""
