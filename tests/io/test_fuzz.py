"""Every reader, fuzzed: mutated valid files give a result or argmap's own error, nothing else.

Each case starts from a valid file (a random map dumped as YAML or JSON, the
examples' exercise file and answers) and applies a few random edits: a slice
deleted, bytes of YAML/JSON syntax inserted, a line repeated or a character
replaced. Loading must then either succeed or raise an
:class:`~argmap.ArgmapError`; any other exception is a bug. The readers'
limits keep each attempt bounded.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.exercises import load_answers, load_exercise
from tests.conftest import ROOT
from tests.strategies import maps

EXAMPLE = ROOT / "examples" / "allied-space-cooperation" / "burden-sharing"
SYNTAX = list("[]{}:,-\"'&*!#|>%@`\\\n\t ") + [
    "\\u",
    "\\ud800",
    "1e999",
    "NaN",
    "- ",
    ": ",
    "&a ",
    "*a",
    "---\n",
]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["delete", "insert", "repeat", "replace"]))
        if action == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 40)) :]
        elif action == "insert":
            text = text[:i] + draw(st.sampled_from(SYNTAX)) + text[i:]
        elif action == "repeat":
            line_start = text.rfind("\n", 0, i) + 1
            line_end = text.find("\n", i)
            line = text[line_start : line_end + 1 if line_end >= 0 else len(text)]
            text = text[:line_start] + line * draw(st.integers(2, 5)) + text[line_start:]
        else:
            text = text[:i] + draw(st.characters(codec="utf-8")) + text[i + 1 :]
    return text


def survives(read: object, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        read(path)  # type: ignore[operator]
    except argmap.ArgmapError:
        pass


FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(data=st.data(), m=maps(), fmt=st.sampled_from(["yaml", "json"]))
def test_map_readers(tmp_path_factory: object, data: st.DataObject, m: argmap.ArgumentMap, fmt: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    survives(argmap.load, folder / f"m.{fmt}", data.draw(mutated(argmap.dumps(m, fmt))))  # type: ignore[arg-type]


@FUZZ
@given(data=st.data())
def test_exercise_reader(tmp_path_factory: object, data: st.DataObject) -> None:
    text = (EXAMPLE / "exercise.json").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    survives(load_exercise, folder / "exercise.json", data.draw(mutated(text)))


@FUZZ
@given(data=st.data(), name=st.sampled_from(["answers-ana.yaml", "answers-template.yaml"]))
def test_answers_reader(tmp_path_factory: object, data: st.DataObject, name: str) -> None:
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    survives(load_answers, folder / name, data.draw(mutated(text)))
