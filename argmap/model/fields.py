"""The field types every element shares: ids, texts, tags, offsets, and the kind vocabularies.

Examples:
    >>> NODE_KINDS
    ('issue', 'claim', 'counterclaim', 'principle', 'evidence')
    >>> sorted(SYMMETRIC_KINDS)
    ['contradicts', 'equivalent']
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, TypeAlias, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

__all__ = [
    "ID_RE",
    "SHA256_RE",
    "LINK_KINDS",
    "NODE_KINDS",
    "STANCE_KINDS",
    "SYMMETRIC_KINDS",
    "Data",
    "Id",
    "LinkKind",
    "NodeKind",
    "Offset",
    "SideRole",
    "Stance",
    "StanceKind",
    "Strength",
    "SymmetricKind",
    "Tags",
    "Text",
]

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+-]*")
SHA256_RE = re.compile(r"[0-9a-f]{64}")

Stance: TypeAlias = Literal["for", "against", "mixed"]
NodeKind: TypeAlias = Literal["issue", "claim", "counterclaim", "principle", "evidence"]
LinkKind: TypeAlias = Literal["supports", "attacks", "undercuts", "contradicts", "equivalent"]
SideRole: TypeAlias = Literal["party", "speaker", "editorial"]

StanceKind: TypeAlias = Literal["supports", "attacks", "undercuts"]
SymmetricKind: TypeAlias = Literal["contradicts", "equivalent"]


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use ASCII letters, digits and - _ . : +,"
            " starting with a letter or digit"
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or blank")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, AfterValidator(_check_text)]
Tags = tuple[Annotated[str, AfterValidator(_check_text)], ...]
Data = dict[str, JsonValue]
Offset = Annotated[int, Field(ge=0, strict=True)]
Strength = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The kind sets every layer uses, derived from the Literals above (never restated).
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
STANCE_KINDS: frozenset[str] = frozenset(get_args(StanceKind))
SYMMETRIC_KINDS: frozenset[str] = frozenset(get_args(SymmetricKind))
