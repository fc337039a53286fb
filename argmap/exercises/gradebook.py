"""A whole class graded at once: a gradebook (CSV) and a summary per item.

:func:`grade_class` grades every answer file against one exercise. A file
that cannot be read (not YAML, unknown fields, an item answered twice...)
does not stop the others: it is kept as *unusable* with its located notes.
Then:

- :func:`gradebook_csv` writes one row per usable file: the file, the
  student's name when the file gives one, the score of each part, the total,
  the points and the percentage; standard CSV (``csv`` module, RFC 4180
  quoting, CRLF line ends) that spreadsheets and LMS gradebook imports read.
  A cell that a spreadsheet would run as a formula (it starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'``;
- :func:`summarize` counts, per item, how many got it right, partly right,
  wrong, left it out or gave an invalid answer (a choice the item does not
  have, or a value that cannot be read), and finds the most common wrong
  answer among the wrong and partly right ones (for an item of several
  choices or links, the wrong choice or link most often given: never one
  that is right); :func:`format_summary` prints it as text and
  :meth:`ClassSummary.to_dict` as JSON-ready data.

Examples:
    >>> from argmap.exercises.model import Choice, Exercise, Item, Part
    >>> from argmap.exercises.answers import Answers
    >>> choices = [Choice(id="A", text="a"), Choice(id="B", text="b")]
    >>> item = Item(id="1", prompt="?", choices=choices, key=["A"])
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
    ...               parts=[Part(kind="sort-by-side", title="Sides", instructions="", items=[item])])
    >>> result = grade_answers(ex, [("ana.yaml", Answers(student="Ana", answers={"1": "A"})),
    ...                             ("bo.yaml", Answers(answers={"1": "b"}))])
    >>> print(gradebook_csv(result), end="")
    file,student,Part 1: Sides (1),total,points,percent
    ana.yaml,Ana,1,1,1,100
    bo.yaml,,0,0,1,0
    >>> summarize(result).items[0].common_wrong
    ('B', 1)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from argmap.errors import ArgmapError, MapError, Problem
from argmap.exercises.answers import Answers, load_answers
from argmap.exercises.comparison import StanceLink, problem_dict
from argmap.exercises.grading import grade
from argmap.exercises.model import Exercise, Item
from argmap.exercises.reports import Grade
from argmap.exercises.tables import csv_cell, csv_text, html_page, number, one_line, text_table

__all__ = [
    "ClassGrade",
    "ClassSummary",
    "ItemSummary",
    "StudentGrade",
    "format_summary",
    "grade_answers",
    "grade_class",
    "gradebook_csv",
    "part_headers",
    "summarize",
    "summary_html",
]


@dataclass(frozen=True)
class StudentGrade:
    """One answer file of the class: its grade, or the problems that made it unusable.

    Attributes:
        path: The answer file, as given.
        grade: The grade; None when the file could not be read.
        problems: Why the file could not be read (located), or the grade's notes.
    """

    path: str
    grade: Grade | None
    problems: tuple[Problem, ...] = ()

    @property
    def usable(self) -> bool:
        """Whether the file was read and graded."""
        return self.grade is not None


@dataclass(frozen=True)
class ClassGrade:
    """Every answer file of a class graded against one exercise, in the order given."""

    exercise: Exercise
    students: tuple[StudentGrade, ...]

    @property
    def graded(self) -> tuple[tuple[StudentGrade, Grade], ...]:
        """The usable files with their grades."""
        return tuple((s, s.grade) for s in self.students if s.grade is not None)

    @property
    def unusable(self) -> tuple[StudentGrade, ...]:
        """The files that could not be read."""
        return tuple(s for s in self.students if s.grade is None)


def grade_answers(ex: Exercise, answers: Iterable[tuple[str, Answers]]) -> ClassGrade:
    """Grade answers already read, each named by the file it came from.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a")], key=["A"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> grade_answers(ex, [("a.yaml", Answers(answers={"1": "A"}))]).students[0].grade.percent
        100.0
    """
    students = []
    for path, given in answers:
        result = grade(ex, given)
        students.append(StudentGrade(path=path, grade=result, problems=result.notes))
    return ClassGrade(exercise=ex, students=tuple(students))


def grade_class(ex: Exercise, paths: Sequence[str | os.PathLike[str]]) -> ClassGrade:
    r"""Read and grade every answer file; a file that cannot be read is kept as unusable.

    Args:
        ex: The exercise (with its key).
        paths: The answer files, graded in this order.

    Returns:
        The :class:`ClassGrade`; it never raises for a bad answer file.

    Examples:
        >>> import pathlib, tempfile
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a")], key=["A"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     good, bad = pathlib.Path(folder, "good.yaml"), pathlib.Path(folder, "bad.yaml")
        ...     _ = good.write_text("answers:\n  1: A\n")
        ...     _ = bad.write_text("answers: [\n")
        ...     result = grade_class(ex, [good, bad])
        >>> [s.usable for s in result.students]
        [True, False]
        >>> result.unusable[0].problems[0].line
        2
    """
    students = []
    for path in paths:
        name = os.fspath(path)
        try:
            given = load_answers(path)
        except MapError as err:
            students.append(StudentGrade(path=name, grade=None, problems=err.problems))
            continue
        except ArgmapError as err:
            students.append(StudentGrade(path=name, grade=None, problems=(Problem(str(err), path=name),)))
            continue
        result = grade(ex, given)
        students.append(StudentGrade(path=name, grade=result, problems=result.notes))
    return ClassGrade(exercise=ex, students=tuple(students))


def part_headers(ex: Exercise) -> list[str]:
    """The gradebook's column name for each part: its number, title and points.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a")], key=["A"], points=2)
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="Sides", instructions="", items=[item])])
        >>> part_headers(ex)
        ['Part 1: Sides (2)']
    """
    return [
        f"Part {n}: {' '.join(part.title.split())} ({sum(i.points for i in part.items)})"
        for n, part in enumerate(ex.parts, start=1)
    ]


def gradebook_csv(result: ClassGrade) -> str:
    """The gradebook as CSV text: a header, then one row per usable answer file.

    Unusable files have no row (their notes say why); scores have at most two
    decimals.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a")], key=["A"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> text = gradebook_csv(grade_answers(ex, [("x.yaml", Answers(student="=SUM(A1)", answers={}))]))
        >>> text.splitlines()[1]
        "x.yaml,'=SUM(A1),0,0,1,0"
    """
    ex = result.exercise
    rows = [["file", "student", *part_headers(ex), "total", "points", "percent"]]
    for student, marks in result.graded:
        scores = {r.item_id: r.score for r in marks.items}
        per_part = [number(round(sum(scores.get(i.id, 0.0) for i in part.items), 2)) for part in ex.parts]
        rows.append(
            [
                csv_cell(student.path),
                csv_cell(marks.student or ""),
                *per_part,
                number(marks.score),
                str(marks.points),
                number(marks.percent),
            ]
        )
    return csv_text(rows)


@dataclass(frozen=True)
class ItemSummary:
    """How the class answered one item.

    Attributes:
        item_id: The item's number.
        part: The number of the part it belongs to (from 1).
        points: What the item is worth.
        right, partial, wrong, unanswered, invalid: How many students'
            answers had each status.
        mean: The mean score over the usable files.
        common_wrong: The most common wrong answer, with how many gave it:
            for an item of one choice, the choice; for an item of several
            choices or links, the wrong choice or link (one the key lacks)
            that most wrong or partly right answers hold, so that a right
            one, given beside a wrong one or alone, is never named; ties go
            to the first in alphabetical order; None when no answer held a
            wrong one (only right ones, too few). Invalid and
            missing answers are not wrong answers: they are counted in
            ``invalid`` and ``unanswered``, and the notes say what each is.
        expected: The key, as the reader sees it.
        prompt: The item's question.
    """

    item_id: str
    part: int
    points: int
    right: int
    partial: int
    wrong: int
    unanswered: int
    invalid: int
    mean: float
    common_wrong: tuple[str, int] | None
    expected: str
    prompt: str = ""

    @property
    def answered(self) -> int:
        """How many gave an answer (of any status but unanswered)."""
        return self.right + self.partial + self.wrong + self.invalid

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data.

        Examples:
            >>> s = ItemSummary("1", 1, 1, 3, 0, 1, 0, 0, 0.75, ("B", 1), "A (a)")
            >>> s.to_dict()["most_common_wrong"]
            {'answer': 'B', 'count': 1}
        """
        common = None
        if self.common_wrong is not None:
            common = {"answer": self.common_wrong[0], "count": self.common_wrong[1]}
        return {
            "item": self.item_id,
            "part": self.part,
            "points": self.points,
            "right": self.right,
            "partial": self.partial,
            "wrong": self.wrong,
            "unanswered": self.unanswered,
            "invalid": self.invalid,
            "mean": self.mean,
            "most_common_wrong": common,
            "expected": self.expected,
            "prompt": self.prompt,
        }


