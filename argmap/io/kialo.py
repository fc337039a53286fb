r"""Kialo discussion exports (plain text), read and written.

Kialo's "export discussion" gives a text file like::

    Discussion Title: Should schools ban phones?

    1. Schools should ban phones.
    1.1. Pro: Phones distract pupils in class.
    1.1.1. Con: Teachers can collect phones during lessons.
    1.2. Con: Parents want to reach their children.
    1.2.1. Pro: -> See 1.1.1.

Each claim has a number giving its place in the tree: ``1.1.2.`` is the
second child of ``1.1.``. Reading turns the thesis (``1.``) into an issue,
each other claim into a claim, each ``Pro`` into a ``supports`` link to its
parent and each ``Con`` into an ``attacks`` link; a cross-link (``-> See
1.1.1.``) says that an existing claim also bears on this parent, and becomes
a link from that claim. A claim's text may run over several lines; the
lines may be indented, separated by blank lines, and end in CRLF. Newer
exports label the thesis (``1. Thesis: ...``); a discussion with several
theses puts the question first (``1. ...``) and the theses under it
(``1.1. Thesis: ...``): each thesis then becomes an issue, and the question
the map's description. A closing ``Sources:`` section is kept in the map's
metadata.

Node ids are the claim numbers without the last dot (``1.1.2``); the
number is kept in ``data["kialo"]``.

Examples:
    >>> text = "Discussion Title: Phones\n\n1. Ban phones.\n1.1. Pro: They distract.\n1.2. Con: -> See 1.1.\n"
    >>> m, problems = read_kialo(text, "phones.txt")
    >>> [(k.kind, k.source, k.target) for k in m.links], problems
    ([('supports', '1.1', '1'), ('attacks', '1.1', '1')], [])
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import LoadError, Problem
from argmap.locations import Origin, Parsed, attach_origin
from argmap.model import ArgumentMap
from argmap.model.fields import CONTRADICTS, EQUIVALENT, UNDERCUTS
from argmap.validation import validate_parsed
from argmap.words import plural

__all__ = ["looks_like_kialo", "losses", "read_kialo", "write_kialo"]

_TITLE = re.compile(r"Discussion (?:Title|Name):[ \t]*(.*)$")
_CLAIM = re.compile(r"((?:\d+\.)+)(?:[ \t]+(?:(Pro|Con|Thesis|Question):)?[ \t]*(.*))?$", re.ASCII)
_SEE = re.compile(r"->\s*See\s+((?:\d+\.)+)\s*$", re.ASCII)
_NEAR_CLAIM = re.compile(r"\d+(?:[.,]\d+)*[.,]?\s*(?:Pro|Con|Thesis)\s*:", re.IGNORECASE | re.ASCII)
_LABEL = re.compile(r"(?:Pro|Con|Thesis|Question):")


def looks_like_kialo(text: str) -> bool:
    r"""Whether a text starts as a Kialo export: a discussion title or a ``1.`` thesis line.

    Examples:
        >>> looks_like_kialo("Discussion Title: X\n\n1. X\n"), looks_like_kialo("id: m\n")
        (True, False)
    """
    for line in text.lstrip("\ufeff").splitlines()[:5]:
        stripped = line.strip()
        if stripped:
            return bool(_TITLE.match(stripped)) or stripped.startswith("1. ")
    return False


@dataclass
class _Claim:
    number: str  # "1.2.3."
    stance: str | None  # Pro, Con, Thesis, Question or None
    lines: list[str]
    line: int
    column: int
    see: str | None = None
    see_column: int = 0

    @property
    def parts(self) -> list[str]:
        return self.number[:-1].split(".")

    @property
    def parent(self) -> str:
        return ".".join(self.parts[:-1]) + "." if len(self.parts) > 1 else ""


@dataclass
class _Parse:
    title: str | None = None
    claims: list[_Claim] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _needs_escape(line: str) -> bool:
    """Whether a line of text would read as something else: a claim, a title, a cross-link..."""
    return bool(
        line.startswith("\\")
        or _CLAIM.match(line)
        or _NEAR_CLAIM.match(line)
        or _TITLE.match(line)
        or _SEE.match(line)
        or _LABEL.match(line)
        or line == "Sources:"
    )


def _unescape(line: str) -> str:
    # The writer puts a backslash before a line of text that would read as something else.
    return line[1:] if line.startswith("\\") and _needs_escape(line[1:]) else line


def _escape(line: str) -> str:
    return "\\" + line if _needs_escape(line) else line


def _scan(text: str, path: str, problems: list[Problem]) -> _Parse:
    parsed = _Parse()
    in_sources = False
    current: _Claim | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if in_sources:
            if stripped:
                parsed.sources.append(stripped)
            continue
        if not stripped:
            if current is not None:
                current.lines.append("")
            continue
        if parsed.title is None and not parsed.claims:
            title = _TITLE.match(stripped)
            if title:
                parsed.title = title.group(1).strip()
                continue
        if stripped == "Sources:" and parsed.claims:
            in_sources = True
            continue
        match = _CLAIM.match(stripped)
        if match:
            claim = _Claim(match.group(1), match.group(2), [], number, indent + 1)
            body = (match.group(3) or "").strip()
            see = _SEE.match(body)
            if see:
                claim.see, claim.see_column = see.group(1), indent + 1 + stripped.index("->")
            elif body:
                claim.lines.append(_unescape(body))
            parsed.claims.append(claim)
            current = claim
            continue
        if _NEAR_CLAIM.match(stripped):
            message = "this reads as a claim but its number is malformed: write it as 1.2.3."
            problems.append(Problem(message, path, number, indent + 1))
            continue
        if current is None:
            problems.append(
                Problem(
                    "expected 'Discussion Title: ...' or a numbered claim such as '1. Thesis'",
                    path,
                    number,
                    indent + 1,
                )
            )
            continue
        current.lines.append(_unescape(stripped))
    return parsed


def read_kialo(text: str, path: str) -> tuple[ArgumentMap, list[Problem]]:
    r"""Read a Kialo discussion export into a map and the problems met.

    Args:
        text: The export's text (LF or CRLF line ends).
        path: The file's name, for problems and the map's id.

    Returns:
        The map of every claim that could be placed, and one located problem
        (``file:line:col``) for each line that could not.

    Raises:
        LoadError: the text holds no claim at all.

    Examples:
        >>> m, problems = read_kialo("1. A.\n1.1. Pro: B.\n1.3.1. Con: C.\n", "d.txt")
        >>> for p in problems:
        ...     print(p)
        d.txt:3:1: claim 1.3.1.: its parent 1.3. is not in the discussion; left out
    """
    problems: list[Problem] = []
    parsed = _scan(text.lstrip("\ufeff"), path, problems)
    if not parsed.claims:
        raise LoadError(
            problems or [Problem("no claim found: expected a line such as '1. Thesis'", path, 1, 1)]
        )
    claims: dict[str, _Claim] = {}
    kept: list[_Claim] = []
    for claim in parsed.claims:
        if claim.number in claims:
            problems.append(
                _at(
                    path,
                    claim,
                    f"number repeats the claim on line {claims[claim.number].line}; left out",
                    claim.see_column,
                )
            )
            continue
        if claim.parent and claim.parent not in claims:
            problems.append(
                _at(
                    path,
                    claim,
                    f"its parent {claim.parent} is not in the discussion; left out",
                    claim.see_column,
                )
            )
            continue
        if not claim.parent and kept:
            problems.append(
                _at(
                    path,
                    claim,
                    "a second thesis at the top level; a discussion has one; left out",
                    claim.see_column,
                )
            )
            continue
        if (
            claim.parent
            and claim.stance not in ("Pro", "Con")
            and not (claim.stance == "Thesis" and not claims[claim.parent].parent)
        ):
            found = f"'{claim.stance}:'" if claim.stance else "no stance"
            problems.append(
                _at(
                    path,
                    claim,
                    f"expected 'Pro:' or 'Con:' after the number, found {found}; left out",
                    claim.see_column,
                )
            )
            continue
        text_lines = _trim(claim.lines)
        if claim.see is None and not text_lines:
            problems.append(_at(path, claim, "the claim has no text; left out"))
            continue
        claims[claim.number] = claim
        kept.append(claim)
    if not kept:
        raise LoadError(problems)
    return _build(parsed, kept, claims, path, problems), problems


def _at(path: str, claim: _Claim, message: str, column: int = 0) -> Problem:
    return Problem(message, path, claim.line, column or claim.column, element=f"claim {claim.number}")


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _node_id(number: str) -> str:
    return number[:-1]


def _build(
    parsed: _Parse, kept: list[_Claim], claims: dict[str, _Claim], path: str, problems: list[Problem]
) -> ArgumentMap:
    root = kept[0]
    multi = any(c.stance == "Thesis" and c.parent == root.number for c in kept)
    nodes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    positions: dict[tuple[str | int, ...], tuple[int, int]] = {}
    placed: set[str] = set()
    for claim in kept:
        if claim.see is not None or (multi and claim is root):
            continue
        kind = "issue" if claim is root or (multi and claim.stance == "Thesis") else "claim"
        positions[("nodes", len(nodes))] = (claim.line, claim.column)
        nodes.append(
            {
                "id": _node_id(claim.number),
                "kind": kind,
                "text": "\n".join(_trim(claim.lines)),
                "data": {"kialo": claim.number},
            }
        )
        placed.add(claim.number)
    for claim in kept:
        if claim.parent == "" or (multi and claim.stance == "Thesis"):
            continue
        kind = "supports" if claim.stance == "Pro" else "attacks"
        source = claim.number
        if claim.see is not None:
            if claim.see == claim.number:
                problems.append(
                    _at(path, claim, f"'-> See {claim.see}' points at itself; left out", claim.see_column)
                )
                continue
            if claim.see not in placed:
                problems.append(
                    _at(
                        path,
                        claim,
                        f"'-> See {claim.see}' names no claim of the discussion; left out",
                        claim.see_column,
                    )
                )
                continue
            source = claim.see
        if claim.parent not in placed:
            # the parent is itself a cross-link: Kialo never writes one under another
            problems.append(
                _at(
                    path,
                    claim,
                    f"its parent {claim.parent} is a cross-link, not a claim; left out",
                    claim.see_column,
                )
            )
            continue
        positions[("links", len(links))] = (claim.line, claim.column)
        link: dict[str, Any] = {"kind": kind, "source": _node_id(source), "target": _node_id(claim.parent)}
        if claim.see is not None:
            link["data"] = {"kialo": claim.number}
        links.append(link)
    title = parsed.title or (root.lines[0] if root.lines else Path(path).stem) or "Kialo discussion"
    top: dict[str, Any] = {
        "id": re.sub(r"[^A-Za-z0-9]+", "-", Path(path).stem).strip("-").lower() or "kialo",
        "title": title,
        "nodes": nodes,
        "links": links,
    }
    if multi:
        top["description"] = "\n".join(_trim(root.lines))
    if parsed.sources:
        top["metadata"] = {"kialo": {"sources": parsed.sources}}
    positions.setdefault((), (1, 1))  # what has no place of its own (the title) is the file's start
    result = validate_parsed(Parsed(top, values=dict(positions)), path)
    attach_origin(result, Origin(path, positions))
    return result


# -- writing ----------------------------------------------------------------


def _text_lines(text: str) -> list[str]:
    return [_escape(line.strip()) for line in text.strip().split("\n")]


def _tree(argument_map: ArgumentMap) -> tuple[list[str], dict[str, str]]:
    """The export's lines up to the sources, and the number each written node got."""
    children: dict[str, list[tuple[str, str]]] = defaultdict(list)
    bearing: set[str] = set()
    for link in argument_map.links:
        if link.kind in ("supports", "attacks"):
            for premise in link.premises:
                children[link.target].append(("Pro" if link.kind == "supports" else "Con", premise))
                bearing.add(premise)
    roots = [n.id for n in argument_map.issues] or [n.id for n in argument_map.nodes if n.id not in bearing]
    if not roots and argument_map.nodes:
        roots = [argument_map.nodes[0].id]
    lines = [f"Discussion Title: {' '.join(argument_map.title.split())}", ""]
    written: dict[str, str] = {}

    def emit(node_id: str, number: str, label: str) -> None:
        # Depth first, without recursion: a chain of thousands of supports is fine.
        stack = [(node_id, number, label)]
        while stack:
            node_id, number, label = stack.pop()
            if node_id in written:
                lines.append(f"{number} {label}: -> See {written[node_id]}")
                continue
            written[node_id] = number
            text = _text_lines(argument_map.node(node_id).text)
            lines.append(f"{number} {label + ': ' if label else ''}{text[0]}")
            lines.extend(text[1:])
            below = children.get(node_id, [])
            stack.extend(
                (child, f"{number}{i}.", stance) for i, (stance, child) in reversed(list(enumerate(below, 1)))
            )

    if len(roots) == 1:
        emit(roots[0], "1.", "")
    else:
        question_lines = _text_lines(argument_map.description or argument_map.title)
        lines.append(f"1. {question_lines[0]}")
        lines.extend(question_lines[1:])
        for i, root in enumerate([r for r in roots if r not in written], start=1):
            if root not in written:  # an earlier thesis may have reached it
                emit(root, f"1.{i}.", "Thesis")
    return lines, written


