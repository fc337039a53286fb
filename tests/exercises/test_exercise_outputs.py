"""What an exercise is written to, chosen by the library rather than by the command line."""

from __future__ import annotations

import pytest

import argmap
from argmap.errors import ExerciseError
from argmap.exercises import generate, grade_maps, worksheet_html, worksheet_markdown
from argmap.exercises.outputs import OUTPUTS, exercise_outputs, starter_map, worksheet_format
from argmap.io.native import loads

PHONES = argmap.load_corpus("school-phones")


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.html", "html"), ("A.HTM", "html"), ("dir.x/b.md", "markdown"), ("k.PDF", "pdf")]
)
def test_a_worksheet_format_is_chosen_by_suffix(name: str, fmt: str) -> None:
    assert worksheet_format(name) == fmt


@pytest.mark.parametrize(("name", "found"), [("sheet.docx", "'.docx'"), ("sheet", "'no suffix'")])
def test_a_suffix_argmap_does_not_write_is_refused(name: str, found: str) -> None:
    with pytest.raises(ExerciseError, match=f"write a worksheet as .html, .md or .pdf, not {found}"):
        worksheet_format(name)


def test_outputs_come_in_one_order_whatever_order_they_are_asked_in() -> None:
    ex = generate(PHONES, "sort-by-side", seed=2)
    paths = {name: f"out.{name}" for name in reversed(OUTPUTS) if name not in ("worksheet", "key")}
    paths |= {"key": "key.md", "worksheet": "sheet.md", "starter": "start.json"}
    texts = exercise_outputs(ex, paths, source=PHONES)
    assert list(texts) == list(OUTPUTS)
    assert texts["worksheet"] == worksheet_markdown(ex)
    assert texts["key"] == worksheet_markdown(ex, key=True)
    assert texts["json"] == ex.to_json()
    assert texts["starter"].lstrip().startswith("{")


def test_an_html_worksheet_is_the_html_writer_s() -> None:
    ex = generate(PHONES, "locate", seed=2)  # no diagram: no layout engine needed
    assert exercise_outputs(ex, {"key": "k.html"})["key"] == worksheet_html(ex, key=True)


def test_a_starter_needs_the_map_it_was_made_from() -> None:
    ex = generate(PHONES, "sort-by-side", seed=2)
    with pytest.raises(ExerciseError, match="needs the map"):
        exercise_outputs(ex, {"starter": "s.yaml"})


def test_the_starter_of_a_scope_is_its_nodes_without_links_and_grades_to_nothing_matched() -> None:
    ex = generate(PHONES, "reconstruct", seed=1, issues=["lunch"])
    start = loads(exercise_outputs(ex, {"starter": "s.yaml"}, source=PHONES)["starter"], "yaml")
    assert start == starter_map(PHONES, statements=ex.items[0].elements)
    assert start.links == () and {n.id for n in start.nodes} < {n.id for n in PHONES.nodes}
    assert grade_maps(PHONES, start).matched == ()


def test_a_starter_without_a_reconstruct_part_is_the_scope_s_map() -> None:
    ex = generate(PHONES, "sort-by-side", seed=1, issues=["lunch"])
    start = loads(exercise_outputs(ex, {"starter": "s.yaml"}, source=PHONES)["starter"], "yaml")
    assert start == starter_map(PHONES, ["lunch"])
