"""Fill the gap: say which text belongs in a node whose text is hidden.

Each item hides the text of one claim, counterclaim or piece of evidence
in a diagram of its neighbourhood (the nodes within two links of it, or
within one when two would crowd the drawing), its kind and side still shown.
Items share one diagram when their gaps do not give each other away: no two
gaps of a diagram are linked (each gap's neighbours are all shown), the
drawing stays in one piece and small (at most 9 nodes, 4 in a row: it fits
a printed page with its text at 8 pt), and an item offers the text of
another gap of its diagram only when the map has no other text left;
the gaps are then marked ``?1``, ``?2``... A gap
that fits no shared diagram gets a compact one of its own, marked ``?``.
The choices are the hidden text and texts of other nodes of the map,
shuffled.

A text that the diagram already shows is a poor distractor (a student can
rule it out by finding it), and so is one of another kind than the gap's
(the prompt names the kind): distractors come from nodes outside the
drawing first, of the gap's kind first; when the exercise's issues have too
few texts of that kind off the drawing, the rest of the map supplies them
(never drawn on the sheet). Difficulty: easy asks 3
items with 3 choices, medium 4 with 4, hard 5 with 5, and its distractors
come first from the hidden node's own side, then from nodes a few links
away, which are the closest in content.

A node the map's authors inferred (an unstated premise) is never a gap: its
text is theirs, not the source's. The explanation says what the gap
argues for or against only along a link the text states.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "fill-gap", seed=2)
    >>> len(ex.items), len(ex.items[0].choices), len(ex.parts[0].diagrams) < len(ex.items)
    (3, 3, True)
"""

from __future__ import annotations

from argmap.errors import ExerciseError
from argmap.exercises.common import diagram, letters, opening, sample, shuffled
from argmap.exercises.model import Choice, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import KIND_WORDS, NODE_STANCE_KINDS, STATEMENT_KINDS
from argmap.graph import link_ends, neighbourhood
from argmap.model import AnyNode, ArgumentMap

__all__ = ["fill_gap"]

_COUNTS = {1: 3, 2: 4, 3: 5}
#: Most nodes a diagram draws before its neighbourhood shrinks to one link.
_MAX_DRAWN = 10
#: Most nodes a diagram shared by several gaps draws.
_MAX_SHARED = 9
#: Most nodes a shared diagram may set side by side in a row (more would not fit a page at 8 pt).
_MAX_ROW = 4
#: How far (in links) a node may be from the gap to count as a near, hard distractor.
_NEAR = 4


def _plain(text: str) -> str:
    return " ".join(text.split())


def _drawn(m: ArgumentMap, node_id: str) -> list[str]:
    """The nodes drawn around a gap: two links out, or one when two would crowd the diagram."""
    near = neighbourhood(m, node_id, 2)
    if len(near) > _MAX_DRAWN:
        near = neighbourhood(m, node_id, 1)
    return list(near)


def _widest(m: ArgumentMap, drawn: list[str]) -> int:
    """The most nodes of a drawing in one row, laid out top to bottom as Graphviz does.

    A node sits one row above the highest node it points to (a node that
    points to none drawn sits in the bottom row); in a cycle, a node already
    being placed counts as the bottom row.
    """
    kept = set(drawn)
    targets: dict[str, list[str]] = {n: [] for n in drawn}
    for link in m.links:
        if link.source in kept and link.target in kept:
            targets[link.source].append(link.target)
    rows: dict[str, int] = {}
    placing: set[str] = set()

    def row(node: str) -> int:
        if node not in rows:
            placing.add(node)
            above = [row(t) for t in targets[node] if t not in placing]
            placing.discard(node)
            rows[node] = 1 + max(above) if above else 0
        return rows[node]

    counts: dict[int, int] = {}
    for node in drawn:
        counts[row(node)] = counts.get(row(node), 0) + 1
    return max(counts.values(), default=0)


