"""Run one solver on one task and one file; print the timings as JSON.

Usage: python runner.py TOOL TASK FILE

TOOL is argmap-search, argmap-sat, pygarg or formal-argumentation; TASK is
SE-GR, SE-PR or SE-ST. The file is ICCMA 2023 numeric (.af) for every tool
but pygarg, which reads the same framework as .apx (same name, .apx suffix).
This script runs in the interpreter of the tool's environment (the peers live
in a scratch venv of their own), imports nothing of argmap unless the tool is
argmap, and prints {"parse": s, "solve": s, "extension": [...] or null}.
Parse includes building the tool's own structure; solve is the best of
REPEAT runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPEAT = 3


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def best(fn: Callable[[], Any]) -> tuple[float, Any]:
    runs = [timed(fn) for _ in range(REPEAT)]
    return min(t for t, _ in runs), runs[0][1]


def run_argmap(task: str, path: str, solver: str) -> dict[str, Any]:
    from argmap.semantics.iccma import load_framework
    from argmap.semantics.solvers import grounded, one_extension

    parse, af = timed(lambda: load_framework(path))
    semantics = {"SE-GR": "grounded", "SE-PR": "preferred", "SE-ST": "stable"}[task]
    if solver == "sat":
        from argmap.semantics.sat import sat_one_extension

        solve, ext = best(lambda: sat_one_extension(af, semantics))
    elif semantics == "grounded":
        solve, ext = best(lambda: grounded(af))
    else:
        solve, ext = best(lambda: one_extension(af, semantics))
    names = None if ext is None else [af.names[i] for i in ext]
    return {"parse": parse, "solve": solve, "extension": names}


def run_pygarg(task: str, path: str) -> dict[str, Any]:
    import pygarg.dung.apx_parser as apx_parser
    import pygarg.dung.solver as solver

    parse, (args, atts) = timed(lambda: apx_parser.parse(str(Path(path).with_suffix(".apx"))))
    code = task.split("-")[1]
    solve, ext = best(lambda: solver.compute_some_extension(args, atts, code))
    # pygarg answers "no stable extension" with a non-list
    names = [str(a) for a in ext] if isinstance(ext, list | set | frozenset | tuple) else None
    return {"parse": parse, "solve": solve, "extension": names}


def run_formal(task: str, path: str) -> dict[str, Any]:
    from argumentation.core.dung import grounded_extension
    from argumentation.interop.iccma import parse_af
    from argumentation.solving.solver import solve_dung_single_extension

    parse, af = timed(lambda: parse_af(Path(path).read_text()))
    if task == "SE-GR":
        solve, ext = best(lambda: grounded_extension(af))
        return {"parse": parse, "solve": solve, "extension": sorted(ext)}
    semantics = {"SE-PR": "preferred", "SE-ST": "stable"}[task]
    solve, result = best(lambda: solve_dung_single_extension(af, semantics=semantics))
    ext = getattr(result, "extension", "unavailable")
    if ext == "unavailable":
        return {"error": f"no result: {result!r}"[:200]}
    return {"parse": parse, "solve": solve, "extension": None if ext is None else sorted(ext)}


def main() -> None:
    tool, task, path = sys.argv[1:4]
    if tool == "argmap-search":
        result = run_argmap(task, path, "search")
    elif tool == "argmap-sat":
        result = run_argmap(task, path, "sat")
    elif tool == "pygarg":
        result = run_pygarg(task, path)
    elif tool == "formal-argumentation":
        result = run_formal(task, path)
    else:
        raise SystemExit(f"unknown tool {tool}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
