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

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, TypeAlias

from argmap.exercises.model import Choice, Diagram, Exercise, Item, Part, Sentence
from argmap.exercises.registry import DIFFICULTIES

__all__ = [
    "LEGIBLE_PT",
    "MIN_PRINTED_PT",
    "PAPERS",
    "ItemLayout",
    "Paper",
    "PaperSize",
    "PartLayout",
    "SheetLayout",
    "figure_scale",
    "layout",
    "paper_for_locale",
    "points",
    "printed_text_pt",
]

Paper: TypeAlias = Literal["a4", "letter"]

#: The smallest text size a printed worksheet has, in points: a diagram is
#: never scaled so far down that its smallest text prints smaller.
MIN_PRINTED_PT = 8.0

#: The smallest printed text size a worksheet accepts from a figure without a warning: 8 pt, less
#: a hair for a figure that is a little too wide for the page at 8 pt (7.95 pt reads as 8 pt).
LEGIBLE_PT = MIN_PRINTED_PT - 0.1

#: A diagram's share of the printable height, at most, when its text stays
#: at least :data:`MIN_PRINTED_PT` that small (else it may take the whole page).
FIGURE_SHARE = 0.38

_PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class PaperSize:
    """A sheet of paper, portrait, and the page margins a worksheet prints with.

    Attributes:
        css: The CSS ``@page`` size keyword.
        width_mm: The sheet's width.
        height_mm: The sheet's height.
        margins_mm: The top, right, bottom and left margins.
    """

    css: str
    width_mm: float
    height_mm: float
    margins_mm: tuple[float, float, float, float] = (12.0, 12.0, 14.0, 12.0)

    @property
    def content_pt(self) -> tuple[float, float]:
        """The printable width and height inside the margins, in points.

        Examples:
            >>> [round(x) for x in PAPERS["a4"].content_pt]
            [527, 768]
        """
        top, right, bottom, left = self.margins_mm
        return (
            (self.width_mm - left - right) * _PT_PER_MM,
            (self.height_mm - top - bottom) * _PT_PER_MM,
        )


#: The papers a worksheet prints on, by name.
PAPERS: Mapping[Paper, PaperSize] = {
    "a4": PaperSize(css="A4", width_mm=210.0, height_mm=297.0),
    "letter": PaperSize(css="letter", width_mm=215.9, height_mm=279.4),
}

# The territories whose printers take US Letter (as the C library's locale data says).
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PR", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "SV", "VE", "DO", "BZ"}
)


def paper_for_locale(environ: Mapping[str, str]) -> Paper:
    """The paper a user's locale prints on: Letter in the Americas' Letter countries, else A4.

    Reads the first of ``LC_ALL``, ``LC_PAPER`` and ``LANG`` that is set, as
    the C library does, and takes its territory (``en_US.UTF-8`` -> ``US``).

    Examples:
        >>> paper_for_locale({"LANG": "en_US.UTF-8"}), paper_for_locale({"LANG": "fr_CA"})
        ('letter', 'letter')
        >>> paper_for_locale({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"})
        'a4'
        >>> paper_for_locale({}), paper_for_locale({"LANG": "C.UTF-8"})
        ('a4', 'a4')
    """
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(name, "")
        if value:
            language = value.split(".", 1)[0].split("@", 1)[0]
            territory = language.partition("_")[2].upper()
            return "letter" if territory in _LETTER_TERRITORIES else "a4"
    return "a4"


