"""AM601 (unsourced-link): in maps with sources, links between claims cite the text or are marked inferred."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap.checks import check, get_rule

ANCHOR = [{"source": "text", "start": 0, "end": 5}]
INFERRED = {"inferred": True, "note": "Read into the juxtaposition."}


def build(
    nodes: str, links: list[tuple[str, Any, str, str, dict[str, Any]]], *, sourced: bool = True
) -> argmap.ArgumentMap:
    """Nodes as 'id:kind ...' (kind defaults to claim); links as (id, source, kind, target, fields)."""
    b = argmap.MapBuilder("t", "Test")
    if sourced:
        b.source("text", "The text")
    for spec in nodes.split():
        node_id, _, kind = spec.partition(":")
        b.node(kind or "claim", node_id, f"Text of {node_id}.")  # type: ignore[arg-type]
    for link_id, source, kind, target, fields in links:
        b.link(kind, source, target, id=link_id, **fields)  # type: ignore[arg-type]
    return b.build()


def found(m: argmap.ArgumentMap) -> list[tuple[str, ...]]:
    return [f.elements for f in check(m, select=["AM601"])]


TRIGGERS = [
    pytest.param(build("a b", [("x", "a", "attacks", "b", {})]), [("a", "x", "b")], id="attack"),
    pytest.param(
        build("a k:counterclaim", [("s", "k", "supports", "a", {})]), [("k", "s", "a")], id="counterclaim"
    ),
    pytest.param(
        build("a b c", [("s", ["a", "b"], "supports", "c", {})]), [("a", "b", "s", "c")], id="linked-premises"
    ),
    pytest.param(build("a b", [("c", "a", "contradicts", "b", {})]), [("a", "c", "b")], id="contradicts"),
    pytest.param(
        build("e:evidence a u", [("s", "e", "supports", "a", {}), ("u1", "u", "undercuts", "s", {})]),
        [("u", "u1", "s")],
        id="undercut-by-a-claim",
    ),
    pytest.param(
        build(
            "a b c d",
            [("x", "a", "attacks", "b", {"anchors": ANCHOR}), ("y", "c", "attacks", "d", {})],
        ),
        [("c", "y", "d")],
        id="only-the-unanchored-one",
    ),
    pytest.param(
        build("a b", [("x", "a", "attacks", "b", {"note": "A note alone is not the inferred mark."})]),
        [("a", "x", "b")],
        id="note-without-inferred",
    ),
]

NEAR_MISSES = [
    pytest.param(build("a b", [("x", "a", "attacks", "b", {"anchors": ANCHOR})]), id="anchored"),
    pytest.param(build("a b", [("x", "a", "attacks", "b", INFERRED)]), id="inferred"),
    pytest.param(build("a b", [("x", "a", "attacks", "b", {})], sourced=False), id="no-sources"),
    pytest.param(build("q:issue a", [("s", "a", "supports", "q", {})]), id="to-an-issue"),
    pytest.param(build("p:principle a", [("s", "p", "supports", "a", {})]), id="from-a-principle"),
    pytest.param(build("e:evidence a", [("s", "e", "supports", "a", {})]), id="from-evidence"),
    pytest.param(build("a e:evidence", [("x", "a", "attacks", "e", {})]), id="to-evidence"),
    pytest.param(
        build("p:principle a b", [("s", ["p", "a"], "supports", "b", {})]), id="linked-with-a-principle"
    ),
    pytest.param(
        build(
            "e:evidence a p:principle", [("s", "e", "supports", "a", {}), ("u1", "p", "undercuts", "s", {})]
        ),
        id="undercut-by-a-principle",
    ),
    pytest.param(
        build("a b u", [("x", "a", "attacks", "b", INFERRED), ("u1", "u", "undercuts", "x", INFERRED)]),
        id="inferred-undercut",
    ),
]


@pytest.mark.parametrize(("m", "witnesses"), TRIGGERS)
def test_triggers_with_exact_witness(m: argmap.ArgumentMap, witnesses: list[tuple[str, ...]]) -> None:
    assert found(m) == witnesses


@pytest.mark.parametrize("m", NEAR_MISSES)
def test_near_miss_does_not_trigger(m: argmap.ArgumentMap) -> None:
    assert found(m) == []


def test_finding_names_the_link_and_says_what_is_missing() -> None:
    (finding,) = check(build("a b", [("x", "a", "attacks", "b", {})]), select=["AM601"])
    assert finding.severity == "warning"
    assert finding.name == "unsourced-link"
    assert finding.message == "attacks link 'x' between 'a' and 'b' has no anchor and is not marked inferred"


def test_selected_by_its_family_and_documented() -> None:
    assert get_rule("unsourced-link").code == "AM601"
    assert [f.code for f in check(build("a b", [("x", "a", "attacks", "b", {})]), select=["AM6"])] == [
        "AM601"
    ]
    assert "inferred: true" in get_rule("AM601").explain()


@pytest.mark.parametrize("name", ["allied-space-cooperation", "school-phones"])
def test_the_bundled_corpora_have_no_unsourced_link(name: str) -> None:
    assert found(argmap.load_corpus(name)) == []
