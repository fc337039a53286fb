"""Grading: a student's answers against an exercise's key, and a reconstructed map against its reference.

:func:`grade` never raises for a student's mistakes. An answer that cannot be
read, names a choice the item does not have, or answers an item the
exercise does not have becomes a *note* (a located
:class:`~argmap.errors.Problem`) and, for an item, the status ``invalid``
(0 points). Each item is scored on its own, so a wrong answer loses exactly
that item's points:

- ``choice``: right when the answer is one of the key's choice ids (case and
  surrounding spaces ignored): all its points, else 0;
- ``choices``: right when the set given is exactly the key's set, else 0;
  the feedback says what was missing and what was extra;
- ``links``: each link (``A supports C`` or ``{source: A, kind: supports,
  target: C}``) matches a key link when source, stance and target all do;
  the score is ``round(points * F1, 2)`` of precision and recall. A link
  that cannot be read counts as a wrong one (it lowers precision) and gets
  a note.

:func:`grade_maps` compares two maps by node ids, link by link (see its
docstring).

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> from argmap.exercises.files import Answers
    >>> item = Item(id="1", prompt="L1 is a...", choices=[Choice(id="supports", text="supports"),
    ...             Choice(id="attacks", text="attacks")], key=["supports"], explanation="B argues for D.")
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
    ...               parts=[Part(kind="label-links", title="P", instructions="", items=[item])])
    >>> g = grade(ex, Answers(answers={"1": " Attacks"}))
    >>> g.items[0].status, g.items[0].feedback
    ('wrong', "you said 'attacks'; expected supports: B argues for D.")
    >>> grade(ex, Answers(answers={"1": "suports"})).notes[0].message
    "'suports' is not one of the choices (supports, attacks); did you mean 'supports'?"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Any, Literal, NamedTuple, TypeAlias

from argmap.errors import Problem
from argmap.exercises.files import Answers, as_text, normalize_item_id
from argmap.exercises.model import Exercise, Item
from argmap.model import AnyLink, ArgumentMap

__all__ = [
    "Grade",
    "ItemResult",
    "LinkComparison",
    "MapGrade",
    "StanceLink",
    "Status",
    "compare_links",
    "format_grade",
    "format_map_grade",
    "grade",
    "grade_maps",
]

Status: TypeAlias = Literal["right", "wrong", "partial", "unanswered", "invalid"]

_STANCES = ("supports", "attacks", "undercuts")
_SYMMETRIC = frozenset({"contradicts", "equivalent"})
_SEPARATORS = re.compile(r"[,;\n]")


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
    either_symmetric = a.kind in _SYMMETRIC or b.kind in _SYMMETRIC
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


# -- grading answers --------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    """How one item was answered.

    Attributes:
        item_id: The item's number.
        points: What the item is worth.
        score: What the answer earned (0 to ``points``).
        status: ``right``, ``wrong``, ``partial`` (links only),
            ``unanswered`` or ``invalid`` (the answer could not be read or
            names a choice the item lacks).
        given: The answer as the student gave it, normalised (canonical
            choice ids, links as ``A supports C``).
        expected: The key, as :attr:`~argmap.exercises.model.Item.key_text`.
        feedback: What was wrong, and the item's explanation; empty when right.
        precision: Links items: the share of the links given that are right.
        recall: Links items: the share of the right links that were given.
        f1: Links items: the F1 of precision and recall.
    """

    item_id: str
    points: int
    score: float
    status: Status
    given: str
    expected: str
    feedback: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data (links scores only for links items).

        Examples:
            >>> ItemResult("1", 1, 1.0, "right", "B", "B", "").to_dict()["status"]
            'right'
        """
        out: dict[str, Any] = {
            "item": self.item_id,
            "points": self.points,
            "score": self.score,
            "status": self.status,
            "given": self.given,
            "expected": self.expected,
            "feedback": self.feedback,
        }
        if self.f1 is not None:
            out.update(precision=_round(self.precision), recall=_round(self.recall), f1=_round(self.f1))
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Grade:
    """The grade of one student's answers: a result per item, in the exercise's order, and notes.

    Attributes:
        title: The exercise's title.
        student: The student's name, if the answers give it.
        items: One result per item of the exercise.
        notes: Problems with the answers file, located in it when it is a
            file: answers to items the exercise lacks, unknown choices,
            unreadable values.
    """

    title: str
    student: str | None
    items: tuple[ItemResult, ...]
    notes: tuple[Problem, ...] = field(default=())

    @property
    def score(self) -> float:
        """The points earned, to two decimals."""
        return round(sum(r.score for r in self.items), 2)

    @property
    def points(self) -> int:
        """The points the exercise is worth."""
        return sum(r.points for r in self.items)

    @property
    def percent(self) -> float:
        """The score as a percentage of the points (0 for an exercise worth nothing)."""
        return round(100 * self.score / self.points, 2) if self.points else 0.0

    def item(self, item_id: str) -> ItemResult:
        """The result of item ``item_id``.

        Raises:
            KeyError: the exercise has no such item.
        """
        for result in self.items:
            if result.item_id == item_id:
                return result
        raise KeyError(item_id)

    def to_dict(self) -> dict[str, Any]:
        """The grade as JSON-ready data, items in the exercise's order, notes in file order.

        Examples:
            >>> g = Grade("T", None, (ItemResult("1", 2, 1.0, "partial", "A", "A; B", "missing B"),))
            >>> g.to_dict()["score"], g.to_dict()["percent"]
            (1.0, 50.0)
        """
        return {
            "title": self.title,
            "student": self.student,
            "score": self.score,
            "points": self.points,
            "percent": self.percent,
            "items": [r.to_dict() for r in self.items],
            "notes": [_problem_dict(p) for p in self.notes],
        }


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "element": problem.element,
        "message": problem.message,
        "text": str(problem),
    }


