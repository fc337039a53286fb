"""The debate drawn for paper: one figure when it prints readably, else one figure per issue.

A part that draws the whole debate (sort-by-side, label-links,
match-principles) draws it once when its smallest text prints at
:data:`~argmap.exercises.layout.LEGIBLE_PT` or more on A4 and on Letter.
A map of many issues does not: allied-space-cooperation drawn whole prints
its text at under 2 pt. Such a part draws instead one figure per issue
that holds something its items ask about (:func:`issue_groups`), each
readable on its own, and each item is asked under its figure.

Measuring needs a Graphviz layout: :func:`prints_legibly` lays the figure
out. Without a layout engine nothing can be measured, and nothing is split:
the worksheet writer, which needs the engine anyway, says which figures
print too small (see :func:`argmap.exercises.html.small_figures`).

Examples:
    >>> import argmap
    >>> m = argmap.load_corpus("school-phones")
    >>> groups, of_item = issue_groups(m, [["lunch-scrolling"], ["lunch"]])
    >>> [issues for issues, _ in groups], of_item
    ([('lunch',)], [0, 0])
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from argmap.exercises.common import opening
from argmap.exercises.layout import LEGIBLE_PT, PAPERS, printed_text_pt
from argmap.graph import bearing_on, issue_nodes
from argmap.model import ArgumentMap

__all__ = ["Figure", "figure_caption", "figure_groups", "issue_groups", "link_nodes", "prints_legibly"]


@functools.lru_cache(maxsize=64)
def prints_legibly(dot: str) -> bool:
    """Whether a figure prints its smallest text at 8 pt or more on A4 and on Letter (see ``LEGIBLE_PT``).

    Lays the figure out with the first available engine, as the worksheet
    does. True when no engine is available (nothing to measure with) or the
    layout fails (the worksheet writer reports it).

    Examples:
        >>> prints_legibly('digraph { a [label="A" fontsize=10] }')
        True
        >>> wide = " ".join(f'n{i} [label="{i}" fontsize=9]' for i in range(90))
        >>> prints_legibly("digraph { " + wide + " }")
        False
    """
    from argmap.render import layout
    from argmap.render.errors import EngineNotFoundError, RenderError

    try:
        svg = layout(dot, "svg").decode("utf-8")
    except (EngineNotFoundError, RenderError):
        return True
    sizes = [printed_text_pt(svg, paper) for paper in PAPERS]
    return all(size is None or size >= LEGIBLE_PT for size in sizes)


def link_nodes(m: ArgumentMap, link_id: str) -> set[str]:
    """The nodes a figure must draw to draw a link: its premises and target, and an undercut link's.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> link = m.links[0]
        >>> link_nodes(m, str(link.id)) == {*link.premises, link.target}
        True
    """
    nodes: set[str] = set()
    seen: set[str] = set()
    pending = [link_id]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        link = m.link(current)
        nodes.update(link.premises)
        if any(n.id == link.target for n in m.nodes):
            nodes.add(link.target)
        else:
            pending.append(link.target)  # an undercut: the link it denies is drawn too
    return nodes


def issue_groups(
    m: ArgumentMap, asked: Sequence[Collection[str]]
) -> tuple[list[tuple[tuple[str, ...], frozenset[str]]], list[int]]:
    """The issues to draw one figure each for, so that every item's nodes stand in one figure.

    An item's nodes go to the first issue (in map order) that they all bear
    on; nodes that bear on no one issue together are drawn in one figure of
    the issues they bear on (and any that bears on none, with them).

    Args:
        m: The map drawn.
        asked: For each item, the nodes its figure must draw.

    Returns:
        The figures, in the map's order of issues: each the issues it draws
        and the ids of their nodes; and for each item, the index of its figure.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("allied-space-cooperation")
        >>> groups, of_item = issue_groups(m, [["speed-and-scale"], ["burden-sharing"]])
        >>> [issues for issues, _ in groups], of_item
        ([('burden-sharing',), ('speed-and-scale',)], [1, 0])
    """
    issues = [n.id for n in m.issues]
    bearing = {issue: frozenset(issue_nodes(m, issue)) for issue in issues}
    chosen: dict[tuple[str, ...], frozenset[str]] = {}
    keys: list[tuple[str, ...]] = []
    for nodes in asked:
        whole = next((issue for issue in issues if set(nodes) <= bearing[issue]), None)
        if whole is not None:
            key: tuple[str, ...] = (whole,)
            members = bearing[whole]
        else:
            found = {next((i for i in issues if node in bearing[i]), "") for node in nodes}
            key = tuple(i for i in issues if i in found)
            members = frozenset(nodes).union(*(bearing[i] for i in key))
        chosen[key] = chosen.get(key, frozenset()) | members
        keys.append(key)
    order = sorted(chosen, key=lambda k: [issues.index(i) for i in k] or [len(issues)])
    return [(key, chosen[key]) for key in order], [order.index(key) for key in keys]


def figure_caption(
    m: ArgumentMap, issues: Sequence[str], said: str, part: tuple[int, int] | None = None
) -> str:
    """A figure's caption: ``The debate, <said>``, or the part of it on some issues.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> figure_caption(m, [], "with the sides hidden")
        'The debate, with the sides hidden'
        >>> figure_caption(m, ["lunch"], "with the sides hidden")
        'The debate on “Should pupils be allowed to use their phones at lunchtime…”, with the sides hidden'
        >>> figure_caption(m, ["ban"], "with the sides hidden", (2, 3))[-38:]
        '…”, part 2 of 3, with the sides hidden'
    """
    if not issues:
        return f"The debate, {said}"
    on = " and ".join(f"“{opening(m.node(i), 60)}”" for i in issues)
    share = f", part {part[0]} of {part[1]}" if part is not None and part[1] > 1 else ""
    return f"The debate on {on}{share}, {said}"


@dataclass(frozen=True)
class Figure:
    """One figure of a debate drawn in several.

    Attributes:
        issues: The issues it draws (their nodes, or some of their reasons).
        nodes: The ids of the nodes it draws.
        part: Its number among the figures of the same issues, and how many they are.
    """

    issues: tuple[str, ...]
    nodes: frozenset[str]
    part: tuple[int, int] = (1, 1)


def _branches(m: ArgumentMap, issue: str, nodes: frozenset[str]) -> list[frozenset[str]]:
    """An issue's reasons: each node linked into the issue and the nodes (of ``nodes``) bearing on it."""
    direct = [
        n.id
        for n in m.nodes
        if n.id in nodes and any(link.target == issue and n.id in link.premises for link in m.links)
    ]
    branches = [frozenset(bearing_on(m, [d]) & nodes) for d in direct]
    rest = nodes - {issue}.union(*branches)
    if rest:
        branches.append(frozenset(rest))  # what bears on the issue by no direct reason (an undercut)
    return branches


