"""Drawing argument maps with Graphviz.

:func:`to_dot` turns a map into DOT text: pure, deterministic, no Graphviz
needed; :func:`to_graphviz` wraps that text in a :class:`graphviz.Source`.
:func:`render` lays that text out as SVG, PNG or PDF with a layout
engine (Graphviz's ``dot`` on ``PATH``, or the Graphviz bundled in the
``pygraphviz`` wheel) and returns the bytes or writes a file.
:class:`RenderOptions` says what to draw (filters, focus, clusters, legend,
highlighted findings, evaluation labels) and how (theme, labels, wrap
width, direction, engine), each option named as the ``argmap render`` flag
is; themes are data (:data:`THEMES`).
:func:`register_display` makes a Jupyter kernel show maps as diagrams.

The modules: ``statements`` (one DOT line each), ``html_labels`` (node and
link labels), ``legend``, ``drawing`` (what one diagram is drawn from),
``dot`` (the assembly), ``select`` (what is drawn, asking
:mod:`argmap.graph`), ``findings`` (what ``with_findings`` names),
``colours`` (colour differences, to check palettes),
``engines`` (layout), ``output`` and ``jupyter``.

Examples:
    >>> import argmap
    >>> from argmap.render import RenderOptions, to_dot
    >>> m = argmap.load_corpus("school-phones")
    >>> dot = to_dot(m, RenderOptions(focus="confounding", depth=1, title=False))
    >>> for line in dot.splitlines():
    ...     if "->" in line:
    ...         print(line.split(" [")[0].strip())
    "results-gains" -> "results-gains--supports--ban#junction"
    "results-gains--supports--ban#junction" -> "ban"
    "confounding" -> "results-gains--supports--ban#junction"
"""

from argmap.render.dot import to_dot
from argmap.render.engines import FORMATS, Engine, Format, available_engines, find_engine, layout
from argmap.render.errors import EngineNotFoundError, RenderError
from argmap.render.jupyter import register_display, repr_svg
from argmap.render.labels import wrap
from argmap.render.options import LabelMode, Rankdir, RenderOptions
from argmap.render.output import format_of, render, to_graphviz
from argmap.render.select import Selection, neighbourhood_nodes, select
from argmap.render.themes import (
    DEFAULT,
    PRINT,
    THEMES,
    Decoration,
    EvaluationStatus,
    LinkStyle,
    NodeStyle,
    Theme,
    get_theme,
)

__all__ = [
    "DEFAULT",
    "FORMATS",
    "PRINT",
    "THEMES",
    "Decoration",
    "Engine",
    "EngineNotFoundError",
    "EvaluationStatus",
    "Format",
    "LabelMode",
    "LinkStyle",
    "NodeStyle",
    "Rankdir",
    "RenderError",
    "RenderOptions",
    "Selection",
    "Theme",
    "available_engines",
    "find_engine",
    "format_of",
    "get_theme",
    "layout",
    "neighbourhood_nodes",
    "register_display",
    "render",
    "repr_svg",
    "select",
    "to_dot",
    "to_graphviz",
    "wrap",
]
