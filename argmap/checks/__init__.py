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
from argmap.errors import UnknownElementError
from argmap.locations import locate, origin_of
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
) -> list[Finding]:
    """Run the selected rules on a map and return their findings.

    ``select`` and ``ignore`` take a code, a prefix or a rule name, or a list
    of them. The map's own ``checks.ignore`` is added to ``ignore``. Findings
    come sorted by file position (or map order), then code; a finding that
    another one explains is not listed but attached to it as ``related``.

    Raises:
        UnknownElementError: a ``select`` or ``ignore`` pattern matches no rule.
    """
    rules = select_rules(select, [*_patterns(ignore), *argument_map.checks.ignore])
    floor = SEVERITIES.index(min_severity)
    context = Context(argument_map)
    findings: list[Finding] = []
    with paused_gc():
        for found in rules:
            if SEVERITIES.index(found.severity) < floor:
                continue
            for finding in found.check(context):
                findings.append(_locate(argument_map, finding))
    order = _element_order(argument_map)
    findings.sort(key=lambda f: (order.get(f.elements[0], len(order)) if f.elements else -1, f.code))
    return relate(argument_map, findings)


def _element_order(argument_map: ArgumentMap) -> dict[str, int]:
    order = {n.id: i for i, n in enumerate(argument_map.nodes)}
    order.update({str(k.id): len(order) + i for i, k in enumerate(argument_map.links)})
    if origin_of(argument_map) is not None:
        # in a file, order by line so that output reads top to bottom
        located = {e: locate(argument_map, e) for e in order}
        lines = sorted(order, key=lambda e: (located[e] or ("", 0, 0))[1:] + (order[e],))
        order = {e: i for i, e in enumerate(lines)}
    return order


def _locate(argument_map: ArgumentMap, finding: Finding) -> Finding:
    if origin_of(argument_map) is None:
        return finding
    locations = []
    for element in dict.fromkeys(finding.elements):
        where = locate(argument_map, element)
        if where is not None:
            locations.append(Location(element, *where))
    return Finding(
        finding.code, finding.severity, finding.message, finding.elements, tuple(locations), finding.name
    )