def _split(m: ArgumentMap, figure: Figure, dot_of: Callable[[frozenset[str]], str]) -> list[frozenset[str]]:
    """A figure's nodes cut into the fewest runs of its issue's reasons that each print readably.

    Reasons are taken in map order, each run with the issue: a run grows while its figure reads
    at 8 pt. A reason too large alone stays one figure (its text then prints smaller).
    """
    if len(figure.issues) != 1 or prints_legibly(dot_of(figure.nodes)):
        return [figure.nodes]
    issue = figure.issues[0]
    runs: list[frozenset[str]] = []
    current: frozenset[str] = frozenset()
    for branch in _branches(m, issue, figure.nodes):
        grown = current | branch | {issue}
        if current and not prints_legibly(dot_of(grown)):
            runs.append(current)
            grown = branch | {issue}
        current = grown
    if current:
        runs.append(current)
    return runs


def figure_groups(
    m: ArgumentMap, asked: Sequence[Collection[str]], dot_of: Callable[[frozenset[str]], str]
) -> tuple[list[Figure], list[int]]:
    """The figures to draw a debate too large to read in one: one per issue, an issue cut by its reasons.

    First one figure per issue asked about (see :func:`issue_groups`); then an
    issue whose figure still prints under 8 pt (many reasons side by side) is
    drawn in parts, each the issue with a run of its reasons that reads. Each
    item goes to the first figure that draws all its nodes; an item whose
    nodes no figure holds together (a link between two reasons) has them
    added to the figure of its first node.

    Args:
        m: The map drawn.
        asked: For each item, the nodes its figure must draw.
        dot_of: The DOT text of the figure of some nodes, as the part draws it.

    Returns:
        The figures in order, and for each item the index of its figure.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> figures, of_item = figure_groups(m, [["lunch"]], lambda nodes: "digraph { a }")
        >>> [(f.issues, f.part) for f in figures], of_item
        ([(('lunch',), (1, 1))], [0])
    """
    groups, _ = issue_groups(m, asked)
    figures: list[Figure] = []
    for issues, nodes in groups:
        runs = _split(m, Figure(issues, nodes), dot_of)
        figures.extend(Figure(issues, run, (i, len(runs))) for i, run in enumerate(runs, start=1))
    index = []
    for needed in asked:
        found = next((i for i, f in enumerate(figures) if set(needed) <= f.nodes), None)
        if found is None:
            found = next(i for i, f in enumerate(figures) if set(needed) & f.nodes)
            figures[found] = Figure(
                figures[found].issues, figures[found].nodes | set(needed), figures[found].part
            )
        index.append(found)
    # only the figures an item is asked under are drawn, their parts numbered again among them
    used = sorted(set(index))
    kept = [figures[i] for i in used]
    count = Counter(f.issues for f in kept)
    seen: Counter[tuple[str, ...]] = Counter()
    numbered = []
    for f in kept:
        seen[f.issues] += 1
        numbered.append(Figure(f.issues, f.nodes, (seen[f.issues], count[f.issues])))
    return numbered, [used.index(i) for i in index]
