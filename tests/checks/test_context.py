"""The checker's shared structures agree with the graph layer they stand in for."""

from __future__ import annotations

from hypothesis import given, settings

import argmap
from argmap.checks.context import Context
from argmap.graph import bearing_on
from tests.strategies import maps


@settings(max_examples=300)
@given(maps(max_nodes=10))
def test_reaching_an_issue_is_bearing_on_one_as_the_graph_layer_says(m: argmap.ArgumentMap) -> None:
    context = Context(m)
    reached = bearing_on(m, [n.id for n in m.issues])
    assert context.reaches_issue == [node_id in reached for node_id in context.ids]


def test_undercuts_and_symmetric_links_lead_to_an_issue() -> None:
    # guards the property above on the cases it must cover: an undercut's premise bears on what its
    # link bears on, a contradiction leads both ways, and a node that leads nowhere does not reach
    b = argmap.MapBuilder("m", "T")
    b.issue("q", "Q?")
    for name in ("a", "u", "c", "d", "lone"):
        b.claim(name, name.upper() + ".")
    s = b.supports("a", "q")
    b.undercuts("u", s)
    b.contradicts("a", "c")
    b.supports("q", "d")  # d is what q leads to, not what bears on q
    context = Context(b.build())
    reached = dict(zip(context.ids, context.reaches_issue, strict=True))
    assert reached == {"q": True, "a": True, "u": True, "c": True, "d": False, "lone": False}
