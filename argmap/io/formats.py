r"""Every file format argmap reads or writes, in one table, and the format-aware load and dump.

:data:`FORMATS` maps a format's name to a :class:`Format`: the file
suffixes it claims, a reader ``(text, path) -> (map, problems)``, a writer
``map -> text`` and, for formats that share a suffix (``.json`` is argmap's
own JSON, an AIF nodeset or OVA's wrapper), a sniffer that recognizes a
file's content. Adding a format is one line in ``_TABLE``.

:func:`load` picks the format by a compound suffix (``debate.aif.json``),
then by content where a suffix is shared or unknown, then by suffix; it
returns the map, or raises :class:`~argmap.errors.LoadError` with every
problem found, located (``file:line:col`` for text formats; a JSON pointer
or element id for JSON formats). :func:`read` returns the map of everything
that could be imported together with those problems, and the notes: what a
reader met in a file it read whole (an Argdown relation the Argdown tool
ignores too, a statement used but never given text), which stop nothing
and which the command line prints as warnings. :func:`dump` writes
atomically.

Examples:
    >>> import pathlib, tempfile
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "Phones")
    >>> _ = b.issue("q", "Ban phones.")
    >>> _ = b.claim("a", "They distract.")
    >>> _ = b.supports("a", "q")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "phones.txt"
    ...     dump(b.build(), path)
    ...     print(path.read_text(), end="")
    ...     [(k.kind, k.source, k.target) for k in load(path).links]
    Discussion Title: Phones
    <BLANKLINE>
    1. Ban phones.
    1.1. Pro: They distract.
    [('supports', '1.1', '1')]
"""

from __future__ import annotations

import importlib
import json
import os
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.errors import ArgmapError, LoadError, Problem
from argmap.io.files import is_same_file, write_atomic
from argmap.io.limits import get_limits
from argmap.io.located import decode, read_input
from argmap.io.notes import LoadWarning
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.io import native

__all__ = [
    "FORMATS",
    "Converted",
    "Format",
    "Loaded",
    "convert",
    "dump",
    "dumps",
    "expand",
    "format_for",
    "is_same_file",
    "load",
    "read",
    "readable",
    "writable",
]

Reader = Callable[[str, str], tuple[ArgumentMap, list[Problem]]]
Writer = Callable[[ArgumentMap], str]

"""Files larger than this are refused before they are parsed."""


@dataclass(frozen=True)
class Format:
    """A file format: its name, suffixes, and what argmap can do with it.

    Attributes:
        name: The name used by ``--from``/``--to`` and ``format=``.
        suffixes: File suffixes, compound ones (``.aif.json``) first.
        summary: One line for help texts.
        reader: ``(text, path) -> (map, problems)``, or None if argmap cannot read it.
        writer: ``map -> text``, or None if argmap cannot write it.
        sniff: Whether a text is in this format, for suffixes several formats share.
        losses: What writing a map in this format leaves out, in words.
        problems_are_notes: The reader reads every file it accepts whole, as
            the format's own tool reads it: what it reports are notes (shown
            as warnings), not problems that stop loading.
    """

    name: str
    suffixes: tuple[str, ...]
    summary: str
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[str], bool] | None = None
    losses: Callable[[ArgumentMap], list[str]] | None = None
    problems_are_notes: bool = False


class Loaded(NamedTuple):
    """What :func:`read` found: the map, the problems met, the format read, and the notes.

    ``problems`` say what could not be imported (the map holds the rest);
    ``notes`` say what the reader met in a file it read whole, each located.
    """

    map: ArgumentMap
    problems: list[Problem]
    format: str
    notes: list[Problem]


class Converted(NamedTuple):
    """What :func:`convert` has to say: what the output format could not hold, and the input's notes."""

    lost: list[str]
    notes: list[Problem]


# Each format's module is imported when the format is first used: a command
# pays only for the formats it reads and writes (start-up time).


def _module(name: str) -> Any:
    return importlib.import_module(f"argmap.io.{name}")


def _reader(module: str, name: str) -> Reader:
    def reader(text: str, path: str) -> tuple[ArgumentMap, list[Problem]]:
        found: tuple[ArgumentMap, list[Problem]] = getattr(_module(module), name)(text, path)
        return found

    reader.__name__ = reader.__qualname__ = name
    return reader


def _writer(module: str, name: str) -> Writer:
    def writer(argument_map: ArgumentMap) -> str:
        return str(getattr(_module(module), name)(argument_map))

    writer.__name__ = writer.__qualname__ = name
    return writer


def _losses(module: str) -> Callable[[ArgumentMap], list[str]]:
    def losses(argument_map: ArgumentMap) -> list[str]:
        return list(_module(module).losses(argument_map))

    return losses


