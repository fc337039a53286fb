"""Find-flaw figures on paper: compact (the flaw and its near neighbours), their text at 8 pt or more."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.errors import ExerciseError
from argmap.exercises import generate
from argmap.exercises.kinds.find_flaw import MAX_NODES
from argmap.exercises.layout import MIN_PRINTED_PT, PAPERS, figure_scale
from argmap.graph import link_ends
from argmap.render import layout

# A drawn node's box: ``"A" [label=<...`` (links are ``"A" -> "B"``).
NODE = re.compile(r'^\s*"([A-Z]+)" \[label=', re.MULTILINE)


@pytest.mark.needs_engine
@pytest.mark.parametrize("corpus", ["allied-space-cooperation", "school-phones"])
def test_every_find_flaw_figure_is_compact_and_prints_its_text_at_8_pt_or_more(corpus: str) -> None:
    m = argmap.load_corpus(corpus)
    drawn = sideless = 0
    for issue in [None, *(n.id for n in m.issues)]:
        for difficulty in (1, 2, 3):
            try:
                ex = generate(m, "find-flaw", seed=1, difficulty=difficulty, issues=[issue] if issue else [])
            except ExerciseError:
                continue  # an issue with too few links to put a flaw in
            for item, drawing in zip(ex.items, ex.parts[0].diagrams, strict=True):
                # the flaw's own nodes (those it names, and the ends of its links), then context up to the cap
                node_ids = {n.id for n in m.nodes}
                flaw_nodes = {e for e in item.elements if e in node_ids}
                for element in item.elements:
                    if element in {str(k.id) for k in m.links}:
                        flaw_nodes.update(link_ends(m, m.link(element)))
                nodes = NODE.findall(drawing.dot)
                # who holds a node is drawn only for a flaw about sides (AM302)
                if not item.explanation.startswith("AM302"):
                    flat = " ".join(re.sub(r"<[^>]*>", " ", drawing.dot).split())
                    assert not any(f"· {side.name.split()[0]}" in flat for side in m.sides), item.id
                    sideless += 1
                # one node more when every link drawn up to the cap would be at fault
                assert len(nodes) <= max(MAX_NODES, len(flaw_nodes)) + 1, (issue, difficulty, item.id)
                svg = layout(drawing.dot, "svg").decode("utf-8")
                found = re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg)
                assert found is not None
                width, height = float(found.group(1)), float(found.group(2))
                smallest = min(float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg))
                for paper in ("a4", "letter"):
                    scale = figure_scale(width, height, smallest, paper)
                    assert smallest * scale >= MIN_PRINTED_PT - 1e-6, (issue, difficulty, item.id, paper)
                    assert height * scale <= PAPERS[paper].content_pt[1], (issue, difficulty, item.id, paper)
                drawn += 1
    assert drawn > sideless > 0
