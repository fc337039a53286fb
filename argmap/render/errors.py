"""The errors of the rendering layer (defined in :mod:`argmap.errors`, with every other error).

Examples:
    >>> from argmap.errors import ArgmapError
    >>> issubclass(EngineNotFoundError, RenderError) and issubclass(RenderError, ArgmapError)
    True
"""

from __future__ import annotations

from argmap.errors import EngineNotFoundError, RenderError

__all__ = ["EngineNotFoundError", "RenderError"]
