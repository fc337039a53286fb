"""Golden worksheets: the same exercise prints the same bytes, release after release.

One exercise of every kind from the school-phones corpus (which ships its
source text, so locate is in). Markdown needs no layout engine; the HTML is
made with a stand-in layout that writes a fingerprint of each diagram's DOT,
so that the page's own bytes are compared without Graphviz's. After an
intended change, refresh with ``ARGMAP_UPDATE_GOLDEN=1 make pytest`` and
review the diff.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap.exercises import KINDS, Exercise, generate, to_gift, worksheet_html, worksheet_markdown

GOLDEN = Path(__file__).parent.parent / "golden" / "exercises"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


def fingerprint(dot: str) -> str:
    digest = hashlib.sha256(dot.encode("utf-8")).hexdigest()[:16]
    return f'<svg width="400pt" height="300pt"><desc>{digest}</desc></svg>'


def every_kind() -> Exercise:
    return generate(argmap.load_corpus("school-phones"), sorted(KINDS), seed=1, difficulty=2)


OUTPUTS: dict[str, Callable[[Exercise], str]] = {
    "worksheet.md": lambda ex: worksheet_markdown(ex),
    "key.md": lambda ex: worksheet_markdown(ex, key=True),
    "worksheet.html": lambda ex: worksheet_html(ex, svg=fingerprint),
    "key.html": lambda ex: worksheet_html(ex, key=True, svg=fingerprint),
    "quiz.gift": to_gift,
    "exercise.json": lambda ex: ex.to_json(),
}


# The exercise itself needs a layout: a whole-debate figure too wide to read is split by issue.
@pytest.mark.needs_engine
@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_golden_worksheet(name: str) -> None:
    text = OUTPUTS[name](every_kind())
    path = GOLDEN / f"school-phones-every-kind.{name}"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.is_file(), f"{path} is missing: run with ARGMAP_UPDATE_GOLDEN=1 to create it"
    assert text.encode("utf-8") == path.read_bytes(), f"{name} differs (ARGMAP_UPDATE_GOLDEN=1 refreshes)"


def test_the_golden_exercise_has_every_kind() -> None:
    assert [part.kind for part in every_kind().parts] == sorted(KINDS)
