r"""Exercise files and students' answer files: loading, writing, keys and templates.

An exercise is kept as JSON (:meth:`~argmap.exercises.model.Exercise.to_json`);
:func:`load_exercise` reads it back and reports a broken file at
``path:line:col``. A student answers in a small YAML (or JSON) file that
names each answer by its item number::

    student: Ana Silva        # optional
    answers:
      1: supports             # a choice item: one choice id
      2: B
      7: [L2, L5]             # a choices item: a list, or "L2, L5"
      9:                      # a links item: a list of links
        - A supports C
        - {source: B, kind: attacks, target: C}

Choice ids are compared without regard to case or surrounding spaces; item
numbers may be written ``1:`` or ``"1":``, and ``01`` is item 1. Every value
is kept as text (``yes`` stays ``'yes'``, not ``True``), so that any choice
id can be written bare. An item left empty (``3:``) is unanswered.
:func:`load_answers` checks only the shape of the file (unknown top-level
keys, an item answered twice); whether an answer fits its item is for
:func:`~argmap.exercises.grading.grade` to say.

Examples:
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "answers.yaml"
    ...     _ = path.write_text("student: Ana\nanswers:\n  1: B\n  2: [L2, L5]\n")
    ...     answers = load_answers(path)
    >>> answers.student, answers.answers["1"], answers.answers["2"]
    ('Ana', 'B', ['L2', 'L5'])
    >>> answers.where("2", 1)
    (4, 11)
"""

from __future__ import annotations

import difflib
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.errors import LoadError, Problem
from argmap.exercises.model import Choice, Diagram, Exercise, Item, LinkAnswer, Part, Sentence
from argmap.io.files import write_atomic
from argmap.io.located import Loc, Parsed, decode, parse_json, parse_yaml

__all__ = [
    "Answers",
    "answers_template",
    "as_text",
    "dump_exercise",
    "key_answers",
    "load_answers",
    "load_exercise",
    "normalize_item_id",
]

MAX_PROBLEMS = 50
_TOP_FIELDS = ("student", "answers")


def normalize_item_id(value: object) -> str:
    """An item number as answers name it: text, trimmed, leading zeros dropped.

    Examples:
        >>> normalize_item_id(7), normalize_item_id(" 07 "), normalize_item_id("b2")
        ('7', '7', 'b2')
    """
    text = str(value).strip()
    if text.isascii() and text.isdigit():
        return str(int(text))
    return text


@dataclass(frozen=True)
class Answers:
    """A student's answers, by item number, and where each stands in its file.

    Attributes:
        student: The student's name, when the file gives one.
        answers: Raw answers by item number: text, a list, a mapping (a
            link), or None for an item left empty. Keys are normalised with
            :func:`normalize_item_id`.
        path: The file the answers came from, if any.
        keys: Where each item number is written: ``(line, column)``.
        values: Where each answer (and each part of it) starts: keyed by
            ``(item_id, index, ...)``.

    Examples:
        >>> a = Answers(answers={"1": "B"})
        >>> a.answers["1"], a.where("1")
        ('B', (None, None))
    """

    student: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    values: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict)

    def where(self, item_id: str, *inner: str | int) -> tuple[int | None, int | None]:
        """The ``(line, column)`` of an answer or a part of it (``inner`` indexes into it).

        Falls back to the enclosing value, then to the item number;
        ``(None, None)`` when the answers did not come from a file.

        Examples:
            >>> Answers(answers={"1": "B"}, keys={"1": (3, 3)}).where("1", 0)
            (3, 3)
        """
        loc: tuple[str | int, ...] = (item_id, *inner)
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.keys.get(item_id, (None, None))

    def problem(
        self, message: str, item_id: str | None = None, *inner: str | int, at_key: bool = False
    ) -> Problem:
        """A :class:`~argmap.errors.Problem` about an answer, located in the answers file.

        Examples:
            >>> str(Answers(path="a.yaml", keys={"3": (5, 3)}).problem("no such item", "3", at_key=True))
            'a.yaml:5:3: item 3: no such item'
        """
        if item_id is None:
            return Problem(message, path=self.path)
        line, column = self.keys.get(item_id, (None, None)) if at_key else self.where(item_id, *inner)
        return Problem(message, path=self.path, line=line, column=column, element=f"item {item_id}")