def _native(kind: native.Format) -> tuple[Reader, Writer]:
    def reader(text: str, path: str) -> tuple[ArgumentMap, list[Problem]]:
        from argmap.io import native

        return native.loads(text, kind, path=path), []

    def writer(argument_map: ArgumentMap) -> str:
        from argmap.io import native

        return native.dumps(argument_map, kind)

    return reader, writer


@lru_cache(maxsize=1)
def _json_top(text: str) -> Any:
    """The parsed JSON of a text (None if it is not JSON), cached: sniffers share it."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# An object whose first key is "id" or "title": argmap's JSON whatever follows (argmap writes "id" first).
_NATIVE_START = re.compile(r'[\ufeff \t\r\n]*\{[ \t\r\n]*"(?:id|title)"[ \t\r\n]*:')


def _is_native_json(text: str) -> bool:
    if _NATIVE_START.match(text):
        return True  # as the parse below would say, without parsing a large file twice
    data = _json_top(text)
    if data is None:  # broken JSON counts too: argmap's JSON reader locates the syntax error
        return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")
    return isinstance(data, dict) and ("id" in data or "title" in data)


def _is_ova(text: str) -> bool:
    return bool(_module("aif").looks_like_ova(_json_top(text)))


def _is_aif(text: str) -> bool:
    return bool(_module("aif").looks_like_aif(_json_top(text)))


def _is_kialo(text: str) -> bool:
    return bool(_module("kialo").looks_like_kialo(text))


_YAML, _YAML_OUT = _native("yaml")
_JSON, _JSON_OUT = _native("json")

# One line per format. Order matters: sniffers run in this order, and for a
# suffix several formats claim, the first format with a writer writes it.
# fmt: off
_TABLE: tuple[Format, ...] = (
    Format("yaml", (".yaml", ".yml"), "argmap's own format, YAML", _YAML, _YAML_OUT),
    Format("json", (".json",), "argmap's own format, JSON", _JSON, _JSON_OUT, _is_native_json),
    Format("ova", (".ova.json", ".json"), "OVA's JSON", _reader("aif", "read_aif"),
           _writer("aif", "write_ova"), _is_ova, _losses("aif")),
    Format("aif", (".aif.json", ".aif", ".json"), "AIF", _reader("aif", "read_aif"),
           _writer("aif", "write_aif"), _is_aif, _losses("aif")),
    Format("kialo", (".kialo.txt", ".txt"), "Kialo export", _reader("kialo", "read_kialo"),
           _writer("kialo", "write_kialo"), _is_kialo, _losses("kialo")),
    Format("argdown", (".argdown",), "Argdown", _reader("argdown", "read_argdown"),
           _writer("argdown", "write_argdown"), problems_are_notes=True),
    Format("graphml", (".graphml",), "GraphML (graph view)", None, _writer("graphml", "write_graphml")),
    Format("node-link", (".nodelink.json", ".node-link.json"), "networkx node-link JSON", None,
           _writer("graphml", "write_node_link")),
)
# fmt: on
FORMATS: dict[str, Format] = {f.name: f for f in _TABLE}


def _suffixes(path: str | os.PathLike[str]) -> list[str]:
    """The compound suffix (``.aif.json``) then the last one (``.json``), lowercased."""
    found = [s.lower() for s in Path(path).suffixes]
    return ["".join(found[-2:]), found[-1]] if len(found) >= 2 else found


def _named(name: str, need: str) -> Format:
    found = FORMATS.get(name.lower())
    if found is None or getattr(found, need) is None:
        able = sorted(f.name for f in FORMATS.values() if getattr(f, need) is not None)
        verb = "read" if need == "reader" else "write"
        raise ArgmapError(f"argmap cannot {verb} the format {name!r}; it can {verb}: {', '.join(able)}")
    return found


def readable() -> list[str]:
    """The names of the formats argmap reads.

    Examples:
        >>> "aif" in readable() and "graphml" not in readable()
        True
    """
    return [f.name for f in _TABLE if f.reader is not None]


def writable() -> list[str]:
    """The names of the formats argmap writes.

    Examples:
        >>> "graphml" in writable() and "kialo" in writable()
        True
    """
    return [f.name for f in _TABLE if f.writer is not None]


def format_for(path: str | os.PathLike[str], text: str | None = None, *, writing: bool = False) -> Format:
    """The format of a file, from its suffix and, when reading, its content.

    A compound suffix (``.aif.json``, ``.kialo.txt``) decides. Otherwise,
    when reading, the sniffers of the formats that claim the suffix (or of
    every format, for an unknown suffix) look at the text; failing that the
    first format claiming the suffix is used, and YAML for an unknown one
    (as argmap always did).

    Examples:
        >>> format_for("m.yaml").name, format_for("m.aif.json").name
        ('yaml', 'aif')
        >>> format_for("x.json", '{"nodes": [], "edges": []}').name
        'aif'
        >>> format_for("m.json", writing=True).name, format_for("m.graphml", writing=True).name
        ('json', 'graphml')
    """
    need = "writer" if writing else "reader"
    able = [f for f in _TABLE if getattr(f, need) is not None]
    suffixes = _suffixes(path)
    if len(suffixes) == 2:
        for found in able:
            if suffixes[0] in found.suffixes:
                return found
    last = suffixes[-1] if suffixes else ""
    claiming = [f for f in able if last in f.suffixes]
    if text is not None and not writing:
        for found in claiming or able:
            if found.sniff is not None and found.sniff(text):
                return found
    if claiming:
        return claiming[0]
    if writing:
        names = ", ".join(dict.fromkeys(s for f in able for s in f.suffixes))  # each suffix once
        raise ArgmapError(
            f"{os.fspath(path)}: cannot tell the format from the suffix {last or '(none)'!r}"
            f" (known: {names}); name the format"
        )
    return FORMATS["yaml"]


def read(path: str | os.PathLike[str], format: str | None = None) -> Loaded:
    r"""Read a file in any readable format: the map, the problems met, the format, and the notes.

    The map holds everything that could be imported; the problems say, each
    located, what could not. The notes say, each located, what the reader
    met in a file it read whole (see :attr:`Format.problems_are_notes`). A
    file that cannot be read at all raises.

    Raises:
        LoadError: the file cannot be read, is too large, is not UTF-8 text,
            or is not in the format at all (e.g. a JSON syntax error).
        ArgmapError: ``format`` names no readable format.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "n.json"
        ...     ra = '{"nodeID": 1, "text": "Default Inference", "type": "RA"}'
        ...     _ = path.write_text('{"nodes": [' + ra + '], "edges": []}')
        ...     loaded = read(path)
        >>> loaded.format, len(loaded.map.nodes), len(loaded.problems)
        ('aif', 0, 2)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "d.argdown"
        ...     _ = path.write_text("[A]: One.\n  + [B]\n")
        ...     loaded = read(path)
        >>> loaded.problems, [n.message for n in loaded.notes]
        ([], ['statement [B] is used but never given text; its title stands for its text'])
    """
    name = os.fspath(path)
    chosen = _named(format, "reader") if format else None
    text = decode(read_input(name), name)
    found = chosen or format_for(name, text)
    assert found.reader is not None
    argument_map, problems = found.reader(text, name)
    if found.problems_are_notes:
        return Loaded(argument_map, [], found.name, problems)
    return Loaded(argument_map, problems, found.name, [])


def load(path: str | os.PathLike[str], format: str | None = None) -> ArgumentMap:
    r"""Read a map from a file in any readable format; every problem is an error.

    The format follows the file (see :func:`format_for`) unless given:
    ``yaml``, ``json``, ``aif``, ``ova``, ``kialo``... (see :data:`FORMATS`).
    Each of the reader's notes (what it ignored in a file it reads whole, as
    an Argdown file) is a :class:`LoadWarning` (:func:`warnings.warn`),
    located ``file:line:col: ...``; they do not stop loading. Use
    :func:`read` to get the notes as a list, or the part of a damaged file
    that could be imported.

    Raises:
        LoadError: the file cannot be read, or is not a valid map in its
            format; every problem is listed, located.

    Examples:
        >>> import pathlib, tempfile, warnings
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "d.txt"
        ...     _ = path.write_text("1. Ban phones.\n1.1. Pro: They distract.\n")
        ...     [n.kind for n in load(path).nodes]
        ['issue', 'claim']
        >>> with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always", LoadWarning)
        ...     path = pathlib.Path(folder) / "d.argdown"
        ...     _ = path.write_text("[A]: One.\n  + [B]\n")
        ...     m = load(path)
        >>> [(w.category.__name__, w.message.problem.line, w.message.problem.message) for w in caught]
        [('LoadWarning', 2, 'statement [B] is used but never given text; its title stands for its text')]
    """
    argument_map, problems, _, notes = read(path, format)
    if problems:
        raise LoadError(problems)
    for note in notes:
        warnings.warn(LoadWarning(note), stacklevel=2)
    return argument_map


def dumps(argument_map: ArgumentMap, format: str) -> str:
    """The map as text in a writable format.

    Raises:
        ArgmapError: ``format`` names no writable format.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> print(dumps(MapBuilder("m", "T").build(), "json"), end="")
        {
          "id": "m",
          "title": "T"
        }
    """
    writer = _named(format, "writer").writer
    assert writer is not None
    return writer(argument_map)


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a map to a file, atomically; the format follows the file's suffix unless given.

    ``.json`` is argmap's own JSON; name AIF and OVA files ``*.aif.json`` and
    ``*.ova.json`` (or pass ``format``).

    Raises:
        ArgmapError: the format is unknown or not writable, or the file
            cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> from argmap.builder import MapBuilder
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "m.aif.json"
        ...     dump(MapBuilder("m", "T").build(), path)
        ...     sorted(json.loads(path.read_text()))
        ['edges', 'locutions', 'nodes']
    """
    chosen = _named(format, "writer") if format else format_for(path, writing=True)
    write_atomic(path, dumps(argument_map, chosen.name))


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    from_format: str | None = None,
    to_format: str | None = None,
) -> Converted:
    """Convert a map file to another format; formats follow the files unless given.

    The input is never overwritten (not through a symbolic or hard link
    either), and the output is written atomically, only when the whole
    input could be read.

    Returns:
        What the output format could not hold, in words, and the notes of
        the input's reader (see :func:`read`); both empty when nothing.

    Raises:
        LoadError: the input cannot be read, or only in part (every problem listed).
        ArgmapError: the output is the input, or a format is unknown, or the
            output cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> from argmap.builder import MapBuilder
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     yaml_file = pathlib.Path(folder) / "m.yaml"
        ...     dump(MapBuilder("m", "T").build(), yaml_file)
        ...     lost = convert(yaml_file, pathlib.Path(folder) / "m.graphml")
        ...     convert(yaml_file, yaml_file)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.ArgmapError: ...m.yaml: refusing to overwrite the input file
        >>> lost
        Converted(lost=[], notes=[])
    """
    if is_same_file(source, target):
        raise ArgmapError(f"{os.fspath(target)}: refusing to overwrite the input file")
    chosen = _named(to_format, "writer") if to_format else format_for(target, writing=True)
    argument_map, problems, _, notes = read(source, from_format)
    if problems:
        raise LoadError(problems)
    write_atomic(target, dumps(argument_map, chosen.name))
    notes = [*notes, *_stranded_sources(argument_map, source, target)]
    return Converted(chosen.losses(argument_map) if chosen.losses else [], notes)


