"""Sources, their sections and the anchors that point into them; sides; check settings.

Examples:
    >>> Anchor(source="article", start=0, end=5).end
    5
    >>> Side(id="critics", name="Critics").role
    'party'
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from argmap.errors import UnknownElementError
from argmap.model.fields import SHA256_RE, Id, Offset, SideRole, Stance, Text, _Model

__all__ = ["Anchor", "CheckSettings", "Section", "Side", "SourceDocument"]


def _check_sha256(value: str) -> str:
    if not SHA256_RE.fullmatch(value):
        raise ValueError("must be 64 lowercase hexadecimal digits (a SHA-256 of the text)")
    return value


class Section(_Model):
    """A named part of a source document, as a span of character offsets.

    Examples:
        >>> Section(name="Debates", start=10, end=20).end
        20
    """

    name: Text
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _span(self) -> Section:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class Anchor(_Model):
    """Where a node or link comes from: a span of a source document's text.

    ``start`` and ``end`` are offsets in characters (Unicode code points) of
    the document's text decoded from UTF-8, half-open like Python slices.
    ``quote`` may repeat the passage, in maps whose authors own the text.

    Examples:
        >>> Anchor(source="article", start=0, end=5, quote="Hello").quote
        'Hello'
    """

    source: Id
    start: Offset
    end: Offset
    section: Text | None = None
    quote: str | None = None

    @model_validator(mode="after")
    def _span(self) -> Anchor:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        if self.quote is not None and len(self.quote) != self.end - self.start:
            raise ValueError(
                f"quote has {len(self.quote)} characters but the span"
                f" {self.start}..{self.end} has {self.end - self.start}"
            )
        return self


class SourceDocument(_Model):
    """A document a map was drawn from.

    ``sha256`` is the SHA-256 of the document's UTF-8 text, so that argmap can
    tell whether a text a user supplies is the one the anchors point into.
    ``path`` is where the text lies, relative to the map file, when it ships
    with the map.

    Examples:
        >>> SourceDocument(id="art", title="An article").title
        'An article'
    """

    id: Id
    title: Text
    author: str | None = None
    url: str | None = None
    path: str | None = None
    sha256: Annotated[str, AfterValidator(_check_sha256)] | None = None
    license: str | None = None
    sections: tuple[Section, ...] = ()
    note: str | None = None

    def section(self, name: str) -> Section:
        """Return the section called ``name``.

        Raises:
            UnknownElementError: no section has that name.

        Examples:
            >>> doc = SourceDocument(id="a", title="A",
            ...                      sections=[Section(name="Intro", start=0, end=9)])
            >>> doc.section("Intro").end
            9
        """
        for sec in self.sections:
            if sec.name == name:
                return sec
        raise UnknownElementError(name, f"section of source {self.id!r}")


class Side(_Model):
    """Who holds claims in the debate: a party, a named speaker, or the editorial voice.

    ``stances`` maps an issue id to the side's declared stance on it;
    ``opposes`` names the sides it argues against.

    Examples:
        >>> Side(id="critics", name="Critics", stances={"q1": "against"}).stances
        {'q1': 'against'}
    """

    id: Id
    name: Text
    description: str | None = None
    role: SideRole = "party"
    stances: dict[Id, Stance] = Field(default_factory=dict)
    opposes: tuple[Id, ...] = ()


RULE_CODE_RE = re.compile(r"AM\d{3}")


def _check_rule_code(value: str) -> str:
    if not RULE_CODE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a rule code (AM followed by three digits, e.g. AM301)")
    return value


class CheckSettings(_Model):
    """How ``argmap check`` treats this map: rule codes it switches off for itself.

    Examples:
        >>> CheckSettings(ignore=["AM501"]).ignore
        ('AM501',)
    """

    ignore: tuple[Annotated[str, AfterValidator(_check_rule_code)], ...] = ()
