from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import LoadError
from argmap.exercises import generate
from argmap.exercises.answers import Answers, key_answers, load_answers, normalize_item_id
from argmap.exercises.files import dump_exercise, load_exercise
from argmap.exercises.grading import grade
from argmap.exercises.model import Exercise
from argmap.exercises.template import answers_template
from tests.exercises.test_exercise_grading import exercise


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def generated() -> Exercise:
    return generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=5, difficulty=3)


# -- exercises ----------------------------------------------------------------------


@pytest.mark.parametrize("make", [exercise, generated])
def test_dump_and_load_round_trip(make: object) -> None:
    ex = make()  # type: ignore[operator]
    dump_exercise(ex, "ex.json")
    assert Path("ex.json").read_text(encoding="utf-8") == ex.to_json()
    assert load_exercise("ex.json") == ex
    dump_exercise(load_exercise("ex.json"), "again.json")
    assert Path("again.json").read_bytes() == Path("ex.json").read_bytes()


def test_an_exercise_may_be_yaml() -> None:
    import yaml

    ex = exercise()
    write("ex.yaml", yaml.safe_dump(ex.model_dump(mode="json"), sort_keys=False))
    assert load_exercise("ex.yaml") == ex


def broken(edit: str, old: str, new: str) -> str:
    """The hand-made exercise's JSON with one edit."""
    text = exercise().to_json()
    assert text.count(old) >= 1, old
    return write(edit, text.replace(old, new, 1))


def line_col(text: str, needle: str) -> str:
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_not_json() -> None:
    write("ex.json", '{\n  "format": "argmap-exercise",\n  "title": oops\n}\n')
    with pytest.raises(LoadError, match=r"^ex\.json:3:12: JSON syntax error: expected a value, found 'o'$"):
        load_exercise("ex.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{\n  "format": "argmap-map"\n}',
            r"^ex\.json:2:13: not an argmap exercise: format is 'argmap-map',",
        ),
        (
            '{\n  "id": "m", "title": "T", "nodes": []\n}',
            r"^ex\.json:1:1: not an argmap exercise: this looks like an",
        ),
        ('{"title": "T"}', r"^ex\.json:1:1: not an argmap exercise: it has no 'format: argmap-exercise'$"),
        ("[1, 2]", r"^ex\.json:1:1: not an argmap exercise: the file is a list$"),
        ("", r"^ex\.json:1:1: not an argmap exercise: the file is empty$"),
    ],
)
def test_not_an_exercise(text: str, message: str) -> None:
    write("ex.json", text)
    with pytest.raises(LoadError, match=message):
        load_exercise("ex.json")


def test_an_invalid_item_is_located_and_named() -> None:
    path = broken("ex.json", '"key": [\n            "B"', '"key": [\n            "Z"')
    at = line_col(Path(path).read_text(), '"id": "2"')
    line, _ = at.split(":")
    with pytest.raises(
        LoadError, match=rf"^ex\.json:{int(line) - 1}:\d+: item 2: key 'Z' is not one of its choices$"
    ):
        load_exercise(path)


def test_an_unknown_field_gets_a_hint_at_its_key() -> None:
    path = broken("ex.json", '"prompt": "Which node', '"promt": "Which node')
    at = line_col(Path(path).read_text(), '"promt"')
    with pytest.raises(
        LoadError, match=rf"(?m)^ex\.json:{at}: item 2: unknown field 'promt'; did you mean 'prompt'\?$"
    ):
        load_exercise(path)


@pytest.mark.parametrize("field", ["choices", "statements"])
def test_an_unknown_field_deep_in_a_part_is_hinted_from_its_own_model(field: str) -> None:
    ex = generate(argmap.load_corpus("school-phones"), "reconstruct", seed=1)
    data = ex.model_dump(mode="json")
    entries = data["parts"][0]["items"][0] if field == "choices" else data["parts"][0]["diagrams"][0]
    entries[field][0]["txt"] = entries[field][0].pop("text")
    path = write("ex.json", json.dumps(data, indent=2))
    # "text" is a field of the choice (or statement), not of the exercise ("notes", "title"...)
    with pytest.raises(LoadError, match=r"unknown field 'txt'; did you mean 'text'\?"):
        load_exercise(path)


def test_a_bad_field_value_names_the_field_inside_the_item() -> None:
    path = broken("ex.json", '"kind": "attacks",\n', '"kind": "rebuts",\n')
    text = Path(path).read_text()
    at = line_col(text, '"rebuts"')
    with pytest.raises(
        LoadError,
        match=rf"^ex\.json:{at}: item 4: key_links\[1\]\.kind: expected one of: supports, attacks, undercuts",
    ) as err:
        load_exercise(path)
    assert err.value.element == "item 4"
    assert err.value.problems[0].loc == ("parts", 2, "items", 0, "key_links", 1, "kind")


