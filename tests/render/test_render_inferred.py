"""Inferred elements (not the source's statement) are told apart without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from argmap.render import THEMES, RenderOptions, render, to_dot
from tests.render.maps import every_element_map, inferred_map
from tests.render.test_render_dot import edge_line, edge_lines, node_line

needs_engine = pytest.mark.needs_engine  # skipped where no engine is found (tests/conftest.py)


def style_of(line: str) -> list[str]:
    (style,) = re.findall(r' style="([^"]*)"', line)
    return style.split(",")


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_an_inferred_node_has_a_dashed_outline_and_says_inferred(theme: str) -> None:
    dot = to_dot(inferred_map(), RenderOptions(theme=theme))
    for node_id in ("mobility", "toll"):
        line = node_line(dot, node_id)
        assert "dashed" in style_of(line) and "<I>(inferred)</I>" in line
    for node_id in ("traffic", "loan", "q"):
        line = node_line(dot, node_id)
        assert "dashed" not in style_of(line) and "inferred" not in line
    assert "<B>PRINCIPLE</B> <I>(inferred)</I>" in node_line(dot, "mobility")
    assert "<B>CLAIM</B> <I>(inferred)</I> · Proponents" in node_line(dot, "toll").replace("<BR/>", " ")


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_an_inferred_link_starts_with_a_circle_and_says_inferred(theme: str) -> None:
    dot = to_dot(inferred_map(), RenderOptions(theme=theme))
    support = edge_line(dot, "mobility", "traffic")
    assert 'dir="both" arrowhead="normal" arrowtail="odot"' in support
    assert "label=<+ <I>(inferred)</I>>" in support
    attack = edge_line(dot, "cost", "q")
    assert 'style="dashed"' in attack and 'dir="both" arrowhead="tee" arrowtail="odot"' in attack
    assert "label=<− <I>(inferred)</I>>" in attack
    stated = edge_line(dot, "loan", "cost")
    assert "arrowtail" not in stated and "dir=" not in stated and "inferred" not in stated


def test_inferred_linked_premises_mark_each_premise_and_the_joint_arrow() -> None:
    dot = to_dot(inferred_map())
    point = "loan+toll#junction"
    for premise in ("loan", "toll"):
        leg = edge_line(dot, premise, point)
        assert 'arrowhead="none" dir="both" arrowtail="odot"' in leg and "label=" not in leg
    joint = edge_line(dot, point, "q")
    assert "arrowtail" not in joint and "label=<+ <I>(inferred)</I>>" in joint


def test_inferred_undercut_and_symmetric_links() -> None:
    dot = to_dot(inferred_map())
    undercut = edge_line(dot, "induced", "stated#junction")
    assert 'style="dotted"' in undercut and 'arrowhead="tee" arrowtail="odot"' in undercut
    assert "label=<− undercut <I>(inferred)</I>>" in undercut
    contradicts = edge_line(dot, "same", "traffic")
    assert 'dir="both" arrowhead="tee" arrowtail="teeodot"' in contradicts
    assert "xlabel=<⊥ <I>(inferred)</I>>" in contradicts
    # Graphviz draws no tail on a double line: the circle goes at the other end.
    equivalent = edge_line(dot, "induced", "same")
    assert 'dir="forward" arrowhead="odot"' in equivalent and "xlabel=<≡ <I>(inferred)</I>>" in equivalent


def test_an_evaluation_outline_replaces_the_dashes_and_the_words_stay() -> None:
    dot = to_dot(inferred_map(), RenderOptions(evaluation={"toll": "undecided", "mobility": "accepted"}))
    undecided = node_line(dot, "toll")
    assert "dotted" in style_of(undecided) and "dashed" not in style_of(undecided)
    assert "<I>(inferred)</I>" in undecided
    accepted = node_line(dot, "mobility")
    assert {"dashed", "bold"} <= set(style_of(accepted)) and "<I>(inferred)</I>" in accepted


def test_a_concession_that_is_inferred_says_both() -> None:
    line = edge_line(to_dot(inferred_map()), "balance", "cost")
    assert "label=<<I>+ concedes</I> <I>(inferred)</I>>" in line and 'arrowtail="odot"' in line


def test_inferred_stays_visible_when_stances_are_hidden() -> None:
    dot = to_dot(inferred_map(), RenderOptions(neutral_links=True))
    assert "label=<<I>(inferred)</I>>" in edge_line(dot, "mobility", "traffic")
    assert "label=<>" not in dot and "concedes" not in dot
    assert "+" not in edge_line(dot, "balance", "cost")


def legend(dot: str) -> str:
    (line,) = [line for line in dot.splitlines() if line.startswith("  graph [rankdir=")]
    return line[line.index("<B>Legend</B>") :]


def test_the_legend_explains_the_marks_only_when_inferred_elements_are_drawn() -> None:
    dot = to_dot(inferred_map(), RenderOptions(legend=True))
    notes = legend(dot)
    assert "dashed outline, <I>(inferred)</I>: a node the map&#39;s authors" in notes
    assert "○ where a line starts, <I>(inferred)</I>: a link" in notes
    links_only = to_dot(inferred_map(), RenderOptions(legend=True, issues=["q"], sides=["con"]))
    assert "○ where a line starts" in legend(links_only)
    assert "dashed outline" not in legend(links_only)
    plain = to_dot(every_element_map(), RenderOptions(legend=True))
    assert "inferred" not in plain


def test_maps_without_inferred_elements_draw_as_before() -> None:
    dot = to_dot(every_element_map(), RenderOptions(legend=True, labels="both"))
    assert "odot" not in dot and "inferred" not in dot
    assert not any("dashed" in style_of(line) for line in dot.splitlines() if "[label=<<TABLE" in line)
    assert all('arrowtail="odot"' not in line for line in edge_lines(dot))


@needs_engine
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_inferred_elements_lay_out_and_show_their_mark(theme: str) -> None:
    svg = render(inferred_map(), "svg", RenderOptions(theme=theme, cluster=True))
    texts = [t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("(inferred)") == 2 + 7  # two node headers, seven link marks
