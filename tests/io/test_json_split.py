"""A long JSON file read in two processes gives exactly what one process reads, or steps aside alike."""

from __future__ import annotations

import json
import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings

import argmap
from argmap import _perf
from argmap._perf import can_fork, helper_processes
from argmap.errors import LoadError
from argmap.io import json_
from argmap.io.json_ import parse_json
from argmap.io.native import dumps
from argmap.locations import locate
from tests.strategies import maps

pytestmark = pytest.mark.skipif(not can_fork(), reason="no os.fork here, or other threads run")


@contextmanager
def splitting_every_file() -> Iterator[list[tuple[int, bool]]]:
    """Split texts of any length; yields (offset, whether its items were taken) for each helper."""
    helpers: list[json_._Split] = []
    taken: set[int] = set()  # the helpers whose items went into a list
    real_init, real_take = json_._Split.__init__, json_._Split.take

    def init(split: json_._Split, *args: Any) -> None:
        real_init(split, *args)
        helpers.append(split)

    def take(split: json_._Split) -> Any:
        sent = real_take(split)
        if sent is not None:
            taken.add(id(split))
        return sent

    seen: list[tuple[int, bool]] = []
    with (
        mock.patch.object(json_, "SPLIT_FROM_CHARS", 0),
        mock.patch.object(json_._Split, "__init__", init),
        mock.patch.object(json_._Split, "take", take),
    ):
        yield seen
    seen.extend((h.at, id(h) in taken) for h in helpers)


def read(text: str, split: bool) -> tuple[Any, dict[str, list[int]]]:
    if split:
        with helper_processes():
            parsed = parse_json(text, "m.json", positions=False)
    else:
        parsed = parse_json(text, "m.json", positions=False)
    return parsed.data, {key: list(marks) for key, marks in parsed.items.items()}


def alike(text: str) -> list[tuple[int, bool]]:
    """The helpers a split read used; either way both reads must be the same."""
    with splitting_every_file() as seen:
        two = read(text, split=True)
    assert two == read(text, split=False)
    return seen


def long_map(nodes: int, links: int, **extra: Any) -> str:
    b = argmap.MapBuilder("m", "A map")
    for i in range(nodes):
        b.claim(f"c{i}", f"Claim {i}.", tags=["t"] if i % 3 else [])
    for i in range(links):
        b.link("supports" if i % 3 else "attacks", f"c{i % nodes}", f"c{(i * 7 + 1) % nodes}")
    return dumps(b.build(), "json")


@pytest.mark.parametrize(("nodes", "links"), [(40, 10), (10, 40), (30, 30)])
def test_argmaps_own_files_read_alike_with_the_helpers_items_taken(nodes: int, links: int) -> None:
    assert [taken for _, taken in alike(long_map(nodes, links))] == [True]


@settings(max_examples=150, deadline=None)
@given(maps())
def test_any_map_reads_alike_split_or_not(m: argmap.ArgumentMap) -> None:
    alike(dumps(m, "json"))


def test_a_brace_inside_an_item_is_passed_by_and_its_helper_dropped() -> None:
    # three items, each a long list of objects on lines of their own: the brace found after the
    # middle opens one of those, inside the second item, not an item of the top-level list
    data = {
        "id": "m",
        "title": "T",
        "nodes": [{"id": f"n{i}", "parts": [{"k": j} for j in range(200)]} for i in range(3)],
    }
    text = json.dumps(data, indent=2)
    (seen,) = alike(text)
    assert seen[1] is False
    assert alike(json.dumps(data)) == []  # one line: no brace opens a line, no helper


def test_a_second_half_the_fast_reader_cannot_read_gives_the_same_located_error() -> None:
    text = long_map(10, 40)
    cut = text.rindex('"kind": "supports"')
    broken = text[:cut] + '"kind": "supports", "kind": "attacks"' + text[cut + len('"kind": "supports"') :]
    with splitting_every_file(), helper_processes(), pytest.raises(LoadError) as split:
        argmap.loads(broken, "json", path="m.json")
    with pytest.raises(LoadError) as whole:
        argmap.loads(broken, "json", path="m.json")
    assert str(split.value) == str(whole.value) and "duplicate key" in str(whole.value)


def test_a_helper_that_fails_leaves_its_part_to_this_process() -> None:
    text = long_map(10, 40)

    def broken(_value: Any) -> bytes:
        raise ValueError("cannot send this")

    with (
        splitting_every_file() as seen,
        mock.patch.object(_perf, "marshal", SimpleNamespace(dumps=broken, loads=marshal.loads)),
    ):
        assert read(text, split=True) == read(text, split=False)
    assert seen and not any(taken for _, taken in seen)


def test_a_map_loads_alike_through_the_command_lines_helpers() -> None:
    text = long_map(30, 60)
    with splitting_every_file() as seen, helper_processes():
        two = argmap.loads(text, "json", path="m.json")
    one = argmap.loads(text, "json", path="m.json")
    assert seen == [(seen[0][0], True)]
    assert two == one
    assert [locate(two, k.id) for k in two.links] == [locate(one, k.id) for k in one.links]
