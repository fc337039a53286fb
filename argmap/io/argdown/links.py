"""Links of an Argdown map: reconstructions as linked supports, relations resolved as the Argdown tool does.

The reader (:mod:`argmap.io.argdown.reader`) gathers statements and arguments
into :class:`_Entity` records and relations into :class:`_RawRelation`; this
module turns them into argmap links.

Examples:
    >>> derive_id("Untitled 3")
    'untitled-3'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.errors import Problem
from argmap.io.argdown.tree import Element, Inference, Pcs, PcsStatement, _shown
from argmap.io.located import Loc
from argmap.model.fields import ATTACKS, ID_RE, SUPPORTS, UNDERCUTS
from argmap.references import generate_link_id

__all__ = ["PROVENANCE", "RESERVED", "derive_id"]

PROVENANCE = "argdown"
"""Key of node and link ``data`` (and of map ``metadata``) where the reader records Argdown facts."""
RESERVED = "argmap"
"""Key of Argdown ``{...}`` data (and front matter) that carries argmap's own fields."""

Ref = tuple[str, ...]  # ("statement", title) | ("argument", title) | ("inference", title, step)
Position = tuple[int, int]


def derive_id(title: str) -> str:
    """The node id a title gives: the title itself when it is a valid id, else a slug of it.

    Examples:
        >>> derive_id("IRC-legislation"), derive_id("Untitled 3"), derive_id("Ça va?")
        ('IRC-legislation', 'untitled-3', 'ca-va')
    """
    if ID_RE.fullmatch(title) and len(title) <= 80:
        return title
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or "s"


