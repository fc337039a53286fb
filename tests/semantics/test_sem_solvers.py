"""Every semantics against a brute-force enumeration of subsets, on random frameworks."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.semantics.framework import Framework
from argmap.semantics.solvers import (
    IN,
    OUT,
    UNDEC,
    extensions,
    grounded,
    grounded_labelling,
    is_credulously_accepted,
    is_sceptically_accepted,
    labellings,
    one_extension,
)


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 12) -> Framework:
    n = draw(st.integers(0, max_args))
    pairs = [(s, t) for s in range(n) for t in range(n)]
    density = draw(st.sampled_from([0.05, 0.1, 0.2, 0.35]))
    chosen = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    # thin the attacks with a second draw so that sparse frameworks are common
    keep = draw(st.lists(st.floats(0, 1), min_size=len(pairs), max_size=len(pairs)))
    attacks = [p for p, c, k in zip(pairs, chosen, keep, strict=True) if c and k < density * 2]
    return Framework.from_attacks([f"a{i}" for i in range(n)], attacks)


def brute(af: Framework) -> dict[str, set[frozenset[int]]]:
    """Dung's definitions, read literally, over every subset."""
    n = len(af)
    attacks = set(af.attacks())

    def conflict_free(s: frozenset[int]) -> bool:
        return not any((a, b) in attacks for a in s for b in s)

    def defends(s: frozenset[int], x: int) -> bool:
        return all(any((d, y) in attacks for d in s) for y in af.attackers[x])

    subsets = [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(defends(s, x) for x in s)]
    complete = {s for s in admissible if {x for x in range(n) if defends(s, x)} == s}
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {s for s in cf if all(x in s or any((d, x) in attacks for d in s) for x in range(n))}
    least = min(complete, key=len)
    return {
        "complete": complete,
        "preferred": preferred,
        "stable": stable,
        "grounded": {least},
        "admissible": set(admissible),
    }


@given(frameworks())
def test_every_semantics_matches_brute_force(af: Framework) -> None:
    expected = brute(af)
    for semantics in ("grounded", "complete", "preferred", "stable"):
        found = [frozenset(e) for e in extensions(af, semantics)]
        assert len(found) == len(set(found)), semantics
        assert set(found) == expected[semantics], semantics


@given(frameworks())
def test_properties_of_extensions(af: Framework) -> None:
    expected = brute(af)
    attacks = set(af.attacks())
    complete = [frozenset(e) for e in extensions(af, "complete")]
    for ext in complete:
        assert not any((a, b) in attacks for a in ext for b in ext)
        assert ext in expected["admissible"]
    ground = frozenset(grounded(af))
    assert ground in complete and all(ground <= e for e in complete)
    preferred = {frozenset(e) for e in extensions(af, "preferred")}
    assert {frozenset(e) for e in extensions(af, "stable")} <= preferred


@given(frameworks())
def test_labellings_are_complete_labellings(af: Framework) -> None:
    for labelling in labellings(af, "complete"):
        for x in range(len(af)):
            attackers = [labelling[y] for y in af.attackers[x]]
            if labelling[x] == IN:
                assert all(a == OUT for a in attackers)
            elif labelling[x] == OUT:
                assert IN in attackers
            else:
                assert IN not in attackers and UNDEC in attackers


@given(frameworks(max_args=9))
def test_acceptance_and_one_extension_agree_with_enumeration(af: Framework) -> None:
    for semantics in ("grounded", "complete", "preferred", "stable"):
        exts = [set(e) for e in extensions(af, semantics)]
        for x in range(len(af)):
            assert is_credulously_accepted(af, x, semantics) == any(x in e for e in exts)
            assert is_sceptically_accepted(af, x, semantics) == all(x in e for e in exts)
        one = one_extension(af, semantics)
        if semantics == "stable" and not exts:
            assert one is None
        else:
            assert one is not None and set(one) in exts


def test_grounded_worklist_on_a_long_chain() -> None:
    n = 10_001
    af = Framework.from_attacks([str(i) for i in range(n)], [(i, i + 1) for i in range(n - 1)])
    labels = grounded_labelling(af)
    assert labels[::2] == [IN] * 5001 and labels[1::2] == [OUT] * 5000


@pytest.mark.parametrize(
    ("attacks", "semantics", "expected"),
    [
        # two rebutting arguments; c, unattacked, is in every extension
        ([(0, 1), (1, 0)], "preferred", [[0, 2], [1, 2]]),
        ([(0, 1), (1, 0)], "grounded", [[2]]),
        # an odd cycle: no stable extension, the empty preferred one
        ([(0, 1), (1, 2), (2, 0)], "stable", []),
        ([(0, 1), (1, 2), (2, 0)], "preferred", [[]]),
        # reinstatement
        ([(0, 1), (1, 2)], "stable", [[0, 2]]),
    ],
)
def test_known_answers(attacks: list[tuple[int, int]], semantics: str, expected: list[list[int]]) -> None:
    af = Framework.from_attacks(["a", "b", "c"], attacks)
    assert sorted(extensions(af, semantics)) == expected


def test_unknown_semantics_is_an_argmap_error() -> None:
    with pytest.raises(ArgmapError, match="unknown semantics 'ideal'"):
        extensions(Framework.from_attacks([], []), "ideal")
