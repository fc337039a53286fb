"""AIF JSON (AIFdb nodesets and OVA's wrapper): import, export, malformed files, the microtexts."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import LoadError
from argmap.io.aif import decode_id, encode_id, losses, read_aif, write_aif, write_ova
from argmap.io.formats import read
from argmap.model import ArgumentMap
from tests.conftest import SHARED
from tests.strategies import json_values, maps

CASES = Path(__file__).parent / "aif_cases"
MICROTEXTS = SHARED / "external" / "aif-microtexts"


def nodeset(nodes: list[tuple[Any, str, str]], edges: list[tuple[Any, Any]], **extra: Any) -> str:
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "text": t, "type": k} for i, k, t in nodes],
            "edges": [{"edgeID": n, "fromID": a, "toID": b} for n, (a, b) in enumerate(edges)],
            **extra,
        }
    )


def links(m: ArgumentMap) -> list[tuple[str, Any, str]]:
    return [(k.kind, k.source, k.target) for k in m.links]


# -- reading ------------------------------------------------------------------


def test_linked_premises_attack_undercut_and_attack_on_attack() -> None:
    text = nodeset(
        [
            (1, "I", "Fees deter poorer students."),
            (2, "I", "Poorer students matter."),
            (3, "I", "Fees should be abolished."),
            (4, "I", "Loans remove the deterrent."),
            (5, "I", "Loans are debts too."),
            (6, "I", "Universities need the money."),
            (10, "RA", "Argument From Consequences"),
            (11, "CA", "Default Conflict"),
            (12, "CA", "Default Conflict"),
            (13, "CA", "Default Conflict"),
        ],
        [(1, 10), (2, 10), (10, 3), (4, 11), (11, 10), (5, 12), (12, 11), (6, 13), (13, 3)],
    )
    m, problems = read_aif(text, "fees.json")
    assert problems == []
    assert [n.kind for n in m.nodes] == ["claim"] * 6
    assert links(m) == [
        ("supports", ("1", "2"), "3"),
        ("undercuts", "4", "10"),
        ("undercuts", "5", "11"),
        ("attacks", "6", "3"),
    ]
    assert m.link("10").data["aif"] == {"nodeID": 10, "type": "RA", "text": "Argument From Consequences"}
    assert argmap.graph.final_target(m, m.link("12")) == "3"
    assert (m.id, m.title) == ("fees", "fees")


def test_rephrase_is_equivalence_and_ids_of_any_shape_map_reversibly() -> None:
    text = nodeset(
        [
            ("a b", "I", "Phones distract."),
            ("-1", "I", "Phones take attention."),
            ("é/+", "MA", "Default Rephrase"),
        ],
        [("a b", "é/+"), ("é/+", "-1")],
    )
    m, problems = read_aif(text, "n.json")
    assert problems == []
    ((kind, source, target),) = links(m)
    assert kind == "equivalent"
    assert [decode_id(source), decode_id(target), decode_id(str(m.links[0].id))] == ["a b", "-1", "é/+"]
    assert [encode_id(i) for i in ("a b", "-1", "é/+")] == [source, target, m.links[0].id]
    again = json.loads(write_aif(m))
    assert [n["nodeID"] for n in again["nodes"]] == ["a b", "-1", "é/+"]


def test_two_ids_that_would_become_one_argmap_id_are_reported() -> None:
    m, problems = read_aif(nodeset([("a b", "I", "A."), ("x+a+20b", "I", "B.")], []), "n.json")
    assert [n.text for n in m.nodes] == ["A."]
    assert [str(p) for p in problems] == [
        "n.json:1:58: /nodes/1: I 'x+a+20b' would get argmap id 'x+a+20b', taken by node 'a b'; left out"
    ]


def test_integer_and_string_ids_are_one_id_space() -> None:
    text = nodeset([(1, "I", "A."), ("2", "I", "B."), (3, "RA", "Default Inference")], [("1", 3), (3, 2)])
    m, problems = read_aif(text, "n.json")
    assert problems == [] and links(m) == [("supports", "1", "2")]


def test_speakers_from_participants_and_from_locution_text() -> None:
    text = nodeset(
        [
            (1, "I", "Phones distract."),
            (2, "I", "Phones help in emergencies."),
            (3, "L", "Rachel: phones distract"),
            (4, "YA", "Asserting"),
            (5, "L", "Mo Farah : they help in emergencies"),
            (6, "YA", "Asserting"),
        ],
        [(3, 4), (4, 1), (5, 6), (6, 2)],
        locutions=[{"nodeID": 3, "personID": 7}, {"nodeID": 5, "personID": 8}],
        participants=[{"participantID": 7, "firstname": "Rachel", "surname": "Reeves"}],
    )
    m, problems = read_aif(text, "n.json")
    assert problems == []
    assert [(s.id, s.name, s.role) for s in m.sides] == [
        ("rachel-reeves", "Rachel Reeves", "speaker"),
        ("mo-farah", "Mo Farah", "speaker"),
    ]
    assert [n.held_by for n in m.nodes] == ["rachel-reeves", "mo-farah"]


def test_ova_wrapper_is_read_and_its_layout_written_back() -> None:
    inner = json.loads(
        nodeset([(1, "I", "A."), (2, "I", "B."), (3, "CA", "Default Conflict")], [(1, 3), (3, 2)])
    )
    layout = {"firstname": "Anon", "nodes": [{"nodeID": 1, "x": 7, "y": 9, "visible": True}], "edges": []}
    text = json.dumps({"AIF": inner, "OVA": layout, "text": "<span>A</span> but B"})
    m, problems = read_aif(text, "ova.json")
    assert problems == [] and links(m) == [("attacks", "1", "2")]
    out = json.loads(write_ova(m))
    assert out["text"] == "<span>A</span> but B" and out["OVA"]["firstname"] == "Anon"
    assert out["OVA"]["nodes"][0] == {"nodeID": 1, "x": 7, "y": 9, "visible": True}
    again = read_aif(write_ova(m), "ova.json")[0]
    assert (again.nodes, again.links, again.sides) == (m.nodes, m.links, m.sides)


def test_contradiction_is_written_as_a_conflict_each_way() -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.contradicts("a", "b", id="c")
    m, problems = read_aif(write_aif(b.build()), "m.json")
    assert problems == [] and sorted(links(m)) == [("attacks", "a", "b"), ("attacks", "b", "a")]


def test_bad_json_is_located_and_deep_nesting_refused() -> None:
    with pytest.raises(LoadError, match=r"^n\.json:2:1: JSON syntax error"):
        read_aif('{"nodes": [\n', "n.json")
    with pytest.raises(LoadError, match="nest"):
        read_aif("[" * 100_000 + "]" * 100_000, "n.json")


# -- malformed files ------------------------------------------------------------

MALFORMED = {
    "aif_ra_no_premise.json": "3:3: /nodes/1: RA '3' has no premise (no I-node with an edge into it)",
    "aif_ra_no_conclusion.json": "3:3: /nodes/1: RA '3' has no conclusion (no edge from it to a node)",
    "aif_edge_to_missing_node.json": "8:3: /edges/1: edge toID '99' names no node of the nodeset",
    "aif_dialogue_only.json": "1:11: /nodes: dialogue only: 3 L/YA/TA nodes but no I-node (proposition)",
    "aif_syntax_error.json": "4:2: JSON syntax error: expected a value, found ']'",
    "aif_nodes_not_a_list.json": "1:11: /nodes: nodes must be a list of node objects",
    "aif_node_without_id.json": "2:3: /nodes/0: node has no nodeID (a string or an integer)",
    "aif_duplicate_node_id.json": "3:3: /nodes/1: I '1': nodeID repeats node /nodes/0; left out",
    "aif_ca_on_rephrase.json": "6:3: /nodes/4: CA '6' attacks MA '4': a rephrase has no inference to attack",
    "aif_ra_two_conclusions.json": "5:3: /nodes/3: RA '3' has 2 conclusions ('2', '5'); AIF allows one",
    "aif_preference_node.json": "4:3: /nodes/2: node '7' is a preference (PA): argmap has no such element",
    "aif_blank_i_node.json": "2:3: /nodes/0: I-node '1' has no text; left out",
    "aif_i_to_i_edge.json": "6:3: /edges/0: edge from I-node '1' straight to I-node '2'",
    "aif_undercut_of_broken_ra.json": "5:3: /nodes/3: CA '6' attacks RA '3', which could not be imported",
    "aif_not_utf8.json": "2:33: file is not valid UTF-8 (byte 0xff)",
    "ova_ra_no_premise.json": "4:3: /AIF/nodes/1: RA '3' has no premise",
    "ova_ca_no_conclusion.json": "4:3: /AIF/nodes/1: CA '6' has no conclusion",
    "ova_edge_to_missing_node.json": "8:3: /AIF/edges/1: edge toID '42' names no node of the nodeset",
    "ova_dialogue_only.json": "2:11: /AIF/nodes: dialogue only: 3 L/YA/TA nodes but no I-node",
    "ova_unclosed_string.json": "3:52: JSON syntax error: expected ',' or '}' after a value in an object",
    "ova_truncated.json": "6:1: JSON syntax error: unexpected end of file, expected a value",
    "ova_aif_not_an_object.json": "1:9: /AIF: not an AIF nodeset: expected an object with nodes and edges",
    "ova_node_not_an_object.json": "3:3: /AIF/nodes/0: a node must be an object with nodeID, text and type",
    "ova_empty.json": "2:11: /AIF/nodes: the nodeset has no nodes",
    "ova_inference_into_inference.json": "6:3: /AIF/nodes/3: RA '4' concludes RA '3'; an inference concludes",
    "ova_missing_type_and_bad_edges.json": "6:11: /AIF/edges: edges must be a list",
}


def test_every_case_file_is_in_the_table() -> None:
    files = sorted(p.name for p in CASES.glob("*.json"))
    assert files == sorted(MALFORMED)
    assert sum(f.startswith("aif_") for f in files) >= 10 and sum(f.startswith("ova_") for f in files) >= 10


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_file_gives_its_located_problem(name: str) -> None:
    path = CASES / name
    try:
        messages = [str(p) for p in read(path).problems]
    except LoadError as err:
        messages = [str(p) for p in err.problems]
    assert f"{path}:{MALFORMED[name]}" in "\n".join(messages)
    with pytest.raises(LoadError):
        argmap.load(path)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_file_exits_2_from_check_and_convert(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = CASES / name
    assert main(["check", str(path)]) == 2
    _, err = capsys.readouterr()
    assert f"{path}:{MALFORMED[name]}" in err and "Traceback" not in err
    out = tmp_path / "out.yaml"
    assert main(["convert", str(path), str(out)]) == 2
    _, err = capsys.readouterr()
    assert f"{path}:{MALFORMED[name]}" in err and not out.exists()


# -- round trips -------------------------------------------------------------------


def _aif_view(m: ArgumentMap) -> tuple[Any, ...]:
    """What AIF holds of a map: node ids and texts, speakers, and each link's stance structure."""
    sides = {s.id: s.name.strip() for s in m.sides}
    nodes = sorted((n.id, n.text, sides.get(n.held_by or "")) for n in m.nodes)
    out = []
    for link in m.links:
        kind = {"contradicts": "attacks"}.get(link.kind, link.kind)
        out.append((kind, frozenset(link.premises), link.target, str(link.id)))
        if link.kind == "contradicts":
            out.append(("attacks", frozenset([link.target]), link.premises[0], None))
    return nodes, sorted(out, key=repr)


