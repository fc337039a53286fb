r"""The cells and lines of the teacher's tables: gradebooks (CSV) and class summaries (text, HTML).

Shared by the gradebook of answer files (:mod:`argmap.exercises.gradebook`)
and that of reconstructed maps (:mod:`argmap.exercises.map_gradebook`), so
that both read alike: the same numbers, the same protection against cells a
spreadsheet would run, the same printable page.

Examples:
    >>> csv_cell("=SUM(A1)"), number(66.666), one_line("a\n  b")
    ("'=SUM(A1)", '66.67', 'a b')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["PAGE_STYLE", "csv_cell", "csv_text", "html_page", "number", "one_line", "text_table"]

# Cells a spreadsheet reads as formulas (CSV injection); the prefix makes them text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The style of a printable summary page: A4 or Letter, portrait, one table.
PAGE_STYLE = """
@page { margin: 15mm; }
body { font: 9.5pt/1.3 system-ui, sans-serif; color: #000; background: #fff; margin: 0 auto;
       max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
p.lead { margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
col.q { width: 46%; } col.k { width: 16%; } col.w { width: 14%; }
th, td { border-bottom: 0.5pt solid #888; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
th { border-bottom: 1pt solid #000; font-size: 8.5pt; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.low td { font-weight: bold; }
ul.unusable { padding-left: 5mm; }
"""


def csv_cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs as a formula.

    Examples:
        >>> csv_cell("-5+3"), csv_cell("Ana")
        ("'-5+3", 'Ana')
    """
    text = value.replace("\x00", "")
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    r"""Rows as standard CSV (RFC 4180 quoting, CRLF line ends) that spreadsheets and LMS imports read.

    Examples:
        >>> csv_text([["file", "student"], ["a.yaml", 'Dana, "the" Scholar']])
        'file,student\r\na.yaml,"Dana, ""the"" Scholar"\r\n'
    """
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def number(value: float) -> str:
    """``7`` for 7.0, ``66.67`` for 66.666: at most two decimals, no trailing zeros.

    Examples:
        >>> number(7.0), number(0.5), number(2 / 3)
        ('7', '0.5', '0.67')
    """
    return f"{value:.2f}".rstrip("0").rstrip(".")


def one_line(text: str, limit: int = 60) -> str:
    r"""Text on one line, control characters out, cut at ``limit`` characters.

    Examples:
        >>> one_line("a\tb\x00 c"), one_line("x" * 10, 5)
        ('a b c', 'xxxx…')
    """
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a plain-text table: columns padded to their widest cell, the last one left ragged.

    Examples:
        >>> for line in text_table(["item", "right", "note"], [["1", "3/4", "B (1)"], ["10", "0/4", ""]]):
        ...     print(line)
        item  right  note
        1     3/4    B (1)
        10    0/4
    """
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [f"{cell:<{w}}" for cell, w in zip(row, widths, strict=False)]
        lines.append(("  ".join(cells) + "  " + row[-1]).rstrip())
    return lines


def html_page(title: str, body: Iterable[str]) -> str:
    r"""A self-contained printable page: the escaped title as heading, then ``body`` (HTML already).

    Examples:
        >>> page = html_page("A & B", ["<p>hi</p>"])
        >>> "<h1>A &amp; B</h1>" in page, page.endswith("</body></html>\n")
        (True, True)
    """
    heading = escape(one_line(title, 300))
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en"><head><meta charset="utf-8">',
                f"<title>{heading}</title>",
                f"<style>{PAGE_STYLE}</style></head><body>",
                f"<h1>{heading}</h1>",
                *body,
                "</body></html>",
            ]
        )
        + "\n"
    )
