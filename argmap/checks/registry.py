"""The rule registry and the finding type shared by every rule family.

A rule is a function from a :class:`~argmap.checks.context.Context` to the
findings it makes, registered with :func:`rule` under a stable code. Codes
group by family: ``AM1xx`` contradictions, ``AM2xx`` cycles, ``AM3xx`` derived
stance and sides, ``AM4xx`` loose ends, ``AM5xx`` notes for teachers, ``AM6xx`` fidelity to
the source texts.

Examples:
    >>> Finding("AM101", "error", "oops", ("a", "b")).severity_rank
    2
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from argmap.checks.context import Context

__all__ = ["RULES", "SEVERITIES", "Finding", "Location", "Rule", "Severity", "rule"]

Severity: TypeAlias = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


@dataclass(frozen=True)
class Location:
    """Where an element of a finding stands in the map's file."""

    element: str
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """One problem (or note) a rule found in a map.

    Attributes:
        code: The rule's code, e.g. ``AM101``.
        severity: ``error``, ``warning`` or ``info``.
        message: What is wrong, in plain words.
        elements: The node and link ids involved, in witness order.
        locations: Where those elements stand in the file (empty for a map
            built in code).
        name: The rule's name, e.g. ``contradictory-stance``.
        related: Findings of other rules (or the same) that this one explains:
            they share a link with it, so one mistake likely caused them all
            (see :mod:`argmap.checks.related`). They are not repeated in
            :func:`~argmap.checks.check`'s list.
    """

    code: str
    severity: Severity
    message: str
    elements: tuple[str, ...]
    locations: tuple[Location, ...] = ()
    name: str = ""
    related: tuple[Finding, ...] = ()

    @property
    def severity_rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return SEVERITIES.index(self.severity)

    @property
    def location(self) -> Location | None:
        """The location of the first located element, if any."""
        return self.locations[0] if self.locations else None


@dataclass(frozen=True)
class Rule:
    """A registered rule: its code, name, default severity, documentation and check.

    ``example`` is a small map (YAML, without ``id`` and ``title``) that
    breaks the rule and ``fixed`` the same map corrected (empty when there is
    nothing to correct).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    example: str
    fix: str
    check: Callable[[Context], Iterable[Finding]] = field(repr=False, compare=False)
    fixed: str = ""

    def explain(self) -> str:
        """The rule's full documentation as plain text (what ``argmap rules --explain`` prints).

        It shows the example, what ``argmap check`` says about it (run now,
        so it cannot go stale), the fix and the corrected example.
        """
        # the runner imports this module, so it is imported here, when needed
        from argmap.checks.examples import example_says

        said = example_says(self)
        return "\n".join(
            [
                f"{self.code} {self.name} [{self.severity}]",
                "",
                self.summary,
                "",
                self.explanation,
                "",
                "Example:",
                *_indented(self.example),
                *(["", "argmap check says:", *_indented("\n".join(said))] if said else []),
                "",
                f"Fix: {self.fix}",
                *(["", "Fixed:", *_indented(self.fixed)] if self.fixed else []),
            ]
        )

    def finding(self, message: str, elements: Iterable[str]) -> Finding:
        """A finding of this rule with its default severity (locations are added later)."""
        return Finding(self.code, self.severity, message, tuple(elements), name=self.name)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    summary: str,
    explanation: str,
    example: str,
    fix: str,
    fixed: str = "",
) -> Callable[[Callable[[Context, Rule], Iterator[Finding]]], Rule]:
    """Register the decorated function as the check of a new rule.

    The function receives the check context and its own :class:`Rule` (to
    make findings with) and yields findings.
    """

    def register(func: Callable[[Context, Rule], Iterator[Finding]]) -> Rule:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")

        def run(context: Context) -> Iterator[Finding]:
            return func(context, RULES[code])

        registered = Rule(
            code, name, severity, summary, _dedent(explanation), _dedent(example), fix, run, _dedent(fixed)
        )
        RULES[code] = registered
        return registered

    return register


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip()


def _indented(text: str) -> list[str]:
    return [f"    {line}" if line else "" for line in text.strip().splitlines()]
