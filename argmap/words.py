"""Small helpers for the words of messages, shared by every layer (imports nothing of argmap).

Examples:
    >>> plural(1, "problem"), plural(2, "problem")
    ('1 problem', '2 problems')
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, in the plural unless ``n`` is 1.

    Examples:
        >>> plural(1, "attack"), plural(3, "node"), plural(2, "knot", "knots")
        ('1 attack', '3 nodes', '2 knots')
    """
    return f"{n} {word if n == 1 else many or word + 's'}"
