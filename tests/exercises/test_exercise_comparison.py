"""The comparison of links and maps stands apart from exercises, so that it can move out of them."""

from __future__ import annotations

import ast
from pathlib import Path

import argmap
import argmap.exercises.comparison as comparison
from argmap import MapBuilder


def test_comparison_imports_nothing_of_exercises() -> None:
    tree = ast.parse(Path(comparison.__file__).read_text("utf-8"))
    imported = [
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported, "the module imports something"
    assert not [name for name in imported if name.startswith("argmap.exercises")]


def undercut_map(ids: dict[str, str], *, target_of_u: str = "s") -> argmap.ArgumentMap:
    """a supports q, b attacks a, x undercuts (one of them), y undercuts that undercut, a cycle of two."""
    b = MapBuilder("m", "T")
    b.issue("q", "Q?")
    for n in ("a", "b", "x", "y", "v", "w"):
        b.claim(n, n.upper() + ".")
    b.supports("a", "q", id=ids["s"])
    b.attacks("b", "a", id=ids["t"])
    b.undercuts("x", ids[target_of_u], id=ids["u"])
    b.undercuts("y", ids["u"], id=ids["uu"])
    b.undercuts("v", ids["c2"], id=ids["c1"])
    b.undercuts("w", ids["c1"], id=ids["c2"])
    return b.build()


REF_IDS = {k: k for k in ("s", "t", "u", "uu", "c1", "c2")}
OTHER_IDS = {k: f"other-{k}" for k in REF_IDS}


def test_undercuts_are_compared_by_the_links_they_deny_not_by_link_ids() -> None:
    reference = undercut_map(REF_IDS)
    same = comparison.grade_maps(reference, undercut_map(OTHER_IDS))
    assert same.f1 == 1.0 and not same.missing and not same.extra
    assert {str(k) for k in same.matched} >= {
        "x undercuts (a supports q)",
        "y undercuts (x undercuts (a supports q))",
        "v undercuts (w undercuts (…))",
        "w undercuts (v undercuts (…))",
    }
    # x undercuts the attack instead: x's link and y's link (through it) are both wrong
    moved = comparison.grade_maps(reference, undercut_map(OTHER_IDS, target_of_u="t"))
    assert {str(k) for k in moved.extra} == {
        "x undercuts (b attacks a)",
        "y undercuts (x undercuts (b attacks a))",
    }
    assert {str(k) for k in moved.missing} == {
        "x undercuts (a supports q)",
        "y undercuts (x undercuts (a supports q))",
    }


def test_a_linked_support_counts_only_where_the_map_has_all_its_premises() -> None:
    def claims(*ids: str) -> MapBuilder:
        b = MapBuilder("m", "M")
        for n in ids:
            b.claim(n, n.upper() + ".")
        return b

    ref = claims("a", "b", "c", "d")
    ref.supports(["a", "b"], "c")
    ref.supports("d", "c")
    # the student's map lacks b: "a supports c" alone is not a link of the reference
    partial = comparison.grade_maps(ref.build(), claims("a", "c", "d").build())
    assert [str(k) for k in partial.missing] == ["d supports c"]
    whole = comparison.grade_maps(ref.build(), claims("a", "b", "c", "d").build())
    assert [str(k) for k in whole.missing] == ["a supports c", "b supports c", "d supports c"]
