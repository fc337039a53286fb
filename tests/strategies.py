"""Hypothesis strategies that build valid argument maps."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import argmap
from argmap.model import LINK_KINDS, NODE_KINDS, ArgumentMap

# Node ids never contain "." and generated link ids ("link.N") always do: no collision.
ids = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
# Any unicode, including control characters, quotes, backslashes and newlines;
# surrogates cannot be encoded as UTF-8 and are excluded.
# Any character a file can carry: no lone surrogates, no control characters but tab and line breaks.
_CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\x7f"]
writable = st.characters(blacklist_categories=["Cs"], blacklist_characters=_CONTROLS)
any_text = st.text(writable, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(writable, max_size=10)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(writable, max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def maps(draw: st.DrawFn, max_nodes: int = 8) -> ArgumentMap:
    """A valid map: sides, sources with sections, anchored nodes, every link kind."""
    names = draw(st.lists(ids, min_size=1, max_size=max_nodes + 6, unique=True))
    n_sides = draw(st.integers(0, min(3, len(names) - 1)))
    side_ids, node_ids = names[:n_sides], names[n_sides : n_sides + max_nodes]
    text_len = draw(st.integers(10, 200))
    sources = []
    if draw(st.booleans()):
        sources.append(
            {
                "id": "doc",
                "title": draw(any_text),
                "sha256": "0" * 64,
                "sections": [{"name": "all", "start": 0, "end": text_len}],
            }
        )

    def anchors() -> list[dict[str, Any]]:
        if not sources:
            return []
        out = []
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.integers(0, text_len - 1))
            end = draw(st.integers(start + 1, text_len))
            anchor: dict[str, Any] = {"source": "doc", "start": start, "end": end}
            if draw(st.booleans()):
                anchor["section"] = "all"
            out.append(anchor)
        return out

    def side_ref() -> Any:
        return draw(st.sampled_from([None, *side_ids]))

    nodes = []
    for node_id in node_ids:
        node: dict[str, Any] = {
            "id": node_id,
            "kind": draw(st.sampled_from(NODE_KINDS)),
            "text": draw(any_text),
            "label": draw(st.none() | any_text),
            "held_by": side_ref(),
            "tags": draw(st.lists(any_text, max_size=2)),
            "anchors": anchors(),
            "note": draw(st.none() | st.text(writable, max_size=20)),
            "data": draw(st.dictionaries(st.text(writable, max_size=5), json_values, max_size=2)),
        }
        nodes.append(node)
    issues = [n["id"] for n in nodes if n["kind"] == "issue"]
    sides = [
        {
            "id": side_id,
            "name": draw(any_text),
            "role": draw(st.sampled_from(["party", "speaker", "editorial"])),
            "stances": draw(
                st.dictionaries(st.sampled_from(issues), st.sampled_from(["for", "against", "mixed"]))
                if issues
                else st.just({})
            ),
            "opposes": draw(st.lists(st.sampled_from(side_ids), max_size=2, unique=True)),
        }
        for side_id in side_ids
    ]
    links: list[dict[str, Any]] = []
    if node_ids:
        for _ in range(draw(st.integers(0, 2 * len(node_ids)))):
            kind = draw(st.sampled_from([k for k in LINK_KINDS if k != "undercuts"]))
            inferential = [k for k in links if k["kind"] in ("supports", "attacks", "undercuts") and k["id"]]
            if inferential and draw(st.integers(0, 3)) == 0:
                kind = "undercuts"
            if kind in ("supports", "attacks", "undercuts") and len(node_ids) >= 2 and draw(st.booleans()):
                source: Any = draw(st.lists(st.sampled_from(node_ids), min_size=2, max_size=3, unique=True))
            else:
                source = draw(st.sampled_from(node_ids))
            if kind == "undercuts":
                target = draw(st.sampled_from([k["id"] for k in inferential]))
            else:
                target = draw(st.sampled_from(node_ids))
            link: dict[str, Any] = {
                "id": f"link.{len(links)}" if draw(st.booleans()) else None,
                "kind": kind,
                "source": source,
                "target": target,
                "held_by": side_ref(),
                "concession": draw(st.booleans()),
                "strength": draw(st.none() | st.floats(0, 1)),
                "note": draw(st.none() | any_text),
                "anchors": anchors(),
            }
            links.append(link)
    return argmap.validate(
        {
            "id": draw(ids),
            "title": draw(any_text),
            "description": draw(st.none() | any_text),
            "sources": sources,
            "sides": sides,
            "nodes": nodes,
            "links": links,
            "tags": draw(st.lists(any_text, max_size=2)),
            "metadata": draw(st.dictionaries(st.text(writable, max_size=5), json_values, max_size=2)),
        }
    )


# A line of Kialo text: printable, stripped, sometimes one that looks like Kialo's own syntax.
_kialo_line = st.one_of(
    st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool),
    st.sampled_from(
        ["1. Not a claim", "1.2. Pro: nor this", "-> See 1.", "Pro: x", "\\1.", "Sources:", "2 Con: y"]
    ),
)
kialo_texts = st.lists(_kialo_line, min_size=1, max_size=3).map("\n".join)


@st.composite
def kialo_maps(draw: st.DrawFn, max_nodes: int = 10) -> ArgumentMap:
    """A map a Kialo discussion can hold: a tree of supports and attacks under one or more
    issues, claims elsewhere, and cross-links (a claim bearing on a second parent)."""
    n_issues = draw(st.integers(1, 3))
    n_nodes = draw(st.integers(n_issues, max_nodes))
    texts = draw(st.lists(kialo_texts, min_size=n_nodes, max_size=n_nodes, unique=True))
    nodes = [
        {"id": f"n{i}", "kind": "issue" if i < n_issues else "claim", "text": text}
        for i, text in enumerate(texts)
    ]
    links: list[dict[str, Any]] = []
    for i in range(n_issues, n_nodes):
        parent = draw(st.integers(0, i - 1))
        links.append(
            {
                "kind": draw(st.sampled_from(["supports", "attacks"])),
                "source": f"n{i}",
                "target": f"n{parent}",
            }
        )
    for _ in range(draw(st.integers(0, 3))):
        if n_nodes > n_issues:
            source = draw(st.integers(n_issues, n_nodes - 1))
            target = draw(st.integers(0, n_nodes - 1))
            kind = draw(st.sampled_from(["supports", "attacks"]))
            links.append({"kind": kind, "source": f"n{source}", "target": f"n{target}"})
    title = draw(
        st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp", "Zs"]), min_size=1, max_size=20)
    )
    return argmap.validate({"id": "k", "title": title, "nodes": nodes, "links": links})
