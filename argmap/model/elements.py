"""Nodes and stance links: one class per kind, joined in discriminated unions on ``kind``.

Examples:
    >>> Claim(id="c1", text="Uniforms reduce bullying.").kind
    'claim'
    >>> Supports(id="l1", source=["a", "b"], target="c").premises
    ('a', 'b')
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self, TypeAlias, get_args

from pydantic import BeforeValidator, Field, field_validator, model_validator

from argmap.model.documents import Anchor
from argmap.model.fields import SYMMETRIC_KINDS, Data, Id, LinkKind, NodeKind, Strength, Tags, Text, _Model

__all__ = [
    "LINK_CLASSES",
    "NODE_CLASSES",
    "AnyLink",
    "AnyNode",
    "Attacks",
    "Claim",
    "Contradicts",
    "Counterclaim",
    "Equivalent",
    "Evidence",
    "Issue",
    "Link",
    "Node",
    "Principle",
    "Supports",
    "Undercuts",
]


def _require_reason(inferred: bool, note: str | None) -> None:
    """An element the map's authors inferred says why, in its note."""
    if inferred and (note is None or not note.strip()):
        raise ValueError(
            "inferred: true needs a note saying why the map's authors infer this"
            " (the source does not state it)"
        )


class _NodeBase(_Model):
    id: Id
    kind: NodeKind
    label: Text | None = None
    text: Text
    held_by: Id | None = None
    tags: Tags = ()
    anchors: tuple[Anchor, ...] = ()
    inferred: bool = False
    note: str | None = None
    data: Data = Field(default_factory=dict)

    @model_validator(mode="after")
    def _inferred_has_reason(self) -> Self:
        _require_reason(self.inferred, self.note)
        return self

    @property
    def title(self) -> str:
        """The short label when there is one, else the full text."""
        return self.label if self.label is not None else self.text


class Issue(_NodeBase):
    """A question or motion under debate."""

    kind: Literal["issue"] = "issue"


class Claim(_NodeBase):
    """A position advanced in the debate."""

    kind: Literal["claim"] = "claim"


class Counterclaim(_NodeBase):
    """A position advanced against another claim."""

    kind: Literal["counterclaim"] = "counterclaim"


class Principle(_NodeBase):
    """A value or norm that claims appeal to."""

    kind: Literal["principle"] = "principle"


class Evidence(_NodeBase):
    """A fact, datum or cited source; ``citation`` says where it comes from."""

    kind: Literal["evidence"] = "evidence"
    citation: str | None = None


Node = Annotated[Issue | Claim | Counterclaim | Principle | Evidence, Field(discriminator="kind")]


def _source_ids(value: Any) -> Any:
    """Accept one id, or a list of two or more distinct ids (linked premises)."""
    if isinstance(value, list | tuple):
        items = list(value)
        if len(items) < 2:
            raise ValueError(
                "a list of linked premises needs at least two ids; write a single source as a plain id"
            )
        if len(set(map(str, items))) != len(items):
            raise ValueError("a list of linked premises must not repeat an id")
        return tuple(items)
    return value


class _LinkBase(_Model):
    id: Id | None = None
    kind: LinkKind
    source: Annotated[Id | tuple[Id, ...], BeforeValidator(_source_ids)]
    target: Id
    held_by: Id | None = None
    concession: bool = False
    strength: Strength | None = None
    note: str | None = None
    tags: Tags = ()
    anchors: tuple[Anchor, ...] = ()
    inferred: bool = False
    data: Data = Field(default_factory=dict)

    @model_validator(mode="after")
    def _inferred_has_reason(self) -> Self:
        _require_reason(self.inferred, self.note)
        return self

    @property
    def premises(self) -> tuple[str, ...]:
        """The source ids as a tuple (one id unless the premises are linked)."""
        source = self.source  # asked for millions of times on a large map: one attribute read, no isinstance
        return source if type(source) is tuple else (source,)  # type: ignore[return-value]

    @property
    def is_linked(self) -> bool:
        """Whether several premises support or attack only jointly."""
        return not isinstance(self.source, str)

    @property
    def is_symmetric(self) -> bool:
        """Whether the link reads the same in both directions."""
        return self.kind in SYMMETRIC_KINDS


class Supports(_LinkBase):
    """The source gives a reason for the target."""

    kind: Literal["supports"] = "supports"


class Attacks(_LinkBase):
    """The source rebuts the target node."""

    kind: Literal["attacks"] = "attacks"


class Undercuts(_LinkBase):
    """The source attacks the inference of another link; ``target`` is that link's id."""

    kind: Literal["undercuts"] = "undercuts"


class _Symmetric(_LinkBase):
    @field_validator("source", mode="before")
    @classmethod
    def _one_source(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            raise ValueError("a symmetric link relates exactly two nodes: give one source id, not a list")
        return value


class Contradicts(_Symmetric):
    """Source and target cannot both be true (symmetric)."""

    kind: Literal["contradicts"] = "contradicts"


class Equivalent(_Symmetric):
    """Source and target say the same thing in other words (symmetric)."""

    kind: Literal["equivalent"] = "equivalent"


Link = Annotated[Supports | Attacks | Undercuts | Contradicts | Equivalent, Field(discriminator="kind")]
AnyNode: TypeAlias = Issue | Claim | Counterclaim | Principle | Evidence
AnyLink: TypeAlias = Supports | Attacks | Undercuts | Contradicts | Equivalent

# The class of each kind, for code that builds one element at a time (the builder, validation hints).
NODE_CLASSES: dict[str, type[AnyNode]] = {cls.model_fields["kind"].default: cls for cls in get_args(AnyNode)}
LINK_CLASSES: dict[str, type[AnyLink]] = {cls.model_fields["kind"].default: cls for cls in get_args(AnyLink)}
