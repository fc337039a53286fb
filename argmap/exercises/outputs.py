"""The files an exercise is written to: worksheets chosen by suffix, the quiz, the exercise, the starter.

:func:`worksheet_format` picks the worksheet writer from a file name
(``.html``/``.htm``, ``.md`` or ``.pdf``); :func:`exercise_outputs` makes
the text (bytes for a PDF) of every output asked for, by its name
(:data:`OUTPUTS`), so that a program (``argmap exercise`` among them) only
chooses the files and writes them.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> m = argmap.load_corpus("school-phones")
    >>> ex = generate(m, "sort-by-side", seed=1)
    >>> texts = exercise_outputs(ex, {"key": "key.md", "json": "ex.json"})
    >>> list(texts), texts["key"].startswith("# ")
    (['key', 'json'], True)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Literal, TypeAlias

from argmap.errors import ExerciseError
from argmap.exercises.common import restrict, submap, unlinked
from argmap.exercises.gift import to_gift
from argmap.exercises.html import worksheet_html
from argmap.exercises.layout import Paper
from argmap.exercises.markdown import worksheet_markdown
from argmap.exercises.model import Exercise
from argmap.exercises.moodle import to_moodle_xml
from argmap.exercises.template import answers_template
from argmap.io.native import dumps, format_of
from argmap.model import ArgumentMap

__all__ = [
    "OUTPUTS",
    "Output",
    "WorksheetFormat",
    "exercise_outputs",
    "reconstruct_statements",
    "starter_map",
    "worksheet",
    "worksheet_format",
]

WorksheetFormat: TypeAlias = Literal["html", "markdown", "pdf"]
Output: TypeAlias = Literal["worksheet", "key", "gift", "moodle", "json", "template", "starter"]

#: Every output, in the order :func:`exercise_outputs` makes them.
OUTPUTS: tuple[Output, ...] = ("worksheet", "key", "gift", "moodle", "json", "template", "starter")

_SUFFIXES: Mapping[str, WorksheetFormat] = {".html": "html", ".htm": "html", ".md": "markdown", ".pdf": "pdf"}


def _pdf(ex: Exercise, key: bool, paper: Paper) -> bytes:
    from argmap.exercises.pdf import html_to_pdf

    return html_to_pdf(worksheet_html(ex, key=key, paper=paper))


_WRITERS: Mapping[WorksheetFormat, Callable[[Exercise, bool, Paper], str | bytes]] = {
    "html": lambda ex, key, paper: worksheet_html(ex, key=key, paper=paper),
    "markdown": lambda ex, key, paper: worksheet_markdown(ex, key=key),
    "pdf": _pdf,
}


def worksheet_format(path: str | os.PathLike[str]) -> WorksheetFormat:
    """The worksheet format a file name asks for, by its suffix.

    Raises:
        ExerciseError: the suffix is not ``.html``, ``.htm``, ``.md`` or ``.pdf``.

    Examples:
        >>> worksheet_format("sheet.HTML"), worksheet_format("key.md"), worksheet_format("s.pdf")
        ('html', 'markdown', 'pdf')
        >>> worksheet_format("sheet.docx")
        Traceback (most recent call last):
        ...
        argmap.errors.ExerciseError: write a worksheet as .html, .md or .pdf, not '.docx'
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise ExerciseError(
            f"write a worksheet as .html, .md or .pdf, not {suffix or 'no suffix'!r}"
        ) from None


def worksheet(ex: Exercise, fmt: WorksheetFormat, *, key: bool = False, paper: Paper = "a4") -> str | bytes:
    """The worksheet (or with ``key`` the answer key) in one format: text, or bytes for a PDF.

    ``paper`` (``"a4"`` or ``"letter"``) is the paper an HTML or PDF worksheet
    is laid out for; Markdown has no paper.

    Raises:
        EngineNotFoundError: an HTML worksheet has diagrams and no layout
            engine is available, or a PDF is asked for and no browser prints it
            (see :mod:`argmap.exercises.pdf`).
        RenderError: the browser failed to print the PDF.

    Examples:
        >>> from argmap.exercises.model import Exercise
        >>> ex = Exercise(title="Phones", map_id="m", map_title="M", seed=0, difficulty=1)
        >>> worksheet(ex, "markdown", key=True).splitlines()[:3]
        ['# Phones', '', '**ANSWER KEY: for the teacher; do not hand out.**']
    """
    return _WRITERS[fmt](ex, key, paper)


