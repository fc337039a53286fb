"""What ``RenderOptions(with_findings=True)`` highlights: the elements of the checker's findings.

Examples:
    >>> import argmap
    >>> sorted(finding_elements(argmap.load_corpus("school-phones")))
    []
"""

from __future__ import annotations

from argmap.model import ArgumentMap

__all__ = ["finding_elements"]


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
    # Imported here, when asked: drawing a map needs no checker otherwise.
    from argmap.checks import check

    return frozenset(element for finding in check(m, min_severity="warning") for element in finding.elements)
