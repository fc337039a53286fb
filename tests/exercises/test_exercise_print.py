"""Printing a worksheet: the paper, from the option or the locale, and diagrams sized for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.exercises.layout import (
    FIGURE_SHARE,
    MIN_PRINTED_PT,
    PAPERS,
    Paper,
    figure_scale,
    paper_for_locale,
)


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "fr_FR.UTF-8"}, "a4"),
        ({"LC_ALL": "en_CA.UTF-8", "LC_PAPER": "de_DE"}, "letter"),
        ({"LANG": "C"}, "a4"),
        ({"LANG": "sr_RS@latin"}, "a4"),
        ({}, "a4"),
    ],
)
def test_the_paper_follows_the_locale(environ: dict[str, str], paper: Paper) -> None:
    assert paper_for_locale(environ) == paper


@given(
    width=st.floats(10, 3000),
    height=st.floats(10, 3000),
    smallest=st.floats(6, 30),
    paper=st.sampled_from(["a4", "letter"]),
)
def test_a_diagram_fits_the_page_and_keeps_its_text_legible_where_it_can(
    width: float, height: float, smallest: float, paper: Paper
) -> None:
    scale = figure_scale(width, height, smallest, paper)
    page_width, page_height = PAPERS[paper].content_pt
    assert 0 < scale <= 1  # never enlarged
    assert width * scale <= page_width + 1e-6 and height * scale <= page_height + 1e-6
    legible = MIN_PRINTED_PT / smallest
    fits_at_legible = width * legible <= page_width and height * legible <= page_height
    if fits_at_legible:
        # Text stays at 8 pt or more, and the figure takes its share of the page or keeps that size.
        assert smallest * scale >= MIN_PRINTED_PT - 1e-6 or scale == 1
        assert height * scale <= FIGURE_SHARE * page_height + 1e-6 or scale <= max(legible, 0) + 1e-9


@pytest.mark.needs_engine
@pytest.mark.parametrize(
    ("argv", "environ", "css"),
    [
        (["--paper", "letter"], {"LANG": "de_DE.UTF-8"}, "size: letter portrait;"),
        ([], {"LANG": "en_US.UTF-8"}, "size: letter portrait;"),
        ([], {"LANG": "en_GB.UTF-8"}, "size: A4 portrait;"),
    ],
)
def test_the_command_lays_the_sheet_out_for_the_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], environ: dict[str, str], css: str
) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    sheet, key = tmp_path / "sheet.html", tmp_path / "key.html"
    code = main(
        ["exercise", "school-phones", "--kind", "sort-by-side", "-o", str(sheet), "--key", str(key), *argv]
    )
    assert code == 0
    assert css in sheet.read_text(encoding="utf-8") and css in key.read_text(encoding="utf-8")


def test_an_unknown_paper_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(
        [
            "exercise",
            "school-phones",
            "--kind",
            "sort-by-side",
            "--paper",
            "a3",
            "-o",
            str(tmp_path / "s.html"),
        ]
    )
    assert code == 2 and "invalid choice: 'a3'" in capsys.readouterr().err
