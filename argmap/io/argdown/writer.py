r"""Argument map -> Argdown text: pure and deterministic.

The text has four parts: YAML front matter (the map's title, and under
``argmap:`` what Argdown has no place for: the map's id, sides, sources...),
the statements and arguments (grouped under the headings they were read from),
the reconstructions of linked supports, and the relations, one block per
source. Statement text is written on one line, with every character Argdown
would read as syntax escaped by a backslash. What Argdown cannot hold is named
in a ``//`` comment at the end, never dropped silently.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> b = MapBuilder("m", "Uniforms")
    >>> _ = b.issue("q", "Should schools require uniforms?")
    >>> _ = b.claim("c", "They *reduce* bullying.", label="Less bullying")
    >>> _ = b.supports("c", "q")
    >>> print(write_argdown(b.build()), end="")
    ===
    title: "Uniforms"
    argmap: {"id": "m"}
    ===
    <BLANKLINE>
    [q]: Should schools require uniforms? {"argmap": {"kind": "issue"}}
    <BLANKLINE>
    [Less bullying]: They \*reduce\* bullying. {"argmap": {"id": "c"}}
    <BLANKLINE>
    [Less bullying]
      +> [q]
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from argmap.io.argdown.reader import PROVENANCE, RESERVED, derive_id
from argmap.io.native import to_data
from argmap.model import AnyLink, AnyNode, ArgumentMap
from argmap.model.fields import ATTACKS, CONTRADICTS, SUPPORTS, UNDERCUTS

__all__ = ["escape_text", "quote", "write_argdown", "yaml_flow"]

_SYNTAX_CHARS = set("\\[]<>{}#*_@")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9-]+")
_NODE_FIELDS = ("id", "kind", "text", "label", "tags", "data")
_RULE = re.compile(r"[^,{}\-\n\\/#\[\]<>*_@=]+")


def quote(text: str) -> str:
    r"""Quote a string for YAML (front matter and ``{...}`` data), safe for the Argdown tool too.

    ``=`` and braces are escaped: the Argdown tool ends front matter at ``=``
    and data at ``}``; control characters are escaped for YAML.

    Examples:
        >>> print(quote('a "b" = {c}\n'))
        "a \"b\" \x3d \x7bc\x7d\n"
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char in "={}" or code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif char in "\u2028\u2029\ufeff\ufffe\uffff" or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def yaml_flow(value: Any) -> str:
    """Write plain data (as JSON holds) as one line of YAML flow style.

    Examples:
        >>> yaml_flow({"uses": [1, 2], "ok": True, "none": None, "x": 0.5})
        '{"uses": [1, 2], "ok": true, "none": null, "x": 0.5}'
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text.replace("e", ".0e") if "e" in text and "." not in text else text
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{quote(str(k))}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    return quote(str(value))


def escape_text(text: str) -> str:
    r"""Statement text on one line, with what Argdown would read as syntax escaped.

    Examples:
        >>> print(escape_text("See [A], #1 and a_b // c = == d\n  e"))
        See \[A\], \#1 and a\_b \/\/ c = \=\= d e
    """
    words = " ".join(text.split())
    out: list[str] = []
    for i, char in enumerate(words):
        neighbours = words[i - 1 : i] + words[i + 1 : i + 2]
        if char in _SYNTAX_CHARS or (char == "/" and ("/" in neighbours or "*" in neighbours)):
            out.append("\\" + char)
        elif char == "=" and "=" in neighbours:
            out.append("\\=")
        else:
            out.append(char)
    return "".join(out)


def _usable_title(title: str | None) -> bool:
    if not title or title != title.strip() or "//" in title or "/*" in title or "==" in title:
        return False
    for char in title:
        if char in "[]<>{}\\" or (char.isspace() and char != " ") or unicodedata.category(char)[0] == "C":
            return False
    return True


def _usable_tag(tag: str) -> bool:
    return _usable_title(tag) and not set(tag) & set("()#/")


@dataclass
class _Plan:
    """What goes where: titles, the links written as reconstructions, and what is lost."""

    m: ArgumentMap
    titles: dict[str, str] = field(default_factory=dict)
    argument_nodes: set[str] = field(default_factory=set)
    stand_ins: set[str] = field(default_factory=set)
    reconstructed: dict[str, list[AnyLink]] = field(default_factory=dict)  # title -> steps, main last
    pcs_title: dict[str, str] = field(default_factory=dict)  # link id -> argument title
    relations: list[AnyLink] = field(default_factory=list)
    described: set[str] = field(default_factory=set)
    lost: list[str] = field(default_factory=list)

    def ref(self, node_id: str) -> str:
        title = self.titles[node_id]
        return f"<{title}>" if node_id in self.argument_nodes else f"[{title}]"


def _provenance(element: AnyNode | AnyLink) -> dict[str, Any]:
    found = element.data.get(PROVENANCE)
    return found if isinstance(found, dict) else {}


def _titles(m: ArgumentMap) -> dict[str, str]:
    ids = {n.id for n in m.nodes}
    counts = Counter(n.label for n in m.nodes if n.label is not None)
    titles: dict[str, str] = {}
    for node in m.nodes:
        label = node.label
        if label is not None and _usable_title(label) and counts[label] == 1 and label not in ids - {node.id}:
            titles[node.id] = label
        else:
            titles[node.id] = node.id
    return titles


def _is_plain(link: AnyLink, written: set[tuple[str, ...]]) -> bool:
    """Whether a supports link is all a relation line can hold (else it becomes a reconstruction)."""
    key = (link.kind, link.premises[0], link.target)
    plain = (
        not link.is_linked
        and link.id == f"{link.premises[0]}--{link.kind}--{link.target}"
        and not (link.note or link.tags or link.data or link.anchors or link.inferred)
        and link.held_by is None
        and link.strength is None
        and not link.concession
        and key not in written
    )
    if plain:
        written.add(key)
    return plain


def _plan(m: ArgumentMap) -> _Plan:
    plan = _Plan(m, _titles(m))
    for node in m.nodes:
        if _provenance(node).get("argument") is True:
            plan.argument_nodes.add(node.id)
    for link in m.links:
        if (
            link.kind == "supports"
            and _provenance(link).get("stands_for")
            and link.source in plan.argument_nodes
        ):
            plan.stand_ins.add(str(link.source))
    undercut = {link.target for link in m.links if link.kind == UNDERCUTS}
    written: set[tuple[str, ...]] = set()
    used_titles = {title for node_id, title in plan.titles.items() if node_id not in plan.stand_ins}
    for link in m.links:
        provenance = _provenance(link)
        if link.kind == "supports" and link.source in plan.stand_ins and provenance.get("stands_for"):
            continue
        if link.target in link.premises:
            plan.lost.append(f"{link.kind} link {link.id!r}: its target is one of its own sources")
            continue
        on_argument = any(end in plan.argument_nodes for end in (*link.premises, link.target))
        if on_argument and link.is_linked:
            plan.lost.append(f"{link.kind} link {link.id!r}: Argdown has no linked premises from an argument")
            continue
        if on_argument and link.kind == "supports":
            _is_plain(link, written)
        elif link.kind == "supports" and (link.id in undercut or not _is_plain(link, written)):
            title = provenance.get("argument")
            step = provenance.get("step")
            if (
                not isinstance(title, str)
                or not _usable_title(title)
                or (title in used_titles and step is None)
            ):
                title = str(link.id)
            steps = plan.reconstructed.setdefault(title, [])
            if step is None and steps and _provenance(steps[-1]).get("step") is None:
                title = str(link.id)
                steps = plan.reconstructed.setdefault(title, [])
            steps.append(link)
            plan.pcs_title[str(link.id)] = title
            continue
        if link.kind == "equivalent":
            continue  # written in the source's argmap data
        if link.kind in (ATTACKS, CONTRADICTS, UNDERCUTS) and link.is_linked:
            plan.lost.append(f"{link.kind} link {link.id!r}: Argdown has no linked premises for it")
            continue
        ends = (link.premises[0], link.target)
        key = (link.kind, *(sorted(ends) if link.kind == "contradicts" else ends))
        if link.kind != "supports" and key in written:
            plan.lost.append(f"{link.kind} link {link.id!r}: it repeats another link between the same nodes")
            continue
        written.add(key)
        plan.relations.append(link)
    for title, steps in list(plan.reconstructed.items()):
        plan.reconstructed[title] = _chain(plan, title, steps)
    for stand_in in sorted(plan.stand_ins):
        if plan.titles[stand_in] in plan.reconstructed:
            plan.described.add(plan.titles[stand_in])
        else:
            plan.stand_ins.discard(stand_in)
    return plan


def _chain(plan: _Plan, title: str, steps: list[AnyLink]) -> list[AnyLink]:
    """Order the inference steps of one argument, main last; split it when the steps do not chain."""
    ordered = sorted(
        steps, key=lambda k: (_provenance(k).get("step") is None, _provenance(k).get("step") or 0)
    )
    # Argdown cannot undercut an intermediate inference, and each inference reads its
    # premises as the statements since the previous conclusion: otherwise, split.
    listed: set[str] = set()
    clean = True
    for index, step in enumerate(ordered):
        before = ordered[index - 1].target if index else None
        fresh = [p for p in step.premises if p != before]
        if (before is not None and before not in step.premises) or listed & set(fresh):
            clean = False
        if index < len(ordered) - 1 and plan.m.links_to(str(step.id), UNDERCUTS):
            clean = False
        listed.update(fresh)
        listed.add(step.target)
    if not clean:
        for link in ordered[:-1]:
            plan.reconstructed[str(link.id)] = [link]
            plan.pcs_title[str(link.id)] = str(link.id)
        return ordered[-1:]
    return ordered


def _definition(plan: _Plan, node: AnyNode) -> str:
    title = plan.titles[node.id]
    reserved: dict[str, Any] = {}
    if derive_id(title) != node.id:
        reserved["id"] = node.id
    if node.kind != "claim":
        reserved["kind"] = node.kind
    if node.label is not None and (title != node.label or node.label == node.id):
        reserved["label"] = node.label
    tags = list(node.tags)
    if len(set(tags)) != len(tags) or not all(_usable_tag(t) for t in tags):
        reserved["tags"] = tags
        tags = []
    extra = {k: v for k, v in to_data(node).items() if k not in _NODE_FIELDS}
    reserved.update(extra)
    equivalent = [str(k.target) for k in plan.m.links_from(node.id, "equivalent") if k.target != node.id]
    if equivalent:
        reserved["equivalent"] = equivalent
    data = {k: v for k, v in node.data.items() if k != PROVENANCE}
    if RESERVED in data or PROVENANCE in node.data and not isinstance(node.data[PROVENANCE], dict):
        reserved["data"] = data
        data = {}
    if reserved:
        data[RESERVED] = reserved
    if node.id in plan.stand_ins and node.text == title:
        return _line(f"<{title}>", tags, data)  # no description
    head = f"<{title}>" if node.id in plan.argument_nodes else f"[{title}]"
    return _line(f"{head}: {escape_text(node.text)}", tags, data)


def _line(head: str, tags: list[str], data: dict[str, Any]) -> str:
    parts = [head]
    parts.extend(f"#{t}" if _SIMPLE_TAG.fullmatch(t) else f"#({t})" for t in tags)
    if data:
        parts.append(yaml_flow(data))
    return " ".join(parts)


def _reconstruction(plan: _Plan, title: str, steps: list[AnyLink]) -> list[str]:
    main = steps[-1]
    reserved = {
        k: v
        for k, v in to_data(main).items()
        if k not in ("id", "kind", "source", "target", "note", "tags", "data")
    }
    if derive_id(title) != main.id:
        reserved["id"] = main.id
    data = {k: v for k, v in main.data.items() if k != PROVENANCE}
    if RESERVED in data:
        reserved["data"] = data
        data = {}
    if reserved:
        data[RESERVED] = reserved
    tags = list(main.tags)
    if len(set(tags)) != len(tags) or not all(_usable_tag(t) for t in tags):
        reserved["tags"] = tags
        tags = []
    description = escape_text(main.note) if main.note and main.note.split() else ""
    if title in plan.described or not description:
        head = f"<{title}>"  # described where its node stands, or not at all
    else:
        head = f"<{title}>: {description}"
    lines = [_line(head, tags, data), ""]
    numbers: dict[str, int] = {}

    def number(node_id: str) -> int:
        numbers[node_id] = len(numbers) + 1
        lines.append(f"({numbers[node_id]}) {plan.ref(node_id)}")
        return numbers[node_id]

    for step in steps:
        for premise in step.premises:
            if premise not in numbers:
                number(premise)
        rules = _provenance(step).get("rules")
        if (
            isinstance(rules, list)
            and rules
            and all(isinstance(r, str) and _RULE.fullmatch(r) for r in rules)
        ):
            lines.append(f"-- {', '.join(' '.join(r.split()) for r in rules)} --")
        else:
            lines.append("----")
        number(step.target)
    return lines


_SYMBOL = {SUPPORTS: "+>", ATTACKS: "->", CONTRADICTS: "><", UNDERCUTS: "_>"}


def write_argdown(m: ArgumentMap) -> str:
    r"""Write ``m`` as Argdown text (deterministic: the same map always gives the same text).

    Read it back with :func:`argmap.io.argdown.read_argdown`: the statements,
    their kinds, texts, labels, tags and data, and the supports, attacks,
    contradicts, equivalent and undercuts links come back; see
    docs/formats-argdown.md for what Argdown cannot hold.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A."); _ = b.claim("b", "B."); _ = b.claim("c", "C.")
        >>> _ = b.supports(["a", "b"], "c", id="ab")
        >>> print(write_argdown(b.build()).split("\n\n", 4)[-1], end="")
        <ab>
        <BLANKLINE>
        (1) [a]
        (2) [b]
        ----
        (3) [c]
    """
    plan = _plan(m)
    provenance = m.metadata.get(PROVENANCE)
    recorded = provenance if isinstance(provenance, dict) else {}
    out = ["===", f"title: {quote(m.title)}"]
    front = recorded.get("front_matter")
    if isinstance(front, dict):
        for key, value in front.items():
            if key not in ("title", "model", RESERVED):
                out.append(f"{quote(str(key))}: {yaml_flow(value)}")
    block = {k: v for k, v in to_data(m).items() if k not in ("title", "nodes", "links")}
    metadata = {k: v for k, v in m.metadata.items() if k != PROVENANCE}
    if metadata:
        block["metadata"] = metadata
    else:
        block.pop("metadata", None)
    out += [f"{RESERVED}: {yaml_flow(block)}", "===", ""]

    sections = recorded.get("sections")
    headings = [s for s in sections if isinstance(s, dict)] if isinstance(sections, list) else []
    by_section: dict[str | None, list[list[str]]] = {}
    known = {str(h.get("title")) for h in headings}
    pcs_of_stand_in = {plan.titles[s]: s for s in plan.stand_ins}
    for node in m.nodes:
        section = str(_provenance(node).get("section"))
        by_section.setdefault(section if section in known else None, []).append([_definition(plan, node)])
    for title, steps in plan.reconstructed.items():
        section = str(_provenance(steps[-1]).get("section"))
        if title in pcs_of_stand_in:
            section = str(_provenance(m.node(pcs_of_stand_in[title])).get("section"))
        by_section.setdefault(section if section in known else None, []).append(
            _reconstruction(plan, title, steps)
        )
    for chunk in by_section.pop(None, []):
        out += [*chunk, ""]
    for heading in headings:
        level = heading.get("level")
        text = escape_text(str(heading.get("title")))
        out += [f"{'#' * (level if isinstance(level, int) and 0 < level < 7 else 1)} {text}", ""]
        for chunk in by_section.pop(str(heading.get("title")), []):
            out += [*chunk, ""]

    _relations(plan, out)
    if plan.lost:
        out += [f"// argmap: not written, Argdown cannot hold it: {what}" for what in plan.lost]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _relations(plan: _Plan, out: list[str]) -> None:
    # Relations first, undercuts after, as the reader makes their links: the text is then a fixpoint.
    by_source: dict[str, list[str]] = {}
    undercuts: dict[str, list[str]] = {}
    for link in plan.relations:
        if link.kind == UNDERCUTS:
            title = plan.pcs_title.get(link.target)
            target = plan.m.link(link.target)
            if (
                title is None
                and target.kind in ("supports", "attacks")
                and target.source in plan.argument_nodes
            ):
                head = plan.ref(str(target.source))
                undercuts.setdefault(head, []).append(f"  <_ {plan.ref(link.premises[0])}")
                continue
            if title is None:
                plan.lost.append(
                    f"undercuts link {link.id!r}: its target {target.kind} link {target.id!r} is no argument"
                )
                continue
            undercuts.setdefault(f"<{title}>", []).append(f"  <_ {plan.ref(link.premises[0])}")
            continue
        by_source.setdefault(plan.ref(link.premises[0]), []).append(
            f"  {_SYMBOL[link.kind]} {plan.ref(link.target)}"
        )
    for blocks in (by_source, undercuts):
        for head, lines in blocks.items():
            out += [head, *lines, ""]
