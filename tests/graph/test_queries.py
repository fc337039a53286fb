"""The graph layer: each query on small maps, and the cache that must never outlive its content."""

from __future__ import annotations

import pytest

import argmap
from argmap import MapBuilder, UnknownElementError, graph


def chain() -> argmap.ArgumentMap:
    b = MapBuilder("m", "T")
    b.side("pro", "Pro", opposes=["con"])
    b.side("con", "Con")
    b.side("mid", "Middle", stances={"q": "for"})
    b.side("sceptic", "Sceptic", stances={"q": "against"})
    b.issue("q", "Q?")
    for n in ("a", "b", "c", "d", "x", "y", "far"):
        b.claim(n, n.upper() + ".")
    b.supports(["a", "b"], "q", id="s1")
    b.attacks("c", "a", id="a1")
    b.undercuts("x", "s1", id="u1")
    b.undercuts("y", "u1", id="u2")
    b.contradicts("d", "c", id="k1")
    return b.build()


def test_final_target_follows_undercut_chains_to_a_node() -> None:
    m = chain()
    assert [graph.final_target(m, m.link(i)) for i in ("s1", "a1", "u1", "u2", "k1")] == [
        "q",
        "a",
        "q",
        "q",
        "c",
    ]
    assert graph.link_ends(m, m.link("u2")) == ("y", "x", "a", "b", "q")


def test_undercut_cycles_end_without_looping() -> None:
    b = MapBuilder("m", "T")
    for n in ("a", "b", "x", "y"):
        b.claim(n, n)
    b.supports("a", "b", id="s")
    b.undercuts("x", "u2", id="u1")
    b.undercuts("y", "u1", id="u2")
    m = b.build()
    assert graph.final_target(m, m.link("u1")) in ("u1", "u2")
    assert graph.compiled(m).link_end[1:] == (-1, -1)


def test_bearing_on_crosses_undercuts_and_symmetric_links() -> None:
    m = chain()
    assert graph.issue_nodes(m, "q") == ("q", "a", "b", "c", "d", "x", "y")
    assert graph.bearing_on(m, ["c"]) == {"c", "d"}
    assert graph.bearing_on(m, ["d"]) == {"c", "d"}


def test_neighbourhood_counts_links_in_either_direction() -> None:
    m = chain()
    assert graph.neighbourhood(m, "c", 0) == ("c",)
    assert graph.neighbourhood(m, "c", 1) == ("a", "c", "d")
    assert set(graph.neighbourhood(m, "c", 2)) == {"q", "a", "b", "c", "d", "x", "y"}


def test_sides_oppose_by_declaration_or_stance() -> None:
    m = chain()
    assert graph.sides_oppose(m, "pro", "con") and graph.sides_oppose(m, "con", "pro")
    assert graph.sides_oppose(m, "mid", "sceptic")
    assert not graph.sides_oppose(m, "pro", "mid")
    assert not graph.sides_oppose(m, None, "con")


def test_restrict_keeps_links_whose_ends_all_stay() -> None:
    m = chain()
    sub = graph.restrict(m, ["q", "a", "b", "x"])
    assert [k.id for k in sub.links] == ["s1", "u1"]
    assert graph.restrict(m, ["q", "a"]).links == ()
    with pytest.raises(UnknownElementError):
        graph.restrict(m, ["nope"])


def test_a_restricted_map_is_a_valid_map_of_its_own() -> None:
    # a side's stance on an issue left out would be a dangling reference
    b = MapBuilder("m", "T")
    b.side("pro", "Pro", stances={"q": "for", "r": "against"})
    b.issue("q", "Q?")
    b.issue("r", "R?")
    b.claim("a", "A.", held_by="pro")
    b.supports("a", "q")
    m = b.build()
    sub = graph.restrict(m, ["q", "a"])
    assert sub.side("pro").stances == {"q": "for"}
    assert argmap.loads(argmap.dumps(sub)) == sub
    assert graph.restrict(m, ["q", "r", "a"]).sides == m.sides


def test_neighbour_queries_refuse_unknown_ids_and_negative_depths() -> None:
    m = chain()
    with pytest.raises(UnknownElementError, match="no node with id 'nope'"):
        graph.supporters(m, "nope")
    with pytest.raises(UnknownElementError, match="no node with id 'nope'"):
        graph.attackers(m, "nope")
    with pytest.raises(UnknownElementError, match="no link with id 'nope'"):
        graph.undercutters(m, "nope")
    with pytest.raises(ValueError, match="depth must be 0 or more, not -1"):
        graph.neighbourhood(m, "a", -1)
    assert graph.neighbourhood(m, "a", 0) == ("a",)


def test_lookups_raise_unknown_element_with_a_suggestion() -> None:
    m = chain()
    with pytest.raises(UnknownElementError, match="no issue with id 'a' \\(choose from q\\)"):
        graph.issue_nodes(m, "a")
    with pytest.raises(UnknownElementError, match="no node with id 'zz'"):
        graph.neighbourhood(m, "zz", 1)
    with pytest.raises(UnknownElementError, match="no side with id 'pr' \\(did you mean 'pro'\\?\\)"):
        graph.side_nodes(m, "pr")