def grade(ex: Exercise, answers: Answers) -> Grade:
    """Grade a student's answers against an exercise's key.

    Returns:
        The :class:`Grade`; every problem with the answers is a note or an
        item status, never an exception.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> from argmap.exercises.files import Answers
        >>> items = [Item(id=str(i), prompt="?", choices=[Choice(id="A", text="a"), Choice(id="B", text="b")],
        ...               key=["A"]) for i in (1, 2)]
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=items)])
        >>> g = grade(ex, Answers(answers={"1": "a", "3": "B"}))
        >>> [(r.item_id, r.status, r.score) for r in g.items]
        [('1', 'right', 1.0), ('2', 'unanswered', 0.0)]
        >>> [str(n) for n in g.notes]
        ['item 3: the exercise has no item 3 (items 1-2)']
    """
    by_id = {normalize_item_id(k): v for k, v in answers.answers.items()}
    notes: list[Problem] = []
    results: list[ItemResult] = []
    known: set[str] = set()
    for item in ex.items:
        item_id = normalize_item_id(item.id)
        known.add(item_id)
        results.append(_grade_item(item, item_id, by_id.get(item_id), answers, notes))
    for answered in by_id:
        if answered not in known:
            notes.append(
                answers.problem(
                    f"the exercise has no item {answered} ({_item_range(ex)})", answered, at_key=True
                )
            )
    order = {id(n): i for i, n in enumerate(notes)}
    notes.sort(key=lambda n: (n.line or 0, n.column or 0, order[id(n)]))
    return Grade(title=ex.title, student=answers.student, items=tuple(results), notes=tuple(notes))


def _item_range(ex: Exercise) -> str:
    ids = [item.id for item in ex.items]
    if not ids:
        return "it has no items"
    if ids == [str(i) for i in range(1, len(ids) + 1)]:
        return "item 1" if len(ids) == 1 else f"items 1-{len(ids)}"
    shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
    return f"items {shown}"


