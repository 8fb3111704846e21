"""Excel (.xlsx) exports: roster, attendance, vote results, funnel, implementation, evaluations."""

from voting.exports.routes import ROUTES

__all__ = ["ROUTES"]
