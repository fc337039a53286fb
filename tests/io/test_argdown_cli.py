"""Argdown through the command line.

A malformed file gives its located message and exit code 2, for every case;
a file the reader reads whole loads, with what the reader met on the way
(a relation the Argdown tool ignores too...) printed as located warnings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from argmap.cli import main

CASES = Path(__file__).parent / "argdown_cases"
EXPECTED: dict[str, str] = yaml.safe_load((CASES / "expected.yaml").read_text("utf-8"))
EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "external" / "argdown"


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["check", "convert", "render"])
def test_each_malformed_file_is_located_with_exit_code_2(
    name: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(CASES)  # the expected messages name the files as given
    out = tmp_path / ("out.dot" if command == "render" else "out.yaml")
    argv = {"check": [], "convert": [str(out)], "render": ["-o", str(out)]}[command]
    assert main([command, name, *argv]) == 2
    err = capsys.readouterr().err
    assert EXPECTED[name] in err and "Traceback" not in err
    assert not out.exists()


# A file read whole, with one note of each kind the relations give.
NOTED = """[Q]: Should we?
  + <A>: Because.
  + [Q]
  - [R]: No.
  - [R]

<A>

(1) [P]: A premise.
----
(2) [Q]
  <+ <A>
"""
NOTES = [
    "f.argdown:2:3: warning: argument <A> already concludes this statement in its reconstruction;"
    " the relation between them is ignored, as the Argdown tool does",
    "f.argdown:3:3: warning: a relation of a statement to itself is ignored",
    "f.argdown:5:3: warning: this relation is written twice (first at line 4, column 3)",
    "f.argdown:12:3: warning: argument <A> already concludes this statement in its reconstruction;"
    " the relation between them is ignored, as the Argdown tool does",
]


@pytest.mark.parametrize("command", ["check", "convert", "render", "info", "validate"])
def test_notes_are_located_warnings_and_the_map_loads(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.argdown").write_text(NOTED, encoding="utf-8")
    argv = {"convert": ["out.yaml"], "render": ["-o", "out.dot"]}.get(command, [])
    assert main([command, "f.argdown", *argv]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == NOTES
    if argv:
        assert Path(argv[-1]).stat().st_size > 0
    if command == "convert":
        back = yaml.safe_load(Path("out.yaml").read_text(encoding="utf-8"))
        assert {(k["source"], k["target"]) for k in back["links"]} >= {("R", "Q"), ("P", "Q")}


def test_check_reports_notes_in_its_json_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.argdown").write_text(NOTED, encoding="utf-8")
    assert main(["check", "--format", "json", "f.argdown"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["unreadable"] == []
    assert [(n["path"], n["line"], n["column"]) for n in report["reader_notes"]] == [
        ("f.argdown", 2, 3),
        ("f.argdown", 3, 3),
        ("f.argdown", 5, 3),
        ("f.argdown", 12, 3),
    ]


@pytest.mark.external
@pytest.mark.parametrize("command", ["check", "convert", "render"])
def test_the_populism_reconstruction_loads_with_its_notes(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = EXTERNAL / "Populism-Core-Argument-Argdown-Example.argdown"
    if not source.exists():
        pytest.skip("the Argdown documents are not present in ../shared/external/argdown")
    out = tmp_path / ("out.dot" if command == "render" else "out.json")
    argv = {"check": [], "convert": [str(out)], "render": ["-o", str(out)]}[command]
    assert main([command, str(source), *argv]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"{source}:28:3: warning: argument <Core Argument> already concludes this statement" in err[0]
    assert all(": warning: " in line for line in err)
    if argv:
        assert out.stat().st_size > 0


@pytest.mark.external
def test_check_reads_every_argdown_document(capsys: pytest.CaptureFixture[str]) -> None:
    # the README's table: no error on the six real documents (the Semmelweis false alarm is fixed)
    if not EXTERNAL.exists():
        pytest.skip("the Argdown documents are not present in ../shared/external/argdown")
    assert main(["check", str(EXTERNAL)]) == 0
    out, err = capsys.readouterr()
    # 24: greenspan's premise that 'uses' leaves out is now a premise of its argument, not unconnected
    assert out.splitlines()[-1] == "Found 0 errors, 24 warnings, 5 infos in 6 files."
    assert "semmelweis" not in out
    assert err.count(": warning: ") == 8  # the Populism document's 7 reader notes, greenspan's 1 on 'uses'
    assert (
        "greenspan-schefczyk_hardwrap.argdown:104:2: warning: in <Turnover Argument>, 'uses' leaves out"
        in err
    )
