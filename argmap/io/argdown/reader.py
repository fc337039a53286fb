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

from pathlib import PurePath
from typing import Any

from argmap.errors import Problem
from argmap.io.argdown.links import (
    PROVENANCE,
    RESERVED,
    Position,
    Ref,
    _Entity,
    _Links,
    _RawRelation,
    derive_id,
)
from argmap.io.argdown.tree import Document, Element, Heading, Relation, _shown
from argmap.io.located import Loc, Parsed
from argmap.model import ArgumentMap
from argmap.model.fields import ATTACKS, SUPPORTS, UNDERCUTS
from argmap.references import generate_link_id
from argmap.validation import validate_parsed

__all__ = ["PROVENANCE", "RESERVED", "derive_id", "to_map"]


class _Builder(_Links):
    """Gathers statements and arguments from the syntax tree and makes their nodes."""

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
                        f"argument <{_shown(item.title)}> is reconstructed twice;"
                        " the later reconstruction is kept",
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

    def add_node(self, entity: _Entity, *, stand_in: bool = False) -> None:
        reserved = {} if stand_in else self.reserved(entity)
        text = entity.text
        if entity.kind == "argument" and stand_in and entity.pcs is not None:
            text = text or entity.title
        elif text is None:
            what = (
                f"statement [{_shown(entity.title)}]"
                if entity.kind == "statement"
                else f"argument <{_shown(entity.title)}>"
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
        if link["kind"] in (SUPPORTS, ATTACKS, UNDERCUTS):
            source = link["source"]
            arguing.update(source if isinstance(source, list) else [source])
    statement_ids = {e.node_id for e in wanted if e.kind == "statement" and "kind" not in builder.reserved(e)}
    for node in builder.nodes:
        if node["id"] in statement_ids and node["id"] in targeted and node["id"] not in arguing:
            node["kind"] = "issue"
