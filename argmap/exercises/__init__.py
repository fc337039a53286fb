"""Exercises for educators: generated from any map, printed, and graded.

:func:`generate` makes an :class:`Exercise` of one or more kinds (see
:data:`KINDS`) from a map, a seed and a difficulty; the same seed gives the
same exercise, byte for byte.

Examples:
    >>> import argmap
    >>> from argmap import exercises
    >>> m = argmap.load_corpus("school-phones")
    >>> ex = exercises.generate(m, "sort-by-side", seed=1, difficulty="easy")
    >>> ex.total_points == len(ex.items)
    True
"""

from argmap.exercises import kinds as _kinds  # noqa: F401  (the generators register themselves)
from argmap.exercises.generate import generate, parse_difficulty
from argmap.exercises.model import (
    Choice,
    Diagram,
    Exercise,
    ExerciseKind,
    Item,
    LinkAnswer,
    Part,
    Sentence,
)
from argmap.exercises.registry import DIFFICULTIES, KINDS, Kind, Setting, get_kind

__all__ = [
    "DIFFICULTIES",
    "KINDS",
    "Choice",
    "Diagram",
    "Exercise",
    "ExerciseKind",
    "Item",
    "Kind",
    "LinkAnswer",
    "Part",
    "Sentence",
    "Setting",
    "generate",
    "get_kind",
    "parse_difficulty",
]