def figure_scale(width_pt: float, height_pt: float, smallest_text_pt: float, paper: Paper) -> float:
    """How much a diagram is scaled to print: fit the page's width and a share of its height.

    A diagram is never enlarged. It is shrunk to the printable width and to
    :data:`FIGURE_SHARE` of the printable height, but not so far that its
    smallest text prints under :data:`MIN_PRINTED_PT`: then it keeps that
    size and takes more of the page, up to the whole page. Only a diagram
    wider (or taller) than the page at that size prints smaller; the kinds
    split such diagrams before they reach the page.

    Args:
        width_pt: The diagram's natural width, in points.
        height_pt: Its natural height.
        smallest_text_pt: The size of its smallest text at natural size.
        paper: The paper it prints on.

    Examples:
        >>> figure_scale(200, 100, 9, "a4")
        1.0
        >>> round(figure_scale(500, 700, 20, "a4"), 3)  # 38% of the height
        0.417
        >>> round(figure_scale(500, 700, 9, "a4") * 9, 1)  # but the text stays 8 pt
        8.0
        >>> round(figure_scale(1054, 200, 9, "a4"), 2)  # too wide: fit, smaller text
        0.5
    """
    width, height = PAPERS[paper].content_pt
    fits_page = min(1.0, width / width_pt, height / height_pt)
    wanted = min(fits_page, FIGURE_SHARE * height / height_pt)
    legible = MIN_PRINTED_PT / smallest_text_pt if smallest_text_pt > 0 else 0.0
    return min(fits_page, max(wanted, legible))


_SVG_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)(?:pt)?"', re.DOTALL)
_SVG_HEIGHT = re.compile(r'<svg\b[^>]*?\sheight="([0-9.]+)(?:pt)?"', re.DOTALL)
_SVG_FONT = re.compile(r'font-size(?:="|:\s*)([0-9.]+)')


def printed_text_pt(svg: str, paper: Paper) -> float | None:
    """The size, in points, that a laid-out diagram's smallest text prints at on a worksheet.

    The diagram is sized as a worksheet sizes it (see :func:`figure_scale`).

    Args:
        svg: The diagram as SVG text, its ``width`` and ``height`` in points.
        paper: The paper it prints on.

    Returns:
        The printed size of its smallest text; None when the SVG gives no
        size or has no text.

    Examples:
        >>> printed_text_pt('<svg width="200pt" height="100pt"><text font-size="9">A</text></svg>', "a4")
        9.0
        >>> round(printed_text_pt('<svg width="2636pt" height="50pt"><text font-size="9"/></svg>', "a4"), 1)
        1.8
        >>> printed_text_pt("<svg><text font-size='9'/></svg>", "a4") is None
        True
    """
    width, height = _SVG_WIDTH.search(svg), _SVG_HEIGHT.search(svg)
    fonts = [float(size) for size in _SVG_FONT.findall(svg)]
    if width is None or height is None or not fonts:
        return None
    smallest = min(fonts)
    return smallest * figure_scale(float(width.group(1)), float(height.group(1)), smallest, paper)


_LEVELS = {number: name for name, number in DIFFICULTIES.items()}

