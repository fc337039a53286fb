"""What an exercise is: parts of items with choices, an answer key and diagrams.

An :class:`Exercise` is a plain, JSON-serialisable value: the teacher keeps
it (it holds the answer key), prints it as a worksheet, and grades students'
answers against it. It has one :class:`Part` per kind of task (label the
links, sort by side...); items are numbered through the whole exercise
("1", "2", ...), as on a printed test, so that a student's answer file names
each answer by its number.

Each :class:`Item` says how it is answered (``answer_type``):

- ``choice``: one choice id; right when it is one of ``key`` (usually one);
- ``choices``: a set of choice ids; right when it is exactly the set ``key``;
- ``links``: a list of links ``{source, kind, target}`` between tagged
  nodes, scored by how well it matches ``key_links`` (F1 of precision and
  recall, stance counted).

Examples:
    >>> item = Item(id="1", prompt="Link L1 from A to B is a...",
    ...             choices=[Choice(id="supports", text="support"),
    ...                      Choice(id="attacks", text="attack")],
    ...             key=["supports"])
    >>> part = Part(kind="label-links", title="Label the links",
    ...             instructions="Say whether each link supports or attacks.", items=[item])
    >>> ex = Exercise(title="Uniforms", map_id="uniforms", map_title="School uniforms",
    ...               seed=1, difficulty=1, parts=[part])
    >>> Exercise.model_validate_json(ex.to_json()) == ex
    True
    >>> [i.id for i in ex.items]
    ['1']
"""

from __future__ import annotations

import json
from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, model_validator

from argmap.errors import UnknownElementError
from argmap.exercises.vocabulary import StanceKind

__all__ = [
    "AnswerType",
    "Choice",
    "Diagram",
    "Exercise",
    "ExerciseKind",
    "Item",
    "LinkAnswer",
    "Part",
    "Sentence",
]

ExerciseKind: TypeAlias = Literal[
    "label-links",
    "match-principles",
    "sort-by-side",
    "fill-gap",
    "find-flaw",
    "reconstruct",
    "locate",
]
AnswerType: TypeAlias = Literal["choice", "choices", "links"]

FORMAT: Literal["argmap-exercise"] = "argmap-exercise"
VERSION: Literal[1] = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Model):
    """One option a student may pick: ``id`` is what they write, ``text`` what they read.

    Examples:
        >>> Choice(id="B", text="Costs fall unevenly on members.").id
        'B'
    """

    id: str = Field(min_length=1)
    text: str


class LinkAnswer(_Model):
    """A link as a student draws it (or the key has it): tagged source, stance, tagged target.

    Examples:
        >>> LinkAnswer(source="A", kind="attacks", target="C").kind
        'attacks'
    """

    source: str
    kind: StanceKind
    target: str


class Diagram(_Model):
    """A diagram of the exercise as DOT text (made with the map's tags, blanks and hidden stances).

    Diagrams show each node's tag and short label; ``statements`` gives the
    full text of each tagged node drawn (gaps left out), for the worksheet to
    list beside the drawing, and ``reading`` says how to read its lines.

    Examples:
        >>> Diagram(id="d1", caption="The debate", dot="digraph {}").id
        'd1'
    """

    id: str
    caption: str
    dot: str
    statements: tuple[Choice, ...] = ()
    reading: str = ""


class Sentence(_Model):
    """A numbered sentence of a source text, shown for the locate-in-the-text kind.

    ``start`` and ``end`` are its character offsets in the source text.
    """

    id: str
    text: str
    source: str
    start: int
    end: int


