"""What to draw and how: :class:`RenderOptions`.

The options are named as the flags of ``argmap render`` are: ``--labels``
is ``labels``, ``--cluster`` is ``cluster``, ``--with-findings`` is
``with_findings``, ``--no-title`` is ``title=False``; a flag that may be
repeated (``--issue``, ``--side``, ``--tag``) fills a plural field
(``issues``, ``sides``, ``tags``), which also takes one id as a string.

Examples:
    >>> options = RenderOptions(issues="burden-sharing", wrap=30, cluster=True)
    >>> options.issues, options.wrap, options.rankdir, options.cluster
    (('burden-sharing',), 30, 'LR', True)
    >>> RenderOptions(labels="all")
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: labels must be one of: label, text, both (got 'all')
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, get_args

from argmap.render.engines import ENGINES, Engine
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


# Names of earlier versions, still accepted (with a DeprecationWarning): old name -> name now.
RENAMED: Mapping[str, str] = MappingProxyType({"label_mode": "labels", "cluster_issues": "cluster"})


@dataclass(frozen=True, kw_only=True)
class RenderOptions:
    """Options of :func:`argmap.render.to_dot` and :func:`argmap.render.render`.

    Each option is the flag of ``argmap render`` of the same name (see the
    module's documentation); all are keyword arguments. Collections of ids
    may be given as any collection (or one id as a string); they are stored
    as tuples (``highlight`` as a frozenset). The names ``label_mode`` and
    ``cluster_issues`` of earlier versions are still accepted, with a
    :class:`DeprecationWarning`.

    Filters (``issues``, ``sides``, ``tags``, ``focus``) each narrow the set of
    nodes drawn; several filters combine as "and", several values of one filter
    as "or". A link is drawn when all its ends are drawn.

    Attributes:
        theme: A theme name (``"default"``, ``"print"``) or a :class:`Theme`.
        labels: ``"label"`` draws a node's short label (its text when it
            has none), ``"text"`` its full text, ``"both"`` the label in bold
            above the text.
        wrap: Wrap node text at this many characters (lines break only at spaces).
        rankdir: Direction of the layout; with ``"LR"`` reasons stand left of
            what they bear on.
        cluster: Draw each issue in a box (``cluster_<issue>``) with the
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
        hide_unconnected: Leave out nodes that no drawn link touches (True),
            or draw them all (False). None, the default, draws the map as
            its source would: the statements and arguments of an Argdown
            document that no relation touches are left out, as the Argdown
            tool leaves them out of its map (see
            :func:`argmap.render.select.argdown_leaves_out`); any other
            node is drawn.
        highlight: Ids of nodes and links to highlight.
        with_findings: Name the checker's error and warning findings on the
            diagram: their nodes drawn with the theme's ``finding`` outline
            (a second outline, apart from every evaluation's), their links
            thick, all marked with the finding's number and rule code
            (``⚠ 1 AM302``), and a key under the title saying what each is.
        findings: The rules whose findings ``with_findings`` names: codes,
            prefixes (``"AM2"``) or names, one or several, as
            :func:`argmap.check`'s ``select`` takes them; every rule when
            empty. Giving rules turns ``with_findings`` on.
        evaluation: Node id to ``"accepted"``, ``"rejected"`` or ``"undecided"``,
            drawn with the theme's evaluation decorations (accepted: bold
            outline; rejected: greyed and struck through; undecided: dotted outline).
        dpi: Resolution of bitmap output (PNG); None leaves Graphviz's default (96).
        engine: The layout engine of :func:`argmap.render.render`: ``"dot"``
            (Graphviz's program on ``PATH``) or ``"bundled"`` (pygraphviz);
            None picks one. DOT text needs none.
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
    labels: LabelMode = "label"
    wrap: int = 24
    rankdir: Rankdir = "LR"
    cluster: bool = False
    legend: bool = False
    title: bool = True
    issues: Collection[str] = ()
    sides: Collection[str] = ()
    tags: Collection[str] = ()
    focus: str | None = None
    depth: int = 1
    hide_unconnected: bool | None = None
    highlight: Collection[str] = frozenset()
    with_findings: bool = False
    findings: Collection[str] = ()
    evaluation: Mapping[str, EvaluationStatus] = field(default_factory=dict, hash=False)
    dpi: float | None = None
    engine: Engine | None = None
    neutral_links: bool = False
    hide_sides: bool = False
    node_tags: Mapping[str, str] = field(default_factory=dict, hash=False)
    link_tags: Mapping[str, str] = field(default_factory=dict, hash=False)
    blanks: Collection[str] = frozenset()
    grid: bool = False

    def __post_init__(self) -> None:
        """Normalise collections and reject values that cannot be drawn."""
        get_theme(self.theme)
        _one_of("labels", self.labels, get_args(LabelMode))
        _one_of("rankdir", self.rankdir, get_args(Rankdir))
        if isinstance(self.wrap, bool) or not isinstance(self.wrap, int) or self.wrap < 1:
            raise RenderError(f"wrap must be a whole number of characters, at least 1 (got {self.wrap!r})")
        if isinstance(self.depth, bool) or not isinstance(self.depth, int) or self.depth < 0:
            raise RenderError(f"depth must be a whole number, at least 0 (got {self.depth!r})")
        if self.dpi is not None and not self.dpi > 0:
            raise RenderError(f"dpi must be positive (got {self.dpi!r})")
        if self.engine is not None:
            _one_of("engine", self.engine, ENGINES)
        for name in ("issues", "sides", "tags", "findings"):
            object.__setattr__(self, name, _ids(getattr(self, name)))
        if self.findings:
            object.__setattr__(self, "with_findings", True)
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

    @property
    def label_mode(self) -> LabelMode:
        """Deprecated name of :attr:`labels`."""
        _warn_renamed("label_mode", stacklevel=3)
        return self.labels

    @property
    def cluster_issues(self) -> bool:
        """Deprecated name of :attr:`cluster`."""
        _warn_renamed("cluster_issues", stacklevel=3)
        return self.cluster


def _warn_renamed(old: str, stacklevel: int) -> None:
    warnings.warn(
        f"RenderOptions: {old!r} is now called {RENAMED[old]!r} (as the command line's flag);"
        f" the name {old!r} will go",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def _accept_renamed(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap the generated ``__init__`` so that the names of earlier versions still work."""

    @functools.wraps(init)
    def __init__(self: RenderOptions, **options: Any) -> None:
        for old, new in RENAMED.items():
            if old in options:
                if new in options:
                    raise RenderError(f"give {new!r} or its old name {old!r}, not both")
                _warn_renamed(old, stacklevel=3)
                options[new] = options.pop(old)
        init(self, **options)

    return __init__


RenderOptions.__init__ = _accept_renamed(RenderOptions.__init__)  # type: ignore[method-assign]
