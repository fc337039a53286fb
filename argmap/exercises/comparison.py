"""Comparing links: a set of links against the right ones, and a map against a reference map.

This module needs nothing of exercises: it scores any links given as
``(source, kind, target)`` triples (:class:`StanceLink`) against the right
ones with precision, recall and F1 (:func:`compare_links`), and any map
against a reference map, link by link, by node ids (:func:`grade_maps`).
Exercise grading scores a reconstruct item with it; two annotations of the
same text can be compared with it too.

Examples:
    >>> key = [StanceLink("a", "supports", "c")]
    >>> compare_links([StanceLink("a", "supports", "c"), StanceLink("b", "attacks", "c")], key).f1
    0.6666666666666666
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any, NamedTuple

from argmap.errors import Problem
from argmap.graph import undercut_chain, undercut_link
from argmap.locations import locate
from argmap.model import SYMMETRIC_KINDS, AnyLink, ArgumentMap

__all__ = [
    "LinkComparison",
    "MapGrade",
    "StanceLink",
    "compare_links",
    "grade_maps",
    "map_links",
    "problem_dict",
]


class StanceLink(NamedTuple):
    """A link as a triple: source, stance, target (node tags in exercises, node ids in maps).

    Examples:
        >>> str(StanceLink("A", "supports", "C"))
        'A supports C'
    """

    source: str
    kind: str
    target: str

    def __str__(self) -> str:
        """Read as ``source kind target``."""
        return f"{self.source} {self.kind} {self.target}"


@dataclass(frozen=True)
class LinkComparison:
    """How a set of links compares with the right ones.

    ``missing`` and ``extra`` leave out the links listed in ``wrong_stance``
    (pairs of a given link and the right link between the same ends);
    precision and recall count them as wrong.
    """

    matched: tuple[StanceLink, ...]
    missing: tuple[StanceLink, ...]
    extra: tuple[StanceLink, ...]
    wrong_stance: tuple[tuple[StanceLink, StanceLink], ...]
    precision: float
    recall: float
    f1: float


def _same_ends(a: StanceLink, b: StanceLink) -> bool:
    if (a.source, a.target) == (b.source, b.target):
        return True
    either_symmetric = a.kind in SYMMETRIC_KINDS or b.kind in SYMMETRIC_KINDS
    return either_symmetric and (a.source, a.target) == (b.target, b.source)


def compare_links(
    given: Iterable[StanceLink], key: Iterable[StanceLink], *, unreadable: int = 0
) -> LinkComparison:
    """Precision, recall and F1 of ``given`` links against ``key`` links (duplicates count once).

    Args:
        given: The links given.
        key: The right links.
        unreadable: Links given that could not be read; they count as wrong.

    Nothing given against an empty key is a perfect score; anything else
    against an empty key, or nothing against a non-empty key, scores 0.

    Examples:
        >>> key = [StanceLink("A", "supports", "C"), StanceLink("B", "attacks", "C")]
        >>> c = compare_links([StanceLink("A", "supports", "C"), StanceLink("B", "supports", "C")], key)
        >>> c.precision, c.recall, c.f1
        (0.5, 0.5, 0.5)
        >>> [(str(g), str(k)) for g, k in c.wrong_stance]
        [('B supports C', 'B attacks C')]
    """
    given_set, key_set = set(given), set(key)
    matched = sorted(given_set & key_set)
    extra = sorted(given_set - key_set)
    missing = sorted(key_set - given_set)
    pairs: list[tuple[StanceLink, StanceLink]] = []
    for wrong in list(extra):
        for right in missing:
            if right.kind != wrong.kind and _same_ends(wrong, right):
                pairs.append((wrong, right))
                extra.remove(wrong)
                missing.remove(right)
                break
    n_given, n_key, n_matched = len(given_set) + unreadable, len(key_set), len(matched)
    if n_given == 0 and n_key == 0:
        precision = recall = f1 = Fraction(1)
    else:
        precision = Fraction(n_matched, n_given) if n_given else Fraction(0)
        recall = Fraction(n_matched, n_key) if n_key else Fraction(0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else Fraction(0)
    return LinkComparison(
        matched=tuple(matched),
        missing=tuple(missing),
        extra=tuple(extra),
        wrong_stance=tuple(pairs),
        precision=float(precision),
        recall=float(recall),
        f1=float(f1),
    )


def problem_dict(problem: Problem) -> dict[str, Any]:
    """A problem as JSON-ready data: where it is, what it is about, and its text.

    Examples:
        >>> problem_dict(Problem("no such item", path="a.yaml", line=3, column=1))["text"]
        'a.yaml:3:1: no such item'
    """
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "element": problem.element,
        "message": problem.message,
        "text": str(problem),
    }


@dataclass(frozen=True)
class MapGrade(LinkComparison):
    """How a student's reconstructed map compares with the reference, link by link.

    The link comparison (``matched``, ``missing``, ``extra``,
    ``wrong_stance``, ``precision``, ``recall``, ``f1``) counts only links
    between nodes the student's map has.

    Attributes:
        reference: The reference map's id.
        student: The student's map's id.
        left_out: Reference nodes the student's map lacks; links through
            them are not counted.
        notes: The student's nodes the reference lacks.
        name: The student's name, from the map's ``metadata.student``, when given.
    """

    reference: str
    student: str
    left_out: tuple[str, ...] = ()
    notes: tuple[Problem, ...] = ()
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data; links as ``source kind target`` text, sorted.

        Examples:
            >>> g = MapGrade((StanceLink("a", "supports", "b"),), (), (), (), 1.0, 1.0, 1.0, "r", "s")
            >>> g.to_dict()["matched"]
            ['a supports b']
        """
        return {
            "reference": self.reference,
            "student": self.student,
            "name": self.name,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": [str(k) for k in self.matched],
            "missing": [str(k) for k in self.missing],
            "extra": [str(k) for k in self.extra],
            "wrong_stance": [{"given": str(g), "expected": str(k)} for g, k in self.wrong_stance],
            "left_out": list(self.left_out),
            "notes": [problem_dict(p) for p in self.notes],
        }


