r"""Exercise data checked against the :class:`~argmap.exercises.model.Exercise` model, with located problems.

:func:`validate_exercise` goes through argmap's one validation path
(:func:`argmap.validation.check_data`, then
:func:`argmap.validation.locate_problems`); what it adds is the exercise's
way of naming where a problem lies: the item (``item 3``) or part
(``part #2``) it is in, and the field inside it (``key_links[1].kind``)
rather than the whole path from the top of the file.

Examples:
    >>> from argmap.io.located import parse_json
    >>> text = ('{"format": "argmap-exercise", "title": "T", "map_id": "m", "map_title": "M",'
    ...         ' "seed": 1, "difficulty": 5}')
    >>> validate_exercise(parse_json(text, "ex.json"), "ex.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.LoadError: ex.json:1:...: difficulty: must be at most 3, got the number 5
"""

from __future__ import annotations

from typing import Any

from argmap.errors import LoadError
from argmap.exercises.model import Exercise
from argmap.io.located import Loc, Parsed
from argmap.validation import DataProblem, check_data, locate_problems, raise_problems

__all__ = ["validate_exercise"]


def validate_exercise(parsed: Parsed, path: str) -> Exercise:
    """The exercise the parsed data describes.

    Args:
        parsed: The data, with the positions of its keys and values in the file.
        path: The file's name, for the problems.

    Raises:
        LoadError: listing every problem (up to
            :data:`argmap.validation.MAX_PROBLEMS`), each located at
            ``path:line:col`` and naming the item it lies in.
    """
    value, found = check_data(Exercise, parsed.data)
    if value is not None:
        return value
    reworded = [_within_element(problem, parsed.data) for problem in found]
    raise_problems(locate_problems(reworded, parsed.data, parsed, path, describe=_element_name), LoadError)
    raise AssertionError("unreachable: a failed validation has problems")  # pragma: no cover


def _element_name(loc: Loc, data: Any) -> str | None:
    return _element(loc, data)[0]


def _within_element(problem: DataProblem, data: Any) -> DataProblem:
    """The problem with the path inside its item (or part) in front, instead of the whole path.

    A model validator that names the item already (``item 3: the key is
    empty``) keeps only its words: the item is named once, as the element.
    """
    message = problem.message.removeprefix(f"{_label(problem.loc)}: ")
    if message == problem.message:
        return problem  # a missing or unknown field: its message names the field alone
    element, inner = _element(problem.loc, data)
    if element and message.startswith(f"{element}: "):
        message = message.removeprefix(f"{element}: ")
    elif _label(inner):
        message = f"{_label(inner)}: {message}"
    return DataProblem(problem.loc, message, problem.anchor)


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