def _strip_back_ids(view: tuple[Any, ...]) -> tuple[Any, ...]:
    nodes, out = view
    return nodes, sorted(
        ((k, p, t, i if not str(i).endswith(":back") else None) for k, p, t, i in out), key=repr
    )


@given(maps())
def test_argmap_to_aif_to_argmap_keeps_what_aif_holds(m: ArgumentMap) -> None:
    for write in (write_aif, write_ova):
        again, problems = read_aif(write(m), "m.json")
        assert problems == []
        assert _strip_back_ids(_aif_view(again)) == _aif_view(m)
        assert all(n.kind == "claim" for n in again.nodes)
        assert write(m) == write(m)
        assert write(read_aif(write(again), "m.json")[0]) == write(again)


# -- the microtexts ----------------------------------------------------------------


def _expected_structure(data: dict[str, Any]) -> list[tuple[str, frozenset[str], str]]:
    """Supports, attacks and undercuts as the RA/CA nodes of a nodeset state them, computed apart."""
    types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    for e in data["edges"]:
        into[str(e["toID"])].append(str(e["fromID"]))
        out_of[str(e["fromID"])].append(str(e["toID"]))
    found = []
    for node_id, kind in types.items():
        if kind not in ("RA", "CA"):
            continue
        premises = frozenset(p for p in into[node_id] if types[p] == "I")
        (target,) = out_of[node_id]
        if kind == "RA":
            found.append(("supports", premises, target))
        elif types[target] == "I":
            found.append(("attacks", premises, target))
        else:
            found.append(("undercuts", premises, target))
    return sorted(found, key=repr)


