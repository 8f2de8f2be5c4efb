"""The project's exception taxonomy.

``SitrepError`` is the base. ``BadInput`` is terminal: the record is
quarantined in ``rejects`` and never retried. ``TransientError`` marks I/O
trouble that a retry may cure.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class BadInput(SitrepError):
    """A record that cannot become an article; carries the reason and the value."""

    def __init__(self, reason: str, value: object = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.value = value


class TransientError(SitrepError):
    """I/O trouble (network, lock) that may succeed when tried again."""
