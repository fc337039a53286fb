"""Explanations and "what if" on small maps whose answers are known."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.builder import MapBuilder
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.semantics.bipolar import READINGS
from argmap.semantics.evaluate import evaluate, undecided_cycle
from argmap.semantics.framework import Framework
from argmap.semantics.report import format_evaluation
from argmap.semantics.solvers import UNDEC, labellings
from tests.strategies import maps


def chain() -> MapBuilder:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "c", "d"):
        b.claim(name, f"{name.upper()}.", label=name.upper())
    b.attacks("a", "b", id="ab")
    b.attacks("b", "c", id="bc")
    b.supports("d", "a", id="da")
    return b


def test_out_names_the_attacker_in_and_why_it_stands() -> None:
    result = evaluate(chain().build(), "grounded", support="none")
    assert result.explain("b") == 'out: "A" (a) attacks it (link ab), and "A" stands: nothing attacks it.'
    assert result.explain("c") == ('in: each of its attackers is out: "B" (b) (defeated by "A" (a)).')


def test_a_derived_attack_is_explained_by_its_chain() -> None:
    result = evaluate(chain().build(), "grounded", support="supported")
    text = result.explain("b")
    assert '"D" (d) attacks it (supported attack: d supports a, which attacks b)' in text
    b = MapBuilder("m", "T")
    for name in ("x", "p", "q"):
        b.claim(name, f"{name}.")
    b.attacks("x", "p")
    b.supports("p", "q")
    assert "(indirect attack: x attacks p which supports q)" in evaluate(
        b.build(), support="supported"
    ).explain("q")
    assert evaluate(b.build(), support="none").status["q"] == "accepted"


@pytest.mark.parametrize(("length", "parity"), [(1, "odd"), (2, "even"), (3, "odd"), (4, "even")])
def test_undecided_names_the_cycle_and_its_parity(length: int, parity: str) -> None:
    b = MapBuilder("m", "T")
    names = [f"n{i}" for i in range(length)]
    for name in [*names, "tail"]:
        b.claim(name, f"{name}.")
    for i, name in enumerate(names):
        b.attacks(name, names[(i + 1) % length])
    b.attacks(names[0], "tail")
    result = evaluate(b.build(), "grounded")
    text = result.explain("tail")
    assert text.startswith("undecided: it is attacked by") and f"cycle of {length} attack" in text
    assert f"An {parity} cycle" in text
    if length == 1:
        assert "attacks itself" in text


def test_preferred_reports_in_how_many_extensions() -> None:
    b = MapBuilder("m", "T")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.contradicts("a", "b", id="ab")
    result = evaluate(b.build(), "preferred")
    assert result.status == {"a": "undecided", "b": "undecided"}
    assert result.explain("a").startswith("in 1 of 2 preferred extensions. Where it is not in: out:")


def test_issues_and_removed_nodes_are_explained() -> None:
    b = MapBuilder("m", "T")
    b.issue("q", "Q?")
    b.claim("a", "A.")
    b.supports("a", "q")
    result = evaluate(b.build(), removed=["a"])
    assert result.explain("q").startswith("not evaluated: an issue is a question")
    assert result.explain("a") == "removed (what if)."
    assert result.changes == [("a", "accepted", "removed")]


def test_linked_premises_explained_by_their_premises() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "c", "x"):
        b.claim(name, f"{name}.")
    b.attacks(["a", "b"], "c")
    b.attacks("x", "a")
    result = evaluate(b.build(), support="none")
    assert result.status["c"] == "accepted"
    b2 = MapBuilder("m", "T")
    for name in ("a", "b", "c"):
        b2.claim(name, f"{name}.")
    b2.attacks(["a", "b"], "c")
    text = evaluate(b2.build(), support="none").explain("c")
    assert text.startswith("out: the joint argument a + b attacks it")
    assert "its premise a stands; its premise b stands" in text


def test_what_if_accept_silences_the_attackers_only_of_that_node() -> None:
    result = evaluate(chain().build(), "grounded", support="none", accepted=["b"])
    assert result.status["b"] == "accepted" and result.status["c"] == "rejected"
    assert result.explain("b") == "in: it is assumed accepted."
    assert ("c", "accepted", "rejected") in result.changes


def test_unknown_ids_and_readings_are_argmap_errors() -> None:
    with pytest.raises(ArgmapError, match="no node with id 'zz'"):
        evaluate(chain().build(), accepted=["zz"])
    with pytest.raises(ArgmapError, match="unknown support reading"):
        evaluate(chain().build(), support="deductive")
    b = chain()
    b.issue("q", "Q?")
    with pytest.raises(ArgmapError, match="q is an issue: a question cannot be assumed accepted"):
        evaluate(b.build(), accepted=["q"])


def test_undecided_cycle_is_a_real_cycle_of_undecided_arguments() -> None:
    af = Framework.from_attacks(list("abcdef"), [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (4, 5)])
    labelling = next(labellings(af, "grounded"))
    for start in range(6):
        path, cycle = undecided_cycle(labelling, af.attackers, start)
        assert path[0] == start and path[-1] in cycle
        assert all(labelling[x] == UNDEC for x in path + cycle)
        for i, x in enumerate(cycle):
            assert x in af.attackers[cycle[(i + 1) % len(cycle)]]
        for i in range(len(path) - 1):
            assert path[i + 1] in af.attackers[path[i]]


def test_too_many_extensions_is_a_clear_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    # the package re-exports the function evaluate under the module's name
    evaluate_module = sys.modules["argmap.semantics.evaluate"]
    solvers_module = sys.modules["argmap.semantics.solvers"]

    b = MapBuilder("m", "T")
    for i in range(3):
        b.claim(f"a{i}", "A.")
        b.claim(f"b{i}", "B.")
        b.contradicts(f"a{i}", f"b{i}")
    monkeypatch.setattr(evaluate_module, "MAX_EXTENSIONS", 10)
    with pytest.raises(ArgmapError, match="more than 10 complete labellings to compare.*grounded semantics"):
        evaluate(b.build(), "preferred")
    assert evaluate(b.build(), "grounded").status["a0"] == "undecided"
    monkeypatch.setattr(solvers_module, "MAX_STEPS", 5)
    with pytest.raises(ArgmapError, match="gave up after 5 steps"):
        evaluate(b.build(), "stable")


@given(maps(max_nodes=8), st.sampled_from(["grounded", "preferred", "stable"]), st.sampled_from(READINGS))
def test_any_valid_map_evaluates_with_an_explanation_for_every_node(
    m: ArgumentMap, semantics: str, reading: str
) -> None:
    result = evaluate(m, semantics, support=reading)
    issues = {n.id for n in m.issues}
    assert set(result.status) == {n.id for n in m.nodes} - issues
    for node_id, status in result.status.items():
        text = result.explain(node_id)
        assert text and (status != "accepted" or text.startswith("in"))
    assert format_evaluation(result)