def _microtexts() -> list[Path]:
    return sorted(MICROTEXTS.glob("nodeset*.json")) if MICROTEXTS.is_dir() else []


@pytest.mark.external
@pytest.mark.skipif(not _microtexts(), reason="the AIF microtexts are not present in ../shared/external")
def test_all_microtexts_import_with_their_structure_and_round_trip() -> None:
    paths = _microtexts()
    assert len(paths) == 110
    totals: dict[str, int] = defaultdict(int)
    for path in paths:
        text = path.read_text("utf-8")
        m, problems = read_aif(text, str(path))
        assert problems == [], path
        data = json.loads(text)
        assert sorted(n.id for n in m.nodes) == sorted(
            str(n["nodeID"]) for n in data["nodes"] if n["type"] == "I"
        )
        got = sorted(((k.kind, frozenset(k.premises), k.target) for k in m.links), key=repr)
        assert got == _expected_structure(data), path
        for link in m.links:
            totals[link.kind] += 1
        assert read_aif(write_aif(m), str(path))[0] == m
        assert losses(m) == []
        again = read_aif(write_ova(m), str(path))[0]
        assert (again.nodes, again.links, again.sides) == (m.nodes, m.links, m.sides)
    # The corpus's own counts (PROVENANCE.md): 268 RA, 167 CA.
    assert totals["supports"] == 268 and totals["attacks"] + totals["undercuts"] == 167


