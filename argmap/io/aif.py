r"""AIF JSON: the Argument Interchange Format of AIFdb and OVA, read and written.

An AIF graph has *nodes* (``I`` propositions; ``RA`` inferences, ``CA``
conflicts and ``MA`` rephrases, the scheme nodes that relate them; ``L``
locutions, ``YA`` illocutions and ``TA`` transitions of the dialogue) and
*edges* between them. AIFdb serves it as a nodeset ``{"nodes", "edges",
"locutions"}``; OVA wraps the same in ``{"AIF": {...}, "OVA": {...}}``.

Reading turns:

- each I-node into a claim (its ``nodeID`` becomes the claim's id);
- each RA into one ``supports`` link from its premises (I-nodes with an edge
  into the RA; several premises become linked premises) to its conclusion;
- each CA into an ``attacks`` link when its conclusion is an I-node, and into
  an ``undercuts`` link when it is an RA (an undercut) or a CA (an attack on
  an attack: argmap's undercuts may target attacks and undercuts);
- each MA into an ``equivalent`` link (one per premise);
- the L-nodes that assert an I-node (``L -> YA -> I``), with the locutions and
  participants, into the speaker sides that hold it.

The scheme node's id, type, text (the scheme name, e.g. ``Default Inference``)
and any other fields are kept in the link's ``data["aif"]``; an I-node's
original ``nodeID`` and other fields in the claim's ``data["aif"]``.
Whatever cannot be imported (an RA without premise or conclusion, an edge to
a missing node, a preference node) is left out and reported as a located
:class:`~argmap.errors.Problem`: ``file:line:col: /nodes/12: RA '123' has no
conclusion``.

AIF node ids may be strings or integers; argmap ids must match
``[A-Za-z0-9][A-Za-z0-9_.:+-]*``. An id that matches is kept as it is (an
integer as its decimal digits); any other becomes ``x+`` followed by the id
with every character outside ``A-Z a-z 0-9 _ . : -`` written as ``+HH`` per
UTF-8 byte (see :func:`encode_id` and :func:`decode_id`). The original value
(with its JSON type) is kept in ``data["aif"]["nodeID"]``, and the writer
gives it back; two ids of one nodeset that would become the same argmap id
are reported.

Examples:
    >>> text = '''{"nodes": [
    ...   {"nodeID": 1, "text": "Tuition fees deter poorer students.", "type": "I"},
    ...   {"nodeID": 2, "text": "Fees should be abolished.", "type": "I"},
    ...   {"nodeID": 3, "text": "Default Inference", "type": "RA"}],
    ...  "edges": [{"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2}],
    ...  "locutions": []}'''
    >>> m, problems = read_aif(text, "fees.json")
    >>> [(k.kind, k.source, k.target, k.data["aif"]["text"]) for k in m.links], problems
    ([('supports', '1', '2', 'Default Inference')], [])
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap._perf import paused_gc
from argmap.errors import LoadError, MapError, Problem
from argmap.io.located import parse_json
from argmap.locations import Origin, attach_origin
from argmap.model import ArgumentMap
from argmap.model.fields import ATTACKS, CONTRADICTS, EQUIVALENT, ID_RE, SUPPORTS, UNDERCUTS
from argmap.validation import validate
from argmap.words import plural

__all__ = [
    "decode_id",
    "encode_id",
    "looks_like_aif",
    "looks_like_ova",
    "losses",
    "read_aif",
    "write_aif",
    "write_ova",
]

_SAFE = re.compile(r"[A-Za-z0-9_.:-]")
_PREFIX = "x+"
_SCHEME_TYPES = {"RA": "supports", "CA": "attacks", "MA": "equivalent"}
_DIALOGUE_TYPES = frozenset({"L", "YA", "TA"})
_DEFAULT_SCHEMES = {
    "supports": "Default Inference",
    "attacks": "Default Conflict",
    "equivalent": "Default Rephrase",
}
_LINK_TYPES = {SUPPORTS: "RA", ATTACKS: "CA", UNDERCUTS: "CA", CONTRADICTS: "CA", EQUIVALENT: "MA"}


def encode_id(value: str | int) -> str:
    """The argmap id for an AIF node id (reversible: see :func:`decode_id`).

    Examples:
        >>> encode_id(119927), encode_id("2_1649261293"), encode_id("node 7"), encode_id("-1")
        ('119927', '2_1649261293', 'x+node+207', 'x+-1')
    """
    text = str(value)
    if ID_RE.fullmatch(text):
        return text
    return _PREFIX + "".join(
        ch if _SAFE.fullmatch(ch) else "".join(f"+{byte:02X}" for byte in ch.encode("utf-8")) for ch in text
    )


def decode_id(argmap_id: str) -> str:
    """The AIF node id an argmap id stands for (the inverse of :func:`encode_id`).

    Examples:
        >>> decode_id("x+node+207"), decode_id("119927"), decode_id(encode_id("é/+"))
        ('node 7', '119927', 'é/+')
    """
    if not argmap_id.startswith(_PREFIX):
        return argmap_id
    body = argmap_id[len(_PREFIX) :]
    out = bytearray()
    i = 0
    while i < len(body):
        if body[i] == "+":
            out.append(int(body[i + 1 : i + 3], 16))
            i += 3
        else:
            out.extend(body[i].encode("utf-8"))
            i += 1
    return out.decode("utf-8")


def looks_like_ova(data: Any) -> bool:
    """Whether parsed JSON is OVA's wrapper: an object with an ``AIF`` object.

    Examples:
        >>> looks_like_ova({"AIF": {"nodes": []}, "OVA": {}}), looks_like_ova({"nodes": []})
        (True, False)
    """
    return isinstance(data, Mapping) and "AIF" in data


def looks_like_aif(data: Any) -> bool:
    """Whether parsed JSON is an AIF nodeset (or OVA's wrapper of one).

    A nodeset has ``nodes`` and none of the top-level fields of argmap's own
    format (``id``, ``title``, ``links``, ``sides``).

    Examples:
        >>> looks_like_aif({"nodes": [], "edges": []}), looks_like_aif({"nodes": [], "locutions": []})
        (True, True)
        >>> looks_like_aif({"id": "m", "title": "T", "nodes": []})
        False
    """
    if looks_like_ova(data):
        return True
    return isinstance(data, Mapping) and "nodes" in data and not {"id", "title", "links", "sides"} & set(data)


# -- reading ----------------------------------------------------------------


class _Positions(Mapping[tuple[str | int, ...], tuple[int, int]]):
    """Where the AIF node of each imported element is written, worked out on first use.

    Only the checker's findings need positions; an import that is never
    checked does not pay for scanning the text.
    """

    def __init__(self, text: str, keys: dict[tuple[str | int, ...], str]) -> None:
        self._text, self._keys = text, keys
        self._found: dict[tuple[str | int, ...], tuple[int, int]] | None = None

    def _table(self) -> dict[tuple[str | int, ...], tuple[int, int]]:
        if self._found is None:
            lines = [0] + [m.end() for m in re.finditer("\n", self._text)]
            offsets: dict[str, int] = {}
            for match in re.finditer(r'"nodeID"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', self._text):
                raw = match.group(1)
                key = json.loads(raw) if raw.startswith('"') else raw
                offsets.setdefault(str(key), match.start())
            self._found = {}
            for loc, key in self._keys.items():
                if key in offsets:
                    line = bisect.bisect_right(lines, offsets[key])
                    self._found[loc] = (line, offsets[key] - lines[line - 1] + 1)
        return self._found

    def __getitem__(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        return self._table()[loc]

    def __iter__(self) -> Iterator[tuple[str | int, ...]]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


@dataclass
class _Reader:
    """One reading of one nodeset: the raw nodes, their index, and what went wrong."""

    path: str
    text: str
    base: str  # JSON pointer of the AIF object: "" or "/AIF"
    problems: list[Problem] = field(default_factory=list)

    def problem(self, pointer: str, message: str) -> None:
        full = self.base + pointer or "/"
        loc = tuple(int(part) if part.isdigit() else part for part in full.split("/")[1:])
        self.problems.append(Problem(message, self.path, element=full, loc=loc))

    def located(self) -> list[Problem]:
        """The problems with the line and column of the value each pointer names.

        Only a file with problems pays for the slower parse that keeps positions.
        """
        if not self.problems:
            return []
        try:
            values = parse_json(self.text, self.path).values
        except LoadError:  # e.g. a duplicate key, which json.loads let pass
            values = {}
        out = []
        for problem in self.problems:
            loc = problem.loc
            while loc not in values and loc:
                loc = loc[:-1]
            line, column = values.get(loc, (None, None))
            out.append(Problem(problem.message, self.path, line, column, problem.element, problem.loc))
        return out


@dataclass
class _Node:
    index: int
    raw_id: str | int
    key: str  # the id as a string, as edges name it
    type: str
    text: str
    extra: dict[str, Any]


def read_aif(text: str, path: str) -> tuple[ArgumentMap, list[Problem]]:
    """Read an AIF nodeset (or OVA's wrapper of one) into a map and the problems met.

    Args:
        text: The JSON text.
        path: The file's name, for problems and the map's id.

    Returns:
        The map of everything that could be imported, and one located
        problem for each thing that could not.

    Raises:
        LoadError: the text is not JSON, or not an AIF object at all.

    Examples:
        >>> m, problems = read_aif('{"nodes": [{"nodeID": "9", "text": "Default Inference", "type": "RA"}],'
        ...                        ' "edges": []}', "n.json")
        >>> for p in problems:
        ...     print(p)
        n.json:1:12: /nodes/0: RA '9' has no premise (no I-node with an edge into it)
        n.json:1:12: /nodes/0: RA '9' has no conclusion (no edge from it to a node)
    """
    with paused_gc():  # a large nodeset is a bulk job: see argmap._perf
        return _read(text, path)


def _read(text: str, path: str) -> tuple[ArgumentMap, list[Problem]]:
    data = _parse(text, path)
    base = ""
    top: dict[str, Any] = {}
    if looks_like_ova(data):
        base = "/AIF"
        top = {k: v for k, v in data.items() if k != "AIF"}
        data = data["AIF"]
    reader = _Reader(path, text, base)
    if not isinstance(data, Mapping):
        reader.problem("", "not an AIF nodeset: expected an object with nodes and edges")
        raise LoadError(reader.located())
    if not isinstance(data.get("nodes"), list):
        reader.problem("/nodes", "nodes must be a list of node objects (nodeID, text, type)")
        raise LoadError(reader.located())
    nodes = _read_nodes(reader, data["nodes"])
    edges = _read_edges(reader, data.get("edges", []), nodes)
    speakers = _speakers(data, edges)
    built = _build(reader, nodes, edges, speakers, data, top)
    return built, reader.located()


def _parse(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise LoadError([Problem("JSON nests too deeply", path, 1, 1)]) from None
    except ValueError:
        parse_json(text, path)  # raises the located syntax error
        raise LoadError([Problem("not valid JSON", path, 1, 1)]) from None  # pragma: no cover


def _read_nodes(reader: _Reader, raw_nodes: list[Any]) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    taken: dict[str, str] = {}  # argmap id -> the AIF id it stands for
    for i, raw in enumerate(raw_nodes):
        pointer = f"/nodes/{i}"
        if not isinstance(raw, Mapping):
            reader.problem(pointer, "a node must be an object with nodeID, text and type")
            continue
        raw_id = raw.get("nodeID")
        if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
            reader.problem(pointer, "node has no nodeID (a string or an integer)")
            continue
        key = str(raw_id)
        kind = raw.get("type")
        if not isinstance(kind, str):
            reader.problem(pointer, f"node {key!r} has no type (I, RA, CA, MA, L, YA, TA...)")
            continue
        if key in nodes:
            reader.problem(
                pointer, f"{kind} {key!r}: nodeID repeats node /nodes/{nodes[key].index}; left out"
            )
            continue
        encoded = encode_id(raw_id)
        if encoded in taken:
            message = (
                f"{kind} {key!r} would get argmap id {encoded!r}, taken by node {taken[encoded]!r}; left out"
            )
            reader.problem(pointer, message)
            continue
        taken[encoded] = key
        node_text = raw.get("text")
        if not isinstance(node_text, str):
            node_text = "" if node_text is None else json.dumps(node_text)
        extra = {k: v for k, v in raw.items() if k not in ("nodeID", "text", "type")}
        nodes[key] = _Node(i, raw_id, key, kind, node_text, extra)
    return nodes


def _read_edges(reader: _Reader, raw_edges: Any, nodes: dict[str, _Node]) -> list[tuple[_Node, _Node]]:
    if not isinstance(raw_edges, list):
        reader.problem("/edges", "edges must be a list")
        return []
    edges: list[tuple[_Node, _Node]] = []
    seen: set[tuple[str, str]] = set()
    for i, raw in enumerate(raw_edges):
        pointer = f"/edges/{i}"
        if not isinstance(raw, Mapping):
            reader.problem(pointer, "an edge must be an object with fromID and toID")
            continue
        ends: list[_Node] = []
        for end in ("fromID", "toID"):
            value = raw.get(end)
            if isinstance(value, bool) or not isinstance(value, str | int):
                reader.problem(pointer, f"edge has no {end}")
            elif str(value) not in nodes:
                reader.problem(pointer, f"edge {end} {str(value)!r} names no node of the nodeset")
            else:
                ends.append(nodes[str(value)])
        if len(ends) != 2:
            continue
        if ends[0].type == "I" and ends[1].type == "I":
            message = (
                f"edge from I-node {ends[0].key!r} straight to I-node {ends[1].key!r}:"
                " AIF relates propositions through an RA, CA or MA node; ignored"
            )
            reader.problem(pointer, message)
            continue
        pair = (ends[0].key, ends[1].key)
        if pair in seen:
            continue  # the same edge twice says nothing more
        seen.add(pair)
        edges.append((ends[0], ends[1]))
    return edges


@dataclass(frozen=True)
class _Speaker:
    key: str  # the participant's id, or the name when no participant is known
    name: str
    participant: Any = None  # the participant's id as written, if any


def _speakers(data: Mapping[str, Any], edges: list[tuple[_Node, _Node]]) -> dict[str, _Speaker]:
    """The speaker of each I-node some locution asserts (``L -> YA -> I``)."""
    found: dict[str, _Speaker] = {}
    people: dict[str, _Speaker] = {}
    participants = data.get("participants")
    for person in participants if isinstance(participants, list) else []:
        if isinstance(person, Mapping) and "participantID" in person:
            full = " ".join(str(person.get(k) or "").strip() for k in ("firstname", "surname")).strip()
            if full:
                pid = person["participantID"]
                people[str(pid)] = _Speaker(f"p:{pid}", full, pid)
    person_of: dict[str, str] = {}
    locutions = data.get("locutions")
    for locution in locutions if isinstance(locutions, list) else []:
        if isinstance(locution, Mapping) and "nodeID" in locution and "personID" in locution:
            person_of[str(locution["nodeID"])] = str(locution["personID"])
    into: dict[str, list[_Node]] = defaultdict(list)
    for source, target in edges:
        into[target.key].append(source)
    for source, target in edges:
        if source.type != "YA" or target.type != "I" or target.key in found:
            continue
        for locution in into[source.key]:
            if locution.type != "L":
                continue
            speaker = people.get(person_of.get(locution.key, ""))
            if speaker is None and ":" in locution.text:
                name = locution.text.split(":", 1)[0].strip()
                speaker = _Speaker(f"n:{name}", name) if name else None
            if speaker is not None:
                found[target.key] = speaker
                break
    return found


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return slug or "speaker"


def _build(
    reader: _Reader,
    nodes: dict[str, _Node],
    edges: list[tuple[_Node, _Node]],
    speakers: dict[str, _Speaker],
    data: Mapping[str, Any],
    top: dict[str, Any],
) -> ArgumentMap:
    into: dict[str, list[_Node]] = defaultdict(list)
    out_of: dict[str, list[_Node]] = defaultdict(list)
    for source, target in edges:
        into[target.key].append(source)
        out_of[source.key].append(target)

    # Sides: one per speaker; a participant whose id is a valid id keeps it.
    side_ids: dict[str, str] = {}
    sides: list[dict[str, Any]] = []
    for speaker in speakers.values():
        if speaker.key in side_ids:
            continue
        given = speaker.participant
        side_id = given if isinstance(given, str) and ID_RE.fullmatch(given) else _slug(speaker.name)
        while side_id in side_ids.values():
            side_id += "-2"
        side_ids[speaker.key] = side_id
        sides.append({"id": side_id, "name": speaker.name, "role": "speaker"})

    out_nodes: list[dict[str, Any]] = []
    keys_at: dict[tuple[str | int, ...], str] = {}  # where each element stands -> its AIF node
    imported: set[str] = set()
    n_dialogue = 0
    for node in nodes.values():
        if node.type == "I":
            if not node.text.strip():
                reader.problem(f"/nodes/{node.index}", f"I-node {node.key!r} has no text; left out")
                continue
            entry: dict[str, Any] = {
                "id": encode_id(node.raw_id),
                "kind": "claim",
                "text": node.text,
                "data": {"aif": {"nodeID": node.raw_id, **node.extra}},
            }
            if node.key in speakers:
                entry["held_by"] = side_ids[speakers[node.key].key]
            keys_at[("nodes", len(out_nodes))] = node.key
            out_nodes.append(entry)
            imported.add(node.key)
        elif node.type in _DIALOGUE_TYPES:
            n_dialogue += 1
        elif node.type not in _SCHEME_TYPES:
            what = "a preference (PA)" if node.type == "PA" else f"of unknown type {node.type!r}"
            reader.problem(
                f"/nodes/{node.index}", f"node {node.key!r} is {what}: argmap has no such element; left out"
            )
    if not imported:
        if n_dialogue:
            reader.problem(
                "/nodes",
                f"dialogue only: {plural(n_dialogue, 'L/YA/TA node')} but no I-node (proposition) to import",
            )
        elif not nodes:
            reader.problem("/nodes", "the nodeset has no nodes")

    links = _links(reader, nodes, into, out_of, imported)
    out_links: list[dict[str, Any]] = []
    for node, link in links:
        keys_at[("links", len(out_links))] = node.key
        out_links.append(link)

    map_id = _slug(Path(reader.path).stem) if reader.path else "aif"
    metadata: dict[str, Any] = {}
    # Everything else the AIF object holds is kept, save what is read above and empty lists OVA adds.
    rest = {
        k: v
        for k, v in data.items()
        if k not in ("nodes", "edges", "locutions", "participants") and v not in ([], None)
    }
    if rest:
        metadata["aif"] = rest
    if top:
        metadata["ova"] = top
    try:
        result = validate(
            {
                "id": map_id,
                "title": Path(reader.path).stem or "AIF nodeset",
                "sides": sides,
                "nodes": out_nodes,
                "links": out_links,
                "metadata": metadata,
            }
        )
    except MapError as err:  # pragma: no cover - the reader builds valid data
        raise LoadError([Problem(str(p), reader.path) for p in err.problems]) from None
    attach_origin(result, Origin(reader.path, _Positions(reader.text, keys_at)))
    return result


def _links(
    reader: _Reader,
    nodes: dict[str, _Node],
    into: dict[str, list[_Node]],
    out_of: dict[str, list[_Node]],
    imported: set[str],
) -> list[tuple[_Node, dict[str, Any]]]:
    """Each RA, CA and MA as links, in nodeset order; the rest reported."""
    schemes = [n for n in nodes.values() if n.type in _SCHEME_TYPES]
    link_ids: dict[str, str] = {}  # scheme node key -> the id of its (first) link
    plans: dict[str, tuple[list[str], _Node]] = {}
    for node in schemes:
        pointer = f"/nodes/{node.index}"
        premises = [p for p in into[node.key] if p.type == "I"]
        odd = [p for p in into[node.key] if p.type not in ("I", "CA", "YA")]
        for other in odd:
            reader.problem(
                pointer,
                f"{node.type} {node.key!r} has an edge from {other.type} {other.key!r},"
                " which argmap cannot hold; ignored",
            )
        conclusions = [t for t in out_of[node.key] if t.type in ("I", "RA", "CA", "MA")]
        ok = True
        if not premises:
            reader.problem(
                pointer, f"{node.type} {node.key!r} has no premise (no I-node with an edge into it)"
            )
            ok = False
        missing = [p.key for p in premises if p.key not in imported]
        if missing:
            reader.problem(pointer, f"{node.type} {node.key!r}: premise {missing[0]!r} could not be imported")
            ok = False
        if not conclusions:
            reader.problem(pointer, f"{node.type} {node.key!r} has no conclusion (no edge from it to a node)")
            ok = False
        elif len(conclusions) > 1:
            names = ", ".join(repr(c.key) for c in conclusions)
            reader.problem(
                pointer,
                f"{node.type} {node.key!r} has {len(conclusions)} conclusions ({names}); AIF allows one",
            )
            ok = False
        else:
            end = conclusions[0]
            if node.type == "RA" and end.type != "I":
                reader.problem(
                    pointer,
                    f"RA {node.key!r} concludes {end.type} {end.key!r}; an inference concludes an I-node",
                )
                ok = False
            elif node.type == "MA" and end.type != "I":
                reader.problem(
                    pointer, f"MA {node.key!r} rephrases {end.type} {end.key!r}; a rephrase relates I-nodes"
                )
                ok = False
            elif end.type == "MA":
                reader.problem(
                    pointer, f"CA {node.key!r} attacks MA {end.key!r}: a rephrase has no inference to attack"
                )
                ok = False
            elif end.type == "I" and end.key not in imported:
                reader.problem(
                    pointer, f"{node.type} {node.key!r}: conclusion {end.key!r} could not be imported"
                )
                ok = False
        if ok:
            plans[node.key] = ([encode_id(p.raw_id) for p in premises], conclusions[0])
            link_ids[node.key] = encode_id(node.raw_id)

    # A CA that targets a scheme node needs that node's link: drop chains whose target failed.
    changed = True
    while changed:
        changed = False
        for key, (_, end) in list(plans.items()):
            if end.type != "I" and end.key not in plans:
                node = nodes[key]
                reader.problem(
                    f"/nodes/{node.index}",
                    f"CA {key!r} attacks {end.type} {end.key!r}, which could not be imported",
                )
                del plans[key]
                changed = True

    out: list[tuple[_Node, dict[str, Any]]] = []
    for node in schemes:
        if node.key not in plans:
            continue
        sources, end = plans[node.key]
        aif = {"nodeID": node.raw_id, "type": node.type, "text": node.text, **node.extra}
        if node.type == "MA":
            for j, premise in enumerate(sources):
                link_id = link_ids[node.key] if j == 0 else f"{link_ids[node.key]}:{j + 1}"
                target = encode_id(end.raw_id)
                out.append(
                    (
                        node,
                        {
                            "id": link_id,
                            "kind": "equivalent",
                            "source": premise,
                            "target": target,
                            "data": {"aif": aif},
                        },
                    )
                )
            continue
        kind = _SCHEME_TYPES[node.type] if end.type == "I" else UNDERCUTS
        target = encode_id(end.raw_id) if end.type == "I" else link_ids[end.key]
        source: str | list[str] = sources[0] if len(sources) == 1 else sources
        out.append(
            (
                node,
                {
                    "id": link_ids[node.key],
                    "kind": kind,
                    "source": source,
                    "target": target,
                    "data": {"aif": aif},
                },
            )
        )
    return out


# -- writing ----------------------------------------------------------------


def _aif_id(element_id: str, data: Mapping[str, Any]) -> str | int:
    """The AIF id of an element: the one it was read with, else its own id."""
    aif = data.get("aif")
    if isinstance(aif, Mapping):
        original = aif.get("nodeID")
        if (
            isinstance(original, str | int)
            and not isinstance(original, bool)
            and encode_id(original) == element_id
        ):
            return original
    return element_id


def _extra(data: Mapping[str, Any], drop: Iterable[str]) -> dict[str, Any]:
    aif = data.get("aif")
    if not isinstance(aif, Mapping):
        return {}
    return {k: v for k, v in aif.items() if k not in drop}


def to_aif_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF nodeset (plain data): I-nodes, scheme nodes, edges, locutions.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> _ = b.claim("b", "B.")
        >>> _ = b.attacks("a", "b", id="x")
        >>> data = to_aif_data(b.build())
        >>> [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]]
        [('a', 'I', 'A.'), ('b', 'I', 'B.'), ('x', 'CA', 'Default Conflict')]
        >>> [(e["fromID"], e["toID"]) for e in data["edges"]]
        [('a', 'x'), ('x', 'b')]
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    scheme_of: dict[str, str | int] = {}
    used: set[str] = set()

    def add_edge(source: str | int, target: str | int) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": source, "toID": target, "formEdgeID": None})

    node_ids: dict[str, str | int] = {}
    for node in argument_map.nodes:
        node_ids[node.id] = _aif_id(node.id, node.data)
        used.add(str(node_ids[node.id]))
        nodes.append(
            {
                "nodeID": node_ids[node.id],
                "text": node.text,
                "type": "I",
                **_extra(node.data, ("nodeID", "text", "type")),
            }
        )
    for link in argument_map.links:
        scheme_of[str(link.id)] = _aif_id(str(link.id), link.data)
        used.add(str(scheme_of[str(link.id)]))

    def fresh(base: str) -> str:
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        return candidate

    for link in argument_map.links:
        scheme_id = scheme_of[str(link.id)]
        kind = link.kind
        default = _DEFAULT_SCHEMES.get(ATTACKS if kind in (UNDERCUTS, CONTRADICTS) else kind, "")
        aif = link.data.get("aif")
        text = aif.get("text") if isinstance(aif, Mapping) and isinstance(aif.get("text"), str) else default
        extra = _extra(link.data, ("nodeID", "type", "text"))
        nodes.append({"nodeID": scheme_id, "text": text, "type": _LINK_TYPES[kind], **extra})
        for premise in link.premises:
            add_edge(node_ids[premise], scheme_id)
        target = scheme_of[link.target] if kind == UNDERCUTS else node_ids[link.target]
        add_edge(scheme_id, target)
        if kind == "contradicts":
            # A contradiction is a conflict both ways: the second CA runs back.
            back = fresh(f"{scheme_id}:back")
            nodes.append({"nodeID": back, "text": text, "type": "CA"})
            add_edge(node_ids[link.target], back)
            add_edge(back, node_ids[link.premises[0]])

    locutions: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    sides = {side.id: side for side in argument_map.sides}
    for side_id in dict.fromkeys(n.held_by for n in argument_map.nodes if n.held_by):
        assert side_id is not None
        participants.append({"participantID": side_id, "firstname": sides[side_id].name, "surname": ""})
    for node in argument_map.nodes:
        if node.held_by is None:
            continue
        locution, illocution = fresh(f"{node_ids[node.id]}:L"), fresh(f"{node_ids[node.id]}:YA")
        nodes.append({"nodeID": locution, "text": f"{sides[node.held_by].name}: {node.text}", "type": "L"})
        nodes.append({"nodeID": illocution, "text": "Asserting", "type": "YA"})
        add_edge(locution, illocution)
        add_edge(illocution, node_ids[node.id])
        locutions.append({"nodeID": locution, "personID": node.held_by})
    out: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": locutions}
    if participants:
        out["participants"] = participants
    rest = argument_map.metadata.get("aif")
    if isinstance(rest, Mapping):
        out.update({k: v for k, v in rest.items() if k not in out})
    return out


def losses(argument_map: ArgumentMap) -> list[str]:
    """What an AIF export of the map leaves out or changes, in words (empty when nothing is).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.issue("q", "Q.", label="Q")
        >>> _ = b.claim("a", "A.")
        >>> _ = b.contradicts("a", "q")
        >>> for note in losses(b.build()):
        ...     print(note)
        the kinds of 1 node that are not claims
        labels of 1 node
        1 contradicts link as such (each is written as a conflict each way)
    """
    nodes, links = argument_map.nodes, argument_map.links
    counted = [
        (
            "the kinds of {node} that are not claims",
            sum(n.kind != "claim" for n in nodes),
        ),
        ("labels of {node}", sum(n.label is not None for n in nodes)),
        (
            "notes of {element}",
            sum(n.note is not None for n in nodes) + sum(k.note is not None for k in links),
        ),
        ("tags of {element}", sum(bool(n.tags) for n in nodes) + sum(bool(k.tags) for k in links)),
        (
            "anchors of {element}",
            sum(bool(n.anchors) for n in nodes) + sum(bool(k.anchors) for k in links),
        ),
        ("the side holding {link}", sum(k.held_by is not None for k in links)),
        ("concession or strength of {link}", sum(k.concession or k.strength is not None for k in links)),
        (
            "roles, stances and opponents of {side}",
            sum(bool(d.stances or d.opposes) for d in argument_map.sides),
        ),
    ]
    nouns = ("node", "element", "link", "side")
    notes = [template.format(**{n: plural(count, n) for n in nouns}) for template, count in counted if count]
    contradictions = sum(k.kind == "contradicts" for k in links)
    if contradictions:
        notes.append(
            f"{plural(contradictions, 'contradicts link')} as such (each is written as a conflict each way)"
        )
    if argument_map.sources or argument_map.description or argument_map.tags:
        notes.append("the map's sources, description and tags")
    return notes


def write_aif(argument_map: ArgumentMap) -> str:
    """The map as AIF JSON (an AIFdb nodeset), deterministic.

    Node kinds, labels, sides' roles and stances, notes, anchors and the
    map's title have no place in AIF and are not written (see docs/formats.md).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> read_aif(write_aif(b.build()), "m.json")[0].nodes[0].text
        'A.'
    """
    return json.dumps(to_aif_data(argument_map), indent=2, ensure_ascii=False) + "\n"


def write_ova(argument_map: ArgumentMap) -> str:
    """The map as OVA's JSON: the AIF nodeset wrapped with OVA's layout of its nodes.

    Layout (``OVA.nodes`` positions) comes from the file the map was read
    from when it kept one, else from a plain grid.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> data = json.loads(write_ova(b.build()))
        >>> sorted(data), data["OVA"]["nodes"][0]["nodeID"]
        (['AIF', 'OVA', 'text'], 'a')
    """
    aif = to_aif_data(argument_map)
    aif.setdefault("participants", [])
    aif.setdefault("schemefulfillments", [])
    aif.setdefault("descriptorfulfillments", [])
    kept = argument_map.metadata.get("ova")
    kept = kept if isinstance(kept, Mapping) else {}
    layout: dict[str, Any] = {}
    old = kept.get("OVA")
    old_nodes = old.get("nodes") if isinstance(old, Mapping) else None
    if isinstance(old_nodes, list):
        layout = {str(n.get("nodeID")): n for n in old_nodes if isinstance(n, Mapping)}
    ova_nodes = []
    for i, node in enumerate(aif["nodes"]):
        placed = layout.get(str(node["nodeID"]))
        if placed is None:
            placed = {
                "nodeID": node["nodeID"],
                "visible": True,
                "x": 50 + 250 * (i % 6),
                "y": 50 + 150 * (i // 6),
                "timestamp": "",
            }
        ova_nodes.append(dict(placed))
    ova_edges = [{"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in aif["edges"]]
    head = (
        {k: v for k, v in (old or {}).items() if k not in ("nodes", "edges")}
        if isinstance(old, Mapping)
        else {}
    )
    ova = {"firstname": "", "surname": "", "url": "", **head, "nodes": ova_nodes, "edges": ova_edges}
    out: dict[str, Any] = {"AIF": aif, "text": kept.get("text", ""), "OVA": ova}
    out.update({k: v for k, v in kept.items() if k not in out})
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
