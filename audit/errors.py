"""The audit package's errors: one base, one class per way things go wrong."""

from __future__ import annotations


class AuditError(Exception):
    """Base of every error raised by the audit package."""


class NotCanonical(AuditError, ValueError):
    """A value has no canonical encoding (a float, bytes, a non-string key...)."""


class KeyFileRefused(AuditError):
    """A signing key file is unsafe to use (readable by others, not ours, not a key)."""
