from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from hypothesis import given

import argmap
from argmap.render import RenderError, RenderOptions, Theme, get_theme, to_dot
from argmap.render.themes import DEFAULT
from tests.render.maps import every_element_map, inferred_map, many_into_one_map
from tests.strategies import maps

GOLDEN = Path(__file__).parent.parent / "golden" / "render"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"

OVERLAYS = RenderOptions(
    labels="both",
    cluster=True,
    legend=True,
    highlight={"cost", "loan--attacks--cost"},
    evaluation={"q": "undecided", "cost": "rejected", "loan": "accepted"},
)

CASES = {
    "allied-space-cooperation": (lambda: argmap.load_corpus("allied-space-cooperation"), RenderOptions()),
    "school-phones": (lambda: argmap.load_corpus("school-phones"), RenderOptions()),
    "every-element": (every_element_map, RenderOptions()),
    "every-element-overlays": (every_element_map, OVERLAYS),
    "inferred": (inferred_map, RenderOptions(legend=True, labels="both")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_dot(name: str) -> None:
    make, options = CASES[name]
    dot = to_dot(make(), options)
    path = GOLDEN / f"{name}.dot"
    if UPDATE:
        path.write_bytes(dot.encode("utf-8"))
    assert path.is_file(), f"{path} is missing: run with ARGMAP_UPDATE_GOLDEN=1 to create it"
    assert dot.encode("utf-8") == path.read_bytes(), f"{name}: DOT differs (ARGMAP_UPDATE_GOLDEN=1 refreshes)"


# -- helpers ---------------------------------------------------------------


def node_line(dot: str, node_id: str) -> str:
    (line,) = [line for line in dot.splitlines() if line.strip().startswith(f'"{node_id}" [')]
    return line


def edge_lines(dot: str) -> list[str]:
    return [line.strip() for line in dot.splitlines() if " -> " in line]


def edge_line(dot: str, tail: str, head: str) -> str:
    (line,) = [line for line in edge_lines(dot) if line.startswith(f'"{tail}" -> "{head}" [')]
    return line


def drawn_nodes(dot: str) -> list[str]:
    found = re.findall(r'^\s*"([^"#]+)" \[label=', dot, flags=re.MULTILINE)
    return list(found)


MARKUP = {"TABLE", "TR", "TD", "FONT", "B", "I", "S", "BR"}


def html_labels(dot: str) -> list[str]:
    """Every HTML-like attribute value, delimited as Graphviz does: by balanced angle brackets."""
    labels = []
    for start in (m.end() for m in re.finditer(r"=<", dot)):
        depth, i = 1, start
        while depth:
            depth += {"<": 1, ">": -1}.get(dot[i], 0)
            i += 1
        labels.append(dot[start : i - 1])
    return labels


def body(line: str) -> list[str]:
    """The texts of a node's body rows (after the header row)."""
    return re.findall(r"<TR><TD>(.*?)</TD></TR>", line)


# -- determinism ------------------------------------------------------------


@given(maps())
def test_dot_is_deterministic_and_survives_a_round_trip(m: argmap.ArgumentMap) -> None:
    dot = to_dot(m)
    assert dot == to_dot(m)
    assert to_dot(argmap.loads(argmap.dumps(m))) == dot
    assert to_dot(argmap.loads(argmap.dumps(m, "json"), "json")) == dot
    assert dot.startswith(f'digraph "{m.id}" {{\n') and dot.endswith("}\n")
    for label in html_labels(to_dot(m, RenderOptions(labels="both", legend=True, cluster=True))):
        assert set(re.findall(r"</?\s*([A-Za-z]+)", label)) <= MARKUP


def test_dot_holds_no_path_of_this_machine() -> None:
    dot = to_dot(argmap.load_corpus("school-phones"))
    assert str(Path.cwd()) not in dot and str(Path(argmap.__file__).parent) not in dot


# -- the visual grammar ------------------------------------------------------


def test_support_and_attack_differ_without_colour() -> None:
    dot = to_dot(every_element_map())
    support = edge_line(dot, "safety", "q")
    attack = edge_line(dot, "cost", "q")
    assert 'style="solid"' in support and 'arrowhead="normal"' in support and "label=<+>" in support
    assert 'style="dashed"' in attack and 'arrowhead="tee"' in attack and "label=<−>" in attack
    assert 'color="#0072B2"' in support and 'color="#D55E00"' in attack


def test_linked_premises_meet_at_a_junction() -> None:
    dot = to_dot(every_element_map())
    point = "traffic+count#junction"
    assert (
        node_line(dot, point) == f'  "{point}" [shape="point" width=0.09 color="#0072B2" fillcolor="#0072B2"]'
    )
    for premise in ("traffic", "count"):
        line = edge_line(dot, premise, point)
        assert 'arrowhead="none"' in line and "label=" not in line
    assert "label=<+>" in edge_line(dot, point, "q")
    assert not any(line.startswith('"traffic" -> "q"') for line in edge_lines(dot))


def test_undercut_ends_on_the_junction_of_its_link() -> None:
    dot = to_dot(every_element_map())
    line = edge_line(dot, "induced", "traffic+count#junction")
    assert 'style="dotted"' in line and 'arrowhead="tee"' in line and "label=<− undercut>" in line


def test_an_undercut_link_gets_a_junction_even_with_one_premise() -> None:
    dot = to_dot(argmap.load_corpus("school-phones"))
    point = "results-gains--supports--ban#junction"
    assert edge_line(dot, "results-gains", point)
    assert edge_line(dot, point, "ban")
    assert edge_line(dot, "confounding", point)


def test_symmetric_links_are_drawn_symmetric_and_do_not_rank() -> None:
    dot = to_dot(every_element_map())
    contradicts = edge_line(dot, "same", "traffic")
    assert 'dir="both" arrowhead="tee" arrowtail="tee"' in contradicts and "xlabel=<⊥>" in contradicts
    assert "constraint=false" in contradicts
    equivalent = edge_line(dot, "induced", "same")
    assert 'dir="none"' in equivalent and "arrowhead" not in equivalent and "xlabel=<≡>" in equivalent
    assert 'color="#CC79A7:invis:#CC79A7"' in equivalent and "constraint=false" in equivalent


def test_concession_is_marked_in_italics() -> None:
    dot = to_dot(every_element_map())
    assert "label=<<I>+ concedes</I>>" in edge_line(dot, "balance", "cost")


def test_header_names_kind_and_side_and_fill_follows_the_side() -> None:
    dot = to_dot(every_element_map())
    claim = node_line(dot, "traffic")
    assert "<B>CLAIM</B> · Proponents" in claim and 'fillcolor="#D0EAF9"' in claim
    assert 'fillcolor="#E8ACDC"' in node_line(dot, "cost")
    editorial = node_line(dot, "balance")
    assert "<B>CLAIM</B> · <I>The</I> <I>editors</I>" in editorial and 'fillcolor="#D6D3CC"' in editorial
    unheld = node_line(dot, "safety")
    assert "<B>PRINCIPLE</B></FONT>" in unheld and 'fillcolor="#FFFFFF"' in unheld


@pytest.mark.parametrize(
    ("node_id", "shape", "style"),
    [
        ("q", "box", "filled,bold"),
        ("traffic", "box", "rounded,filled"),
        ("cost", "box", "rounded,filled,diagonals"),
        ("safety", "hexagon", "filled"),
        ("count", "note", "filled"),
    ],
)
def test_shape_follows_kind(node_id: str, shape: str, style: str) -> None:
    line = node_line(to_dot(every_element_map()), node_id)
    assert f'shape="{shape}" style="{style}"' in line


def test_issue_has_a_double_border_and_bold_text() -> None:
    line = node_line(to_dot(every_element_map()), "q")
    assert "peripheries=2" in line and "<TD><B>New bridge?</B></TD>" in line


def test_sides_beyond_the_palette_cycle_through_it() -> None:
    b = argmap.MapBuilder("m", "T")
    for i in range(len(DEFAULT.side_fills) + 1):
        b.side(f"s{i}", f"Side {i}")
        b.claim(f"c{i}", "C.", held_by=f"s{i}")
    dot = to_dot(b.build())
    assert f'fillcolor="{DEFAULT.side_fills[0]}"' in node_line(dot, f"c{len(DEFAULT.side_fills)}")


# -- labels and escaping ----------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "rows"),
    [
        ("label", ["Too costly"]),
        ("text", ["The bridge costs more than<BR/>the town&#39;s yearly budget."]),
        ("both", ["<B>Too costly</B>", "The bridge costs more than<BR/>the town&#39;s yearly budget."]),
    ],
)
def test_label_modes(mode: str, rows: list[str]) -> None:
    dot = to_dot(every_element_map(), RenderOptions(labels=mode, wrap=26))  # type: ignore[arg-type]
    assert body(node_line(dot, "cost")) == rows


def test_label_mode_label_falls_back_to_text_and_keeps_text_in_a_tooltip() -> None:
    dot = to_dot(every_element_map())
    assert body(node_line(dot, "loan")) == ["A long-term loan spreads<BR/>the cost over forty<BR/>years."]
    assert 'TOOLTIP="The bridge costs more than the town&#39;s yearly budget."' in node_line(dot, "cost")
    assert "TOOLTIP" not in node_line(dot, "loan")


def test_wrap_width_and_hyphenated_words() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    dot = to_dot(m, RenderOptions(wrap=10))
    assert body(node_line(dot, "burden-sharing")) == [
        "<B>Burden-sharing<BR/>versus<BR/>strategic<BR/>autonomy</B>"
    ]


def test_user_text_is_escaped_everywhere() -> None:
    nasty = 'He said "no" \\ <b>bold</b> & \'so\' \\"\nnext\tline'
    b = argmap.MapBuilder("m:x.y+z-1", 'Title <i>"x"</i> & \\')
    b.side("s.1", "Side <&>")
    b.issue("q:1", nasty, label=nasty)
    b.claim("c+2", nasty, held_by="s.1")
    b.supports("c+2", "q:1")
    m = b.build()
    dot = to_dot(m, RenderOptions(labels="both", cluster=True, legend=True, wrap=200))
    # a backslash doubled: Graphviz reads backslash escapes in HTML-like labels too
    escaped = (
        "He said &quot;no&quot; \\\\ &lt;b&gt;bold&lt;/b&gt; &amp; &#39;so&#39; \\\\&quot;<BR/>next line"
    )
    assert body(node_line(dot, "c+2")) == [escaped]
    assert body(node_line(dot, "q:1")) == [f"<B><B>{escaped}</B></B>", f"<B>{escaped}</B>"]
    assert "· Side &lt;&amp;&gt;" in node_line(dot, "c+2")
    assert "TOOLTIP" not in node_line(dot, "c+2")
    assert "<B>Title &lt;i&gt;&quot;x&quot;&lt;/i&gt; &amp; \\\\</B>" in dot
    assert dot.startswith('digraph "m:x.y+z-1" {')
    assert 'subgraph "cluster_q:1" {' in dot
    assert edge_line(dot, "c+2", "q:1")
    # Nothing in the user text opened or closed a tag.
    labels = html_labels(dot)
    assert len(labels) == dot.count("=<")
    for label in labels:
        assert set(re.findall(r"</?\s*([A-Za-z]+)", label)) <= MARKUP


def test_tooltip_escapes_backslashes_quotes_and_newlines() -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("c", 'Path C:\\N "q"\nend', label="short")
    assert 'TOOLTIP="Path C:\\\\N &quot;q&quot;&#10;end"' in node_line(to_dot(b.build()), "c")


def test_ids_are_quoted() -> None:
    b = argmap.MapBuilder("m", "T")
    b.claim("ev:iss+2.x-y", "A.")
    b.claim("node", "B.")
    b.attacks("ev:iss+2.x-y", "node", id="a:b.c+d-e")
    dot = to_dot(b.build())
    assert node_line(dot, "ev:iss+2.x-y").startswith('  "ev:iss+2.x-y" [label=<')
    assert edge_line(dot, "ev:iss+2.x-y", "node")


# -- filters, focus, clusters --------------------------------------------------


def phones() -> argmap.ArgumentMap:
    return argmap.load_corpus("school-phones")


def test_filter_by_issue() -> None:
    dot = to_dot(phones(), RenderOptions(issues=["lunch"]))
    assert drawn_nodes(dot) == ["lunch", "pupil-wellbeing", "class-not-device", "lunch-scrolling"]
    assert len(edge_lines(dot)) == 3
    assert "Issue: Phones allowed at lunch?" in dot


def test_filter_by_side_keeps_what_its_nodes_bear_on() -> None:
    dot = to_dot(phones(), RenderOptions(sides=["middle-ground"]))
    # office-message answers the opponents' pouches-block-contact, which bears on the side's
    # locked-pouches: both are drawn with the side's own nodes; issues no node leads to are not.
    assert drawn_nodes(dot) == [
        "ban",
        "lunch",
        "locked-pouches",
        "pouches-block-contact",
        "class-not-device",
        "teacher-led-use",
        "office-message",
    ]
    tails = {line.split(" -> ")[0] for line in edge_lines(dot)}
    held = {"locked-pouches", "class-not-device", "teacher-led-use", "office-message"}
    assert {'"office-message"', '"class-not-device"', '"teacher-led-use"'} <= tails
    for node_id in held:
        assert any(line.startswith(f'"{node_id}" -> ') for line in edge_lines(dot)), node_id
    assert "treats-as-suspects" not in drawn_nodes(dot), "what bears on the side's targets is not drawn"


def test_filter_by_side_keeps_the_link_an_undercut_hits_and_stated_issues() -> None:
    b = argmap.MapBuilder("m", "T")
    b.side("pro", "Pro")
    b.side("con", "Con", stances={"q2": "against"})
    b.issue("q", "Q?")
    b.issue("q2", "Q2?")
    b.issue("q3", "Q3?")
    b.claim("a", "A.", held_by="pro")
    b.claim("x", "X.", held_by="con")
    s = b.supports("a", "q")
    b.undercuts("x", s)
    dot = to_dot(b.build(), RenderOptions(sides=["con"]))
    assert drawn_nodes(dot) == ["q", "q2", "a", "x"]
    assert any(line.startswith('"x" -> "a--supports--q#junction"') for line in edge_lines(dot))


def test_filter_by_tag() -> None:
    dot = to_dot(phones(), RenderOptions(tags=["compromise", "safety"]))
    assert drawn_nodes(dot) == [
        "reach-child",
        "locked-pouches",
        "pouches-block-contact",
        "class-not-device",
        "teacher-led-use",
        "lunch-scrolling",
        "office-message",
    ]


def test_filters_combine_as_and() -> None:
    dot = to_dot(phones(), RenderOptions(issues=["lunch"], sides=["ban-supporters"]))
    assert drawn_nodes(dot) == ["lunch", "pupil-wellbeing", "lunch-scrolling"]


def test_focus_on_a_node_and_its_neighbourhood() -> None:
    assert drawn_nodes(to_dot(phones(), RenderOptions(focus="office-message", depth=0))) == ["office-message"]
    assert drawn_nodes(to_dot(phones(), RenderOptions(focus="office-message", depth=1))) == [
        "pouches-block-contact",
        "office-message",
    ]
    assert drawn_nodes(to_dot(phones(), RenderOptions(focus="office-message", depth=2))) == [
        "reach-child",
        "locked-pouches",
        "pouches-block-contact",
        "office-message",
    ]


def test_focus_treats_linked_premises_and_undercuts_as_one_hop() -> None:
    m = every_element_map()
    assert drawn_nodes(to_dot(m, RenderOptions(focus="count", depth=1))) == [
        "q",
        "traffic",
        "count",
        "induced",
    ]
    assert drawn_nodes(to_dot(m, RenderOptions(focus="induced", depth=1))) == [
        "q",
        "traffic",
        "count",
        "induced",
        "same",
    ]


def test_hide_unconnected() -> None:
    m = every_element_map()
    assert "lonely" in drawn_nodes(to_dot(m))
    assert "lonely" not in drawn_nodes(to_dot(m, RenderOptions(hide_unconnected=True)))
    # After a filter, nodes whose links were all filtered away go too.
    focused = to_dot(phones(), RenderOptions(tags=["safety"], hide_unconnected=True))
    assert drawn_nodes(focused) == ["reach-child", "pouches-block-contact", "office-message"]


def test_links_are_drawn_only_when_all_their_ends_are() -> None:
    dot = to_dot(every_element_map(), RenderOptions(focus="traffic", depth=0))
    assert edge_lines(dot) == []
    # Without the link it undercuts, an undercut is not drawn; without its junction neither.
    b = argmap.MapBuilder("m", "T")
    b.claim("a", "A.", tags=("t",))
    b.claim("b", "B.")
    b.claim("x", "X.", tags=("t",))
    b.undercuts("x", b.supports("a", "b"))
    assert "junction" in to_dot(b.build())
    dot = to_dot(b.build(), RenderOptions(tags=["t"]))
    assert drawn_nodes(dot) == ["a", "x"] and not any("junction" in line for line in dot.splitlines())


def two_issue_map() -> argmap.ArgumentMap:
    b = argmap.MapBuilder("two", "Two issues")
    b.issue("q1", "Main question?")
    b.issue("q2", "Sub-question?")
    b.claim("a", "A.")
    b.claim("b", "B.")
    b.principle("shared", "Shared.")
    b.supports("a", "q1")
    b.supports("b", "q2")
    b.supports("q2", "q1")
    b.supports("shared", "a")
    b.supports("shared", "b")
    b.contradicts("a", "b")
    return b.build()


def cluster_members(dot: str, issue: str) -> list[str]:
    lines = dot.splitlines()
    start = lines.index(f'  subgraph "cluster_{issue}" {{')
    end = lines.index("  }", start)
    return [line.strip().split('"')[1] for line in lines[start + 2 : end]]


def test_clusters_group_each_issue_with_the_nodes_leading_to_it_first() -> None:
    dot = to_dot(two_issue_map(), RenderOptions(cluster=True))
    # "shared" is used once by each issue: it goes with the first in map order (and a copy with the other).
    assert cluster_members(dot, "q1") == ["q1", "a", "shared"]
    assert cluster_members(dot, "q2") == ["q2", "b", "shared#in#q2"]
    lines = dot.splitlines()
    assert "<B>Main question?</B>" in lines[lines.index('  subgraph "cluster_q1" {') + 1]


def test_a_shared_node_goes_with_the_cluster_that_uses_it_most() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q1", "First?")
    b.issue("q2", "Second?")
    for name, issue in (("a", "q1"), ("b", "q2"), ("c", "q2")):
        b.claim(name, name.upper() + ".")
        b.supports(name, issue)
    b.principle("shared", "Shared.")
    b.claim("alone", "Leads nowhere.")
    for name in ("a", "b", "c"):
        b.supports("shared", name)
    b.supports("alone", "shared")
    b.supports("q2", "q1")  # q2 bears on q1 too, but through more links
    dot = to_dot(b.build(), RenderOptions(cluster=True))
    assert cluster_members(dot, "q2") == ["q2", "b", "c", "shared", "alone"]
    assert cluster_members(dot, "q1") == ["q1", "a", "shared#in#q1"]
    b.claim("stray", "No links.")
    dot = to_dot(b.build(), RenderOptions(cluster=True))
    assert node_line(dot, "stray").startswith('  "stray" ['), "a node reaching no issue stays outside"


def test_a_tie_goes_to_the_nearer_issue() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q1", "First?")
    b.issue("q2", "Second?")
    b.claim("a", "A.")
    b.claim("x", "X.")
    b.supports("a", "q1")
    b.supports("x", "a")
    b.supports("x", "q2")
    dot = to_dot(b.build(), RenderOptions(cluster=True))
    assert cluster_members(dot, "q2") == ["q2", "x"]


def test_cross_cluster_edges_do_not_constrain_the_layout() -> None:
    clustered = to_dot(two_issue_map(), RenderOptions(cluster=True))
    assert "constraint=false" in edge_line(clustered, "q2", "q1")
    assert "constraint" not in edge_line(clustered, "a", "q1")
    assert "constraint" not in edge_line(clustered, "shared", "a")
    assert "constraint" not in edge_line(to_dot(two_issue_map()), "q2", "q1")
    assert "subgraph" not in to_dot(two_issue_map())


def test_clusters_hold_junctions_with_their_target() -> None:
    dot = to_dot(every_element_map(), RenderOptions(cluster=True))
    assert cluster_members(dot, "q") == [
        "q",
        "traffic",
        "count",
        "safety",
        "cost",
        "loan",
        "induced",
        "balance",
        "traffic+count#junction",
    ]


# -- overlays ---------------------------------------------------------------------


def test_highlight_nodes_and_links() -> None:
    dot = to_dot(every_element_map(), RenderOptions(highlight=["cost", "traffic+count"]))
    assert node_line(dot, "cost").endswith('color="#000000" penwidth=4]')
    assert "penwidth" not in node_line(dot, "loan")
    for line in (
        edge_line(dot, "traffic", "traffic+count#junction"),
        edge_line(dot, "traffic+count#junction", "q"),
    ):
        assert "penwidth=4" in line
    assert "penwidth=1.2" in edge_line(dot, "safety", "q")


@pytest.mark.parametrize(
    ("status", "expected", "struck"),
    [
        ("accepted", ['style="rounded,filled,bold"', "penwidth=3"], False),
        ("rejected", ['fillcolor="#F2F2F2"', 'color="#9A9A9A"', 'fontcolor="#767676"'], True),
        ("undecided", ['style="rounded,filled,dotted"', "penwidth=1.6"], False),
    ],
)
def test_evaluation_styles(status: str, expected: list[str], struck: bool) -> None:
    dot = to_dot(every_element_map(), RenderOptions(evaluation={"loan": status}))  # type: ignore[dict-item]
    line = node_line(dot, "loan")
    for attr in expected:
        assert attr in line
    assert ("<S>" in line) is struck
    assert "<S>" not in node_line(dot, "traffic")


def graph_label(dot: str) -> str:
    (line,) = [line for line in dot.splitlines() if line.startswith("  graph [rankdir=")]
    return line


def test_legend_lists_what_is_drawn() -> None:
    dot = to_dot(phones(), RenderOptions(legend=True, issues=["lunch"]))
    legend = graph_label(dot)
    assert "<B>Legend</B>" in legend and "cluster_legend" not in dot and "legend#" not in dot
    mark = '<FONT POINT-SIZE="10.5" COLOR="#1A1A1A">−</FONT>'
    attack = f'<FONT COLOR="#D55E00"><FONT POINT-SIZE="10.5">╌╌╌ {mark} ╌╌┤'
    assert attack in legend
    assert ">attacks<" in legend and ">supports<" in legend and ">undercuts<" not in legend
    assert "Ban supporters" in legend and "Middle ground" in legend and "held by no side" in legend
    assert "Ban opponents" not in legend and "where lines meet" not in legend


def test_legend_sits_under_the_title_and_takes_no_part_in_the_layout() -> None:
    m = phones()
    with_legend = to_dot(m, RenderOptions(legend=True))
    without = to_dot(m, RenderOptions())
    body = [line for line in with_legend.splitlines() if not line.startswith("  graph [")]
    assert body == [line for line in without.splitlines() if not line.startswith("  graph [")]
    label = graph_label(with_legend)
    assert label.index(m.title.split()[0]) < label.index("<B>Legend</B>")
    only = graph_label(to_dot(m, RenderOptions(legend=True, title=False)))
    assert "<B>Legend</B>" in only and m.title.split()[0] not in only


def test_legend_sets_many_sides_in_columns_of_five() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    label = graph_label(to_dot(m, RenderOptions(legend=True)))
    columns = label.split('<TD VALIGN="TOP"><TABLE')[1:]
    sides = [column for column in columns if "BGCOLOR=" in column]
    names = [side.name for side in m.sides]
    assert len(names) > 10  # enough sides to need several columns
    assert len(sides) == -(-(len(names) + 1) // 5) and all(column.count("<TR>") <= 5 for column in sides)
    assert sum(column.count("<TR>") for column in sides) == len(names) + 1  # and "held by no side"


def test_legend_notes_junctions_concessions_and_overlays() -> None:
    dot = to_dot(every_element_map(), OVERLAYS)
    notes = graph_label(dot)
    for text in (
        "where lines meet: linked premises",
        "<I>concedes</I>: a concession",
        "thick outline or line: highlighted",
        "bold outline: accepted",
        "<S>struck through</S>, grey: rejected",
        "dotted outline: undecided",
    ):
        assert text in notes
    assert "<I>The editors (editorial)</I>" in notes


def test_no_legend_by_default() -> None:
    assert "Legend" not in to_dot(phones())


# -- options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": "all"}, "labels must be one of: label, text, both"),
        ({"rankdir": "up"}, "rankdir must be one of: LR, RL, TB, BT"),
        ({"wrap": 0}, "wrap must be a whole number"),
        ({"depth": -1}, "depth must be a whole number"),
        ({"theme": "neon"}, "unknown theme 'neon'"),
        ({"evaluation": {"a": "maybe"}}, "evaluation of 'a' must be one of: accepted, rejected, undecided"),
        ({"dpi": 0}, "dpi must be positive"),
    ],
)
def test_bad_options(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        RenderOptions(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"issues": ["nope"]}, "no issue with id 'nope'"),
        ({"issues": ["reach-child"]}, "no issue with id 'reach-child'"),
        ({"sides": ["nobody"]}, "no side with id 'nobody'"),
        ({"focus": "nowhere"}, "no node with id 'nowhere'"),
        ({"highlight": ["ghost"]}, "no node or link with id 'ghost' (in highlight)"),
        ({"evaluation": {"ghost": "accepted"}}, "no node with id 'ghost'"),
    ],
)
def test_options_naming_unknown_elements(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(argmap.UnknownElementError, match=re.escape(message)):
        to_dot(phones(), RenderOptions(**kwargs))  # type: ignore[arg-type]


def test_options_normalise_collections() -> None:
    options = RenderOptions(issues="ban", sides=("a", "a", "b"), highlight="x", tags=["t"])
    assert options.issues == ("ban",) and options.sides == ("a", "b") and options.tags == ("t",)
    assert options.highlight == frozenset({"x"})
    assert RenderOptions(evaluation={"b": "accepted", "a": "rejected"}) == RenderOptions(
        evaluation={"a": "rejected", "b": "accepted"}
    )
    assert hash(RenderOptions(highlight=["a"])) == hash(RenderOptions(highlight=("a",)))


@pytest.mark.parametrize("rankdir", ["LR", "RL", "TB", "BT"])
def test_rankdir(rankdir: str) -> None:
    assert f'rankdir="{rankdir}"' in to_dot(phones(), RenderOptions(rankdir=rankdir))  # type: ignore[arg-type]


def test_default_rankdir_is_left_to_right() -> None:
    assert 'rankdir="LR"' in to_dot(phones())


# -- themes --------------------------------------------------------------------------


def test_print_theme_is_greyscale() -> None:
    dot = to_dot(every_element_map(), RenderOptions(theme="print", legend=True))
    colours = set(re.findall(r"#[0-9A-F]{6}", dot))
    assert colours and all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours


def test_a_theme_is_data() -> None:
    links = dict(DEFAULT.links)
    links["supports"] = dataclasses.replace(links["supports"], mark="pro", color="#123456")
    theme = dataclasses.replace(DEFAULT, name="mine", links=links)
    assert isinstance(theme, Theme) and get_theme(theme) is theme
    line = edge_line(to_dot(every_element_map(), RenderOptions(theme=theme)), "safety", "q")
    assert 'color="#123456"' in line and "label=<pro>" in line


def test_marks_from_a_theme_are_escaped() -> None:
    links = dict(DEFAULT.links)
    links["attacks"] = dataclasses.replace(links["attacks"], mark="<−>")
    theme = dataclasses.replace(DEFAULT, links=links)
    assert "label=<&lt;−&gt;>" in edge_line(
        to_dot(every_element_map(), RenderOptions(theme=theme)), "cost", "q"
    )


# -- many links into one node -------------------------------------------------------


@pytest.mark.parametrize(("rankdir", "across"), [("LR", "height"), ("RL", "height"), ("TB", "width")])
def test_a_node_many_links_enter_grows_so_their_heads_spread(rankdir: str, across: str) -> None:
    m = many_into_one_map()
    dot = to_dot(m, RenderOptions(rankdir=rankdir))  # type: ignore[arg-type]
    entering = [line for line in edge_lines(dot) if line.split(" [")[0].endswith('-> "hub"')]
    assert len(entering) == 9
    assert node_line(dot, "hub").endswith(f" {across}=1.8]")
    assert "height=" not in node_line(dot, "cafes") and "width=" not in node_line(dot, "cafes")
    assert node_line(dot, "q").endswith("peripheries=2]"), "two links: no need to grow"


def test_crowding_follows_the_theme() -> None:
    m = many_into_one_map()
    roomy = dataclasses.replace(DEFAULT, name="roomy", head_spacing=0.3, crowded=10)
    assert "height=" not in node_line(to_dot(m, RenderOptions(theme=roomy)), "hub")
    roomy = dataclasses.replace(roomy, crowded=2)
    assert node_line(to_dot(m, RenderOptions(theme=roomy)), "hub").endswith(" height=2.7]")


def test_a_principle_is_drawn_once_in_each_cluster_that_uses_it() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q1", "First?")
    b.issue("q2", "Second?")
    for name, issue in (("a", "q1"), ("b", "q2"), ("c", "q2"), ("d", "q2")):
        b.claim(name, name.upper() + ".")
        b.supports(name, issue)
    b.principle("value", "A value.")
    b.claim("e", "E.")
    b.supports("value", "a")
    b.supports("value", "b")
    b.supports(["value", "e"], "c")
    b.claim("x", "X.")
    b.supports("x", "a")
    b.supports("x", "d")  # not a principle: one node, a line across the boxes
    m = b.build()
    dot = to_dot(m, RenderOptions(cluster=True, legend=True))
    assert cluster_members(dot, "q2")[:5] == ["q2", "b", "c", "d", "value"]
    assert "value#in#q1" in cluster_members(dot, "q1")
    assert "constraint" not in edge_line(dot, "value#in#q1", "a")
    assert "constraint" not in edge_line(dot, "value", "b")
    assert "constraint" not in edge_line(dot, "value", "value+e--supports--c#junction")
    assert [line for line in edge_lines(dot) if line.startswith('"value') and '-> "a"' in line] == [
        edge_line(dot, "value#in#q1", "a")
    ]
    assert "constraint=false" in edge_line(dot, "x", "a") or "constraint=false" in edge_line(dot, "x", "d")
    assert node_line(dot, "value#in#q1").split(" [", 1)[1] == node_line(dot, "value").split(" [", 1)[1]
    assert "drawn in each debate that uses it" in graph_label(dot)
    plain = to_dot(m, RenderOptions(legend=True))
    assert "#in#" not in plain and "drawn in each debate" not in plain
