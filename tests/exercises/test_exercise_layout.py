"""The one layout both worksheet writers follow."""

from __future__ import annotations

import pytest

import argmap
from argmap.exercises import KINDS, generate
from argmap.exercises.layout import layout


@pytest.fixture(scope="module")
def every_kind() -> argmap.exercises.Exercise:
    return generate(argmap.load_corpus("school-phones"), sorted(KINDS), seed=1, difficulty=2)


@pytest.mark.parametrize("by_item", [True, False])
def test_every_diagram_is_placed_once_and_before_its_first_item(
    every_kind: argmap.exercises.Exercise, by_item: bool
) -> None:
    for placed in layout(every_kind, diagrams_by_item=by_item).parts:
        order = [d.id for d in placed.diagrams]
        for item in placed.items:
            order += [d.id for d in item.diagrams]
            if item.item.diagram is not None:
                assert item.item.diagram in order, (placed.part.kind, item.item.id)
        assert sorted(order) == sorted(d.id for d in placed.part.diagrams)
        if not by_item:
            assert all(not item.diagrams for item in placed.items)


def test_only_the_key_marks_right_choices(every_kind: argmap.exercises.Exercise) -> None:
    sheet, key = layout(every_kind), layout(every_kind, key=True)
    assert sheet.made_from is None and key.made_from is not None and "seed 1" in key.made_from
    for blank, keyed in zip(sheet.parts, key.parts, strict=True):
        for a, b in zip(blank.items, keyed.items, strict=True):
            assert a.right == frozenset()
            assert b.right == frozenset(b.item.key)
            assert a.choices == b.choices


def test_a_part_sharing_its_choices_lists_them_once(every_kind: argmap.exercises.Exercise) -> None:
    by_kind = {p.part.kind: p for p in layout(every_kind).parts}
    sides = by_kind["sort-by-side"]
    assert sides.shared and sides.shared_choices is not None
    assert all(item.choices == () for item in sides.items)
    # locate's choices are its numbered sentences, listed once already
    assert by_kind["locate"].shared and by_kind["locate"].shared_choices is None
    # reconstruct's nodes are the statements under its diagram
    assert all(item.listed_under == item.item.diagram for item in by_kind["reconstruct"].items)
