from __future__ import annotations

import pytest

import argmap
from argmap import MapBuilder, MapError, UnknownElementError, graph
from argmap.locations import origin_of


def debate() -> argmap.ArgumentMap:
    b = MapBuilder("uniforms", "School uniforms", description="A small debate.")
    b.side("pro", "Proponents", stances={"q": "for"}, opposes=["con"])
    b.side("con", "Opponents", stances={"q": "against"}, opposes=["pro"])
    b.issue("q", "Should schools require uniforms?", label="Uniforms?")
    b.claim("c1", "Uniforms reduce bullying.", held_by="pro")
    b.claim("c2", "Uniforms save parents money.", held_by="pro")
    b.counterclaim("k1", "Bullying just moves elsewhere.", held_by="con")
    b.principle("p1", "Children should be safe at school.")
    b.evidence("e1", "A survey of 40 schools.", citation="Survey 2020")
    b.claim("far", "Unrelated remark.")
    b.supports("c1", "q", id="s1")
    b.supports("c2", "q", id="s2")
    b.attacks("k1", "c1", id="a1")
    b.supports("p1", "c1", id="s3")
    b.supports(["e1", "p1"], "c2", id="s4")
    b.undercuts("k1", "s3", id="u1")
    b.contradicts("k1", "c2", id="x1")
    return b.build()


def test_queries() -> None:
    m = debate()
    assert graph.supporters(m, "q") == ("c1", "c2")
    assert graph.supporters(m, "c2") == ("e1", "p1")
    assert graph.attackers(m, "c1") == ("k1",)
    assert graph.undercutters(m, "s3") == ("k1",)
    assert [k.id for k in graph.links_between(m, "c1", "k1")] == ["a1"]
    assert [k.id for k in graph.links_between(m, "k1", "c1")] == ["a1"]
    assert [k.id for k in m.links_to("c2")] == ["s4", "x1"]
    assert [k.id for k in m.links_from("k1", "attacks")] == ["a1"]
    assert graph.side_nodes(m, "pro") == ("c1", "c2")
    assert graph.issue_nodes(m, "q") == ("q", "c1", "c2", "k1", "p1", "e1")
    assert [n.id for n in m.issues] == ["q"]
    assert m.node("q").title == "Uniforms?" and m.node("c1").title == "Uniforms reduce bullying."
    assert graph.final_target(m, m.link("u1")) == "c1"
    assert m.describe("u1") == "undercuts link 'u1'" and m.describe("e1") == "evidence 'e1'"


def test_issue_nodes_follow_symmetric_links_both_ways_and_undercuts() -> None:
    b = MapBuilder("m", "T")
    b.issue("q", "Q?")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.claim("u", "U.")
    s = b.supports("a", "q")
    b.contradicts("q", "b")
    b.undercuts("u", s)
    assert graph.issue_nodes(b.build(), "q") == ("q", "a", "b", "u")


def test_unknown_elements_raise_one_error_class() -> None:
    m = debate()
    for call in (
        lambda: m.node("nope"),
        lambda: m.link("c1"),
        lambda: m.side("x"),
        lambda: m.document("x"),
        lambda: graph.issue_nodes(m, "c1"),
        lambda: graph.side_nodes(m, "x"),
    ):
        with pytest.raises(UnknownElementError):
            call()
    with pytest.raises(argmap.ArgmapError, match="no node with id 'nope'"):
        m.node("nope")


def test_map_is_immutable_and_equality_ignores_origin() -> None:
    m = debate()
    with pytest.raises(Exception, match="frozen"):
        m.title = "x"  # type: ignore[misc]
    copy = argmap.loads(argmap.dumps(m), path="somewhere.yaml")
    assert origin_of(copy) is not None and origin_of(m) is None
    assert copy == m
    assert MapBuilder.from_map(m).build() == m


