"""What ``RenderOptions(with_findings=True)`` draws: the checker's findings, named on the diagram.

A highlight alone tells a reader that something is wrong, not what: each
finding that names a drawn element gets a number, each of its elements a mark
``⚠ 1 AM302`` (on a node, a line under its text; on a link, after its mark),
and a key under the title says what finding 1 is: its rule's code, name and
severity, and the checker's message. The marks are text, so they show in
PNG and PDF as well as in SVG.

Examples:
    >>> import argmap
    >>> findings_of(argmap.load_corpus("school-phones"))
    ()
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from argmap.model import ArgumentMap

__all__ = ["FindingMark", "finding_elements", "findings_of"]


@dataclass(frozen=True)
class FindingMark:
    """One of the checker's findings, as a diagram names it.

    Attributes:
        code: The rule's code, e.g. ``AM302``.
        name: The rule's name, e.g. ``side-incoherence``.
        severity: ``error`` or ``warning``.
        message: The checker's message.
        elements: The node and link ids the finding names, in its order.
        related: The codes of the findings it explains (listed under it by
            ``argmap check``), each once.
    """

    code: str
    name: str
    severity: str
    message: str
    elements: tuple[str, ...]
    related: tuple[str, ...] = ()


def findings_of(m: ArgumentMap, rules: Collection[str] = ()) -> tuple[FindingMark, ...]:
    """The checker's error and warning findings on ``m``, in its order; all those of ``rules``, if given.

    Notes for teachers (infos) are drawn only when their rule is asked for by
    name or prefix: a diagram of the whole map would be full of them.

    Raises:
        UnknownElementError: one of ``rules`` names no rule.

    Examples:
        >>> import argmap
        >>> b = argmap.MapBuilder("m", "T")
        >>> _ = b.claim("a", "A."); _ = b.claim("b", "B.")
        >>> _ = b.supports("a", "b", id="s"); _ = b.attacks("a", "b", id="x")
        >>> [(f.code, f.elements) for f in findings_of(b.build())]
        [('AM101', ('a', 's', 'x', 'b'))]
        >>> findings_of(b.build(), ["AM2"])
        ()
    """
    # Imported here, when asked: drawing a map needs no checker otherwise.
    from argmap.checks import check

    return tuple(
        FindingMark(
            f.code,
            f.name,
            f.severity,
            f.message,
            f.elements,
            tuple(dict.fromkeys(r.code for r in f.related)),
        )
        for f in check(m, select=list(rules) or None, min_severity="info" if rules else "warning")
    )


def finding_elements(m: ArgumentMap) -> frozenset[str]:
    """Ids of the nodes and links named by the checker's error and warning findings on ``m``.

    Examples:
        >>> import argmap
        >>> b = argmap.MapBuilder("m", "T")
        >>> _ = b.claim("a", "A."); _ = b.claim("b", "B.")
        >>> _ = b.supports("a", "b", id="s"); _ = b.attacks("a", "b", id="x")
        >>> sorted(finding_elements(b.build()))
        ['a', 'b', 's', 'x']
    """
    return frozenset(element for finding in findings_of(m) for element in finding.elements)
