"""Performance helpers shared by the library's heavy entry points.

Examples:
    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector for a bulk job, restoring its state afterwards.

    Building or checking a large map allocates millions of small objects; each
    automatic collection walks all of them, which made the work superlinear.
    Reference counting still frees what the job drops.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
