"""The render options exercises use: hidden stances, hidden sides, tags and blanks."""

from __future__ import annotations

import re

import pygraphviz
import pytest
from hypothesis import given

import argmap
from argmap.render import RenderOptions, to_dot
from tests.render.maps import every_element_map
from tests.strategies import maps

MARKS = ("+", "−", "⊥", "≡")


def edge_lines(dot: str) -> list[str]:
    return [line for line in dot.splitlines() if "->" in line and "legend#" not in line]


def test_neutral_links_draw_supports_attacks_and_undercuts_alike() -> None:
    m = every_element_map()
    dot = to_dot(m, RenderOptions(neutral_links=True, title=False))
    stance_lines = []
    for line in edge_lines(dot):
        attrs = line.split(" [", 1)[1]
        if "≡" in attrs or "⊥" in attrs:
            continue
        stance_lines.append(" ".join(re.sub(r"(x?label|constraint|arrowhead)=\S+", "", attrs).split()))
    # every stance edge (premise legs to junctions included) has the same look
    assert len(stance_lines) >= 7
    assert len(set(stance_lines)) == 1, set(stance_lines)
    assert "concedes" not in dot
    # symmetric links keep their own marks
    assert "≡" in dot and "⊥" in dot
    assert not any(f"label=<{mark}>" in line for line in edge_lines(dot) for mark in ("+", "−"))


def test_neutral_links_legend_shows_one_sample_for_stances() -> None:
    dot = to_dot(every_element_map(), RenderOptions(neutral_links=True, legend=True))
    assert ">stance hidden<" in dot
    assert ">supports<" not in dot and ">attacks<" not in dot
    assert ">contradicts<" in dot


def test_default_drawing_is_unchanged_by_empty_exercise_options() -> None:
    m = every_element_map()
    plain = to_dot(m, RenderOptions(legend=True))
    same = to_dot(m, RenderOptions(legend=True, node_tags={}, link_tags={}, blanks=()))
    assert plain == same
    assert "+" in plain and "concedes" in plain


def test_hide_sides_removes_names_fills_and_swatches() -> None:
    m = every_element_map()
    shown = to_dot(m, RenderOptions(legend=True))
    hidden = to_dot(m, RenderOptions(legend=True, hide_sides=True))
    for side in m.sides:
        assert side.name in shown
        assert side.name not in hidden
    node_lines = [line for line in hidden.splitlines() if "label=<<TABLE" in line and "fillcolor" in line]
    fills = {re.search(r'fillcolor="(#[0-9A-F]{6})"', line).group(1) for line in node_lines}  # type: ignore[union-attr]
    assert fills == {"#FFFFFF"}
    assert "held by no side" not in hidden


def test_node_and_link_tags_are_drawn() -> None:
    m = every_element_map()
    dot = to_dot(m, RenderOptions(node_tags={"cost": "Q7"}, link_tags={"loan--attacks--cost": "L9"}))
    cost_line = next(line for line in dot.splitlines() if line.startswith('  "cost" ['))
    assert ">Q7</FONT></B> · <B>COUNTERCLAIM" in cost_line
    edge = next(line for line in dot.splitlines() if line.startswith('  "loan" -> "cost"'))
    assert "<B>L9</B> −" in edge


def test_blank_hides_text_and_tooltip_but_keeps_kind() -> None:
    m = every_element_map()
    node = m.node("cost")
    for mode in ("label", "text", "both"):
        dot = to_dot(m, RenderOptions(blanks={"cost"}, labels=mode))  # type: ignore[arg-type]
        line = next(line for line in dot.splitlines() if line.startswith('  "cost" ['))
        assert "COUNTERCLAIM" in line
        assert "?  ?  ?" in line
        assert node.text.split()[2] not in line
        assert "TOOLTIP" not in line
        assert node.label is not None and node.label not in line


@given(maps())
def test_exercise_options_never_break_dot(m: argmap.ArgumentMap) -> None:
    tags = {n.id: f"T{i}" for i, n in enumerate(m.nodes)}
    links = {str(k.id): f"L{i}" for i, k in enumerate(m.links)}
    options = RenderOptions(
        neutral_links=True,
        hide_sides=True,
        node_tags=tags,
        link_tags=links,
        blanks={n.id for n in m.nodes[:2]},
        legend=True,
    )
    dot = to_dot(m, options)
    assert dot == to_dot(m, options)
    parsed = pygraphviz.AGraph(string=dot)
    assert {n for n in parsed.nodes() if not n.startswith("legend#") and "#" not in n} == set(tags)
    for line in edge_lines(dot):
        assert "label=<+>" not in line and "label=<−>" not in line


@pytest.mark.parametrize("value", ["A", ["a", "b"]])
def test_blanks_accept_one_id_or_several(value: str | list[str]) -> None:
    options = RenderOptions(blanks=value)
    assert isinstance(options.blanks, frozenset)
    assert "A" in options.blanks or {"a", "b"} <= options.blanks


def positions(dot: str) -> dict[str, tuple[float, float]]:
    """Where the bundled Graphviz places each node of ``dot`` (points, y upwards)."""
    graph = pygraphviz.AGraph(string=dot)
    graph.layout(prog="dot")
    found = {}
    for node in graph.nodes():
        x, y = node.attr["pos"].split(",")
        found[str(node)] = (float(x), float(y))
    return found


def unlinked_map(count: int) -> argmap.ArgumentMap:
    b = argmap.MapBuilder("m", "T")
    for i in range(count):
        b.claim(f"n{i}", f"Statement {i}.")
    return b.build()


@pytest.mark.parametrize(("rankdir", "along", "across"), [("TB", 0, 1), ("LR", 1, 0)])
def test_grid_sets_nodes_in_ranks_of_a_near_square_in_map_order(
    rankdir: str, along: int, across: int
) -> None:
    m = unlinked_map(10)
    dot = to_dot(m, RenderOptions(grid=True, rankdir=rankdir, title=False))  # type: ignore[arg-type]
    assert all('style="invis"' in line for line in dot.splitlines() if " -> " in line)
    where = positions(dot)
    ranks = [["n0", "n1", "n2", "n3"], ["n4", "n5", "n6", "n7"], ["n8", "n9"]]  # 4 = isqrt(10 - 1) + 1
    for rank in ranks:
        assert len({where[n][across] for n in rank}) == 1, rank
        along_rank = [where[n][along] for n in rank]
        assert along_rank == sorted(along_rank, reverse=rankdir == "LR"), rank  # y grows upwards
    firsts = [where[rank[0]][across] for rank in ranks]
    assert len(set(firsts)) == 3
    assert firsts == sorted(firsts, reverse=rankdir == "TB")


def test_without_grid_unlinked_nodes_share_one_rank() -> None:
    dot = to_dot(unlinked_map(10), RenderOptions(rankdir="TB", title=False))
    assert "rank=same" not in dot and " -> " not in dot
    assert len({y for _, y in positions(dot).values()}) == 1
