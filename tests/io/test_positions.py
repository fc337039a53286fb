"""Positions kept cheaply while loading: the same lines and columns as a full located read."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import argmap
from argmap.errors import LoadError
from argmap.io.located import parse_json, parse_yaml
from argmap.io.native import dumps, loads
from argmap.locations import Parsed, locate, origin_of
from argmap.validation import validate_parsed
from tests.strategies import maps

YAML_TEXTS = [
    "id: m\ntitle: T\nnodes:\n  - id: a\n    kind: claim\n    text: A\n  - {id: b, kind: claim, text: B}\n",
    "# a comment\nid: m\ntitle: Ünïcode ✓\n"
    "nodes: [{id: a, kind: claim, text: A},\n   {id: b, kind: claim, text: B}]\n",
    "id: m\r\ntitle: T\r\nlinks:\r\n- id: l\r\n  kind: supports\r\n  source: a\r\n  target: b\r\n",
    "id: m\ntitle: T\nnodes:\n  - &x {id: a, kind: claim, text: A}\n  - *x\n"
    "metadata: {deep: [[1, 2], [3]]}\n",
]

JSON_TEXTS = [
    '{"id": "m", "title": "T", "nodes": [{"id": "a"}, {"id": "b"}]}',
    '{\n  "id": "m",\n  "title": "Ünïcode ✓ 😀",\n  "nodes": [\n    {"id": "a"},\n\n      {"id": "b"}\n  ],\n'
    '  "links": [],\n  "metadata": {"x": [1, 2]}\n}\n',
    '\r\n {"nodes":[ 1 ,\r\n\t"two", [3], null ] , "links" : [{}]}  \n',
]


def items_as_values(parsed: Parsed) -> dict[tuple[str | int, ...], tuple[int, int]]:
    found = {}
    for key, marks in parsed.items.items():
        for index in range(len(marks) // 2):
            found[(key, index)] = (marks[2 * index], marks[2 * index + 1])
    return found


def item_values(parsed: Parsed) -> dict[tuple[str | int, ...], tuple[int, int]]:
    return {
        loc: where
        for loc, where in parsed.values.items()
        if len(loc) == 2 and isinstance(loc[0], str) and isinstance(loc[1], int)
    }


@pytest.mark.parametrize("text", YAML_TEXTS)
def test_yaml_items_are_where_a_located_read_puts_them(text: str) -> None:
    fast = parse_yaml(text, "m.yaml", positions=False)
    full = parse_yaml(text, "m.yaml")
    assert fast.data == full.data
    assert fast.values == {}
    assert items_as_values(fast) == item_values(full)
    assert items_as_values(fast)  # every text above has at least one top-level list


@pytest.mark.parametrize("text", JSON_TEXTS)
def test_json_items_are_where_a_located_read_puts_them(text: str) -> None:
    fast = parse_json(text, "m.json", positions=False)
    full = parse_json(text, "m.json")
    assert fast.data == full.data == json.loads(text)
    assert items_as_values(fast) == item_values(full)
    assert items_as_values(fast)


@given(maps())
def test_items_agree_with_a_located_read_for_any_map(m: argmap.ArgumentMap) -> None:
    for fmt, parse in (("yaml", parse_yaml), ("json", parse_json)):
        text = dumps(m, fmt)  # type: ignore[arg-type]
        fast, full = parse(text, "m", positions=False), parse(text, "m")
        assert items_as_values(fast) == item_values(full)


@pytest.mark.parametrize(
    "text",
    [
        '{"nodes": [1,]}',
        '{"nodes": [1 2]}',
        '{"nodes": [1], }',
        '{"nodes": [1]} x',
        '{"nodes": [1], "nodes": []}',
        '{"a": 1 "b": 2}',
        '{"a" 1}',
        '{"nodes": [{"a": 1, "a": 2}]}',
        '{"nodes": [1e999]}',
        '{"nodes": [NaN]}',
        '{"nodes": [',
        "{1: 2}",
        '{"a": "\\ud800"}',
    ],
)
def test_a_malformed_object_is_reported_as_the_located_parser_reports_it(text: str) -> None:
    with pytest.raises(LoadError) as fast:
        parse_json(text, "m.json", positions=False)
    with pytest.raises(LoadError) as full:
        parse_json(text, "m.json")
    assert str(fast.value) == str(full.value)


MAP_WITH_FINDINGS = """\
id: m
title: T
nodes:
  - {id: a, kind: claim, text: A}
  - id: b
    kind: claim
    text: B
links:
  - {id: s, kind: supports, source: a, target: b}
  - id: x
    kind: attacks
    source: a
    target: b
"""


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_findings_are_located_without_reading_the_file_again(fmt: str) -> None:
    text = MAP_WITH_FINDINGS if fmt == "yaml" else dumps(loads(MAP_WITH_FINDINGS), "json")
    lazy = loads(text, fmt, path="m")  # type: ignore[arg-type]
    parse = parse_yaml if fmt == "yaml" else parse_json
    located = validate_parsed(parse(text, "m"), "m")  # every position kept while reading
    found = argmap.check(lazy)
    assert [f.locations for f in found] == [f.locations for f in argmap.check(located)]
    assert any(f.locations for f in found)
    origin = origin_of(lazy)
    assert origin is not None and origin._positions is None  # the file was not read again
    assert locate(lazy, "x", "target") == locate(located, "x", "target")  # a deeper position reads it again
    assert origin._positions is not None