def test_generated_link_ids_are_stable_and_unique() -> None:
    data = {
        "id": "m",
        "title": "T",
        "nodes": [{"id": "a", "kind": "claim", "text": "A"}, {"id": "b", "kind": "claim", "text": "B"}],
        "links": [
            {"kind": "supports", "source": "a", "target": "b"},
            {"kind": "supports", "source": "a", "target": "b"},
            {"kind": "attacks", "source": "a", "target": "b"},
        ],
    }
    ids = [k.id for k in argmap.validate(data).links]
    assert ids == ["a--supports--b", "a--supports--b-2", "a--attacks--b"]
    assert [k.id for k in argmap.validate(data).links] == ids


def test_builder_checks_elements_at_once() -> None:
    b = MapBuilder("m", "T")
    b.claim("a", "A.")
    with pytest.raises(MapError, match="duplicate id 'a'"):
        b.claim("a", "Again.")
    with pytest.raises(MapError, match="text: must not be empty"):
        b.claim("e", "  ")
    with pytest.raises(MapError, match="strength"):
        b.supports("a", "a", strength=2)
    with pytest.raises(MapError, match="symmetric"):
        b.contradicts(["a", "b"], "a")  # type: ignore[arg-type]
    with pytest.raises(MapError, match="unknown field .colour. \\(allowed: id, text, label, held_by"):
        b.claim("f", "F.", colour="red")


def test_inconsistent_maps_still_load() -> None:
    b = MapBuilder("m", "T")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.supports("a", "b")
    b.attacks("a", "b")
    b.supports("b", "a")
    b.supports("a", "a")
    m = b.build()
    assert len(m.links) == 4


def test_undercut_of_attack_is_allowed_for_attacks_on_attacks() -> None:
    b = MapBuilder("m", "T")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.claim("c", "C.")
    attack = b.attacks("a", "b")
    b.undercuts("c", attack)
    assert graph.undercutters(b.build(), attack) == ("c",)


def test_anchor_rules() -> None:
    with pytest.raises(ValueError, match="quote has 3 characters"):
        argmap.Anchor(source="d", start=0, end=5, quote="abc")
    doc = argmap.SourceDocument(id="d", title="D", sections=[argmap.Section(name="S", start=0, end=4)])
    with pytest.raises(UnknownElementError):
        doc.section("T")


def test_schema_is_json_schema_with_both_discriminated_unions() -> None:
    schema = argmap.ArgumentMap.model_json_schema()
    assert set(schema["required"]) == {"id", "title"}
    defs = schema["$defs"]
    assert {"Issue", "Claim", "Counterclaim", "Principle", "Evidence"} <= set(defs)
    assert {"Supports", "Attacks", "Undercuts", "Contradicts", "Equivalent"} <= set(defs)
    assert defs["Claim"]["additionalProperties"] is False


def test_inferred_elements_must_say_why() -> None:
    base = {
        "id": "m",
        "title": "T",
        "nodes": [
            {"id": "a", "kind": "claim", "text": "A."},
            {"id": "b", "kind": "claim", "text": "B.", "inferred": True, "note": "unstated premise"},
        ],
        "links": [{"kind": "supports", "source": "b", "target": "a", "inferred": True, "note": "implied"}],
    }
    m = argmap.validate(base)
    assert m.node("b").inferred and not m.node("a").inferred
    assert m.links[0].inferred
    assert argmap.loads(argmap.dumps(m)) == m
    without_reason = {**base, "links": [{"kind": "supports", "source": "b", "target": "a", "inferred": True}]}
    with pytest.raises(MapError, match="inferred: true needs a note"):
        argmap.validate(without_reason)
    blank_node = {
        **base,
        "nodes": [{"id": "a", "kind": "claim", "text": "A.", "inferred": True, "note": " "}],
    }
    with pytest.raises(MapError, match="claim 'a'.*inferred: true needs a note"):
        argmap.validate({**blank_node, "links": []})
