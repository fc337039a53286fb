"""Fill-gap figures on paper: shared where the gaps allow, never so wide that their text prints under 8 pt."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.errors import ExerciseError
from argmap.exercises import generate
from argmap.exercises.layout import MIN_PRINTED_PT, figure_scale
from argmap.render import layout


def test_the_demo_fill_gap_part_draws_its_four_gaps_on_one_figure() -> None:
    ex = generate(
        argmap.load_corpus("allied-space-cooperation"),
        "fill-gap",
        seed=1,
        difficulty=2,
        issues=["burden-sharing"],
    )
    (part,) = ex.parts
    assert len(part.items) == 4 and len(part.diagrams) == 1
    assert [item.prompt.split("marked ")[1][:3] for item in part.items] == ["“?1", "“?2", "“?3", "“?4"]


@pytest.mark.needs_engine
@pytest.mark.parametrize("corpus", ["allied-space-cooperation", "school-phones"])
def test_every_fill_gap_figure_prints_its_text_at_8_pt_or_more(corpus: str) -> None:
    m = argmap.load_corpus(corpus)
    shared = 0
    for issue in [None, *(n.id for n in m.issues)]:
        for difficulty in (1, 2, 3):
            for seed in (1, 2):
                try:
                    ex = generate(
                        m, "fill-gap", seed=seed, difficulty=difficulty, issues=[issue] if issue else []
                    )
                except ExerciseError:
                    continue  # an issue with too few texts to hide
                for drawing in ex.parts[0].diagrams:
                    svg = layout(drawing.dot, "svg").decode("utf-8")
                    found = re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg)
                    assert found is not None
                    width, height = float(found.group(1)), float(found.group(2))
                    smallest = min(float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg))
                    shared += "texts are missing" in drawing.caption
                    for paper in ("a4", "letter"):
                        printed = smallest * figure_scale(width, height, smallest, paper)
                        assert printed >= MIN_PRINTED_PT - 1e-6, (
                            issue,
                            difficulty,
                            seed,
                            drawing.caption,
                            paper,
                        )
    assert shared > 0
