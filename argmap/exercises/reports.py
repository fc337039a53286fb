"""What a grade holds, and how it reads: item results, grades, and their text reports.

:class:`Grade` (a student's answers, item by item) and
:class:`~argmap.exercises.comparison.MapGrade` (a map against the reference)
turn into JSON-ready data with ``to_dict()`` and into a readable report with
:func:`format_grade` and :func:`format_map_grade`.

Examples:
    >>> g = Grade("Phones", None, (ItemResult("1", 2, 2.0, "right", "B", "B", ""),))
    >>> g.percent, format_grade(g).splitlines()[-1]
    (100.0, 'Score: 2/2 (100%)')
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from argmap.errors import Problem, UnknownElementError
from argmap.exercises.comparison import MapGrade, problem_dict
from argmap.words import plural

__all__ = ["Grade", "ItemResult", "Status", "format_grade", "format_map_grade"]

Status: TypeAlias = Literal["right", "wrong", "partial", "unanswered", "invalid"]


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
            UnknownElementError: the exercise has no such item.
        """
        for result in self.items:
            if result.item_id == item_id:
                return result
        raise UnknownElementError(item_id, "item", choices=[r.item_id for r in self.items])

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
            "notes": [problem_dict(p) for p in self.notes],
        }


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


# The width of a report's wrapped lists (the reference's statements a map lacks).
_WIDTH = 100


def format_map_grade(g: MapGrade) -> str:
    """A readable report of a map comparison: counts, scores, then the links that differ.

    The student is named by the map's ``metadata.student`` when it gives
    one. The reference's statements that the map lacks (a starter holds a
    worksheet's few, the reference a whole debate's) are counted and listed
    on a few lines, not one a line.

    Examples:
        >>> from argmap.exercises.comparison import StanceLink
        >>> x = StanceLink("a", "supports", "c")
        >>> g = MapGrade((x,), (StanceLink("b", "attacks", "c"),), (), (), 1.0, 0.5, 2 / 3, "ref", "mine",
        ...              left_out=("d", "e"), name="Ana Silva")
        >>> print(format_map_grade(g), end="")
        Ana Silva (mine) compared with ref: 1 matched, 1 missing, 0 extra, 0 wrong stance
        Precision 1.00  Recall 0.50  F1 0.67
        Missing:
          b attacks c
        Not in your map: 2 statements of ref (links through them are not counted):
          d, e
    """
    who = f"{g.name} ({g.student})" if g.name else g.student
    counted = len(g.matched) + len(g.missing) + len(g.extra) + len(g.wrong_stance)
    lines = [
        f"{who} compared with {g.reference}: {len(g.matched)} matched, {len(g.missing)} missing,"
        f" {len(g.extra)} extra, {len(g.wrong_stance)} wrong stance",
        f"Precision {g.precision:.2f}  Recall {g.recall:.2f}  F1 {g.f1:.2f}"
        + (
            "  (no link of the reference joins statements of this map: nothing was counted)"
            if not counted
            else ""
        ),
    ]
    sections: list[tuple[str, list[str]]] = [
        ("Missing", [str(k) for k in g.missing]),
        ("Extra", [str(k) for k in g.extra]),
        ("Wrong stance", [f"{a} (reference: {b.kind})" for a, b in g.wrong_stance]),
        ("Notes", [str(p) for p in g.notes]),
    ]
    for title, entries in sections[:3]:
        if entries:
            lines.append(f"{title}:")
            lines.extend(f"  {e}" for e in entries)
    if g.left_out:
        lines.append(
            f"Not in your map: {plural(len(g.left_out), 'statement')} of {g.reference}"
            " (links through them are not counted):"
        )
        lines.extend(
            textwrap.wrap(
                ", ".join(g.left_out),
                width=_WIDTH,
                initial_indent="  ",
                subsequent_indent="  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    for title, entries in sections[3:]:
        if entries:
            lines.append(f"{title}:")
            lines.extend(f"  {e}" for e in entries)
    return "\n".join(lines) + "\n"
