"""Each rule: a map that triggers it (exact witness) and a near miss that must not."""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.checks import RULES, check, get_rule, select_rules
from argmap.checks.examples import example_map
from argmap.locations import locate
from tests.strategies import maps

Spec = dict[str, Any]


def build(
    nodes: str,
    links: list[tuple[str, Any, str, str]],
    *,
    sides: list[Spec] | None = None,
    held: dict[str, str] | None = None,
    concessions: set[str] = frozenset(),  # type: ignore[assignment]
) -> argmap.ArgumentMap:
    """Nodes as 'id:kind id:kind ...' (kind defaults to claim); links as (id, source, kind, target)."""
    b = argmap.MapBuilder("t", "Test")
    for side in sides or []:
        b.side(**side)
    for spec in nodes.split():
        node_id, _, kind = spec.partition(":")
        b.node(kind or "claim", node_id, f"Text of {node_id}.", held_by=(held or {}).get(node_id))  # type: ignore[arg-type]
    for link_id, source, kind, target in links:
        b.link(kind, source, target, id=link_id, concession=link_id in concessions)
    return b.build()


def found(m: argmap.ArgumentMap, code: str) -> list[tuple[str, ...]]:
    return [f.elements for f in check(m, select=[code])]


SIDES = [
    {"id": "pro", "name": "Pro", "stances": {"q": "for"}},
    {"id": "con", "name": "Con", "stances": {"q": "against"}},
]

TRIGGERS: list[tuple[str, argmap.ArgumentMap, list[tuple[str, ...]]]] = [
    (
        "AM101",
        build("a b", [("s", "a", "supports", "b"), ("x", "a", "attacks", "b")]),
        [("a", "s", "x", "b")],
    ),
    (
        "AM101",
        build("a b c", [("s", ["a", "c"], "supports", "b"), ("x", ["c", "a"], "attacks", "b")]),
        [("a", "c", "s", "x", "b")],
    ),
    (
        "AM102",
        build("a b", [("s", "a", "supports", "b"), ("c", "b", "contradicts", "a")]),
        [("a", "s", "b", "c")],
    ),
    (
        "AM201",
        build(
            "d a b c",
            [
                ("s0", "d", "supports", "a"),
                ("s1", "a", "supports", "b"),
                ("s2", "b", "supports", "c"),
                ("s3", "c", "supports", "a"),
            ],
        ),
        [("a", "s1", "b", "s2", "c", "s3", "a")],
    ),
    ("AM201", build("a", [("s", "a", "supports", "a")]), [("a", "s", "a")]),
    (
        "AM202",
        build("a b", [("s", "a", "supports", "b"), ("x", "b", "attacks", "a")]),
        [("a", "s", "b", "x", "a")],
    ),
    (
        "AM202",
        build(
            "a b c", [("s1", "a", "supports", "c"), ("s2", "a", "supports", "b"), ("x", "b", "attacks", "c")]
        ),
        [("a", "s2", "b", "x", "c", "s1")],
    ),
    (
        "AM203",
        build(
            "a b c", [("x1", "a", "attacks", "b"), ("x2", "b", "attacks", "c"), ("x3", "c", "attacks", "a")]
        ),
        [("a", "x1", "b", "x2", "c", "x3", "a")],
    ),
    (
        "AM301",
        build(
            "q:issue a b",
            [("s1", "a", "supports", "q"), ("s2", "a", "supports", "b"), ("x", "b", "attacks", "q")],
        ),
        [("a", "s1", "q", "s2", "b", "x", "q")],
    ),
    (
        "AM302",
        build(
            "a b c d",
            [("x", "a", "attacks", "b"), ("s", "c", "supports", "d")],
            sides=[{"id": "crit", "name": "Critics", "opposes": ["pro"]}, {"id": "pro", "name": "Pro"}],
            held={"a": "crit", "b": "crit", "c": "crit", "d": "pro"},
        ),
        [("a", "x", "b"), ("c", "s", "d")],
    ),
    (
        "AM303",
        build("q:issue a", [("x", "a", "attacks", "q")], sides=SIDES, held={"a": "pro"}),
        [("a", "x", "q")],
    ),
    ("AM401", build("q:issue k:counterclaim", []), [("k",)]),
    ("AM402", build("q:issue a b", [("s", "a", "supports", "q")]), [("b",)]),
    ("AM403", build("p:principle a", []), [("p",)]),
    (
        "AM404",
        build(
            "a b",
            [
                ("l1", "a", "supports", "b"),
                ("l2", "a", "supports", "b"),
                ("c1", "a", "contradicts", "b"),
                ("c2", "b", "contradicts", "a"),
            ],
        ),
        [("l2", "l1"), ("c2", "c1")],
    ),
    (
        "AM405",
        build("a b c", [("x", "a", "attacks", "b"), ("u", "c", "undercuts", "x")]),
        [("c", "u", "x")],
    ),
    (
        "AM501",
        build(
            "q:issue a b",
            [("s", "a", "supports", "q"), ("t", "b", "supports", "a")],
            sides=SIDES,
            held={"a": "pro", "b": "pro"},
        ),
        [("q",)],
    ),
    (
        "AM502",
        build(
            "q:issue p:principle a b",
            [
                ("s1", "p", "supports", "a"),
                ("s2", "p", "supports", "b"),
                ("s3", "a", "supports", "q"),
                ("x", "b", "attacks", "q"),
            ],
            sides=SIDES,
            held={"a": "pro", "b": "con"},
        ),
        [("p", "a", "b")],
    ),
]