def _figures(m: ArgumentMap, gaps: list[AnyNode]) -> list[tuple[list[AnyNode], list[str]]]:
    """The gaps grouped into diagrams, in order of their first gap, each with the nodes it draws.

    A gap joins the first diagram where it is linked to none of its gaps,
    its neighbourhood shares a node with the drawing (which stays in one
    piece), and the drawing stays within :data:`_MAX_SHARED` nodes and
    :data:`_MAX_ROW` nodes in a row (narrow enough for a page with its text
    at 8 pt); else it opens one.
    """
    linked = {(link.source, link.target) for link in m.links} | {
        (end, other) for link in m.links for end in link_ends(m, link) for other in link_ends(m, link)
    }
    figures: list[tuple[list[AnyNode], list[str]]] = []
    for gap in gaps:
        near = _drawn(m, gap.id)
        for shown, drawn in figures:
            joined = drawn + [n for n in near if n not in drawn]
            apart = all((gap.id, g.id) not in linked and (g.id, gap.id) not in linked for g in shown)
            # One connected drawing: Graphviz sets separate pieces side by side, too wide for a page.
            touches = any(n in drawn for n in near)
            if apart and touches and len(joined) <= _MAX_SHARED and _widest(m, joined) <= _MAX_ROW:
                shown.append(gap)
                drawn[:] = joined
                break
        else:
            figures.append(([gap], near))
    return figures


def _distractors(
    setting: Setting, gap: AnyNode, drawn: list[str], wanted: int, hidden: frozenset[str] = frozenset()
) -> list[AnyNode]:
    """Up to ``wanted`` other nodes with texts unlike the gap's and each other's, best first.

    The other gaps of the gap's diagram (``hidden``) come last: their texts
    are the answers of other items on the same drawing, which a student
    could rule out by answering those.
    """
    m, rng = setting.m, setting.rng
    near = set(neighbourhood(m, gap.id, _NEAR))
    shown = set(drawn) - hidden
    candidates = [n for n in m.nodes if n.kind != "issue" and n.id != gap.id]
    unseen = {
        _plain(n.text) for n in candidates if n.kind == gap.kind and n.id not in shown and n.id not in hidden
    }
    outside: dict[str, int] = {}
    if len(unseen - {_plain(gap.text)}) < wanted and setting.whole is not None:
        # the scope has too few texts of the gap's kind off the drawing: a student would rule the others
        # out by their kind, or by finding them drawn; the rest of the map's texts come before those
        inside = {n.id for n in m.nodes}
        extra = [n for n in setting.whole.nodes if n.kind != "issue" and n.id not in inside]
        # in map order, the same for every gap: the items of one figure share them, and so their list
        outside = {n.id: order for order, n in enumerate(extra, start=1)}
        candidates += extra

    def rank(node: AnyNode) -> tuple[int, ...]:
        kind_rank = 0 if node.kind == gap.kind else 1 if node.kind in STATEMENT_KINDS else 2
        where = (node.id in hidden, node.id in shown, kind_rank, outside.get(node.id, 0))
        if setting.difficulty < 3:
            return where
        same_side = gap.held_by is not None and node.held_by == gap.held_by
        return (*where, not same_side, node.id not in near)

    pool = shuffled(rng, candidates)
    pool.sort(key=rank)  # stable: ties keep their random order
    seen = {_plain(gap.text)}
    chosen: list[AnyNode] = []
    for node in pool:
        if len(chosen) == wanted:
            break
        if _plain(node.text) not in seen:
            seen.add(_plain(node.text))
            chosen.append(node)
    return chosen


def _sentence(text: str) -> str:
    """``text`` in quotes as a sentence: no second full stop after one inside the quotes."""
    text = _plain(text)
    return f"“{text}”" if text[-1:] in ".?!…" else f"“{text}”."


def _explanation(m: ArgumentMap, gap: AnyNode, drawn: list[str]) -> str:
    said = f"The gap holds {KIND_WORDS[gap.kind]}: {_sentence(gap.text)}"
    for link in m.links_from(gap.id):
        if link.kind not in NODE_STANCE_KINDS or link.inferred or link.target not in drawn:
            continue
        target = m.node(link.target)
        if target.kind == "issue":
            answer = "yes" if link.kind == "supports" else "no"
            return f"{said} It argues for “{answer}” to the question {_sentence(target.text)}"
        verb = "gives a reason for" if link.kind == "supports" else "argues against"
        return f"{said} It {verb} {_sentence(opening(target))}"
    return said


