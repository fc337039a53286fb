"""AM202 skips the searches that cannot succeed; the skipping never changes what it finds."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.checks import RULES, cycles
from argmap.checks.context import Context


@st.composite
def signed_maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    """Dense maps of supports, attacks, contradictions and equivalences, where chains cross often."""
    n = draw(st.integers(2, 12))
    kinds = ["claim"] * (n - 1) + [draw(st.sampled_from(["issue", "principle", "claim"]))]
    nodes = [{"id": f"n{i}", "kind": kind, "text": f"N{i}."} for i, kind in enumerate(kinds)]
    links: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(1, 3 * n))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        kind = draw(st.sampled_from(["supports", "supports", "attacks", "contradicts", "equivalent"]))
        if a == b or (a, b) in seen or (kind in ("contradicts", "equivalent") and (b, a) in seen):
            continue
        seen.add((a, b))
        links.append({"kind": kind, "source": f"n{a}", "target": f"n{b}"})
    return argmap.validate({"id": "m", "title": "T", "nodes": nodes, "links": links})


def undermining(m: argmap.ArgumentMap, prune: bool) -> list[tuple[str, tuple[str, ...]]]:
    context = Context(m)
    comp, _ = context.components
    _, consistent = context.potentials
    found = cycles._undermines_what_it_supports(context, RULES["AM202"], consistent, comp, prune=prune)
    return [(f.message, f.elements) for f in found]


@settings(max_examples=400)
@given(signed_maps())
def test_pruning_finds_exactly_what_the_full_search_finds(m: argmap.ArgumentMap) -> None:
    assert undermining(m, prune=True) == undermining(m, prune=False)


def test_the_strategy_reaches_maps_where_a_node_undermines_what_it_supports() -> None:
    # guards the property above: it must see maps with findings, not only clean ones
    b = argmap.MapBuilder("m", "T")
    for name in ("x", "y", "z"):
        b.claim(name, name.upper() + ".")
    b.supports("x", "y", id="s")
    b.attacks("x", "z", id="a")
    b.supports("z", "y", id="t")
    m = b.build()
    assert undermining(m, prune=True) == undermining(m, prune=False) != []


def test_a_balanced_map_is_not_searched(monkeypatch: Any) -> None:
    # every support within a two-camp map agrees with the colouring: no search can succeed
    b = argmap.MapBuilder("m", "T")
    for i in range(40):
        b.claim(f"p{i}", "P.")
        b.claim(f"c{i}", "C.")
    for i in range(1, 40):
        b.supports(f"p{i}", f"p{i - 1}")
        b.supports(f"c{i}", f"c{i - 1}")
        b.attacks(f"p{i}", f"c{i - 1}")
        b.attacks(f"c{i}", f"p{i - 1}")
    calls: list[int] = []
    search = cycles._bounded_negative_path
    monkeypatch.setattr(cycles, "_bounded_negative_path", lambda *a: calls.append(1) or search(*a))
    m = b.build()
    assert undermining(m, prune=True) == []
    assert calls == []
    assert undermining(m, prune=False) == [] and len(calls) > 50
