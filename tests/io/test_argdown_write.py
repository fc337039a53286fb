"""Writing Argdown: deterministic text that reads back to all that Argdown can hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import argmap
from argmap.builder import MapBuilder
from argmap.io.argdown import read_argdown, write_argdown
from argmap.io.native import to_data
from argmap.model import AnyLink, ArgumentMap
from tests.strategies import maps

EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "external" / "argdown"


def words(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split()) or None


def without_provenance(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "argdown"}


def node_view(m: ArgumentMap) -> list[dict[str, Any]]:
    out = []
    for node in m.nodes:
        data = to_data(node)
        data["text"] = words(node.text)
        data["data"] = without_provenance(node.data)
        out.append(data)
    return out


def holdable(m: ArgumentMap, link: AnyLink) -> bool:
    """Whether Argdown can hold this link (docs/formats-argdown.md lists what it cannot)."""
    if link.target in link.premises:
        return False
    if link.kind == "supports":
        return True
    if link.is_linked:
        return False
    if link.kind == "undercuts":
        target = m.link(link.target)
        return target.kind == "supports" and holdable(m, target)
    return True


def link_view(m: ArgumentMap) -> dict[str, Any]:
    supports = []
    others: set[tuple[Any, ...]] = set()
    equivalent = []
    for link in m.links:
        if not holdable(m, link):
            continue
        if link.kind == "supports":
            data = to_data(link)
            data["note"] = words(link.note)
            data["data"] = without_provenance(link.data)
            data.pop("id")
            if data["note"] is None:
                del data["note"]
            if not data["data"]:
                del data["data"]
            supports.append((str(link.id), data))
        elif link.kind == "undercuts":
            target = m.link(link.target)
            others.add(("undercuts", link.premises[0], str(target.id)))
        elif link.kind == "contradicts":
            others.add(("contradicts", frozenset((link.premises[0], link.target))))
        elif link.kind == "equivalent":
            equivalent.append((link.premises[0], link.target))
        else:
            others.add((link.kind, link.premises[0], link.target))
    return {
        "supports": sorted(supports, key=lambda s: s[0]),
        "others": others,
        "equivalent": sorted(equivalent),
    }


def map_view(m: ArgumentMap) -> dict[str, Any]:
    data = {k: v for k, v in to_data(m).items() if k not in ("nodes", "links")}
    metadata = without_provenance(m.metadata)
    data.pop("metadata", None)
    if metadata:
        data["metadata"] = metadata
    return data


@given(maps())
def test_round_trip_keeps_all_that_argdown_can_hold(m: ArgumentMap) -> None:
    text = write_argdown(m)
    back, _ = read_argdown(text, "rt.argdown")
    assert map_view(back) == map_view(m)
    assert node_view(back) == node_view(m)
    assert link_view(back) == link_view(m)


@given(maps())
def test_writing_is_deterministic_and_a_fixpoint(m: ArgumentMap) -> None:
    text = write_argdown(m)
    assert write_argdown(m) == text
    # What Argdown cannot hold is named in a comment the first time, then gone.
    again = write_argdown(read_argdown(text, "rt.argdown")[0])
    assert again == text or "// argmap: not written" in text
    assert write_argdown(read_argdown(again, "rt.argdown")[0]) == again


def test_what_argdown_cannot_hold_is_named_in_a_comment() -> None:
    b = MapBuilder("m", "T")
    for name in "abc":
        b.claim(name, f"{name.upper()}.")
    b.attacks(["a", "b"], "c", id="joint")
    b.supports("a", "a", id="self")
    text = write_argdown(b.build())
    assert (
        "// argmap: not written, Argdown cannot hold it: attacks link 'joint': Argdown has no linked" in text
    )
    assert "// argmap: not written, Argdown cannot hold it: supports link 'self': its target" in text


def test_text_is_escaped_so_it_reads_back_verbatim() -> None:
    tricky = "A [b] <c> {d: 1} #e *f* _g_ @h \\i // j /* k */ <!-- l --> === m"
    b = MapBuilder("m", "T")
    b.claim("a", tricky, label="A label: with (parens)")
    m = b.build()
    back, _ = read_argdown(write_argdown(m), "x.argdown")
    assert back.node("a").text == tricky
    assert back.node("a").label == "A label: with (parens)"


def test_front_matter_title_with_equals_signs_and_newlines() -> None:
    b = MapBuilder("m", "a = b\n=== c")
    text = write_argdown(b.build())
    assert "===" not in text.split("\n")[1]
    back, _ = read_argdown(text, "x.argdown")
    assert back.title == "a = b\n=== c"


def test_reconstruction_with_intermediate_conclusion_is_written_as_one_argument() -> None:
    source = "<Arg>: Desc.\n\n(1) [P]: P.\n(2) [Q]: Q.\n----\n(3) [R]: R.\n(4) [S]: S.\n----\n(5) [T]: T.\n"
    m, _ = read_argdown(source, "x.argdown")
    text = write_argdown(m)
    assert "<Arg>: Desc.\n\n(1) [P]\n(2) [Q]\n----\n(3) [R]\n(4) [S]\n----\n(5) [T]\n" in text
    back, _ = read_argdown(text, "x.argdown")
    assert [(k.id, k.premises, k.target) for k in back.links] == [
        (k.id, k.premises, k.target) for k in m.links
    ]


def test_seed_corpus_round_trips() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    back, findings = read_argdown(write_argdown(m), "seed.argdown")
    assert findings == []
    assert map_view(back) == map_view(m)
    assert node_view(back) == node_view(m)
    assert link_view(back) == link_view(m)


@pytest.mark.external
@pytest.mark.parametrize("name", sorted(p.name for p in EXTERNAL.glob("*.argdown")) or ["(absent)"])
def test_real_documents_write_and_read_back_the_same(name: str) -> None:
    if not (EXTERNAL / name).is_file():
        pytest.skip("the Argdown documents are not present in ../shared/external/argdown")
    m, _ = read_argdown((EXTERNAL / name).read_text(encoding="utf-8"), name)
    text = write_argdown(m)
    back, findings = read_argdown(text, "again.argdown")
    assert findings == []
    assert sorted(node_view(back), key=lambda n: n["id"]) == sorted(node_view(m), key=lambda n: n["id"])
    assert sorted((k.id, k.kind, k.premises, k.target) for k in back.links) == sorted(
        (k.id, k.kind, k.premises, k.target) for k in m.links
    )
    assert write_argdown(back) == text


def test_undercut_and_plain_support_between_the_same_nodes_are_a_fixpoint() -> None:
    b = MapBuilder("m", "T")
    b.issue("a", "A.")
    b.issue("b", "B.")
    b.supports("a", "b", id="link.0")
    b.undercuts("a", "link.0")
    b.supports("a", "b")
    text = write_argdown(b.build())
    assert "// argmap" not in text
    assert write_argdown(read_argdown(text, "x.argdown")[0]) == text
