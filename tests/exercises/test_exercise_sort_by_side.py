"""Sort by side: keys, hidden sides, letters, difficulty."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.errors import ExerciseError
from argmap.exercises import generate

ALLIED = argmap.load_corpus("allied-space-cooperation")
PHONES = argmap.load_corpus("school-phones")


@pytest.mark.parametrize("m", [ALLIED, PHONES], ids=["allied", "phones"])
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_each_key_names_the_side_that_holds_the_node(m: argmap.ArgumentMap, difficulty: int) -> None:
    ex = generate(m, "sort-by-side", seed=3, difficulty=difficulty)
    for item in ex.items:
        (node_id,) = item.elements
        (key,) = item.key
        assert item.choice(key).text == m.side(str(m.node(node_id).held_by)).name


def test_the_diagram_hides_every_side_and_letters_never_name_two_things() -> None:
    ex = generate(ALLIED, "sort-by-side", seed=1, issues=["burden-sharing"])
    (drawing,) = ex.parts[0].diagrams
    for side in ALLIED.sides:
        assert side.name not in drawing.dot
    choice_letters = {c.id for c in ex.items[0].choices}
    node_letters = {c.id for c in drawing.statements}
    assert choice_letters and node_letters and not choice_letters & node_letters
    for item in ex.items:
        asked = re.match(r"Which side holds (\w+):", item.prompt)
        assert asked is not None and asked.group(1) in node_letters


def test_difficulty_sets_how_many_nodes_are_asked_and_hard_hides_stances() -> None:
    counts = [len(generate(ALLIED, "sort-by-side", seed=2, difficulty=d).items) for d in (1, 2, 3)]
    held = [n for n in ALLIED.nodes if n.held_by and n.kind in ("claim", "counterclaim", "evidence")]
    assert counts == [5, 8, len(held)]
    hard = generate(ALLIED, "sort-by-side", seed=2, difficulty=3).parts[0].diagrams[0].dot
    easy = generate(ALLIED, "sort-by-side", seed=2, difficulty=1).parts[0].diagrams[0].dot
    assert "label=<+>" in easy and "label=<+>" not in hard


def test_seeds_change_the_exercise_and_repeat_it() -> None:
    one = generate(ALLIED, "sort-by-side", seed=1).to_json()
    assert one == generate(ALLIED, "sort-by-side", seed=1).to_json()
    assert one != generate(ALLIED, "sort-by-side", seed=2).to_json()


def test_a_map_with_one_side_cannot_be_sorted() -> None:
    b = argmap.MapBuilder("m", "T")
    b.side("s", "Only side")
    b.claim("a", "A.", held_by="s")
    with pytest.raises(ExerciseError, match=r"map 'm': sort-by-side needs claims held by at least two sides"):
        generate(b.build(), "sort-by-side")
