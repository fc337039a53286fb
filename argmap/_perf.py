"""Performance helpers shared by the library's heavy entry points.

:func:`paused_gc` keeps the cycle collector out of a bulk job; :class:`Forked`
runs part of a job in a second process, forked for it, where that is safe
(:func:`can_fork`).

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
import marshal
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import Any

__all__ = ["Forked", "can_fork", "helper_processes", "helpers_allowed", "paused_gc"]

_HELPERS: ContextVar[bool] = ContextVar("argmap_helper_processes", default=False)


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


@contextmanager
def helper_processes() -> Iterator[None]:
    """Let the readers within fork a helper process for a large file (the command line does).

    A library call never forks unless asked: a program may not expect a
    process of its own to appear.

    Examples:
        >>> with helper_processes():
        ...     helpers_allowed() == can_fork()
        True
        >>> helpers_allowed()
        False
    """
    token = _HELPERS.set(True)
    try:
        yield
    finally:
        _HELPERS.reset(token)


def helpers_allowed() -> bool:
    """Whether a reader may fork a helper process now: asked for, and safe (:func:`can_fork`)."""
    return _HELPERS.get() and can_fork()


def can_fork() -> bool:
    """Whether a helper process can be forked safely here: ``os.fork`` exists and no other thread runs.

    Forking a process that runs other threads can leave a lock held for ever
    in the child; Windows has no fork at all.
    """
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked:
    """A task run in a forked child process, whose value comes back through a pipe.

    The value is plain data that :mod:`marshal` writes (built-in types only:
    it reads back nothing but data, and fast), never None.

    The child shares this process's memory as it was at the fork (until
    either writes to it), runs ``task`` and leaves with :func:`os._exit`,
    running none of this process's exit code. :meth:`result` waits for it;
    leaving the ``with`` block without asking kills it. A child the system
    refuses (no memory, no process left) is a child that failed: its result
    is None, and the caller does its part itself. Call only where
    :func:`can_fork` says so.

    Examples:
        >>> if can_fork():
        ...     with Forked(lambda: ["found", 1]) as child:
        ...         print(child.result())
        ... else:
        ...     print(["found", 1])
        ['found', 1]
    """

    def __init__(self, task: Callable[[], Any]) -> None:
        """Fork, and run ``task`` in the child (if the system refuses a process, there is none)."""
        self._pid: int | None = None
        try:
            read_end, write_end = os.pipe()
        except OSError:  # no file descriptor left: no child; result() says None
            return
        try:
            pid = os.fork()
        except OSError:  # no memory or no process left for a child: result() says None
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the child: whatever happens, it leaves here
            code = 1
            try:
                os.close(read_end)
                view = memoryview(marshal.dumps(task()))
                while view:
                    view = view[os.write(write_end, view) :]
                os.close(write_end)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid = pid
        self._fd = read_end

    def result(self) -> Any:
        """What the task returned, once the child has ended; None if it failed, was killed or sent garbage."""
        if self._pid is None:
            return None
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 20):
                chunks.append(chunk)
        finally:
            status = self._reap()
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return None
        try:
            return marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return None

    def cancel(self) -> None:
        """Kill the child if it still runs, and wait for it."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already gone
                pass
            self._reap()

    def _reap(self) -> int:
        os.close(self._fd)
        assert self._pid is not None
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return status

    def __enter__(self) -> Forked:
        """The running child."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Kill the child unless its result was read."""
        self.cancel()
