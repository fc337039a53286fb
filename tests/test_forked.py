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


def test_a_fork_the_system_refuses_is_a_child_that_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    before = len(os.listdir("/proc/self/fd"))
    with Forked(lambda: b"never") as child:
        assert child.result() is None
    assert len(os.listdir("/proc/self/fd")) == before  # the pipe is closed again


def test_the_checker_does_the_workers_part_when_no_process_can_be_forked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argmap
    from argmap.checks import check

    b = argmap.MapBuilder("m", "T")
    for name in ("a", "b", "c"):
        b.claim(name, name.upper() + ".")
    b.supports("a", "b")
    b.attacks("a", "c")
    b.supports("c", "b")
    m = b.build()
    expected = check(m, jobs=1)
    assert any(f.code == "AM202" for f in expected)  # a rule of the worker's half has a finding

    def refuse() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", refuse)
    assert check(m, jobs=2) == expected
