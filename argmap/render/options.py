"""What to draw and how: :class:`RenderOptions`.

Examples:
    >>> options = RenderOptions(issues="burden-sharing", wrap=30)
    >>> options.issues, options.wrap, options.rankdir
    (('burden-sharing',), 30, 'LR')
    >>> RenderOptions(label_mode="all")
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: label_mode must be one of: label, text, both (got 'all')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias, get_args

from argmap.render.errors import RenderError
from argmap.render.themes import EvaluationStatus, Theme, get_theme

__all__ = ["LabelMode", "Rankdir", "RenderOptions"]

LabelMode: TypeAlias = Literal["label", "text", "both"]
Rankdir: TypeAlias = Literal["LR", "RL", "TB", "BT"]


def _ids(value: str | Iterable[str]) -> tuple[str, ...]:
    """One id or several, as a tuple of distinct ids in the order given."""
    items = (value,) if isinstance(value, str) else tuple(value)
    return tuple(dict.fromkeys(items))


def _one_of(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise RenderError(f"{name} must be one of: {', '.join(choices)} (got {value!r})")


@dataclass(frozen=True)
class RenderOptions:
    """Options of :func:`argmap.render.to_dot` and :func:`argmap.render.render`.

    Collections of ids may be given as any collection (or one id as a string);
    they are stored as tuples (``highlight`` as a frozenset).

    Filters (``issues``, ``sides``, ``tags``, ``focus``) each narrow the set of
    nodes drawn; several filters combine as "and", several values of one filter
    as "or". A link is drawn when all its ends are drawn.

    Attributes:
        theme: A theme name (``"default"``, ``"print"``) or a :class:`Theme`.
        label_mode: ``"label"`` draws a node's short label (its text when it
            has none), ``"text"`` its full text, ``"both"`` the label in bold
            above the text.
        wrap: Wrap node text at this many characters (lines break only at spaces).
        rankdir: Direction of the layout; with ``"LR"`` reasons stand left of
            what they bear on.
        cluster_issues: Draw each issue in a box (``cluster_<issue>``) with the
            nodes whose links use it most (see ``Drawing.clusters``); a
            principle is drawn again in each other box its links lead into.
        legend: Draw a compact legend, under the title, of the sides, link
            kinds and overlays in use.
        title: Draw the map's title above the diagram.
        issues: Keep the nodes that bear on one of these issues.
        sides: Keep the nodes held by one of these sides and what they bear
            on: the nodes their links lead to, step by step up to the issues
            (and the ends of a link they undercut), with the issues the sides
            state a stance on.
        tags: Keep the nodes carrying one of these tags.
        focus: Keep only this node and the nodes within ``depth`` links of it
            (a link joins all its premises and its target; an undercut joins
            its premises to the ends of the link it undercuts).
        depth: Number of links crossed from ``focus``.
        hide_unconnected: Leave out nodes that no drawn link touches.
        highlight: Ids of nodes and links to highlight (e.g. checker findings).
        evaluation: Node id to ``"accepted"``, ``"rejected"`` or ``"undecided"``,
            drawn with the theme's evaluation decorations (accepted: bold
            outline; rejected: greyed and struck through; undecided: dotted outline).
        dpi: Resolution of bitmap output (PNG); None leaves Graphviz's default (96).
        neutral_links: Draw supports, attacks and undercuts alike (one grey
            arrow, no mark), for exercises that ask which is which.
        hide_sides: Leave out who holds each node: no side in the headers, no
            side fills, no side swatches in the legend.
        node_tags: Node id to a short tag (``"A"``) drawn at the head of its
            header, so that a worksheet can name the node.
        link_tags: Link id to a short tag (``"L3"``) drawn on the link, before
            its mark (alone when ``neutral_links``).
        blanks: Ids of nodes drawn with their text hidden (a gap to fill);
            their kind stays visible.
        grid: Lay the drawn nodes out in a near-square grid, in map order, one
            rank after the other (rows when ``rankdir`` is ``"TB"`` or
            ``"BT"``, columns otherwise), held in place by invisible edges: for
            a diagram with few or no links, which dot would otherwise set in
            one long rank (the statements of a reconstruct exercise).
    """

    theme: str | Theme = "default"
    label_mode: LabelMode = "label"
    wrap: int = 24
    rankdir: Rankdir = "LR"
    cluster_issues: bool = False
    legend: bool = False
    title: bool = True
    issues: Collection[str] = ()
    sides: Collection[str] = ()
    tags: Collection[str] = ()
    focus: str | None = None
    depth: int = 1
    hide_unconnected: bool = False
    highlight: Collection[str] = frozenset()
    evaluation: Mapping[str, EvaluationStatus] = field(default_factory=dict, hash=False)
    dpi: float | None = None
    neutral_links: bool = False
    hide_sides: bool = False
    node_tags: Mapping[str, str] = field(default_factory=dict, hash=False)
    link_tags: Mapping[str, str] = field(default_factory=dict, hash=False)
    blanks: Collection[str] = frozenset()
    grid: bool = False

    def __post_init__(self) -> None:
        """Normalise collections and reject values that cannot be drawn."""
        get_theme(self.theme)
        _one_of("label_mode", self.label_mode, get_args(LabelMode))
        _one_of("rankdir", self.rankdir, get_args(Rankdir))
        if isinstance(self.wrap, bool) or not isinstance(self.wrap, int) or self.wrap < 1:
            raise RenderError(f"wrap must be a whole number of characters, at least 1 (got {self.wrap!r})")
        if isinstance(self.depth, bool) or not isinstance(self.depth, int) or self.depth < 0:
            raise RenderError(f"depth must be a whole number, at least 0 (got {self.depth!r})")
        if self.dpi is not None and not self.dpi > 0:
            raise RenderError(f"dpi must be positive (got {self.dpi!r})")
        for name in ("issues", "sides", "tags"):
            object.__setattr__(self, name, _ids(getattr(self, name)))
        highlight = (self.highlight,) if isinstance(self.highlight, str) else self.highlight
        object.__setattr__(self, "highlight", frozenset(highlight))
        evaluation = dict(self.evaluation)
        for node_id, status in evaluation.items():
            _one_of(f"evaluation of {node_id!r}", status, get_args(EvaluationStatus))
        object.__setattr__(self, "evaluation", MappingProxyType(evaluation))
        for name in ("node_tags", "link_tags"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        blanks = (self.blanks,) if isinstance(self.blanks, str) else self.blanks
        object.__setattr__(self, "blanks", frozenset(blanks))

    @property
    def resolved_theme(self) -> Theme:
        """The :class:`Theme` object the options name."""
        return get_theme(self.theme)
