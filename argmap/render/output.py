"""Drawing a map: as a :class:`graphviz.Source`, as bytes, or to a file.

Examples:
    >>> import argmap
    >>> m = argmap.load_corpus("school-phones")
    >>> render(m, "dot")[:21]
    b'digraph "school-phone'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard, overload

from argmap.io.files import write_atomic
from argmap.model import ArgumentMap
from argmap.render.dot import to_dot
from argmap.render.engines import FORMATS, Engine, Format, layout
from argmap.render.errors import RenderError
from argmap.render.options import RenderOptions

if TYPE_CHECKING:
    import graphviz  # imported by to_graphviz: writing DOT text needs no package

__all__ = ["format_of", "render", "to_graphviz"]

_SUFFIXES: dict[str, Format] = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The output format a file name asks for, by its suffix.

    Raises:
        RenderError: the suffix names no format argmap can write.

    Examples:
        >>> format_of("docs/overview.PNG"), format_of("map.gv")
        ('png', 'dot')
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        expected = ", ".join(sorted(_SUFFIXES))
        raise RenderError(
            f"{os.fspath(path)}: cannot tell the format from {suffix or 'no suffix'!r};"
            f" use one of: {expected}"
        ) from None


def to_graphviz(m: ArgumentMap, options: RenderOptions | None = None) -> graphviz.Source:
    """Return a map's diagram as a :class:`graphviz.Source`, the ``graphviz`` package's object.

    Its ``.pipe()``, ``.render()`` and ``.view()`` lay it out with Graphviz's
    ``dot`` program, and Jupyter displays it, as for any ``graphviz.Source``;
    these need ``dot`` on ``PATH``. Where only the bundled engine is installed,
    :func:`render` draws the same diagram.

    Args:
        m: The map.
        options: What to draw and how; defaults to :class:`RenderOptions()`.

    Returns:
        A source holding :func:`to_dot`'s text, with the ``dot`` layout
        engine and the package's default output format (PDF).

    Raises:
        UnknownElementError: the options name an element the map lacks.

    Examples:
        >>> import argmap, graphviz
        >>> m = argmap.load_corpus("school-phones")
        >>> source = to_graphviz(m, RenderOptions(issues=["lunch"]))
        >>> isinstance(source, graphviz.Source), source.engine
        (True, 'dot')
        >>> source.source == to_dot(m, RenderOptions(issues=["lunch"]))
        True
    """
    import graphviz

    return graphviz.Source(to_dot(m, options), engine="dot")


def _is_format(value: object) -> TypeGuard[Format]:
    return isinstance(value, str) and value in FORMATS


@overload
def render(
    m: ArgumentMap, path_or_format: Format, options: RenderOptions | None = None, engine: Engine | None = None
) -> bytes: ...


@overload
def render(
    m: ArgumentMap,
    path_or_format: os.PathLike[str],
    options: RenderOptions | None = None,
    engine: Engine | None = None,
) -> Path: ...


@overload
def render(
    m: ArgumentMap,
    path_or_format: str | os.PathLike[str],
    options: RenderOptions | None = None,
    engine: Engine | None = None,
) -> bytes | Path: ...


def render(
    m: ArgumentMap,
    path_or_format: str | os.PathLike[str],
    options: RenderOptions | None = None,
    engine: Engine | None = None,
) -> bytes | Path:
    """Draw a map: return the drawing as bytes, or write it to a file.

    Args:
        m: The map.
        path_or_format: A format name (``"svg"``, ``"png"``, ``"pdf"``,
            ``"dot"``) to get bytes back, or a file path whose suffix
            (``.svg``, ``.png``, ``.pdf``, ``.dot``, ``.gv``) says the format;
            the file is written atomically.
        options: What to draw and how.
        engine: ``"dot"`` (Graphviz on ``PATH``) or ``"bundled"``
            (pygraphviz), when given, wins over ``options.engine``; None
            leaves the choice to the options (or, if they make none, to
            :func:`~argmap.render.find_engine`). The ``dot`` format needs none.

    Returns:
        The bytes of the drawing, or the path written.

    Raises:
        EngineNotFoundError: no layout engine is available.
        RenderError: the format is unknown, Graphviz failed, or the file
            cannot be written.
        UnknownElementError: the options name an element the map lacks.

    Examples:
        >>> import argmap, pathlib, tempfile
        >>> m = argmap.load_corpus("school-phones")
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     written = render(m, pathlib.Path(folder) / "phones.dot")
        ...     written.name, written.read_text(encoding="utf-8") == to_dot(m)
        ('phones.dot', True)
    """
    if engine is None and options is not None:
        engine = options.engine
    if _is_format(path_or_format):
        return layout(to_dot(m, options), path_or_format, engine)
    path = Path(path_or_format)
    data = layout(to_dot(m, options), format_of(path), engine)
    write_atomic(path, data)
    return path
