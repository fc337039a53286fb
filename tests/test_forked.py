"""A task forked into a second process: its bytes come back, a failure is None, it never outlives us."""

from __future__ import annotations

import os
import time

import pytest

from argmap._perf import Forked, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="no os.fork here, or other threads run")


def test_the_child_sends_back_what_its_task_returns_even_when_it_is_large() -> None:
    payload = os.urandom(3 << 20)  # larger than a pipe holds: the child waits while the parent reads
    with Forked(lambda: payload) as child:
        assert child.result() == payload


def test_a_task_that_raises_gives_none() -> None:
    def task() -> bytes:
        raise RuntimeError("broken")

    with Forked(task) as child:
        assert child.result() is None


def test_the_child_works_on_memory_as_it_was_at_the_fork() -> None:
    seen = [1, 2, 3]
    with Forked(lambda: bytes(seen)) as child:
        seen.append(4)  # after the fork: the child's copy is its own
        assert child.result() == b"\x01\x02\x03"


def test_leaving_the_block_without_the_result_kills_the_child() -> None:
    with Forked(lambda: time.sleep(60) or b"") as child:
        pid = child._pid
        assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie is left behind
    assert child.result() is None
