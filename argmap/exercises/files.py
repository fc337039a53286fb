r"""Exercise files: reading an exercise back, with located errors, and writing it.

An exercise is kept as JSON (:meth:`~argmap.exercises.model.Exercise.to_json`);
:func:`load_exercise` reads it back (YAML too, for ``.yaml``/``.yml``) and
reports a broken file at ``path:line:col``. :func:`read_text` and
:func:`kind_of` are shared with the answer files
(:mod:`argmap.exercises.answers`).

Examples:
    >>> import pathlib, tempfile
    >>> ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "ex.json"
    ...     dump_exercise(ex, path)
    ...     load_exercise(path).title
    'T'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.errors import LoadError, Problem
from argmap.exercises.model import Exercise
from argmap.exercises.schema import validate_exercise
from argmap.io.files import write_atomic
from argmap.io.located import decode, parse_json, parse_yaml

__all__ = ["dump_exercise", "kind_of", "load_exercise", "read_text"]


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The file's name as given and its text.

    Raises:
        LoadError: the file cannot be read or is not text.

    Examples:
        >>> read_text("no/such/file.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: no/such/file.yaml: cannot read file: No such file or directory
    """
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except OSError as err:
        raise LoadError([Problem(f"cannot read file: {err.strerror or err}", path=name)]) from None
    return name, decode(raw, name)


def kind_of(value: Any) -> str:
    """What a parsed value is, for messages: ``mapping``, ``list`` or ``text``.

    Examples:
        >>> kind_of({}), kind_of([]), kind_of("B")
        ('mapping', 'list', 'text')
    """
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "text"


_ANSWERS_GIVEN = (
    "not an argmap exercise: this looks like a student's answers file; give the exercise file"
    " first (the one `argmap exercise --json` wrote), then the answer files"
)


def _is_answers(data: Any) -> bool:
    """Whether parsed data has the shape of an answers file: ``answers:`` and no exercise fields."""
    return isinstance(data, dict) and "answers" in data and not {"format", "parts"} & set(data)


def _reads_as_answers(text: str, name: str) -> bool:
    """Whether YAML that an exercise read refused reads as an answers file (keys as text)."""
    try:
        return _is_answers(parse_yaml(text, name, as_text=True, positions=False).data)
    except LoadError:
        return False


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
    name, text = read_text(path)
    yaml = Path(name).suffix.lower() in (".yaml", ".yml")
    try:
        parsed = parse_yaml(text, name) if yaml else parse_json(text, name)
    except LoadError as err:
        # An answers file numbers its items (`1: B`), keys this read refuses once per item:
        # say once what the file is instead.
        if yaml and _reads_as_answers(text, name):
            raise LoadError([Problem(_ANSWERS_GIVEN, name, 1, 1)]) from None
        raise err
    data = parsed.data
    top = parsed.values.get((), (1, 1))
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {kind_of(data)}"
        raise LoadError([Problem(f"not an argmap exercise: the file is {what}", name, *top)])
    if data.get("format") != "argmap-exercise":
        if "format" in data:
            at = parsed.values[("format",)]
            message = f"not an argmap exercise: format is {data['format']!r}, expected 'argmap-exercise'"
        elif "nodes" in data or "links" in data:
            at, message = top, "not an argmap exercise: this looks like an argument map"
        elif _is_answers(data):
            at, message = top, _ANSWERS_GIVEN
        else:
            at, message = top, "not an argmap exercise: it has no 'format: argmap-exercise'"
        raise LoadError([Problem(message, name, *at)])
    return validate_exercise(parsed, name)


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
