"""`argmap evaluate` and `argmap render --evaluate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.render import RenderOptions, to_dot
from argmap.semantics.evaluate import evaluate
from argmap.semantics.iccma import load_framework
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
INSTANCES = Path(__file__).parent / "instances"

DEBATE = """\
id: debate
title: A small debate
nodes:
  - {id: q, kind: issue, text: "Should we?"}
  - {id: pro, kind: claim, text: We should., label: "Yes"}
  - {id: con, kind: counterclaim, text: We should not., label: "No"}
  - {id: fact, kind: evidence, text: A fact., label: Fact}
  - {id: loop1, kind: claim, text: One., label: One}
  - {id: loop2, kind: claim, text: Two., label: Two}
  - {id: loop3, kind: claim, text: Three., label: Three}
links:
  - {kind: supports, source: pro, target: q}
  - {kind: attacks, source: con, target: q}
  - {kind: attacks, source: fact, target: con}
  - {kind: attacks, source: loop1, target: loop2}
  - {kind: attacks, source: loop2, target: loop3}
  - {kind: attacks, source: loop3, target: loop1}
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE, "utf-8")
    return path


def test_text_report_says_who_stands_and_why(capsys: pytest.CaptureFixture[str], debate: Path) -> None:
    code, out, _ = run(capsys, "evaluate", str(debate))
    assert code == 0
    assert "grounded semantics, support read as supported" in out
    assert 'con  "No"\n      out: "Fact" (fact) attacks it (link fact--attacks--con)' in out
    assert "odd cycle" in out and "Undecided (3):" in out
    assert "against: con (rejected)" in out


def test_what_if_reports_the_changes(capsys: pytest.CaptureFixture[str], debate: Path) -> None:
    code, out, _ = run(capsys, "evaluate", str(debate), "--remove", "fact", "--accept", "loop1")
    assert code == 0
    assert "What if: assuming accepted loop1; removing fact" in out
    changes = out.split("What changes:")[1]
    assert "fact: accepted -> removed" in changes and "con: rejected -> accepted" in changes
    assert "loop2: undecided -> rejected" in changes and "loop3: undecided -> accepted" in changes


def test_json_report_matches_the_library(capsys: pytest.CaptureFixture[str], debate: Path) -> None:
    code, out, _ = run(capsys, "evaluate", str(debate), "--semantics", "preferred", "--format", "json")
    assert code == 0
    report = json.loads(out)
    expected = evaluate(argmap.load(debate), "preferred", support="supported")
    assert {k: v["status"] for k, v in report["nodes"].items()} == expected.status
    assert report["extensions"] == [["fact", "pro"]]
    # deterministic: the same input gives the same bytes
    assert run(capsys, "evaluate", str(debate), "--semantics", "preferred", "--format", "json")[1] == out


def test_stable_without_extension(capsys: pytest.CaptureFixture[str], debate: Path) -> None:
    code, out, _ = run(capsys, "evaluate", str(debate), "--semantics", "stable")
    assert code == 0 and "0 stable extensions" in out
    assert "the map has no stable extension" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["evaluate"], "give a map FILE, or --iccma FILE with --task"),
        (["evaluate", "--iccma", "x.af"], "give a map FILE, or --iccma FILE with --task"),
        (["evaluate", "{debate}", "--accept", "nope"], "argmap: no node with id 'nope'"),
        (["evaluate", "{debate}", "--write-framework", "out.txt"], "write a framework as .apx or .af"),
        (
            ["evaluate", "--iccma", "{instances}/after-blank.af", "--task", "SE-PR"],
            "after-blank.af:4:1: content",
        ),
        (["evaluate", "--iccma", "{instances}/even-cycle.af", "--task", "XX-PR"], "unknown task 'XX-PR'"),
        (["evaluate", "--iccma", "{instances}/even-cycle.af", "--task", "DC-PR"], "needs an argument"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], debate: Path, argv: list[str], message: str
) -> None:
    argv = [a.format(debate=debate, instances=INSTANCES) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_a_malformed_map_gives_a_located_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim}\n", "utf-8")
    code, _, err = run(capsys, "evaluate", str(bad))
    assert code == 2 and f"{bad}:4:" in err


@pytest.mark.parametrize(
    ("task", "arg", "answer"),
    [("SE-PR", None, "w 1 4"), ("SE-GR", None, "w 4"), ("DC-ST", "3", "NO"), ("DS-PR", "4", "YES")],
)
def test_iccma_tasks(capsys: pytest.CaptureFixture[str], task: str, arg: str | None, answer: str) -> None:
    argv = ["evaluate", "--iccma", str(INSTANCES / "even-cycle.af"), "--task", task]
    code, out, _ = run(capsys, *argv, *(["--arg", arg] if arg else []))
    assert code == 0 and out == answer + "\n"


@pytest.mark.parametrize("suffix", [".af", ".apx"])
def test_write_framework_round_trips_through_the_iccma_reader(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"phones{suffix}"
    code, _, _ = run(capsys, "evaluate", str(PHONES), "--write-framework", str(out))
    assert code == 0
    af = load_framework(out)
    mf = evaluate(argmap.load(PHONES), support="supported").mf
    assert len(af) == len(mf.af) and af.attacks() == mf.af.attacks()
    assert f"= {mf.af.names[0]}" in out.read_text("utf-8")


def test_render_evaluate_draws_the_labels(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "phones.dot"
    code, _, _ = run(capsys, "render", str(PHONES), "-o", str(out), "--evaluate", "grounded")
    assert code == 0
    m = argmap.load(PHONES)
    labels = evaluate(m, "grounded", support="supported").status
    assert set(labels.values()) >= {"accepted", "rejected"}
    assert out.read_text("utf-8") == to_dot(m, RenderOptions(evaluation=labels))
    assert out.read_text("utf-8") != to_dot(m, RenderOptions())
