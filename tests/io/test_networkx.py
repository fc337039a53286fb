from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap import graph
from argmap.io.networkx_ import from_networkx, to_networkx
from tests.strategies import maps


@given(maps())
def test_networkx_round_trip(m: argmap.ArgumentMap) -> None:
    assert from_networkx(to_networkx(m)) == m


@given(maps())
def test_every_link_is_an_edge_keyed_by_its_id(m: argmap.ArgumentMap) -> None:
    g = to_networkx(m)
    assert list(g.nodes) == [n.id for n in m.nodes]
    keys = {k for _, _, k in g.edges(keys=True)}
    assert keys == {link.id for link in m.links}
    assert g.number_of_edges() == sum(len(link.premises) for link in m.links)


def _sample() -> argmap.ArgumentMap:
    b = argmap.MapBuilder("m", "T")
    b.side("pro", "Pro")
    b.issue("q", "Q?")
    b.claim("a", "A.", held_by="pro")
    b.claim("b", "B.", held_by="pro")
    b.counterclaim("c", "C.")
    s = b.supports(["a", "b"], "q", id="s")
    b.undercuts("c", s, id="u")
    b.contradicts("a", "c", id="x")
    return b.build()


def test_attributes_carry_kind_side_and_link_kind() -> None:
    g = to_networkx(_sample())
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["a"]["kind"] == "claim" and g.nodes["a"]["held_by"] == "pro"
    assert g.nodes["c"].get("held_by") is None
    assert g.edges["a", "q", "s"]["kind"] == "supports"
    assert g.edges["a", "q", "s"]["source"] == ["a", "b"]
    assert g.edges["b", "q", "s"]["premise"] == "b"
    assert g.edges["c", "q", "u"]["target_link"] == "s"
    assert g.edges["a", "c", "x"]["kind"] == "contradicts"
    assert g.graph["title"] == "T" and g.graph["sides"][0]["id"] == "pro"


def test_from_networkx_accepts_a_hand_built_graph() -> None:
    g = nx.MultiDiGraph(id="h", title="Hand built")
    g.add_node("p", kind="claim", text="P.")
    g.add_node("q", kind="issue", text="Q?")
    g.add_edge("p", "q", key="e1", kind="supports")
    m = from_networkx(g)
    assert graph.supporters(m, "q") == ("p",)
    assert m.link("e1").source == "p"


def _hand_made(graph: nx.DiGraph) -> nx.DiGraph:
    """A small map drawn by hand, the way a networkx user would."""
    graph.graph.update(id="m", title="T")
    graph.add_node("q", kind="issue", text="Q?")
    graph.add_node("a", kind="claim", text="A.")
    graph.add_node("b", kind="counterclaim", text="B.")
    graph.add_edge("a", "q", kind="supports")
    graph.add_edge("b", "q", kind="attacks")
    return graph


def test_a_plain_digraph_gives_one_link_per_edge() -> None:
    m = from_networkx(_hand_made(nx.DiGraph()))
    assert [(link.kind, link.source, link.target) for link in m.links] == [
        ("supports", "a", "q"),
        ("attacks", "b", "q"),
    ]


def test_a_multigraph_with_integer_keys_keeps_every_edge() -> None:
    # networkx numbers parallel edges 0, 1...: both first edges have key 0,
    # yet they are two links, not one.
    m = from_networkx(_hand_made(nx.MultiDiGraph()))
    assert len(m.links) == 2 and len({link.id for link in m.links}) == 2


def test_edges_with_one_id_are_one_linked_link() -> None:
    g = _hand_made(nx.DiGraph())
    g.add_node("c", kind="claim", text="C.")
    g.add_edge("c", "b", kind="supports", id="s", source=["c", "a"])
    g.add_edge("a", "b", kind="supports", id="s", source=["c", "a"])
    link = from_networkx(g).link("s")
    assert link.premises == ("c", "a")


def test_an_undirected_graph_is_refused_in_words() -> None:
    with pytest.raises(argmap.MapError, match="undirected"):
        from_networkx(_hand_made(nx.Graph()))


