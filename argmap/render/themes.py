"""Themes: the palette and style table a diagram is drawn with, as plain data.

A :class:`Theme` says how each node kind and link kind looks, which fills the
sides get (in map order), how overlays (highlights, findings, evaluation
labels) decorate an element, and how an element the map's authors inferred
(rather than read in the source) is told apart. :mod:`argmap.render.dot` reads these tables and
never tests a theme's name, so a new theme is a new value, not new code.

Two themes ship: ``default`` uses the Okabe–Ito colour-blind-safe palette
for links (support blue ``#0072B2``, attack vermillion ``#D55E00``) and twelve
light side fills measured to stay apart (:mod:`argmap.render.colours`), and
``print`` is black on white: it names each side by a badge of initials in its
nodes' headers and in the legend, since a dozen sides cannot be told apart by
shades of grey. Neither relies on colour alone: support and attack also
differ in line style, arrowhead and mark, and an inferred node has a dashed
outline, an inferred link a small circle at its source end, each with the
words "(inferred)".

Examples:
    >>> get_theme("default").links["attacks"].arrowhead
    'tee'
    >>> get_theme("print").links["supports"].color
    '#000000'
    >>> sorted(THEMES)
    ['default', 'print']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal, TypeAlias

from argmap.model import LinkKind, NodeKind
from argmap.model.fields import UNDERCUTS
from argmap.render.errors import RenderError

__all__ = [
    "DEFAULT",
    "PRINT",
    "THEMES",
    "Decoration",
    "EvaluationStatus",
    "LinkStyle",
    "NodeStyle",
    "Theme",
    "get_theme",
]

EvaluationStatus: TypeAlias = Literal["accepted", "rejected", "undecided"]


@dataclass(frozen=True)
class NodeStyle:
    """How one node kind is drawn.

    Attributes:
        header: The word in the node's header row ("CLAIM").
        shape: A Graphviz node shape.
        style: Graphviz node styles, ``filled`` included when the node has a fill.
        peripheries: Number of outlines (2 draws a double border).
        bold: Set the node's text in bold.
        margin: Graphviz ``margin`` around the label (None: the graph's default).
    """

    header: str
    shape: str
    style: tuple[str, ...] = ("filled",)
    peripheries: int = 1
    bold: bool = False
    margin: str | None = None


@dataclass(frozen=True)
class LinkStyle:
    """How one link kind is drawn.

    Attributes:
        mark: The text drawn on the link ("+", "−", "⊥"...).
        color: Line colour (a Graphviz colour).
        style: Graphviz edge style: ``solid``, ``dashed``, ``dotted`` or ``bold``.
        arrowhead: Arrowhead at the target end.
        arrowtail: Arrowhead at the source end (shown only when ``direction`` is ``both``).
        direction: Graphviz ``dir``: ``forward``, ``both`` or ``none``.
        penwidth: Line width in points.
        double: Draw the line twice, side by side (a "=" look).
        constraint: Whether the link takes part in ranking; symmetric links do not.
    """

    mark: str
    color: str
    style: str = "solid"
    arrowhead: str = "normal"
    arrowtail: str = "none"
    direction: str = "forward"
    penwidth: float = 1.2
    double: bool = False
    constraint: bool = True


@dataclass(frozen=True)
class Decoration:
    """A change of look laid over an element: a highlight, a finding or an evaluation label.

    ``None`` leaves the element's own value.

    Attributes:
        color: Outline colour of a node (links keep their colour).
        penwidth: Outline or line width.
        style: Graphviz styles added to the element's own.
        fontcolor: Text colour of a node.
        fillcolor: Fill of a node.
        strike: Strike the node's text through.
        peripheries: Outlines added around a node's own (1 makes a box's
            single outline double).
    """

    color: str | None = None
    penwidth: float | None = None
    style: tuple[str, ...] = ()
    fontcolor: str | None = None
    fillcolor: str | None = None
    strike: bool = False
    peripheries: int = 0


@dataclass(frozen=True)
class Theme:
    """The palette and style table of a diagram.

    Attributes:
        name: The theme's name.
        fontname: Font for all text.
        fontsize: Size of node text, in points.
        header_fontsize: Size of the header row ("CLAIM · Critics").
        mark_fontsize: Size of link marks.
        title_fontsize: Size of the diagram's title.
        background: Background colour.
        text_color: Colour of node text.
        header_color: Colour of the header row.
        border_color: Outline colour of nodes.
        side_fills: Fills for the sides that are not editorial, given in map
            order (cycled when there are more sides than fills).
        editorial_fill: Fill of nodes held by an editorial side.
        unheld_fill: Fill of nodes held by no side.
        cluster_fill: Fill of issue clusters.
        cluster_color: Outline of issue clusters.
        concession_mark: Words added to the mark of a concession link.
        ranksep: Graphviz ``ranksep`` (inches between ranks).
        nodesep: Graphviz ``nodesep`` (inches between nodes of a rank).
        nodes: Style per node kind.
        links: Style per link kind.
        highlight: Decoration of highlighted elements (``RenderOptions.highlight``).
        finding: Decoration of the nodes that a finding drawn on the diagram
            names (``with_findings``); the links it names are drawn as wide as
            highlighted ones. It must stay apart from every evaluation
            decoration, since both may be drawn at once: it adds an outline
            and a colour, and a wider outline (accepted) stays wide.
        finding_words: How the legend and the findings key describe
            ``finding`` ("double orange outline").
        evaluation: Decoration per evaluation status.
        neutral_link: How supports, attacks and undercuts are drawn when a
            diagram hides their stance (exercises).
        inferred_mark: Words set in italics after the kind of an inferred
            node (in its header) and after the mark of an inferred link.
        inferred_node: Decoration of a node the map's authors inferred.
        inferred_tail: Graphviz arrow shape drawn at the source end of an
            inferred link (after the link's own tail shape, if any).
        head_spacing: Inches of a node's side given to each link that enters
            it, when ``crowded`` links or more do: the node grows (taller in a
            left-right layout, wider in a top-down one) so that their
            arrowheads and marks spread apart instead of piling up.
        crowded: How many entering links make a node grow.
        side_badges: Name each side by a short badge of initials (white on
            the header colour) at the head of its nodes' headers and beside its
            name in the legend, so that sides stay apart where fills cannot
            tell them apart (in print, a dozen sides against a few greys).
    """

    name: str
    fontname: str
    fontsize: float
    header_fontsize: float
    mark_fontsize: float
    title_fontsize: float
    background: str
    text_color: str
    header_color: str
    border_color: str
    side_fills: tuple[str, ...]
    editorial_fill: str
    unheld_fill: str
    cluster_fill: str
    cluster_color: str
    concession_mark: str
    ranksep: float
    nodesep: float
    nodes: Mapping[NodeKind, NodeStyle] = field(hash=False)
    links: Mapping[LinkKind, LinkStyle] = field(hash=False)
    highlight: Decoration
    finding: Decoration
    finding_words: str
    evaluation: Mapping[EvaluationStatus, Decoration] = field(hash=False)
    neutral_link: LinkStyle = LinkStyle("", "#555555")
    inferred_mark: str = "(inferred)"
    inferred_node: Decoration = Decoration(style=("dashed",))
    inferred_tail: str = "odot"
    head_spacing: float = 0.2
    crowded: int = 3
    side_badges: bool = False


_NODES: Mapping[NodeKind, NodeStyle] = MappingProxyType(
    {
        "issue": NodeStyle("ISSUE", "box", ("filled", "bold"), peripheries=2, bold=True),
        "claim": NodeStyle("CLAIM", "box", ("rounded", "filled")),
        "counterclaim": NodeStyle("COUNTERCLAIM", "box", ("rounded", "filled", "diagonals")),
        "principle": NodeStyle("PRINCIPLE", "hexagon", ("filled",), margin="0.02,0"),
        "evidence": NodeStyle("EVIDENCE", "note", ("filled",)),
    }
)

_SUPPORT_BLUE = "#0072B2"
_ATTACK_VERMILLION = "#D55E00"
_SYMMETRIC_PURPLE = "#CC79A7"

DEFAULT = Theme(
    name="default",
    fontname="Helvetica",
    fontsize=12.0,
    header_fontsize=9.5,
    mark_fontsize=13.0,
    title_fontsize=20.0,
    background="#FFFFFF",
    text_color="#1A1A1A",
    header_color="#404040",
    border_color="#404040",
    # Light fills chosen one at a time, each the farthest (CIEDE2000) from
    # white, the editorial grey and the fills before it, among colours that
    # keep the header text readable (contrast 4.5 or more): the first few are
    # far apart, and all twelve stay at least 10 apart (tests/render/test_palette.py).
    side_fills=(
        "#D0EAF9",
        "#E8ACDC",
        "#7CD0B2",
        "#FAAC9A",
        "#EEFAB8",
        "#B2B8EE",
        "#E8BE88",
        "#58D0E2",
        "#FAD6DC",
        "#D6FAE8",
        "#82C4FA",
        "#BEBE94",
    ),
    editorial_fill="#D6D3CC",
    unheld_fill="#FFFFFF",
    cluster_fill="#F7F7F7",
    cluster_color="#BBBBBB",
    concession_mark="concedes",
    ranksep=0.55,
    nodesep=0.22,
    nodes=_NODES,
    links=MappingProxyType(
        {
            "supports": LinkStyle("+", _SUPPORT_BLUE),
            "attacks": LinkStyle("−", _ATTACK_VERMILLION, style="dashed", arrowhead="tee"),
            UNDERCUTS: LinkStyle("− undercut", _ATTACK_VERMILLION, style="dotted", arrowhead="tee"),
            "contradicts": LinkStyle(
                "⊥",
                _SYMMETRIC_PURPLE,
                style="bold",
                arrowhead="tee",
                arrowtail="tee",
                direction="both",
                constraint=False,
            ),
            "equivalent": LinkStyle(
                "≡", _SYMMETRIC_PURPLE, arrowhead="none", direction="none", double=True, constraint=False
            ),
        }
    ),
    highlight=Decoration(color="#000000", penwidth=4.0),
    # Okabe–Ito orange, used by no link: a second outline in it tells a node that
    # a finding names from an accepted one (a bold outline), with or without colour.
    finding=Decoration(color="#E69F00", penwidth=2.0, peripheries=1),
    finding_words="double orange outline",
    evaluation=MappingProxyType(
        {
            "accepted": Decoration(penwidth=3.0, style=("bold",)),
            "rejected": Decoration(fontcolor="#767676", fillcolor="#F2F2F2", color="#9A9A9A", strike=True),
            "undecided": Decoration(penwidth=1.6, style=("dotted",)),
        }
    ),
)

PRINT = replace(
    DEFAULT,
    name="print",
    # A dozen sides cannot be told apart by grey: each side is named by its
    # badge; fills stay white but for the editorial voice, a light grey.
    side_fills=("#FFFFFF",),
    editorial_fill="#CCCCCC",
    side_badges=True,
    header_color="#000000",
    text_color="#000000",
    border_color="#000000",
    cluster_fill="#FFFFFF",
    cluster_color="#000000",
    links=MappingProxyType({kind: replace(style, color="#000000") for kind, style in DEFAULT.links.items()}),
    finding=replace(DEFAULT.finding, color="#000000"),
    finding_words="double outline",
    evaluation=MappingProxyType(
        {**DEFAULT.evaluation, "rejected": replace(DEFAULT.evaluation["rejected"], fillcolor="#FFFFFF")}
    ),
)

THEMES: Mapping[str, Theme] = MappingProxyType({theme.name: theme for theme in (DEFAULT, PRINT)})


def get_theme(theme: str | Theme) -> Theme:
    """Return the theme called ``theme`` (or ``theme`` itself when it is a :class:`Theme`).

    Raises:
        RenderError: no theme has that name.

    Examples:
        >>> get_theme("print").name
        'print'
        >>> get_theme("neon")
        Traceback (most recent call last):
        ...
        argmap.errors.RenderError: unknown theme 'neon'; expected one of: default, print
    """
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        raise RenderError(f"unknown theme {theme!r}; expected one of: {', '.join(sorted(THEMES))}") from None
