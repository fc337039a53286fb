"""Jupyter display: an :class:`~argmap.ArgumentMap` shown as its diagram.

The model knows nothing of drawing. Instead, :func:`register_display` tells an
IPython shell (a Jupyter kernel) to format every map as SVG with
:func:`repr_svg`; ``import argmap`` calls it only when IPython is already
loaded, so a plain Python process never imports the rendering layer for it.
A map that cannot be drawn (no layout engine) falls back to its text.

Examples:
    >>> class Formatter:
    ...     def for_type(self, cls, func):
    ...         print(f"{cls.__name__} -> {func.__name__}")
    >>> class Shell:
    ...     class display_formatter:
    ...         formatters = {"image/svg+xml": Formatter()}
    >>> register_display(Shell())
    ArgumentMap -> repr_svg
    True
"""

from __future__ import annotations

import sys
from typing import Any

from argmap.model import ArgumentMap
from argmap.render.errors import RenderError
from argmap.render.options import RenderOptions
from argmap.render.output import render

__all__ = ["register_display", "repr_svg"]

SVG = "image/svg+xml"


def repr_svg(m: ArgumentMap, options: RenderOptions | None = None) -> str | None:
    """The map drawn as SVG text, or None when it cannot be drawn (no layout engine).

    What a Jupyter kernel shows for a map once :func:`register_display` has run.

    Examples:
        >>> import argmap
        >>> svg = repr_svg(argmap.load_corpus("school-phones"))
        >>> svg is None or svg.lstrip().startswith("<?xml")
        True
    """
    try:
        return render(m, "svg", options).decode("utf-8")
    except RenderError:
        return None


def _running_shell() -> Any:
    """The running IPython shell, or None (IPython not loaded, or loaded without a shell)."""
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    return get_ipython() if callable(get_ipython) else None


def register_display(shell: Any = None) -> bool:
    """Make an IPython shell display every :class:`~argmap.ArgumentMap` as its diagram (SVG).

    Args:
        shell: An IPython ``InteractiveShell``; None looks for the running one.

    Returns:
        Whether a shell was found and now displays maps.

    Examples:
        >>> register_display() if "IPython" not in sys.modules else False
        False
    """
    shell = shell if shell is not None else _running_shell()
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or SVG not in formatters:
        return False
    formatters[SVG].for_type(ArgumentMap, repr_svg)
    return True
