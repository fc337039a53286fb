"""A long YAML file read in two processes gives exactly what one process reads, or steps aside alike."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings

import argmap
from argmap import _perf
from argmap._perf import can_fork, helper_processes
from argmap.errors import LoadError
from argmap.io import yaml_block
from argmap.io.native import dumps
from argmap.io.yaml_ import _plain
from argmap.locations import locate
from tests.strategies import maps

pytestmark = pytest.mark.skipif(not can_fork(), reason="no os.fork here, or other threads run")


@contextmanager
def splitting_every_file() -> Iterator[list[int]]:
    """Split files of any length; yields the list of lines each helper started from."""
    starts: list[int] = []
    real = yaml_block._Reader.fork_rest

    def fork_rest(reader: Any) -> None:
        real(reader)
        if reader.helper is not None:
            starts.append(reader.split_at)

    with (
        mock.patch.object(yaml_block, "SPLIT_FROM_LINES", 0),
        mock.patch.object(yaml_block._Reader, "fork_rest", fork_rest),
    ):
        yield starts


def read(text: str, split: bool) -> Any:
    return yaml_block.read_block(text, partial(_plain, 100), max_depth=100, split=split)


def alike(text: str) -> bool:
    """Whether the text was split; either way both reads must be the same."""
    with splitting_every_file() as starts:
        two = read(text, split=True)
    assert two == read(text, split=False)
    return bool(starts)


def long_map(nodes: int, links: int) -> str:
    b = argmap.MapBuilder("m", "A map with a long text on some nodes")
    for i in range(nodes):
        b.claim(f"c{i}", f"Claim {i} " + "says a little more " * (i % 4), held_by=None)
    for i in range(links):
        b.link("supports" if i % 3 else "attacks", f"c{i % nodes}", f"c{(i * 7 + 1) % nodes}")
    return dumps(b.build())


@pytest.mark.parametrize(("nodes", "links"), [(40, 10), (10, 40), (30, 30), (5, 0)])
def test_argmaps_own_files_read_alike_split_in_the_nodes_or_the_links(nodes: int, links: int) -> None:
    assert alike(long_map(nodes, links))


@settings(max_examples=150, deadline=None)
@given(maps())
def test_any_map_reads_alike_split_or_not(m: argmap.ArgumentMap) -> None:
    alike(dumps(m))


def test_the_strategy_and_files_split_where_expected() -> None:
    # guards the tests above: they must split, and in the list at the middle
    text = long_map(10, 40)
    with splitting_every_file() as starts:
        read(text, split=True)
    (start,) = starts
    lines = text.split("\n")
    assert lines[start].startswith("  - ") and start > lines.index("links:")


@pytest.mark.parametrize(
    "text",
    [
        "id: m\ntitle: T\nnodes:\n"
        + "".join(f"- id: n{i}\n  kind: claim\n" for i in range(20)),  # at column 0
        "id: m\nnodes:\n" + "".join(f"  - n{i}\n  # a comment\n\n" for i in range(20)) + "title: T\n",
        "nodes:\n" + "".join(f"  - id: n{i}\n    tags:\n      - a\n      - b\n" for i in range(20)),
        "nodes: []\n" + "".join(f"k{i}: v\n" for i in range(40)),  # no list at the middle: one process
        "a:\n  b:\n" + "".join(f"    - x{i}\n" for i in range(40)),  # a list that is not at the top
    ],
)
def test_shapes_of_lists_read_alike(text: str) -> None:
    alike(text)


def test_a_second_half_the_line_reader_cannot_read_goes_to_the_event_reader_with_its_message() -> None:
    text = long_map(10, 40).replace("    kind: attacks\n", "    kind: {attacks: 1}\n")
    assert read(text, split=False) is None
    with splitting_every_file() as starts:
        assert read(text, split=True) is None
    assert starts
    with splitting_every_file(), helper_processes(), pytest.raises(LoadError) as split:
        argmap.loads(text, path="m.yaml")
    with pytest.raises(LoadError) as whole:
        argmap.loads(text, path="m.yaml")
    assert str(split.value) == str(whole.value)


def test_a_helper_that_fails_leaves_its_part_to_this_process() -> None:
    text = long_map(10, 40)

    def broken(_value: Any) -> bytes:
        raise ValueError("cannot send this")

    with (
        splitting_every_file() as starts,
        mock.patch.object(_perf, "marshal", SimpleNamespace(dumps=broken, loads=marshal.loads)),
    ):
        assert read(text, split=True) == read(text, split=False)
    assert starts


def test_a_map_loads_alike_through_the_command_lines_helpers() -> None:
    text = long_map(30, 60)
    with splitting_every_file() as starts, helper_processes():
        two = argmap.loads(text, path="m.yaml")
    assert starts
    one = argmap.loads(text, path="m.yaml")
    assert two == one
    assert [locate(two, k.id) for k in two.links] == [locate(one, k.id) for k in one.links]


def test_yaml_safe_dump_documents_read_alike() -> None:
    data = {"id": "m", "items": [{"k": i, "text": "word " * (i % 30)} for i in range(60)], "title": "T"}
    assert alike(yaml.safe_dump(data, sort_keys=False, width=40))
