"""The one exception every document reader raises."""

from __future__ import annotations


class DocumentError(ValueError):
    """A document that cannot be read, with a one-line message meant for the user."""
