"""The schema of an argument map: nodes, stance links, sides, sources and anchors.

Pydantic models, one class per kind of node and of link, joined in
discriminated unions on ``kind``, with the validation of each element on the
element. An :class:`ArgumentMap` is an immutable value; build one from data
with :func:`argmap.validate` or :func:`argmap.load` (which also fill link ids
and check references), or in code with :class:`argmap.MapBuilder`. Questions
about the map's structure are answered by :mod:`argmap.graph`; whole-graph
consistency (cycles, contradictory stances...) by :mod:`argmap.checks`: a map
with such problems loads, and the checker reports them.

Examples:
    >>> Claim(id="c1", text="Uniforms reduce bullying.").kind
    'claim'
    >>> Supports(id="l1", source=["a", "b"], target="c").premises
    ('a', 'b')
"""

from argmap.model.documents import Anchor, CheckSettings, Section, Side, SourceDocument
from argmap.model.elements import (
    LINK_CLASSES,
    NODE_CLASSES,
    AnyLink,
    AnyNode,
    Attacks,
    Claim,
    Contradicts,
    Counterclaim,
    Equivalent,
    Evidence,
    Issue,
    Link,
    Node,
    Principle,
    Supports,
    Undercuts,
)
from argmap.model.fields import (
    LINK_KINDS,
    NODE_KINDS,
    STANCE_KINDS,
    SYMMETRIC_KINDS,
    LinkKind,
    NodeKind,
    Stance,
    StanceKind,
    SymmetricKind,
)
from argmap.model.maps import ArgumentMap

__all__ = [
    "LINK_CLASSES",
    "LINK_KINDS",
    "NODE_CLASSES",
    "NODE_KINDS",
    "STANCE_KINDS",
    "SYMMETRIC_KINDS",
    "Anchor",
    "AnyLink",
    "AnyNode",
    "ArgumentMap",
    "Attacks",
    "CheckSettings",
    "Claim",
    "Contradicts",
    "Counterclaim",
    "Equivalent",
    "Evidence",
    "Issue",
    "Link",
    "LinkKind",
    "Node",
    "NodeKind",
    "Principle",
    "Section",
    "Side",
    "SourceDocument",
    "Stance",
    "StanceKind",
    "Supports",
    "SymmetricKind",
    "Undercuts",
]
