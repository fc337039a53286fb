"""A whole class's reconstructed maps graded at once against the reference map.

The counterpart, for ``argmap grade --reference``, of
:mod:`argmap.exercises.gradebook`: :func:`grade_map_class` compares every
student's map with the reference (:func:`~argmap.exercises.comparison.grade_maps`).
A file that cannot be read (not YAML, not a map, a dangling link...) does not
stop the others: it is kept as *unusable* with its located notes. Then:

- :func:`map_gradebook_csv` writes one row per usable map: the file, the
  student's name when the map gives one (``metadata: {student: Ana Silva}``),
  the links matched, missing, extra and of the wrong stance, precision,
  recall, F1 and F1 as a percentage; the same CSV as the answers' gradebook;
- :func:`summarize_maps` counts, per link of the reference, how many drew it
  right, with the wrong stance, or not at all, and how many were not asked
  for it (their map lacks one of its ends); and finds the links most often
  drawn that the reference lacks. :func:`format_map_summary` prints it as
  text, :meth:`MapClassSummary.to_dict` as JSON-ready data and
  :func:`map_summary_html` as a printable page.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> def drawn(kind):
    ...     b = MapBuilder("m", "M")
    ...     _ = b.claim("a", "A."); _ = b.claim("c", "C.")
    ...     _ = b.link(kind, "a", "c")
    ...     return b.build()
    >>> result = grade_map_answers(drawn("supports"), [("ana.yaml", drawn("supports")),
    ...                                                ("bo.yaml", drawn("attacks"))])
    >>> print(map_gradebook_csv(result), end="")
    file,student,matched,missing,extra,wrong stance,precision,recall,f1,percent
    ana.yaml,,1,0,0,0,1,1,1,100
    bo.yaml,,0,0,0,1,0,0,0,0
    >>> summarize_maps(result).links[0].common_wrong
    ('a attacks c', 1)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from argmap.errors import ArgmapError, LoadError, MapError, Problem
from argmap.exercises.comparison import MapGrade, grade_maps, map_links, problem_dict
from argmap.exercises.tables import csv_cell, csv_text, html_page, number, one_line, text_table
from argmap.model import ArgumentMap

__all__ = [
    "LinkSummary",
    "MapClassGrade",
    "MapClassSummary",
    "StudentMap",
    "format_map_summary",
    "grade_map_answers",
    "grade_map_class",
    "load_drawn_map",
    "map_gradebook_csv",
    "map_summary_html",
    "student_name",
    "summarize_maps",
]

#: How many of the extra links most often drawn the summary lists.
COMMON_EXTRA = 10


@dataclass(frozen=True)
class StudentMap:
    """One student's map: its comparison with the reference, or the problems that made it unusable.

    Attributes:
        path: The map file, as given.
        grade: The comparison; None when the file could not be read.
        student: The student's name, when the map gives one.
        problems: Why the file could not be read (located), or the comparison's notes.
    """

    path: str
    grade: MapGrade | None
    student: str | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class MapClassGrade:
    """Every student's map compared with one reference, in the order given."""

    reference: ArgumentMap
    students: tuple[StudentMap, ...]

    @property
    def graded(self) -> tuple[tuple[StudentMap, MapGrade], ...]:
        """The usable maps with their comparisons."""
        return tuple((s, s.grade) for s in self.students if s.grade is not None)

    @property
    def unusable(self) -> tuple[StudentMap, ...]:
        """The files that could not be read."""
        return tuple(s for s in self.students if s.grade is None)


def student_name(m: ArgumentMap) -> str | None:
    """The student's name a map gives in its metadata (``metadata: {student: ...}``), if any.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> m = MapBuilder("m", "M").build()
        >>> student_name(m), student_name(m.model_copy(update={"metadata": {"student": " Ana "}}))
        (None, 'Ana')
    """
    name = m.metadata.get("student")
    return name.strip() or None if isinstance(name, str) else None


# The top-level lists of a map a student may leave empty (``links:`` with nothing after it).
_LISTS = ("nodes", "links", "sides", "sources")


