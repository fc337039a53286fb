"""Stance consistency checks: linter-grade diagnostics for a map's stance links.

:func:`check` runs the registered rules (see :data:`RULES`, or ``argmap
rules``) and returns their findings, each with a stable code, a severity, a
plain message, the elements involved in witness order and, when the map was
loaded from a file, where they stand in it. Findings that one mistake
explains are attached to the finding that names it best, as ``related``
(see :mod:`argmap.checks.related`). Checks never raise on a loadable map.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "T")
    >>> _ = b.claim("a", "A.")
    >>> _ = b.claim("b", "B.")
    >>> _ = b.supports("a", "b", id="s")
    >>> _ = b.attacks("a", "b", id="x")
    >>> [(f.code, f.elements) for f in check(b.build(), select=["AM101"])]
    [('AM101', ('a', 's', 'x', 'b'))]
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap._perf import paused_gc

# the rule modules register their rules on import
from argmap.checks import contradictions, cycles, fidelity, loose, sides, teaching  # noqa: F401
from argmap.checks.context import Context
from argmap.checks.registry import RULES, SEVERITIES, Finding, Location, Rule, Severity
from argmap.checks.related import relate
from argmap.checks.workers import jobs_for, run_rules
from argmap.errors import UnknownElementError
from argmap.locations import locate_all
from argmap.model import ArgumentMap

__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Location",
    "Rule",
    "Severity",
    "check",
    "get_rule",
    "select_rules",
]


def get_rule(code: str) -> Rule:
    """The rule with code ``code`` (case-insensitive), or its name.

    Raises:
        UnknownElementError: no rule has that code or name.

    Examples:
        >>> get_rule("am201").name
        'circular-support'
    """
    wanted = code.upper()
    for found in RULES.values():
        if found.code == wanted or found.name == code.lower():
            return found
    raise UnknownElementError(code, "rule", "see `argmap rules`")


def _matches(found: Rule, patterns: Iterable[str]) -> bool:
    return any(found.code.startswith(p.upper()) or found.name == p.lower() for p in patterns)


def _patterns(given: str | Iterable[str] | None) -> list[str]:
    # one string is one pattern (or several, comma-separated), never its letters
    values = [given] if isinstance(given, str) else list(given or [])
    return [p.strip() for value in values for p in value.split(",") if p.strip()]


def select_rules(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> list[Rule]:
    """The rules to run: those matching ``select`` (all by default) minus ``ignore``.

    A pattern is a code, a code prefix (``AM2`` selects every cycle rule) or a
    rule name. Each argument takes one pattern, a comma-separated string of
    them, or a list.

    Raises:
        UnknownElementError: a pattern matches no rule.

    Examples:
        >>> [r.code for r in select_rules(["AM2"], ["AM203"])]
        ['AM201', 'AM202']
        >>> [r.code for r in select_rules("AM1")]
        ['AM101', 'AM102']
    """
    select, ignore = _patterns(select), _patterns(ignore)
    for pattern in [*select, *ignore]:
        if not any(_matches(r, [pattern]) for r in RULES.values()):
            raise UnknownElementError(pattern, "rule", "see `argmap rules`")
    chosen = [r for r in RULES.values() if not select or _matches(r, select)]
    return [r for r in sorted(chosen, key=lambda r: r.code) if not _matches(r, ignore)]


def check(
    argument_map: ArgumentMap,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    min_severity: Severity = "info",
    *,
    jobs: int | None = 1,
) -> list[Finding]:
    """Run the selected rules on a map and return their findings.

    ``select`` and ``ignore`` take a code, a prefix or a rule name, or a list
    of them. The map's own ``checks.ignore`` is added to ``ignore``. Findings
    come sorted by file position (or map order), then code; a finding that
    another one explains is not listed but attached to it as ``related``.

    ``jobs=2`` runs half of the rules in a second process, forked for the
    purpose (see :mod:`argmap.checks.workers`); ``jobs=None`` does so for
    large maps only. The findings are the same whatever ``jobs`` is.

    Raises:
        UnknownElementError: a ``select`` or ``ignore`` pattern matches no rule.
    """
    rules = select_rules(select, [*_patterns(ignore), *argument_map.checks.ignore])
    floor = SEVERITIES.index(min_severity)
    rules = [r for r in rules if SEVERITIES.index(r.severity) >= floor]
    with paused_gc():
        context = Context(argument_map)
        jobs = jobs_for(len(argument_map.nodes) + len(argument_map.links), jobs)
        if jobs > 1:
            argument_map.positions()  # built once, before the worker is forked, for both processes
        findings = run_rules(rules, context, jobs, lambda found: _located(argument_map, found))
        return relate(argument_map, _sorted(argument_map, findings))


def _located(argument_map: ArgumentMap, findings: list[Finding]) -> list[Finding]:
    """The findings with their elements' places in the file (only the elements that findings name)."""
    located = locate_all(argument_map, (e for f in findings for e in f.elements))
    if not located:
        return findings
    at = {e: Location(e, *where) for e, where in located.items()}  # one each, shared by its findings
    return [
        Finding(
            f.code,
            f.severity,
            f.message,
            f.elements,
            tuple(at[e] for e in dict.fromkeys(f.elements) if e in at),
            f.name,
        )
        for f in findings
    ]


def _sorted(argument_map: ArgumentMap, findings: list[Finding]) -> list[Finding]:
    """The findings sorted by their first element's place in the file (or map order), then code."""
    nodes = len(argument_map.nodes)
    places = argument_map.positions()

    def place(finding: Finding) -> tuple[int, ...]:
        if not finding.elements:
            return (-1,)
        first = finding.elements[0]
        found = places.get(first)
        if found is None:
            return (1,)
        group, index = found
        if group == "links":
            index += nodes
        where = finding.locations[0] if finding.locations and finding.locations[0].element == first else None
        # in a file, by line, so that output reads top to bottom; an element without a line first
        return (0, where.line, where.column, index) if where else (0, 0, 0, index)

    findings.sort(key=lambda f: (place(f), f.code))
    return findings
