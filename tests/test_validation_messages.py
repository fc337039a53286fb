"""Validation problems speak plain words: no pydantic wording reaches a user (issue #15).

Every bad value a map, exercise or answer file can hold is reported as
``file:line:col: element: field: what is wrong`` in words a teacher
understands ("expected a list of ids, got the number 3"), never as pydantic's
"Input should be a valid tuple".
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap.cli import main
from argmap.errors import LoadError, MapError
from argmap.exercises.answers import load_answers
from argmap.exercises.files import load_exercise
from argmap.exercises.model import Exercise
from argmap.model import ArgumentMap
from argmap.validation import check_data
from tests.conftest import ROOT

# Phrases of pydantic's own messages and locations; none may reach a user.
PYDANTIC_WORDING = (
    "Input should be",
    "Extra inputs are not permitted",
    "Field required",
    "valid dictionary",
    "instance of",
    "Value error",
    "Assertion failed",
    "Unable to",
    "function-after",
    "tuple[",
    "[key]",
    "String should have",
    "input was not a valid JSON value",
    "Input tag",
)


def assert_plain(message: str) -> None:
    assert not [p for p in PYDANTIC_WORDING if p in message], message


HEAD = "id: m\ntitle: T\n"
NODES = HEAD + "nodes:\n  - id: a\n    kind: claim\n    text: A\n  - id: b\n    kind: claim\n    text: B\n"
#                       line 4: "  - id: a"       line 7: "  - id: b"
LINK = "links:\n  - id: l\n    kind: supports\n    source: a\n    target: b\n"
#        line 11: "  - id: l"; source on line 13, column 13

MAP_CASES: list[tuple[str, str, str, int, int, str]] = [
    # (case id, file name, content, line, column, the whole message after the position)
    ("title-a-list", "m.yaml", "id: m\ntitle: [a, b]\n", 2, 8, "title: expected text, got a list"),
    (
        "text-a-yes",
        "m.yaml",
        NODES.replace("text: B", "text: no"),
        9,
        11,
        "claim 'b': text: expected text, got false"
        " (YAML reads yes, no, on and off as true or false: put it in quotes to make it text)",
    ),
    (
        "merge-key",
        "m.yaml",
        "id: m\ntitle: T\nx: &b {k: 1}\ny:\n  <<: *b\n",
        5,
        3,
        "a merge key (<<) is not supported here: write the keys out",
    ),
    (
        "text-a-number",
        "m.yaml",
        NODES.replace("text: B", "text: 12"),
        9,
        11,
        "claim 'b': text: expected text, got the number 12 (put it in quotes to make it text)",
    ),
    (
        "nodes-a-number",
        "m.yaml",
        HEAD + "nodes: 3\n",
        3,
        8,
        "nodes: expected a list of nodes, got the number 3",
    ),
    (
        "node-a-text",
        "m.yaml",
        HEAD + "nodes:\n  - just a sentence\n",
        4,
        5,
        "node number 1: expected a node, got the text 'just a sentence'",
    ),
    (
        "sides-a-mapping",
        "m.yaml",
        HEAD + "sides: {pro: Pro}\n",
        3,
        8,
        "sides: expected a list of sides, got a mapping",
    ),
    (
        "opposes-a-number",
        "m.yaml",
        HEAD + "sides:\n  - id: s\n    name: S\n    opposes: 3\n",
        6,
        14,
        "side 's': opposes: expected a list of ids, got the number 3",
    ),
    (
        "opposes-holds-a-list",
        "m.yaml",
        HEAD + "sides:\n  - id: s\n    name: S\n    opposes: [[t]]\n",
        6,
        15,
        "side 's': opposes[0]: expected an id, got a list",
    ),
    (
        "source-a-number",
        "m.yaml",
        NODES + LINK.replace("source: a", "source: 7"),
        13,
        13,
        "supports link 'l': source: expected an id or a list of ids, got the number 7",
    ),
    (
        "source-a-mapping",
        "m.yaml",
        NODES + LINK.replace("source: a", "source: {a: 1}"),
        13,
        13,
        "supports link 'l': source: expected an id or a list of ids, got a mapping",
    ),
    (
        "premise-a-number",
        "m.yaml",
        NODES + LINK.replace("source: a", "source: [a, 7]"),
        13,
        17,
        "supports link 'l': source[1]: expected an id, got the number 7 (put it in quotes to make it text)",
    ),
    (
        "tags-a-text",
        "m.yaml",
        NODES.replace("text: A", "text: A\n    tags: phones"),
        7,
        11,
        "claim 'a': tags: expected a list of texts, got the text 'phones'",
    ),
    (
        "inferred-not-boolean",
        "m.yaml",
        NODES + LINK + "    inferred: perhaps\n",
        15,
        15,
        "supports link 'l': inferred: expected true or false, got the text 'perhaps'",
    ),
    (
        "strength-too-big",
        "m.yaml",
        NODES + LINK + "    strength: 2\n",
        15,
        15,
        "supports link 'l': strength: must be at most 1, got the number 2",
    ),
    (
        "strength-text",
        "m.json",
        json.dumps(
            {
                "id": "m",
                "title": "T",
                "nodes": [
                    {"id": "a", "kind": "claim", "text": "A"},
                    {"id": "b", "kind": "claim", "text": "B"},
                ],
                "links": [{"id": "l", "kind": "supports", "source": "a", "target": "b", "strength": "high"}],
            },
            indent=1,
        ),
        22,
        16,
        "supports link 'l': strength: expected a number, got the text 'high'",
    ),
    (
        "stance-misspelt",
        "m.yaml",
        HEAD + "nodes:\n  - {id: q, kind: issue, text: Q?}\n"
        "sides:\n  - id: s\n    name: S\n    stances: {q: agains}\n",
        8,
        18,
        "side 's': stances.q: expected one of: for, against, mixed, got the text 'agains';"
        " did you mean 'against'?",
    ),
    (
        "stances-a-list",
        "m.yaml",
        HEAD + "sides:\n  - id: s\n    name: S\n    stances: [for]\n",
        6,
        14,
        "side 's': stances: expected a mapping, got a list",
    ),
    (
        "anchor-start-text",
        "m.yaml",
        NODES.replace("text: A", "text: A\n    anchors: [{source: s, start: one, end: 4}]"),
        7,
        34,
        "claim 'a': anchors[0].start: expected a whole number, got the text 'one'",
    ),
    (
        "anchor-start-negative",
        "m.yaml",
        NODES.replace("text: A", "text: A\n    anchors: [{source: s, start: -1, end: 4}]"),
        7,
        34,
        "claim 'a': anchors[0].start: must be at least 0, got the number -1",
    ),
    (
        "anchor-a-number",
        "m.yaml",
        NODES.replace("text: A", "text: A\n    anchors: [3]"),
        7,
        15,
        "claim 'a': anchors[0]: expected an anchor, got the number 3",
    ),
    (
        "sections-a-text",
        "m.yaml",
        HEAD + "sources:\n  - id: s\n    title: S\n    sections: intro\n",
        6,
        15,
        "source 's': sections: expected a list of sections, got the text 'intro'",
    ),
    (
        "unknown-field-kept-hint",
        "m.yaml",
        NODES.replace("text: A", "txt: A"),
        6,
        5,
        "claim 'a': unknown field 'txt'; did you mean 'text'?",
    ),
    (
        "link-kind-a-mapping",  # an unhashable kind, read by the reference checks too
        "m.yaml",
        NODES + LINK.replace("kind: supports", "kind: {a: 1}"),
        12,
        11,
        """link 'l': unknown kind "{'a': 1}"; expected one of: supports, attacks, undercuts, contradicts,"""
        " equivalent",
    ),
    (
        "check-settings-a-text",
        "m.yaml",
        HEAD + "checks: AM101\n",
        3,
        9,
        "checks: expected check settings, got the text 'AM101'",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "line", "column", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in MAP_CASES],
)
def test_a_bad_map_value_is_located_in_plain_words(
    tmp_path: Path, name: str, content: str, line: int, column: int, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(LoadError) as err:
        argmap.load(path)
    said = [str(p) for p in err.value.problems]
    assert f"{path}:{line}:{column}: {message}" in said
    for text in said:
        assert_plain(text)


def test_the_command_line_says_the_same_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "nodes: 3\n", "utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3:8: nodes: expected a list of nodes, got the number 3" in err
    assert_plain(err)


def test_the_builder_speaks_plain_words() -> None:
    b = argmap.MapBuilder("m", "T")
    with pytest.raises(MapError) as err:
        b.claim("a", 12)  # type: ignore[arg-type]
        b.build()
    assert "text: expected text, got the number 12" in str(err.value)
    assert_plain(str(err.value))


# -- exercise files ---------------------------------------------------------------------

EXERCISE = ROOT / "tests" / "golden" / "exercises" / "school-phones-every-kind.exercise.json"


def line_col(text: str, needle: str) -> tuple[int, int]:
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


EXERCISE_CASES: list[tuple[str, str, str, str, str]] = [
    # (case id, text to replace once, replacement, where the problem points, the message)
    (
        "seed-a-text",
        '"seed": 1',
        '"seed": "one"',
        '"one"',
        "seed: expected a whole number, got the text 'one'",
    ),
    ("seed-fraction", '"seed": 1', '"seed": 1.5', "1.5", "seed: expected a whole number, got the number 1.5"),
    (
        "difficulty-too-high",
        '"difficulty": 2',
        '"difficulty": 9',
        "9,",
        "difficulty: must be at most 3, got the number 9",
    ),
    (
        "difficulty-zero",
        '"difficulty": 2',
        '"difficulty": 0',
        "0,",
        "difficulty: must be at least 1, got the number 0",
    ),
    ("version-wrong", '"version": 1', '"version": 2', "2,", "version: expected one of: 1, got the number 2"),
    (
        "scope-a-number",
        '"scope": []',
        '"scope": 4',
        "4,",
        "scope: expected a list of texts, got the number 4",
    ),
    (
        "parts-a-text",
        '"parts": [',
        '"parts": "none", "x": [',
        '"none"',
        "parts: expected a list of parts, got the text 'none'",
    ),
    (
        "answer-type-misspelt",
        '"answer_type": "choice"',
        '"answer_type": "choise"',
        '"choise"',
        "item 1: answer_type: expected one of: choice, choices, links, got the text 'choise';"
        " did you mean 'choice'?",
    ),
    (
        "points-a-text",
        '"points": 1',
        '"points": "one"',
        '"one"',
        "item 1: points: expected a whole number, got the text 'one'",
    ),
    (
        "choices-a-text",
        '"choices": [\n            {\n              "id": "',
        '"choices": "U", "c": [\n            {\n              "id": "',
        '"U", "c"',
        "item 1: choices: expected a list of choices, got the text 'U'",
    ),
    (
        "statements-a-number",
        '"statements": []',
        '"statements": 3',
        "3,",
        "part #1: diagrams[0].statements: expected a list of choices, got the number 3",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in EXERCISE_CASES],
)
def test_a_bad_exercise_value_is_located_in_plain_words(
    tmp_path: Path, old: str, new: str, at: str, message: str
) -> None:
    text = EXERCISE.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "ex.json"
    path.write_text(text, "utf-8")
    line, column = line_col(text, at)
    with pytest.raises(LoadError) as err:
        load_exercise(path)
    said = [str(p) for p in err.value.problems]
    assert f"{path}:{line}:{column}: {message}" in said
    for each in said:
        assert_plain(each)


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        pytest.param(
            "answers: 3\n",
            1,
            10,
            "answers: expected item numbers with their answers, not text",
            id="answers-a-number",
        ),
        pytest.param(
            "student: [Ana]\nanswers: {1: B}\n",
            1,
            10,
            "student: expected a name, not a list",
            id="student-a-list",
        ),
        pytest.param(
            "answers: {1: B}\nanwsers: {}\n",
            2,
            1,
            "unknown field 'anwsers'; did you mean 'answers'?",
            id="misspelt",
        ),
    ],
)
def test_a_bad_answer_file_is_located_in_plain_words(
    tmp_path: Path, content: str, line: int, column: int, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(LoadError) as err:
        load_answers(path)
    said = [str(p) for p in err.value.problems]
    assert f"{path}:{line}:{column}: {message}" in said
    for each in said:
        assert_plain(each)


# -- every value replaced by a wrong one: never pydantic's words -------------------------

WRONG: list[Any] = [1.5, -3, True, None, "", [1], {"a": 1}, 10**30, float("nan")]


def paths(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the data, taking the first two entries of each list."""
    found = [at] if at else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:2]):
            found += paths(value, (*at, index))
    return found


def replaced(data: Any, at: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(data)
    holder = out
    for part in at[:-1]:
        holder = holder[part]
    holder[at[-1]] = value
    return out


@pytest.mark.parametrize(
    ("model", "data"),
    [
        pytest.param(
            ArgumentMap,
            yaml.safe_load((ROOT / "corpora" / "school-phones" / "map.yaml").read_text()),
            id="map",
        ),
        pytest.param(Exercise, json.loads(EXERCISE.read_text("utf-8")), id="exercise"),
    ],
)
def test_no_wrong_value_anywhere_gets_pydantic_words(model: type[Any], data: Any) -> None:
    if model is ArgumentMap:  # the map path fills link ids first
        data = {
            **data,
            "links": [dict(link, id=link.get("id", f"l{i}")) for i, link in enumerate(data["links"])],
        }
    said: set[str] = set()
    for at in paths(data)[:300:2]:
        for wrong in WRONG:
            _, problems = check_data(model, replaced(data, at, wrong))
            said.update(p.message for p in problems)
    assert len(said) > 100
    assert [m for m in said if any(p in m for p in PYDANTIC_WORDING)] == []
