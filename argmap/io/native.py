"""argmap's native file format: YAML for people, JSON for machines, one schema.

Loading is safe (no object construction from YAML tags) and reports every
problem at once, each at ``path:line:col``. Dumping is deterministic: keys come
in a fixed order (``id, kind, label, text, ...``), fields left at their
defaults are omitted, and files are written atomically.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "Tiny")
    >>> _ = b.claim("a", "It rains.")
    >>> text = dumps(b.build())
    >>> print(text, end="")
    id: m
    title: Tiny
    nodes:
      - id: a
        kind: claim
        text: It rains.
    >>> loads(text) == b.build()
    True
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from argmap._perf import paused_gc
from argmap.errors import ArgmapError, LoadError
from argmap.io.files import write_atomic
from argmap.io.located import decode, parse_json, parse_yaml, read_input
from argmap.locations import Loc, Origin, attach_origin
from argmap.model import ArgumentMap
from argmap.validation import validate_parsed

__all__ = ["Format", "dump", "dumps", "dumps_data", "format_of", "load", "loads", "to_data", "write_atomic"]

Format = Literal["yaml", "json"]

_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file name implies: JSON for ``.json``, YAML otherwise.

    Examples:
        >>> format_of("debate.json"), format_of("debate.yaml")
        ('json', 'yaml')
    """
    return _SUFFIXES.get(Path(path).suffix.lower(), "yaml")


def loads(text: str, format: Format = "yaml", *, path: str = "<string>") -> ArgumentMap:
    r"""Read a map from a string of YAML (default) or JSON.

    A valid text is parsed once, keeping only the positions of the map's
    elements (compactly); any other position that a message needs is read
    again from the text when first asked for. An invalid one is read again at once, so that every problem is
    located.

    Raises:
        LoadError: the text is not a valid map; every problem is listed,
            located at ``path:line:col``.

    Examples:
        >>> loads('{"id": "m", "title": "T"}', "json").id
        'm'
        >>> loads("id: m\ntitle: T\ntitel: x\n", path="m.yaml")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: m.yaml:3:1: unknown field 'titel'; did you mean 'title'?
    """
    parse = parse_json if format == "json" else parse_yaml
    try:
        with paused_gc():
            parsed = parse(text, path, positions=False)
            result = validate_parsed(parsed, path)
    except LoadError:
        return validate_parsed(parse(text, path), path)  # again, with positions, to locate every problem

    def positions() -> Mapping[Loc, tuple[int, int]]:
        return parse(text, path).values

    return attach_origin(result, Origin(path, reparse=positions, items=parsed.items))


def load(path: str | os.PathLike[str], format: Format | None = None) -> ArgumentMap:
    """Read a map from a file; the format follows the file name unless given.

    The returned map remembers its file (see :func:`argmap.locations.origin_of`),
    so that later diagnostics can point at lines in it.

    Raises:
        LoadError: the file cannot be read, is too large, or is not a valid map.
    """
    name = os.fspath(path)
    return loads(decode(read_input(name), name), format or format_of(name), path=name)


def to_data(argument_map: BaseModel) -> dict[str, Any]:
    """A map (or any of its elements) as plain data in the fixed key order, defaults left out.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.", tags=["x"])
        >>> to_data(b.build())["nodes"]
        [{'id': 'a', 'kind': 'claim', 'text': 'A.', 'tags': ['x']}]
    """
    data = _plain(argument_map)
    assert isinstance(data, dict)
    return data


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        fields = value.__dict__
        for name, default in _written(type(value)):
            item = fields[name]
            if default is not _ALWAYS and item == default:
                continue
            out[name] = _plain(item)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


_ALWAYS = object()  # a field written whatever its value: the kind, and the required fields
_WRITTEN: dict[type[BaseModel], list[tuple[str, Any]]] = {}


def _written(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """A model's fields in order, each with the default that leaves it out (worked out once per model)."""
    found = _WRITTEN.get(model)
    if found is None:
        found = []
        for name, info in model.model_fields.items():
            default: Any = _ALWAYS
            if name != "kind" and not info.is_required():
                # one default per model, only ever compared with (a factory's fresh {} is equal to any other)
                default = info.get_default(call_default_factory=True, validated_data={})
                if default is PydanticUndefined:
                    default = _ALWAYS
            found.append((name, default))
        _WRITTEN[model] = found
    return found


class _Dumper(yaml.SafeDumper):
    """Block style throughout, lists indented under their key, literal blocks for multi-line text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent block sequences under their key (PyYAML puts them flush by default)."""
        super().increase_indent(flow, False)


# YAML 1.1 treats these as line breaks or strips them; only double quotes keep them exactly.
_FRAGILE = frozenset("\r\x85\u2028\u2029\ufeff")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if any(ch in _FRAGILE or (not ch.isprintable() and ch not in "\n\t") for ch in value):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps(argument_map: ArgumentMap, format: Format = "yaml") -> str:
    """Write a map as a YAML (default) or JSON string; same map, same bytes.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> print(dumps(MapBuilder("m", "T").build(), "json"), end="")
        {
          "id": "m",
          "title": "T"
        }
    """
    return dumps_data(to_data(argument_map), format)


def dumps_data(data: Any, format: Format = "yaml") -> str:
    """Write plain data as YAML or JSON in argmap's style (as :func:`dumps` does)."""
    if format == "json":
        try:
            return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        except ValueError as err:
            raise ArgmapError(f"cannot write JSON: {err}") from None
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=88
    )


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str], format: Format | None = None) -> None:
    """Write a map to a file, atomically; the format follows the file name unless given.

    Raises:
        ArgmapError: the file cannot be written.
    """
    write_atomic(path, dumps(argument_map, format or format_of(path)))