@dataclass(frozen=True)
class ClassSummary:
    """The class's results: per item, the score spread; the unusable files; the notes on the graded ones.

    ``notes`` holds every located note of the files that were graded (an
    answer naming no choice, an item the exercise lacks...), file by file.
    """

    title: str
    students: int
    mean_percent: float
    items: tuple[ItemSummary, ...]
    unusable: tuple[StudentGrade, ...]
    notes: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (unusable files with their located problems).

        Examples:
            >>> ClassSummary("T", 0, 0.0, (), ()).to_dict()["students"]
            0
        """
        return {
            "title": self.title,
            "students": self.students,
            "mean_percent": self.mean_percent,
            "items": [s.to_dict() for s in self.items],
            "unusable": [
                {"file": s.path, "problems": [problem_dict(p) for p in s.problems]} for s in self.unusable
            ],
            "notes": [problem_dict(p) for p in self.notes],
        }


def _wrong_parts(item: Item, given: str) -> set[str]:
    """The parts of a graded answer that are not right: the choices or links given that the key lacks.

    ``given`` is the answer as graded (:attr:`ItemResult.given`): choice ids
    joined by ``, ``, or links (``A supports C``) joined by ``; ``.

    Examples:
        >>> from argmap.exercises.model import Choice, Item
        >>> item = Item(id="1", prompt="?", answer_type="choices", key=["L2", "L5"],
        ...             choices=[Choice(id=f"L{i}", text=str(i)) for i in range(1, 6)])
        >>> sorted(_wrong_parts(item, "L2, L3")), sorted(_wrong_parts(item, "L2"))
        (['L3'], [])
    """
    if item.answer_type == "links":
        right = {str(StanceLink(k.source, k.kind, k.target)) for k in item.key_links}
        pieces = given.split("; ")
    else:
        right = set(item.key)
        pieces = given.split(", ")
    return {piece for piece in pieces if piece and piece not in right}


def summarize(result: ClassGrade) -> ClassSummary:
    """Count, per item, how the class answered it, and find the most common wrong answer.

    Examples:
        >>> from argmap.exercises.model import Choice, Exercise, Item, Part
        >>> choices = [Choice(id=c, text=c.lower()) for c in "ABC"]
        >>> item = Item(id="1", prompt="?", choices=choices, key=["A"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> given = [("1", "A"), ("2", "C"), ("3", "B"), ("4", "c"), ("5", "")]
        >>> result = grade_answers(ex, [(f"{n}.yaml", Answers(answers={"1": a})) for n, a in given])
        >>> s = summarize(result).items[0]
        >>> s.right, s.wrong, s.unanswered, s.common_wrong
        (1, 3, 1, ('C', 2))
    """
    graded = [marks for _, marks in result.graded]
    items = []
    for part_number, part in enumerate(result.exercise.parts, start=1):
        for item in part.items:
            statuses: Counter[str] = Counter()
            wrong_given: Counter[str] = Counter()
            total = 0.0
            for marks in graded:
                found = next((r for r in marks.items if r.item_id == item.id), None)
                if found is None:
                    statuses["unanswered"] += 1
                    continue
                statuses[found.status] += 1
                total += found.score
                if found.status in ("wrong", "partial") and found.given:
                    wrong_given.update(_wrong_parts(item, found.given))
            common = min(wrong_given.items(), key=lambda kv: (-kv[1], kv[0])) if wrong_given else None
            items.append(
                ItemSummary(
                    item_id=item.id,
                    part=part_number,
                    points=item.points,
                    right=statuses["right"],
                    partial=statuses["partial"],
                    wrong=statuses["wrong"],
                    unanswered=statuses["unanswered"],
                    invalid=statuses["invalid"],
                    mean=round(total / len(graded), 2) if graded else 0.0,
                    common_wrong=common,
                    expected=item.key_text,
                    prompt=item.prompt,
                )
            )
    mean_percent = round(sum(g.percent for g in graded) / len(graded), 2) if graded else 0.0
    return ClassSummary(
        title=result.exercise.title,
        students=len(graded),
        mean_percent=mean_percent,
        items=tuple(items),
        unusable=result.unusable,
        notes=tuple(p for student, _ in result.graded for p in student.problems),
    )


def format_summary(summary: ClassSummary) -> str:
    """The class summary as readable text: one line per item, then the unusable files.

    Examples:
        >>> s = ItemSummary("1", 1, 1, 3, 0, 1, 0, 0, 0.75, ("B", 1), "A (a)")
        >>> print(format_summary(ClassSummary("Phones", 4, 75.0, (s,), ())), end="")
        Phones: 4 students graded, mean 75%
        item  right  partial  wrong  blank  invalid  most common wrong answer
        1     3/4    0        1      0      0        B (1)
    """
    n = summary.students
    students = f"{n} student{'s' if n != 1 else ''}"
    lines = [f"{summary.title}: {students} graded, mean {number(summary.mean_percent)}%"]
    header = ["item", "right", "partial", "wrong", "blank", "invalid", "most common wrong answer"]
    rows = [
        [
            s.item_id,
            f"{s.right}/{n}",
            str(s.partial),
            str(s.wrong),
            str(s.unanswered),
            str(s.invalid),
            "" if s.common_wrong is None else f"{one_line(s.common_wrong[0])} ({s.common_wrong[1]})",
        ]
        for s in summary.items
    ]
    lines.extend(text_table(header, rows))
    if summary.notes:
        lines.append(f"Notes on graded answers ({len(summary.notes)}):")
        lines.extend(f"  {one_line(str(p), 300)}" for p in summary.notes)
    if summary.unusable:
        lines.append(f"Unusable files ({len(summary.unusable)}), not in the gradebook:")
        for student in summary.unusable:
            lines.extend(f"  {one_line(str(p), 300)}" for p in student.problems)
    return "\n".join(lines) + "\n"


def summary_html(summary: ClassSummary) -> str:
    """The class summary as a printable, self-contained HTML page for the teacher.

    One row per item: its question, the key, how many got it right (rows
    that fewer than half got right are in bold), the other statuses and the
    most common wrong answer; then the files that could not be graded. Every
    text from the exercise or an answer file is HTML-escaped.

    Examples:
        >>> s = ItemSummary("1", 1, 1, 1, 0, 3, 0, 0, 0.25, ("<b>", 2), "A (a)", "Who holds A & B?")
        >>> page = summary_html(ClassSummary("T", 4, 25.0, (s,), ()))
        >>> "Who holds A &amp; B?" in page, "&lt;b&gt; (2)" in page, '<tr class="low">' in page
        (True, True, True)
    """
    n = summary.students
    out = [
        f'<p class="lead">{n} student{"s" if n != 1 else ""} graded; mean score'
        f" {number(summary.mean_percent)}%.</p>",
        '<table><colgroup><col><col class="q"><col class="k"><col span="5"><col class="w"></colgroup>',
        "<thead><tr><th>Item</th><th>Question</th><th>Key</th><th>Right</th><th>Partly</th>",
        "<th>Wrong</th><th>Blank</th><th>Invalid</th><th>Most common wrong</th></tr></thead>",
        "<tbody>",
    ]
    for s in summary.items:
        low = ' class="low"' if n and 2 * s.right < n else ""
        common = "" if s.common_wrong is None else f"{one_line(s.common_wrong[0])} ({s.common_wrong[1]})"
        cells = [
            f'<td class="n">{escape(s.item_id)}</td>',
            f"<td>{escape(one_line(s.prompt, 300))}</td>",
            f"<td>{escape(one_line(s.expected, 200))}</td>",
            f'<td class="n">{s.right}/{n}</td>',
            *(f'<td class="n">{v}</td>' for v in (s.partial, s.wrong, s.unanswered, s.invalid)),
            f"<td>{escape(common)}</td>",
        ]
        out.append(f"<tr{low}>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    if summary.notes:
        out.append(f"<h2>Notes on graded answers ({len(summary.notes)})</h2>")
        out.append('<ul class="unusable">')
        out.extend(f"<li>{escape(one_line(str(p), 300))}</li>" for p in summary.notes)
        out.append("</ul>")
    if summary.unusable:
        out.append(f"<h2>Not graded ({len(summary.unusable)})</h2>")
        out.append('<ul class="unusable">')
        out.extend(f"<li>{escape(one_line(str(p), 300))}</li>" for s in summary.unusable for p in s.problems)
        out.append("</ul>")
    return html_page(f"{one_line(summary.title, 200)} — class summary", out)