def _show(raw: Any) -> str:
    """A raw answer as one line of text."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return "[" + ", ".join(_show(v) for v in raw) + "]"
    if isinstance(raw, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in raw.items()) + "}"
    return " ".join(str(raw).split())


def _what(raw: Any) -> str:
    return "a mapping" if isinstance(raw, dict) else "a list" if isinstance(raw, list) else "a value"


def _is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def _suggest(text: str, options: Iterable[str]) -> str:
    by_folded = {o.casefold(): o for o in options}
    close = difflib.get_close_matches(text.casefold(), list(by_folded), n=1)
    return f"; did you mean {by_folded[close[0]]!r}?" if close else ""


def _with_explanation(text: str, item: Item, joiner: str = ". ") -> str:
    if not item.explanation:
        return text
    return f"{text}{joiner}{item.explanation}"


class _Context:
    """What grading one item needs: the item, where its answer stands, the notes to add to."""

    def __init__(self, item: Item, item_id: str, answers: Answers, notes: list[Problem]) -> None:
        self.item, self.item_id, self.answers, self.notes = item, item_id, answers, notes
        self.choices = {c.id.casefold(): c.id for c in item.choices}

    def note(self, message: str, *inner: str | int) -> None:
        self.notes.append(self.answers.problem(message, self.item_id, *inner))

    def result(self, status: Status, given: str, score: float = 0.0, feedback: str = "") -> ItemResult:
        return ItemResult(
            item_id=self.item.id,
            points=self.item.points,
            score=score,
            status=status,
            given=given,
            expected=self.item.key_text,
            feedback=feedback,
        )

    def choice(self, text: str, *inner: str | int, what: str = "choices") -> str | None:
        """The choice id ``text`` names, or None (with a note naming ``what`` the choices are)."""
        found = self.choices.get(text.strip().casefold())
        if found is None:
            ids = [c.id for c in self.item.choices]
            self.note(
                f"{text.strip()!r} is not one of the {what} ({', '.join(ids)}){_suggest(text.strip(), ids)}",
                *inner,
            )
        return found


def _grade_item(item: Item, item_id: str, raw: Any, answers: Answers, notes: list[Problem]) -> ItemResult:
    ctx = _Context(item, item_id, answers, notes)
    raw = as_text(raw)
    if item.answer_type == "links":
        return _grade_links(ctx, raw)
    if _is_empty(raw):
        return ctx.result("unanswered", "", feedback="no answer")
    if item.answer_type == "choice":
        return _grade_choice(ctx, raw)
    return _grade_choices(ctx, raw)


def _grade_choice(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    inner: tuple[int, ...] = ()
    if isinstance(raw, list) and len(raw) == 1:
        raw, inner = raw[0], (0,)
        if _is_empty(raw):
            return ctx.result("unanswered", "", feedback="no answer")
    if isinstance(raw, str) and raw.strip().casefold() not in ctx.choices:
        several = [p.strip() for p in _SEPARATORS.split(raw) if p.strip()]
        if len(several) > 1:
            raw = several
    if isinstance(raw, list):
        ctx.note(f"give one choice, not {len(raw)} ({_show(raw)[1:-1]})")
        return ctx.result("invalid", _show(raw), feedback="give one choice")
    if not isinstance(raw, str):
        ids = ", ".join(c.id for c in item.choices)
        ctx.note(f"expected one choice id (one of: {ids}), not {_what(raw)}")
        return ctx.result("invalid", _show(raw), feedback="the answer could not be read")
    chosen = ctx.choice(raw, *inner)
    if chosen is None:
        return ctx.result("invalid", _show(raw), feedback=f"{raw.strip()!r} is not one of the choices")
    if chosen in item.key:
        return ctx.result("right", chosen, score=float(item.points))
    return ctx.result(
        "wrong",
        chosen,
        feedback=_with_explanation(f"you said {chosen!r}; expected {item.key_text}", item, ": "),
    )


def _grade_choices(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    entries: list[tuple[str, tuple[int, ...]]] = []
    readable = True
    if isinstance(raw, str):
        entries = [(p, ()) for p in _SEPARATORS.split(raw)]
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            if isinstance(value, str):
                entries.extend((p, (i,)) for p in _SEPARATORS.split(value))
            elif value is not None:
                ctx.note(
                    f"expected choice ids, found a {'mapping' if isinstance(value, dict) else 'list'}", i
                )
                readable = False
    else:
        ctx.note("expected a list of choice ids, e.g. [A, C], not a mapping")
        readable = False
    chosen: set[str] = set()
    for text, inner in entries:
        if not text.strip():
            continue
        found = ctx.choice(text, *inner)
        if found is None:
            readable = False
        else:
            chosen.add(found)
    if not readable:
        return ctx.result("invalid", _show(raw), feedback="the answer could not be read")
    if not chosen:
        return ctx.result("unanswered", "", feedback="no answer")
    order = [c.id for c in item.choices]
    given = ", ".join(c for c in order if c in chosen)
    key = set(item.key)
    if chosen == key:
        return ctx.result("right", given, score=float(item.points))
    parts = []
    missing = [c for c in order if c in key - chosen]
    extra = [c for c in order if c in chosen - key]
    if missing:
        parts.append(f"missing: {', '.join(missing)}")
    if extra:
        parts.append(f"extra: {', '.join(extra)}")
    return ctx.result("wrong", given, feedback=_with_explanation("; ".join(parts), item))


def _read_link(ctx: _Context, value: Any, inner: tuple[int, ...]) -> StanceLink | None:
    """One link from ``A supports C`` or ``{source, kind, target}``; None (with a note) if unreadable."""
    if isinstance(value, str):
        words = value.split()
        if len(words) != 3:
            ctx.note(f"cannot read the link {_show(value)!r}: write it as 'A supports C'", *inner)
            return None
        source, kind, target = words
    elif isinstance(value, dict):
        named = {str(k).strip().casefold(): v for k, v in value.items()}
        parts = [named.get(name) for name in ("source", "kind", "target")]
        if set(named) != {"source", "kind", "target"} or not all(isinstance(p, str) for p in parts):
            ctx.note(f"cannot read the link {_show(value)}: give source, kind and target", *inner)
            return None
        source, kind, target = (str(p) for p in parts)
    else:
        ctx.note(f"cannot read the link {_show(value)}: write it as 'A supports C'", *inner)
        return None
    stance = kind.strip().casefold()
    if stance not in _STANCES:
        ctx.note(
            f"{kind.strip()!r} is not a stance ({', '.join(_STANCES)}){_suggest(kind.strip(), _STANCES)}",
            *inner,
        )
        return None
    ends = []
    for end in (source, target):
        found = ctx.choice(end, *inner, what="nodes")
        if found is None:
            return None
        ends.append(found)
    return StanceLink(ends[0], stance, ends[1])


def _grade_links(ctx: _Context, raw: Any) -> ItemResult:
    item = ctx.item
    key = [StanceLink(k.source, k.kind, k.target) for k in item.key_links]
    values: list[tuple[Any, tuple[int, ...]]] = []
    if isinstance(raw, str):
        values = [(p, ()) for p in _SEPARATORS.split(raw)]
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            pieces = _SEPARATORS.split(value) if isinstance(value, str) else [value]
            values.extend((p, (i,)) for p in pieces)
    elif raw is not None:
        values = [(raw, ())]
    links: list[StanceLink] = []
    shown: list[str] = []
    unreadable = 0
    for value, inner in values:
        if _is_empty(value):
            continue
        link = _read_link(ctx, value, inner)
        if link is None:
            unreadable += 1
            shown.append(_show(value))
        elif link not in links:
            links.append(link)
            shown.append(str(link))
    given = "; ".join(shown)
    if not links and not unreadable and (raw is None or key):
        return ctx.result("unanswered", "", feedback="no answer")
    if not links and unreadable:
        return ctx.result("invalid", given, feedback="the links could not be read")
    c = compare_links(links, key, unreadable=unreadable)
    score = round(item.points * c.f1, 2)
    status: Status = "right" if c.f1 == 1 else "partial" if c.f1 > 0 else "wrong"
    parts = []
    if c.missing:
        parts.append("missing: " + ", ".join(map(str, c.missing)))
    if c.extra:
        parts.append("extra: " + ", ".join(map(str, c.extra)))
    if c.wrong_stance:
        parts.append("wrong stance: " + ", ".join(f"{g} (should be {k.kind})" for g, k in c.wrong_stance))
    if unreadable:
        parts.append(f"{unreadable} link(s) could not be read")
    feedback = "" if status == "right" else _with_explanation("; ".join(parts), item)
    result = ctx.result(status, given, score=score, feedback=feedback)
    return replace(result, precision=c.precision, recall=c.recall, f1=c.f1)


# -- grading maps ---------------------------------------------------------------


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
    """

    reference: str
    student: str
    left_out: tuple[str, ...] = ()
    notes: tuple[Problem, ...] = ()

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
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": [str(k) for k in self.matched],
            "missing": [str(k) for k in self.missing],
            "extra": [str(k) for k in self.extra],
            "wrong_stance": [{"given": str(g), "expected": str(k)} for g, k in self.wrong_stance],
            "left_out": list(self.left_out),
            "notes": [_problem_dict(p) for p in self.notes],
        }


