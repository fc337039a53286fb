"""Findings as text (ruff-style lines and a summary) and as JSON.

Examples:
    >>> from argmap.checks.registry import Finding, Location
    >>> f = Finding("AM101", "error", "'a' both supports and attacks 'b'", ("a", "s", "x", "b"),
    ...             (Location("a", "m.yaml", 4, 5),), "contradictory-stance")
    >>> format_finding("m.yaml", f)
    "m.yaml:4:5: AM101 [error] 'a' both supports and attacks 'b' (a, s, x, b)"
    >>> format_summary_line([("m.yaml", [f])])
    'Found 1 error, 0 warnings, 0 infos in 1 file.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from argmap.checks.registry import SEVERITIES, Finding

__all__ = ["REPORT_VERSION", "findings_report", "format_finding", "format_summary_line"]

REPORT_VERSION = 1


def format_finding(path: str, finding: Finding) -> str:
    """One finding as ``path:line:col: CODE [severity] message (ids...)``."""
    where = finding.location
    head = f"{where.path}:{where.line}:{where.column}" if where else path
    return f"{head}: {finding.code} [{finding.severity}] {finding.message} ({', '.join(finding.elements)})"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_summary_line(results: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    """The closing line: counts by severity and number of files."""
    counts = Counter(f.severity for _, found in results for f in found)
    parts = ", ".join(_plural(counts[s], s) for s in reversed(SEVERITIES))
    return f"Found {parts} in {_plural(len(results), 'file')}."


def findings_report(results: Sequence[tuple[str, Sequence[Finding]]]) -> dict[str, Any]:
    """The JSON report of ``argmap check --format json`` (schema in the README)."""
    counts = Counter(f.severity for _, found in results for f in found)
    return {
        "version": REPORT_VERSION,
        "files": [
            {
                "path": path,
                "findings": [
                    {
                        "code": f.code,
                        "name": f.name,
                        "severity": f.severity,
                        "message": f.message,
                        "elements": list(f.elements),
                        "locations": [
                            {"element": loc.element, "path": loc.path, "line": loc.line, "column": loc.column}
                            for loc in f.locations
                        ],
                    }
                    for f in found
                ],
            }
            for path, found in results
        ],
        "summary": {severity: counts[severity] for severity in reversed(SEVERITIES)},
    }
