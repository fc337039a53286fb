"""A worksheet printed to PDF by headless Chromium (or Chrome), the engine that prints it on screen too.

argmap writes no PDF itself: it hands the self-contained HTML page (see
:func:`argmap.exercises.html.worksheet_html`, whose ``@page`` rule names
the paper) to a browser in headless mode, which lays it out and prints it
exactly as its print dialog would. Why a browser and not a Python library
such as WeasyPrint: the HTML page is what teachers already print from
their browser, so one layout is tested and kept, and Chromium's SVG and
page-break support is complete; WeasyPrint installs with pip but needs
the Pango libraries of the system and lays out pages by its own rules,
which the worksheet would then have to satisfy twice.

The browser is the first of :data:`BROWSERS` found on ``PATH``, or the
program named by the ``ARGMAP_BROWSER`` environment variable. Chromium
stamps the PDF with the time it was made; :func:`html_to_pdf` sets that
stamp to a fixed date, so the same page gives the same bytes.

Examples:
    >>> find_browser({"ARGMAP_BROWSER": "/nowhere/chromium"}) is None
    True
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from argmap.errors import PrintEngineNotFoundError, RenderError

__all__ = ["BROWSERS", "PrintEngineNotFoundError", "find_browser", "fixed_dates", "html_to_pdf"]

#: The programs tried, in order, to print a page to PDF.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: The most seconds a browser may take to print one page.
TIMEOUT = 180.0

# A PDF date (D:YYYYMMDDHHmmSS and an optional zone): Chromium's /CreationDate and /ModDate.
_PDF_DATE = re.compile(rb"D:\d{14}(Z|[+-]\d\d'\d\d')?")
_FIXED = b"D:20000101000000"


def find_browser(environ: Mapping[str, str] | None = None) -> str | None:
    """The browser that prints PDF worksheets: ``ARGMAP_BROWSER`` if set, else the first of :data:`BROWSERS`.

    Returns:
        Its path, or None when there is none (or ``ARGMAP_BROWSER`` names no program).

    Examples:
        >>> find_browser({"ARGMAP_BROWSER": "/nowhere/chrome"}) is None
        True
    """
    env = os.environ if environ is None else environ
    named = env.get("ARGMAP_BROWSER")
    if named:
        return shutil.which(named)
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    return None


def fixed_dates(pdf: bytes) -> bytes:
    """``pdf`` with every date stamp set to 1 January 2000, keeping each stamp's length (and so every offset).

    Examples:
        >>> fixed_dates(b"/CreationDate (D:20261127140050+01'00')")
        b"/CreationDate (D:20000101000000+00'00')"
        >>> fixed_dates(b"(D:20261127140050Z)")
        b'(D:20000101000000Z)'
    """

    def fixed(found: re.Match[bytes]) -> bytes:
        zone = found.group(1) or b""
        return _FIXED + (b"+00'00'" if len(zone) > 1 else zone)

    return _PDF_DATE.sub(fixed, pdf)


def html_to_pdf(page: str, *, browser: str | None = None, timeout: float = TIMEOUT) -> bytes:
    """Print an HTML page to PDF with headless Chromium; the page's ``@page`` rule sets the paper.

    Args:
        page: A self-contained HTML page (no file or network it loads).
        browser: The browser program; default :func:`find_browser`.
        timeout: Give up after this many seconds.

    Returns:
        The PDF, its date stamps fixed (see :func:`fixed_dates`).

    Raises:
        PrintEngineNotFoundError: no browser is available.
        RenderError: the browser failed or gave no PDF.

    Examples:
        >>> pdf = html_to_pdf("<p>Hello</p>")  # doctest: +SKIP
        >>> pdf.startswith(b"%PDF-")  # doctest: +SKIP
        True
    """
    program = browser or find_browser()
    if program is None:
        raise PrintEngineNotFoundError(
            "printing to PDF needs headless Chromium or Google Chrome, and none was found"
            f" (looked for {', '.join(BROWSERS)} on PATH, or ARGMAP_BROWSER):"
            " install one (e.g. `apt install chromium`), or write .html and print it from a browser"
        )
    with tempfile.TemporaryDirectory(prefix="argmap-print-") as folder:
        where = Path(folder)
        source = where / "page.html"
        source.write_text(page, encoding="utf-8")
        target = where / "page.pdf"
        command = [
            program,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={where / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(2, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"{program}: printing to PDF took more than {timeout:g} seconds") from None
        except OSError as err:
            raise RenderError(f"{program}: could not run it to print a PDF: {err.strerror}") from None
        data = target.read_bytes() if target.is_file() else b""
        if done.returncode != 0 or not data.startswith(b"%PDF-"):
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RenderError(
                f"{program}: printing to PDF failed (exit {done.returncode})"
                + (": " + " / ".join(said) if said else "")
            )
    return fixed_dates(data)