# -- reading files ------------------------------------------------------------


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except OSError as err:
        raise LoadError([Problem(f"cannot read file: {err.strerror or err}", path=name)]) from None
    return name, decode(raw, name)


def _is_json(path: str) -> bool:
    return Path(path).suffix.lower() == ".json"


def as_text(value: Any) -> Any:
    """Numbers and booleans as text, as YAML answers are read: an answer ``2`` is the choice id ``'2'``.

    Lists (and tuples) and mappings are converted item by item; mapping keys
    become text too.

    Examples:
        >>> as_text([2, True, {"n": 1.5}, None])
        ['2', 'true', {'n': '1.5'}, None]
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return [as_text(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_text(v) for k, v in value.items()}
    return value


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "text"


# -- answers --------------------------------------------------------------------


def load_answers(path: str | os.PathLike[str]) -> Answers:
    r"""Read a student's answers from a YAML file (JSON when the name ends in ``.json``).

    Raises:
        LoadError: the file cannot be read, is not YAML/JSON, has unknown
            top-level keys, lacks ``answers``, or answers an item twice;
            every problem is located at ``path:line:col``.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "answers.yaml"
        ...     _ = path.write_text("studnet: Ana\nanswers:\n  1: B\n")
        ...     load_answers(path)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: .../answers.yaml:1:1: unknown field 'studnet'; did you mean 'student'?
    """
    name, text = _read(path)
    if _is_json(name):
        parsed = parse_json(text, name)
        parsed.data = as_text(parsed.data)
    else:
        parsed = parse_yaml(text, name, as_text=True)
    return _answers_from(parsed, name)


def _answers_from(parsed: Parsed, path: str) -> Answers:
    data = parsed.data
    top = parsed.values.get((), (1, 1))
    if data is None:
        raise LoadError(
            [Problem("the file is empty: expected 'answers:' with one answer per item", path, 1, 1)]
        )
    if not isinstance(data, dict):
        raise LoadError(
            [
                Problem(
                    f"the top level must be a mapping with 'answers' (and 'student'), not {_kind_of(data)}",
                    path,
                    *top,
                )
            ]
        )
    problems: list[Problem] = []
    for key in data:
        if key in _TOP_FIELDS:
            continue
        at = parsed.keys.get((key,), top)
        if normalize_item_id(key).isdigit():
            hint = "; write the answers under 'answers:', indented"
        else:
            close = difflib.get_close_matches(key, _TOP_FIELDS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else " (allowed: student, answers)"
        problems.append(Problem(f"unknown field {key!r}{hint}", path, *at))
    if "answers" not in data:
        problems.append(Problem("missing required field 'answers'", path, *top))
    student = data.get("student")
    if student is not None and not isinstance(student, str):
        at = parsed.values.get(("student",), top)
        problems.append(Problem(f"student: expected a name, not a {_kind_of(student)}", path, *at))
    raw = data.get("answers")
    answers: dict[str, Any] = {}
    keys: dict[str, tuple[int, int]] = {}
    values: dict[tuple[str | int, ...], tuple[int, int]] = {}
    if raw is not None and not isinstance(raw, dict):
        at = parsed.values.get(("answers",), top)
        problems.append(
            Problem(f"answers: expected item numbers with their answers, not {_kind_of(raw)}", path, *at)
        )
    elif raw is not None:
        for key, value in raw.items():
            item_id = normalize_item_id(key)
            at = parsed.keys.get(("answers", key), top)
            if not item_id:
                problems.append(Problem("an item number is empty", path, *at))
                continue
            if item_id in answers:
                first = keys[item_id][0]
                problems.append(
                    Problem(
                        f"item {item_id} is answered twice (first on line {first})", path, *at, element=None
                    )
                )
                continue
            answers[item_id] = value
            keys[item_id] = at
            prefix = ("answers", key)
            for loc, pos in parsed.values.items():
                if loc[:2] == prefix:
                    values[(item_id, *loc[2:])] = pos
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.message))
        raise LoadError(problems)
    return Answers(
        student=student.strip() or None if isinstance(student, str) else None,
        answers=answers,
        path=path,
        keys=keys,
        values=values,
    )


def key_answers(ex: Exercise) -> Answers:
    """The answer key as answers: every item answered right (the first key of a choice item).

    Examples:
        >>> item = Item(id="1", prompt="?", choices=[Choice(id="A", text="a"), Choice(id="B", text="b")],
        ...             key=["B"])
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1,
        ...               parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])])
        >>> key_answers(ex).answers
        {'1': 'B'}
    """
    answers: dict[str, Any] = {}
    for item in ex.items:
        if item.answer_type == "choice":
            answers[item.id] = item.key[0]
        elif item.answer_type == "choices":
            answers[item.id] = list(item.key)
        else:
            answers[item.id] = [f"{k.source} {k.kind} {k.target}" for k in item.key_links]
    return Answers(student=None, answers=answers)


def _one_line(text: str, width: int) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="…")


def answers_template(ex: Exercise) -> str:
    """A YAML answers file for a student to fill in: each item's prompt as a comment, then ``N:``.

    Loading the template unchanged gives answers with every item unanswered.

    Examples:
        >>> item = Item(id="1", prompt="Which side holds A?",
        ...             choices=[Choice(id="A", text="Parents"), Choice(id="B", text="Staff")], key=["B"])
        >>> part = Part(kind="sort-by-side", title="Sort by side", instructions="", items=[item])
        >>> ex = Exercise(title="Phones", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
        >>> print(answers_template(ex), end="")
        # Answers to: Phones
        # Write your name after "student:" and each answer after its item number.
        student:
        answers:
          # Sort by side
          # 1. Which side holds A?
          #    one of: A = Parents | B = Staff
          1:
    """
    lines = [
        f"# Answers to: {_one_line(ex.title, 80)}",
        '# Write your name after "student:" and each answer after its item number.',
    ]
    kinds = {item.answer_type for item in ex.items}
    if "choices" in kinds:
        lines.append("# Where you may pick several, list them: 7: [L2, L5]")
    if "links" in kinds:
        lines.append("# Links go one per line, as '- A supports C' (supports, attacks or undercuts).")
    lines += ["student:", "answers:"]
    for part in ex.parts:
        if not part.items:
            continue
        lines.append(f"  # {_one_line(part.title, 80)}")
        for item in part.items:
            lines.append(f"  # {item.id}. {_one_line(item.prompt, 100)}")
            if item.answer_type == "links":
                nodes = textwrap.wrap(", ".join(c.id for c in item.choices), 90) or [""]
                lines.append(f"  #    nodes: {nodes[0]}")
                lines.extend(f"  #           {more}" for more in nodes[1:])
            elif item.choices:
                lead = "one of" if item.answer_type == "choice" else "any of"
                shown = [
                    c.id if c.text == c.id else f"{c.id} = {_one_line(c.text, 60)}" for c in item.choices
                ]
                if sum(len(c) + 3 for c in shown) <= 100:
                    lines.append(f"  #    {lead}: {' | '.join(shown)}")
                else:
                    # Too many to read on one line; every choice must stay visible.
                    lines.append(f"  #    {lead}:")
                    lines.extend(f"  #      {c}" for c in shown)
            key = item.id if normalize_item_id(item.id) == item.id else f'"{item.id}"'
            lines.append(f"  {key}:")
    return "\n".join(lines) + "\n"


# -- exercises ------------------------------------------------------------------


def load_exercise(path: str | os.PathLike[str]) -> Exercise:
    r"""Read an exercise written by :func:`dump_exercise` (JSON; YAML for ``.yaml``/``.yml``).

    Raises:
        LoadError: the file cannot be read, is not JSON, is not an argmap
            exercise, or is invalid; every problem located at ``path:line:col``.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "ex.json"
        ...     _ = path.write_text('{"format": "argmap-exercise", "title": "T",\n "map_id": "m"}')
        ...     load_exercise(path)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: .../ex.json:1:1: missing required field 'difficulty'
        .../ex.json:1:1: missing required field 'map_title'
        .../ex.json:1:1: missing required field 'seed'
    """
    name, text = _read(path)
    parsed = (
        parse_yaml(text, name) if Path(name).suffix.lower() in (".yaml", ".yml") else parse_json(text, name)
    )
    data = parsed.data
    top = parsed.values.get((), (1, 1))
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {_kind_of(data)}"
        raise LoadError([Problem(f"not an argmap exercise: the file is {what}", name, *top)])
    if data.get("format") != "argmap-exercise":
        if "format" in data:
            at = parsed.values[("format",)]
            message = f"not an argmap exercise: format is {data['format']!r}, expected 'argmap-exercise'"
        elif "nodes" in data or "links" in data:
            at, message = top, "not an argmap exercise: this looks like an argument map"
        else:
            at, message = top, "not an argmap exercise: it has no 'format: argmap-exercise'"
        raise LoadError([Problem(message, name, *at)])
    try:
        return Exercise.model_validate(data)
    except ValidationError as err:
        problems = _locate(err, data, parsed, name)
        raise LoadError(problems[:MAX_PROBLEMS], omitted=max(0, len(problems) - MAX_PROBLEMS)) from None


def dump_exercise(ex: Exercise, path: str | os.PathLike[str]) -> None:
    """Write an exercise as JSON, atomically (the same exercise always gives the same bytes).

    Raises:
        ArgmapError: the file cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "ex.json"
        ...     dump_exercise(ex, path)
        ...     load_exercise(path) == ex
        True
    """
    write_atomic(path, ex.to_json())


# Which model a list of the exercise holds, by the list's field name (for "did you mean").
_MODELS: dict[str, type[BaseModel]] = {
    "parts": Part,
    "items": Item,
    "choices": Choice,
    "key_links": LinkAnswer,
    "diagrams": Diagram,
    "sentences": Sentence,
}


def _normalize(loc: tuple[Any, ...], data: Any) -> Loc:
    """Pydantic's error location as a path into the data (validator names dropped)."""
    out: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and (part in current or i == len(loc) - 1):
            out.append(part)
            current = current.get(part)
    return tuple(out)


def _model_at(loc: Loc) -> type[BaseModel]:
    """The model whose fields the mapping at ``loc`` has."""
    if len(loc) >= 2 and isinstance(loc[-1], int) and str(loc[-2]) in _MODELS:
        return _MODELS[str(loc[-2])]
    return Exercise


def _element(loc: Loc, data: Any) -> tuple[str | None, Loc]:
    """The item (or part) a path lies in, and the path inside it."""
    found: str | None = None
    inner: Loc = loc
    current = data
    for i, part in enumerate(loc):
        current = _child(current, part)
        if i >= 1 and isinstance(part, int) and loc[i - 1] in ("items", "parts"):
            what = "item" if loc[i - 1] == "items" else "part"
            item_id = current.get("id") if isinstance(current, dict) else None
            found = (
                f"item {item_id}" if what == "item" and isinstance(item_id, str) else f"{what} #{part + 1}"
            )
            inner = loc[i + 1 :]
    return found, inner


def _child(container: Any, part: str | int) -> Any:
    if isinstance(container, dict):
        return container.get(str(part))
    if isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
        return container[part]
    return None


def _label(loc: Loc) -> str:
    label = ""
    for part in loc:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def _locate(err: ValidationError, data: Any, parsed: Parsed, path: str) -> list[Problem]:
    found: dict[tuple[Any, ...], Problem] = {}
    for error in err.errors():
        loc = _normalize(tuple(error["loc"]), data)
        message = str(error["msg"]).removeprefix("Value error, ")
        element, inner = _element(loc, data)
        position: tuple[int, int] | None = None
        if error["type"] == "extra_forbidden":
            allowed = list(_model_at(loc[:-1]).model_fields)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            message = f"unknown field {loc[-1]!r}" + (
                f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(allowed)})"
            )
            position = parsed.keys.get(loc)
        elif error["type"] == "missing":
            message = f"missing required field {loc[-1]!r}"
            loc = loc[:-1]
        else:
            label = _label(inner)
            if element and message.startswith(f"{element}: "):
                # The model's own validators already name the item.
                element = None
            elif label:
                message = f"{label}: {message}"
        probe = loc
        while position is None and probe:
            position = parsed.values.get(probe)
            probe = probe[:-1]
        line, column = position or parsed.values.get((), (1, 1))
        problem = Problem(message, path=path, line=line, column=column, element=element, loc=loc)
        found.setdefault((line, column, element, message), problem)
    return sorted(found.values(), key=lambda p: (p.line or 0, p.column or 0, p.message))
