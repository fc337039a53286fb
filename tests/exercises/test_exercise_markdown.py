"""The Markdown worksheet and answer key (argmap.exercises.markdown)."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.exercises import generate
from argmap.exercises.markdown import md_escape, worksheet_markdown
from argmap.exercises.model import Diagram, Exercise, Part
from tests.exercises.test_exercise_html import NASTY, handmade


@pytest.mark.parametrize("key", [False, True])
def test_markdown_is_deterministic_and_ends_in_one_newline(key: bool) -> None:
    text = worksheet_markdown(handmade(), key=key)
    assert text == worksheet_markdown(handmade(), key=key)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_every_item_choice_sentence_and_diagram_appears() -> None:
    ex = handmade()
    text = worksheet_markdown(ex)
    for part in ex.parts:
        assert md_escape(part.title) in text and md_escape(part.instructions) in text
        for item in part.items:
            assert f"**{item.id}.** {md_escape(item.prompt)}" in text
            for choice in item.choices:
                assert f"**{md_escape(choice.id)}**" in text and md_escape(choice.text) in text
        for sentence in part.sentences:
            assert f"**{sentence.id}** {md_escape(sentence.text)}" in text
        for d in part.diagrams:
            assert f"```dot\n{d.dot.rstrip()}\n```" in text
            assert f"**Figure {d.id}: {md_escape(d.caption)}**" in text


def test_the_worksheet_gives_nothing_away_and_the_key_has_it_all() -> None:
    ex = handmade("plain")
    sheet = worksheet_markdown(ex)
    key = worksheet_markdown(ex, key=True)
    assert "answer key" not in sheet.lower() and "EXPLAIN" not in sheet and "✓" not in sheet
    assert "**ANSWER KEY: for the teacher; do not hand out.**" in key
    for item in ex.items:
        assert f"> *Why:* {item.explanation}" in key
        if item.answer_type == "links":
            for n, link in enumerate(item.key_links, start=1):
                assert f"| {n} | {link.source} | {link.kind} | {link.target} |" in key
        else:
            assert f"**{md_escape(item.key_text)}**" in key
    assert "Any one of these is right." in key
    # The links item gets one blank row per node on the worksheet.
    assert sheet.count("| | | |") == 3


def test_markup_in_user_text_stays_literal() -> None:
    text = worksheet_markdown(handmade())
    body = re.sub(r"```dot\n.*?\n```", "", text, flags=re.DOTALL)
    # Every <, > and & is backslash-escaped, so no renderer reads a tag or an entity.
    assert not re.search(r"(?<!\\)[<>&]", body)
    assert "\\<script\\>alert('x')\\</script\\> \\& \\~=\\#{}:\\\\" in body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("12) not a list", "12\\) not a list"),
        ("two\nlines", "two lines"),
        ("&amp; [link](x)", "\\&amp; \\[link\\](x)"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_a_dot_text_with_backticks_gets_a_longer_fence() -> None:
    part = Part(
        kind="reconstruct",
        title="T",
        instructions="",
        diagrams=(Diagram(id="d", caption="c", dot="a ``` b"),),
    )
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=(part,))
    assert "````dot\na ``` b\n````" in worksheet_markdown(ex)


def test_a_real_worksheet() -> None:
    ex = generate(argmap.load_corpus("allied-space-cooperation"), "sort-by-side", issues=["burden-sharing"])
    sheet = worksheet_markdown(ex)
    assert sheet.startswith(f"# {md_escape(ex.title)}\n")
    assert sheet.count("Answer: \\_") == len(ex.items)
    assert "```dot\ndigraph" in sheet
    assert NASTY not in sheet