def starter_map(
    m: ArgumentMap, issues: Collection[str] = (), statements: Collection[str] | None = None
) -> ArgumentMap:
    """The map (cut to ``issues``) without its links, notes and data: what a student reconstructs in a file.

    Grade the student's completed copy with :func:`argmap.exercises.grade_maps`:
    only the reference's links among the nodes the copy holds count, so the
    starter holds the statements the worksheet shows and no other.

    Args:
        m: The map the exercise was made from.
        issues: The exercise's scope (every node of the map when empty).
        statements: The node ids in play, when a reconstruct part chose them
            (see :func:`reconstruct_statements`); they replace the scope.

    Raises:
        UnknownElementError: an id is not an issue of the map.

    Examples:
        >>> import argmap
        >>> m = argmap.load_corpus("school-phones")
        >>> start = starter_map(m, ["lunch"])
        >>> start.links, len(start.nodes) < len(m.nodes)
        ((), True)
        >>> [n.id for n in starter_map(m, statements=["lunch", "lunch-scrolling"]).nodes]
        ['lunch', 'lunch-scrolling']
    """
    return unlinked(restrict(m, issues) if statements is None else submap(m, statements))


def reconstruct_statements(ex: Exercise) -> tuple[str, ...] | None:
    """The node ids the reconstruct items of ``ex`` show, in item order; None when it has none.

    Examples:
        >>> import argmap
        >>> from argmap.exercises import generate
        >>> m = argmap.load_corpus("school-phones")
        >>> ex = generate(m, "reconstruct", seed=1, issues=["lunch"])
        >>> sorted(reconstruct_statements(ex))
        ['class-not-device', 'lunch', 'lunch-scrolling', 'pupil-wellbeing']
        >>> reconstruct_statements(generate(m, "sort-by-side", seed=1)) is None
        True
    """
    shown = [
        e for part in ex.parts if part.kind == "reconstruct" for item in part.items for e in item.elements
    ]
    return tuple(dict.fromkeys(shown)) if shown else None


def exercise_outputs(
    ex: Exercise,
    paths: Mapping[Output, str | os.PathLike[str]],
    *,
    source: ArgumentMap | None = None,
    matching: bool = False,
    paper: Paper = "a4",
) -> dict[Output, str | bytes]:
    """The text of each output named in ``paths`` (bytes for a PDF), in the order of :data:`OUTPUTS`.

    Args:
        ex: The exercise.
        paths: The file each output goes to, by output: ``worksheet`` and
            ``key`` (``.html``, ``.md`` or ``.pdf``), ``gift`` (a Moodle quiz in
            GIFT), ``moodle`` (a Moodle XML quiz, diagrams embedded),
            ``json`` (the exercise), ``template`` (an answers file to fill
            in), ``starter`` (the map without its links, ``.yaml`` or
            ``.json``). The suffix chooses the format; nothing is written.
        source: The map the exercise was made from (for ``starter``).
        matching: In the quiz, make a part whose items share their choices
            one matching question.
        paper: The paper the HTML and PDF worksheets are laid out for.

    Raises:
        ExerciseError: a worksheet's suffix is not one argmap writes, or a
            starter is asked for without the map.
        EngineNotFoundError: an HTML worksheet or a Moodle XML quiz has
            diagrams and no layout engine is available, or a PDF is asked for
            and no browser prints it.

    Examples:
        >>> import argmap
        >>> from argmap.exercises import generate
        >>> m = argmap.load_corpus("school-phones")
        >>> ex = generate(m, "reconstruct", seed=1, issues=["lunch"])
        >>> texts = exercise_outputs(ex, {"starter": "start.yaml", "gift": "q.gift"}, source=m)
        >>> list(texts), "links:" in texts["starter"]
        (['gift', 'starter'], False)
    """
    texts: dict[Output, str | bytes] = {}
    for name in OUTPUTS:
        if name not in paths:
            continue
        path = paths[name]
        if name in ("worksheet", "key"):
            texts[name] = worksheet(ex, worksheet_format(path), key=name == "key", paper=paper)
        elif name == "gift":
            texts[name] = to_gift(ex, matching=matching)
        elif name == "moodle":
            texts[name] = to_moodle_xml(ex)
        elif name == "json":
            texts[name] = ex.to_json()
        elif name == "template":
            texts[name] = answers_template(ex)
        else:
            if source is None:
                raise ExerciseError("a starter map needs the map the exercise was made from")
            # the statements the worksheet shows, so that grading against the map counts what it asks
            texts[name] = dumps(starter_map(source, ex.scope, reconstruct_statements(ex)), format_of(path))
    return texts
