r"""Students' answer files: reading them, and the answer key as answers.

A student answers in a small YAML (or JSON) file that names each answer by
its item number (:func:`argmap.exercises.template.answers_template` writes
one to fill in)::

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
keys, an item answered twice), on argmap's one validation path
(:func:`argmap.validation.check_data`, then
:func:`~argmap.validation.locate_problems`) as exercise files are; whether an
answer fits its item is for :func:`~argmap.exercises.grading.grade` to say.

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

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from argmap.errors import LoadError, Problem
from argmap.exercises.files import kind_of, read_text
from argmap.exercises.model import Exercise
from argmap.io.located import Loc, Parsed, parse_json, parse_yaml
from argmap.validation import DataProblem, check_data, locate_problems, raise_problems

__all__ = ["Answers", "as_text", "key_answers", "load_answers", "normalize_item_id"]


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
    name, text = read_text(path)
    if Path(name).suffix.lower() == ".json":
        parsed = parse_json(text, name)
        parsed.data = as_text(parsed.data)
    else:
        parsed = parse_yaml(text, name, as_text=True)
    return _answers_from(parsed, name)


def _a_kind_of(value: Any) -> str:
    """What a parsed value is, as a message says it: ``a mapping``, ``a list`` or ``text``."""
    what = kind_of(value)
    return what if what == "text" else f"a {what}"


class _AnswersFile(BaseModel):
    """The shape of an answers file, as the one validation path checks it."""

    model_config = ConfigDict(extra="forbid")

    student: str | None = None
    answers: dict[str, Any] | None

    @field_validator("student", mode="before")
    @classmethod
    def _a_name(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError(f"expected a name, not {_a_kind_of(value)}")
        return value

    @field_validator("answers", mode="before")
    @classmethod
    def _by_item(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, dict):
            raise ValueError(f"expected item numbers with their answers, not {_a_kind_of(value)}")
        return value


def _reworded(problem: DataProblem) -> DataProblem:
    """A number written at the top level is an answer put outside ``answers:``: say so."""
    if problem.anchor == "key" and len(problem.loc) == 1 and normalize_item_id(problem.loc[0]).isdigit():
        message = f"unknown field {problem.loc[0]!r}; write the answers under 'answers:', indented"
        return DataProblem(problem.loc, message, problem.anchor)
    return problem


def _answers_from(parsed: Parsed, path: str) -> Answers:
    data = parsed.data
    if data is None:
        raise LoadError(
            [Problem("the file is empty: expected 'answers:' with one answer per item", path, 1, 1)]
        )
    if not isinstance(data, dict):
        top = parsed.values.get((), (1, 1))
        message = f"the top level must be a mapping with 'answers' (and 'student'), not {_a_kind_of(data)}"
        raise LoadError([Problem(message, path, *top)])
    if "answers" not in data:
        what = _what_file(data)
        if what is not None:  # a file of another kind given as answers: say which, once
            raise LoadError([Problem(what, path, *parsed.values.get((), (1, 1)))])
    checked, problems = check_data(_AnswersFile, data)
    problems = [_reworded(p) for p in problems]
    answers: dict[str, Any] = {}
    keys: dict[str, tuple[int, int]] = {}
    values: dict[tuple[str | int, ...], tuple[int, int]] = {}
    raw = data.get("answers")
    if isinstance(raw, dict):  # items are checked even when another field is wrong: every problem at once
        # every position under answers.<item>, grouped once (a scan per item was quadratic)
        under: dict[Any, list[tuple[tuple[str | int, ...], tuple[int, int]]]] = {}
        for loc, pos in parsed.values.items():
            if len(loc) >= 2 and loc[0] == "answers":
                under.setdefault(loc[1], []).append((loc, pos))
        for key, value in raw.items():
            item_id = normalize_item_id(key)
            if not item_id:
                problems.append(DataProblem(("answers", key), "an item number is empty", "key"))
                continue
            at = parsed.keys.get(("answers", key), parsed.values.get((), (1, 1)))
            if item_id in answers:
                message = f"item {item_id} is answered twice (first on line {keys[item_id][0]})"
                problems.append(DataProblem(("answers", key), message, "key"))
                continue
            answers[item_id] = value
            keys[item_id] = at
            for loc, pos in under.get(key, ()):
                values[(item_id, *loc[2:])] = pos
    if problems:
        raise_problems(locate_problems(problems, data, parsed, path, describe=_no_element), LoadError)
    assert checked is not None
    student = checked.student
    return Answers(
        student=student.strip() or None if student is not None else None,
        answers=answers,
        path=path,
        keys=keys,
        values=values,
    )


def _what_file(data: dict[str, Any]) -> str | None:
    """What a file given as answers is instead, when it is an exercise or a map.

    Examples:
        >>> _what_file({"title": "T", "map_id": "m", "parts": []})
        'not an answers file: this is an exercise file; give it first, then the answer files'
        >>> _what_file({"student": "Ana"}) is None
        True
    """
    if "parts" in data and "map_id" in data:
        return "not an answers file: this is an exercise file; give it first, then the answer files"
    if "nodes" in data or "links" in data:
        return (
            "not an answers file: this is an argument map; to grade drawn maps against a reference,"
            " use grade --reference REFERENCE MAPS..."
        )
    return None


def _no_element(loc: Loc, data: Any) -> str | None:
    """Problems of an answers file name the item in their message, not as an element."""
    return None


def key_answers(ex: Exercise) -> Answers:
    """The answer key as answers: every item answered right (the first key of a choice item).

    Examples:
        >>> from argmap.exercises.model import Choice, Item, Part
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