NEAR_MISSES: list[tuple[str, argmap.ArgumentMap]] = [
    # a consistent defence: attacking an attacker of C supports C
    (
        "AM101",
        build("a b c", [("x", "a", "attacks", "b"), ("y", "b", "attacks", "c"), ("s", "a", "supports", "c")]),
    ),
    (
        "AM202",
        build("a b c", [("x", "a", "attacks", "b"), ("y", "b", "attacks", "c"), ("s", "a", "supports", "c")]),
    ),
    (
        "AM203",
        build("a b c", [("x", "a", "attacks", "b"), ("y", "b", "attacks", "c"), ("s", "a", "supports", "c")]),
    ),
    (
        "AM301",
        build(
            "q:issue a b",
            [("x", "a", "attacks", "b"), ("y", "b", "attacks", "q"), ("s", "a", "supports", "q")],
        ),
    ),
    # ordinary disagreement: A supports B, C attacks B
    ("AM101", build("a b c", [("s", "a", "supports", "b"), ("x", "c", "attacks", "b")])),
    (
        "AM301",
        build(
            "q:issue a b c",
            [("s", "a", "supports", "b"), ("x", "c", "attacks", "b"), ("t", "b", "supports", "q")],
        ),
    ),
    ("AM102", build("a b c", [("s", "a", "supports", "b"), ("c1", "a", "contradicts", "c")])),
    (
        "AM201",
        build(
            "a b c",
            [("s1", "a", "supports", "b"), ("s2", "b", "supports", "c"), ("s3", "a", "supports", "c")],
        ),
    ),
    ("AM201", build("a b", [("e", "a", "equivalent", "b"), ("s", "a", "supports", "b")])),
    (
        "AM302",
        build(
            "a b c d",
            [("x", "a", "attacks", "b"), ("s", "c", "supports", "d")],
            sides=[{"id": "crit", "name": "Critics", "opposes": ["pro"]}, {"id": "pro", "name": "Pro"}],
            held={"a": "crit", "b": "crit", "c": "crit", "d": "pro"},
            concessions={"x", "s"},
        ),
    ),
    ("AM303", build("q:issue a", [("s", "a", "supports", "q")], sides=SIDES, held={"a": "pro"})),
    (
        "AM303",
        build(
            "q:issue a b",
            [("x", "a", "attacks", "b"), ("s", "b", "supports", "q")],
            sides=SIDES,
            held={"a": "con", "b": "pro"},
        ),
    ),
    ("AM401", build("q:issue a k:counterclaim", [("x", "k", "attacks", "a")])),
    ("AM402", build("q:issue a u", [("s", "a", "supports", "q"), ("u1", "u", "undercuts", "s")])),
    ("AM402", build("a b", [])),  # no issue at all: nothing to be connected to
    ("AM403", build("p:principle a", [("s", "p", "supports", "a")])),
    ("AM404", build("a b c", [("s", "a", "supports", "b"), ("t", ["a", "c"], "supports", "b")])),
    ("AM405", build("a b c", [("s", "a", "supports", "b"), ("u", "c", "undercuts", "s")])),
    (
        "AM501",
        build(
            "q:issue a b",
            [("s", "a", "supports", "q"), ("x", "b", "attacks", "q")],
            sides=SIDES,
            held={"a": "pro", "b": "con"},
        ),
    ),
    (
        "AM502",
        build(
            "q:issue p:principle a b",
            [("s1", "p", "supports", "a"), ("s2", "p", "supports", "b")],
            sides=SIDES,
            held={"a": "pro", "b": "pro"},
        ),
    ),
]


