"""The errors of the rendering layer, under :class:`argmap.ArgmapError`.

Examples:
    >>> from argmap.errors import ArgmapError
    >>> issubclass(EngineNotFoundError, RenderError) and issubclass(RenderError, ArgmapError)
    True
"""

from __future__ import annotations

from argmap.errors import ArgmapError

__all__ = ["EngineNotFoundError", "RenderError"]


class RenderError(ArgmapError):
    """A map could not be drawn: a bad option, a failed layout or an unwritable file."""


class EngineNotFoundError(RenderError):
    """No Graphviz layout engine is available (or not the one asked for)."""
