"""The one layout both worksheet writers follow."""

from __future__ import annotations

import pytest

import argmap
from argmap.exercises import KINDS, generate
from argmap.exercises.html import worksheet_html
from argmap.exercises.layout import layout
from argmap.exercises.markdown import worksheet_markdown
from argmap.exercises.model import Choice, Diagram, Exercise, Part


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
    sheet = layout(every_kind)
    by_kind = {p.part.kind: p for p in sheet.parts}
    sides = by_kind["sort-by-side"]
    assert sides.shared and sides.shared_choices is not None
    assert all(item.choices == () for item in sides.items)
    # locate's choices are its numbered sentences, listed once already
    assert by_kind["locate"].shared and by_kind["locate"].shared_choices is None
    # reconstruct's nodes are the statements under its diagram, or under the earlier one that lists them all
    for item in by_kind["reconstruct"].items:
        assert item.item.diagram is not None
        assert item.listed_under == sheet.same_statements.get(item.item.diagram, item.item.diagram)
        drawings = {d.id: d for d in sheet.diagrams()}
        listed = set(drawings[item.listed_under].statements)
        assert listed >= set(drawings[item.item.diagram].statements)
        assert item.listed_under not in sheet.same_statements


def test_a_statement_list_is_printed_once_and_later_figures_point_to_it() -> None:
    said = {tag: Choice(id=tag, text=f"Statement {tag}.") for tag in "ABCD"}

    def drawing(name: str, tags: str) -> Diagram:
        return Diagram(id=name, caption="", dot="digraph {}", statements=tuple(said[t] for t in tags))

    parts = [
        Part(kind="sort-by-side", title="One", instructions="", diagrams=(drawing("1", "ABC"),)),
        Part(
            kind="label-links",
            title="Two",
            instructions="",
            diagrams=(drawing("2", "AB"), drawing("3", "AD")),
        ),
    ]
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=parts)
    sheet = layout(ex)
    # Figure 2's statements are all under Figure 1; Figure 3 has one of its own (D).
    assert dict(sheet.same_statements) == {"2": "1"}
    page = worksheet_html(ex, svg=lambda dot: '<svg width="10pt" height="5pt"></svg>')
    assert page.count("Statement A.") == 2 and page.count("Statement B.") == 1
    assert "The statements are those listed under Figure 1." in page
    markdown = worksheet_markdown(ex)
    assert markdown.count("Statement B.") == 1 and "listed under Figure 1." in markdown
