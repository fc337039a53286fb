"""A whole class's reconstructed maps graded at once: the gradebook CSV and the per-link summary."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import MapBuilder, graph
from argmap.cli import main
from argmap.errors import LoadError
from argmap.exercises.map_gradebook import (
    format_map_summary,
    grade_map_class,
    load_drawn_map,
    map_gradebook_csv,
    map_summary_html,
    summarize_maps,
)

NAMES = ["Ana Silva", 'Dana, "the" Scholar', "=HYPERLINK(1)", "Émile Zola", "@admin"]
Record = dict[str, str]  # link text -> right, wrong, missing or not counted


def reference() -> argmap.ArgumentMap:
    return argmap.load_corpus("school-phones")


def simple_links(m: argmap.ArgumentMap) -> list[argmap.model.AnyLink]:
    """The supports and attacks of one premise that no undercut denies: a student may flip or drop them."""
    return [
        k
        for k in m.links
        if k.kind in ("supports", "attacks") and not k.is_linked and not graph.undercutters(m, str(k.id))
    ]


def student_map(
    ref: argmap.ArgumentMap, n: int, rng: random.Random
) -> tuple[argmap.ArgumentMap, Record, str]:
    """A student's map of the reference's nodes: each simple link right, flipped or left out."""
    simple = {str(k.id) for k in simple_links(ref)}
    dropped = rng.choice([n.id for n in ref.nodes if n.kind != "issue"]) if n % 4 == 3 else None
    b = MapBuilder.from_map(ref.model_copy(update={"links": ()}))
    record: Record = {}
    for link in ref.links:
        text = f"{link.source} {link.kind} {link.target}"
        if dropped in graph.link_ends(ref, link):
            record[text] = "not counted"
            continue
        if str(link.id) not in simple:
            b.link(
                link.kind, link.source if not link.is_linked else list(link.premises), link.target, id=link.id
            )
            continue
        roll = rng.random()
        if roll < 0.6:
            b.link(link.kind, str(link.source), link.target, id=link.id)
            record[text] = "right"
        elif roll < 0.8:
            b.link("attacks" if link.kind == "supports" else "supports", str(link.source), link.target)
            record[text] = "wrong"
        else:
            record[text] = "missing"
    extra = ""
    if n % 3 == 0:
        candidates = [(x.id, y.id) for x in ref.nodes for y in ref.nodes if x.id < y.id]
        a, c = next(p for p in rng.sample(candidates, len(candidates)) if not graph.links_between(ref, *p))
        if dropped not in (a, c):
            b.link("supports", a, c)
            extra = f"{a} supports {c}"
    built = b.build()
    if dropped is not None:
        built = graph.restrict(built, [x.id for x in built.nodes if x.id != dropped])
    if n < len(NAMES):
        built = built.model_copy(update={"metadata": {"student": NAMES[n]}})
    return built, record, extra


@pytest.fixture
def map_folder(tmp_path: Path) -> tuple[argmap.ArgumentMap, list[Path], dict[str, tuple[Record, str]]]:
    ref = reference()
    rng = random.Random(7)
    folder = tmp_path / "maps"
    folder.mkdir()
    paths: list[Path] = []
    expected: dict[str, tuple[Record, str]] = {}
    for n in range(21):
        m, record, extra = student_map(ref, n, rng)
        path = folder / (f"student{n:02d}.json" if n == 5 else f"student{n:02d}.yaml")
        argmap.dump(m, path)
        paths.append(path)
        expected[str(path)] = (record, extra)
    dangling = folder / "student98.yaml"
    dangling.write_text(
        argmap.dumps(ref).replace(f"target: {ref.links[0].target}", "target: nosuch", 1), "utf-8"
    )
    garbled = folder / "student99.yaml"
    garbled.write_text("id: x\ntitle: [\n", "utf-8")
    return ref, [*paths[:10], dangling, garbled, *paths[10:]], expected


def test_the_gradebook_has_a_row_per_usable_map_with_its_counts(map_folder: Any) -> None:
    ref, paths, expected = map_folder
    result = grade_map_class(ref, paths)
    text = map_gradebook_csv(result)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:2] == ["file", "student"] and rows[0][-1] == "percent"
    assert [r[0] for r in rows[1:]] == [str(p) for p in paths if str(p) in expected]
    for row in rows[1:]:
        record, extra = expected[row[0]]
        n = int(Path(row[0]).stem.removeprefix("student"))
        name = NAMES[n] if n < len(NAMES) else ""
        assert row[1] == ("'" + name if name[:1] in ("=", "@") else name)
        marks = dict(zip(rows[0], row, strict=True))
        statuses = Counter(record.values())
        assert int(marks["wrong stance"]) == statuses["wrong"]
        assert int(marks["extra"]) == (1 if extra else 0)
        if not statuses["not counted"]:
            # every node drawn: the other links of the reference are all drawn right
            every = len(argmap.exercises.comparison.map_links(ref))
            assert int(marks["matched"]) == every - statuses["wrong"] - statuses["missing"]
        assert int(marks["missing"]) == statuses["missing"]
        # the scores have two decimals, the percentage two of its own
        assert float(marks["percent"]) == pytest.approx(100 * float(marks["f1"]), abs=0.5)


def test_bad_maps_are_reported_located_and_do_not_stop_the_others(map_folder: Any) -> None:
    ref, paths, expected = map_folder
    result = grade_map_class(ref, paths)
    assert len(result.graded) == len(expected) == 21
    unusable = {Path(s.path).name: s.problems for s in result.unusable}
    assert set(unusable) == {"student98.yaml", "student99.yaml"}
    assert str(unusable["student98.yaml"][0]).startswith(f"{paths[10]}:")
    assert "target 'nosuch' is not a node or link of this map" in str(unusable["student98.yaml"][0])
    assert unusable["student98.yaml"][0].line
    assert str(unusable["student99.yaml"][0]).startswith(f"{paths[11]}:3:1: YAML syntax error")
    text = format_map_summary(summarize_maps(result))
    assert "Unusable files (2), not in the gradebook:" in text and "student98.yaml:" in text


def test_the_summary_counts_each_link_of_the_reference(map_folder: Any) -> None:
    ref, paths, expected = map_folder
    summary = summarize_maps(grade_map_class(ref, paths))
    assert summary.students == 21
    by_link = {s.link: s for s in summary.links}
    for link in simple_links(ref):
        text = f"{link.source} {link.kind} {link.target}"
        statuses = Counter(record.get(text, "right") for record, _ in expected.values())
        s = by_link[text]
        assert (s.right, s.wrong_stance, s.missing, s.not_counted) == (
            statuses["right"],
            statuses["wrong"],
            statuses["missing"],
            statuses["not counted"],
        )
        flipped = "attacks" if link.kind == "supports" else "supports"
        wrong = statuses["wrong"]
        assert s.common_wrong == ((f"{link.source} {flipped} {link.target}", wrong) if wrong else None)
    assert all(s.right + s.wrong_stance + s.missing + s.not_counted == 21 for s in summary.links)
    # undercuts and contradictions are summed up too, named by what they join
    assert any("undercuts (" in s.link for s in summary.links)
    extras = Counter(extra for _, extra in expected.values() if extra)
    assert 0 < len(extras) <= 10 and dict(summary.extra) == dict(extras)
    assert [count for _, count in summary.extra] == sorted((c for _, c in summary.extra), reverse=True)
    # every draw was exercised, or this test checks little
    assert {v for record, _ in expected.values() for v in record.values()} == {
        "right",
        "wrong",
        "missing",
        "not counted",
    }


def test_right_is_out_of_the_maps_the_link_counted_for(map_folder: Any) -> None:
    ref, paths, expected = map_folder
    summary = summarize_maps(grade_map_class(ref, paths))
    lines = format_map_summary(summary).splitlines()
    data = {d["link"]: d for d in summary.to_dict()["links"]}
    page = map_summary_html(summary)
    uncounted = [s for s in summary.links if s.not_counted]
    assert uncounted, "some map must leave out a link's end, or this test checks little"
    for s in summary.links:
        counted = sum(record.get(s.link, "right") != "not counted" for record, _ in expected.values())
        if s.link in {f"{k.source} {k.kind} {k.target}" for k in simple_links(ref)}:
            assert s.counted == counted
        assert s.counted == 21 - s.not_counted and data[s.link]["counted"] == s.counted
        row = next(line for line in lines if line.startswith(s.link + " "))
        assert row[len(s.link) :].split()[0] == f"{s.right}/{s.counted}"
        assert f'<td class="n">{s.right}/{s.counted}</td>' in page


def test_summary_text_json_and_page_agree_and_are_deterministic(map_folder: Any) -> None:
    ref, paths, _ = map_folder
    first, second = grade_map_class(ref, paths), grade_map_class(ref, paths)
    assert map_gradebook_csv(first) == map_gradebook_csv(second)
    summary = summarize_maps(first)
    assert format_map_summary(summary) == format_map_summary(summarize_maps(second))
    data = json.loads(json.dumps(summary.to_dict()))
    assert [d["right"] for d in data["links"]] == [s.right for s in summary.links]
    assert [u["file"] for u in data["unusable"]] == [s.path for s in summary.unusable]
    page = map_summary_html(summary)
    assert page.count("<tr") == 1 + len(summary.links)
    assert "student99.yaml" in page and "<script" not in page


def test_grade_reference_grades_a_folder_of_maps_from_the_command_line(
    map_folder: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref, paths, expected = map_folder
    ref_file = tmp_path / "reference.yaml"
    argmap.dump(ref, ref_file)
    book, page = tmp_path / "class.csv", tmp_path / "summary.html"
    files = [str(p) for p in sorted(paths)]
    argv = [
        "grade",
        "--reference",
        str(ref_file),
        *files,
        "--gradebook",
        str(book),
        "--summary-html",
        str(page),
    ]
    code = main(argv)
    out, err = capsys.readouterr()
    # two files were unusable: exit 2, their located notes, and the gradebook and summary for the others
    assert code == 2
    assert "student99.yaml:3:1: YAML syntax error" in err and "Traceback" not in err
    rows = list(csv.reader(io.StringIO(book.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 1 + len(expected)
    assert out.startswith(f"{ref.title}: 21 maps graded against {ref.id}, mean F1 ")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["grade", "--reference", str(ref_file), *files, "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["students"] == 21 and len(data["unusable"]) == 2
    # two maps alone still give the one student's report
    assert main(["grade", "--reference", str(ref_file), files[0]]) == 0
    assert " compared with " in capsys.readouterr().out


@pytest.mark.parametrize("empty", ["links:\n", "links: []\n", "links: ~\n"])
def test_an_empty_links_line_is_a_map_without_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], empty: str
) -> None:
    drawn = tmp_path / "ana.yaml"
    drawn.write_text(
        "id: school-phones\ntitle: Phones\nmetadata: {student: Ana}\nnodes:\n"
        "  - {id: lunch, kind: issue, text: Phones at lunch?}\n"
        "  - {id: lunch-scrolling, kind: claim, text: Scrolling returns.}\n" + empty,
        encoding="utf-8",
    )
    assert load_drawn_map(drawn).links == ()
    assert main(["grade", "--reference", "school-phones", str(drawn)]) == 0
    assert "0 matched, 1 missing" in capsys.readouterr().out
    # in a class, too: graded, not unusable
    result = grade_map_class(argmap.load_corpus("school-phones"), [drawn])
    assert not result.unusable and result.students[0].grade is not None


def test_a_drawn_map_with_another_empty_field_is_still_refused_located(tmp_path: Path) -> None:
    drawn = tmp_path / "bo.yaml"
    drawn.write_text("id: m\ntitle:\nlinks:\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"bo\.yaml:2:\d+: .*title"):
        load_drawn_map(drawn)