@pytest.mark.parametrize(("code", "m", "witnesses"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_triggers_with_exact_witness(
    code: str, m: argmap.ArgumentMap, witnesses: list[tuple[str, ...]]
) -> None:
    assert found(m, code) == witnesses


@pytest.mark.parametrize(("code", "m"), NEAR_MISSES, ids=[t[0] for t in NEAR_MISSES])
def test_near_miss_does_not_trigger(code: str, m: argmap.ArgumentMap) -> None:
    assert found(m, code) == []


# Rules whose triggers and near misses live in a test module of their own.
TESTED_ELSEWHERE = {"AM601"}  # tests/checks/test_fidelity.py


def test_every_rule_has_a_trigger_and_a_near_miss() -> None:
    assert (
        {t[0] for t in TRIGGERS} | TESTED_ELSEWHERE
        == set(RULES)
        == {n[0] for n in NEAR_MISSES} | TESTED_ELSEWHERE
    )


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_explains_itself_with_an_example_that_breaks_it_and_a_fix(code: str) -> None:
    found_rule = RULES[code]
    text = found_rule.explain()
    assert text.startswith(f"{code} {found_rule.name} [{found_rule.severity}]")
    assert "Example:" in text and "Fix: " in text and len(found_rule.explanation) > 100
    example = example_map(found_rule.example, code)
    assert example is not None, "the example must be a whole map"
    said = [f"{f.code} [{f.severity}] {f.message}" for f in check(example, select=code)]
    assert said and "argmap check says:\n" + "\n".join(f"    {line}" for line in said) in text
    if found_rule.severity != "info" or found_rule.fixed:
        fixed = example_map(found_rule.fixed, code)
        assert fixed is not None and check(fixed, select=code) == []
        assert "Fixed:\n" in text


def test_an_example_that_is_not_a_whole_map_is_shown_without_a_verdict() -> None:
    fragment = dataclasses.replace(
        RULES["AM101"], example="links:\n  - {kind: supports, source: a, target: b}"
    )
    text = fragment.explain()
    assert "Example:\n    links:" in text and "argmap check says" not in text


def test_selection() -> None:
    assert [r.code for r in select_rules(["AM1", "one-sided-issue"])] == ["AM101", "AM102", "AM501"]
    assert "AM203" not in [r.code for r in select_rules(ignore=["AM203"])]
    with pytest.raises(argmap.UnknownElementError, match="no rule with id 'AM999'"):
        select_rules(["AM999"])
    assert get_rule("shared-principle").code == "AM502"


def test_severity_floor_and_map_level_ignore() -> None:
    m = build("q:issue k:counterclaim p:principle", [])
    assert {f.code for f in check(m)} == {"AM401", "AM402", "AM403", "AM501"}
    assert {f.code for f in check(m, min_severity="warning")} == {"AM401", "AM402", "AM403"}
    ignoring = argmap.MapBuilder.from_map(m)
    ignoring._top["checks"] = {"ignore": ["AM401"]}
    assert {f.code for f in check(ignoring.build())} == {"AM402", "AM403", "AM501"}


def test_findings_are_located_in_the_file(tmp_path: Any) -> None:
    path = tmp_path / "m.yaml"
    argmap.dump(build("a b", [("s", "a", "supports", "b"), ("x", "a", "attacks", "b")]), path)
    m = argmap.load(path)
    (finding,) = check(m, select=["AM101"])
    assert [loc.element for loc in finding.locations] == ["a", "s", "x", "b"]
    assert finding.location is not None and finding.location.path == str(path)
    assert (finding.location.line, finding.location.column) == locate(m, "a")[1:]  # type: ignore[index]


@given(maps())
def test_checks_never_crash_and_grouping_loses_no_finding(m: argmap.ArgumentMap) -> None:
    found = check(m)
    every = [g for f in found for g in (f, *f.related)]
    for finding in every:
        assert finding.code in RULES and finding.elements
        assert all(m.has(e) for e in finding.elements)
    with mock.patch.object(argmap.checks, "relate", lambda _m, findings: list(findings)):
        ungrouped = check(m)
    assert sorted(repr(dataclasses.replace(f, related=())) for f in every) == sorted(map(repr, ungrouped))


@st.composite
def two_sided_maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    """Supports only within a side and forward (no support cycle), attacks only across sides."""
    n = draw(st.integers(2, 12))
    side_of = [draw(st.sampled_from(["pro", "con"])) for _ in range(n)]
    links = []
    for i in range(n):
        for j in range(n):
            if i == j or not draw(st.integers(0, 3)) == 0:
                continue
            if side_of[i] == side_of[j] and i < j:
                links.append((f"l{len(links)}", f"n{i}", "supports", f"n{j}"))
            elif side_of[i] != side_of[j]:
                links.append((f"l{len(links)}", f"n{i}", "attacks", f"n{j}"))
    return build(
        " ".join(f"n{i}" for i in range(n)),
        links,
        sides=[{"id": "pro", "name": "Pro", "opposes": ["con"]}, {"id": "con", "name": "Con"}],
        held={f"n{i}": side_of[i] for i in range(n)},
    )


@given(two_sided_maps())
def test_two_sided_maps_have_no_error(m: argmap.ArgumentMap) -> None:
    assert [f for f in check(m) if f.severity == "error"] == []
    assert found(m, "AM203") == [] and found(m, "AM302") == []


@given(maps(), st.data())
def test_adding_a_contradictory_pair_is_found_for_exactly_that_pair(
    m: argmap.ArgumentMap, data: st.DataObject
) -> None:
    if not m.nodes:
        return
    a = data.draw(st.sampled_from([n.id for n in m.nodes]))
    b = data.draw(st.sampled_from([n.id for n in m.nodes]))
    pairs_before = {(f.elements[:-3], f.elements[-1]) for f in check(m, select=["AM101"])}
    builder = argmap.MapBuilder.from_map(m)
    builder.supports(a, b, id="zz-support")
    builder.attacks(a, b, id="zz-attack")
    pairs_after = {(f.elements[:-3], f.elements[-1]) for f in check(builder.build(), select=["AM101"])}
    assert pairs_after - pairs_before == ({((a,), b)} if ((a,), b) not in pairs_before else set())
    assert pairs_before <= pairs_after


# Words a debate coach would have to look up: the checker's messages must not lean on them.
JARGON = (
    "hostile",
    "unbalanced",
    "knot",
    "sign -",
    "sign +",
    "(sign",
    "derived",
    "witness",
    "component",
    "bears on",
    "->",
    "potential",
)
WRONG_PLURAL = re.compile(
    r"\(s\)|\b1 \w+s\b(?<!\bis)|\b(?:[02-9]|\d\d+) (?:attack|link|node|contradiction|file)\b"
)


def every_message() -> list[str]:
    findings = [f for code, m, _ in TRIGGERS for f in [*check(m, select=code), *check(m)]]
    return [f.message for f in findings for f in (f, *f.related)]


@pytest.mark.parametrize("message", sorted(set(every_message())))
def test_messages_are_plain(message: str) -> None:
    assert not [word for word in JARGON if word in message]
    assert WRONG_PLURAL.search(message) is None


def test_the_plainness_check_catches_what_it_should() -> None:
    assert WRONG_PLURAL.search("unbalanced cycle with 1 hostile link(s)")
    assert WRONG_PLURAL.search("a loop with 1 attacks") and WRONG_PLURAL.search("3 node in all")
    assert WRONG_PLURAL.search("a loop with 1 attack and 3 nodes") is None


def test_conflicting_stance_shows_two_different_chains() -> None:
    # two links between the same pair, one each way: the chains differ by their links' kinds
    m = build(
        "q:issue a b", [("s", "a", "supports", "q"), ("x", "a", "attacks", "q"), ("t", "b", "supports", "a")]
    )
    (finding,) = check(m, select="AM301")
    for_chain, against_chain = re.findall(r"\(([^()]*)\)", finding.message)
    assert for_chain != against_chain
    assert "supports" in for_chain and "attacks" in against_chain


def test_a_string_selects_one_code_or_prefix() -> None:
    m = build("a b", [("s", "a", "supports", "b"), ("x", "a", "attacks", "b")])
    assert [f.code for f in check(m, select="AM1")] == ["AM101"]
    assert check(m, select="AM101", ignore="AM1") == []
    assert [r.code for r in select_rules("AM1, AM403")] == ["AM101", "AM102", "AM403"]


@pytest.mark.parametrize("newline", ["", "\n   "])
def test_findings_in_json_are_located_on_long_lines(tmp_path: Any, newline: str) -> None:
    # minified JSON is one long line: each element's column is counted from the last line break before it
    nodes = ", ".join(f'{{"id": "n{i}", "kind": "claim", "text": "N{i}."}}' for i in range(30))
    text = (
        f'{{"id": "m", "title": "T", "nodes": [{nodes}],{newline} "links": ['
        '{"id": "s", "kind": "supports", "source": "n7", "target": "n29"}, '
        '{"id": "x", "kind": "attacks", "source": "n7", "target": "n29"}]}'
    )
    path = tmp_path / "m.json"
    path.write_text(text, encoding="utf-8")
    (finding,) = check(argmap.load(path), select=["AM101"])
    lines = text.split("\n")
    for loc in finding.locations:
        line = next(k for k, row in enumerate(lines, 1) if f'{{"id": "{loc.element}"' in row)
        assert (loc.line, loc.column) == (line, lines[line - 1].index(f'{{"id": "{loc.element}"') + 1)
    assert [loc.line for loc in finding.locations] == [1, 1 + bool(newline), 1 + bool(newline), 1]


def test_twin_links_are_told_apart_by_id_in_side_incoherence() -> None:
    b = argmap.MapBuilder("m", "T")
    b.side("pro", "Pro")
    b.claim("a", "A.", held_by="pro")
    b.claim("c", "C.", held_by="pro")
    b.claim("d", "D.", held_by="pro")
    b.attacks("a", "c", id="x1")
    b.attacks("a", "c", id="x2")
    b.attacks("a", "d", id="x3")
    messages = [f.message for f in argmap.check(b.build(), select="AM302")]
    assert messages[0].endswith("a attacks c (link 'x1')") and messages[1].endswith("a attacks c (link 'x2')")
    assert messages[2].endswith("a attacks d")  # one link between them: its words are enough
