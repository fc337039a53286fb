from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from tests.conftest import ROOT

BAD = """\
id: m
title: T
nodes:
  - id: a
    kind: claim
    text: A
  - id: b
    kind: claim
    text: B
links:
  - {id: s, kind: supports, source: a, target: b}
  - {id: x, kind: attacks, source: a, target: b}
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, "utf-8")
    return path


def test_text_output_is_ruff_style_and_exit_1_on_errors(
    capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{bad}:4:5: AM101 [error] 'a' both supports and attacks 'b' (a, s, x, b)"
    assert lines[-1] == "Found 1 error, 0 warnings, 0 infos in 1 file."


def test_select_ignore_and_min_severity(capsys: pytest.CaptureFixture[str], bad: Path) -> None:
    code, out, _ = run(capsys, "check", str(bad), "--ignore", "AM101")
    assert code == 0 and out.splitlines()[-1] == "Found 0 errors, 0 warnings, 0 infos in 1 file."
    code, out, _ = run(capsys, "check", str(bad), "--select", "AM2,AM4")
    assert code == 0 and "AM101" not in out
    code, _, err = run(capsys, "check", str(bad), "--select", "AM999")
    assert code == 2 and "no rule with id 'AM999'" in err


def test_json_output(capsys: pytest.CaptureFixture[str], bad: Path) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", str(bad))
    report = json.loads(out)
    assert code == 1 and report["version"] == 1
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}
    (finding,) = report["files"][0]["findings"]
    assert finding["code"] == "AM101" and finding["name"] == "contradictory-stance"
    assert finding["elements"] == ["a", "s", "x", "b"]
    assert finding["locations"][0] == {"element": "a", "path": str(bad), "line": 4, "column": 5}


def test_unusable_input_exits_2_but_checks_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", "utf-8")
    corpus = ROOT / "corpora" / "school-phones" / "map.yaml"
    code, out, err = run(capsys, "check", str(broken), str(corpus))
    assert code == 2 and "YAML syntax error" in err and "Traceback" not in err
    assert out.splitlines()[-1].endswith("in 1 file.")


def test_corpora_have_no_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *map(str, sorted((ROOT / "corpora").glob("*/map.yaml"))))
    assert code == 0 and "[error]" not in out and "[warning]" not in out


def test_explain_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--explain", "am201")
    assert code == 0 and out.startswith("AM201 circular-support [error]\n")
    code, _, err = run(capsys, "check", "--explain", "AM000")
    assert code == 2 and "no rule with id 'AM000'" in err
    code, out, _ = run(capsys, "rules")
    codes = [line.split()[0] for line in out.splitlines()]
    assert code == 0 and codes == sorted(codes) and len(codes) == 16
    code, _, err = run(capsys, "check")
    assert code == 2 and "give at least one FILE" in err