# A part's choices are pooled only when the pool is at most this share of the per-item lists.
_POOLED_SHARE = 2 / 3

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
        offered: In a part that pools its items' choices, the ids of the
            choices this item offers (named, not listed again); else empty.
    """

    item: Item
    diagrams: tuple[Diagram, ...]
    choices: tuple[Choice, ...]
    right: frozenset[str]
    listed_under: str | None
    blank_rows: int
    any_one_right: bool
    offered: tuple[str, ...] = ()


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
        pooled_choices: When the items offer different but overlapping sets of
            lettered choices (fill-gap), every choice of the part, listed once;
            each item then names the letters it offers. Else None.
        pooled_under: When every pooled choice is a statement listed under an
            earlier figure, that figure's id: the pool is not listed again.
    """

    number: int
    part: Part
    subtotal: str | None
    diagrams: tuple[Diagram, ...]
    sentences: tuple[Sentence, ...]
    shared_choices: tuple[Choice, ...] | None
    shared: bool
    items: tuple[ItemLayout, ...]
    pooled_choices: tuple[Choice, ...] | None = None
    pooled_under: str | None = None


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
        same_statements: For a diagram whose statements are all in a list
            printed before it (parts that draw one debate), the id of the
            diagram with that list: its own is not printed.
        same_reading: The diagrams whose note on reading the lines repeats
            one printed before them, which is not printed again.
        same_drawing: For a diagram drawn exactly like one printed before it
            (parts that draw one debate alike), the id of that figure: the
            drawing is not printed again, only a line pointing to it.
    """

    key: bool
    title: str
    summary: str
    made_from: str | None
    total: int
    parts: tuple[PartLayout, ...]
    same_statements: Mapping[str, str]
    same_reading: frozenset[str]
    same_drawing: Mapping[str, str] = field(default_factory=dict)

    def diagrams(self) -> list[Diagram]:
        """The diagrams in the order they are printed.

        Examples:
            >>> from argmap.exercises.model import Exercise
            >>> layout(Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1)).diagrams()
            []
        """
        return [
            drawing
            for part in self.parts
            for drawing in (*part.diagrams, *(d for item in part.items for d in item.diagrams))
        ]


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
    parts = tuple(
        _part(part, number, key=key, by_item=diagrams_by_item)
        for number, part in enumerate(ex.parts, start=1)
    )
    printed: list[tuple[str, frozenset[Choice]]] = []
    same_statements: dict[str, str] = {}
    readings: set[str] = set()
    same_reading: set[str] = set()
    pooled_under: dict[int, str] = {}
    same_drawing, tagged = _same_drawings(parts)
    parts = tuple(_retagged(part, tagged) for part in parts)
    for part in parts:
        opening = len(part.diagrams)
        drawings = (*part.diagrams, *(d for item in part.items for d in item.diagrams))
        for index, drawing in enumerate(drawings):
            if index == opening and part.pooled_choices is not None:
                # The pool comes after the part's opening figures: an earlier list may hold it.
                pooled = frozenset(part.pooled_choices)
                found = next((shown for shown, listed in printed if pooled <= listed), None)
                if found is not None:
                    pooled_under[part.number] = found
            if drawing.statements:
                wanted = frozenset(drawing.statements)
                earlier = next((shown for shown, listed in printed if wanted <= listed), None)
                if earlier is None:
                    printed.append((drawing.id, wanted))
                else:
                    same_statements[drawing.id] = earlier
            if drawing.reading:
                if drawing.reading in readings:
                    same_reading.add(drawing.id)
                readings.add(drawing.reading)
        if len(drawings) == opening and part.pooled_choices is not None:
            found = next(
                (shown for shown, listed in printed if frozenset(part.pooled_choices) <= listed), None
            )
            if found is not None:
                pooled_under[part.number] = found
    return SheetLayout(
        key=key,
        title=ex.title,
        summary=f"{count} item{'' if count == 1 else 's'}, {points(ex.total_points)} in all",
        made_from=made_from,
        total=ex.total_points,
        parts=tuple(
            replace(_listed_first(part, same_statements), pooled_under=pooled_under.get(part.number))
            for part in parts
        ),
        same_statements=same_statements,
        same_reading=frozenset(same_reading),
        same_drawing=same_drawing,
    )


# A link's tag in a diagram's DOT (``<B>L3</B>`` in its mark), and a mark left empty without it.
_LINK_TAG = re.compile(r"<B>L\d+</B> ?")
_EMPTY_MARK = re.compile(r" x?label=<>")


def _untagged(dot: str) -> str:
    """A diagram's DOT without its links' tags: two figures of one debate compare equal."""
    return "".join(
        _EMPTY_MARK.sub("", _LINK_TAG.sub("", line)) if " -> " in line else line
        for line in dot.splitlines(keepends=True)
    )


def _junctions_renamed(dot: str) -> str:
    """A diagram's DOT with its junction points named by order of appearance.

    A junction (where linked premises meet) is named after its link, and one
    part names a link by its tag where another names it otherwise: the same
    drawing, under two names.
    """
    names: dict[str, str] = {}
    return _JUNCTION.sub(lambda found: names.setdefault(found.group(0), f'"#{len(names) + 1}"'), dot)


_JUNCTION = re.compile(r'"[^"]*#junction"')


def _same_drawings(parts: tuple[PartLayout, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Which diagrams repeat one printed before them, and which earlier ones print a later one's tags.

    Parts that draw one debate alike (every figure of a worksheet hides what
    any part asks) draw the same figure, some with the links tagged: the
    first prints once, with the tags if any of them has them, and the others
    point to it. Returns the repeats (diagram id to the figure printed) and
    the figures printed with a later one's DOT (figure id to that DOT).
    """
    first: dict[str, Diagram] = {}
    tagged: dict[str, str] = {}
    same: dict[str, str] = {}
    for part in parts:
        for drawing in (*part.diagrams, *(d for item in part.items for d in item.diagrams)):
            plain = _untagged(drawing.dot)
            key = _junctions_renamed(plain)
            earlier = first.get(key)
            if earlier is None:
                first[key] = drawing
                continue
            printed = tagged.get(earlier.id, earlier.dot)
            if plain == drawing.dot or _junctions_renamed(drawing.dot) == _junctions_renamed(printed):
                same[drawing.id] = earlier.id
            elif _untagged(printed) == printed:  # the earlier figure, untagged, takes this one's tags
                tagged[earlier.id] = drawing.dot
                same[drawing.id] = earlier.id
    return same, tagged


