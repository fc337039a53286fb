from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.checks import RULES
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

SLIP = """\
id: m
title: T
sides:
  - {id: pro, name: Pro}
nodes:
  - {id: q, kind: issue, text: Q?}
  - {id: a, kind: claim, text: A., held_by: pro}
  - {id: b, kind: claim, text: B., held_by: pro}
links:
  - {id: s, kind: supports, source: a, target: q}
  - {id: t, kind: supports, source: b, target: q}
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
    assert code == 1 and report["version"] == 2
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0, "related": 0, "unreadable_files": 0}
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
    assert out.splitlines()[-1].endswith("in 1 file; 1 file could not be read.")


def test_the_summary_counts_the_files_it_could_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: m\ntitle: T\nnodes: [{id: a, kind: claim}]\n", "utf-8")
    code, out, err = run(capsys, "check", str(broken), str(tmp_path / "missing.yaml"))
    assert code == 2 and f"{broken}:" in err
    assert out == "Found 0 errors, 0 warnings, 0 infos in 0 files; 2 files could not be read.\n"
    code, out, _ = run(capsys, "check", "--format", "json", str(broken))
    assert code == 2 and json.loads(out)["summary"]["unreadable_files"] == 1


def test_one_mistake_is_one_line_with_its_related_findings_under_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "slip.yaml"
    path.write_text(SLIP, "utf-8")
    code, out, _ = run(capsys, "check", "--min-severity", "warning", str(path))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 5
    assert (
        lines[0].startswith(f"{path}:")
        and " AM202 [error] 'a' supports 'q' but also works against it" in lines[0]
    )
    assert [line.split()[2] for line in lines[1:4]] == ["AM302", "AM301", "AM203"]
    assert all(line.startswith(f"    related: {path}:") for line in lines[1:4])
    assert (
        lines[4] == "Found 1 error, 0 warnings, 0 infos (and 3 related findings listed under them) in 1 file."
    )
    code, out, _ = run(capsys, "check", "--format", "json", "--min-severity", "warning", str(path))
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert [r["code"] for r in finding["related"]] == ["AM302", "AM301", "AM203"]
    assert finding["related"][0]["elements"] == ["a", "x", "b"] and finding["related"][0]["related"] == []


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


@pytest.mark.parametrize("code", sorted(RULES))
def test_rules_explain_gives_an_example_and_a_fix_for_each_rule(
    capsys: pytest.CaptureFixture[str], code: str
) -> None:
    exit_code, out, _ = run(capsys, "rules", "--explain", code.lower())
    assert exit_code == 0 and out == RULES[code].explain() + "\n"
    assert out.startswith(f"{code} ") and "\nExample:\n" in out and "\nFix: " in out
    assert f"\nargmap check says:\n    {code} [" in out


def test_rules_explain_an_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rules", "--explain", "AM999")
    assert code == 2 and "no rule with id 'AM999'" in err


def test_checking_a_large_map_walks_none_of_it_with_the_cycle_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # each collection of a large map's objects cost a third of a second or more at 100k nodes
    import gc

    import argmap
    from argmap import cli

    b = argmap.MapBuilder("big", "A large map")
    b.issue("q", "Q?")
    for i in range(3500):
        b.claim(f"c{i}", f"Claim {i}.")
        b.supports(f"c{i}", "q" if i < 10 else f"c{i // 2}")
        if i % 7:
            b.attacks(f"c{i}", f"c{(i * 7 + 3) % 3500}")
    path = tmp_path / "big.yaml"
    argmap.dump(b.build(), path)
    loaded: list[bool] = []
    real_keep = cli._keep
    monkeypatch.setattr(cli, "_keep", lambda m: loaded.append(True) or real_keep(m))
    after_load: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and loaded:
            after_load.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        main(["check", "--jobs", "1", str(path)])
    finally:
        gc.callbacks.remove(watch)
        gc.unfreeze()  # the command froze the map, as it ends: give it back to this test process
    assert loaded == [True] and "Found" in capsys.readouterr().out
    assert after_load == []
