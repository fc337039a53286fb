"""A large map's references checked in a forked helper give exactly the problems one process gives."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import validation
from argmap._perf import can_fork, helper_processes
from argmap.errors import LoadError
from argmap.io.native import dumps, dumps_data, to_data
from tests.strategies import maps

pytestmark = pytest.mark.skipif(not can_fork(), reason="no os.fork here, or other threads run")


def said(text: str, helpers: bool) -> str:
    """What loading ``text`` says: the map's id when it loads, else every located problem."""
    try:
        if helpers:
            with helper_processes(), mock.patch.object(validation, "REFERENCES_BESIDE_FROM", 0):
                return argmap.loads(text, path="m.yaml").id
        return argmap.loads(text, path="m.yaml").id
    except LoadError as err:
        return str(err)


BREAKS = st.sampled_from(["target", "source", "held_by", "duplicate", "undercut", "stance", "none"])


def broken(m: argmap.ArgumentMap, how: str, which: int) -> str:
    data: dict[str, Any] = to_data(m)
    links, nodes = data.get("links", []), data.get("nodes", [])
    if how == "target" and links:
        links[which % len(links)]["target"] = "nowhere"
    elif how == "source" and links:
        links[which % len(links)]["source"] = "nobody"
    elif how == "held_by" and nodes:
        nodes[which % len(nodes)]["held_by"] = "no-side"
    elif how == "duplicate" and len(nodes) > 1:
        nodes[-1]["id"] = nodes[0]["id"]
    elif how == "undercut" and links:
        links[which % len(links)].update(kind="undercuts", target=nodes[0]["id"])
    elif how == "stance" and data.get("sides"):
        data["sides"][0]["stances"] = {"not-an-issue": "for"}
    return dumps_data(data)


@settings(max_examples=200, deadline=None)
@given(maps(), BREAKS, st.integers(0, 50))
def test_references_found_in_a_helper_are_those_found_here(
    m: argmap.ArgumentMap, how: str, which: int
) -> None:
    text = broken(m, how, which)
    assert said(text, helpers=True) == said(text, helpers=False)


def test_the_helper_runs_and_its_problems_are_reported() -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.supports("a", "b")
    text = dumps(b.build()).replace("target: b", "target: c")
    forks: list[int] = []
    real = validation.Forked

    def forked(task: Any) -> Any:
        forks.append(1)
        return real(task)

    with mock.patch.object(validation, "Forked", forked):
        message = said(text, helpers=True)
    assert forks  # (a map with problems is validated twice: the second time, every value located)
    assert "target 'c' is not a node or link of this map" in message and message == said(text, helpers=False)


def test_a_helper_that_fails_leaves_the_references_to_this_process() -> None:
    text = "id: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n"
    text += "links:\n  - {kind: supports, source: a, target: z}\n"
    with mock.patch.object(validation.Forked, "result", lambda self: None):
        failed = said(text, helpers=True)
    assert failed == said(text, helpers=False) and "target 'z'" in failed
