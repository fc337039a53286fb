"""Findings as text (ruff-style lines and a summary) and as JSON.

A finding's related findings (see :mod:`argmap.checks.related`) follow it on
indented lines starting ``related:``, and in JSON under ``related``; the
summary counts them apart.

Examples:
    >>> from argmap.checks.registry import Finding, Location
    >>> f = Finding("AM101", "error", "'a' both supports and attacks 'b'", ("a", "s", "x", "b"),
    ...             (Location("a", "m.yaml", 4, 5),), "contradictory-stance")
    >>> format_finding("m.yaml", f)
    "m.yaml:4:5: AM101 [error] 'a' both supports and attacks 'b' (a, s, x, b)"
    >>> format_summary_line([("m.yaml", [f])])
    'Found 1 error, 0 warnings, 0 infos in 1 file.'
    >>> format_summary_line([], unreadable=1)
    'Found 0 errors, 0 warnings, 0 infos in 0 files; 1 file could not be read.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from argmap.checks.context import plural
from argmap.checks.registry import SEVERITIES, Finding

__all__ = ["REPORT_VERSION", "findings_report", "format_finding", "format_summary_line"]

REPORT_VERSION = 2


def format_finding(path: str, finding: Finding) -> str:
    """One finding as ``path:line:col: CODE [severity] message (ids...)``, then its related findings.

    Examples:
        >>> cause = Finding("AM101", "error", "'a' both supports and attacks 'b'", ("a", "s", "x", "b"),
        ...                 related=(Finding("AM203", "warning", "a loop", ("b", "x", "a")),))
        >>> print(format_finding("m.yaml", cause))
        m.yaml: AM101 [error] 'a' both supports and attacks 'b' (a, s, x, b)
            related: m.yaml: AM203 [warning] a loop (b, x, a)
    """
    lines = [_line(path, finding)]
    lines += [f"    related: {_line(path, r)}" for r in finding.related]
    return "\n".join(lines)


def _line(path: str, finding: Finding) -> str:
    where = finding.location
    head = f"{where.path}:{where.line}:{where.column}" if where else path
    return f"{head}: {finding.code} [{finding.severity}] {finding.message} ({', '.join(finding.elements)})"


def format_summary_line(results: Sequence[tuple[str, Sequence[Finding]]], unreadable: int = 0) -> str:
    """The closing line: counts by severity, related findings, files checked and files not read.

    Examples:
        >>> effect = Finding("AM203", "warning", "a loop", ("b", "x", "a"))
        >>> format_summary_line([("m.yaml", [Finding("AM101", "error", "...", ("a",), related=(effect,))])])
        'Found 1 error, 0 warnings, 0 infos (and 1 related finding listed under them) in 1 file.'
    """
    counts = Counter(f.severity for _, found in results for f in found)
    parts = ", ".join(plural(counts[s], s) for s in reversed(SEVERITIES))
    related = sum(len(f.related) for _, found in results for f in found)
    if related:
        parts += f" (and {plural(related, 'related finding')} listed under them)"
    not_read = f"; {plural(unreadable, 'file')} could not be read" if unreadable else ""
    return f"Found {parts} in {plural(len(results), 'file')}{not_read}."


def findings_report(results: Sequence[tuple[str, Sequence[Finding]]], unreadable: int = 0) -> dict[str, Any]:
    """The JSON report of ``argmap check --format json`` (schema in docs/checks.md).

    Examples:
        >>> report = findings_report([("m.yaml", [Finding("AM403", "warning", "...", ("p",))])])
        >>> report["summary"], report["files"][0]["findings"][0]["related"]
        ({'error': 0, 'warning': 1, 'info': 0, 'related': 0, 'unreadable_files': 0}, [])
    """
    counts = Counter(f.severity for _, found in results for f in found)
    summary: dict[str, int] = {severity: counts[severity] for severity in reversed(SEVERITIES)}
    summary["related"] = sum(len(f.related) for _, found in results for f in found)
    summary["unreadable_files"] = unreadable
    return {
        "version": REPORT_VERSION,
        "files": [{"path": path, "findings": [_as_json(f) for f in found]} for path, found in results],
        "summary": summary,
    }


def _as_json(f: Finding) -> dict[str, Any]:
    found: dict[str, Any] = {
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
    found["related"] = [_as_json(r) for r in f.related]
    return found