def losses(argument_map: ArgumentMap) -> list[str]:
    """What a Kialo export of the map leaves out, in words (empty when nothing is lost).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.issue("q", "Q.")
        >>> for n in ("a", "b", "c"):
        ...     _ = b.claim(n, n.upper() + ".")
        >>> _ = b.supports(["a", "b"], "q")
        >>> for note in losses(b.build()):
        ...     print(note)
        1 node with no chain of supports or attacks to a root: c
        1 link of linked premises as such (each premise is written apart)
    """
    _, written = _tree(argument_map)
    notes = []
    left = [n.id for n in argument_map.nodes if n.id not in written]
    if left:
        shown = ", ".join(left[:5]) + (" ..." if len(left) > 5 else "")
        notes.append(f"{plural(len(left), 'node')} with no chain of supports or attacks to a root: {shown}")
    for kind in (UNDERCUTS, CONTRADICTS, EQUIVALENT):
        count = sum(1 for k in argument_map.links if k.kind == kind)
        if count:
            notes.append(f"{plural(count, kind + ' link')}")
    linked = sum(1 for k in argument_map.links if k.is_linked and k.kind in ("supports", "attacks"))
    if linked:
        notes.append(f"{plural(linked, 'link')} of linked premises as such (each premise is written apart)")
    return notes


