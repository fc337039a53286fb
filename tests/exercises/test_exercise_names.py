"""One set of names per worksheet: figures numbered through it, letters that name one thing each."""

from __future__ import annotations

import re
from collections import defaultdict
from html import unescape

import pytest

import argmap
from argmap.exercises import KINDS, generate, worksheet_html, worksheet_markdown
from argmap.exercises.model import Exercise

ALL_KINDS = [k for k in KINDS if k != "locate"]


def worksheets() -> list[tuple[str, Exercise]]:
    phones = argmap.load_corpus("school-phones")
    allied = argmap.load_corpus("allied-space-cooperation")
    return [
        ("phones every kind", generate(phones, ALL_KINDS, seed=3, difficulty="easy")),
        (
            "phones hard",
            generate(phones, ["fill-gap", "find-flaw", "reconstruct"], seed=5, difficulty="hard"),
        ),
        (
            "allied",
            generate(allied, ["sort-by-side", "match-principles", "fill-gap"], issues=["burden-sharing"]),
        ),
        (
            "make demo",
            generate(
                allied,
                ["sort-by-side", "label-links", "match-principles", "fill-gap"],
                issues=["burden-sharing"],
                seed=1,
                difficulty=2,
            ),
        ),
    ]


@pytest.mark.parametrize(("name", "ex"), worksheets(), ids=[n for n, _ in worksheets()])
def test_figures_are_numbered_through_the_worksheet(name: str, ex: Exercise) -> None:
    ids = [d.id for part in ex.parts for d in part.diagrams]
    assert len(ids) > 1
    # every figure number names one figure, numbered 1, 2, ... in order
    assert ids == [str(n) for n in range(1, len(ids) + 1)]
    for part in ex.parts:
        own = {d.id for d in part.diagrams}
        for item in part.items:
            assert item.diagram is None or item.diagram in own
            cited = set(re.findall(r"\bFigure ([0-9]+)\b", item.prompt))
            assert cited <= ({item.diagram} if item.diagram else set()), (item.id, item.prompt)
            assert not re.search(r"\b[Dd]iagram d[0-9]", item.prompt)


@pytest.mark.parametrize(("name", "ex"), worksheets(), ids=[n for n, _ in worksheets()])
def test_every_letter_names_one_element_across_the_worksheet(name: str, ex: Exercise) -> None:
    named: dict[str, set[str]] = defaultdict(set)
    for part in ex.parts:
        for drawing in part.diagrams:
            for statement in drawing.statements:
                named[statement.id].add(" ".join(statement.text.split()))
    assert named
    assert {tag: texts for tag, texts in named.items() if len(texts) > 1} == {}
    # a side's or a principle's letter names no drawn node, and the same choice has one letter
    by_text: dict[str, set[str]] = defaultdict(set)
    for part in ex.parts:
        if part.kind in ("sort-by-side", "match-principles"):
            for item in part.items:
                for choice in item.choices:
                    by_text[choice.text].add(choice.id)
                    if part.kind == "sort-by-side":
                        assert choice.id not in named, (choice.id, choice.text)
    assert all(len(ids) == 1 for ids in by_text.values())
    assert bool(by_text) == any(p.kind in ("sort-by-side", "match-principles") for p in ex.parts)


# a figure's caption, or the line that stands for a figure drawn exactly like an earlier one
CAPTION = re.compile(r'(?:<figcaption>|<p class="same-drawing">)Figure ([0-9]+):')
STATEMENT = re.compile(r'<li><span class="tag">([^<]+)</span> ([^<]*)</li>')
MD_CAPTION = re.compile(r"^\*\*Figure ([0-9]+):", re.MULTILINE)
MD_STATEMENT = re.compile(r"^- \*\*([A-Z]{1,2})\*\*:? (.*)$", re.MULTILINE)
# a letter quoted with its statement in a prompt or an explanation: ``B (“Alpha…”)`` or ``B: “Alpha…”``
QUOTED = re.compile(r"\b([A-Z]{1,2})(?: \(|: )“([^”]+)”")


def flat(text: str) -> str:
    return " ".join(unescape(text).split())


@pytest.mark.parametrize(("name", "ex"), worksheets(), ids=[n for n, _ in worksheets()])
def test_the_printed_worksheet_and_its_key_number_figures_once_and_letter_each_thing_once(
    name: str, ex: Exercise
) -> None:
    sheet, key = worksheet_html(ex), worksheet_html(ex, key=True)
    # every figure is captioned once, numbered 1, 2, ... through all the parts, the same in the key
    numbers = CAPTION.findall(sheet)
    assert len(numbers) > 1 and numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert CAPTION.findall(key) == numbers
    # a letter listed under any figure or among the choices, in the sheet or the key, names one
    # statement (a principle among choices is listed with its name in front: "Fairness: ...").
    # Link tags (L1, L2...) name the links of one figure: each figure tags its own.
    listed: dict[str, set[str]] = defaultdict(set)
    for page in (sheet, key):
        for tag, text in STATEMENT.findall(page):
            if not re.fullmatch(r"L[0-9]+", tag):
                listed[flat(tag)].add(flat(text))
    named = {
        tag: {t for t in texts if not any(t.endswith(f": {u}") for u in texts if u != t)}
        for tag, texts in listed.items()
    }
    assert named
    assert {tag: texts for tag, texts in named.items() if len(texts) > 1} == {}
    # and every prompt and key explanation quotes a letter with that same statement
    quoted = 0
    for item in ex.items:
        for text in (item.prompt, item.explanation):
            for letter, opening in QUOTED.findall(text):
                if letter in named:
                    quoted += 1
                    (statement,) = named[letter]
                    assert statement.startswith(flat(opening).rstrip("…").rstrip()), (item.id, letter, text)
    # the Markdown sheet and key number the same figures and list the same letters
    for page in (worksheet_markdown(ex), worksheet_markdown(ex, key=True)):
        assert MD_CAPTION.findall(page) == numbers
        listed_md = MD_STATEMENT.findall(page)
        assert {tag for tag, _ in listed_md} == {t for t in named if re.fullmatch(r"[A-Z]{1,2}", t)}
        for tag, text in listed_md:
            shown = flat(re.sub(r"\\(.)", r"\1", text)).removesuffix(" ✓")  # the key's mark
            assert any(shown == t or shown.endswith(f": {t}") for t in named[tag]), (tag, shown)
    # sort-by-side and label-links quote statements in every prompt
    assert (quoted > 0) == any(p.kind in ("sort-by-side", "label-links") for p in ex.parts)


@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_no_diagram_gives_away_what_its_items_ask(difficulty: int) -> None:
    phones = argmap.load_corpus("school-phones")
    sides = [s.name for s in phones.sides]
    assert any(link.concession for link in phones.links)
    ex = generate(phones, ["sort-by-side", "label-links"], seed=3, difficulty=difficulty)
    for part in ex.parts:
        for drawing in part.diagrams:
            # who holds what (sort-by-side), and what a link does (label-links: a link
            # within a side supports, across sides attacks) are not drawn
            assert "concedes" not in drawing.dot
            assert not [name for name in sides if name in drawing.dot]