def test_a_copy_never_answers_for_its_original() -> None:
    m = argmap.load_corpus("school-phones")
    first = m.nodes[0].id
    into = {k.target for k in m.links}
    assert m.has(first) and graph.compiled(m).ids[0] == first  # warm every cache
    _ = [m.links_to(t) for t in into]
    m2 = m.model_copy(update={"nodes": m.nodes[1:], "links": ()})
    assert not m2.has(first)
    assert all(m2.links_to(t) == () for t in into)
    assert first not in graph.compiled(m2).ids
    with pytest.raises(UnknownElementError):
        m2.node(first)
    assert m.has(first) and m.links_to(next(iter(into)))  # the original is untouched


def test_compiled_form_matches_the_map() -> None:
    m = chain()
    c = graph.compiled(m)
    assert c.ids == tuple(n.id for n in m.nodes)
    for j, link in enumerate(m.links):
        assert c.link_ids[j] == link.id
        assert tuple(c.ids[i] for i in c.link_premises[j]) == link.premises
        assert c.ids[c.link_end[j]] == graph.final_target(m, link)
        if link.kind == "undercuts":
            assert c.link_target[j] == -1 and c.link_ids[c.link_undercut[j]] == link.target
        else:
            assert c.ids[c.link_target[j]] == link.target
    assert graph.compiled(m) is c


def test_undercut_chain_lists_each_link_once_up_to_a_node_or_a_cycle() -> None:
    m = chain()
    assert [str(k.id) for k in graph.undercut_chain(m, m.link("u2"))] == ["u2", "u1", "s1"]
    assert [str(k.id) for k in graph.undercut_chain(m, m.link("a1"))] == ["a1"]
    assert graph.undercut_link(m, m.link("u2")) == m.link("u1")
    assert graph.undercut_link(m, m.link("s1")) is None
    b = MapBuilder("m", "T")
    for n in ("a", "b", "x", "y", "z"):
        b.claim(n, n)
    b.supports("a", "b", id="s")
    b.undercuts("x", "u2", id="u1")
    b.undercuts("y", "u3", id="u2")
    b.undercuts("z", "u2", id="u3")
    looped = b.build()
    # u1 leads into the cycle u2 -> u3 -> u2: each link once, the last one's target already in the chain
    found = graph.undercut_chain(looped, looped.link("u1"))
    assert [str(k.id) for k in found] == ["u1", "u2", "u3"]
    assert found[-1].target == "u2"


def test_walks_follow_one_kind_of_link_without_meeting_a_node_twice() -> None:
    b = MapBuilder("m", "T")
    for n in ("a", "b", "c", "d", "e"):
        b.claim(n, n)
    b.supports(["a", "e"], "b")
    b.supports("b", "c")
    b.supports("c", "a")
    b.supports("c", "d", concession=True)
    b.attacks("d", "a")
    m = b.build()
    two = graph.walks(m, "supports", 2)
    assert ("e", "b", "c") in two and ("a", "b", "c", "a") not in two
    assert max(len(w) for w in two) == 3
    assert ("c", "d") in two and ("d", "a") not in two
    unconceded = graph.walks(m, "supports", 3, keep=lambda k: not k.concession)
    assert ("c", "d") not in unconceded
    assert ("a", "b", "c") in unconceded and ("e", "b", "c", "a") in unconceded
    assert unconceded == sorted(set(unconceded))
    assert graph.walks(m, "attacks", 3) == [("d", "a")]


def test_distances_cross_links_of_the_given_kinds_either_way_within_the_nodes_given() -> None:
    m = chain()
    assert graph.distances(m, "q", ["supports", "attacks"]) == {"q": 0, "a": 1, "b": 1, "c": 2}
    # d contradicts c: a kind not given is not crossed; an undercut is no step between nodes
    assert "d" not in graph.distances(m, "q", ["supports", "attacks"])
    assert graph.distances(m, "c", ["contradicts"]) == {"c": 0, "d": 1}
    # within: a link with an end outside is not crossed, even to reach a node inside
    assert graph.distances(m, "q", ["supports", "attacks"], within={"q", "b", "c"}) == {"q": 0}
    assert graph.distances(m, "q", ["supports", "attacks"], within={"q", "a", "b", "c"}) == {
        "q": 0,
        "a": 1,
        "b": 1,
        "c": 2,
    }


def test_compiled_ends_agree_with_final_target_on_chains_cycles_and_tails() -> None:
    b = MapBuilder("m", "T")
    for n in ("a", "b", *(f"u{i}" for i in range(9))):
        b.claim(n, n)
    b.supports("a", "b", id="s")
    # a chain of four undercuts down to s, given last-first so later links point back
    b.undercuts("u3", "c2", id="c3")
    b.undercuts("u2", "c1", id="c2")
    b.undercuts("u1", "c0", id="c1")
    b.undercuts("u0", "s", id="c0")
    # a cycle of three undercuts, and a tail of two leading into it
    b.undercuts("u4", "k2", id="k0")
    b.undercuts("u5", "k0", id="k1")
    b.undercuts("u6", "k1", id="k2")
    b.undercuts("u7", "k0", id="t0")
    b.undercuts("u8", "t0", id="t1")
    m = b.build()
    c = graph.compiled(m)
    ends = {link_id: c.link_end[j] for j, link_id in enumerate(c.link_ids)}
    assert [ends[k] for k in ("s", "c3", "c2", "c1", "c0")] == [c.index["b"]] * 5
    assert [ends[k] for k in ("k0", "k1", "k2", "t0", "t1")] == [-1] * 5
    for j, link in enumerate(m.links):
        target = graph.final_target(m, link)
        assert c.link_end[j] == c.index.get(target, -1)
    assert c.kinds == ("claim",) * 11 and set(c.link_kind) == {"supports", "undercuts"}