def write_kialo(argument_map: ArgumentMap) -> str:
    r"""The map as a Kialo discussion export, deterministic.

    The tree grows from the issues (from the nodes that support or attack
    nothing when the map has no issue): each node that supports a node
    becomes a ``Pro`` under it, each that attacks it a ``Con``; a node met a
    second time is written as a cross-link (``-> See N.``). Several roots
    become theses under the map's title. Linked premises are written one by
    one; undercuts, contradictions, equivalences, node kinds other than
    issue, sides and every other field have no place in Kialo's text and
    are not written (see docs/formats.md).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "Phones")
        >>> _ = b.issue("q", "Ban phones.")
        >>> _ = b.claim("a", "They distract.")
        >>> _ = b.claim("c", "Teachers collect them.")
        >>> _ = b.supports("a", "q")
        >>> _ = b.attacks("c", "a")
        >>> print(write_kialo(b.build()), end="")
        Discussion Title: Phones
        <BLANKLINE>
        1. Ban phones.
        1.1. Pro: They distract.
        1.1.1. Con: Teachers collect them.
    """
    lines, _ = _tree(argument_map)
    kept = argument_map.metadata.get("kialo")
    sources = kept.get("sources") if isinstance(kept, dict) else None
    if isinstance(sources, list):
        lines += ["", "Sources:", *(str(s) for s in sources)]
    return "\n".join(lines) + "\n"
