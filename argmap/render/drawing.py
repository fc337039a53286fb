"""What one diagram is drawn from: the map, the options, the theme and the selection.

A :class:`Drawing` is computed once per call of :func:`argmap.render.to_dot`
and read by the label, legend and assembly modules: the fill of each side,
which links are drawn through a junction, which issue cluster holds each node,
and the style each link kind is drawn with. :func:`line_attrs` and
:func:`ends` turn a :class:`LinkStyle` into edge attributes, the same way for
a link of the map and for its sample in the legend.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.render.select import select
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A."); _ = b.claim("b", "B."); _ = b.claim("c", "C.")
    >>> _ = b.supports(["a", "b"], "c")
    >>> m, options = b.build(), RenderOptions()
    >>> drawing = Drawing(m, options, options.resolved_theme, select(m, options))
    >>> sorted(drawing.junctions)
    ['a+b--supports--c']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from argmap.graph import final_target, nearest_issues
from argmap.model import STANCE_KINDS, AnyLink, ArgumentMap, Side
from argmap.model.fields import UNDERCUTS
from argmap.render.findings import FindingMark
from argmap.render.options import RenderOptions
from argmap.render.select import Selection
from argmap.render.statements import AttrValue, copy_id, junction_id
from argmap.render.themes import Decoration, LinkStyle, Theme

__all__ = ["Drawing", "ends", "line_attrs", "merge", "side_badges", "side_fills"]


def side_fills(m: ArgumentMap, theme: Theme) -> dict[str, str]:
    """The fill of each side: the editorial fill, or the next party fill in map order.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.render.themes import DEFAULT
        >>> b = MapBuilder("m", "T")
        >>> for side, role in (("ed", "editorial"), ("p1", "party"), ("p2", "speaker")):
        ...     _ = b.side(side, side.upper(), role=role)
        >>> side_fills(b.build(), DEFAULT)
        {'ed': '#D6D3CC', 'p1': '#D0EAF9', 'p2': '#E8ACDC'}
    """
    fills: dict[str, str] = {}
    position = 0
    for side in m.sides:
        if side.role == "editorial":
            fills[side.id] = theme.editorial_fill
        else:
            fills[side.id] = theme.side_fills[position % len(theme.side_fills)]
            position += 1
    return fills


# Words that carry no meaning of their own in a side's name ("Critics *of the* plan").
_MINOR_WORDS = frozenset(
    "a an and as at by for from in into of on or the their those to who whom with".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def side_badges(m: ArgumentMap, letters: int = 3) -> dict[str, str]:
    """A short badge for each side: the initials of its name's first words, unique within the map.

    Words in brackets and minor words ("of", "the"...) are skipped; a name
    with one word left gives its first letters. A badge that another side
    already has gets a number.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for side, name in (("a", "Critics of uneven burdens"), ("b", "The article (editorial)"),
        ...                    ("c", "Critics of the union budget"), ("d", "Ban supporters")):
        ...     _ = b.side(side, name)
        >>> side_badges(b.build())
        {'a': 'CUB', 'b': 'ART', 'c': 'CUB2', 'd': 'BS'}
    """
    badges: dict[str, str] = {}
    taken: set[str] = set()
    for side in m.sides:
        name = re.sub(r"\([^)]*\)", " ", side.name)
        words = [w for w in _WORD.findall(name) if w.lower() not in _MINOR_WORDS] or _WORD.findall(name)
        if len(words) > 1:
            badge = "".join(word[0] for word in words[:letters]).upper()
        else:
            badge = (words[0][:letters] if words else side.id[:letters]).upper()
        unique, number = badge, 2
        while unique in taken:
            unique, number = f"{badge}{number}", number + 1
        taken.add(unique)
        badges[side.id] = unique
    return badges


_DASHES = frozenset({"solid", "dashed", "dotted"})


def merge(decorations: Sequence[Decoration | None]) -> Decoration:
    """Lay decorations over each other.

    Later colours win and styles add up (a later dash pattern replaces one);
    the widest outline and the most added outlines are kept, so that an
    overlay never thins another (a finding's outline on an accepted node).

    Examples:
        >>> merged = merge([Decoration(color="red", style=("bold",)), None, Decoration(style=("dotted",))])
        >>> merged.color, merged.style
        ('red', ('bold', 'dotted'))
        >>> merge([Decoration(style=("dashed",)), Decoration(style=("dotted",))]).style
        ('dotted',)
        >>> wide = merge([Decoration(penwidth=3.0), Decoration(color="orange", penwidth=2.0, peripheries=1)])
        >>> wide.color, wide.penwidth, wide.peripheries
        ('orange', 3.0, 1)
    """
    merged = Decoration()
    for deco in decorations:
        if deco is None:
            continue
        kept = merged.style
        if _DASHES.intersection(deco.style):
            kept = tuple(s for s in kept if s not in _DASHES)
        merged = Decoration(
            color=deco.color or merged.color,
            penwidth=max(deco.penwidth or 0, merged.penwidth or 0) or None,
            style=kept + tuple(s for s in deco.style if s not in kept),
            fontcolor=deco.fontcolor or merged.fontcolor,
            fillcolor=deco.fillcolor or merged.fillcolor,
            strike=deco.strike or merged.strike,
            peripheries=max(deco.peripheries, merged.peripheries),
        )
    return merged


def line_attrs(style: LinkStyle, highlighted: bool, theme: Theme) -> list[tuple[str, AttrValue]]:
    """The colour, line style and width of a link drawn in ``style``.

    Examples:
        >>> from argmap.render.themes import DEFAULT
        >>> line_attrs(DEFAULT.links["equivalent"], False, DEFAULT)
        [('color', '#CC79A7:invis:#CC79A7'), ('style', 'solid'), ('penwidth', 1.2)]
    """
    color = f"{style.color}:invis:{style.color}" if style.double else style.color
    penwidth = theme.highlight.penwidth if highlighted and theme.highlight.penwidth else style.penwidth
    return [("color", color), ("style", style.style), ("penwidth", penwidth)]


def ends(style: LinkStyle, tail: str | None = None) -> list[tuple[str, AttrValue]]:
    """The direction and arrowheads of a link drawn in ``style``, with ``tail`` added at its source end.

    A line without direction gets ``tail`` as its arrowhead instead: Graphviz
    draws no tail on a double line, and either end of a symmetric link will do.

    Examples:
        >>> from argmap.render.themes import DEFAULT
        >>> ends(DEFAULT.links["contradicts"])
        [('dir', 'both'), ('arrowhead', 'tee'), ('arrowtail', 'tee')]
        >>> ends(DEFAULT.links["supports"], tail="odot")
        [('dir', 'both'), ('arrowhead', 'normal'), ('arrowtail', 'odot')]
        >>> ends(DEFAULT.links["equivalent"], tail="odot")
        [('dir', 'forward'), ('arrowhead', 'odot')]
    """
    if tail is not None:
        if style.direction == "none":
            return [("dir", "forward"), ("arrowhead", tail)]
        own_tail = style.arrowtail if style.direction == "both" and style.arrowtail != "none" else ""
        return [("dir", "both"), ("arrowhead", style.arrowhead), ("arrowtail", own_tail + tail)]
    found: list[tuple[str, AttrValue]] = []
    if style.direction != "forward":
        found.append(("dir", style.direction))
    if style.direction != "none":
        found.append(("arrowhead", style.arrowhead))
    if style.direction == "both":
        found.append(("arrowtail", style.arrowtail))
    return found


@dataclass(frozen=True)
class Drawing:
    """Everything a diagram is drawn from, with what is derived from it computed once.

    Attributes:
        m: The map.
        options: What to draw and how.
        theme: The resolved theme of ``options``.
        chosen: The nodes and links to draw.
        findings: The checker's findings to name on the diagram, or None
            when not asked for (see :mod:`argmap.render.findings`).
        fills: Side id to its fill.
    """

    m: ArgumentMap
    options: RenderOptions
    theme: Theme
    chosen: Selection
    findings: tuple[FindingMark, ...] | None = None
    fills: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fills", side_fills(self.m, self.theme))

    @cached_property
    def sides(self) -> dict[str, Side]:
        """Side id to side."""
        return {side.id: side for side in self.m.sides}

    @cached_property
    def badges(self) -> dict[str, str]:
        """Side id to its badge (see :func:`side_badges`), when the theme draws badges; else empty."""
        return side_badges(self.m) if self.theme.side_badges else {}

    @cached_property
    def drawn_ids(self) -> frozenset[str]:
        """Ids of the drawn nodes and links."""
        return frozenset(
            [*(node.id for node in self.chosen.nodes), *(str(link.id) for link in self.chosen.links)]
        )

    @cached_property
    def drawn_findings(self) -> tuple[FindingMark, ...]:
        """The findings whose every element is drawn, in the checker's order: finding n is the nth.

        A finding that names an element left out of the view is not drawn,
        even when some of its elements are: under ``--side``, an issue is
        drawn for the side's sake, and a mark on it for another side's claim
        that is not drawn would point at nothing the reader can see.
        """
        return tuple(f for f in self.findings or () if self.drawn_ids.issuperset(f.elements))

    @cached_property
    def partly_drawn_findings(self) -> int:
        """How many of the findings not drawn name a drawn element (see :attr:`drawn_findings`)."""
        drawn = set(self.drawn_findings)
        return sum(
            1 for f in self.findings or () if f not in drawn and self.drawn_ids.intersection(f.elements)
        )

    @cached_property
    def finding_numbers(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Element id to the (number, rule code) of each drawn finding that names it."""
        found: dict[str, dict[tuple[int, str], None]] = {}
        for number, finding in enumerate(self.drawn_findings, 1):
            for element in finding.elements:
                found.setdefault(element, {})[number, finding.code] = None
        return {element: tuple(marks) for element, marks in found.items()}

    @cached_property
    def junctions(self) -> frozenset[str]:
        """Links drawn through a junction: linked premises, or undercut by a drawn link."""
        undercut = {link.target for link in self.chosen.links if link.kind == UNDERCUTS}
        return frozenset(str(k.id) for k in self.chosen.links if k.is_linked or k.id in undercut)

    @cached_property
    def clusters(self) -> dict[str, str]:
        """Node id to the issue whose cluster holds it.

        An issue is in its own cluster. Another node goes with the cluster its
        links use most: each of its links (supports, attacks, undercuts) votes
        for the cluster of the node it bears on; the cluster with most votes
        wins, then the issue nearest to the node
        (:func:`argmap.graph.nearest_issues`), then the first in map order. A
        principle shared by several debates thus sits with the one that uses
        it most, instead of outside every box with long lines crossing them.
        A node whose links reach no issue stays outside.
        """
        if not self.options.cluster:
            return {}
        m = self.m
        order = {issue.id: position for position, issue in enumerate(m.issues)}
        found: dict[str, str] = {issue.id: issue.id for issue in m.issues}

        def targets(node_id: str) -> list[str]:
            return [final_target(m, link) for link in m.links_from(node_id) if not link.is_symmetric]

        def choose(node_id: str, open_ids: set[str]) -> None:
            votes: dict[str, int] = {}
            for target in targets(node_id):
                # A target still being decided closes a loop: it votes for its nearest issues.
                chosen = nearest_issues(m, target) if target in open_ids else (found.get(target),)
                for issue in chosen:
                    if issue is not None:
                        votes[issue] = votes.get(issue, 0) + 1
            if votes:
                most = max(votes.values())
                tied = [issue for issue, count in votes.items() if count == most]
                # The nearest issue breaks a tie (a search, so only when there is one).
                nearest = nearest_issues(m, node_id) if len(tied) > 1 else ()
                found[node_id] = min(tied, key=lambda i: (i not in nearest, order[i]))

        # Depth first, targets before the nodes that bear on them; a stack, not recursion.
        done: set[str] = set(found)
        for node in m.nodes:
            if node.id in done:
                continue
            open_ids = {node.id}
            stack = [(node.id, iter(targets(node.id)))]
            while stack:
                current, pending = stack[-1]
                target = next(pending, None)
                if target is not None:
                    if target not in done and target not in open_ids:
                        open_ids.add(target)
                        stack.append((target, iter(targets(target))))
                    continue
                stack.pop()
                open_ids.discard(current)
                choose(current, open_ids)
                done.add(current)
        return found

    @cached_property
    def entering(self) -> dict[str, int]:
        """Node id to the number of drawn lines that end on it (at a junction, one for the link)."""
        count: dict[str, int] = {}
        for link in self.chosen.links:
            if link.kind != UNDERCUTS:
                count[link.target] = count.get(link.target, 0) + 1
        return count

    def head_of(self, link: AnyLink) -> str:
        """Where a link's arrow ends: its junction, the junction of the link it undercuts, or its target."""
        if str(link.id) in self.junctions:
            return junction_id(str(link.id))
        return junction_id(link.target) if link.kind == UNDERCUTS else link.target

    @cached_property
    def copies(self) -> dict[str, tuple[str, ...]]:
        """Principle id to the other clusters it is drawn in, once each (only with clusters).

        A principle is drawn in its own cluster and again in each cluster
        whose nodes its drawn links bear on, so that no line crosses from
        one debate's box to another's to reach a shared principle.
        """
        if not self.options.cluster:
            return {}
        found: dict[str, dict[str, None]] = {}
        for link in self.chosen.links:
            if link.is_symmetric:
                continue
            there = self.cluster_of(self.head_of(link))
            for premise in link.premises:
                if there is not None and there != self.clusters.get(premise):
                    if self.m.node(premise).kind == "principle":
                        found.setdefault(premise, {})[there] = None
        return {node_id: tuple(clusters) for node_id, clusters in found.items()}

    def tail_of(self, premise: str, head: str) -> str:
        """The premise's node, or its copy in the head's cluster when it is drawn there too."""
        there = self.cluster_of(head)
        return copy_id(premise, there) if there in self.copies.get(premise, ()) else premise

    def cluster_of(self, endpoint: str) -> str | None:
        """The cluster of a node, a node's copy or a junction (that of the node its link bears on)."""
        if "#in#" in endpoint:
            return endpoint.split("#in#", 1)[1]
        if endpoint.endswith("#junction"):
            link = self.m.link(endpoint.removesuffix("#junction"))
            return self.clusters.get(final_target(self.m, link))
        return self.clusters.get(endpoint)

    def style(self, kind: str) -> LinkStyle:
        """The style a link kind is drawn with: the theme's, or the neutral one when stances are hidden."""
        if kind == "link" or (self.options.neutral_links and kind in STANCE_KINDS):
            return self.theme.neutral_link
        return self.theme.links[kind]  # type: ignore[index]
