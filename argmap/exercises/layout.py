"""What a printed exercise shows, and where: the layout that every worksheet writer follows.

:func:`layout` decides once, for the HTML and the Markdown writers alike,
what goes on the page and in what order: the header (and, on the answer
key, what the exercise was made from), each part's subtotal, which
diagrams open a part and which stand just before the item that first
refers to them, whether a part's shared choices are listed once, and for
each item which choices are listed with it, which are marked right, how
many blank rows a list of links gets, and what the answer key adds. A
writer only turns this into its own markup.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> yes_no = [Choice(id="y", text="yes"), Choice(id="n", text="no")]
    >>> items = [Item(id=str(i), prompt="?", choices=yes_no, key=["y"]) for i in (1, 2)]
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=3, difficulty=2,
    ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=items)])
    >>> sheet = layout(ex, key=True)
    >>> sheet.summary, sheet.made_from
    ('2 items, 2 points in all', 'map m, seed 3, difficulty medium')
    >>> part = sheet.parts[0]
    >>> [c.id for c in part.shared_choices], part.items[0].choices, sorted(part.items[0].right)
    (['y', 'n'], (), ['y'])
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.exercises.model import Choice, Diagram, Exercise, Item, Part, Sentence
from argmap.exercises.registry import DIFFICULTIES

__all__ = ["ItemLayout", "PartLayout", "SheetLayout", "layout", "points"]

_LEVELS = {number: name for name, number in DIFFICULTIES.items()}

#: A list of links gets at least this many blank rows to write in.
MIN_LINK_ROWS = 3


def points(n: int) -> str:
    """``1 point``, ``2 points``.

    Examples:
        >>> points(1), points(3)
        ('1 point', '3 points')
    """
    return f"{n} point" if n == 1 else f"{n} points"


@dataclass(frozen=True)
class ItemLayout:
    """One item as printed.

    Attributes:
        item: The item.
        diagrams: The diagrams drawn just before it (those it is the first to refer to).
        choices: The choices listed with it: none when the part lists them
            once for every item, or when they are the statements listed
            under its diagram.
        right: The choice ids marked right (the answer key only).
        listed_under: The diagram whose statements are the item's choices,
            when they are not listed again.
        blank_rows: For a links item on the worksheet, the rows left to
            write links in: as many as nodes (at least three), enough for any
            answer and no hint of the key's size.
        any_one_right: The answer key says that any one of several keys is right.
    """

    item: Item
    diagrams: tuple[Diagram, ...]
    choices: tuple[Choice, ...]
    right: frozenset[str]
    listed_under: str | None
    blank_rows: int
    any_one_right: bool


@dataclass(frozen=True)
class PartLayout:
    """One part as printed.

    Attributes:
        number: Its number on the sheet, from 1.
        part: The part.
        subtotal: What its items are worth, or None for a part without items.
        diagrams: The diagrams at its head, before the sentences and choices.
        sentences: The numbered sentences of the source passage (locate).
        shared_choices: The choices listed once for every item, or None.
        shared: Whether the items share their choices (so none lists its own).
        items: Its items, in order.
    """

    number: int
    part: Part
    subtotal: str | None
    diagrams: tuple[Diagram, ...]
    sentences: tuple[Sentence, ...]
    shared_choices: tuple[Choice, ...] | None
    shared: bool
    items: tuple[ItemLayout, ...]


@dataclass(frozen=True)
class SheetLayout:
    """A whole worksheet (or answer key) as printed.

    Attributes:
        key: Whether this is the teacher's answer key.
        title: The exercise's title.
        summary: How many items and points, e.g. ``12 items, 14 points in all``.
        made_from: The answer key only: the map, seed, difficulty and issues
            the exercise was made from; None on the worksheet.
        total: The points of the whole exercise.
        parts: The parts, in order.
    """

    key: bool
    title: str
    summary: str
    made_from: str | None
    total: int
    parts: tuple[PartLayout, ...]


def layout(ex: Exercise, *, key: bool = False, diagrams_by_item: bool = True) -> SheetLayout:
    """Lay out an exercise for printing.

    Args:
        ex: The exercise.
        key: Lay out the answer key (right answers marked) instead of the worksheet.
        diagrams_by_item: Put a diagram just before the first item that
            refers to it, so that a part with several keeps each next to its
            question (the first item's diagram, and any no item names, open
            the part); with False every diagram opens its part.

    Returns:
        The :class:`SheetLayout`, the same for the same arguments.

    Examples:
        >>> from argmap.exercises.model import Choice, Diagram, Exercise, Item, Part
        >>> drawings = [Diagram(id=d, caption="", dot="digraph {}") for d in ("d1", "d2")]
        >>> items = [Item(id=str(i), prompt="?", choices=[Choice(id="A", text="a")], key=["A"],
        ...               diagram=f"d{i}") for i in (1, 2)]
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="fill-gap", title="P", instructions="", diagrams=drawings,
        ...                           items=items)])
        >>> part = layout(ex).parts[0]
        >>> [d.id for d in part.diagrams], [[d.id for d in i.diagrams] for i in part.items]
        (['d1'], [[], ['d2']])
        >>> [d.id for d in layout(ex, diagrams_by_item=False).parts[0].diagrams]
        ['d1', 'd2']
    """
    count = len(ex.items)
    made_from = None
    if key:
        scope = f"; issues: {', '.join(ex.scope)}" if ex.scope else ""
        level = _LEVELS.get(ex.difficulty, str(ex.difficulty))
        made_from = f"map {ex.map_id}, seed {ex.seed}, difficulty {level}{scope}"
    return SheetLayout(
        key=key,
        title=ex.title,
        summary=f"{count} item{'' if count == 1 else 's'}, {points(ex.total_points)} in all",
        made_from=made_from,
        total=ex.total_points,
        parts=tuple(
            _part(part, number, key=key, by_item=diagrams_by_item)
            for number, part in enumerate(ex.parts, start=1)
        ),
    )


def _part(part: Part, number: int, *, key: bool, by_item: bool) -> PartLayout:
    first_use: dict[str, str] = {}
    for item in part.items:
        if item.diagram is not None:
            first_use.setdefault(item.diagram, item.id)
    leading = part.items[0].diagram if part.items else None
    opening: list[Diagram] = []
    later: dict[str, list[Diagram]] = {}
    for drawing in part.diagrams:
        if by_item and drawing.id in first_use and drawing.id != leading:
            later.setdefault(first_use[drawing.id], []).append(drawing)
        else:
            opening.append(drawing)
    shared = part.shared_choices
    total = sum(item.points for item in part.items)
    return PartLayout(
        number=number,
        part=part,
        subtotal=points(total) if part.items else None,
        diagrams=tuple(opening),
        sentences=part.sentences,
        # The numbered sentences are the choices already: no second list.
        shared_choices=shared if shared is not None and not part.choices_are_sentences else None,
        shared=shared is not None,
        items=tuple(
            _item(item, part, tuple(later.get(item.id, ())), key=key, shared=shared is not None)
            for item in part.items
        ),
    )


def _item(item: Item, part: Part, diagrams: tuple[Diagram, ...], *, key: bool, shared: bool) -> ItemLayout:
    links = item.answer_type == "links"
    listed = links and part.lists_choices(item)
    choices = () if (listed if links else shared) else item.choices
    return ItemLayout(
        item=item,
        diagrams=diagrams,
        choices=choices,
        right=frozenset(item.key) if key else frozenset(),
        listed_under=item.diagram if listed else None,
        blank_rows=max(MIN_LINK_ROWS, len(item.choices)),
        any_one_right=key and item.answer_type == "choice" and len(item.key) > 1,
    )
