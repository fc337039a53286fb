"""Running the rules in two processes, for large maps on machines with a core to spare.

On a map of tens of thousands of elements each rule takes a second or so,
and they do not depend on each other. With ``jobs=2``, :func:`run_rules`
forks one worker once the map is loaded (the worker shares the map's memory
with this process until either writes to it). The worker runs the rules
that walk the signed stance graph (:data:`WORKER_RULES`: self-undermining
and unbalanced cycles, derived stance, the stance of sides and the
one-sided issues, which share its components and reachability) and locates
their findings; this process runs
the rules that read the map's elements meanwhile, and locates theirs. The
two halves cost about the same on large maps.

What comes back is what one process would give, in the same order: the
worker sends plain tuples through a pipe, and a worker that fails, is
killed or sends anything unreadable is replaced by running its rules here.

A worker is forked only where that is safe and cheap: :func:`os.fork` must
exist (not on Windows) and this process must run no other thread (forking
a threaded process can leave a lock held for ever). Otherwise, and with
``jobs=1``, the rules run here, one after the other.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.checks import check
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A.")
    >>> _ = b.claim("b", "B.")
    >>> _ = b.supports("a", "b", id="s")
    >>> _ = b.attacks("a", "b", id="x")
    >>> check(b.build(), jobs=2) == check(b.build(), jobs=1)
    True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from argmap._perf import Forked, can_fork
from argmap.checks.context import Context
from argmap.checks.registry import Finding, Location, Rule

__all__ = ["AUTO_JOBS_FROM", "WORKER_RULES", "can_fork", "jobs_for", "run_rules"]

# From this many elements (nodes and links) ``jobs=None`` uses a worker: below, forking and
# sending the findings back cost about what the worker saves (see docs/performance.md).
AUTO_JOBS_FROM = 20_000

# The rules that walk the signed stance graph (they share its components and reachability):
# the worker's share. The others read the map's elements, and this process locates most findings.
WORKER_RULES = frozenset({"AM202", "AM203", "AM301", "AM303", "AM501"})

Locate = Callable[[list[Finding]], list[Finding]]


def jobs_for(elements: int, jobs: int | None) -> int:
    """How many processes to check a map of ``elements`` nodes and links with: 1 or 2.

    ``jobs=None`` chooses: two for a large map on a machine with two cores or
    more, else one. Any ``jobs`` of 2 or more means two (the rules split
    in two halves); two become one where a worker cannot be forked.

    Examples:
        >>> jobs_for(100, None), jobs_for(100, 1)
        (1, 1)
    """
    if jobs is None:
        jobs = 2 if elements >= AUTO_JOBS_FROM and (os.cpu_count() or 1) >= 2 else 1
    return 2 if jobs >= 2 and can_fork() else 1


def run_rules(rules: Sequence[Rule], context: Context, jobs: int, locate: Locate) -> list[Finding]:
    """The findings of ``rules``, in rule order, each located by ``locate``; in ``jobs`` processes (1 or 2).

    ``locate`` takes a list of findings and returns them with their locations
    (it runs in the process that found them).
    """
    theirs = [r for r in rules if r.code in WORKER_RULES] if jobs >= 2 else []
    if not theirs or len(theirs) == len(rules) or not can_fork():
        return locate(_run(rules, context))
    ours = [r for r in rules if r not in theirs]
    with Forked(lambda: _packed(locate(_run(theirs, context)))) as worker:
        found = locate(_run(ours, context))
        sent = _unpacked(worker.result())
    if sent is None:
        sent = locate(_run(theirs, context))  # the worker failed: its rules run here
    by_code: dict[str, list[Finding]] = {r.code: [] for r in rules}
    for finding in [*found, *sent]:
        by_code[finding.code].append(finding)
    return [f for r in rules for f in by_code[r.code]]


def _run(rules: Sequence[Rule], context: Context) -> list[Finding]:
    return [finding for r in rules for finding in r.check(context)]


def _packed(findings: list[Finding]) -> list[tuple[Any, ...]]:
    """The findings as plain tuples, which the worker's pipe carries."""
    return [
        (
            f.code,
            f.severity,
            f.message,
            f.elements,
            f.name,
            [(x.element, x.path, x.line, x.column) for x in f.locations],
        )
        for f in findings
    ]


def _unpacked(rows: Any) -> list[Finding] | None:
    """The findings a worker sent, or None when it sent nothing readable."""
    if rows is None:
        return None
    try:
        return [
            Finding(code, severity, message, tuple(elements), tuple(Location(*x) for x in located), name)
            for code, severity, message, elements, name, located in rows
        ]
    except (ValueError, TypeError):
        return None