def _retagged(part: PartLayout, tagged: Mapping[str, str]) -> PartLayout:
    """``part`` with each diagram of ``tagged`` drawn with the DOT given for it."""
    if not tagged:
        return part

    def drawn(drawings: tuple[Diagram, ...]) -> tuple[Diagram, ...]:
        return tuple(d.model_copy(update={"dot": tagged[d.id]}) if d.id in tagged else d for d in drawings)

    items = tuple(replace(item, diagrams=drawn(item.diagrams)) for item in part.items)
    return replace(part, diagrams=drawn(part.diagrams), items=items)


def _listed_first(part: PartLayout, same_statements: Mapping[str, str]) -> PartLayout:
    """``part`` with each item's "listed under" pointing at the diagram that prints the list."""
    items = tuple(
        replace(item, listed_under=same_statements.get(item.listed_under, item.listed_under))
        if item.listed_under is not None
        else item
        for item in part.items
    )
    return replace(part, items=items)


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
    pool = _pool(part) if shared is None else None
    total = sum(item.points for item in part.items)
    items = tuple(
        _item(item, part, tuple(later.get(item.id, ())), key=key, shared=shared is not None)
        for item in part.items
    )
    if pool is not None:
        items = tuple(
            replace(placed, choices=(), offered=tuple(c.id for c in placed.item.choices)) for placed in items
        )
    return PartLayout(
        number=number,
        part=part,
        subtotal=points(total) if part.items else None,
        diagrams=tuple(opening),
        sentences=part.sentences,
        # The numbered sentences are the choices already: no second list.
        shared_choices=shared if shared is not None and not part.choices_are_sentences else None,
        shared=shared is not None,
        items=items,
        pooled_choices=pool,
    )


def _pool(part: Part) -> tuple[Choice, ...] | None:
    """Every lettered choice of a part's items, once, when listing them per item would repeat them.

    Only for items of one or several choices, each choice a letter standing
    for a text (the same text under the same letter in every item), and when
    the items repeat each other's choices so much that the pool is at most
    :data:`_POOLED_SHARE` as long as the lists it replaces (a pool barely
    shorter would only send each student looking further).
    """
    items = part.items
    if len(items) < 2 or any(item.answer_type == "links" or not item.choices for item in items):
        return None
    texts: dict[str, str] = {}
    for item in items:
        for choice in item.choices:
            if choice.text == choice.id or texts.setdefault(choice.id, choice.text) != choice.text:
                return None
    if len(texts) > _POOLED_SHARE * sum(len(item.choices) for item in items):
        return None
    ordered = sorted(texts, key=lambda tag: (len(tag), tag))
    return tuple(Choice(id=tag, text=texts[tag]) for tag in ordered)


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