@dataclass
class _Entity:
    """A statement's equivalence class or an argument, gathered from all its occurrences."""

    kind: Literal["statement", "argument"]
    title: str
    position: Position
    members: list[Element] = field(default_factory=list)
    pcs: Pcs | None = None
    section: str | None = None
    node_id: str | None = None
    link_id: str | None = None

    @property
    def text(self) -> str | None:
        return next((m.text for m in self.members if m.text), None)

    @property
    def text_position(self) -> Position:
        found = next((m for m in self.members if m.text), None)
        return (found.line, found.column) if found else self.position

    @property
    def tags(self) -> list[str]:
        return list(dict.fromkeys(tag for m in self.members for tag in m.tags))

    @property
    def data(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for member in self.members:
            merged.update(member.data)
        return merged

    @property
    def data_position(self) -> Position:
        found = next((m.data_position for m in self.members if m.data_position), None)
        return found or self.position


@dataclass
class _RawRelation:
    kind: str
    source: Ref
    target: Ref
    position: Position


@dataclass
class _Links:
    """What reading a document builds up: entities, relations, findings, and the map's nodes and links."""

    path: str
    strict: bool
    written_by_argmap: bool
    entities: dict[tuple[str, str], _Entity] = field(default_factory=dict)
    relations: list[_RawRelation] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    values: dict[Loc, Position] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    link_keys: dict[tuple[Any, ...], Position] = field(default_factory=dict)
    reconstructions: list[_Entity] = field(default_factory=list)  # in the order of their last PCS
    inference_links: dict[tuple[str, int], str] = field(default_factory=dict)  # (argument, step) -> link
    reserved_data: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # read after gathering

    def note(self, message: str, position: Position) -> None:
        self.findings.append(Problem(message, self.path, *position))

    def reserved(self, entity: _Entity) -> dict[str, Any]:
        """The ``argmap`` data of an element, read once (and said once when it is not a mapping)."""
        key = (entity.kind, entity.title)
        known = self.reserved_data.get(key)
        if known is not None:
            return known
        found = entity.data.get(RESERVED)
        if found is not None and not isinstance(found, dict):
            self.note(f"'{RESERVED}' data must be a mapping; it is ignored", entity.data_position)
        self.reserved_data[key] = found = found if isinstance(found, dict) else {}
        return found

    def fresh(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    # -- links ------------------------------------------------------------

    def add_link(self, link: dict[str, Any], position: Position, ends: tuple[Position, Position]) -> None:
        j = len(self.links)
        self.links.append(link)
        self.values[("links", j)] = position
        self.values[("links", j, "source")] = ends[0]
        self.values[("links", j, "target")] = ends[1]

    def pcs_links(self, argument: _Entity) -> None:
        pcs = argument.pcs
        assert pcs is not None
        statements = pcs.statements
        steps = [i for i, s in enumerate(statements) if s.inference is not None]
        base = argument.link_id or derive_id(argument.title)
        premises_of = self.step_premises(pcs, steps)
        for count, index in enumerate(steps):
            inference = statements[index].inference
            assert inference is not None
            chosen = premises_of[index]
            conclusion = self.entities[("statement", statements[index].element.title or "")]
            premise_ids = list(
                dict.fromkeys(self.entities[("statement", s.element.title or "")].node_id for s in chosen)
            )
            if conclusion.node_id in premise_ids:
                self.note(
                    f"in <{_shown(pcs.title)}>, conclusion [{_shown(conclusion.title)}] is also one of its"
                    " own premises; it is left out of them",
                    (statements[index].element.line, statements[index].element.column),
                )
                premise_ids.remove(conclusion.node_id)
            if not premise_ids:
                continue
            main = count == len(steps) - 1
            provenance: dict[str, Any] = {"argument": pcs.title}
            if main and argument.section is not None:
                provenance["section"] = argument.section
            if not main:
                provenance["step"] = count + 1
            if inference.rules:
                provenance["rules"] = inference.rules
            data: dict[str, Any] = dict(inference.data)
            link: dict[str, Any] = {
                "kind": "supports",
                "source": premise_ids[0] if len(premise_ids) == 1 else premise_ids,
                "target": conclusion.node_id,
            }
            if main:
                reserved = self.reserved(argument)
                data = {**{k: v for k, v in argument.data.items() if k != RESERVED}, **data}
                if isinstance(reserved.get("data"), dict):
                    data = dict(reserved["data"])
                if argument.text:
                    link["note"] = argument.text
                if argument.tags:
                    link["tags"] = argument.tags
                for key, value in reserved.items():
                    if key not in ("id", "kind", "label", "data", "equivalent", "text"):
                        link[key] = value
                explicit = reserved.get("id")
                if isinstance(explicit, str) and explicit not in self.taken:
                    self.taken.add(explicit)
                    link["id"] = argument.link_id = explicit
                else:
                    link["id"] = argument.link_id = self.fresh(base)
            else:
                link["id"] = self.fresh(f"{base}.{count + 1}")
            data[PROVENANCE] = provenance
            link["data"] = data
            self.inference_links[(pcs.title, count + 1)] = link["id"]
            first = chosen[0].element
            self.add_link(
                link,
                (pcs.line, pcs.column),
                (
                    (first.line, first.column),
                    (statements[index].element.line, statements[index].element.column),
                ),
            )

    def step_premises(self, pcs: Pcs, steps: list[int]) -> dict[int, list[PcsStatement]]:
        """The premises of each inference of ``pcs`` (by the index of its conclusion).

        A premise that ``uses`` leaves out of every inference is still one of
        the argument's premises, as the Argdown tool counts it (it reads
        ``uses`` as data): it goes to the inference below it, and a note at
        that inference's ``uses`` says so.
        """
        statements = pcs.statements
        found: dict[int, list[PcsStatement]] = {}
        previous = -1
        for index in steps:
            inference = statements[index].inference
            assert inference is not None
            found[index] = self.premises(pcs, index, previous, inference)
            previous = index
        used = {id(s) for chosen in found.values() for s in chosen}
        order = {id(s): position for position, s in enumerate(statements)}
        for position, statement in enumerate(statements):
            if statement.inference is not None or id(statement) in used:
                continue
            below = next((index for index in steps if index > position), None)
            if below is None:
                continue  # after the last inference: the syntax refuses a structure ending in a premise
            found[below].append(statement)
            # in the argument's order, as a reader numbers them: (1) (2) (3), not (1) (3) (2)
            found[below].sort(key=lambda s: order[id(s)])
            inference = statements[below].inference
            assert inference is not None
            self.note(
                f"in <{_shown(pcs.title)}>, 'uses' leaves out premise ({statement.number}) (line"
                f" {statement.element.line}), which no other inference uses; it is read as a premise of"
                " this inference all the same, as the Argdown tool counts it among the argument's premises",
                inference.uses_position or (inference.line, inference.column),
            )
        return found

    def premises(self, pcs: Pcs, index: int, previous: int, inference: Inference) -> list[Any]:
        uses = inference.data.get("uses")
        statements = pcs.statements
        if (
            isinstance(uses, list)
            and uses
            and all(isinstance(u, int) and not isinstance(u, bool) for u in uses)
        ):
            by_number = {s.number: s for s in statements[:index]}
            missing = [u for u in uses if u not in by_number]
            if not missing:
                return [by_number[u] for u in uses]
            named = ", ".join(str(u) for u in missing)
            which = (
                f"statement {named}, which comes" if len(missing) == 1 else f"statements {named}, which come"
            )
            self.note(
                f"in <{_shown(pcs.title)}>, 'uses' names {which} before no"
                " inference here; the statements above the inference line are used instead",
                inference.uses_position or (inference.line, inference.column),
            )
        return statements[max(previous, 0) : index]

    def endpoint(self, ref: Ref, role: Literal["source", "target"], kind: str) -> tuple[str, str] | None:
        """Resolve a relation end to (element id, what it is): a statement or argument node, or a link."""
        if ref[0] == "statement":
            entity = self.entities[("statement", ref[1])]
            assert entity.node_id is not None
            return entity.node_id, "statement"
        if ref[0] == "inference":
            argument = self.entities[("argument", ref[1])]
            if role == "source" or kind != "undercut" or argument.pcs is None:
                return None
            found = self.inference_link(argument, int(ref[2]))
            return (found, "link") if found is not None else None
        argument = self.entities[("argument", ref[1])]
        if argument.pcs is None:
            assert argument.node_id is not None
            return argument.node_id, "argument"
        if role == "source":
            conclusion = argument.pcs.statements[-1].element
            node_id = self.entities[("statement", conclusion.title or "")].node_id
            assert node_id is not None
            return node_id, "statement"
        if kind == "undercut":
            return (argument.link_id, "link") if argument.link_id is not None else None
        assert argument.node_id is not None
        return argument.node_id, "argument"

    def inference_link(self, argument: _Entity, step: int) -> str | None:
        """The link of one inference of a reconstruction, or None when it has none."""
        assert argument.pcs is not None
        steps = [i for i, s in enumerate(argument.pcs.statements) if s.inference is not None]
        number = steps.index(step) + 1
        return self.inference_links.get((argument.title, number))

    def relation_links(self, undercuts: bool) -> None:
        for raw in self.relations:
            if (raw.kind == "undercut") != undercuts:
                continue
            source = self.endpoint(raw.source, "source", raw.kind)
            target = self.endpoint(raw.target, "target", raw.kind)
            if source is None or target is None:
                if raw.kind == "undercut" and target is None:
                    message = "the inference it undercuts has no premises but its conclusion; it is ignored"
                else:
                    message = "an inference can only be undercut ('<_' under it); this relation is ignored"
                self.note(message, raw.position)
                continue
            kind, provenance = self.link_kind(raw.kind, source[1], target[1])
            if kind == UNDERCUTS and target[1] != "link":
                targets = [t for t in self.outgoing(target[0])] if target[1] == "argument" else []
                if not targets:
                    what = (
                        "a statement"
                        if target[1] == "statement"
                        else "an argument that supports or attacks nothing"
                    )
                    self.note(f"the undercut's target is {what}; it is read as an attack", raw.position)
                    kind = "attacks"
                    targets = [target[0]]
            else:
                targets = [target[0]]
            for end in targets:
                self.relation_link(kind, provenance, source[0], end, raw)

    def outgoing(self, node_id: str) -> list[str]:
        return [
            str(link["id"])
            for link in self.links
            if link["kind"] in (SUPPORTS, ATTACKS, UNDERCUTS)
            and (
                link["source"] == node_id or (isinstance(link["source"], list) and node_id in link["source"])
            )
        ]

    def link_kind(self, written: str, source: str, target: str) -> tuple[str, str | None]:
        statements = source == "statement" and target == "statement"
        if written == "support":
            return "supports", ("entails" if self.strict and statements else None)
        if written == "attack":
            if self.strict and statements:
                return "contradicts", "contrary"
            return "attacks", None
        if written == "contradictory":
            return "contradicts", "contradictory"
        return UNDERCUTS, None

    def relation_link(
        self, kind: str, provenance: str | None, source: str, target: str, raw: _RawRelation
    ) -> None:
        if source == target:
            if raw.source[0] == "argument" or raw.target[0] == "argument":
                argument = raw.source[1] if raw.source[0] == "argument" else raw.target[1]
                message = (
                    f"argument <{_shown(argument)}> already concludes this statement in its reconstruction;"
                    " the relation between them is ignored, as the Argdown tool does"
                )
            else:
                message = "a relation of a statement to itself is ignored"
            self.note(message, raw.position)
            return
        key: tuple[Any, ...] = (
            (kind, *sorted((source, target))) if kind == "contradicts" else (kind, source, target)
        )
        first = self.link_keys.get(key)
        if first is not None:
            self.note(
                f"this relation is written twice (first at line {first[0]}, column {first[1]})", raw.position
            )
            return
        self.link_keys[key] = raw.position
        link: dict[str, Any] = {
            "id": generate_link_id(kind, [source], target, self.taken),
            "kind": kind,
            "source": source,
            "target": target,
        }
        if provenance is not None:
            link["data"] = {PROVENANCE: {"relation": provenance}}
        self.add_link(link, raw.position, (raw.position, raw.position))
