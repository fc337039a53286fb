from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.locations import locate
from argmap.render import to_dot
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"argmap {argmap.__version__}"
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "exit codes:" in out and "unusable input" in out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in err


def test_info(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info", str(PHONES))
    assert code == 0
    m = argmap.load(PHONES)
    assert out.startswith(f"{m.title} (school-phones)\n")
    assert f"  nodes: {len(m.nodes)} (" in out and f"  links: {len(m.links)} (" in out
    for side in m.sides:
        assert f"    {side.id}: {side.name}" in out


def test_schema_is_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].endswith("2020-12/schema") and schema["title"] == "ArgumentMap"


def test_validate_valid_and_invalid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: m\ntitle: T\nnodes:\n  - id: a\n    kind: claim\n    text: ''\n", "utf-8")
    code, out, err = run(capsys, "validate", str(PHONES), str(bad))
    assert code == 2
    assert f"{PHONES}: valid (" in out and "anchors verified against 1 source text" in out
    assert err == f"{bad}:6:11: claim 'a': text: must not be empty or blank\n"
    assert "Traceback" not in err


def test_validate_reports_anchor_drift(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    m = argmap.load(PHONES)
    text = (PHONES.parent / "source.md").read_text("utf-8")
    anchor = m.nodes[1].anchors[0]
    changed = text[: anchor.start] + "X" + text[anchor.start + 1 :]
    path = tmp_path / "edited.md"
    path.write_text(changed, "utf-8")
    code, _, err = run(capsys, "validate", str(PHONES), "--source", f"text={path}")
    assert code == 2
    assert "source 'text': text does not match the recorded SHA-256" in err
    line, column = locate(m, m.nodes[1].id, "anchors", 0)[1:]  # type: ignore[index]
    assert f"{PHONES}:{line}:{column}: {m.describe(m.nodes[1].id)}: anchor 0: span" in err


def test_validate_unknown_source_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(PHONES), "--source", "nope=x.txt")
    assert code == 2 and "the map has no source 'nope'" in err
    code, _, err = run(capsys, "validate", str(PHONES), "--source", "broken")
    assert code == 2 and "expected ID=PATH" in err


def test_show_prints_element_and_passage(capsys: pytest.CaptureFixture[str]) -> None:
    m = argmap.load(PHONES)
    node = m.nodes[1]
    code, out, _ = run(capsys, "show", str(PHONES), node.id)
    assert code == 0 and out.startswith(f"id: {node.id}\nkind: {node.kind}\n")
    assert f"  > {node.anchors[0].quote.strip()}" in out  # type: ignore[union-attr]
    code, _, err = run(capsys, "show", str(PHONES), "no-such-id")
    assert code == 2 and "no node or link with id 'no-such-id'" in err


def test_convert_round_trip_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_json = tmp_path / "m.json"
    assert run(capsys, "convert", str(PHONES), str(out_json))[0] == 0
    assert argmap.load(out_json) == argmap.load(PHONES)
    before = out_json.read_bytes()
    code, _, err = run(capsys, "convert", str(out_json), str(out_json))
    assert code == 2 and "refusing to overwrite the input" in err
    assert out_json.read_bytes() == before


def test_corpus_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "corpus", "list")
    assert code == 0
    names = [line.split("\t")[0] for line in out.splitlines()]
    assert names == sorted(names) and {"allied-space-cooperation", "school-phones"} <= set(names)
    code, out, _ = run(capsys, "corpus", "show", "school-phones")
    assert code == 0 and out.splitlines()[0].endswith("(school-phones)")
    code, out, _ = run(capsys, "corpus", "path", "school-phones")
    assert Path(out.strip()) == PHONES.resolve()
    code, _, err = run(capsys, "corpus", "show", "nope")
    assert code == 2 and "no bundled corpus with id 'nope' (choose from allied-space-cooperation, " in err


def test_console_entry_point_runs_as_module(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1]", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(bad)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr == f"{bad}:1:1: the top level must be a mapping (id, title, nodes, ...), not a list\n"


def test_a_note_met_through_load_is_a_located_warning_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # `grade --reference` loads through argmap.load, which warns: the command line
    # prints the note as its readers' notes are printed, never as a Python warning.
    first, second = tmp_path / "a.argdown", tmp_path / "b.argdown"
    for path in (first, second):
        path.write_text("# Phones\n\n[Ban]: Ban phones.\n  + [Calm]\n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--reference", str(first), str(second))
    assert code == 0 and "Precision" in out
    assert err.splitlines() == [
        f"{path}:4:5: warning: statement [Calm] is used but never given text; its title stands for its text"
        for path in (first, second)
    ]


def test_the_command_leaves_its_outputs_whole_and_its_exit_code_when_it_skips_teardown(
    tmp_path: Path,
) -> None:
    # `argmap` (and `python -m argmap`) end with os._exit after flushing: nothing may be lost on the way
    out = tmp_path / "map.dot"
    corpus = ROOT / "corpora" / "school-phones" / "map.yaml"
    render = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(corpus), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert render.returncode == 0 and render.stdout.startswith(f"wrote {out}")
    assert out.read_text(encoding="utf-8") == to_dot(argmap.load(corpus))
    report = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(corpus)], capture_output=True, text=True
    )
    assert (
        report.returncode == 0
        and report.stdout
        == subprocess.run(
            [sys.executable, "-c", f"from argmap.cli import main; main(['check', {str(corpus)!r}])"],
            capture_output=True,
            text=True,
        ).stdout
    )
    missing = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(tmp_path / "nope.yaml")], capture_output=True
    )
    assert missing.returncode == 2 and b"nope.yaml" in missing.stderr
