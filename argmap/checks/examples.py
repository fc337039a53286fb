"""Each rule's example map, loaded and checked: what ``argmap rules --explain`` shows it saying.

Examples:
    >>> from argmap.checks import get_rule
    >>> example_says(get_rule("AM404"))
    ["AM404 [warning] the supports link 'l2' repeats 'l1' (same kind, same nodes)"]
"""

from __future__ import annotations

from argmap.checks.registry import Rule
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap

__all__ = ["example_map", "example_says"]


def example_map(text: str, code: str = "example") -> ArgumentMap | None:
    """A rule's example (YAML without ``id`` and ``title``) as a map, or None if it does not load.

    Examples:
        >>> example_map("nodes: [{id: a, kind: claim, text: A.}]").nodes[0].id
        'a'
        >>> example_map("nodes: [oops]") is None
        True
    """
    from argmap.io.native import loads  # only explaining a rule needs the reader

    if not text.strip():
        return None
    try:
        return loads(f"id: {code.lower()}-example\ntitle: Example of {code}\n{text}")
    except ArgmapError:
        return None


def example_says(found: Rule) -> list[str]:
    """What checking the rule's example with that rule alone reports, one line per finding.

    Empty when the example is not a whole map (it is then shown as a fragment).
    """
    from argmap.checks import check

    m = example_map(found.example, found.code)
    if m is None:
        return []
    return [f"{f.code} [{f.severity}] {f.message}" for f in check(m, select=found.code)]
