"""Map to framework: built on the graph layer's one compiled form; no solver path needs networkx."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from argmap import graph
from argmap.builder import MapBuilder
from argmap.model import ArgumentMap
from argmap.semantics.mapping import build_framework
from argmap.semantics.solvers import IN, OUT, grounded_labelling


def _debate() -> ArgumentMap:
    b = MapBuilder("m", "T")
    b.issue("q", "Q?")
    for name in ("a", "b", "c", "u"):
        b.claim(name, f"{name}.")
    b.supports("a", "q")
    link = b.attacks("b", "a", id="b-a")
    b.undercuts("u", link)
    b.attacks("c", "u")
    return b.build()


def test_the_construction_compiles_the_map_once_and_shares_the_cached_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    original = graph._compile

    def counting(m: ArgumentMap) -> graph.Compiled:
        calls.append(m.id)
        return original(m)

    monkeypatch.setattr(graph, "_compile", counting)
    m = _debate()
    first = build_framework(m, "supported")
    second = build_framework(m, "mediated", removed=["c"])
    assert calls == ["m"]  # one compilation for both readings and the what-if
    assert graph.compiled(m) is graph.compiled(m) and calls == ["m"]
    # the construction's node arguments follow the compiled numbering (issues left out)
    fast = graph.compiled(m)
    arguments = [node_id for node_id, kind in zip(fast.ids, fast.kinds, strict=True) if kind != "issue"]
    assert arguments == list(first.node_argument)
    assert "c" not in second.node_argument and second.removed == frozenset({"c"})
    # removals given as a one-shot iterator are read once, not lost
    assert build_framework(m, "mediated", removed=iter(["c"])).removed == frozenset({"c"})


def _undercut_chain(length: int) -> tuple[ArgumentMap, list[str]]:
    """``x`` attacks ``y``; u0 undercuts that attack, u1 undercuts u0's undercut, and so on."""
    b = MapBuilder("chain", "T")
    for name in ("x", "y"):
        b.claim(name, f"{name}.")
    target = b.attacks("x", "y", id="base")
    cuts = []
    for i in range(length):
        b.claim(f"u{i}", f"u{i}.")
        target = b.undercuts(f"u{i}", target, id=f"cut{i}")
        cuts.append(target)
    return b.build(), cuts


def test_removing_the_root_of_a_long_undercut_chain_drops_the_whole_chain() -> None:
    m, cuts = _undercut_chain(3000)
    whole = build_framework(m)
    assert set(whole.link_argument) == {"base", *cuts[:-1]}
    without = build_framework(m, removed=["x"])
    assert without.link_argument == {} and without.af.attacks() == []
    labels = grounded_labelling(without.af)
    assert labels[without.node_argument["y"]] == IN


def test_an_undercut_chain_alternates_which_inference_stands() -> None:
    m, cuts = _undercut_chain(4)
    mf = build_framework(m)
    labels = grounded_labelling(mf.af)
    # cut3 stands unopposed, so cut2's inference is out, cut1's in, cut0's out, the base attack's in
    assert [labels[mf.link_argument[k]] for k in ("base", *cuts[:-1])] == [IN, OUT, IN, OUT]
    assert labels[mf.node_argument["y"]] == OUT


def test_an_undercut_of_an_undercut_whose_link_is_removed_goes_too() -> None:
    m, cuts = _undercut_chain(3)
    mf = build_framework(m, removed=["u1"])  # cut1 goes, and cut2 that undercuts it
    assert set(mf.link_argument) == {"base"}
    assert {mf.af.names[s] for s, t in mf.af.attacks() if mf.af.names[t] == "[base]"} == {"u0", "[not x]"}


def test_no_solver_path_imports_networkx() -> None:
    script = textwrap.dedent(
        """
        import sys
        from argmap.builder import MapBuilder
        from argmap.semantics import evaluate
        from argmap.semantics.iccma import loads_af, solve_task
        from argmap.semantics.explain import explain_node
        b = MapBuilder("m", "T")
        for n in ("a", "b", "c"):
            b.claim(n, n + ".")
        b.supports("a", "b")
        b.attacks("c", "b")
        result = evaluate(b.build(), "preferred", support="mediated", removed=["a"])
        explain_node(result, "b")
        af = loads_af("p af 3\\n1 2\\n2 3\\n")
        for task in ("SE-GR", "SE-PR", "SE-ST", "DC-CO", "DS-PR"):
            solve_task(af, task, None if task.startswith("SE") else "3")
        print("networkx" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
