r"""Argdown syntax tree -> argument map, with located findings.

How Argdown's elements become argmap's (docs/formats-argdown.md has the full account):

- an equivalence class of statements (all statements with one title) is one
  node, a claim; a top-level statement that is argued about but argues for
  nothing itself (a root of the map) becomes an issue, unless the file was
  written by argmap and says each node's kind;
- an argument without a premise-conclusion structure is a node standing for it;
- a premise-conclusion structure is a linked ``supports`` link from the
  premises of each inference to its conclusion; the last one is the argument
  (its id comes from the argument's title, its note is the description);
- relations: ``+`` supports, ``-`` attacks (in Argdown's strict mode, between
  two statements: contrary, read as contradicts), ``><`` contradicts, ``_``
  undercuts the argument's inference. As in the Argdown tool, a relation from
  a reconstructed argument starts at its conclusion; a support or attack *on*
  a reconstructed argument goes to a node standing for it, which supports the
  conclusion.

Examples:
    >>> from argmap.io.argdown.syntax import parse
    >>> m, findings = to_map(parse("[Q]: Should we?\n  + [R]: Yes.\n"), "q.argdown")
    >>> [(n.id, n.kind, n.text) for n in m.nodes]
    [('Q', 'issue', 'Should we?'), ('R', 'claim', 'Yes.')]
    >>> [link.id for link in m.links]
    ['R--supports--Q']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

from argmap.errors import Problem
from argmap.io.argdown.syntax import Document, Element, Heading, Inference, Pcs, Relation
from argmap.io.located import Loc, Parsed
from argmap.model import ID_RE, ArgumentMap, generate_link_id
from argmap.validation import validate_parsed

__all__ = ["PROVENANCE", "RESERVED", "derive_id", "to_map"]

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
class _Builder:
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

    def note(self, message: str, position: Position) -> None:
        self.findings.append(Problem(message, self.path, *position))

    # -- gathering --------------------------------------------------------

    def entity(self, element: Element) -> _Entity:
        title = element.title or ""
        key = (element.kind, title)
        found = self.entities.get(key)
        if found is None:
            found = _Entity(element.kind, title, (element.line, element.column))
            self.entities[key] = found
        found.members.append(element)
        if found.section is None and not element.is_reference:
            found.section = element.section
        return found

    def element(self, element: Element) -> Ref:
        self.entity(element)
        ref: Ref = (element.kind, element.title or "")
        self.hang(ref, element.relations)
        return ref

    def hang(self, parent: Ref, relations: list[Relation]) -> None:
        for relation in relations:
            self.entity(relation.child)
            child: Ref = (relation.child.kind, relation.child.title or "")
            source, target = (parent, child) if relation.parent_is_source else (child, parent)
            position = (relation.line, relation.column)
            self.relations.append(_RawRelation(relation.kind, source, target, position))
            self.hang(child, relation.child.relations)

    def gather(self, doc: Document) -> list[dict[str, Any]]:
        sections: list[dict[str, Any]] = []
        for item in doc.items:
            if isinstance(item, Heading):
                sections.append({"title": item.title, "level": item.level})
            elif isinstance(item, Element):
                self.element(item)
            else:
                argument = self.entities.get(("argument", item.title))
                if argument is None:
                    argument = _Entity("argument", item.title, (item.line, item.column))
                    self.entities[("argument", item.title)] = argument
                if argument.pcs is not None:
                    self.note(
                        f"argument <{item.title}> is reconstructed twice; the later reconstruction is kept",
                        (item.line, item.column),
                    )
                argument.pcs = item
                if argument in self.reconstructions:
                    self.reconstructions.remove(argument)
                self.reconstructions.append(argument)
                argument.section = item.section or argument.section
                for step, statement in enumerate(item.statements):
                    self.element(statement.element)
                    if statement.inference is not None:
                        self.hang(("inference", item.title, str(step)), statement.inference.relations)
        return sections

    # -- nodes ------------------------------------------------------------

    def reserved(self, entity: _Entity) -> dict[str, Any]:
        found = entity.data.get(RESERVED)
        if found is None:
            return {}
        if not isinstance(found, dict):
            self.note(f"'{RESERVED}' data must be a mapping; it is ignored", entity.data_position)
            return {}
        return found

    def assign_ids(self, wanted: list[_Entity]) -> None:
        for entity in wanted:
            if entity.pcs is not None:
                continue  # a node standing for a reconstruction: its argmap data is the link's
            explicit = self.reserved(entity).get("id")
            if isinstance(explicit, str) and explicit not in self.taken:
                entity.node_id = explicit
                self.taken.add(explicit)
        for entity in wanted:
            if entity.node_id is None:
                entity.node_id = self.fresh(derive_id(entity.title))

    def fresh(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    def add_node(self, entity: _Entity, *, stand_in: bool = False) -> None:
        reserved = {} if stand_in else self.reserved(entity)
        text = entity.text
        if entity.kind == "argument" and stand_in and entity.pcs is not None:
            text = text or entity.title
        elif text is None:
            what = (
                f"statement [{entity.title}]" if entity.kind == "statement" else f"argument <{entity.title}>"
            )
            verb = "given text" if entity.kind == "statement" else "described"
            self.note(f"{what} is used but never {verb}; its title stands for its text", entity.position)
            text = entity.title
        assert entity.node_id is not None
        # A node standing for a reconstruction leaves the argument's data to its link.
        data = {} if stand_in else {k: v for k, v in entity.data.items() if k != RESERVED}
        provenance: dict[str, Any] = {"title": entity.title}
        if entity.kind == "argument":
            provenance["argument"] = True
        if entity.section is not None:
            provenance["section"] = entity.section
        if isinstance(reserved.get("data"), dict):
            data = dict(reserved["data"])
        data[PROVENANCE] = provenance
        node: dict[str, Any] = {
            "id": entity.node_id,
            "kind": reserved.get("kind", "claim"),
            "text": text,
            "tags": reserved.get("tags", entity.tags),
            "data": data,
        }
        untitled = all(m.untitled for m in entity.members)
        label = reserved["label"] if "label" in reserved else entity.title
        # A title is the label, except in files argmap wrote, where a title that is the id says "no label".
        if "label" not in reserved and (
            untitled or (self.written_by_argmap and not stand_in and entity.title == node["id"])
        ):
            label = None
        if label is not None:
            node["label"] = label
        for key, value in reserved.items():
            if key not in ("id", "kind", "label", "tags", "data", "equivalent"):
                node[key] = value
        i = len(self.nodes)
        self.nodes.append(node)
        self.values[("nodes", i)] = entity.position
        self.values[("nodes", i, "text")] = entity.text_position
        for key in ("data", "kind", "tags", "label", *reserved):
            self.values[("nodes", i, key)] = (
                entity.data_position if key in reserved or key == "data" else entity.position
            )

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
        previous = -1
        for count, index in enumerate(steps):
            inference = statements[index].inference
            assert inference is not None
            chosen = self.premises(pcs, index, previous, inference)
            previous = index
            conclusion = self.entities[("statement", statements[index].element.title or "")]
            premise_ids = list(
                dict.fromkeys(self.entities[("statement", s.element.title or "")].node_id for s in chosen)
            )
            if conclusion.node_id in premise_ids:
                self.note(
                    f"in <{pcs.title}>, conclusion [{conclusion.title}] is also one of its own premises;"
                    " it is left out of them",
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
            self.note(
                f"in <{pcs.title}>, 'uses' names statement(s) {missing} that come before no inference here;"
                " the statements above the inference line are used instead",
                (inference.line, inference.column),
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
            if kind == "undercuts" and target[1] != "link":
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
            if link["kind"] in ("supports", "attacks", "undercuts")
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
        return "undercuts", None

    def relation_link(
        self, kind: str, provenance: str | None, source: str, target: str, raw: _RawRelation
    ) -> None:
        if source == target:
            if raw.source[0] == "argument" or raw.target[0] == "argument":
                argument = raw.source[1] if raw.source[0] == "argument" else raw.target[1]
                message = (
                    f"argument <{argument}> already concludes this statement in its reconstruction;"
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


def _map_title(doc: Document, path: str) -> str:
    front = doc.front_matter or {}
    title = front.get("title")
    if isinstance(title, str) and title.strip():
        return title
    heading = next((item for item in doc.items if isinstance(item, Heading)), None)
    if heading is not None:
        return heading.title
    stem = PurePath(path).stem if path != "<string>" else ""
    return stem or "Argdown map"


def to_map(doc: Document, path: str = "<string>") -> tuple[ArgumentMap, list[Problem]]:
    r"""Build and validate the argument map of a parsed Argdown document.

    Returns:
        The map and the findings met on the way (each located in the file).

    Raises:
        LoadError: the map is invalid (e.g. ``{argmap: {kind: ...}}`` names
            no kind), with every problem located in the file.

    Examples:
        >>> from argmap.io.argdown.syntax import parse
        >>> m, findings = to_map(parse("[A]: One.\n  + [B]\n"), "x.argdown")
        >>> [str(f) for f in findings]
        ['x.argdown:2:5: statement [B] is used but never given text; its title stands for its text']
    """
    front = dict(doc.front_matter or {})
    reserved = front.pop(RESERVED, None)
    written_by_argmap = isinstance(reserved, dict)
    settings = front.get("model")
    strict = isinstance(settings, dict) and settings.get("mode") == "strict"
    builder = _Builder(path, strict, written_by_argmap)
    sections = builder.gather(doc)

    needs_node: set[str] = set()
    for raw in builder.relations:
        if raw.kind != "undercut" and raw.target[0] == "argument":
            needs_node.add(raw.target[1])
    wanted = [
        e
        for e in builder.entities.values()
        if e.kind == "statement" or e.pcs is None or e.title in needs_node
    ]
    builder.assign_ids(wanted)
    for entity in wanted:
        builder.add_node(entity, stand_in=entity.kind == "argument" and entity.pcs is not None)
    for entity in builder.reconstructions:
        builder.pcs_links(entity)
    for entity in wanted:
        if entity.kind == "argument" and entity.pcs is not None and entity.link_id is not None:
            conclusion = entity.pcs.statements[-1].element
            target = builder.entities[("statement", conclusion.title or "")].node_id
            link = {
                "id": builder.fresh(f"{entity.node_id}--supports--{target}"),
                "kind": "supports",
                "source": entity.node_id,
                "target": target,
                "data": {PROVENANCE: {"argument": entity.title, "stands_for": True}},
            }
            builder.add_link(link, entity.position, (entity.position, (conclusion.line, conclusion.column)))
    builder.relation_links(undercuts=False)
    builder.relation_links(undercuts=True)
    for entity in wanted:
        equivalent = builder.reserved(entity).get("equivalent")
        if isinstance(equivalent, list):
            for other in equivalent:
                link = {"kind": "equivalent", "source": entity.node_id, "target": other}
                if isinstance(other, str) and entity.node_id is not None:
                    link["id"] = generate_link_id("equivalent", [entity.node_id], other, builder.taken)
                builder.add_link(link, entity.data_position, (entity.data_position, entity.data_position))
    if not written_by_argmap:
        _roots_become_issues(builder, wanted)

    data: dict[str, Any] = {"id": "argdown", "title": _map_title(doc, path)}
    stem = PurePath(path).stem if path != "<string>" else ""
    if stem:
        data["id"] = derive_id(stem)
    metadata: dict[str, Any] = {}
    if written_by_argmap:
        assert isinstance(reserved, dict)
        for key, value in reserved.items():
            data[key] = value
        metadata = dict(data.get("metadata") or {})
    recorded: dict[str, Any] = {}
    extra = {k: v for k, v in front.items() if k != "title"}
    if extra:
        recorded["front_matter"] = extra
    if sections:
        recorded["sections"] = sections
    if recorded:
        metadata[PROVENANCE] = recorded
    if metadata:
        data["metadata"] = metadata
    data["nodes"] = builder.nodes
    data["links"] = builder.links
    values: dict[Loc, Position] = dict(builder.values)
    top = doc.front_matter_position or (1, 1)
    for key in ("", "id", "title", "metadata", "description", "sides", "sources", "tags", "checks"):
        values[(key,) if key else ()] = top
    argument_map = validate_parsed(Parsed(data=data, values=values), path)
    findings = sorted(builder.findings, key=lambda p: (p.line or 0, p.column or 0, p.message))
    return argument_map, findings


def _roots_become_issues(builder: _Builder, wanted: list[_Entity]) -> None:
    """Statements that relations argue for or against, but that argue for nothing, are the issues.

    Being the conclusion of a reconstruction is not enough: in a reconstruction
    of how hypotheses explain evidence, the evidence is concluded, not debated.
    """
    targeted: set[str] = set()
    arguing: set[str] = set()
    for link in builder.links:
        reconstruction = "argument" in link.get("data", {}).get(PROVENANCE, {})
        if link["kind"] in ("supports", "attacks") and not reconstruction:
            targeted.add(link["target"])
        if link["kind"] in ("supports", "attacks", "undercuts"):
            source = link["source"]
            arguing.update(source if isinstance(source, list) else [source])
    statement_ids = {e.node_id for e in wanted if e.kind == "statement" and "kind" not in builder.reserved(e)}
    for node in builder.nodes:
        if node["id"] in statement_ids and node["id"] in targeted and node["id"] not in arguing:
            node["kind"] = "issue"