def _stranded_sources(
    argument_map: ArgumentMap, source: str | os.PathLike[str], target: str | os.PathLike[str]
) -> list[Problem]:
    """Notes on the source texts found beside the input but not beside the output.

    A source's relative ``path`` is read from the map file's folder (and
    only from inside it), so a map written to another folder cannot point
    back at its texts: say which to copy, rather than leave the new file
    quietly unable to verify its anchors.
    """
    before, after = Path(source).parent, Path(target).parent
    notes: list[Problem] = []
    for doc in argument_map.sources:
        if doc.path is None or Path(doc.path).is_absolute():
            continue
        there, here = before / doc.path, after / doc.path
        if there.is_file() and not here.is_file():
            message = (
                f"source {doc.id!r}: its text {doc.path!r} is beside {os.fspath(source)}, not beside this"
                f" file; copy it here, or give it as --source {doc.id}=PATH"
            )
            notes.append(Problem(message, os.fspath(target)))
    return notes


def expand(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The files to read for some paths: a file as given, a folder as the maps inside it.

    Inside a folder (searched recursively, hidden entries skipped, in sorted
    order) a file is taken when its suffix is one a readable format claims
    and, for a suffix several formats share or one that needs a look
    (``.json``, ``.txt``), when its content is recognized: another tool's
    JSON or a text file that is no Kialo export is passed over. A file named
    outright is always taken.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     for name, text in [("b.yaml", ""), ("a.json", '{"id": "m"}'), ("c.json", '{"x": 1}'),
        ...                        ("notes.md", ""), ("notes.txt", "Hello"), (".hidden.yaml", "")]:
        ...         _ = (pathlib.Path(folder) / name).write_text(text)
        ...     [pathlib.Path(p).name for p in expand([folder])]
        ['a.json', 'b.yaml']
    """
    out: list[str] = []
    for given in paths:
        name = os.fspath(given)
        if not os.path.isdir(name):
            out.append(name)
            continue
        for root, dirs, files in os.walk(name):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(os.path.join(root, f) for f in sorted(files) if _is_map_file(os.path.join(root, f)))
    return out


def _is_map_file(path: str) -> bool:
    """Whether a file found in a folder is one to read (see :func:`expand`)."""
    if Path(path).name.startswith("."):
        return False
    suffixes = _suffixes(path)
    readers = [f for f in _TABLE if f.reader is not None]
    if len(suffixes) == 2 and any(suffixes[0] in f.suffixes for f in readers):
        return True
    claiming = [f for f in readers if suffixes and suffixes[-1] in f.suffixes]
    if not claiming or all(f.sniff is None for f in claiming):
        return bool(claiming)
    try:
        if os.path.getsize(path) > get_limits().max_bytes:
            return True  # read it, to be told it is too large
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return True  # read it, to be told what is wrong
    return any(f.sniff is not None and f.sniff(text) for f in claiming)