def _describe(m: ArgumentMap, link: AnyLink, seen: frozenset[str]) -> tuple[str, frozenset[str]]:
    """A link as text that does not depend on its id, and the nodes it names."""
    premises = sorted(link.premises)
    if link.kind in _SYMMETRIC:
        a, b = sorted((link.premises[0], link.target))
        return f"{a} {link.kind} {b}", frozenset((a, b))
    if link.kind == "undercuts":
        target_link = m.link(link.target)
        if target_link.id in seen:
            inner, nodes = "…", frozenset[str]()
        else:
            inner, nodes = _describe(m, target_link, seen | {str(target_link.id)})
        return f"{'+'.join(premises)} undercuts ({inner})", nodes | frozenset(premises)
    return f"{'+'.join(premises)} {link.kind} {link.target}", frozenset((*premises, link.target))


def _map_triples(m: ArgumentMap) -> dict[StanceLink, frozenset[str]]:
    """Every link of a map as triples (one per premise), with the nodes each names."""
    out: dict[StanceLink, frozenset[str]] = {}
    for link in m.links:
        if link.kind in _SYMMETRIC:
            a, b = sorted((link.premises[0], link.target))
            out[StanceLink(a, link.kind, b)] = frozenset((a, b))
            continue
        if link.kind == "undercuts":
            text, nodes = _describe(m, m.link(link.target), frozenset({str(link.id)}))
            target = f"({text})"
        else:
            target, nodes = link.target, frozenset((link.target,))
        for premise in link.premises:
            out[StanceLink(premise, link.kind, target)] = nodes | {premise}
    return out


