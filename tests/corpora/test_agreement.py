"""corpora/tools/agreement.py: alignment, attribution kappa and link F1 on hand-made pairs of maps."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import argmap
from tests.conftest import ROOT

TOOL = ROOT / "corpora" / "tools" / "agreement.py"
ALLIED = ROOT / "corpora" / "allied-space-cooperation"
SECOND = ALLIED / "second-annotation.yaml"
SIDES_FILE = ALLIED / "second-annotation-sides.yaml"
REVERSED_FILE = ALLIED / "second-annotation-reversed-issues.yaml"
CONTROVERSIES = "Controversies and debates"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


agreement = load_tool()


def span(start: int, end: int) -> list[dict[str, Any]]:
    return [{"source": "t", "start": start, "end": end}]


def build(
    sides: dict[str, str],
    nodes: list[tuple[str, str, tuple[int, int], str | None]],
    links: list[tuple[str, str, Any, str]],
) -> argmap.ArgumentMap:
    """sides: id -> role; nodes: (id, kind, span, holder); links: (id, kind, source, target)."""
    b = argmap.MapBuilder("m", "M")
    b.source("t", "Text", sections=[{"name": "Debate", "start": 0, "end": 100}])
    for side_id, role in sides.items():
        b.side(side_id, side_id.upper(), role=role)
    for node_id, kind, (start, end), held in nodes:
        b.node(kind, node_id, f"{node_id}.", anchors=span(start, end), held_by=held)  # type: ignore[arg-type]
    for link_id, kind, source, target in links:
        b.link(kind, source, target, id=link_id)  # type: ignore[arg-type]
    return b.build()


SIDES = {"x": "party", "y": "party", "ed": "editorial"}

# The reference: four claims, holders x, y, editorial, x.
FIRST = build(
    SIDES,
    [
        ("q", "issue", (0, 5), None),
        ("a", "claim", (10, 20), "x"),
        ("b", "claim", (20, 30), "y"),
        ("c", "claim", (30, 40), "ed"),
        ("d", "claim", (40, 50), "x"),
    ],
    [
        ("l1", "attacks", "a", "q"),
        ("l2", "supports", "b", "q"),
        ("l3", "attacks", "c", "b"),
        ("l4", "supports", "d", "a"),
    ],
)

# The second annotation: other ids, spans a little off, one holder changed (c: editorial -> party xx),
# one link of another kind (b attacks q), one link missing (d -> a) and one extra (e -> q, e unaligned).
SECOND_MAP = build(
    {"xx": "party", "y": "party", "ed": "editorial"},
    [
        ("q2", "issue", (0, 6), None),
        ("a2", "claim", (11, 20), "xx"),
        ("b2", "claim", (20, 29), "y"),
        ("c2", "claim", (30, 41), "xx"),
        ("d2", "claim", (40, 50), "xx"),
        ("e2", "claim", (60, 70), "y"),
    ],
    [
        ("m1", "attacks", "a2", "q2"),
        ("m2", "attacks", "b2", "q2"),
        ("m3", "attacks", "c2", "b2"),
        ("m4", "supports", "e2", "q2"),
    ],
)


def test_alignment_pairs_by_overlap() -> None:
    result = agreement.compare(FIRST, SECOND_MAP, side_map={"xx": "x"})
    assert result.aligned == {"a": "a2", "b": "b2", "c": "c2", "d": "d2", "q": "q2"}
    assert (result.nodes_first, result.nodes_second) == (5, 6)


def test_attribution_kappa_known_value() -> None:
    att = agreement.compare(FIRST, SECOND_MAP, side_map={"xx": "x"}).attribution
    # holders x y ed x against x y x x: observed 3/4, chance 1/2*3/4 + 1/4*1/4 = 7/16, kappa 5/9
    assert att.items == 4
    assert att.agreement == pytest.approx(0.75)
    assert att.kappa == pytest.approx(5 / 9)
    # voices party party editorial party against four parties: observed 3/4, chance 3/4, kappa 0
    assert att.voice_agreement == pytest.approx(0.75)
    assert att.voice_kappa == pytest.approx(0.0)
    assert att.disagreements == [("c", "ed", "c2", "x")]
    assert att.side_map == {"ed": "ed", "xx": "x", "y": "y"}


def test_unmapped_sides_never_agree() -> None:
    # without the side map, the second map's "xx" is a side of its own
    att = agreement.compare(FIRST, SECOND_MAP).attribution
    assert att.agreement == pytest.approx(0.25)  # only b (y = y)


def test_link_precision_recall_f1_known_values() -> None:
    result = agreement.compare(FIRST, SECOND_MAP)
    strict, loose = result.links, result.attachment
    assert (strict.first, strict.second, strict.matched_first, strict.matched_second) == (4, 4, 2, 2)
    assert (strict.precision, strict.recall, strict.f1) == (0.5, 0.5, 0.5)
    assert strict.unmatched_first == ["l2", "l4"] and strict.unmatched_second == ["m2", "m4"]
    # ignoring the kind, b -> q matches too
    assert (loose.precision, loose.recall, loose.f1) == (0.75, 0.75, 0.75)


LINKED = [("q", "issue", (0, 5), None), ("a", "claim", (10, 20), "x"), ("b", "claim", (20, 30), "x")]
LINKED += [("u", "claim", (30, 40), "y"), ("c", "claim", (40, 50), "y"), ("d", "claim", (50, 60), "x")]


def test_linked_premises_undercuts_and_symmetric_links_match_through_the_alignment() -> None:
    first = build(
        SIDES,
        LINKED,
        [("s", "supports", ["a", "b"], "q"), ("u1", "undercuts", "u", "s"), ("k", "contradicts", "c", "d")],
    )
    # same structure, premises listed in another order, the contradiction read the other way
    second = build(
        SIDES,
        LINKED,
        [("t", "supports", ["b", "a"], "q"), ("v", "undercuts", "u", "t"), ("j", "contradicts", "d", "c")],
    )
    assert agreement.compare(first, second).links.f1 == 1.0
    # one premise fewer: the support no longer matches, nor does the undercut of it
    third = build(
        SIDES,
        LINKED,
        [("t", "supports", "a", "q"), ("v", "undercuts", "u", "t"), ("j", "contradicts", "d", "c")],
    )
    scores = agreement.compare(first, third).links
    assert (scores.matched_first, scores.recall) == (1, pytest.approx(1 / 3))
    assert scores.unmatched_first == ["s", "u1"]


def test_a_merged_node_does_not_align_with_its_parts() -> None:
    parts = build(SIDES, [("a", "claim", (10, 20), "x"), ("b", "claim", (20, 60), "x")], [])
    merged = build(SIDES, [("ab", "claim", (0, 100), "x")], [])
    # Dice of (20..60) and (0..100) is 80/140, above 0.5; of (10..20) and (0..100) 20/110, below
    assert agreement.compare(parts, merged).aligned == {"b": "ab"}
    assert agreement.compare(parts, merged, threshold=0.6).aligned == {}


def test_section_limits_the_scope() -> None:
    first = build(SIDES, [("a", "claim", (10, 20), "x"), ("z", "claim", (150, 160), "x")], [])
    result = agreement.compare(first, first, section="Debate")
    assert result.aligned == {"a": "a"}
    with pytest.raises(
        agreement.AgreementError, match="no source of either map declares a section named 'Nope'"
    ):
        agreement.compare(first, first, section="Nope")


def test_kappa_is_undefined_when_chance_agreement_is_total() -> None:
    assert agreement.kappa(["x", "x"], ["x", "x"]) is None
    assert agreement.kappa([], []) is None
    with pytest.raises(ValueError, match="same items"):
        agreement.kappa(["x"], [])


def test_script_runs_on_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    argmap.dump(FIRST, first)
    argmap.dump(SECOND_MAP, second)
    args = [str(first), str(second), "--side-map", "xx=x", "--section", "Debate"]
    assert agreement.main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["attribution"]["kappa"] == pytest.approx(5 / 9)
    assert data["links"]["f1"] == 0.5
    assert agreement.main([*args, "--format", "markdown"]) == 0
    assert "| stance links: precision / recall / F1 | 0.50 / 0.50 / 0.50 |" in capsys.readouterr().out
    assert agreement.main(args) == 0
    assert "holder disagreements" in capsys.readouterr().out


def test_script_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", "utf-8")
    assert agreement.main([str(broken), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml:" in err and "Traceback" not in err
    good = tmp_path / "good.yaml"
    argmap.dump(FIRST, good)
    assert agreement.main([str(good), str(good), "--side-map", "nonsense"]) == 2
    assert "SECOND_SIDE=FIRST_SIDE" in capsys.readouterr().err


def test_the_reference_map_agrees_with_itself() -> None:
    m = argmap.load(ALLIED / "map.yaml")
    result = agreement.compare(m, m, section=CONTROVERSIES)
    assert result.attribution.kappa == 1.0 and result.links.f1 == 1.0
    assert result.nodes_first == len(result.aligned) > 20


def test_side_map_file(tmp_path: Path) -> None:
    sides = tmp_path / "sides.yaml"
    sides.write_text("xx: x\n", "utf-8")
    assert agreement.read_side_map(sides) == {"xx": "x"}
    sides.write_text("- xx\n", "utf-8")
    with pytest.raises(agreement.AgreementError, match="sides.yaml: expected lines of the form"):
        agreement.read_side_map(sides)
    with pytest.raises(agreement.AgreementError, match="cannot read the side map"):
        agreement.read_side_map(tmp_path / "absent.yaml")


def test_the_second_annotation_is_in_the_repository_and_valid(seed_text: str) -> None:
    second = argmap.load(SECOND)
    texts = {"article": seed_text}
    assert argmap.verify_anchors(second, texts) == []
    assert {n.id for n in second.issues} == {f"c{i}-issue" for i in range(1, 8)}


def test_an_issue_asked_the_other_way_round_reads_its_stances_reversed() -> None:
    # the same claim on the same question, asked "should it?" in one map and "should it not?" in the other
    first = build(
        SIDES, [("q", "issue", (0, 5), None), ("a", "claim", (10, 20), "x")], [("l", "supports", "a", "q")]
    )
    second = build(
        SIDES, [("q2", "issue", (0, 5), None), ("a2", "claim", (10, 20), "x")], [("l", "attacks", "a2", "q2")]
    )
    plain = agreement.compare(first, second)
    assert plain.links.f1 == 0.0 and plain.attachment.f1 == 1.0
    turned = agreement.compare(first, second, reversed_issues=["q2"])
    assert turned.links.f1 == 1.0 and turned.reversed_issues == ("q2",)
    assert "| issues asked the other way round (second map) | q2 |" in agreement.markdown(turned)
    with pytest.raises(agreement.AgreementError, match="no such issue"):
        agreement.compare(first, second, reversed_issues=["a2"])


def test_readme_reports_the_figures_of_the_two_annotations() -> None:
    # the second annotator names sides in their own way; SIDES_FILE says which of ours each one is,
    # and REVERSED_FILE which of their issues ask our question the other way round
    side_map = agreement.read_side_map(SIDES_FILE)
    reversed_issues = agreement.read_issue_list(REVERSED_FILE)
    first, second = argmap.load(ALLIED / "map.yaml"), argmap.load(SECOND)
    readme = (ROOT / "corpora" / "README.md").read_text("utf-8")
    strict = agreement.compare(first, second, section=CONTROVERSIES, side_map=side_map)
    reconciled = agreement.compare(
        first, second, section=CONTROVERSIES, side_map=side_map, reversed_issues=reversed_issues
    )
    assert agreement.markdown(strict) in readme
    assert agreement.markdown(reconciled) in readme
