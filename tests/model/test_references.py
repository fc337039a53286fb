"""Reference problems: each dangling id is reported where it stands, with the nearest id that exists."""

from __future__ import annotations

import pytest

from argmap.references import find_reference_problems


def _map(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "sides": [{"id": "pro", "name": "Pro", "stances": {"ban": "for"}}],
        "sources": [{"id": "article", "title": "A"}],
        "nodes": [
            {"id": "ban", "kind": "issue", "text": "Ban?"},
            {"id": "focus", "kind": "claim", "text": "Focus.", "held_by": "pro"},
        ],
        "links": [{"id": "s", "kind": "supports", "source": "focus", "target": "ban"}],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "loc", "message"),
    [
        (
            {"links": [{"id": "s", "kind": "supports", "source": "focsu", "target": "ban"}]},
            ("links", 0, "source"),
            "source 'focsu' is not a node of this map (did you mean 'focus'?)",
        ),
        (
            {"links": [{"id": "s", "kind": "supports", "source": "focus", "target": "bna"}]},
            ("links", 0, "target"),
            "target 'bna' is not a node or link of this map (did you mean 'ban'?)",
        ),
        (
            {"sides": [{"id": "pro", "name": "Pro", "stances": {"bann": "for"}}]},
            ("sides", 0, "stances", "bann"),
            "stance on 'bann': it is not defined (did you mean 'ban'?)",
        ),
    ],
)
def test_a_dangling_id_names_the_nearest_one(
    changes: dict[str, object], loc: tuple[object, ...], message: str
) -> None:
    assert find_reference_problems(_map(**changes)) == [(loc, message)]


def test_a_side_misspelt_is_suggested_and_a_far_miss_is_not() -> None:
    nodes = [
        {"id": "ban", "kind": "issue", "text": "Ban?"},
        {"id": "focus", "kind": "claim", "text": "Focus.", "held_by": "prro"},
        {"id": "b", "kind": "claim", "text": "B.", "held_by": "zzzzzz"},
    ]
    messages = [m for _, m in find_reference_problems(_map(nodes=nodes))]
    assert messages == [
        "side 'prro' is not defined in sides (did you mean 'pro'?)",
        "side 'zzzzzz' is not defined in sides",
    ]


def test_hints_stay_bounded_on_a_map_of_many_dangling_ids() -> None:
    # thousands of misspelt sources among thousands of nodes: every problem is
    # reported, but only the first few carry a hint (a hint compares the id with
    # every id of the map: one per problem would make the time quadratic)
    nodes = [{"id": f"node-{i}", "kind": "claim", "text": "T."} for i in range(3000)]
    links = [{"kind": "supports", "source": f"nodee-{i}", "target": "node-0"} for i in range(3000)]
    problems = find_reference_problems({"nodes": nodes, "links": links})
    assert len(problems) == 3000
    hinted = [m for _, m in problems if "did you mean" in m]
    assert 0 < len(hinted) <= 20