def load_drawn_map(path: str | os.PathLike[str]) -> ArgumentMap:
    r"""Read a student's map, in any format :func:`argmap.load` reads; an empty ``links:`` is no links.

    A student who draws no link, or deletes them all, leaves ``links:`` with
    nothing after it: YAML reads that as null, which a map refuses. Here a
    top-level list left empty (``nodes``, ``links``, ``sides``, ``sources``)
    is read as an empty list; every other problem is the reader's, located.

    Raises:
        LoadError: the file cannot be read or is not a valid map.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "ana.yaml"
        ...     _ = path.write_text("id: m\ntitle: M\nlinks:\n")
        ...     load_drawn_map(path).links
        ()
    """
    from argmap.io.formats import load  # the readers of every format, needed only here
    from argmap.io.located import decode, parse_json, parse_yaml, read_input
    from argmap.validation import validate_parsed

    name = os.fspath(path)
    try:
        return load(name)
    except LoadError:
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in (".yaml", ".yml", ".json"):
            raise
        parse = parse_json if suffix == ".json" else parse_yaml
        parsed = parse(decode(read_input(name), name), name)
        data = parsed.data
        if not isinstance(data, dict) or not any(key in data and data[key] is None for key in _LISTS):
            raise
        for key in _LISTS:
            if key in data and data[key] is None:
                data[key] = []
        return validate_parsed(parsed, name)


def _graded(reference: ArgumentMap, path: str, m: ArgumentMap) -> StudentMap:
    result = grade_maps(reference, m)
    return StudentMap(path=path, grade=result, student=student_name(m), problems=result.notes)


def grade_map_answers(reference: ArgumentMap, maps: Iterable[tuple[str, ArgumentMap]]) -> MapClassGrade:
    """Compare maps already read, each named by the file it came from, with the reference.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> m = MapBuilder("m", "M").build()
        >>> grade_map_answers(m, [("a.yaml", m)]).students[0].grade.f1
        1.0
    """
    return MapClassGrade(reference=reference, students=tuple(_graded(reference, p, m) for p, m in maps))


def grade_map_class(reference: ArgumentMap, paths: Sequence[str | os.PathLike[str]]) -> MapClassGrade:
    r"""Read every student's map and compare it with the reference; a bad file is kept as unusable.

    Maps are read in any format :func:`argmap.load` reads (by the file's suffix).

    Returns:
        The :class:`MapClassGrade`; it never raises for a bad map file.

    Examples:
        >>> import pathlib, tempfile
        >>> from argmap.builder import MapBuilder
        >>> m = MapBuilder("m", "M").build()
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     good, bad = pathlib.Path(folder, "good.yaml"), pathlib.Path(folder, "bad.yaml")
        ...     _ = good.write_text("id: m\ntitle: M\nmetadata: {student: Ana}\n")
        ...     _ = bad.write_text("id: m\ntitel: M\n")
        ...     result = grade_map_class(m, [good, bad])
        >>> [s.student for s in result.students], str(result.unusable[0].problems[0]).split(": ", 1)[1]
        (['Ana', None], "missing required field 'title'")
    """
    students = []
    for path in paths:
        name = os.fspath(path)
        try:
            m = load_drawn_map(path)
        except MapError as err:
            students.append(StudentMap(path=name, grade=None, problems=err.problems))
            continue
        except ArgmapError as err:
            students.append(StudentMap(path=name, grade=None, problems=(Problem(str(err), path=name),)))
            continue
        students.append(_graded(reference, name, m))
    return MapClassGrade(reference=reference, students=tuple(students))


_HEADER = ["file", "student", "matched", "missing", "extra", "wrong stance", "precision", "recall", "f1"]


def map_gradebook_csv(result: MapClassGrade) -> str:
    """The gradebook as CSV text: a header, then one row per usable map (F1 as a percentage last).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> m = MapBuilder("m", "M").build()
        >>> named = m.model_copy(update={"metadata": {"student": "=1+1"}})
        >>> map_gradebook_csv(grade_map_answers(m, [("x.yaml", named)])).splitlines()[1]
        "x.yaml,'=1+1,0,0,0,0,1,1,1,100"
    """
    rows = [[*_HEADER, "percent"]]
    for student, g in result.graded:
        rows.append(
            [
                csv_cell(student.path),
                csv_cell(student.student or ""),
                *(str(len(found)) for found in (g.matched, g.missing, g.extra, g.wrong_stance)),
                *(number(value) for value in (g.precision, g.recall, g.f1)),
                number(100 * g.f1),
            ]
        )
    return csv_text(rows)


