"""The kinds of exercise: a registry that each generator module adds itself to.

A generator is a function from a :class:`Setting` (the map, already cut to
the exercise's scope, a seeded random generator, the difficulty and any
source texts) to a :class:`~argmap.exercises.model.Part` whose items are
numbered from "1"; :func:`argmap.exercises.generate` renumbers them through
the whole exercise. A generator raises
:class:`~argmap.errors.ExerciseError` when the map lacks what it needs.

Examples:
    >>> import argmap.exercises
    >>> sorted(KINDS)[:3]
    ['fill-gap', 'find-flaw', 'label-links']
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from argmap.errors import UnknownElementError
from argmap.exercises.common import NOTHING, Hidden
from argmap.exercises.model import ExerciseKind, Part
from argmap.model import ArgumentMap

__all__ = ["KINDS", "DIFFICULTIES", "Kind", "Setting", "get_kind", "kind"]

#: Difficulty levels, by number and by name.
DIFFICULTIES: Mapping[str, int] = {"easy": 1, "medium": 2, "hard": 3}


@dataclass(frozen=True)
class Setting:
    """What a generator works from.

    Attributes:
        m: The map, cut to the exercise's scope.
        rng: A random generator seeded for this exercise and kind.
        difficulty: 1 (easy), 2 (medium) or 3 (hard).
        texts: Source texts by source id (for kinds that quote the source).
        whole: The whole map, when ``m`` is cut to some issues: a place to
            find distractors when the scope has too few.
        names: The worksheet's letter for each node and side of the whole
            map (see :func:`argmap.exercises.common.worksheet_names`), so
            that a letter names one thing in every part; None lets a kind
            letter its own diagrams.
        hidden: What every figure of the worksheet hides because one of
            its parts asks it (see :class:`~argmap.exercises.common.Hidden`);
            a generator passes it to each of its diagrams.
    """

    m: ArgumentMap
    rng: random.Random
    difficulty: int
    texts: Mapping[str, str] = field(default_factory=dict)
    whole: ArgumentMap | None = None
    names: Mapping[str, str] | None = None
    hidden: Hidden = NOTHING


Generator = Callable[[Setting], Part]


@dataclass(frozen=True)
class Kind:
    """A kind of exercise.

    Attributes:
        name: Its name on the command line (``label-links``).
        title: Its title on a worksheet.
        summary: One line on what students do.
        quiz: Whether it fits a quiz (Moodle GIFT): every item is one choice.
        build: The generator.
        reads_sources: Whether it works from the source texts (so that
            :func:`~argmap.exercises.generate` looks for them only then).
        hides: What its items ask, which no figure of a worksheet holding
            it may show (its own figure hides it at every difficulty).
    """

    name: ExerciseKind
    title: str
    summary: str
    quiz: bool
    build: Generator
    reads_sources: bool = False
    hides: Hidden = NOTHING


KINDS: dict[str, Kind] = {}


def kind(
    name: ExerciseKind,
    title: str,
    summary: str,
    *,
    quiz: bool,
    reads_sources: bool = False,
    hides: Hidden = NOTHING,
) -> Callable[[Generator], Generator]:
    """Register the decorated function as the generator of the kind ``name``."""

    def register(build: Generator) -> Generator:
        KINDS[name] = Kind(name, title, summary, quiz, build, reads_sources, hides)
        return build

    return register


def get_kind(name: str) -> Kind:
    """The kind called ``name``.

    Raises:
        UnknownElementError: no kind has that name.

    Examples:
        >>> get_kind("sort-by-side").quiz
        True
        >>> get_kind("sort")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.UnknownElementError: no exercise kind with id 'sort' (kinds: fill-gap, ...)
    """
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise UnknownElementError(name, "exercise kind", f"kinds: {known}") from None