def _undercut_target(m: ArgumentMap, link: AnyLink) -> tuple[str, frozenset[str]]:
    """What an undercut denies, as text that does not depend on link ids, and the nodes it names.

    The link undercut is ``(a supports c)``; when it is an undercut too, the link it
    undercuts is bracketed inside it (``(x undercuts (a supports c))``), and so on. In a
    cycle of undercuts, the link that would come twice is ``…``.
    """
    chain = undercut_chain(m, link)
    inner = chain[1:] or chain  # an undercut of itself names itself
    last = inner[-1]
    premises = sorted(last.premises)
    if last.kind in SYMMETRIC_KINDS:
        a, b = sorted((last.premises[0], last.target))
        text, nodes = f"{a} {last.kind} {b}", frozenset((a, b))
    elif last.target in {str(k.id) for k in chain}:
        text, nodes = f"{'+'.join(premises)} {last.kind} (…)", frozenset(premises)
    else:
        text, nodes = f"{'+'.join(premises)} {last.kind} {last.target}", frozenset((*premises, last.target))
    for step in reversed(inner[:-1]):
        text = f"{'+'.join(sorted(step.premises))} {step.kind} ({text})"
        nodes |= frozenset(step.premises)
    return f"({text})", nodes


def _map_triples(m: ArgumentMap) -> dict[StanceLink, frozenset[str]]:
    """Every link of a map as triples (one per premise), with the nodes each names."""
    out: dict[StanceLink, frozenset[str]] = {}
    for link in m.links:
        if link.kind in SYMMETRIC_KINDS:
            a, b = sorted((link.premises[0], link.target))
            out[StanceLink(a, link.kind, b)] = frozenset((a, b))
            continue
        if undercut_link(m, link) is not None:
            target, nodes = _undercut_target(m, link)
        else:
            target, nodes = link.target, frozenset((link.target,))
        # linked premises give a reason only together: a triple counts where all of them are drawn
        for premise in link.premises:
            out[StanceLink(premise, link.kind, target)] = nodes | set(link.premises)
    return out


def map_links(m: ArgumentMap) -> tuple[StanceLink, ...]:
    """Every link of a map as triples, as :func:`grade_maps` compares them, in map order.

    Linked premises give one triple per premise; ``contradicts`` and
    ``equivalent`` name their ends in sorted order; an undercut names the link
    it undercuts by its ends, in brackets.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> for n in "abcx":
        ...     _ = b.claim(n, n.upper() + ".")
        >>> s = b.supports(["a", "b"], "c"); _ = b.undercuts("x", s); _ = b.contradicts("c", "a")
        >>> [str(k) for k in map_links(b.build())]
        ['a supports c', 'b supports c', 'x undercuts (a+b supports c)', 'a contradicts c']
    """
    return tuple(_map_triples(m))


def grade_maps(reference: ArgumentMap, student: ArgumentMap) -> MapGrade:
    """Compare a student's reconstruction of a map with the reference, by node ids.

    Links are compared as triples ``(premise, kind, target)``: linked
    premises give one triple per premise; ``contradicts`` and ``equivalent``
    read the same either way round; an undercut's target is the undercut
    link itself, as ``(premises kind target)``. Only reference links between
    nodes the student's map has count (a linked premise's link only where
    the map has all its premises, as a reconstruct item keys it; the link from a premise it
    has to the target, drawn alone, is then neither right nor extra); the student's nodes that
    the reference lacks are noted (their links count as extra).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("ref", "R")
        >>> for n in "abc":
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports("a", "c"); _ = b.contradicts("b", "c")
        >>> s = MapBuilder("mine", "S")
        >>> for n in "abc":
        ...     _ = s.claim(n, n.upper() + ".")
        >>> _ = s.attacks("a", "c"); _ = s.contradicts("c", "b")
        >>> g = grade_maps(b.build(), s.build())
        >>> [str(x) for x in g.matched], g.f1
        (['b contradicts c'], 0.5)
        >>> [(str(x), str(y)) for x, y in g.wrong_stance]
        [('a attacks c', 'a supports c')]
    """
    present = {n.id for n in student.nodes}
    known = {n.id for n in reference.nodes}
    triples = _map_triples(reference)
    counted = [t for t, nodes in triples.items() if nodes <= present]
    # One premise of a joint reason whose other premises the map lacks: the student could not
    # tell that the reason was joint, so the link drawn from it counts neither way.
    partial = {t for t, nodes in triples.items() if not nodes <= present and {t.source, t.target} <= present}
    given = [t for t in _map_triples(student) if t not in partial]
    c = compare_links(given, counted)
    notes = []
    for node in student.nodes:
        if node.id in known:
            continue
        where = locate(student, node.id)
        path, line, column = where if where else (None, None, None)
        notes.append(
            Problem(
                f"the reference map has no node {node.id!r}; links to or from it count as extra",
                path=path,
                line=line,
                column=column,
                element=f"{node.kind} {node.id!r}",
            )
        )
    return MapGrade(
        **{f.name: getattr(c, f.name) for f in fields(LinkComparison)},
        reference=reference.id,
        student=student.id,
        left_out=tuple(n.id for n in reference.nodes if n.id not in present),
        notes=tuple(notes),
        name=name.strip() or None if isinstance(name := student.metadata.get("student"), str) else None,
    )
