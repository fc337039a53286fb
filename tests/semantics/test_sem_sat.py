"""The SAT-backed solver agrees with the labelling search (skipped without python-sat)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.semantics import sat
from argmap.semantics.framework import Framework
from argmap.semantics.iccma import load_framework, solve_task
from argmap.semantics.solvers import (
    extensions,
    is_credulously_accepted,
    is_sceptically_accepted,
    one_extension,
)

needs_sat = pytest.mark.skipif(not sat.is_available(), reason="python-sat is not installed (extra 'sat')")
INSTANCES = Path(__file__).parent / "instances"


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(1, 10))
    attacks = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    return Framework.from_attacks([str(i) for i in range(n)], attacks)


@needs_sat
@given(frameworks())
def test_sat_agrees_with_the_search(af: Framework) -> None:
    for semantics in ("complete", "preferred", "stable"):
        exts = [set(e) for e in extensions(af, semantics)]
        one = sat.sat_one_extension(af, semantics)
        assert (one is None) if not exts else (one is not None and set(one) in exts)
        for x in range(len(af)):
            assert sat.sat_credulously_accepted(af, x, semantics) == any(x in e for e in exts)
            assert sat.sat_sceptically_accepted(af, x, semantics) == all(x in e for e in exts)


@needs_sat
@pytest.mark.parametrize(
    ("instance", "task", "argument", "answer"),
    [
        ("even-cycle.af", "DC-ST", "3", "NO"),
        ("even-cycle.af", "DS-PR", "4", "YES"),
        ("odd-cycle.af", "SE-ST", None, "NO"),
        ("reinstatement.apx", "SE-PR", None, "w a c"),
    ],
)
def test_sat_on_hand_written_instances(instance: str, task: str, argument: str | None, answer: str) -> None:
    assert solve_task(load_framework(INSTANCES / instance), task, argument, solver="sat") == answer


def test_unknown_solver() -> None:
    with pytest.raises(ArgmapError, match="unknown solver 'z3'"):
        solve_task(Framework.from_attacks(["a"], []), "SE-PR", solver="z3")


def test_without_python_sat_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sat, "is_available", lambda: False)
    with pytest.raises(ArgmapError, match=r"pip install 'argmap\[sat\]'"):
        solve_task(Framework.from_attacks(["a"], []), "SE-PR", solver="sat")


@needs_sat
def test_cli_solver_sat(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", "--iccma", str(INSTANCES / "even-cycle.af"), "--task", "DS-ST", "--arg", "4"]
    assert main([*argv, "--solver", "sat"]) == 0
    assert capsys.readouterr().out == "YES\n"


@needs_sat
@pytest.mark.parametrize("seed", range(8))
def test_sat_agrees_with_the_search_on_larger_random_frameworks(seed: int) -> None:
    # beyond the hypothesis sizes: 40 arguments, 1 to 3 attacks each, answers compared argument by argument
    rng = random.Random(seed)
    n = 40
    attacks = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(n, 3 * n))]
    af = Framework.from_attacks([str(i) for i in range(n)], attacks)
    for semantics in ("preferred", "stable"):
        one = sat.sat_one_extension(af, semantics)
        searched = one_extension(af, semantics)
        assert (one is None) == (searched is None)
        if one is not None and semantics == "preferred":
            assert is_admissible(af, one) and not sat.sat_can_grow(af, one)
        if one is not None and semantics == "stable":
            assert is_stable(af, one)
        for x in range(n):
            assert sat.sat_credulously_accepted(af, x, semantics) == is_credulously_accepted(af, x, semantics)
            assert sat.sat_sceptically_accepted(af, x, semantics) == is_sceptically_accepted(af, x, semantics)


def is_admissible(af: Framework, extension: list[int]) -> bool:
    inside = set(extension)
    attacked_by_it = {t for s in inside for t in af.attacked[s]}
    return not (inside & attacked_by_it) and all(
        attacker in attacked_by_it for x in inside for attacker in af.attackers[x]
    )


def is_stable(af: Framework, extension: list[int]) -> bool:
    inside = set(extension)
    attacked_by_it = {t for s in inside for t in af.attacked[s]}
    return not (inside & attacked_by_it) and inside | attacked_by_it == set(range(len(af)))
