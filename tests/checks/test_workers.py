"""Checking in two processes gives exactly what one gives, and falls back to one when the worker fails."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap.checks import check, workers
from argmap.cli import main

CORPORA = sorted(Path("corpora").glob("*/map.yaml"))


def tangled_map(seed: int, nodes: int = 60) -> argmap.ArgumentMap:
    """A map read from a file, with findings for both halves of the rules (loops, clashes, repeats)."""
    rng = random.Random(seed)
    kinds = ["issue", "claim", "claim", "claim", "counterclaim", "principle", "evidence"]
    node_list = [
        {"id": f"n{i}", "kind": "issue" if i < 2 else rng.choice(kinds[1:]), "text": f"N{i}."}
        for i in range(nodes)
    ]
    for node in node_list:
        if rng.random() < 0.7:
            node["held_by"] = rng.choice(["pro", "con"])
    links: list[dict[str, Any]] = []
    for _ in range(nodes * 2):
        a, b = rng.randrange(2, nodes), rng.randrange(nodes)
        if a != b:
            kind = rng.choice(["supports", "supports", "attacks", "contradicts"])
            links.append({"kind": kind, "source": f"n{a}", "target": f"n{b}"})
    links += links[:5]  # repeated links (AM404)
    data = {
        "id": "tangled",
        "title": "Tangled",
        "sides": [
            {"id": "pro", "name": "Pro", "opposes": ["con"], "stances": {"n0": "for"}},
            {"id": "con", "name": "Con", "stances": {"n0": "against"}},
        ],
        "nodes": node_list,
        "links": links,
    }
    return argmap.loads(yaml.safe_dump(data, sort_keys=False), path="tangled.yaml")


def both_halves(m: argmap.ArgumentMap) -> bool:
    codes = {f.code for f in check(m)} | {r.code for f in check(m) for r in f.related}
    return bool(codes & workers.WORKER_RULES) and bool(codes - workers.WORKER_RULES)


needs_fork = pytest.mark.skipif(not workers.can_fork(), reason="no os.fork here, or other threads run")


@needs_fork
@pytest.mark.parametrize("seed", range(6))
def test_two_processes_find_what_one_finds_in_the_same_order(seed: int) -> None:
    m = tangled_map(seed)
    assert both_halves(m)  # the worker has findings to send, and so has this process
    one = check(m, jobs=1)
    assert check(m, jobs=2) == one
    assert all(f.locations for f in one)  # the worker's findings come back located


@needs_fork
@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.parent.name)
def test_the_corpora_check_alike_in_two_processes(path: Path) -> None:
    m = argmap.load(path)
    assert check(m, jobs=2) == check(m, jobs=1)


@needs_fork
def test_a_second_process_is_forked_once_and_waited_for(monkeypatch: Any) -> None:
    forks: list[int] = []
    real_fork, real_wait = os.fork, os.waitpid

    def fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    waited: list[int] = []

    def waitpid(pid: int, options: int) -> tuple[int, int]:
        waited.append(pid)
        return real_wait(pid, options)

    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(os, "waitpid", waitpid)
    check(tangled_map(1), jobs=2)
    assert len(forks) == 1 and waited == forks  # no worker left behind
    check(tangled_map(1), jobs=1)
    assert len(forks) == 1


@needs_fork
@pytest.mark.parametrize("failure", ["raises", "garbage", "nothing"])
def test_a_failing_worker_is_replaced_by_running_its_rules_here(monkeypatch: Any, failure: str) -> None:
    m = tangled_map(2)
    expected = check(m, jobs=1)

    def packed(findings: list[Any]) -> Any:
        if failure == "raises":
            raise RuntimeError("the worker breaks")
        return b"not findings" if failure == "garbage" else None

    monkeypatch.setattr(workers, "_packed", packed)
    assert check(m, jobs=2) == expected


def test_jobs_choose_one_process_for_small_maps_and_two_for_large_ones(monkeypatch: Any) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    assert workers.jobs_for(workers.AUTO_JOBS_FROM - 1, None) == 1
    assert workers.jobs_for(workers.AUTO_JOBS_FROM, None) == 2
    assert workers.jobs_for(10, 2) == 2 and workers.jobs_for(10, 8) == 2  # asked for: two at most
    assert workers.jobs_for(10**6, 1) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert workers.jobs_for(10**6, None) == 1


def test_no_worker_is_forked_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not workers.can_fork()
        assert workers.jobs_for(10**6, 2) == 1
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_the_command_prints_the_same_with_one_or_two_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = tangled_map(3)
    path = tmp_path / "tangled.yaml"
    argmap.dump(m, path)
    outputs = []
    for jobs in ("1", "2"):
        code = main(["check", "--jobs", jobs, str(path)])
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert "AM2" in outputs[0][1] and "AM404" in outputs[0][1]


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "٣"])
def test_the_command_refuses_a_number_of_processes_that_is_not_one_or_more(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--jobs", value, "corpora/school-phones/map.yaml"]) == 2
    assert "--jobs" in capsys.readouterr().err