def grade_maps(reference: ArgumentMap, student: ArgumentMap) -> MapGrade:
    """Compare a student's reconstruction of a map with the reference, by node ids.

    Links are compared as triples ``(premise, kind, target)``: linked
    premises give one triple per premise; ``contradicts`` and ``equivalent``
    read the same either way round; an undercut's target is the undercut
    link itself, as ``(premises kind target)``. Only reference links between
    nodes the student's map has count; the student's nodes that the
    reference lacks are noted (their links count as extra).

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
    counted = [t for t, nodes in _map_triples(reference).items() if nodes <= present]
    given = list(_map_triples(student))
    c = compare_links(given, counted)
    notes = []
    for node in student.nodes:
        if node.id in known:
            continue
        where = student.locate(node.id)
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
    )


# -- reports ----------------------------------------------------------------------


def _number(value: float) -> str:
    """``7`` for 7.0, ``1.14`` for 1.14: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_grade(grade: Grade) -> str:
    """A readable report: one line per item, the notes, then the score.

    Examples:
        >>> g = Grade("Phones", "Ana", (ItemResult("1", 1, 1.0, "right", "A", "A", ""),
        ...           ItemResult("2", 1, 0.0, "wrong", "attacks", "supports",
        ...                      "you said 'attacks'; expected supports: B argues for D.")))
        >>> print(format_grade(g), end="")
        Phones
        Student: Ana
        1  right  1/1
        2  wrong  0/1  you said 'attacks'; expected supports: B argues for D.
        Score: 1/2 (50%)
    """
    lines = [grade.title]
    if grade.student:
        lines.append(f"Student: {grade.student}")
    id_width = max((len(r.item_id) for r in grade.items), default=1)
    status_width = max((len(r.status) for r in grade.items), default=1)
    marks = [f"{_number(r.score)}/{r.points}" for r in grade.items]
    mark_width = max((len(m) for m in marks), default=1)
    for result, mark in zip(grade.items, marks, strict=True):
        line = f"{result.item_id:<{id_width}}  {result.status:<{status_width}}  {mark:<{mark_width}}"
        if result.feedback:
            line += f"  {result.feedback}"
        lines.append(line.rstrip())
    if grade.notes:
        lines.append("Notes:")
        lines.extend(f"  {n}" for n in grade.notes)
    lines.append(f"Score: {_number(grade.score)}/{grade.points} ({_number(grade.percent)}%)")
    return "\n".join(lines) + "\n"


def format_map_grade(g: MapGrade) -> str:
    """A readable report of a map comparison: counts, scores, then the links that differ.

    Examples:
        >>> x = StanceLink("a", "supports", "c")
        >>> g = MapGrade((x,), (StanceLink("b", "attacks", "c"),), (), (), 1.0, 0.5, 2 / 3, "ref", "mine")
        >>> print(format_map_grade(g), end="")
        mine compared with ref: 1 matched, 1 missing, 0 extra, 0 wrong stance
        Precision 1.00  Recall 0.50  F1 0.67
        Missing:
          b attacks c
    """
    lines = [
        f"{g.student} compared with {g.reference}: {len(g.matched)} matched, {len(g.missing)} missing,"
        f" {len(g.extra)} extra, {len(g.wrong_stance)} wrong stance",
        f"Precision {g.precision:.2f}  Recall {g.recall:.2f}  F1 {g.f1:.2f}",
    ]
    sections: list[tuple[str, list[str]]] = [
        ("Missing", [str(k) for k in g.missing]),
        ("Extra", [str(k) for k in g.extra]),
        ("Wrong stance", [f"{a} (reference: {b.kind})" for a, b in g.wrong_stance]),
        ("Not in your map (not counted)", list(g.left_out)),
        ("Notes", [str(p) for p in g.notes]),
    ]
    for title, entries in sections:
        if entries:
            lines.append(f"{title}:")
            lines.extend(f"  {e}" for e in entries)
    return "\n".join(lines) + "\n"
