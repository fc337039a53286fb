r"""The bounds every reader keeps, so that a file from a stranger costs bounded time and memory.

A map, an answers file or an exercise file may come from anyone. Before and
while parsing, argmap refuses a file larger than :attr:`Limits.max_bytes`,
values nested deeper than :attr:`Limits.max_depth`, YAML aliases that would
expand to more than :attr:`Limits.max_alias_values` values (the "billion
laughs" file), numbers written with more than :attr:`Limits.max_number_digits`
digits, and text holding characters that no output can carry (lone
surrogates, control characters other than tab and line breaks). Each refusal
is a located :class:`~argmap.errors.LoadError`.

Examples:
    >>> DEFAULT_LIMITS.max_depth
    100
    >>> check_size(10, "m.yaml", Limits(max_bytes=5))
    Traceback (most recent call last):
    ...
    argmap.errors.LoadError: m.yaml: the file has 10 bytes; the limit is 5 (see --max-input-size)
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import LoadError, Problem
from argmap.model.fields import bad_character

__all__ = ["DEFAULT_LIMITS", "Limits", "bad_character", "check_size", "get_limits", "set_limits"]


@dataclass(frozen=True)
class Limits:
    """How much a reader accepts. The defaults are far above any real map.

    Attributes:
        max_bytes: Largest input file, in bytes.
        max_depth: Deepest nesting of lists and mappings.
        max_alias_values: How many values YAML aliases may add in all, by
            repeating what their anchors name.
        max_number_digits: Longest number, in characters.
    """

    max_bytes: int = 256 * 1024 * 1024
    max_depth: int = 100
    max_alias_values: int = 100_000
    max_number_digits: int = 100


DEFAULT_LIMITS = Limits()
_current = [DEFAULT_LIMITS]


def get_limits() -> Limits:
    """The limits readers use when not given any (the command line may have changed them)."""
    return _current[0]


def set_limits(limits: Limits) -> None:
    """Make ``limits`` the readers' default (the command line's ``--max-input-size`` calls this)."""
    _current[0] = limits


def check_size(size: int, path: str, limits: Limits | None = None) -> None:
    """Refuse an input of ``size`` bytes when it exceeds the limit.

    Raises:
        LoadError: the file is too large.
    """
    limit = (limits or get_limits()).max_bytes
    if size > limit:
        message = f"the file has {size} bytes; the limit is {limit} (see --max-input-size)"
        raise LoadError([Problem(message, path=path)])