def test_a_bad_top_level_value() -> None:
    path = broken("ex.json", '"difficulty": 1', '"difficulty": 7')
    at = line_col(Path(path).read_text(), "7,")
    with pytest.raises(LoadError, match=rf"^ex\.json:{at}: difficulty: must be at most 3, got the number 7$"):
        load_exercise(path)


def test_an_unreadable_exercise_file() -> None:
    with pytest.raises(LoadError, match=r"^nothing\.json: cannot read file"):
        load_exercise("nothing.json")


# -- answers --------------------------------------------------------------------------


def test_load_answers_yaml() -> None:
    text = (
        "student: Ana Silva        # optional\n"
        "answers:\n"
        "  1: supports\n"
        "  2: B\n"
        "  7: [L2, L5]\n"
        "  8: L2, L5\n"
        "  9:\n"
        "    - A supports C\n"
        "    - {source: B, kind: attacks, target: C}\n"
        "  '10': yes\n"
        "  11:\n"
        "  012: 3\n"
    )
    a = load_answers(write("answers.yaml", text))
    assert a.student == "Ana Silva"
    assert a.answers == {
        "1": "supports",
        "2": "B",
        "7": ["L2", "L5"],
        "8": "L2, L5",
        "9": ["A supports C", {"source": "B", "kind": "attacks", "target": "C"}],
        "10": "yes",
        "11": None,
        "12": "3",
    }
    assert a.path == "answers.yaml"
    assert a.keys["9"] == (7, 3)
    assert a.where("9") == (8, 5)
    assert a.where("9", 1) == (9, 7)
    assert a.where("9", 1, "kind") == (9, 25)
    assert a.where("11") == (11, 6)
    assert a.where("99") == (None, None)


def test_load_answers_json() -> None:
    data = {
        "student": "Bo",
        "answers": {
            "1": "supports",
            "2": 3,
            "4": True,
            "9": [{"source": "A", "kind": "attacks", "target": "C"}],
        },
    }
    text = json.dumps(data, indent=2)
    a = load_answers(write("answers.json", text))
    assert a.answers == {
        "1": "supports",
        "2": "3",
        "4": "true",
        "9": [{"source": "A", "kind": "attacks", "target": "C"}],
    }
    line, column = line_col(text, '"attacks"').split(":")
    assert a.where("9", 0, "kind") == (int(line), int(column))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "answers:\n  1: B\n  2: [A,\n",
            r"^answers\.yaml:4:1: YAML syntax error: the file ends where a value was expected$",
        ),
        (
            "answers:\n  1: B\n  2: 'A\n",
            r"^answers\.yaml:4:1: YAML syntax error: the file ends inside a quoted text or an open bracket$",
        ),
        ("answers:\n  1: B\n  x: {y: [1]\n    z\n", r"^answers\.yaml:4:5: YAML syntax error"),
        (
            "studnet: Ana\nanswers:\n  1: B\n",
            r"^answers\.yaml:1:1: unknown field 'studnet'; did you mean 'student'\?$",
        ),
        (
            "answers:\n  1: B\n1: A\n",
            r"^answers\.yaml:3:1: unknown field '1'; write the answers under 'answers:', indented$",
        ),
        (
            "student: Ana\nansers:\n  1: B\n",
            r"^answers\.yaml:1:1: missing required field 'answers'\nanswers\.yaml:2:1: unknown",
        ),
        ("answers:\n  1: B\n  01: C\n", r"^answers\.yaml:3:3: item 1 is answered twice \(first on line 2\)$"),
        ("answers:\n  1: B\n  1: C\n", r"^answers\.yaml:3:3: duplicate key '1' in this mapping$"),
        (
            "answers:\n  - B\n  - C\n",
            r"^answers\.yaml:2:3: answers: expected item numbers with their answers, not a list$",
        ),
        ("student: [a, b]\nanswers:\n", r"^answers\.yaml:1:10: student: expected a name, not a list$"),
        ("", r"^answers\.yaml:1:1: the file is empty"),
        ("- 1\n- 2\n", r"^answers\.yaml:1:1: the top level must be a mapping .*, not a list$"),
        ("answers:\n  [1, 2]: B\n", r"^answers\.yaml:2:3: a key must be a plain value"),
    ],
)
def test_broken_answers_files(text: str, message: str) -> None:
    write("answers.yaml", text)
    with pytest.raises(LoadError, match=message):
        load_answers("answers.yaml")


