"""Moodle XML export (argmap.exercises.moodle), checked strictly against Moodle's XML question format."""

from __future__ import annotations

import base64
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

import argmap
from argmap.exercises import KINDS, generate
from argmap.exercises.gift import _skip_reason
from argmap.exercises.model import Choice, Exercise, Item, Part
from argmap.exercises.moodle import to_moodle_xml
from tests.exercises.test_exercise_html import NASTY, handmade, needs_engine

PNG = b"\x89PNG\r\n\x1a\n"
# Moodle's grade options (question/engine/lib.php's fraction list), as percentages.
GRADES = {
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25",
    "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
}  # fmt: skip
PLUGINFILE = re.compile(r'src="@@PLUGINFILE@@/([^"]+)"')


def fake_png(dot: str) -> bytes:
    """A stand-in drawing: the PNG signature and the DOT text, so each diagram gives its own bytes."""
    return PNG + dot.encode("utf-8")


def quiz_items(ex: Exercise) -> list[Item]:
    fit: list[Item] = []
    for part in ex.parts:
        registered = KINDS.get(part.kind)
        if registered is not None and not registered.quiz:
            continue
        fit.extend(item for item in part.items if _skip_reason(item) is None)
    return fit


def text_of(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.text or ""


def check_moodle_xml(text: str, ex: Exercise) -> list[ET.Element]:
    """Check ``text`` strictly as Moodle's XML question format; return its multichoice questions."""
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions and questions[0].get("type") == "category"
    assert text_of(questions[0], "category/text").startswith("$course$/top/")
    assert {q.get("type") for q in questions[1:]} <= {"multichoice"}
    items = quiz_items(ex)
    assert [text_of(q, "name/text") for q in questions[1:]] == [f"Q{i.id}" for i in items]
    for question, item in zip(questions[1:], items, strict=True):
        qtext = question.find("questiontext")
        assert qtext is not None and qtext.get("format") == "html"
        body = text_of(qtext, "text")
        files = qtext.findall("file")
        # every file is referenced by the question text, and every reference has its file
        assert sorted(PLUGINFILE.findall(body)) == sorted(f.get("name", "") for f in files)
        assert len(files) == (1 if item.diagram else 0)
        for f in files:
            assert f.get("path") == "/" and f.get("encoding") == "base64"
            assert re.fullmatch(r"[0-9A-Za-z._-]+\.png", f.get("name", ""))
            assert base64.b64decode(f.text or "", validate=True).startswith(PNG)
        assert "worksheet" not in body
        single = text_of(question, "single")
        assert single == ("true" if item.answer_type == "choice" else "false")
        assert text_of(question, "shuffleanswers") == "true"
        assert float(text_of(question, "defaultgrade")) == item.points
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "generalfeedback"):
            element = question.find(tag)
            assert element is not None and element.get("format") == "html"
        answers = question.findall("answer")
        assert len(answers) == len(item.choices)
        fractions = [a.get("fraction", "") for a in answers]
        assert all(f.removeprefix("-") in GRADES for f in fractions), fractions
        right = [float(f) for f in fractions if float(f) > 0]
        if single == "true":
            assert max(right) == 100 and all(float(f) >= 0 for f in fractions)
        else:
            assert sum(right) == pytest.approx(100, abs=0.01)
            assert all(float(f) in (-100.0,) for f in fractions if float(f) <= 0)
        for answer, choice in zip(answers, item.choices, strict=True):
            assert answer.get("format") == "html"
            shown = html.unescape(text_of(answer, "text"))
            assert shown == " ".join((choice.text or choice.id).split())
            feedback = answer.find("feedback")
            assert feedback is not None and feedback.get("format") == "html"
            said = html.unescape(text_of(feedback, "text"))
            # feedback names the option by its text (Moodle shuffles and hides letters)
            assert f"“{shown}”" in said
            assert said.startswith(("Right", "Yes") if choice.id in item.key else "Not ")
    return questions[1:]


def corpus_exercises() -> list[tuple[str, Exercise]]:
    phones = argmap.load_corpus("school-phones")
    allied = argmap.load_corpus("allied-space-cooperation")
    quiz_kinds = [k for k, kind in KINDS.items() if kind.quiz and k != "locate"]
    return [
        ("phones every quiz kind", generate(phones, quiz_kinds, seed=3, difficulty="easy")),
        ("phones hard", generate(phones, ["sort-by-side", "label-links"], seed=8, difficulty="hard")),
        ("allied", generate(allied, ["sort-by-side", "match-principles"], issues=["burden-sharing"])),
    ]