def test_whole_number_node_ids_are_read_as_text() -> None:
    # networkx graphs often number their nodes; the map's ids are text.
    g = nx.relabel_nodes(_hand_made(nx.DiGraph()), {"q": 0, "a": 1})
    g.add_node("c", kind="claim", text="C.")
    g.add_edge("c", "b", kind="supports", id="s", source=["c", 1])
    g.add_edge(1, "b", kind="supports", id="s", source=["c", 1])
    m = from_networkx(g)
    assert sorted(node.id for node in m.nodes) == ["0", "1", "b", "c"]
    assert sorted((link.kind, link.premises, link.target) for link in m.links) == [
        ("attacks", ("b",), "0"),
        ("supports", ("1",), "0"),
        ("supports", ("c", "1"), "b"),
    ]


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ((1, 2), r"graph node \(1, 2\): a node id must be text .*networkx\.relabel_nodes\(g, str\)"),
        (2.5, r"graph node 2\.5: a node id must be text"),
    ],
)
def test_a_node_id_that_is_not_text_is_refused_with_networkx_advice(node: object, expected: str) -> None:
    g = _hand_made(nx.DiGraph())
    g.add_node(node, kind="claim", text="X.")
    with pytest.raises(argmap.MapError, match=expected) as caught:
        from_networkx(g)
    assert "quotes" not in str(caught.value)


def test_a_number_whose_text_another_node_has_is_refused() -> None:
    g = _hand_made(nx.DiGraph())
    g.add_node(7, kind="claim", text="Seven.")
    g.add_node("7", kind="claim", text="Also seven.")
    with pytest.raises(argmap.MapError, match="graph nodes 7 and '7' would both have the id '7'"):
        from_networkx(g)


def test_a_renumbered_graph_is_told_its_edge_attributes_name_the_old_nodes() -> None:
    g = nx.convert_node_labels_to_integers(argmap.to_networkx(argmap.load_corpus("school-phones")))
    with pytest.raises(argmap.MapError, match=r"not nodes of the graph: were its nodes renumbered") as raised:
        argmap.from_networkx(g)
    assert len(raised.value.problems) == 1  # one problem, not one per link


def _with(attribute: str, value: object, *, on: str) -> nx.MultiDiGraph:
    """The hand-made graph with one attribute set on node 'a', on the edge 'a' -> 'q', or on the graph."""
    g = _hand_made(nx.MultiDiGraph())
    if on == "node":
        g.nodes["a"][attribute] = value
    elif on == "edge":
        g.edges["a", "q", 0][attribute] = value
    else:
        g.graph[attribute] = value
    return g


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        (
            _with("text", 5, on="node"),
            "graph node 'a': attribute 'text': expected text (a str), got the number 5",
        ),
        (
            _with("label", 7, on="node"),
            "graph node 'a': attribute 'label': expected text (a str), got the number 7",
        ),
        (
            _with("tags", ["x", 3], on="node"),
            "graph node 'a': attribute 'tags', entry 2: expected text (a str), got the number 3",
        ),
        (
            _with("note", 2.5, on="edge"),
            "graph edge 'a' -> 'q' (key 0): attribute 'note': expected text (a str), got the number 2.5",
        ),
        (
            _with("note", True, on="edge"),
            "graph edge 'a' -> 'q' (key 0): attribute 'note': expected text (a str), got True, a truth value",
        ),
        (
            _with("title", 5, on="graph"),
            "the graph: attribute 'title': expected text (a str), got the number 5",
        ),
        (
            _with("id", 5, on="graph"),
            "the graph: attribute 'id': expected an id (a str), got the number 5",
        ),
        (
            _with("held_by", 4, on="node"),
            "graph node 'a': attribute 'held_by': expected an id (a str), got the number 4",
        ),
        (
            _with("held_by", 2.0, on="edge"),
            "graph edge 'a' -> 'q' (key 0): attribute 'held_by': expected an id (a str), got the number 2.0",
        ),
        (
            _with("kind", 3, on="node"),
            "graph node 'a': attribute 'kind': expected a kind (a str), got the number 3",
        ),
        (
            _with("kind", 5, on="edge"),
            "graph edge 'a' -> 'q' (key 0): attribute 'kind': expected a kind (a str), got the number 5",
        ),
    ],
)
def test_a_number_where_text_belongs_is_named_by_node_or_edge_and_attribute(
    graph: nx.MultiDiGraph, expected: str
) -> None:
    # Validation's advice for files ("put it in quotes") means nothing for a Python value.
    with pytest.raises(argmap.MapError) as caught:
        from_networkx(graph)
    assert [str(problem) for problem in caught.value.problems] == [expected]
    assert "quotes" not in str(caught.value) and "YAML" not in str(caught.value)


def test_the_files_keep_their_own_advice_for_a_number_where_text_belongs() -> None:
    with pytest.raises(argmap.MapError, match=r"text: expected text, got the number 5 \(put it in quotes"):
        argmap.loads("id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: 5}\n")


def test_other_problems_of_a_graph_are_reported_as_validation_gives_them() -> None:
    g = _with("kind", "clam", on="node")
    with pytest.raises(argmap.MapError, match=r"claim 'a'|'clam'") as caught:
        from_networkx(g)
    assert "graph node" not in str(caught.value)
