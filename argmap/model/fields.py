"""The field types every element shares: ids, texts, tags, offsets, and the kind vocabularies.

Examples:
    >>> NODE_KINDS
    ('issue', 'claim', 'counterclaim', 'principle', 'evidence')
    >>> sorted(SYMMETRIC_KINDS)
    ['contradicts', 'equivalent']
    >>> UNDERCUTS in LINK_KINDS and UNDERCUTS in STANCE_KINDS
    True
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Final, Literal, TypeAlias, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

__all__ = [
    "ATTACKS",
    "CONTRADICTS",
    "EQUIVALENT",
    "ID_RE",
    "SUPPORTS",
    "UNDERCUTS",
    "bad_character",
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

# The link kinds by name, for code that asks about one kind: ``link.kind == UNDERCUTS``.
# A test checks that they are exactly LINK_KINDS.
SUPPORTS: Final = "supports"
ATTACKS: Final = "attacks"
UNDERCUTS: Final = "undercuts"
CONTRADICTS: Final = "contradicts"
EQUIVALENT: Final = "equivalent"


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use ASCII letters, digits and - _ . : +,"
            " starting with a letter or digit"
        )
    return value


_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def bad_character(text: str) -> str | None:
    r"""Name the first character of ``text`` that no output can carry, or None when all can.

    Lone surrogates cannot be written as UTF-8; control characters (other
    than tab, line feed and carriage return) would reach a terminal, a DOT
    file or a quiz as invisible or harmful bytes.

    Examples:
        >>> bad_character("fine\ttext"), bad_character("esc\x1b[2J")
        (None, 'control character U+001B')
    """
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "lone surrogate" if 0xD800 <= code <= 0xDFFF else "control character"
    return f"{what} U+{code:04X}"


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or blank")
    bad = bad_character(value)
    if bad is not None:
        raise ValueError(f"holds a {bad}, which cannot be written out")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, AfterValidator(_check_text)]
Tags = tuple[Annotated[str, AfterValidator(_check_text)], ...]


def _check_finite(value: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """Free-form data holds no NaN or infinity: JSON cannot write them, and no reader accepts them."""
    stack: list[JsonValue] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError(f"holds {item!r}, which is not a finite number (JSON cannot write it)")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


Data = Annotated[dict[str, JsonValue], AfterValidator(_check_finite)]
Offset = Annotated[int, Field(ge=0, strict=True)]
Strength = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The kind sets every layer uses, derived from the Literals above (never restated).
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
STANCE_KINDS: frozenset[str] = frozenset(get_args(StanceKind))
SYMMETRIC_KINDS: frozenset[str] = frozenset(get_args(SymmetricKind))
