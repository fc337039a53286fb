"""The school-phones corpus: a map of a text the team wrote, shipped beside it, with quoted anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.corpora import corpus_path
from argmap.model import ArgumentMap
from argmap.sources import sha256_text, verify_anchors

CORPUS = "school-phones"
SOURCE = "text"


@pytest.fixture(scope="module")
def smap() -> ArgumentMap:
    return argmap.load_corpus(CORPUS)


@pytest.fixture(scope="module")
def source_text() -> str:
    return (corpus_path(CORPUS).parent / "source.md").read_bytes().decode("utf-8")


def holder(m: ArgumentMap, node_id: str) -> str | None:
    return m.node(node_id).held_by


def test_corpus_loads(smap: ArgumentMap) -> None:
    assert smap.id == CORPUS
    assert [doc.id for doc in smap.sources] == [SOURCE]
    assert smap.issues


def test_source_text_is_found_beside_the_map(
    smap: ArgumentMap, source_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the path is resolved against the map file's folder, not the working directory
    monkeypatch.chdir(tmp_path)
    doc = smap.document(SOURCE)
    assert doc.path is not None
    assert (corpus_path(CORPUS).parent / doc.path).is_file()
    assert argmap.find_source_texts(smap) == {SOURCE: source_text}


def test_recorded_sha256_matches_the_text(smap: ArgumentMap, source_text: str) -> None:
    assert smap.document(SOURCE).sha256 == sha256_text(source_text)


def test_anchors_verify(smap: ArgumentMap) -> None:
    assert verify_anchors(smap, argmap.find_source_texts(smap)) == []


def test_every_anchor_quotes_its_passage(smap: ArgumentMap, source_text: str) -> None:
    wrong = [
        f"{element.id}[{i}]: {a.start}..{a.end} reads {source_text[a.start : a.end]!r}, quote {a.quote!r}"
        for element in [*smap.nodes, *smap.links]
        for i, a in enumerate(element.anchors)
        if a.quote is None or source_text[a.start : a.end] != a.quote
    ]
    assert wrong == []


def test_anchors_lie_inside_their_sections(smap: ArgumentMap) -> None:
    doc = smap.document(SOURCE)
    for element in [*smap.nodes, *smap.links]:
        for a in element.anchors:
            if a.section is not None:
                sec = doc.section(a.section)
                assert sec.start <= a.start and a.end <= sec.end, element.id


def test_sections_start_at_their_headings(smap: ArgumentMap, source_text: str) -> None:
    for sec in smap.document(SOURCE).sections:
        assert source_text[sec.start :].startswith(f"## {sec.name}\n"), sec.name


def test_every_node_is_anchored(smap: ArgumentMap) -> None:
    assert [n.id for n in smap.nodes if not n.anchors] == []


def test_every_node_is_connected_to_an_issue(smap: ArgumentMap) -> None:
    connected = set().union(*(set(argmap.graph.issue_nodes(smap, i.id)) for i in smap.issues))
    assert [n.id for n in smap.nodes if n.id not in connected] == []


def test_uses_linked_premises(smap: ArgumentMap) -> None:
    linked = [k for k in smap.links if k.is_linked]
    assert linked
    for k in linked:
        assert len(set(k.premises)) >= 2
        assert smap.node(k.target).kind in ("issue", "claim", "counterclaim"), k.id


def test_uses_an_undercut_of_a_support(smap: ArgumentMap) -> None:
    undercuts = [k for k in smap.links if k.kind == "undercuts"]
    assert undercuts
    for k in undercuts:
        assert smap.link(k.target).kind == "supports"
        assert smap.node(k.source).held_by != smap.link(k.target).held_by, k.id


def test_uses_a_concession_across_sides(smap: ArgumentMap) -> None:
    concessions = [k for k in smap.links if k.concession]
    assert concessions
    for k in concessions:
        # a concession grants a point of another side than the one holding it
        others = {holder(smap, e) for e in (*k.premises, k.target)} - {None, k.held_by}
        assert others, f"{k.id} concedes nothing to another side"


def test_uses_a_contradicts_link_between_sides(smap: ArgumentMap) -> None:
    contradicts = [k for k in smap.links if k.kind == "contradicts"]
    assert contradicts
    for k in contradicts:
        a, b = holder(smap, k.source), holder(smap, k.target)
        assert a and b and a != b, k.id


def anchored_element(m: ArgumentMap, group: str) -> tuple[str, int]:
    """The id and anchor index of the first node (or link) with an anchor."""
    for element in getattr(m, group):
        if element.anchors:
            return str(element.id), 0
    raise AssertionError(f"no anchored element among the {group}")


@pytest.mark.parametrize("group", ["nodes", "links"])
def test_changed_word_is_reported(smap: ArgumentMap, source_text: str, tmp_path: Path, group: str) -> None:
    element_id, index = anchored_element(smap, group)
    anchor = smap.element(element_id).anchors[index]
    word = re.search(r"[A-Za-z]{4,}", source_text[anchor.start : anchor.end])
    assert word is not None
    start, end = anchor.start + word.start(), anchor.start + word.end()
    original = word.group()
    changed = original[::-1] if original[::-1] != original else original.upper()
    # same length, so every other anchor still points at the same characters
    mutated = source_text[:start] + changed + source_text[end:]
    path = tmp_path / "source.md"
    path.write_bytes(mutated.encode("utf-8"))

    texts = argmap.find_source_texts(smap, {SOURCE: path})
    assert texts == {SOURCE: mutated}
    problems = verify_anchors(smap, texts)

    whole = [p for p in problems if p.element is None]
    assert len(whole) == 1 and whole[0].source == SOURCE and "SHA-256" in whole[0].message
    touched = {
        (str(e.id), i)
        for e in [*smap.nodes, *smap.links]
        for i, a in enumerate(e.anchors)
        if a.start < end and start < a.end
    }
    assert (element_id, index) in touched
    assert {(p.element, p.index) for p in problems if p.element is not None} == touched
    mine = next(p for p in problems if p.element == element_id and p.index == index)
    assert mine.source == SOURCE
    assert "quote" in mine.message


# -- the annotation guidelines of corpora/README.md ---------------------------


def test_every_link_is_anchored_or_inferred(smap: ArgumentMap) -> None:
    assert [k.id for k in smap.links if not k.anchors and not k.inferred] == []


def test_no_strengths_without_a_rubric(smap: ArgumentMap) -> None:
    assert [k.id for k in smap.links if k.strength is not None] == []


def test_a_reply_targets_what_it_denies(smap: ArgumentMap) -> None:
    # the schools' reply (the office relays messages) denies that pouches block contact,
    # not that parents need to reach their child
    (reply,) = smap.links_from("office-message")
    assert (reply.kind, smap.node(reply.target).held_by) == ("attacks", "ban-opponents")
    assert reply.target != "reach-child"
    assert [k.target for k in smap.links_from(reply.target, "attacks")] == ["locked-pouches"]
