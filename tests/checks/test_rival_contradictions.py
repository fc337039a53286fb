"""Contradictions among rival statements: a contradiction may end a chain of derived stance, never carry it.

Issue #13: three rival hypotheses, each the contrary of the other two (as in
Betz's reconstruction of the Semmelweis debate), were reported as arguing
against themselves (AM202) and as a loop that no two camps can hold (AM203):
the checker composed two contradictions as a double negation. "A and B cannot
both hold" rules B out once A is accepted; rejecting A says nothing about B.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import check
from tests.checks.test_checks import build, found
from tests.conftest import ROOT

SEMMELWEIS = """
id: childbed-fever
title: What causes childbed fever? (after Betz's Semmelweis reconstruction)
nodes:
  - {id: epidemic, kind: claim, text: Childbed fever is controlled by epidemic influences.}
  - {id: rough, kind: claim, text: Childbed fever is controlled by injuries from rough examinations.}
  - {id: cadaveric, kind: claim, text: Childbed fever is controlled by contamination with cadaveric matter.}
  - {id: divisions, kind: evidence, text: More women fall ill in the First Division than in the Second.}
  - {id: washing, kind: evidence, text: When the students wash their hands the two divisions are alike.}
  - {id: no-variation, kind: evidence, text: The cases show none of the seasonal variation of epidemics.}
links:
  - {id: c12, kind: contradicts, source: epidemic, target: rough}
  - {id: c13, kind: contradicts, source: epidemic, target: cadaveric}
  - {id: c23, kind: contradicts, source: rough, target: cadaveric}
  - {id: e1, kind: supports, source: epidemic, target: divisions}
  - {id: e2, kind: supports, source: rough, target: divisions}
  - {id: e3, kind: supports, source: cadaveric, target: divisions}
  - {id: e4, kind: supports, source: cadaveric, target: washing}
  - {id: x1, kind: attacks, source: no-variation, target: epidemic}
"""


def semmelweis() -> argmap.ArgumentMap:
    import yaml

    return argmap.validate(yaml.safe_load(SEMMELWEIS))


def test_rival_hypotheses_are_not_self_undermining_nor_an_unbalanced_loop() -> None:
    m = semmelweis()
    assert [f.code for f in check(m) if f.severity != "info" and f.code != "AM402"] == []


def test_the_ring_of_three_contradictions_alone_is_no_finding() -> None:
    m = build(
        "h1 h2 h3",
        [
            ("c12", "h1", "contradicts", "h2"),
            ("c23", "h2", "contradicts", "h3"),
            ("c31", "h3", "contradicts", "h1"),
        ],
    )
    assert found(m, "AM202") == [] and found(m, "AM203") == []


def test_refuting_one_rival_does_not_argue_for_another() -> None:
    # a attacks b, b contradicts the issue: before the fix, "a against b" became "a for q"
    # and met a's own attack on q as a conflict
    m = build(
        "q:issue a b",
        [("x1", "a", "attacks", "b"), ("c", "b", "contradicts", "q"), ("x2", "a", "attacks", "q")],
    )
    assert found(m, "AM301") == []


def test_accepting_a_node_still_rejects_its_contrary() -> None:
    # a supports b, b contradicts the issue q, and a also supports q directly
    m = build(
        "q:issue a b",
        [("s1", "a", "supports", "q"), ("s2", "a", "supports", "b"), ("c", "b", "contradicts", "q")],
    )
    assert found(m, "AM301") == [("a", "s1", "q", "s2", "b", "c", "q")]


def test_a_chain_that_reaches_a_contrary_of_its_start_argues_against_itself() -> None:
    # a reductio: a's own consequences lead to c, which cannot hold together with a
    m = build(
        "a b c", [("s1", "a", "supports", "b"), ("s2", "b", "supports", "c"), ("c1", "c", "contradicts", "a")]
    )
    (finding,) = check(m, select="AM202")
    assert finding.elements == ("a", "s1", "b", "s2", "c", "c1", "a")
    assert finding.message.startswith(
        "'a' argues against itself: a supports b, which supports c, which contradicts a"
    )


def test_supporting_two_contraries_undermines_what_is_supported() -> None:
    m = build(
        "x y z", [("s1", "x", "supports", "y"), ("s2", "x", "supports", "z"), ("c", "z", "contradicts", "y")]
    )
    assert found(m, "AM202") == [("x", "s2", "z", "c", "y", "s1")]


@pytest.mark.parametrize(
    "links",
    [
        pytest.param(
            [("s", "a", "supports", "b"), ("c", "b", "contradicts", "a")], id="supports-its-contrary"
        ),
        pytest.param(
            [("s", "a", "supports", "b"), ("c", "a", "contradicts", "b")], id="contradicts-what-it-supports"
        ),
    ],
)
def test_a_node_that_supports_and_contradicts_the_same_node_is_left_to_am102(
    links: list[tuple[str, str, str, str]],
) -> None:
    m = build("a b", links)
    assert found(m, "AM202") == [] and len(found(m, "AM102")) == 1


def test_after_a_contradiction_the_chain_goes_no_further() -> None:
    # x supports a, a contradicts b, b attacks... : only the contradiction's own end is reached
    m = build(
        "q:issue x a b",
        [
            ("s", "x", "supports", "a"),
            ("c", "a", "contradicts", "b"),
            ("t", "b", "attacks", "q"),
            ("u", "x", "supports", "q"),
        ],
    )
    assert found(m, "AM301") == []


def test_rival_explanations_of_one_fact_are_not_a_two_camp_loop() -> None:
    m = build(
        "h1 h2 e",
        [("s1", "h1", "supports", "e"), ("s2", "h2", "supports", "e"), ("c", "h1", "contradicts", "h2")],
    )
    assert found(m, "AM203") == []
    # the same shape with an attack still is one
    m = build(
        "h1 h2 e",
        [("s1", "h1", "supports", "e"), ("s2", "h2", "supports", "e"), ("x", "h1", "attacks", "h2")],
    )
    assert len(found(m, "AM203")) == 1


# ../shared from the main checkout, ../../shared from a worktree under wt/
SEMMELWEIS_FILES = [
    up / "shared" / "external" / "argdown" / "semmelweis_betz.argdown"
    for up in (ROOT.parent, ROOT.parent.parent)
]


@pytest.mark.external
def test_the_semmelweis_reconstruction_has_no_error() -> None:
    path = next((p for p in SEMMELWEIS_FILES if p.exists()), None)
    if path is None:
        pytest.skip("../shared/external/argdown/semmelweis_betz.argdown is absent")
    findings = check(argmap.load(path))
    assert [f.code for f in findings if f.severity == "error"] == []
    assert "AM203" not in {f.code for f in findings}
