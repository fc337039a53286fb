"""The command line for educators: ``argmap exercise`` and ``argmap grade``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.exercises import generate
from argmap.exercises.files import load_exercise
from argmap.render import available_engines
from tests.conftest import ROOT
from tests.gift_syntax import check_gift

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
needs_engine = pytest.mark.skipif(not available_engines(), reason="no Graphviz layout engine here")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_on_stdout_is_the_library_exercise(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercise", str(PHONES), "--kind", "sort-by-side", "--seed", "4")
    assert code == 0 and err == ""
    assert out == generate(argmap.load(PHONES), "sort-by-side", seed=4).to_json()


@needs_engine
def test_every_output_is_written_and_the_same_seed_gives_the_same_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = {"-o": "sheet.html", "--key": "key.md", "--gift": "quiz.gift", "--json": "ex.json"}
    contents = []
    for attempt in ("one", "two"):
        folder = tmp_path / attempt
        folder.mkdir()
        argv = ["exercise", str(PHONES), "--kind", "label-links", "--kind", "fill-gap", "--seed", "9"]
        argv += ["--difficulty", "hard", "--template", str(folder / "answers.yaml")]
        for option, name in names.items():
            argv += [option, str(folder / name)]
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert out.count("wrote ") == 5
        contents.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert contents[0] == contents[1]
    files = contents[0]
    assert files["sheet.html"].startswith(b"<!DOCTYPE html>")
    assert b"ANSWER KEY" in files["key.md"].upper()
    assert files["quiz.gift"].count(b"::Q") >= 2
    ex = load_exercise(tmp_path / "one" / "ex.json")
    assert ex.difficulty == 3 and [p.kind for p in ex.parts] == ["label-links", "fill-gap"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "sort"], "invalid choice: 'sort'"),
        (["--kind", "sort-by-side", "--difficulty", "7"], "difficulty must be 1, 2 or 3"),
        (
            ["--kind", "sort-by-side", "-o", "sheet.docx"],
            "write a worksheet as .html, .md or .pdf, not '.docx'",
        ),
        (["--kind", "sort-by-side", "--issue", "nope"], "no issue with id 'nope'"),
        (
            ["--kind", "locate", "--source", "article=x.txt"],
            "the map has no source 'article' (its sources: text)",
        ),
    ],
)
def test_bad_options_get_a_clear_message_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    argv = [a.replace("sheet.docx", str(tmp_path / "sheet.docx")) for a in argv]
    code, _, err = run(capsys, "exercise", str(PHONES), *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_map_that_lacks_what_the_kind_needs_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lonely = tmp_path / "lonely.yaml"
    lonely.write_text("id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n", "utf-8")
    code, _, err = run(capsys, "exercise", str(lonely), "--kind", "sort-by-side")
    assert code == 2
    assert err.startswith("argmap: map 'm': sort-by-side needs claims held by at least two sides")


def test_outputs_never_overwrite_the_map_or_each_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "map.yaml"
    copy.write_bytes(PHONES.read_bytes())
    before = copy.read_bytes()
    code, _, err = run(capsys, "exercise", str(copy), "--kind", "sort-by-side", "--json", str(copy))
    assert code == 2 and "refusing to overwrite the input file" in err
    assert copy.read_bytes() == before
    same = str(tmp_path / "x.md")
    code, _, err = run(capsys, "exercise", str(copy), "--kind", "sort-by-side", "-o", same, "--key", same)
    assert code == 2 and "give each output a file of its own" in err
    assert not (tmp_path / "x.md").exists()


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["exercise", "school-phones", "--kind", "sort-by-side"], "-o"),
        (["exercise", "school-phones", "--kind", "sort-by-side"], "--key"),
        (["exercise", "school-phones", "--kind", "sort-by-side"], "--json"),
        (["grade", "a.json", "b.yaml"], "--gradebook"),
    ],
)
def test_an_output_given_twice_is_an_error_not_the_last_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], option: str
) -> None:
    first, second = tmp_path / "one.md", tmp_path / "two.md"
    code, _, err = run(capsys, *command, option, str(first), option, str(second))
    assert code == 2 and f"{option} given twice ({first}, {second}): give each output once" in err
    assert not first.exists() and not second.exists()


@pytest.fixture
def exercise_file(tmp_path: Path) -> Path:
    path = tmp_path / "ex.json"
    ex = generate(argmap.load(PHONES), ["sort-by-side", "label-links"], seed=2)
    path.write_text(ex.to_json(), "utf-8")
    return path


def test_grade_reports_scores_and_located_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, exercise_file: Path
) -> None:
    ex = load_exercise(exercise_file)
    first, second = ex.items[0], ex.items[1]
    wrong = next(c.id for c in second.choices if c.id not in second.key)
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"student: Ana\nanswers:\n  1: {first.key[0]}\n  2: {wrong}\n  99: A\n", "utf-8")
    code, out, err = run(capsys, "grade", str(exercise_file), str(answers))
    assert code == 0 and err == ""
    assert f"{answers}:5:3: " in out and "99" in out
    assert f"Score: 1/{ex.total_points} " in out
    code, out, err = run(capsys, "grade", str(exercise_file), str(answers), "--format", "json")
    assert f"{answers}:5:3: " in err
    report = json.loads(out)
    assert report["score"] == 1 and report["points"] == ex.total_points
    statuses = {item["item"]: item["status"] for item in report["items"]}
    assert statuses["1"] == "right" and statuses["2"] == "wrong" and statuses["3"] == "unanswered"


def test_grade_a_broken_answers_file_is_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, exercise_file: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  1: [A\n", "utf-8")
    code, out, err = run(capsys, "grade", str(exercise_file), str(answers))
    assert code == 2 and out == ""
    assert err.startswith(f"{answers}:")
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["answers.yaml", "answers.json"])
@pytest.mark.parametrize("class_mode", [False, True])
def test_grade_an_answers_file_given_as_the_exercise_says_so_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, exercise_file: Path, name: str, class_mode: bool
) -> None:
    answers = tmp_path / name
    items = {str(i): "A" for i in range(1, 18)}
    if name.endswith(".json"):
        answers.write_text(json.dumps({"student": "Ana", "answers": items}), "utf-8")
    else:
        answers.write_text("student: Ana\nanswers:\n" + "".join(f"  {i}: A\n" for i in items), "utf-8")
    code, out, err = run(capsys, "grade", str(answers), *[str(answers)] * (2 if class_mode else 1))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines == [
        f"{answers}:1:1: not an argmap exercise: this looks like a student's answers file; give the"
        " exercise file first (the one `argmap exercise --json` wrote), then the answer files"
    ]


def test_grade_reference_compares_maps(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    m = argmap.load(PHONES)
    student = tmp_path / "student.yaml"
    flipped = next(link for link in m.links if link.kind == "supports" and not link.is_linked)
    before, after = f"id: {flipped.id}\n    kind: supports", f"id: {flipped.id}\n    kind: attacks"
    data = argmap.dumps(m).replace(before, after)
    assert data != argmap.dumps(m)
    student.write_text(data, "utf-8")
    code, out, err = run(capsys, "grade", "--reference", str(PHONES), str(student), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert len(report["wrong_stance"]) == 1
    assert 0 < report["f1"] < 1
    code, out, _ = run(capsys, "grade", "--reference", str(PHONES), str(PHONES))
    assert code == 0 and "32 matched, 0 missing, 0 extra, 0 wrong stance" in out and "F1 1.00" in out


def test_matching_makes_one_gift_question_of_a_sort_by_side_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plain, matching = tmp_path / "plain.gift", tmp_path / "matching.gift"
    argv = ["exercise", str(PHONES), "--kind", "sort-by-side", "--seed", "1"]
    assert run(capsys, *argv, "--gift", str(plain))[0] == 0
    assert run(capsys, *argv, "--gift", str(matching), "--matching")[0] == 0
    items = len(generate(argmap.load(PHONES), "sort-by-side", seed=1).items)
    assert plain.read_text("utf-8").count("::Q") == items
    text = matching.read_text("utf-8")
    assert text.count("::Q") == 1 and text.count(" -> ") == items
    assert check_gift(text) == [] and check_gift(plain.read_text("utf-8")) == []


def test_a_starter_map_filled_in_by_a_student_is_graded_against_the_reference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = tmp_path / "starter.yaml"
    argv = ["exercise", str(PHONES), "--kind", "reconstruct", "--issue", "lunch", "--starter", str(start)]
    assert run(capsys, *argv)[0] == 0
    bare = argmap.load(start)
    reference = argmap.load(PHONES)
    assert bare.links == () and {n.id for n in bare.nodes} == set(
        argmap.graph.issue_nodes(reference, "lunch")
    )
    assert all(n.note is None for n in bare.nodes)
    # the student puts back one link of the reference, and one that is not in it
    right = next(k for k in reference.links if k.kind == "supports" and k.target == "lunch")
    wrong = next(n.id for n in bare.nodes if n.id not in (right.source, "lunch"))
    student = tmp_path / "student.yaml"
    text = start.read_text("utf-8") + (
        f"links:\n  - {{kind: supports, source: {right.source}, target: lunch}}\n"
        f"  - {{kind: attacks, source: {wrong}, target: {right.source}}}\n"
    )
    student.write_text(text, "utf-8")
    code, out, err = run(capsys, "grade", "--reference", str(PHONES), str(student), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    drawn = {n.id for n in bare.nodes}
    expected = len([k for k in reference.links if set(k.premises) | {k.target} <= drawn])
    assert len(report["matched"]) == 1 and len(report["extra"]) == 1
    assert report["precision"] == 0.5 and report["recall"] == pytest.approx(1 / expected, abs=1e-4)


ALLIED = ROOT / "corpora" / "allied-space-cooperation" / "map.yaml"


@pytest.mark.parametrize(
    ("corpus", "kinds", "issue", "difficulty"),
    [
        # the evidence and principles nearest the issue: the easy sheet shows only some of them
        (ALLIED, ["reconstruct"], "burden-sharing", "easy"),
        # beside match-principles the figures leave every principle out
        (ALLIED, ["reconstruct", "match-principles"], "burden-sharing", "medium"),
        # a linked support of three premises, only two of them on the sheet
        (PHONES, ["reconstruct"], "ban", "easy"),
    ],
)
def test_the_starter_holds_the_statements_the_worksheet_shows_and_grading_asks_for_the_key(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    corpus: Path,
    kinds: list[str],
    issue: str,
    difficulty: str,
) -> None:
    start, ex_file = tmp_path / "starter.yaml", tmp_path / "ex.json"
    argv = ["exercise", str(corpus), *(a for k in kinds for a in ("--kind", k)), "--issue", issue]
    argv += ["--difficulty", difficulty, "--seed", "1", "--starter", str(start), "--json", str(ex_file)]
    assert run(capsys, *argv)[0] == 0
    ex = load_exercise(ex_file)
    (item,) = [i for i in ex.items if i.answer_type == "links"]
    assert [n.id for n in argmap.load(start).nodes] == [
        n.id for n in argmap.load(corpus).nodes if n.id in item.elements
    ]
    # graded against the whole map, the untouched starter misses exactly the key's links
    code, out, err = run(capsys, "grade", "--reference", str(corpus), str(start), "--format", "json")
    assert code == 0, err
    ids = dict(zip((c.id for c in item.choices), item.elements, strict=True))
    key = sorted(f"{ids[k.source]} {k.kind} {ids[k.target]}" for k in item.key_links)
    assert sorted(json.loads(out)["missing"]) == key


def test_grade_a_whole_class_writes_the_gradebook_and_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import csv

    ex = generate(argmap.load(PHONES), "sort-by-side", seed=4)
    exercise = tmp_path / "ex.json"
    exercise.write_text(ex.to_json(), encoding="utf-8")
    folder = tmp_path / "answers"
    folder.mkdir()
    first = ex.items[0]
    wrong = next(c.id for c in first.choices if c.id not in first.key)
    for n in range(4):
        answer = first.key[0] if n % 2 else wrong
        (folder / f"s{n}.yaml").write_text(f"student: S{n}\nanswers:\n  1: {answer}\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("answers:\n  1: [A\n", encoding="utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    book, page = tmp_path / "class.csv", tmp_path / "summary.html"
    code, out, err = run(
        capsys, "grade", str(exercise), *files, "--gradebook", str(book), "--summary-html", str(page)
    )
    # one file was unusable: exit 2, its located note, and the gradebook for the others
    assert code == 2
    assert "broken.yaml:3:" in err
    rows = list(csv.reader(book.read_text(encoding="utf-8").splitlines()))
    assert [r[1] for r in rows[1:]] == ["S0", "S1", "S2", "S3"]
    assert [r[-3] for r in rows[1:]] == ["0", "1", "0", "1"]
    assert out.splitlines()[2].split()[:2] == ["1", "2/4"]
    assert f"{wrong} (2)" in out.splitlines()[2]
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, _ = run(capsys, "grade", str(exercise), *files, "--format", "json")
    assert code == 2 and json.loads(out)["items"][0]["right"] == 2


def test_grade_refuses_a_gradebook_over_an_answer_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ex = generate(argmap.load(PHONES), "sort-by-side", seed=4)
    exercise = tmp_path / "ex.json"
    exercise.write_text(ex.to_json(), encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: {}\n", encoding="utf-8")
    code, _, err = run(capsys, "grade", str(exercise), str(answers), "--gradebook", str(answers))
    assert code == 2 and "refusing to overwrite" in err
    assert answers.read_text(encoding="utf-8") == "answers: {}\n"


@needs_engine
def test_exercise_writes_a_moodle_xml_quiz(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    quiz = tmp_path / "quiz.xml"
    code, _, _ = run(capsys, "exercise", str(PHONES), "--kind", "sort-by-side", "--moodle", str(quiz))
    assert code == 0
    root = ET.fromstring(quiz.read_bytes())
    questions = root.findall("question[@type='multichoice']")
    assert questions and all(q.find("questiontext/file") is not None for q in questions)