class Item(_Model):
    """One question: its prompt, its choices, its key and what it is about.

    Attributes:
        id: The item's number in the exercise ("1", "2"...); answers name it.
        prompt: The question, in plain text.
        answer_type: How it is answered: ``choice``, ``choices`` or ``links``.
        choices: The options shown (for ``links``: the tagged nodes).
        key: The right choice ids (``choice``: any one of them is right;
            ``choices``: exactly this set).
        key_links: The right links (``links`` items).
        points: What the item is worth.
        elements: Ids of the map elements the item is about (for the teacher).
        explanation: Why the key is right; shown in the answer key and as
            feedback on a wrong answer.
        diagram: The id of the diagram the item refers to, if any.
    """

    id: str
    prompt: str
    answer_type: AnswerType = "choice"
    choices: tuple[Choice, ...] = ()
    key: tuple[str, ...] = ()
    key_links: tuple[LinkAnswer, ...] = ()
    points: int = Field(default=1, ge=1)
    elements: tuple[str, ...] = ()
    explanation: str = ""
    diagram: str | None = None

    @model_validator(mode="after")
    def _key_fits(self) -> Item:
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError(f"item {self.id}: choice ids repeat")
        if self.answer_type == "links":
            if self.key:
                raise ValueError(f"item {self.id}: a links item keys its answer in key_links, not key")
            tags = set(ids)
            for link in self.key_links:
                for end in (link.source, link.target):
                    if end not in tags:
                        raise ValueError(f"item {self.id}: key link names {end!r}, which is not a choice")
            return self
        if not self.key:
            raise ValueError(f"item {self.id}: the key is empty")
        if self.key_links:
            raise ValueError(f"item {self.id}: only a links item has key_links")
        unknown = [k for k in self.key if k not in ids]
        if unknown:
            raise ValueError(f"item {self.id}: key {unknown[0]!r} is not one of its choices")
        return self

    def choice(self, choice_id: str) -> Choice:
        """The choice with id ``choice_id``.

        Raises:
            UnknownElementError: the item has no such choice.
        """
        for found in self.choices:
            if found.id == choice_id:
                return found
        raise UnknownElementError(choice_id, "choice", choices=[c.id for c in self.choices])

    @property
    def key_text(self) -> str:
        """The key as a reader sees it: ``B (Costs fall unevenly...)``, or the links.

        Examples:
            >>> Item(id="1", prompt="?", choices=[Choice(id="A", text="yes")], key=["A"]).key_text
            'A (yes)'
            >>> Item(id="2", prompt="?", choices=[Choice(id="attacks", text="attacks (argues against)")],
            ...      key=["attacks"]).key_text
            'attacks (argues against)'
        """
        if self.answer_type == "links":
            return "; ".join(f"{k.source} {k.kind} {k.target}" for k in self.key_links) or "(no links)"
        shown = []
        for k in self.key:
            text = self.choice(k).text
            # "supports (gives a reason for)" says its id already
            shown.append(text if text == k or text.startswith(f"{k} ") else f"{k} ({text})")
        joiner = " or " if self.answer_type == "choice" else ", "
        return joiner.join(shown)


class Part(_Model):
    """The items of one kind of task, with its instructions and diagrams.

    ``sentences`` holds the numbered sentences of the source passage (the
    locate-in-the-text kind only).
    """

    kind: ExerciseKind
    title: str
    instructions: str
    diagrams: tuple[Diagram, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    items: tuple[Item, ...] = ()

    @property
    def shared_choices(self) -> tuple[Choice, ...] | None:
        """The choices every item offers, when all items (two or more, none a links item) share them.

        A worksheet lists them once for the whole part.

        Examples:
            >>> yes = (Choice(id="y", text="yes"), Choice(id="n", text="no"))
            >>> items = [Item(id=str(i), prompt="?", choices=yes, key=["y"]) for i in (1, 2)]
            >>> Part(kind="label-links", title="T", instructions="", items=items).shared_choices == yes
            True
        """
        if len(self.items) < 2 or any(item.answer_type == "links" for item in self.items):
            return None
        first = self.items[0].choices
        return first if first and all(item.choices == first for item in self.items) else None

    @property
    def choices_are_sentences(self) -> bool:
        """Whether the shared choices are just the part's numbered sentences (so listed once already)."""
        shared = self.shared_choices
        return (
            bool(self.sentences)
            and shared is not None
            and [c.id for c in shared] == [s.id for s in self.sentences]
        )

    def lists_choices(self, item: Item) -> bool:
        """Whether ``item``'s choices are exactly the statements listed under its diagram.

        A worksheet then need not list them a second time (reconstruct).
        """
        if item.diagram is None or not item.choices:
            return False
        drawing = next(d for d in self.diagrams if d.id == item.diagram)
        return [(c.id, c.text) for c in drawing.statements] == [(c.id, c.text) for c in item.choices]

    @model_validator(mode="after")
    def _diagrams_known(self) -> Part:
        known = {d.id for d in self.diagrams}
        for item in self.items:
            if item.diagram is not None and item.diagram not in known:
                raise ValueError(f"item {item.id} refers to diagram {item.diagram!r}, which the part lacks")
        return self


class Exercise(_Model):
    """A whole exercise: what it was made from, and its parts.

    The same map, kinds, seed and difficulty always give an equal exercise
    and the same :meth:`to_json` bytes. ``scope`` lists the issues it was
    limited to; ``notes`` says which kinds asked for were left out, and why.
    """

    format: Literal["argmap-exercise"] = FORMAT
    version: Literal[1] = VERSION
    title: str
    map_id: str
    map_title: str
    seed: int
    difficulty: int = Field(ge=1, le=3)
    scope: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    notes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _unique_items(self) -> Exercise:
        seen: set[str] = set()
        for part in self.parts:
            for item in part.items:
                if item.id in seen:
                    raise ValueError(f"item id {item.id!r} is used twice")
                seen.add(item.id)
        return self

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in order."""
        return tuple(item for part in self.parts for item in part.items)

    def item(self, item_id: str) -> Item:
        """The item numbered ``item_id``.

        Raises:
            UnknownElementError: no item has that id.
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise UnknownElementError(item_id, "item", choices=[item.id for item in self.items])

    @property
    def total_points(self) -> int:
        """The points of all items together."""
        return sum(item.points for item in self.items)

    def to_json(self) -> str:
        """The exercise as JSON text: keys in a fixed order, two-space indents, a final newline."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
