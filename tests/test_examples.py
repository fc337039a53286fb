"""The teacher's workflow in examples/: its files are what argmap makes today.

The worksheets and keys (HTML) hold SVG laid out by Graphviz, whose bytes
may differ between Graphviz versions: they are checked for content, not
bytes. Exercise files, quizzes and answer templates must match byte for
byte; after an intended change, `make examples` refreshes them.
"""

from __future__ import annotations

from html import escape

import pytest

import argmap
from argmap.exercises import answers_template, generate, grade, load_answers, load_exercise, to_gift
from argmap.exercises.layout import layout
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "allied-space-cooperation"
ALLIED = argmap.load_corpus("allied-space-cooperation")
CONTROVERSIES = [n.id for n in ALLIED.issues if "controversy" in n.tags]
# As in the Makefile's `examples` target.
KINDS = ["sort-by-side", "label-links", "match-principles", "fill-gap"]


def test_there_is_a_worksheet_for_every_controversy() -> None:
    assert len(CONTROVERSIES) == 7
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted(CONTROVERSIES)


@pytest.mark.parametrize("issue", CONTROVERSIES)
def test_example_files_are_up_to_date(issue: str) -> None:
    folder = EXAMPLES / issue
    ex = generate(ALLIED, KINDS, seed=1, difficulty=2, issues=[issue], skip_unfit=True)
    assert (folder / "exercise.json").read_text("utf-8") == ex.to_json()
    assert (folder / "quiz.gift").read_text("utf-8") == to_gift(ex)
    assert (folder / "answers-template.yaml").read_text("utf-8") == answers_template(ex)
    sheet = (folder / "worksheet.html").read_text("utf-8")
    key = (folder / "key.html").read_text("utf-8")
    for item in ex.items:
        assert f'id="item-{item.id}"' in sheet and f'id="item-{item.id}"' in key
        if item.explanation:
            assert escape(item.explanation) in key and escape(item.explanation) not in sheet
    assert "ANSWER KEY" in key and "ANSWER KEY" not in sheet.upper()
    # every figure is drawn, but once: one drawn like an earlier one is a line pointing to it
    repeated = layout(ex).same_drawing
    assert sheet.count("<svg") == sum(len(p.diagrams) for p in ex.parts) - len(repeated)
    assert sheet.count('<p class="same-drawing">') == len(repeated)


def test_the_template_loads_back_with_every_item_unanswered() -> None:
    folder = EXAMPLES / "burden-sharing"
    result = grade(load_exercise(folder / "exercise.json"), load_answers(folder / "answers-template.yaml"))
    assert {r.status for r in result.items} == {"unanswered"} and result.score == 0


def test_the_sample_students_answers_grade_as_the_readme_says() -> None:
    folder = EXAMPLES / "burden-sharing"
    path = folder / "answers-ana.yaml"
    result = grade(load_exercise(folder / "exercise.json"), load_answers(path))
    statuses = {r.item_id: r.status for r in result.items if r.status != "right"}
    assert statuses == {"2": "wrong", "7": "invalid", "12": "unanswered"}
    assert (result.score, result.points) == (11, 14)
    (note,) = result.notes
    assert str(note).startswith(f"{path}:12:6: item 7: 'atacks' is not one of the choices")
    assert "did you mean 'attacks'?" in str(note)