def test_answers_problems_are_all_reported_in_file_order_up_to_the_one_limit() -> None:
    from argmap.validation import MAX_PROBLEMS

    pairs = "".join(f"  {n}: A\n  0{n}: B\n" for n in range(1, 121))
    write("answers.yaml", f"studnet: Ana\nstudent: [a]\nanswers:\n{pairs}1: C\n")
    with pytest.raises(LoadError) as caught:
        load_answers("answers.yaml")
    problems = caught.value.problems
    # the shape of the file and its items are checked in one pass, as exercise files are
    assert [str(p) for p in problems[:3]] == [
        "answers.yaml:1:1: unknown field 'studnet'; did you mean 'student'?",
        "answers.yaml:2:10: student: expected a name, not a list",
        "answers.yaml:5:3: item 1 is answered twice (first on line 4)",
    ]
    assert len(problems) == MAX_PROBLEMS and caught.value.omitted == 120 + 1 + 2 - MAX_PROBLEMS
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_broken_json_answers() -> None:
    write("answers.json", '{"answers": {"1": "B",}}')
    with pytest.raises(
        LoadError, match=r"^answers\.json:1:23: JSON syntax error: expected a key in double quotes$"
    ):
        load_answers("answers.json")


def test_normalize_item_id() -> None:
    assert [normalize_item_id(v) for v in (3, "3", " 003 ", "x1", "")] == ["3", "3", "3", "x1", ""]


# -- keys and templates --------------------------------------------------------------


def test_key_answers_for_every_type() -> None:
    assert key_answers(exercise()).answers == {
        "1": "supports",
        "2": "B",
        "3": ["L2", "L5"],
        "4": ["A supports C", "B attacks C", "D supports A"],
        "5": [],
    }


@pytest.mark.parametrize("make", [exercise, generated])
def test_the_template_loads_as_all_unanswered(make: object) -> None:
    ex = make()  # type: ignore[operator]
    text = answers_template(ex)
    assert answers_template(ex) == text
    a = load_answers(write("answers.yaml", text))
    assert a.student is None
    assert a.answers == {item.id: None for item in ex.items}
    assert {r.status for r in grade(ex, a).items} == {"unanswered"}
    for item in ex.items:
        assert f"  # {item.id}. " in text


def test_the_template_shows_prompts_and_choices() -> None:
    lines = answers_template(exercise()).splitlines()
    start = lines.index("answers:")
    assert lines[start + 1 : start + 8] == [
        "  # Label the links",
        "  # 1. L1 from B to D is a...",
        "  #    one of: supports | attacks",
        "  1:",
        "  # 2. Which node does C attack?",
        "  #    one of: A = node A | B = node B | C = node C",
        "  2:",
    ]
    assert "  #    any of: L1 = link 1 | L2 = link 2 | L3 = link 3 | L4 = link 4 | L5 = link 5" in lines
    assert "  #    nodes: A, B, C, D" in lines


def test_a_filled_template_grades() -> None:
    ex = exercise()
    text = answers_template(ex).replace("student:", "student: Ana").replace("  2:\n", "  2: b\n")
    g = grade(ex, load_answers(write("answers.yaml", text)))
    assert (g.student, g.item("2").status, g.score) == ("Ana", "right", 2)


def test_long_prompts_are_shortened_to_one_line() -> None:
    ex = exercise()
    long = ex.model_copy(
        update={
            "parts": (
                ex.parts[0].model_copy(
                    update={
                        "items": (
                            ex.parts[0]
                            .items[0]
                            .model_copy(update={"prompt": "Why\n" + "very " * 60 + "long?"}),
                        )
                    }
                ),
            )
        }
    )
    line = next(x for x in answers_template(long).splitlines() if x.startswith("  # 1. "))
    assert line.endswith("…") and len(line) <= 110


def test_answers_value_defaults() -> None:
    a = Answers()
    assert (a.student, a.answers, a.where("1")) == (None, {}, (None, None))


def test_many_choices_are_listed_one_per_line() -> None:
    from argmap.exercises.model import Choice, Item, Part

    choices = [Choice(id=f"L{i}", text=f"node {i} supports node {i + 1}") for i in range(1, 13)]
    item = Item(id="1", prompt="Which links?", answer_type="choices", choices=choices, key=["L3"])
    ex = Exercise(
        title="T",
        map_id="m",
        map_title="M",
        seed=0,
        difficulty=1,
        parts=[Part(kind="find-flaw", title="Flaws", instructions="", items=[item])],
    )
    lines = answers_template(ex).splitlines()
    start = lines.index("  #    any of:")
    expected = [f"  #      L{i} = node {i} supports node {i + 1}" for i in range(1, 13)]
    assert lines[start + 1 : start + 14] == [*expected, "  1:"]
