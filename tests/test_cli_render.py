from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.render import RenderOptions, to_dot
from tests.conftest import ROOT

PHONES = ROOT / "corpora" / "school-phones" / "map.yaml"
needs_engine = pytest.mark.needs_engine  # skipped where no engine is found (tests/conftest.py)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dot_output_needs_no_engine_and_matches_the_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "m.dot"
    code, stdout, _ = run(capsys, "render", str(PHONES), "-o", str(out), "--issue", "lunch", "--legend")
    assert code == 0 and stdout.startswith(f"wrote {out} (dot, ")
    expected = to_dot(argmap.load(PHONES), RenderOptions(issues=("lunch",), legend=True))
    assert out.read_text("utf-8") == expected


def test_with_findings_highlights_finding_elements(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n  - {id: b, kind: claim, text: B}\n"
        "links:\n  - {id: s, kind: supports, source: a, target: b}\n"
        "  - {id: x, kind: attacks, source: a, target: b}\n",
        "utf-8",
    )
    plain, marked = tmp_path / "plain.dot", tmp_path / "marked.dot"
    assert run(capsys, "render", str(bad), "-o", str(plain))[0] == 0
    assert run(capsys, "render", str(bad), "-o", str(marked), "--with-findings")[0] == 0
    m = argmap.load(bad)
    assert marked.read_text("utf-8") == to_dot(m, RenderOptions(with_findings=True))
    assert marked.read_text("utf-8") != plain.read_text("utf-8")
    assert "<B>AM101</B> contradictory-stance (error)" in marked.read_text("utf-8")


def test_render_errors_are_located_or_plain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "render", str(PHONES), "-o", str(tmp_path / "x.svg"), "--focus", "nope")
    assert code == 2 and err.startswith(
        "argmap: no node with id 'nope' (none is close; 28 to choose from, e.g. ban, "
    )
    code, _, err = run(capsys, "render", str(PHONES), "-o", str(tmp_path / "x.gif"))
    assert code == 2 and "cannot tell the format from '.gif'" in err
    code, _, err = run(capsys, "render", str(PHONES), "-o", str(PHONES), "--format", "dot")
    assert code == 2 and "refusing to overwrite the input file" in err


@needs_engine
def test_svg_to_a_file_and_png_to_stdout(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    out = tmp_path / "m.svg"
    assert main(["render", str(PHONES), "-o", str(out), "--theme", "print"]) == 0
    assert "<svg" in out.read_text("utf-8")
    assert (out.stat().st_mode & 0o777) != 0o600, "a drawing is an ordinary, readable file"
    capsysbinary.readouterr()
    assert main(["render", str(PHONES), "-o", "-", "--format", "png"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"\x89PNG\r\n")


def test_side_draws_what_the_side_bears_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "side.dot"
    code, _, _ = run(capsys, "render", str(PHONES), "-o", str(out), "--side", "middle-ground")
    assert code == 0
    dot = out.read_text("utf-8")
    assert dot == to_dot(argmap.load(PHONES), RenderOptions(sides=("middle-ground",)))
    # The opponents' claim the side answers is drawn, with the line from the side's node to it.
    assert '"office-message" -> "pouches-block-contact"' in dot
    assert '"pouches-block-contact" -> "locked-pouches"' in dot


def test_print_theme_names_sides_by_badges(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "print.dot"
    assert run(capsys, "render", str(PHONES), "-o", str(out), "--theme", "print", "--legend")[0] == 0
    dot = out.read_text("utf-8")
    for badge in ("[BS]", "[BO]", "[MG]"):
        assert dot.count(f"<B>{badge}</B>") >= 2, badge  # in a header and in the legend