@pytest.mark.external
@pytest.mark.skipif(not _microtexts(), reason="the AIF microtexts are not present in ../shared/external")
def test_check_reads_the_microtext_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MICROTEXTS)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "Found 0 errors, 49 warnings, 0 infos in 110 files." and err == ""
    first = next(line for line in out.splitlines() if "AM405" in line)
    assert first.startswith(f"{MICROTEXTS / 'nodeset6361.json'}:")


_ids = st.one_of(st.integers(0, 6), st.sampled_from(["1", "2", "a b", "x+1", ""]), json_values)
_aif_nodes = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "nodeID": _ids,
                "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA", "XA", 3]),
                "text": st.one_of(st.text(max_size=8), json_values),
            }
        ),
        json_values,
    ),
    max_size=8,
)
_aif_edges = st.one_of(
    st.lists(st.one_of(st.fixed_dictionaries({"fromID": _ids, "toID": _ids}), json_values), max_size=10),
    json_values,
)


@given(_aif_nodes, _aif_edges, st.booleans(), st.lists(json_values, max_size=3))
def test_any_nodeset_imports_or_fails_with_a_load_error(
    nodes: Any, edges: Any, wrapped: bool, locutions: list[Any]
) -> None:
    data: Any = {"nodes": nodes, "edges": edges, "locutions": locutions}
    if wrapped:
        data = {"AIF": data, "OVA": {}}
    try:
        m, problems = read_aif(json.dumps(data), "n.json")
    except LoadError as err:
        assert all(p.path == "n.json" for p in err.problems)
        return
    assert all(p.path == "n.json" and p.element for p in problems)
    again, _ = read_aif(write_aif(m), "n.json")
    assert len(again.nodes) == len(m.nodes)


def test_ova_dialogue_layer_gives_speakers_and_is_otherwise_left_aside() -> None:
    # The shape OVA saves for "A because B": locutions, analyst's locutions, transitions, "Arguing".
    def node(i: int, text: str, kind: str) -> dict[str, str]:
        return {"nodeID": f"{i}_16", "text": text, "type": kind}

    nodes = [
        node(2, "A", "I"),
        node(3, "Participant Rachel: A", "L"),
        node(4, "Analysing", "YA"),
        node(5, "Anon: Participant Rachel: A", "L"),
        node(6, "Asserting", "YA"),
        node(15, "B", "I"),
        node(16, "Participant Rachel: B", "L"),
        node(19, "Asserting", "YA"),
        node(20, "Default Transition", "TA"),
        node(21, "Default Inference", "RA"),
        node(22, "Arguing", "YA"),
    ]
    pairs = [
        (4, 3),
        (5, 4),
        (3, 6),
        (6, 2),
        (16, 19),
        (19, 15),
        (3, 20),
        (20, 16),
        (15, 21),
        (21, 2),
        (20, 22),
        (22, 21),
    ]
    aif = {
        "nodes": nodes,
        "edges": [{"edgeID": k, "fromID": f"{a}_16", "toID": f"{b}_16"} for k, (a, b) in enumerate(pairs)],
        "schemefulfillments": [{"nodeID": "21_16", "schemeID": "72"}],
        "participants": [{"participantID": 1, "firstname": "Participant", "surname": "Rachel"}],
        "locutions": [{"nodeID": "3_16", "personID": 1}, {"nodeID": "16_16", "personID": "1"}],
    }
    m, problems = read_aif(json.dumps({"AIF": aif, "text": "A because B", "OVA": {}}), "ova.json")
    assert problems == []
    assert [(n.id, n.held_by) for n in m.nodes] == [
        ("2_16", "participant-rachel"),
        ("15_16", "participant-rachel"),
    ]
    assert links(m) == [("supports", "15_16", "2_16")]
    assert m.metadata["aif"] == {"schemefulfillments": [{"nodeID": "21_16", "schemeID": "72"}]}
    assert json.loads(write_ova(m))["AIF"]["schemefulfillments"] == [{"nodeID": "21_16", "schemeID": "72"}]
