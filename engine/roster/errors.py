"""The error of a roster file as a whole (no pandas here: the command line catches it without loading one)."""

from __future__ import annotations

from typing import Any


class RosterError(ValueError):
    """The file as a whole cannot be read (too big, not a table, no known column).

    ``message`` is an English msgid with named ``params``; ``str(error)`` is the English text.
    """

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params))