@dataclass(frozen=True)
class LinkSummary:
    """How the class drew one link of the reference.

    Attributes:
        link: The link, as ``source kind target`` (reference node ids).
        right: How many drew it with its stance.
        wrong_stance: How many joined its ends with another stance.
        missing: How many had both ends but did not join them.
        not_counted: How many maps lack one of its ends (it does not count for them).
        common_wrong: The stance most often drawn instead, as a link, with how
            many drew it; ties go to the first in alphabetical order.
    """

    link: str
    right: int
    wrong_stance: int
    missing: int
    not_counted: int
    common_wrong: tuple[str, int] | None = None

    @property
    def counted(self) -> int:
        """How many maps the link counted for (both its ends drawn): what ``right`` is out of.

        Examples:
            >>> LinkSummary("a supports c", 1, 0, 0, 1).counted
            1
        """
        return self.right + self.wrong_stance + self.missing

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data.

        Examples:
            >>> LinkSummary("a supports c", 3, 1, 0, 0, ("a attacks c", 1)).to_dict()["most_common_wrong"]
            {'link': 'a attacks c', 'count': 1}
        """
        common = None
        if self.common_wrong is not None:
            common = {"link": self.common_wrong[0], "count": self.common_wrong[1]}
        return {
            "link": self.link,
            "right": self.right,
            "counted": self.counted,
            "wrong_stance": self.wrong_stance,
            "missing": self.missing,
            "not_counted": self.not_counted,
            "most_common_wrong": common,
        }


@dataclass(frozen=True)
class MapClassSummary:
    """The class's maps: how each reference link was drawn, the common extra links, the unusable files.

    ``links`` lists the reference's links that counted for at least one map, in
    the reference's order; ``notes`` holds the located notes of the graded
    maps (nodes the reference lacks), file by file.
    """

    reference: str
    title: str
    students: int
    mean_f1: float
    links: tuple[LinkSummary, ...]
    extra: tuple[tuple[str, int], ...]
    unusable: tuple[StudentMap, ...]
    notes: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (unusable files with their located problems).

        Examples:
            >>> MapClassSummary("r", "T", 0, 0.0, (), (), ()).to_dict()["students"]
            0
        """
        return {
            "reference": self.reference,
            "title": self.title,
            "students": self.students,
            "mean_f1": self.mean_f1,
            "links": [s.to_dict() for s in self.links],
            "most_common_extra": [{"link": link, "count": count} for link, count in self.extra],
            "unusable": [
                {"file": s.path, "problems": [problem_dict(p) for p in s.problems]} for s in self.unusable
            ],
            "notes": [problem_dict(p) for p in self.notes],
        }


def _most_common(counts: Counter[str]) -> tuple[str, int] | None:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0])) if counts else None


def summarize_maps(result: MapClassGrade) -> MapClassSummary:
    """Count, per reference link, how the class drew it, and find the extra links most often drawn.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> def drawn(*links):
        ...     b = MapBuilder("m", "M")
        ...     for n in "abc":
        ...         _ = b.claim(n, n.upper() + ".")
        ...     for kind, source, target in links:
        ...         _ = b.link(kind, source, target)
        ...     return b.build()
        >>> reference = drawn(("supports", "a", "c"), ("attacks", "b", "c"))
        >>> maps = [drawn(("supports", "a", "c")), drawn(("attacks", "a", "c"), ("attacks", "a", "b"))]
        >>> s = summarize_maps(grade_map_answers(reference, [(f"{n}.yaml", m) for n, m in enumerate(maps)]))
        >>> [(k.link, k.right, k.wrong_stance, k.missing) for k in s.links]
        [('a supports c', 1, 1, 0), ('b attacks c', 0, 0, 2)]
        >>> s.extra
        (('a attacks b', 1),)
    """
    graded = [g for _, g in result.graded]
    right: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    wrong: dict[str, Counter[str]] = {}
    extra: Counter[str] = Counter()
    for g in graded:
        right.update(str(k) for k in g.matched)
        missing.update(str(k) for k in g.missing)
        for given, expected in g.wrong_stance:
            wrong.setdefault(str(expected), Counter())[str(given)] += 1
        extra.update(str(k) for k in g.extra)
    links = []
    for text in dict.fromkeys(str(k) for k in map_links(result.reference)):
        wrongs = wrong.get(text, Counter())
        counted = right[text] + missing[text] + sum(wrongs.values())
        if counted:
            links.append(
                LinkSummary(
                    link=text,
                    right=right[text],
                    wrong_stance=sum(wrongs.values()),
                    missing=missing[text],
                    not_counted=len(graded) - counted,
                    common_wrong=_most_common(wrongs),
                )
            )
    common_extra = sorted(extra.items(), key=lambda kv: (-kv[1], kv[0]))[:COMMON_EXTRA]
    return MapClassSummary(
        reference=result.reference.id,
        title=result.reference.title,
        students=len(graded),
        mean_f1=round(sum(g.f1 for g in graded) / len(graded), 4) if graded else 0.0,
        links=tuple(links),
        extra=tuple(common_extra),
        unusable=result.unusable,
        notes=tuple(p for student, _ in result.graded for p in student.problems),
    )


