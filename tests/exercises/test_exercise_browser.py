"""The HTML worksheet in a real browser: headless Chromium screenshots and prints it.

Skipped where ``chromium`` is not on PATH (or no Graphviz engine draws the
real worksheet's diagram).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import argmap
from argmap.exercises import generate
from argmap.exercises.html import worksheet_html
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
