r"""Read input files, bounded, and parse YAML and JSON into plain data with positions.

:func:`read_input` reads a file within the size limit; :func:`decode` checks
its UTF-8. Both parsers (:mod:`argmap.io.yaml_`, :mod:`argmap.io.json_`)
return a :class:`Parsed`: the data (dicts, lists, str, int, float, bool,
None) and, for every path into it, the 1-based line and column where the
value starts (and, for mapping entries, where the key starts).
Syntax errors, duplicate keys and undecodable bytes become located
:class:`~argmap.errors.Problem` records raised in one
:class:`~argmap.errors.LoadError`.

Examples:
    >>> p = parse_json('{"a": [1, {"b": true}]}', path="x.json")
    >>> p.data
    {'a': [1, {'b': True}]}
    >>> p.values[("a", 1, "b")]
    (1, 17)
    >>> parse_yaml("a:\n  - 1\n  - b: yes\n", path="x.yaml").values[("a", 1, "b")]
    (3, 8)
"""

from __future__ import annotations

import os
import stat

from argmap.errors import LoadError, Problem
from argmap.io.json_ import parse_json
from argmap.io.limits import Limits, get_limits
from argmap.io.yaml_ import parse_yaml
from argmap.locations import Loc, Parsed

__all__ = ["Loc", "Parsed", "decode", "parse_json", "parse_yaml", "read_input"]


def read_input(path: str | os.PathLike[str], limits: Limits | None = None) -> bytes:
    """Read an input file's bytes, refusing folders and anything over the size limit.

    A device or pipe is read up to the limit, never beyond it.

    Raises:
        LoadError: the file cannot be read, is a folder, or is too large.

    Examples:
        >>> read_input(".")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: .: is a folder, not a file
    """
    name = os.fspath(path)
    limit = (limits or get_limits()).max_bytes
    try:
        with open(name, "rb") as handle:
            if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
                raise LoadError([Problem("is a folder, not a file", path=name)])
            raw = handle.read(limit + 1)
    except IsADirectoryError:
        raise LoadError([Problem("is a folder, not a file", path=name)]) from None
    except OSError as err:
        raise LoadError([Problem(f"cannot read file: {err.strerror or err}", path=name)]) from None
    if len(raw) > limit:
        message = f"the file is larger than the limit of {limit} bytes (see --max-input-size)"
        raise LoadError([Problem(message, path=name)])
    return raw


def decode(raw: bytes, path: str) -> str:
    r"""Decode a file's bytes as UTF-8 (a leading BOM is dropped).

    Raises:
        LoadError: the bytes are not UTF-8, located at the first bad byte.

    Examples:
        >>> decode(b"ok\n\xff", "f.yaml")
        Traceback (most recent call last):
        ...
        argmap.errors.LoadError: f.yaml:2:1: file is not valid UTF-8 (byte 0xff)
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = raw[err.start : err.start + 1].hex()
        raise LoadError(
            [Problem(f"file is not valid UTF-8 (byte 0x{bad})", path=path, line=line, column=column)]
        ) from None
