"""Turn data into an :class:`~argmap.model.ArgumentMap`, reporting every problem at once.

Pydantic's errors are translated into :class:`~argmap.errors.Problem` records
that name the element at fault (``claim 'c7'``), the field, and, when the
data came from a file, the line and column of the offending key or value.

Examples:
    >>> validate({"id": "m", "title": "T", "nodes": [{"id": "a", "kind": "claim", "text": " "}]})
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: claim 'a': text: must not be empty or blank
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap import model as M
from argmap._perf import paused_gc
from argmap.errors import LoadError, MapError, Problem
from argmap.io.located import Loc, Parsed

__all__ = ["MAX_PROBLEMS", "validate", "validate_parsed"]

MAX_PROBLEMS = 50

_NODE_CLASSES: dict[str, type[BaseModel]] = {
    "issue": M.Issue,
    "claim": M.Claim,
    "counterclaim": M.Counterclaim,
    "principle": M.Principle,
    "evidence": M.Evidence,
}
_LINK_CLASSES: dict[str, type[BaseModel]] = {
    "supports": M.Supports,
    "attacks": M.Attacks,
    "undercuts": M.Undercuts,
    "contradicts": M.Contradicts,
    "equivalent": M.Equivalent,
}
_GROUPS = {"nodes": "node", "links": "link", "sides": "side", "sources": "source"}


def validate(data: Any) -> M.ArgumentMap:
    """Validate plain data (as read from YAML or JSON) into a map.

    Raises:
        MapError: listing every problem found, each with its data path.

    Examples:
        >>> validate({"id": "m", "title": "A map"}).title
        'A map'
    """
    return _validate(Parsed(data=data), path=None, error=MapError)


def validate_parsed(parsed: Parsed, path: str) -> M.ArgumentMap:
    """Validate data parsed from the file ``path``; problems carry line and column.

    Raises:
        LoadError: listing every problem found, located in the file.
    """
    result = _validate(parsed, path=path, error=LoadError)
    result._origin = M.Origin(path=path, positions=parsed.values)
    return result


def _validate(parsed: Parsed, path: str | None, error: type[MapError]) -> M.ArgumentMap:
    data = parsed.data
    if data is None:
        raise error([Problem("the file is empty: expected a map with id and title", path, 1, 1)])
    if not isinstance(data, Mapping):
        kind = {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
            type(data), type(data).__name__
        )
        raise error(
            [
                Problem(
                    f"the top level must be a mapping (id, title, nodes, ...), not a {kind}",
                    path,
                    *parsed.values.get((), (None, None)),
                )
            ]
        )
    try:
        with paused_gc():
            return M.ArgumentMap.model_validate(data)
    except ValidationError as err:
        filled = M.fill_link_ids(data)
        raw: list[tuple[Loc, str, str | None]] = []
        references_done = False
        for item in err.errors():
            cause = (item.get("ctx") or {}).get("error")
            if isinstance(cause, M.ReferenceProblems):
                raw.extend((loc, msg, None) for loc, msg in cause.problems)
                references_done = True
                continue
            raw.append(_translate(item, filled))
        if not references_done:
            raw.extend((loc, msg, None) for loc, msg in M.find_reference_problems(filled))
        problems = _locate(raw, filled, parsed, path)
        raise error(problems[:MAX_PROBLEMS], omitted=max(0, len(problems) - MAX_PROBLEMS)) from None


def _normalize(loc: tuple[Any, ...], data: Any) -> Loc:
    """Map pydantic's error location onto the path of the value in the data.

    Pydantic inserts discriminator tags and validator names into locations;
    they are dropped by walking the actual data alongside.
    """
    out: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1  # a missing or unknown key is the last part
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(current, Mapping) and isinstance(part, str):
            if part in current:
                out.append(part)
                current = current[part]
            elif last:
                out.append(part)
            # otherwise a discriminator tag or validator name: skip it
    return tuple(out)


def _allowed_fields(loc: Loc, data: Any) -> list[str]:
    """The fields a mapping at ``loc`` may have, for "did you mean" hints."""
    group = loc[0] if loc else None
    element = _element_data(loc, data)
    if len(loc) == 1:
        return list(M.ArgumentMap.model_fields)
    if group in ("nodes", "links") and len(loc) >= 5 and loc[2] == "anchors":
        return list(M.Anchor.model_fields)
    if group == "sources" and len(loc) >= 5 and loc[2] == "sections":
        return list(M.Section.model_fields)
    kind = element.get("kind") if isinstance(element, Mapping) else None
    models: dict[str, type[BaseModel]] = {
        "nodes": _NODE_CLASSES.get(str(kind), M.Claim),
        "links": _LINK_CLASSES.get(str(kind), M.Supports),
        "sides": M.Side,
        "sources": M.SourceDocument,
    }
    model = models.get(str(group))
    return list(model.model_fields) if model else []


def _element_data(loc: Loc, data: Any) -> Any:
    if len(loc) >= 2 and loc[0] in _GROUPS and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, Mapping) else None
        if isinstance(items, list) and 0 <= loc[1] < len(items):
            return items[loc[1]]
    return None


def _translate(item: Any, data: Any) -> tuple[Loc, str, str | None]:
    """One pydantic error as ``(data path, message, position hint)``."""
    kind = item["type"]
    loc = _normalize(tuple(item["loc"]), data)
    message = str(item["msg"]).removeprefix("Value error, ")
    if kind == "missing":
        return loc, f"missing required field {loc[-1]!r}", "parent"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc, data)
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else f" (allowed: {', '.join(allowed)})"
        return loc, f"unknown field {loc[-1]!r}{extra}", "key"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        ctx = item.get("ctx") or {}
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        if kind == "union_tag_not_found":
            return loc, f"missing required field 'kind' (one of: {expected or 'see the schema'})", None
        return (*loc, "kind"), f"unknown kind {ctx.get('tag')!r}; expected one of: {expected}", None
    if kind in ("model_type", "dict_type") and not loc:
        return loc, message, None
    label = _field_label(loc)
    if label:
        message = f"{label}: {message}"
    return loc, message, None


def _field_label(loc: Loc) -> str:
    """The path inside an element, for messages: ``anchors[0].end``, ``stances.q``."""
    inner = loc[2:] if len(loc) >= 2 and loc[0] in _GROUPS and isinstance(loc[1], int) else loc
    label = ""
    for part in inner:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def _describe(loc: Loc, data: Any) -> str | None:
    """Name the element a data path lies in, e.g. ``claim 'c7'``."""
    element = _element_data(loc, data)
    if not isinstance(element, Mapping):
        if len(loc) >= 2 and loc[0] in _GROUPS:
            return f"{_GROUPS[str(loc[0])]} #{loc[1]}"
        return None
    element_id = element.get("id")
    what = _GROUPS[str(loc[0])]
    if loc[0] == "nodes" and element.get("kind") in _NODE_CLASSES:
        what = element["kind"]
    elif loc[0] == "links" and element.get("kind") in _LINK_CLASSES:
        what = f"{element['kind']} link"
    if isinstance(element_id, str):
        return f"{what} {element_id!r}"
    return f"{what} #{loc[1]}"


def _locate(
    raw: list[tuple[Loc, str, str | None]], data: Any, parsed: Parsed, path: str | None
) -> list[Problem]:
    problems: dict[tuple[Any, ...], Problem] = {}
    for loc, message, hint in raw:
        position: tuple[int, int] | None = None
        if hint == "key":
            position = parsed.keys.get(loc)
        probe = loc[:-1] if hint == "parent" else loc
        while position is None and probe:
            position = parsed.values.get(probe)
            probe = probe[:-1]
        if position is None:
            position = parsed.values.get(())
        line, column = position if position else (None, None)
        problem = Problem(message, path=path, line=line, column=column, element=_describe(loc, data), loc=loc)
        problems.setdefault((line, column, problem.element, message), problem)
    return sorted(problems.values(), key=lambda p: (p.line or 0, p.column or 0, p.message))
