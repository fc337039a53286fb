"""GraphML and node-link JSON export: networkx reads both back."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import networkx as nx
from hypothesis import given

import argmap
from argmap.io.graphml import write_graphml, write_node_link
from argmap.model import ArgumentMap
from tests.strategies import maps


def _scalar(value: Any) -> Any:
    """What GraphML keeps of a value: scalars, JSON for the rest, U+FFFD for what XML cannot hold."""
    if isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)


@given(maps())
def test_graphml_is_read_by_networkx_with_every_attribute(m: ArgumentMap) -> None:
    text = write_graphml(m)
    assert text == write_graphml(m) and text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    read = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    graph = argmap.to_networkx(m)
    assert list(read.nodes) == list(graph.nodes)
    assert sorted(read.edges(keys=True)) == sorted(graph.edges(keys=True))
    for node, attrs in graph.nodes(data=True):
        assert read.nodes[node] == {k: _scalar(v) for k, v in attrs.items() if v is not None}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        assert read.edges[u, v, key] == {k: _scalar(x) for k, x in attrs.items() if x is not None}
    assert read.graph["map_id"] == m.id and read.graph["title"] == _scalar(m.title)


@given(maps())
def test_node_link_json_is_read_by_networkx_and_rebuilds_the_map(m: ArgumentMap) -> None:
    text = write_node_link(m)
    assert text == write_node_link(m)
    graph = nx.node_link_graph(json.loads(text), edges="edges")
    assert graph.is_multigraph() and graph.is_directed()
    for _, _, attrs in graph.edges(data=True):
        attrs["source"], attrs["target"] = attrs.pop("link_source"), attrs.pop("link_target")
    assert argmap.from_networkx(graph) == m


def test_corpus_exports_open_in_networkx() -> None:
    m = argmap.load_corpus("school-phones")
    read = nx.read_graphml(io.StringIO(write_graphml(m)), force_multigraph=True)
    assert read.number_of_nodes() == len(m.nodes)
    undercut = next(k for k in m.links if k.kind == "undercuts")
    ((u, v, attrs),) = [(u, v, a) for u, v, key, a in read.edges(keys=True, data=True) if key == undercut.id]
    assert attrs["target_link"] == undercut.target and v == argmap.graph.final_target(m, undercut)
