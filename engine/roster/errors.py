"""The error of a roster file as a whole (no pandas here: the command line catches it without loading one)."""

from __future__ import annotations

import re
from typing import Any


class RosterError(ValueError):
    """The file as a whole cannot be read (too big, not a table, no known column).

    ``message`` is an English msgid with named ``params``, or a singular and plural pair (``Nn_``) whose form
    follows its first parameter (``count`` names it; ``plural`` is the plural msgid); ``str(error)`` is the
    English text.
    """

    def __init__(self, message: str | tuple[str, str], **params: Any) -> None:
        self.message, self.plural = (message, None) if isinstance(message, str) else message
        self.count = re.search(r"\{(\w+)\}", self.message).group(1) if self.plural else None
        self.params = params
        english = self.message if self.plural is None or params[self.count] == 1 else self.plural
        super().__init__(english.format(**params))