@pytest.mark.parametrize(("name", "ex"), corpus_exercises(), ids=[n for n, _ in corpus_exercises()])
def test_corpus_quizzes_pass_the_strict_check(name: str, ex: Exercise) -> None:
    text = to_moodle_xml(ex, draw=fake_png)
    questions = check_moodle_xml(text, ex)
    assert questions
    assert text == to_moodle_xml(ex, draw=fake_png)


@needs_engine
def test_a_corpus_quiz_embeds_real_drawings_of_each_questions_diagram() -> None:
    ex = corpus_exercises()[0][1]
    text = to_moodle_xml(ex)
    questions = check_moodle_xml(text, ex)
    by_item = {i.id: i for i in quiz_items(ex)}
    diagrams = {d.id: d for part in ex.parts for d in part.diagrams}
    for question in questions:
        item = by_item[text_of(question, "name/text").removeprefix("Q")]
        assert item.diagram is not None
        data = base64.b64decode(text_of(question, "questiontext/file"))
        assert data.startswith(PNG) and len(data) > 1000
        # the image is that question's own diagram: the same drawing as the diagram drawn alone
        alone = to_moodle_xml(_one_item(ex, item.id))
        assert text_of(ET.fromstring(alone.encode())[1], "questiontext/file") == text_of(
            question, "questiontext/file"
        )
        assert diagrams[item.diagram].dot
    assert text == to_moodle_xml(ex)


def _one_item(ex: Exercise, item_id: str) -> Exercise:
    parts = [
        part.model_copy(update={"items": [i for i in part.items if i.id == item_id]})
        for part in ex.parts
        if any(i.id == item_id for i in part.items)
    ]
    return ex.model_copy(update={"parts": parts})


def test_special_characters_come_out_as_written() -> None:
    ex = handmade()
    text = to_moodle_xml(ex, draw=fake_png)
    questions = check_moodle_xml(text, ex)
    body = html.unescape(text_of(questions[0], "questiontext/text"))
    assert f"Who holds B {NASTY}?" in body
    # no markup from the map survives as markup: the only tags are the writer's own
    raw = text_of(questions[0], "questiontext/text")
    assert set(re.findall(r"<(/?\w+)", raw)) <= {"p", "/p", "img", "br"}


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufffe", "\ud800"])
def test_control_characters_never_reach_the_xml(bad: str) -> None:
    # An exercise file may hold what a map may not: build the exercise itself.
    choices = [Choice(id="A", text=f"a{bad}b"), Choice(id="B", text="c")]
    item = Item(id="1", prompt=f"Who{bad}?", choices=choices, key=["A"], explanation=f"x{bad}y")
    part = Part(kind="sort-by-side", title="P", instructions="", items=[item])
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
    text = to_moodle_xml(ex, draw=fake_png)
    assert bad not in text
    root = ET.fromstring(text.encode("utf-8"))
    assert [html.unescape(a.findtext("text") or "") for a in root.iter("answer")] == ["ab", "c"]


def test_feedback_never_cites_an_option_by_a_letter_moodle_does_not_show() -> None:
    phones = argmap.load_corpus("school-phones")
    ex = generate(phones, ["match-principles", "sort-by-side"], seed=3, difficulty="easy")
    questions = check_moodle_xml(to_moodle_xml(ex, draw=fake_png), ex)
    for question, item in zip(questions, quiz_items(ex), strict=True):
        general = html.unescape(text_of(question, "generalfeedback/text"))
        part = next(p for p in ex.parts if item in p.items)
        shown = {s.id for d in part.diagrams if d.id == item.diagram for s in d.statements}
        cited = {c.id for c in item.choices if c.id not in shown} & set(re.findall(r"[\w’']+", general))
        assert not cited, (item.id, general)


def test_a_diagram_is_named_as_the_one_the_quiz_shows() -> None:
    ex = generate(argmap.load_corpus("school-phones"), "fill-gap", seed=3, difficulty="easy")
    draw: Callable[[str], bytes] = fake_png
    for question in check_moodle_xml(to_moodle_xml(ex, draw=draw), ex):
        body = html.unescape(text_of(question, "questiontext/text"))
        assert not re.search(r"\b[Dd]iagram d\d", body)
        assert "the diagram" in body.lower()