def _maps(n: int) -> str:
    return f"{n} map{'s' if n != 1 else ''}"


def format_map_summary(summary: MapClassSummary) -> str:
    """The class summary as text: a line per reference link, the common extra links, the unusable files.

    Examples:
        >>> s = LinkSummary("a supports c", 3, 1, 0, 0, ("a attacks c", 1))
        >>> summary = MapClassSummary("phones", "Phones", 4, 0.8, (s,), (("b attacks a", 2),), ())
        >>> print(format_map_summary(summary), end="")
        Phones: 4 maps graded against phones, mean F1 0.8
        link          right  wrong stance  missing  not counted  most common wrong stance
        a supports c  3/4    1             0        0            a attacks c (1)
        Extra links most often drawn (not in the reference):
          b attacks a (2)
    """
    n = summary.students
    lines = [
        f"{summary.title}: {_maps(n)} graded against {summary.reference}, mean F1 {number(summary.mean_f1)}"
    ]
    header = ["link", "right", "wrong stance", "missing", "not counted", "most common wrong stance"]
    rows = [
        [
            one_line(s.link, 80),
            f"{s.right}/{s.counted}",
            str(s.wrong_stance),
            str(s.missing),
            str(s.not_counted),
            "" if s.common_wrong is None else f"{one_line(s.common_wrong[0], 80)} ({s.common_wrong[1]})",
        ]
        for s in summary.links
    ]
    lines.extend(text_table(header, rows))
    if summary.extra:
        lines.append("Extra links most often drawn (not in the reference):")
        lines.extend(f"  {one_line(link, 200)} ({count})" for link, count in summary.extra)
    if summary.notes:
        lines.append(f"Notes on graded maps ({len(summary.notes)}):")
        lines.extend(f"  {one_line(str(p), 300)}" for p in summary.notes)
    if summary.unusable:
        lines.append(f"Unusable files ({len(summary.unusable)}), not in the gradebook:")
        lines.extend(f"  {one_line(str(p), 300)}" for s in summary.unusable for p in s.problems)
    return "\n".join(lines) + "\n"


def map_summary_html(summary: MapClassSummary) -> str:
    """The class summary as a printable, self-contained HTML page for the teacher.

    One row per reference link (rows that fewer than half drew right are in
    bold), then the extra links most often drawn, the notes, and the files
    that could not be graded. Every text from a map file is HTML-escaped.

    Examples:
        >>> s = LinkSummary("a supports <c>", 1, 2, 1, 0, ("a attacks <c>", 2))
        >>> page = map_summary_html(MapClassSummary("r", "A & B", 4, 0.25, (s,), (), ()))
        >>> "A &amp; B" in page, "a attacks &lt;c&gt; (2)" in page, '<tr class="low">' in page
        (True, True, True)
    """
    n = summary.students
    out = [
        f'<p class="lead">{_maps(n)} graded against {escape(one_line(summary.reference, 200))};'
        f" mean F1 {number(summary.mean_f1)}.</p>",
        '<table><colgroup><col class="q"><col span="4"><col class="q"></colgroup>',
        "<thead><tr><th>Link of the reference</th><th>Right</th><th>Wrong stance</th><th>Missing</th>",
        "<th>Not counted</th><th>Most common wrong stance</th></tr></thead>",
        "<tbody>",
    ]
    for s in summary.links:
        low = ' class="low"' if 2 * s.right < s.counted else ""
        common = "" if s.common_wrong is None else f"{one_line(s.common_wrong[0], 200)} ({s.common_wrong[1]})"
        cells = [
            f"<td>{escape(one_line(s.link, 200))}</td>",
            f'<td class="n">{s.right}/{s.counted}</td>',
            *(f'<td class="n">{v}</td>' for v in (s.wrong_stance, s.missing, s.not_counted)),
            f"<td>{escape(common)}</td>",
        ]
        out.append(f"<tr{low}>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    sections = [
        (
            "Extra links most often drawn",
            [f"{one_line(link, 200)} ({count})" for link, count in summary.extra],
        ),
        (f"Notes on graded maps ({len(summary.notes)})", [one_line(str(p), 300) for p in summary.notes]),
        (
            f"Not graded ({len(summary.unusable)})",
            [one_line(str(p), 300) for s in summary.unusable for p in s.problems],
        ),
    ]
    for heading, entries in sections:
        if entries:
            out.append(f"<h2>{heading}</h2>")
            out.append('<ul class="unusable">')
            out.extend(f"<li>{escape(entry)}</li>" for entry in entries)
            out.append("</ul>")
    return html_page(f"{one_line(summary.title, 200)} — class summary of maps", out)
