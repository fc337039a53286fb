"""The HTML worksheet in a real browser: headless Chromium screenshots and prints it.

Skipped where ``chromium`` is not on PATH (or no Graphviz engine draws the
real worksheet's diagram).
"""

from __future__ import annotations

import functools
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

import argmap
from argmap.cli import main
from argmap.exercises import KINDS, Exercise, generate
from argmap.exercises.html import worksheet_html
from argmap.exercises.layout import PAPERS, Paper
from argmap.exercises.pdf import PrintEngineNotFoundError, html_to_pdf
from argmap.render import available_engines
from tests.exercises.test_exercise_html import fake_svg, handmade

CHROMIUM = shutil.which("chromium")
WIDTH, HEIGHT = 1240, 1754

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH")
needs_engine = pytest.mark.skipif(not available_engines(), reason="no Graphviz layout engine")


def chromium(tmp_path: Path, page: str, *output: str) -> None:
    """Open ``page`` (written to a temp file) in headless Chromium with the given output flag."""
    html = tmp_path / "page.html"
    html.write_text(page, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            *output,
            html.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]


def _unfilter(rows: bytes, width: int, depth: int) -> list[bytes]:
    """The scanlines of a PNG image (8-bit samples, ``depth`` bytes a pixel), with filters undone."""
    stride = width * depth
    out: list[bytes] = []
    previous = bytearray(stride)
    for y in range(len(rows) // (stride + 1)):
        kind = rows[y * (stride + 1)]
        line = bytearray(rows[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - depth] if x >= depth else 0
            up = previous[x]
            corner = previous[x - depth] if x >= depth else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 0xFF
        out.append(bytes(line))
        previous = line
    return out


def png_ink(path: Path) -> tuple[int, int, float]:
    """A PNG's width, height and the share of its pixels that are not near-white."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, bits, color = struct.unpack(">IIBB", header[:10])
    assert bits == 8 and color in (2, 6), "an 8-bit RGB(A) screenshot"
    depth = 3 if color == 2 else 4
    lines = _unfilter(zlib.decompress(idat), width, depth)
    # Every 4th row and column is plenty to measure ink.
    seen = dark = 0
    for line in lines[::4]:
        for x in range(0, width * depth, depth * 4):
            seen += 1
            dark += min(line[x : x + 3]) < 200
    return width, height, dark / seen


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """The (width, height) of each page of a PDF Chromium printed."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


@pytest.mark.parametrize("key", [False, True])
def test_a_handmade_worksheet_shows_in_chromium(tmp_path: Path, key: bool) -> None:
    shot = tmp_path / "page.png"
    chromium(
        tmp_path,
        worksheet_html(handmade(), key=key, svg=fake_svg),
        f"--screenshot={shot}",
        f"--window-size={WIDTH},{HEIGHT}",
    )
    width, height, ink = png_ink(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert 0.005 < ink < 0.5


@needs_engine
def test_a_real_worksheet_and_its_key_screenshot_and_print(tmp_path: Path) -> None:
    ex = generate(argmap.load_corpus("allied-space-cooperation"), "sort-by-side", issues=["burden-sharing"])
    inks = []
    for key in (False, True):
        shot = tmp_path / f"{key}.png"
        chromium(
            tmp_path, worksheet_html(ex, key=key), f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}"
        )
        width, height, ink = png_ink(shot)
        assert (width, height) == (WIDTH, HEIGHT) and 0.005 < ink < 0.5
        inks.append(ink)
    # The key shows more: answers and explanations.
    assert inks[1] > inks[0]
    pdf = tmp_path / "sheet.pdf"
    chromium(tmp_path, worksheet_html(ex), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    pages = pdf_pages(pdf)
    assert pages and pages[0][0] < pages[0][1]
    # A worksheet diagram is drawn top to bottom with short labels: it fits a
    # portrait page, so every page is portrait and a few pages hold it all.
    assert all(w < h for w, h in pages) and len(pages) <= 4


# -- printed to PDF on A4 and Letter: page counts, fullness, unbroken instructions -------------

DEMO_KINDS = ("sort-by-side", "label-links", "match-principles", "fill-gap")
ALLIED = "allied-space-cooperation"
#: Below this height (points from the bottom), text is the page footer ("Page 1 of 3").
FOOTER_PT = 40.0


# The sheets printed: (corpus, kinds, issue, difficulty) and the most pages each may take. Each kind
# alone (hard, on one issue; locate on the corpus that ships its source text), two sheets of
# 10-12 items, the `make demo` worksheet, and the demo's kinds with find-flaw (5 parts, 17 items).
SHEETS: dict[str, tuple[str, tuple[str, ...], str | None, int, int]] = {
    "demo": (ALLIED, DEMO_KINDS, "burden-sharing", 2, 4),
    "five-parts": (ALLIED, (*DEMO_KINDS, "find-flaw"), "speed-and-scale", 2, 6),
    **{kind: (ALLIED, (kind,), "speed-and-scale", 3, 3) for kind in sorted(KINDS) if kind != "locate"},
    "locate": ("school-phones", ("locate",), "ban", 2, 3),
    # 'ban' drawn whole printed its text at 2.5 pt: its three readable parts take two pages more
    "label-links-10": ("school-phones", ("label-links",), "ban", 2, 5),
    "match-principles-12": (ALLIED, ("match-principles",), None, 3, 3),
}

# Sheets that still print longer than the issue's bound, or with a page under half full.
# None now: the demo and find-flaw met their bounds once fill-gap pooled its choices and
# find-flaw drew compact figures with the items beside them.
PENDING: dict[str, str] = {}


@functools.cache
def printed_sheet(name: str) -> tuple[Exercise, int]:
    """A sheet of :data:`SHEETS`, made, with its page bound."""
    corpus, kinds, issue, difficulty, bound = SHEETS[name]
    ex = generate(
        argmap.load_corpus(corpus), kinds, seed=1, difficulty=difficulty, issues=[issue] if issue else []
    )
    # a sheet of one kind holds up to 15 items; the five-part sheet 17
    assert len(ex.items) <= (15 if len(kinds) == 1 else 17)
    return ex, bound


def text_runs(page: PageObject) -> list[tuple[float, str]]:
    """A PDF page's runs of text with their heights above the page's bottom, the footer left out."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = cm[5] + cm[3] * tm[5] + cm[1] * tm[4]
        if text.strip() and y > FOOTER_PT:
            runs.append((y, text))

    page.extract_text(visitor_text=visit)
    return runs


def page_texts(pdf: Path) -> list[tuple[str, float]]:
    """Each page's text (footer left out) and how full it is: the share of the page above its lowest line."""
    pages = []
    for page in PdfReader(pdf).pages:
        height = float(page.mediabox.height)
        runs = text_runs(page)
        text = " ".join(" ".join(t for _, t in runs).split())
        pages.append((text, 1 - min((y for y, _ in runs), default=height) / height))
    return pages


@pytest.mark.browser
@pytest.mark.needs_engine
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", list(SHEETS))
def test_a_worksheet_prints_within_its_page_bound(tmp_path: Path, name: str, paper: Paper) -> None:
    size = PAPERS[paper]
    failures = []
    ex, bound = printed_sheet(name)
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(html_to_pdf(worksheet_html(ex, paper=paper)))
    pages = page_texts(pdf)
    reader = PdfReader(pdf)
    # Every page is the paper asked for, portrait.
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - size.width_mm * 72 / 25.4) < 1 and abs(height - size.height_mm * 72 / 25.4) < 1
    for number, (_, full) in enumerate(pages[:-1], start=1):
        if full < 0.5:
            failures.append(f"page {number} is {full:.0%} full")
    # The header and Part 1 start on page 1.
    assert ex.title.split()[0] in pages[0][0] and "Part 1." in pages[0][0]
    # Each part's instructions are whole on one page.
    for part in ex.parts:
        words = " ".join(part.instructions.split())
        assert any(words in text for text, _ in pages), f"{name}: {part.title}'s instructions are split"
    if len(pages) > bound:
        failures.append(f"{len(pages)} pages, more than {bound}")
    # The sheets of PENDING are known to miss the bounds (their other checks above hold).
    if name in PENDING:
        assert failures, f"{name} now prints within its bounds: take it out of PENDING"
        pytest.xfail(f"{'; '.join(failures)}: {PENDING[name]}")
    assert not failures, f"{name}: " + "; ".join(failures)


@pytest.mark.browser
def test_a_pdf_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    page = worksheet_html(handmade(), svg=fake_svg, paper="letter")
    first, second = html_to_pdf(page), html_to_pdf(page)
    assert first.startswith(b"%PDF-") and first == second
    assert b"D:20000101000000" in first


def test_no_browser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARGMAP_BROWSER", str(tmp_path / "no-such-browser"))
    with pytest.raises(PrintEngineNotFoundError, match="needs headless Chromium"):
        html_to_pdf("<p>x</p>")


def test_the_command_says_so_and_exits_2_without_a_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARGMAP_BROWSER", str(tmp_path / "no-such-browser"))
    sheet = tmp_path / "sheet.pdf"
    code = main(["exercise", "school-phones", "--kind", "match-principles", "-o", str(sheet)])
    assert code == 2 and "needs headless Chromium" in capsys.readouterr().err
    assert not sheet.exists()


def smallest_printed_text(pdf: Path) -> float:
    """The size, in points on paper, of the smallest text a PDF prints (a figure's text included)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(abs(size * tm[3] * cm[3]))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


@pytest.mark.browser
@pytest.mark.needs_engine
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_whole_map_worksheet_prints_its_figures_text_at_8_pt(tmp_path: Path, paper: Paper) -> None:
    # Drawn whole, allied-space-cooperation printed its text at 1.6 pt; one figure per issue reads.
    ex = generate(argmap.load_corpus(ALLIED), "sort-by-side", seed=1)
    pdf = tmp_path / "whole.pdf"
    pdf.write_bytes(html_to_pdf(worksheet_html(ex, paper=paper)))
    # (and no page shrunk to fit a too-wide line: that would shrink the figures' 8 pt too)
    assert smallest_printed_text(pdf) >= 7.9
