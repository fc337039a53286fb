"""A SAT-backed solver for large, hard frameworks (the ``sat`` extra: python-sat).

The labelling search of :mod:`argmap.semantics.solvers` is exact and needs
nothing but Python, which suits debate maps; on large random frameworks a
proof that no stable extension exists, or that a preferred extension cannot
grow, can take it exponentially long. A SAT solver learns from its
conflicts and does not. The encodings are the standard ones (Besnard &
Doutre 2004; Cerutti et al.'s iterative search for preferred extensions):

- stable: one variable per argument, in exactly when none of its attackers is;
- complete: an *in* and an *out* variable per argument; in exactly when every
  attacker is out, out exactly when some attacker is in, never both;
- one preferred extension: find a complete one, then ask again for a complete
  extension that keeps it and adds an argument, until there is none;
- sceptical preferred: look for a preferred extension without the argument,
  each time ruling out the subsets of the preferred extensions found.

Examples:
    >>> from argmap.semantics.framework import Framework
    >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 0), (1, 2)])
    >>> if is_available():
    ...     assert sat_one_extension(af, "stable") in ([0, 2], [1])
    ...     assert sat_sceptically_accepted(af, 2, "preferred") is False
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from argmap.errors import ArgmapError
from argmap.semantics.framework import Framework
from argmap.semantics.solvers import check_semantics, grounded, grounded_labelling

__all__ = [
    "is_available",
    "sat_can_grow",
    "sat_credulously_accepted",
    "sat_one_extension",
    "sat_sceptically_accepted",
]

_SOLVER = "cadical153"


def is_available() -> bool:
    """Whether python-sat is installed (``pip install 'argmap[sat]'``).

    Examples:
        >>> isinstance(is_available(), bool)
        True
    """
    return importlib.util.find_spec("pysat") is not None


def _solver() -> Any:
    if not is_available():
        raise ArgmapError("the SAT solver needs python-sat: pip install 'argmap[sat]'")
    solvers = importlib.import_module("pysat.solvers")
    return solvers.Solver(name=_SOLVER)


def _stable(af: Framework) -> Any:
    solver = _solver()
    for arg, attackers in enumerate(af.attackers):
        a = arg + 1
        solver.add_clause([a, *(b + 1 for b in attackers)])
        for b in attackers:
            solver.add_clause([-a, -(b + 1)])
    return solver


def _complete(af: Framework) -> Any:
    solver = _solver()
    n = len(af)
    for arg, attackers in enumerate(af.attackers):
        i, o = arg + 1, n + arg + 1
        solver.add_clause([-i, -o])
        solver.add_clause([i, *(-(n + b + 1) for b in attackers)])
        solver.add_clause([-o, *(b + 1 for b in attackers)])
        for b in attackers:
            solver.add_clause([-i, n + b + 1])
            solver.add_clause([-(b + 1), o])
    return solver


def _in_set(model: list[int], n: int) -> list[int]:
    return [lit - 1 for lit in model if 0 < lit <= n]


def _grow(solver: Any, n: int, start: list[int], fresh: list[int]) -> list[int]:
    """Grow a complete extension into a preferred one, in ``solver``'s complete encoding."""
    current = start
    while True:
        inside = set(current)
        fresh[0] += 1
        activation = fresh[0]
        solver.add_clause([-activation, *(x + 1 for x in range(n) if x not in inside)])
        found = solver.solve(assumptions=[activation, *(x + 1 for x in current)])
        grown = _in_set(solver.get_model(), n) if found else current
        # retire the clause: it holds vacuously from now on
        solver.add_clause([-activation])
        if not found:
            return current
        current = grown


def sat_one_extension(af: Framework, semantics: str) -> list[int] | None:
    """One extension by SAT (None when a stable one does not exist).

    Raises:
        ArgmapError: When python-sat is not installed.
    """
    name = check_semantics(semantics)
    if name in ("grounded", "complete"):
        return grounded(af)
    n = len(af)
    if name == "stable":
        with _stable(af) as solver:
            return _in_set(solver.get_model(), n) if solver.solve() else None
    with _complete(af) as solver:
        return _grow(solver, n, grounded(af), [2 * n])


def sat_credulously_accepted(af: Framework, arg: int, semantics: str) -> bool:
    """Whether ``arg`` is in some extension, by SAT.

    Raises:
        ArgmapError: When python-sat is not installed.
    """
    name = check_semantics(semantics)
    if name == "grounded":
        return grounded_labelling(af)[arg] == 1
    build = _stable if name == "stable" else _complete
    with build(af) as solver:
        return bool(solver.solve(assumptions=[arg + 1]))


def sat_sceptically_accepted(af: Framework, arg: int, semantics: str) -> bool:
    """Whether ``arg`` is in every extension, by SAT (vacuously so without stable extensions).

    Raises:
        ArgmapError: When python-sat is not installed.
    """
    name = check_semantics(semantics)
    n = len(af)
    if name in ("grounded", "complete"):
        return grounded_labelling(af)[arg] == 1
    if name == "stable":
        with _stable(af) as solver:
            return not solver.solve(assumptions=[-(arg + 1)])
    fresh = [2 * n]
    with _complete(af) as solver:
        while solver.solve(assumptions=[-(arg + 1)]):
            start = _in_set(solver.get_model(), n)
            preferred = _grow(solver, n, start, fresh)
            if arg not in preferred:
                return False
            # no preferred extension without arg lies inside this one
            inside = set(preferred)
            solver.add_clause([x + 1 for x in range(n) if x not in inside])
        return True


def sat_can_grow(af: Framework, extension: list[int]) -> bool:
    """Whether a complete extension strictly contains ``extension`` (then it is not preferred).

    Raises:
        ArgmapError: When python-sat is not installed.

    Examples:
        >>> af = Framework.from_attacks(["a", "b", "c"], [(0, 1), (1, 2)])
        >>> if is_available():
        ...     assert sat_can_grow(af, [0]) and not sat_can_grow(af, [0, 2])
    """
    n = len(af)
    inside = set(extension)
    with _complete(af) as solver:
        solver.add_clause([x + 1 for x in range(n) if x not in inside])
        return bool(solver.solve(assumptions=[x + 1 for x in extension]))
