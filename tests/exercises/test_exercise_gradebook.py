"""A whole class graded at once: the gradebook CSV and the per-item summary."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from argmap.exercises import generate
from argmap.exercises.answers import Answers
from argmap.exercises.gradebook import (
    format_summary,
    grade_answers,
    grade_class,
    gradebook_csv,
    part_headers,
    summarize,
    summary_html,
)
from argmap.exercises.model import Choice, Exercise, Item, Part

NAMES = [
    "Ana Silva",
    "Bo Chen",
    "Chidi Okafor",
    'Dana, "the" Scholar',
    '=HYPERLINK("http://x")',
    "Émile Zola",
    "-5+3",
    "Farah Nasser",
    "@admin",
]


@cache
def class_exercise() -> Exercise:
    m = argmap.load_corpus("school-phones")
    return generate(m, ["label-links", "sort-by-side", "find-flaw"], seed=3, difficulty="easy")


def typo(word: str) -> str:
    """A misspelling that names no choice: a letter doubled and one dropped."""
    return word[0] + word[0] + word[2:] if len(word) > 2 else word + "zz"


def make_answers(item: Item, rng: random.Random) -> tuple[Any, str, str | None]:
    """An answer to ``item``; its expected status and, unless right or blank, what the grade shows."""
    roll = rng.random()
    ids = [c.id for c in item.choices]
    if roll < 0.45:
        value: Any = item.key[0] if item.answer_type == "choice" else list(item.key)
        return value, "right", None
    if roll < 0.55:
        return "", "unanswered", None
    if roll < 0.7:
        word = typo(rng.choice(ids))
        shown = word if item.answer_type == "choice" else f"[{word}]"
        return (word if item.answer_type == "choice" else [word]), "invalid", shown
    wrong = [c for c in ids if c not in item.key]
    pick = rng.choice(wrong)
    if item.answer_type == "choice":
        return pick.lower() if rng.random() < 0.5 else pick, "wrong", pick
    chosen = sorted({pick, *item.key[:-1]}, key=ids.index)
    # the summary names the wrong choice given, never the right ones beside it
    return chosen, "wrong", pick


@pytest.fixture
def answer_folder(
    tmp_path: Path,
) -> tuple[Exercise, list[Path], dict[str, dict[str, tuple[str, str | None]]]]:
    ex = class_exercise()
    rng = random.Random(12)
    paths: list[Path] = []
    expected: dict[str, dict[str, tuple[str, str | None]]] = {}
    for n in range(22):
        answers: dict[int, Any] = {}
        record: dict[str, tuple[str, str | None]] = {}
        for item in ex.items:
            value, status, shown = make_answers(item, rng)
            answers[int(item.id)] = value
            record[item.id] = (status, shown)
        data: dict[str, Any] = {"answers": answers}
        if n < len(NAMES):
            data["student"] = NAMES[n]
        path = tmp_path / f"student{n:02d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
        expected[str(path)] = record
    malformed = tmp_path / "student99.yaml"
    malformed.write_text("student: Zed\nanswers:\n  1: supports\n  2: [attacks\n", encoding="utf-8")
    misnamed = tmp_path / "student98.yaml"
    misnamed.write_text("studnet: Yan\nanswers:\n  1: supports\n", encoding="utf-8")
    return ex, [*paths[:11], malformed, misnamed, *paths[11:]], expected


def points_of(ex: Exercise, record: dict[str, tuple[str, str | None]]) -> list[float]:
    return [sum(i.points for i in part.items if record[i.id][0] == "right") for part in ex.parts]


def test_gradebook_has_one_row_per_usable_file_with_part_scores(answer_folder: Any) -> None:
    ex, paths, expected = answer_folder
    result = grade_class(ex, paths)
    text = gradebook_csv(result)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["file", "student", *part_headers(ex), "total", "points", "percent"]
    assert [r[0] for r in rows[1:]] == [str(p) for p in paths if str(p) in expected]
    total_points = ex.total_points
    for row in rows[1:]:
        record = expected[row[0]]
        n = int(Path(row[0]).stem.removeprefix("student"))
        name = NAMES[n] if n < len(NAMES) else ""
        # a name a spreadsheet would run as a formula is kept as text
        assert row[1] == ("'" + name if name[:1] in ("=", "-", "+", "@") else name)
        parts = points_of(ex, record)
        assert [float(c) for c in row[2:-3]] == parts
        assert float(row[-3]) == sum(parts)
        assert int(row[-2]) == total_points
        assert float(row[-1]) == pytest.approx(100 * sum(parts) / total_points, abs=0.01)


def test_unusable_files_are_reported_located_and_do_not_stop_the_others(answer_folder: Any) -> None:
    ex, paths, expected = answer_folder
    result = grade_class(ex, paths)
    assert len(result.graded) == len(expected) == 22
    unusable = {Path(s.path).name: s.problems for s in result.unusable}
    assert set(unusable) == {"student99.yaml", "student98.yaml"}
    assert unusable["student99.yaml"][0].line is not None
    assert str(unusable["student98.yaml"][0]).endswith(
        "student98.yaml:1:1: unknown field 'studnet'; did you mean 'student'?"
    )
    text = format_summary(summarize(result))
    assert "Unusable files (2), not in the gradebook:" in text
    assert "student99.yaml:" in text


def test_summary_counts_each_status_and_the_most_common_wrong_answer(answer_folder: Any) -> None:
    ex, paths, expected = answer_folder
    summary = summarize(grade_class(ex, paths))
    assert summary.students == 22
    assert [s.item_id for s in summary.items] == [i.id for i in ex.items]
    for s in summary.items:
        statuses = Counter(record[s.item_id][0] for record in expected.values())
        assert (s.right, s.wrong, s.invalid, s.unanswered, s.partial) == (
            statuses["right"],
            statuses["wrong"],
            statuses["invalid"],
            statuses["unanswered"],
            0,
        )
        # an invalid answer (a misspelt choice) is no wrong answer: it is counted apart
        wrong = Counter(
            record[s.item_id][1] for record in expected.values() if record[s.item_id][0] == "wrong"
        )
        if not wrong:
            assert s.common_wrong is None
        else:
            top = max(wrong.values())
            assert s.common_wrong == (min(a for a, c in wrong.items() if c == top), top)
    # the draw must exercise every status somewhere, or this test checks little
    seen = {status for record in expected.values() for status, _ in record.values()}
    assert seen == {"right", "wrong", "invalid", "unanswered"}


def _one_item_exercise(item: Item) -> Exercise:
    kind = "reconstruct" if item.answer_type == "links" else "find-flaw"
    part = Part(kind=kind, title="P", instructions="", items=[item])
    return Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])


def test_the_most_common_wrong_answer_never_names_a_right_choice() -> None:
    links = [Choice(id=f"L{i}", text=f"link {i}") for i in range(1, 6)]
    item = Item(id="1", prompt="?", answer_type="choices", choices=links, key=["L2", "L5"])
    # "L2" alone (partly right) and "L2, L3" tie as whole answers: "L2" came first and was named
    given = ["L2", "L2, L3", "L2, L5", "L4 L2"]
    result = grade_answers(
        _one_item_exercise(item), [(f"{n}.yaml", Answers(answers={"1": a})) for n, a in enumerate(given)]
    )
    s = summarize(result).items[0]
    assert (s.right, s.wrong) == (1, 3)
    assert s.common_wrong == ("L3", 1)  # L3 and L4 once each: never L2, which is right
    only_right = grade_answers(_one_item_exercise(item), [("a.yaml", Answers(answers={"1": "L5"}))])
    assert summarize(only_right).items[0].common_wrong is None


def test_the_most_common_wrong_link_never_names_a_right_link() -> None:
    nodes = [Choice(id=c, text=c.lower()) for c in "ABCD"]
    item = Item(
        id="1",
        prompt="?",
        answer_type="links",
        choices=nodes,
        key_links=[
            {"source": "A", "kind": "supports", "target": "C"},
            {"source": "B", "kind": "attacks", "target": "C"},
        ],
    )
    given = [
        ["A supports C"],
        ["A supports C", "D attacks C"],
        ["B supports C"],
        ["A supports C", "B supports C"],
    ]
    result = grade_answers(
        _one_item_exercise(item), [(f"{n}.yaml", Answers(answers={"1": a})) for n, a in enumerate(given)]
    )
    s = summarize(result).items[0]
    assert s.partial == 3 and s.wrong == 1
    assert s.common_wrong == ("B supports C", 2)


def test_invalid_answers_are_counted_apart_never_as_the_most_common_wrong_answer() -> None:
    choices = [Choice(id=c, text=c.lower()) for c in "ABC"]
    item = Item(id="1", prompt="?", choices=choices, key=["A"])
    ex = Exercise(
        title="T",
        map_id="m",
        map_title="M",
        seed=0,
        difficulty=1,
        parts=[Part(kind="sort-by-side", title="P", instructions="", items=[item])],
    )
    given = ["Z", "Z", "Z", {"x": "A"}, "B", "", "A"]
    result = grade_answers(ex, [(f"{n}.yaml", Answers(answers={"1": a})) for n, a in enumerate(given)])
    s = summarize(result).items[0]
    assert (s.right, s.wrong, s.invalid, s.unanswered, s.common_wrong) == (1, 1, 4, 1, ("B", 1))
    lines = format_summary(summarize(result)).splitlines()
    assert lines[1].split() == [
        "item",
        "right",
        "partial",
        "wrong",
        "blank",
        "invalid",
        *"most common wrong answer".split(),
    ]
    assert lines[2].split() == ["1", "1/7", "0", "1", "1", "4", "B", "(1)"]
    assert "<th>Invalid</th>" in summary_html(summarize(result))


def test_summary_json_and_text_agree(answer_folder: Any) -> None:
    ex, paths, _ = answer_folder
    summary = summarize(grade_class(ex, paths))
    data = json.loads(json.dumps(summary.to_dict()))
    assert [d["right"] for d in data["items"]] == [s.right for s in summary.items]
    assert [u["file"] for u in data["unusable"]] == [s.path for s in summary.unusable]
    assert all(u["problems"][0]["line"] for u in data["unusable"])
    lines = format_summary(summary).splitlines()
    for s in summary.items:
        row = next(line for line in lines if line.split()[:1] == [s.item_id])
        assert row.split()[1] == f"{s.right}/22"


def test_gradebook_and_summary_are_deterministic(answer_folder: Any) -> None:
    ex, paths, _ = answer_folder
    first = grade_class(ex, paths)
    second = grade_class(ex, paths)
    assert gradebook_csv(first) == gradebook_csv(second)
    assert format_summary(summarize(first)) == format_summary(summarize(second))


def test_a_class_of_no_usable_files_writes_a_header_only(tmp_path: Path) -> None:
    ex = class_exercise()
    missing = tmp_path / "nobody.yaml"
    result = grade_class(ex, [missing])
    assert gradebook_csv(result).count("\r\n") == 1
    summary = summarize(result)
    assert summary.students == 0
    assert summary.unusable[0].problems
    assert "0 students graded" in format_summary(summary)


def test_summary_page_escapes_what_students_wrote_and_lists_every_item(answer_folder: Any) -> None:
    ex, paths, _ = answer_folder
    hostile = [paths[0].parent / f"hostile{n}.yaml" for n in range(12)]
    for path in hostile:
        path.write_text('student: "<script>x</script>"\nanswers:\n  1: "<img src=x>"\n', encoding="utf-8")
    page = summary_html(summarize(grade_class(ex, [*paths, *hostile])))
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x&gt;" in page
    assert page.count("<tr") == 1 + len(ex.items)
    assert "student99.yaml" in page


def test_the_summary_lists_the_located_notes_of_graded_files(answer_folder: Any) -> None:
    ex, paths, expected = answer_folder
    summary = summarize(grade_class(ex, paths))
    invalid = sum(1 for record in expected.values() for status, _ in record.values() if status == "invalid")
    # every misspelt choice gives one note, located in its own file
    assert len(summary.notes) == invalid > 0
    assert all(n.path in expected and n.line for n in summary.notes)
    text = format_summary(summary)
    assert f"Notes on graded answers ({invalid}):" in text
    assert str(summary.notes[0]) in text
    assert len(summary.to_dict()["notes"]) == invalid


def test_grade_over_a_folder_of_answer_files_writes_the_gradebook_and_the_item_summary(
    answer_folder: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    ex, paths, expected = answer_folder
    exercise = tmp_path / "exercise.json"
    exercise.write_text(ex.to_json(), encoding="utf-8")
    folder = paths[0].parent
    files = sorted(str(p) for p in folder.glob("student*.yaml"))  # as the shell expands answers/*.yaml
    assert len(files) == len(expected) + 2 >= 20
    book, page = tmp_path / "class.csv", tmp_path / "summary.html"
    code = main(["grade", str(exercise), *files, "--gradebook", str(book), "--summary-html", str(page)])
    out, err = capsys.readouterr()
    # the malformed and the misnamed file: exit 2, each with its located note; the others are graded
    assert code == 2 and "Traceback" not in err
    assert "student99.yaml:5:1: YAML syntax error" in err
    assert "student98.yaml:1:1: unknown field 'studnet'" in err
    rows = list(csv.reader(io.StringIO(book.read_text(encoding="utf-8"), newline="")))
    assert rows[0] == ["file", "student", *part_headers(ex), "total", "points", "percent"]
    assert [r[0] for r in rows[1:]] == sorted(expected)
    for row in rows[1:]:
        assert float(row[-3]) == sum(points_of(ex, expected[row[0]]))
    # the item summary, as text on stdout and as the teacher's page
    summary = summarize(grade_class(ex, files))
    assert out == format_summary(summary)
    lines = out.splitlines()
    assert lines[0].startswith(f"{ex.title}: 22 students graded, mean ")
    for s in summary.items:
        right = sum(1 for record in expected.values() if record[s.item_id][0] == "right")
        printed = next(line for line in lines if line.split()[:1] == [s.item_id])
        assert printed.split()[1] == f"{right}/22"
    html = page.read_text(encoding="utf-8")
    assert html == summary_html(summary) and html.count("<tr") == 1 + len(ex.items)


def test_a_file_named_twice_is_graded_once(
    answer_folder: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    from argmap.cli import main

    ex, paths, _ = answer_folder
    exercise = tmp_path / "exercise.json"
    exercise.write_text(ex.to_json(), encoding="utf-8")
    monkeypatch.chdir(paths[0].parent)
    book = tmp_path / "class.csv"
    first, again = paths[0].name, f"./{paths[0].name}"
    assert main(["grade", str(exercise), first, again, first, paths[1].name, "--gradebook", str(book)]) == 0
    rows = list(csv.reader(io.StringIO(book.read_text(encoding="utf-8"), newline="")))
    assert [r[0] for r in rows[1:]] == [first, paths[1].name]
    err = capsys.readouterr().err
    assert f"argmap grade: {again} is {first} again; graded once" in err and err.count("again") == 2
