"""Making an exercise from a map: :func:`generate`.

Examples:
    >>> import argmap
    >>> m = argmap.load_corpus("school-phones")
    >>> ex = generate(m, "sort-by-side", seed=3)
    >>> ex.parts[0].kind, ex.items[0].id
    ('sort-by-side', '1')
    >>> generate(m, "sort-by-side", seed=3).to_json() == ex.to_json()
    True
    >>> lonely = argmap.MapBuilder("m", "One claim")
    >>> _ = lonely.claim("c", "A claim.")
    >>> generate(lonely.build(), ["sort-by-side"], skip_unfit=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ExerciseError: no kind of exercise asked for fits this map: sort-by-side left out: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from argmap.errors import ExerciseError, SourceTextError
from argmap.exercises.common import NOTHING, restrict, seeded, submap, worksheet_names
from argmap.exercises.model import Exercise, Part
from argmap.exercises.registry import DIFFICULTIES, Setting, get_kind
from argmap.model import ArgumentMap
from argmap.sources import find_source_texts

__all__ = ["generate", "parse_difficulty"]


def parse_difficulty(value: int | str) -> int:
    """A difficulty as a number 1-3, from a number or a name (easy, medium, hard).

    Raises:
        ExerciseError: anything else.

    Examples:
        >>> parse_difficulty("hard"), parse_difficulty("2"), parse_difficulty(1)
        (3, 2, 1)
    """
    if isinstance(value, str):
        value = DIFFICULTIES.get(value.strip().lower(), value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3:
        raise ExerciseError(f"difficulty must be 1, 2 or 3 (or easy, medium, hard), not {value!r}")
    return value


_FIGURE_REFERENCE = re.compile(r"\b[Dd]iagram (d[0-9]+)\b")


def _refigure(prompt: str, figures: Mapping[str, str]) -> str:
    """A prompt naming its part's diagrams (``diagram d2``) by their worksheet figure (``Figure 5``).

    Examples:
        >>> _refigure("In diagram d2, which text fills the gap?", {"d2": "5"})
        'In Figure 5, which text fills the gap?'
    """

    def named(found: re.Match[str]) -> str:
        number = figures.get(found.group(1))
        return found.group(0) if number is None else f"Figure {number}"

    return _FIGURE_REFERENCE.sub(named, prompt)


def generate(
    m: ArgumentMap,
    kinds: str | Iterable[str],
    *,
    seed: int = 0,
    difficulty: int | str = 1,
    issues: str | Iterable[str] = (),
    texts: Mapping[str, str] | None = None,
    title: str | None = None,
    skip_unfit: bool = False,
) -> Exercise:
    """Make an exercise of one or more kinds from a map.

    Args:
        m: The map.
        kinds: A kind name (see :data:`argmap.exercises.KINDS`) or several;
            each becomes a part of the exercise, in the order given.
        seed: The same seed gives the same exercise, byte for byte.
        difficulty: 1-3 or easy, medium, hard.
        issues: Limit the exercise to what bears on this issue (an id) or these issues.
        texts: Source texts by source id, for kinds that quote the source;
            by default those that ship with the map (see
            :func:`argmap.find_source_texts`).
        title: The exercise's title (default: the map's title, and the
            issue's label when there is one issue).
        skip_unfit: Leave out a kind the map lacks what it needs for (and
            say why in :attr:`Exercise.notes`) instead of raising; at least
            one kind must remain.

    Returns:
        The :class:`~argmap.exercises.model.Exercise`, items numbered from 1
        through all its parts, and its diagrams too: figures ``1``, ``2``...
        through the worksheet, each named once, prompts citing them as
        ``Figure 3``. Every figure hides what any part asks (see
        :class:`~argmap.exercises.common.Hidden`): with ``sort-by-side`` no
        figure shows sides, with ``label-links`` none signs a link; with
        ``match-principles`` the other parts work from the debate without
        its principles, so that none draws, asks or keys an appeal.

    Raises:
        ExerciseError: the map lacks what a kind needs, or an argument is wrong.
        UnknownElementError: an unknown kind or issue.
    """
    names = [kinds] if isinstance(kinds, str) else list(dict.fromkeys(kinds))
    if not names:
        raise ExerciseError("give at least one kind of exercise")
    level = parse_difficulty(difficulty)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ExerciseError(f"seed must be a whole number, not {seed!r}")
    found = [get_kind(name) for name in names]
    if texts is None and any(k.reads_sources for k in found):
        # the texts that ship with the map (a source's ``path``); a teacher
        # passes the others, e.g. an article the map only points into
        try:
            texts = find_source_texts(m)
        except SourceTextError:
            texts = {}
    scope = (issues,) if isinstance(issues, str) else tuple(dict.fromkeys(issues))
    sub = restrict(m, scope)
    # One set of letters for the whole worksheet: a node, side or principle is
    # named alike in every part (and in the key).
    letters_of = worksheet_names(seeded(seed, "names", *scope), sub, m)
    # What any part asks, no figure of the worksheet may show.
    hidden = NOTHING
    for chosen in found:
        hidden |= chosen.hides
    # The principles a part asks to match are left out of every other part
    # (figures, items and keys): an appeal drawn or keyed anywhere gives them away.
    unprincipled = sub
    if hidden.principles:
        unprincipled = submap(sub, [n.id for n in sub.nodes if n.kind != "principle"])
    parts: list[Part] = []
    number = figure = 0
    notes: list[str] = []
    for name, chosen in zip(names, found, strict=True):
        rng = seeded(seed, name, *scope)
        own = sub if chosen.hides.principles else unprincipled
        setting = Setting(own, rng, level, dict(texts or {}), whole=m, names=letters_of, hidden=hidden)
        try:
            part = chosen.build(setting)
        except ExerciseError as err:
            if not skip_unfit:
                raise
            notes.append(f"{name} left out: {err}")
            continue
        # Figures are numbered through the worksheet, as items are.
        figures: dict[str, str] = {}
        for drawing in part.diagrams:
            figures[drawing.id] = str(len(figures) + figure + 1)
        figure += len(figures)
        renumbered = []
        for item in part.items:
            number += 1
            update: dict[str, object] = {"id": str(number), "prompt": _refigure(item.prompt, figures)}
            if item.diagram is not None:
                update["diagram"] = figures[item.diagram]
            renumbered.append(item.model_copy(update=update))
        drawings = tuple(d.model_copy(update={"id": figures[d.id]}) for d in part.diagrams)
        parts.append(part.model_copy(update={"items": tuple(renumbered), "diagrams": drawings}))
    if not parts:
        raise ExerciseError("no kind of exercise asked for fits this map: " + "; ".join(notes))
    if title is None:
        title = m.title
        if len(scope) == 1:
            title = f"{m.title}: {m.node(scope[0]).title}"
    return Exercise(
        title=title,
        map_id=m.id,
        map_title=m.title,
        seed=seed,
        difficulty=level,
        scope=scope,
        parts=tuple(parts),
        notes=tuple(notes),
    )
