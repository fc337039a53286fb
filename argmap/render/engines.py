"""Finding and running a Graphviz layout engine: DOT text in, SVG, PNG or PDF bytes out.

Two engines can lay out a diagram:

- ``"dot"``: Graphviz's ``dot`` program, when it is on ``PATH``, run through
  the ``graphviz`` package (:meth:`graphviz.Source.pipe`);
- ``"bundled"``: the Graphviz library inside the ``pygraphviz`` wheel (2.x
  wheels bundle Graphviz itself), run in this process, so that
  ``pip install argmap`` is enough to draw on a machine without Graphviz.

Without an explicit choice, ``dot`` on ``PATH`` wins, then the bundled engine.
The ``"dot"`` output format needs no engine at all.

Examples:
    >>> layout("digraph { a -> b }", "dot")
    b'digraph { a -> b }'
    >>> set(available_engines()) <= {"dot", "bundled"}
    True
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

from argmap.render.errors import EngineNotFoundError, RenderError

if TYPE_CHECKING:
    import graphviz  # imported where a layout runs: writing DOT text needs no package

__all__ = ["FORMATS", "Engine", "Format", "available_engines", "find_engine", "layout", "renumber_anchors"]

Engine: TypeAlias = Literal["dot", "bundled"]
Format: TypeAlias = Literal["svg", "png", "pdf", "dot"]
FORMATS: tuple[Format, ...] = get_args(Format)
ENGINES: tuple[Engine, ...] = get_args(Engine)

logger = logging.getLogger("argmap.render")

INSTALL_PYGRAPHVIZ = 'pip install "pygraphviz>=2.0.4" (its wheels bundle Graphviz)'
INSTALL_GRAPHVIZ = "install Graphviz so that 'dot' is on PATH (https://graphviz.org/download/)"
HOW_TO_GET_ONE = f"{INSTALL_PYGRAPHVIZ}, or {INSTALL_GRAPHVIZ}; the 'dot' output format needs no engine"

# Both engines report on the process's standard error (the bundled one on file
# descriptor 2, the graphviz package on sys.stderr), which all threads share:
# one layout at a time, so that each reads its own messages.
_STDERR_LOCK = threading.Lock()


@cache
def _pygraphviz() -> ModuleType | None:
    """The pygraphviz module when it is importable, with its Graphviz library."""
    try:
        return importlib.import_module("pygraphviz")
    except (ImportError, OSError):  # not installed, or its Graphviz library cannot load
        return None


def _why_no_bundled() -> str:
    """What keeps the bundled engine from running: pygraphviz missing, or its library not loading."""
    if importlib.util.find_spec("pygraphviz") is None:
        return "pygraphviz is not installed"
    return "pygraphviz is installed but cannot load its Graphviz library"


def _missing(engine: Engine) -> EngineNotFoundError:
    """The error for an engine asked for by name that cannot run: what is missing, and what to do."""
    others = [other for other in available_engines() if other != engine]
    instead = f"; or use the {others[0]} engine, which is available here" if others else ""
    if engine == "dot":
        why, fix = "Graphviz's 'dot' program is not on PATH", INSTALL_GRAPHVIZ
    else:
        why, fix = _why_no_bundled(), INSTALL_PYGRAPHVIZ
    return EngineNotFoundError(f"the {engine} engine is not available: {why}; {fix}{instead}")


def _dot_executable() -> str | None:
    return shutil.which("dot")


def available_engines() -> tuple[Engine, ...]:
    """The engines that can run here, in the order :func:`find_engine` prefers them.

    Examples:
        >>> all(engine in ("dot", "bundled") for engine in available_engines())
        True
    """
    found: list[Engine] = []
    if _dot_executable() is not None:
        found.append("dot")
    if _pygraphviz() is not None:
        found.append("bundled")
    return tuple(found)


def find_engine(engine: Engine | None = None) -> Engine:
    """The engine to use: ``engine`` when it is available, else the preferred available one.

    Raises:
        EngineNotFoundError: the engine asked for (or, without a choice, any
            engine) is not available; the message says how to get one.
        RenderError: ``engine`` is not an engine name.

    Examples:
        >>> find_engine("warp")
        Traceback (most recent call last):
        ...
        argmap.errors.RenderError: unknown engine 'warp'; expected one of: dot, bundled
    """
    if engine is not None and engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r}; expected one of: {', '.join(ENGINES)}")
    found = available_engines()
    if engine is None:
        if not found:
            raise EngineNotFoundError(f"no Graphviz layout engine found: {HOW_TO_GET_ONE}")
        return found[0]
    if engine not in found:
        raise _missing(engine)
    return engine


def _check_messages(messages: str, engine: Engine) -> None:
    """Raise for Graphviz errors in ``messages``; log its warnings."""
    lines = [line for line in messages.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error")]
    if errors:
        raise RenderError(f"Graphviz ({engine}) failed: " + "\n".join(errors))
    for line in lines:
        # The bundled fontconfig may not know every element of the system's
        # font configuration; that is harmless.
        level = logging.DEBUG if line.startswith("Fontconfig") else logging.WARNING
        logger.log(level, "Graphviz (%s): %s", engine, line)


def _run_dot(source: graphviz.Source, format: Format) -> bytes:
    import graphviz

    if _dot_executable() is None:
        raise _missing("dot")
    messages = io.StringIO()
    with _STDERR_LOCK, contextlib.redirect_stderr(messages):
        try:
            output = source.pipe(format=format, engine="dot")
        except graphviz.ExecutableNotFound:
            raise EngineNotFoundError(
                "the dot engine is not available: Graphviz's 'dot' program could not be run;"
                f" {INSTALL_GRAPHVIZ}"
            ) from None
        except graphviz.CalledProcessError as err:
            detail = messages.getvalue().strip()
            raise RenderError(f"Graphviz (dot) failed with exit status {err.returncode}: {detail}") from None
        except OSError as err:
            raise RenderError(f"cannot run dot: {err.strerror or err}") from None
    _check_messages(messages.getvalue(), "dot")
    return bytes(output)


@contextlib.contextmanager
def _captured_stderr() -> Iterator[io.StringIO]:
    """Collect what is written to file descriptor 2 (and sys.stderr) while the block runs."""
    captured = io.StringIO()
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                with contextlib.redirect_stderr(captured):
                    yield captured
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
                sink.seek(0)
                captured.write(sink.read().decode("utf-8", "replace"))
    finally:
        os.close(saved)


def _run_bundled(source: str, format: Format) -> bytes:
    module = _pygraphviz()
    if module is None:
        raise _missing("bundled")
    with _STDERR_LOCK:
        output: bytes | None = None
        failure: Exception | None = None
        with _captured_stderr() as messages:
            try:
                graph = module.AGraph(string=source)
                output = graph.draw(format=format, prog="dot")
            except Exception as err:  # pygraphviz raises bare ValueError, TypeError...
                failure = err
    if failure is not None or output is None:
        detail = messages.getvalue().strip() or str(failure)
        raise RenderError(f"Graphviz (bundled) failed: {detail}") from failure
    _check_messages(messages.getvalue(), "bundled")
    return bytes(output)


def layout(source: str | graphviz.Source, format: Format, engine: Engine | None = None) -> bytes:
    """Lay out DOT text and return the drawing in ``format``.

    Args:
        source: DOT text (as made by :func:`argmap.render.to_dot`), or a
            :class:`graphviz.Source` holding it (as made by
            :func:`argmap.render.to_graphviz`).
        format: ``"svg"``, ``"png"``, ``"pdf"``, or ``"dot"`` (the text
            itself, as UTF-8, needing no engine).
        engine: ``"dot"`` or ``"bundled"``; None picks one (see :func:`find_engine`).

    Raises:
        EngineNotFoundError: no engine (or not the one asked for) is available.
        RenderError: the format is unknown, or Graphviz reported an error.

    Examples:
        >>> layout("digraph { a }", "gif")
        Traceback (most recent call last):
        ...
        argmap.errors.RenderError: unknown format 'gif'; expected one of: svg, png, pdf, dot
    """
    if format not in FORMATS:
        raise RenderError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}")
    text = source if isinstance(source, str) else source.source
    if format == "dot":
        return str(text).encode("utf-8")
    chosen = find_engine(engine)
    if chosen == "dot":
        import graphviz  # only to run Graphviz's own program

        return _run_dot(graphviz.Source(text) if isinstance(source, str) else source, format)
    output = _run_bundled(str(text), format)
    return renumber_anchors(output) if format == "svg" else output


# Graphviz numbers the <a> anchors of tooltips with a counter that lives as
# long as the library: a second drawing in the same process would get other ids.
_ANCHOR_ID = re.compile(rb'id="a_((?:node|edge|graph|clust)\d+)_\d+"')


def renumber_anchors(svg: bytes) -> bytes:
    """Number an SVG's tooltip anchors from 0 in document order, as a fresh Graphviz would.

    Examples:
        >>> renumber_anchors(b'<g id="a_node1_25"></g><g id="a_edge3_26"></g>')
        b'<g id="a_node1_0"></g><g id="a_edge3_1"></g>'
    """
    count = iter(range(1 << 62))
    return _ANCHOR_ID.sub(lambda found: b'id="a_%s_%d"' % (found.group(1), next(count)), svg)