@kind(
    "fill-gap",
    "Fill the gap",
    "pick the text that belongs in a node whose text is hidden",
    quiz=True,
)
def fill_gap(setting: Setting) -> Part:
    """Items: one per hidden node, on diagrams shared where the gaps allow; choices: its text and distractors.

    Raises:
        ExerciseError: the map has fewer than two linked claims,
            counterclaims or pieces of evidence.

    Examples:
        >>> import argmap
        >>> from argmap.exercises.common import seeded
        >>> m = argmap.load_corpus("school-phones")
        >>> part = fill_gap(Setting(m, seeded(1), 3))
        >>> [len(i.choices) for i in part.items], [i.diagram for i in part.items]
        ([5, 5, 5, 5, 5], ['d1', 'd2', 'd3', 'd4', 'd4'])
        >>> part.diagrams[-1].caption, part.items[-1].prompt.split(" is missing")[0]
        ('2 texts are missing', 'In diagram d4, the text of a counterclaim marked “?2”')
    """
    m, rng, level = setting.m, setting.rng, setting.difficulty
    linked = {end for link in m.links for end in link_ends(m, link)}
    fitting = [n for n in m.nodes if n.kind in STATEMENT_KINDS and n.id in linked]
    candidates = [n for n in fitting if not n.inferred]
    if len(candidates) < 2:
        inferred = " and not inferred" if len(fitting) > len(candidates) else ""
        raise ExerciseError(
            f"map {m.id!r}: fill-gap needs at least two claims, counterclaims or pieces of evidence"
            f" linked into the debate{inferred} (found {len(candidates)})"
        )
    gaps = sample(rng, candidates, _COUNTS[level])
    figures = _figures(m, gaps)
    items = []
    diagrams = []
    for figure, (shown, drawn) in enumerate(figures, start=1):
        diagram_id = f"d{figure}"
        marks = {g.id: "?" if len(shown) == 1 else f"?{n}" for n, g in enumerate(shown, start=1)}
        caption = "One text is missing" if len(shown) == 1 else f"{len(shown)} texts are missing"
        diagrams.append(
            diagram(
                m,
                diagram_id,
                caption,
                node_tags=marks,
                blanks=list(marks),
                nodes=drawn,
                hidden=setting.hidden,
            )
        )
    # Items in the order of their diagrams, so that each diagram's gaps are asked in turn.
    ordered = [
        (figure, shown, drawn, gap) for figure, (shown, drawn) in enumerate(figures, start=1) for gap in shown
    ]
    for number, (figure, shown, drawn, gap) in enumerate(ordered, start=1):
        hidden = frozenset(g.id for g in shown if g.id != gap.id)
        others = _distractors(setting, gap, drawn, _COUNTS[level] - 1, hidden)
        options = shuffled(rng, [gap, *others])
        # The texts to choose from are nodes': with worksheet names, each keeps its letter.
        ids = letters(len(options)) if setting.names is None else [setting.names[n.id] for n in options]
        choices = tuple(Choice(id=tag, text=_plain(n.text)) for tag, n in zip(ids, options, strict=True))
        mark = "" if len(shown) == 1 else f" marked “?{shown.index(gap) + 1}”"
        items.append(
            Item(
                id=str(number),
                prompt=(
                    f"In diagram d{figure}, the text of {KIND_WORDS[gap.kind]}{mark} is missing."
                    " Which text fills the gap?"
                ),
                choices=choices,
                key=(ids[options.index(gap)],),
                elements=(gap.id,),
                explanation=_explanation(m, gap, drawn),
                diagram=f"d{figure}",
            )
        )
    return Part(
        kind="fill-gap",
        title="Fill the gap",
        instructions=(
            "Each diagram shows part of the debate with the text of some boxes hidden (marked “?”,"
            " or “?1”, “?2”... when a diagram hides several). Read what each box is linked to,"
            " then choose the text that belongs in it."
        ),
        diagrams=tuple(diagrams),
        items=tuple(items),
    )
