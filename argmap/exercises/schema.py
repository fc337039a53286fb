"""Exercise data checked against the :class:`~argmap.exercises.model.Exercise` model, with located problems.

:func:`validate_exercise` is the one place where pydantic's errors about an
exercise file become :class:`~argmap.errors.Problem` records, each with its
data path, the item (or part) it lies in, and the line and column in the
file. (It is kept apart so that it can give way to the single validation
path of :mod:`argmap.validation` that maps, answers and exercises will
share.)

Examples:
    >>> from argmap.io.located import parse_json
    >>> text = ('{"format": "argmap-exercise", "title": "T", "map_id": "m", "map_title": "M",'
    ...         ' "seed": 1, "difficulty": 5}')
    >>> validate_exercise(parse_json(text, "ex.json"), "ex.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.LoadError: ex.json:1:...: difficulty: Input should be less than or equal to 3
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.errors import LoadError, Problem
from argmap.exercises.model import Choice, Diagram, Exercise, Item, LinkAnswer, Part, Sentence
from argmap.io.located import Loc, Parsed

__all__ = ["MAX_PROBLEMS", "validate_exercise"]

#: At most this many problems are listed; the error says how many more there were.
MAX_PROBLEMS = 50


def validate_exercise(parsed: Parsed, path: str) -> Exercise:
    """The exercise the parsed data describes.

    Args:
        parsed: The data, with the positions of its keys and values in the file.
        path: The file's name, for the problems.

    Raises:
        LoadError: listing every problem (up to :data:`MAX_PROBLEMS`), each
            located at ``path:line:col`` and naming the item it lies in.
    """
    try:
        return Exercise.model_validate(parsed.data)
    except ValidationError as err:
        problems = _locate(err, parsed.data, parsed, path)
        raise LoadError(problems[:MAX_PROBLEMS], omitted=max(0, len(problems) - MAX_PROBLEMS)) from None


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
