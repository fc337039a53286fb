"""Properties every kind of exercise keeps, on any valid map and on the corpora."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.errors import ExerciseError
from argmap.exercises import KINDS, Answers, Exercise, Item, generate
from argmap.exercises.answers import key_answers
from argmap.exercises.grading import grade
from tests.conftest import ROOT
from tests.strategies import maps

ALL_KINDS = sorted(KINDS)


def test_every_kind_the_issue_asks_for_is_registered() -> None:
    assert set(ALL_KINDS) >= {
        "label-links",
        "match-principles",
        "sort-by-side",
        "fill-gap",
        "find-flaw",
        "reconstruct",
        "locate",
    }


def assert_well_formed(ex: Exercise) -> None:
    assert Exercise.model_validate_json(ex.to_json()) == ex
    assert [item.id for item in ex.items] == [str(i) for i in range(1, len(ex.items) + 1)]
    result = grade(ex, key_answers(ex))
    assert result.score == result.points == ex.total_points
    assert not result.notes


@given(maps(), st.sampled_from(ALL_KINDS), st.integers(0, 2**32), st.integers(1, 3))
def test_any_map_gives_a_sound_exercise_or_a_clear_refusal(
    m: argmap.ArgumentMap, kind: str, seed: int, difficulty: int
) -> None:
    texts = {"doc": "x" * 200}
    try:
        ex = generate(m, kind, seed=seed, difficulty=difficulty, texts=texts)
    except ExerciseError as err:
        assert str(err)
        return
    assert_well_formed(ex)
    again = generate(m, kind, seed=seed, difficulty=difficulty, texts=texts)
    assert again.to_json() == ex.to_json()


CORPUS_KINDS = [k for k in ALL_KINDS if k != "locate"]
# burden-sharing has no medium flaw between kinds of node the map links that way: find-flaw works
# on speed-and-scale, which has
ISSUE_OF = {"find-flaw": "speed-and-scale"}


@pytest.mark.parametrize("kind", CORPUS_KINDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_corpus_exercises_grade_their_own_key_fully(kind: str, difficulty: int) -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    ex = generate(m, kind, seed=11, difficulty=difficulty, issues=[ISSUE_OF.get(kind, "burden-sharing")])
    assert ex.items
    assert_well_formed(ex)


def test_several_kinds_make_one_exercise_numbered_through() -> None:
    m = argmap.load_corpus("school-phones")
    kinds = ["sort-by-side", "label-links", "fill-gap"]
    ex = generate(m, kinds, seed=5)
    assert [part.kind for part in ex.parts] == kinds
    singles = [generate(m, kind, seed=5) for kind in kinds]
    assert [len(p.items) for p in ex.parts] == [len(s.items) for s in singles]

    # each part is drawn from its own seeded stream: the same as when made alone, but
    # for its figure numbers, which run through the worksheet
    def unnumbered(prompt: str) -> str:
        return re.sub(r"Figure [0-9]+", "Figure N", prompt)

    for part, single in zip(ex.parts, singles, strict=True):
        assert [unnumbered(i.prompt) for i in part.items] == [unnumbered(i.prompt) for i in single.items]
    figures = [d.id for part in ex.parts for d in part.diagrams]
    assert figures == [str(n) for n in range(1, len(figures) + 1)]
    assert_well_formed(ex)


def test_skip_unfit_leaves_out_what_the_map_cannot_support_and_says_why() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    kinds = ["sort-by-side", "locate"]
    with pytest.raises(ExerciseError, match="locate needs the source text"):
        generate(m, kinds, issues=["merit-and-diversity"], texts={})
    ex = generate(m, kinds, issues=["merit-and-diversity"], texts={}, skip_unfit=True)
    assert [p.kind for p in ex.parts] == ["sort-by-side"]
    assert len(ex.notes) == 1 and ex.notes[0].startswith("locate left out: ")
    assert generate(m, ["sort-by-side"], issues=["burden-sharing"], skip_unfit=True).notes == ()


def test_a_debate_with_one_principle_borrows_distractors_from_the_whole_map() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    scope = set(argmap.graph.issue_nodes(m, "coop-national-interest"))
    (inside,) = [n for n in m.nodes_of_kind("principle") if n.id in scope]
    ex = generate(m, "match-principles", issues=["coop-national-interest"], seed=3)
    for item in ex.items:
        assert len(item.choices) >= 2
        (key,) = item.key
        assert item.choice(key).text.startswith(f"{inside.label}: ")
        assert inside.id in item.elements


def wrong_answer(item: Item) -> object:
    """An answer to ``item`` that is surely wrong (but well formed)."""
    if item.answer_type == "links":
        return []  # no links: recall 0
    if item.answer_type == "choices":
        others = [c.id for c in item.choices if c.id not in item.key]
        return others[:1] if others else list(item.key[:-1])
    return next(c.id for c in item.choices if c.id not in item.key)


@pytest.mark.parametrize("kind", CORPUS_KINDS)
def test_a_wrong_answer_loses_exactly_its_items_points_with_feedback(kind: str) -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    ex = generate(m, kind, seed=4, difficulty=2, issues=[ISSUE_OF.get(kind, "burden-sharing")])
    key = key_answers(ex)
    for item in ex.items:
        answers = dict(key.answers)
        answers[item.id] = wrong_answer(item)
        result = grade(ex, Answers(answers=answers))
        assert result.score == ex.total_points - item.points
        assert not result.notes
        (changed,) = [r for r in result.items if r.status != "right"]
        assert changed.item_id == item.id and changed.score == 0
        assert changed.feedback


@pytest.mark.seed
def test_locate_on_the_reference_corpus_with_the_article(seed_text: str) -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    for difficulty in (1, 2, 3):
        ex = generate(
            m,
            "locate",
            seed=2,
            difficulty=difficulty,
            issues=["burden-sharing"],
            texts={"article": seed_text},
        )
        assert ex.items
        assert_well_formed(ex)
        item = ex.items[0]
        result = grade(ex, Answers(answers={**key_answers(ex).answers, item.id: wrong_answer(item)}))
        assert result.score == ex.total_points - item.points


def test_only_kinds_that_read_sources_look_for_their_texts(tmp_path: Path) -> None:
    # a copy of the map without the source text that should lie beside it
    copy = tmp_path / "map.yaml"
    copy.write_bytes((ROOT / "corpora" / "school-phones" / "map.yaml").read_bytes())
    m = argmap.load(copy)
    assert generate(m, "sort-by-side", seed=1) == generate(
        argmap.load_corpus("school-phones"), "sort-by-side", seed=1
    )
    with pytest.raises(ExerciseError, match=r"pass the text of source 'text'"):
        generate(m, "locate")
    assert [k for k, found in KINDS.items() if found.reads_sources] == ["locate"]
