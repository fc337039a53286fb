"""`with_findings` names each finding on the diagram: a mark on its elements, a key under the title."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import argmap
import argmap.model
from argmap.checks import check
from argmap.cli import main
from argmap.render import RenderOptions, render, to_dot
from argmap.render.select import select
from argmap.render.themes import DEFAULT, THEMES
from tests.render.test_render_dot import MARKUP, edge_line, edge_lines, html_labels, node_line
from tests.strategies import maps


def misplaced_map() -> argmap.ArgumentMap:
    """A side attacks its own claim (AM302); a claim both supports and attacks another (AM101); strays."""
    b = argmap.MapBuilder("phones", "Phones & <class>")
    b.side("ban", "Ban supporters", stances={"q": "for"})
    b.side("free", "Free-use advocates", stances={"q": "against"})
    b.issue("q", "Schools should ban phones in class.")
    b.claim("distract", "Phones distract pupils.", held_by="ban")
    b.claim("office", "The office can pass on urgent calls.", held_by="ban")
    b.claim("learn", "Phones can be used for learning.", held_by="free")
    b.evidence("stray", "A survey of 400 pupils.", held_by="ban")
    b.claim("calm", "Breaks are calmer.", held_by="ban")
    b.supports("distract", "q")
    b.supports("calm", "q")
    b.attacks("office", "distract", id="misplaced")
    b.supports("learn", "distract", id="s")
    b.attacks("learn", "distract", id="x")
    return b.build()


def marks(line: str) -> list[tuple[str, str]]:
    """The (number, code) of each finding mark on a node's or link's line of DOT."""
    return re.findall(r"⚠(?: |&#160;)<B>(\d+)</B>(?: |&#160;)(AM\d+)", line)


def link_line(dot: str, link: argmap.model.AnyLink) -> str:
    """The line of DOT that draws a one-premise link (told from a parallel link by its mark)."""
    head = f'"{link.premises[0]}" -> "{link.target}" ['
    mark = f"label=<{DEFAULT.links[link.kind].mark}"
    (line,) = [line for line in edge_lines(dot) if line.startswith(head) and mark in line]
    return line


def outline(line: str) -> tuple[str | None, str, str | None, str]:
    """A node's outline as its line of DOT draws it: colour, outlines, width and style."""

    def attr(name: str) -> str | None:
        found = re.search(rf' {name}=("[^"]*"|[^ \]]+)', line.split(">> ", 1)[-1])
        return found.group(1).strip('"') if found else None

    return attr("color"), attr("peripheries") or "1", attr("penwidth"), attr("style") or ""


def key_rows(dot: str) -> list[str]:
    """The rows of the findings key, as plain text."""
    (key,) = re.findall(r"<B>Findings</B>.*?</TABLE>", dot)
    rows = re.findall(
        r"<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"[0-9.]+\">⚠(.*?)</TD></TR>", key
    )
    rows = ["⚠" + row for row in rows]
    return [" ".join(re.sub(r"</?[A-Z]+[^>]*>", " ", row).split()) for row in rows]


def test_every_element_of_a_finding_carries_its_number_and_rule_and_the_key_says_why() -> None:
    m = misplaced_map()
    findings = check(m, min_severity="warning")
    assert [f.code for f in findings] == ["AM302", "AM101", "AM402"]  # guards the test
    dot = to_dot(m, RenderOptions(with_findings=True))
    for number, finding in enumerate(findings, 1):
        for element in finding.elements:
            if element in {n.id for n in m.nodes}:
                line = node_line(dot, element)
            else:
                line = link_line(dot, m.link(element))
            assert (str(number), finding.code) in marks(line), (element, line)
            if element in {n.id for n in m.nodes}:
                assert outline(line)[:2] == (DEFAULT.finding.color, "2"), line  # a second outline, orange
            else:
                assert f"penwidth={DEFAULT.highlight.penwidth:g}" in line  # a thick line
    # an element of no finding carries no mark
    assert marks(node_line(dot, "calm")) == [] and marks(edge_line(dot, "calm", "q")) == []
    rows = key_rows(dot)
    assert len(rows) == len(findings)
    for number, (row, finding) in enumerate(zip(rows, findings, strict=True), 1):
        words = row.replace("&#39;", "'")
        assert words.startswith(f"⚠ {number}")
        assert f"{finding.code} {finding.name} ({finding.severity}):" in words
        assert " ".join(finding.message.split()) in words
    # the first finding explains others, which `argmap check` lists under it: the key names them
    assert findings[0].related and all(r.code in rows[0] for r in findings[0].related)


def test_one_misplaced_attack_is_named_on_both_its_ends_and_its_line() -> None:
    b = argmap.MapBuilder("m", "T")
    b.side("ban", "Ban", stances={"q": "for"})
    b.issue("q", "Q.")
    b.claim("a", "A.", held_by="ban")
    b.claim("o", "O.", held_by="ban")
    b.supports("a", "q")
    b.attacks("o", "a", id="x")
    dot = to_dot(b.build(), RenderOptions(with_findings=True))
    assert marks(node_line(dot, "o")) == marks(node_line(dot, "a")) == [("1", "AM302")]
    assert marks(edge_line(dot, "o", "a")) == [("1", "AM302")]
    assert [row.split(":")[0] for row in key_rows(dot)] == ["⚠ 1 AM302 side-incoherence (warning)"]


def test_findings_on_elements_not_drawn_are_left_out_and_numbers_follow_what_is_drawn() -> None:
    m = misplaced_map()
    dot = to_dot(m, RenderOptions(with_findings=True, focus="stray", depth=0))
    assert [row.split(":")[0] for row in key_rows(dot)] == ["⚠ 1 AM402 unconnected (warning)"]
    assert marks(node_line(dot, "stray")) == [("1", "AM402")]
    nothing = to_dot(m, RenderOptions(with_findings=True, focus="calm", depth=0))
    assert "<B>Findings</B>: none in this view (3 outside it)" in nothing


def test_a_map_without_findings_says_so_and_without_the_option_nothing_is_named() -> None:
    phones = argmap.load_corpus("school-phones")
    assert "<B>Findings</B>: none (no error or warning of argmap check)" in to_dot(
        phones, RenderOptions(with_findings=True)
    )
    assert "⚠" not in to_dot(misplaced_map()) and "Findings" not in to_dot(misplaced_map())


def test_the_key_sits_under_the_title_and_legend_and_escapes_what_it_quotes() -> None:
    m = misplaced_map()
    dot = to_dot(m, RenderOptions(with_findings=True, legend=True))
    (graph_label,) = [label for label in html_labels(dot) if "Findings" in label and "Legend" in label]
    assert graph_label.index("Phones &amp; &lt;class&gt;") < graph_label.index("Legend")
    assert graph_label.index("Legend") < graph_label.index("Findings")
    alone = to_dot(m, RenderOptions(with_findings=True, title=False))
    assert "Findings" in alone and "Phones &amp;" not in alone


@given(maps())
def test_findings_are_deterministic_and_well_formed_on_any_map(m: argmap.ArgumentMap) -> None:
    options = RenderOptions(with_findings=True, legend=True, cluster=True, labels="both")
    dot = to_dot(m, options)
    assert dot == to_dot(m, options)
    for label in html_labels(dot):
        assert set(re.findall(r"</?\s*([A-Za-z]+)", label)) <= MARKUP


@pytest.mark.needs_engine
def test_a_diagram_with_findings_lays_out() -> None:
    svg = render(misplaced_map(), "svg", RenderOptions(with_findings=True, legend=True))
    assert b">AM302<" in svg and b"side&#45;incoherence (warning)" in svg


def test_a_mark_is_one_unbreakable_word_and_the_key_counts_what_the_view_leaves_out() -> None:
    b = argmap.MapBuilder("m", "T")
    for name in ("q", "a", "b", "c", "d"):
        b.claim(name, name.upper() + ".")
    b.supports("a", "q", id="s1")
    b.attacks("a", "q", id="x1")  # AM101 on a and q
    b.supports("c", "d", id="s2")
    b.attacks("c", "d", id="x2")  # AM101 on c and d, outside a view around a
    dot = to_dot(b.build(), RenderOptions(with_findings=True, focus="a", depth=1, wrap=4))
    assert "<B>Findings</B> in this view (1 more outside it)" in dot
    for line in dot.splitlines():
        if "⚠" in line and "Findings" not in line:
            assert re.search(r"⚠ <B>|</B> AM", line) is None, line  # joined by no-break spaces only


def test_findings_can_be_narrowed_to_some_rules_which_turns_them_on(tmp_path: Any) -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q", "Q?")
    for name in ("a", "lone"):
        b.claim(name, name.upper() + ".")
    b.supports("a", "q", id="s1")
    b.attacks("a", "q", id="x1")  # AM101
    m = b.build()  # 'lone' is unconnected: AM402
    every = key_rows(to_dot(m, RenderOptions(with_findings=True)))
    assert {row.split()[2] for row in every} == {"AM101", "AM402"}
    narrowed = RenderOptions(findings="AM4")
    assert narrowed.with_findings and narrowed.findings == ("AM4",)
    assert {row.split()[2] for row in key_rows(to_dot(m, narrowed))} == {"AM402"}
    with pytest.raises(argmap.UnknownElementError, match="AM9"):
        to_dot(m, RenderOptions(findings=["AM9"]))
    path = tmp_path / "m.yaml"
    argmap.dump(m, path)
    out = tmp_path / "m.dot"
    assert main(["render", str(path), "--finding", "AM101", "-o", str(out)]) == 0
    assert {row.split()[2] for row in key_rows(out.read_text(encoding="utf-8"))} == {"AM101"}


def test_a_marked_node_shows_its_id_which_the_key_names_it_by() -> None:
    dot = to_dot(misplaced_map(), RenderOptions(with_findings=True))
    for node_id in ("office", "distract", "stray"):
        assert f"<I>{node_id}:</I>" in node_line(dot, node_id)
    assert "<I>calm:</I>" not in node_line(dot, "calm")  # no finding, no id


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("status", ["accepted", "rejected", "undecided", None])
def test_a_node_a_finding_names_is_told_from_one_it_does_not_whatever_its_evaluation(
    theme: str, status: str | None
) -> None:
    """The finding's outline differs from every evaluation's, and the evaluation still shows under it.

    Before, a finding's thick black outline and an accepted node's bold one looked alike.
    """
    m = misplaced_map()  # office is named by finding 1 (AM302); calm by none
    evaluation = {node: status for node in ("office", "calm") if status is not None}
    dot = to_dot(m, RenderOptions(with_findings=True, evaluation=evaluation, theme=theme))
    named, plain = outline(node_line(dot, "office")), outline(node_line(dot, "calm"))
    assert named != plain
    own = THEMES[theme].nodes["claim"]
    assert named[1] == str(own.peripheries + 1) and plain[1] == str(own.peripheries)  # one more outline
    alone = outline(node_line(to_dot(m, RenderOptions(evaluation=evaluation, theme=theme)), "office"))
    if status is not None:
        decoration = THEMES[theme].evaluation[status]  # what the evaluation draws stays drawn
        assert [s for s in decoration.style if s not in named[3]] == []
        if decoration.penwidth:
            assert float(named[2] or 0) >= decoration.penwidth
    assert alone == plain  # without findings, the two nodes are drawn alike


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_legend_and_the_key_say_how_a_finding_is_drawn(theme: str) -> None:
    m = misplaced_map()
    dot = to_dot(
        m, RenderOptions(with_findings=True, legend=True, theme=theme, evaluation={"calm": "accepted"})
    )
    words = THEMES[theme].finding_words
    (label,) = [
        html.unescape(re.sub(r"<[^>]*>", "", label)) for label in html_labels(dot) if "Legend" in label
    ]
    assert f"{words}, thick line: a finding's (⚠ n)" in label
    assert "bold outline: accepted" in label
    assert "highlighted" not in label  # findings are not the highlight of RenderOptions.highlight
    assert f"each marked ⚠ n on the elements it names, drawn with a {words} or a thick line" in label
    without = to_dot(misplaced_map(), RenderOptions(legend=True, theme=theme))
    assert words not in without and "a finding" not in without
    none = to_dot(
        argmap.load_corpus("school-phones"), RenderOptions(with_findings=True, legend=True, theme=theme)
    )
    assert words not in none  # nothing named, nothing to explain


@pytest.mark.needs_engine
def test_a_finding_on_every_node_kind_lays_out_with_its_second_outline() -> None:
    b = argmap.MapBuilder("m", "T")
    b.issue("q", "Q?")
    b.counterclaim("c", "C.")
    b.principle("p", "P.")
    b.evidence("e", "E.")
    for node in ("c", "p", "e"):
        b.supports(node, "q", id=f"s-{node}")
        b.attacks(node, "q", id=f"x-{node}")  # AM101 on each node and on q
    svg = render(b.build(), "svg", RenderOptions(with_findings=True)).decode("utf-8")
    for node in ("q", "c", "p", "e"):
        (group,) = re.findall(rf"<title>{node}</title>(.*?)</g>", svg, flags=re.DOTALL)
        outlines = re.findall(r'<(?:path|polygon)[^>]*stroke="#e69f00"', group)
        assert len(outlines) >= 2, (node, group)  # drawn twice, in the finding's colour


def two_sides_map() -> argmap.ArgumentMap:
    """Each side argues on q; a claim of 'free' both supports and attacks it (AM101, which names q)."""
    b = argmap.MapBuilder("phones", "Phones")
    b.side("ban", "Ban supporters", stances={"q": "for"})
    b.side("free", "Free-use advocates", stances={"q": "against"})
    b.issue("q", "Schools should ban phones in class.")
    b.claim("distract", "Phones distract pupils.", held_by="ban")
    b.claim("office", "The office can pass on urgent calls.", held_by="ban")
    b.claim("learn", "Phones can be used for learning.", held_by="free")
    b.supports("distract", "q")
    b.supports("learn", "q", id="s")
    b.attacks("learn", "q", id="x")
    b.attacks("office", "distract", id="misplaced")  # AM302, ban's own
    return b.build()


def test_a_side_view_counts_a_finding_on_its_issue_but_about_another_side_as_outside_it() -> None:
    m = two_sides_map()
    assert sorted((f.code, f.elements) for f in check(m, min_severity="warning")) == [
        ("AM101", ("learn", "s", "x", "q")),
        ("AM302", ("office", "misplaced", "distract")),
    ]  # guards the test
    dot = to_dot(m, RenderOptions(with_findings=True, sides=["ban"]))
    assert "learn" not in {n.id for n in select(m, RenderOptions(sides=["ban"])).nodes}
    # the issue is drawn for ban's sake: free's finding on it is not marked there, nor keyed
    assert marks(node_line(dot, "q")) == []
    assert outline(node_line(dot, "q"))[0] != DEFAULT.finding.color
    assert [row.split(":")[0] for row in key_rows(dot)] == ["⚠ 1 AM302 side-incoherence (warning)"]
    assert "<B>Findings</B> in this view (1 more outside it, 1 of them partly in view)" in dot
    # free's own view draws every element of its finding, so it is there
    free = to_dot(m, RenderOptions(with_findings=True, sides=["free"]))
    assert marks(node_line(free, "q")) == marks(node_line(free, "learn")) == [("1", "AM101")]
    assert "<B>Findings</B> in this view (1 more outside it)" in free


@given(maps(), st.data())
def test_a_finding_is_keyed_and_marked_only_when_all_it_names_is_drawn(
    m: argmap.ArgumentMap, data: st.DataObject
) -> None:
    assume(m.nodes)
    focus = data.draw(st.sampled_from([n.id for n in m.nodes]))
    options = RenderOptions(with_findings=True, focus=focus, depth=data.draw(st.integers(0, 2)))
    findings = check(m, min_severity="warning")
    chosen = select(m, options)
    drawn = {n.id for n in chosen.nodes} | {str(link.id) for link in chosen.links}
    inside = [f for f in findings if set(f.elements) <= drawn]
    partly = [f for f in findings if f not in inside and drawn & set(f.elements)]
    dot = to_dot(m, options)
    assert [row.split()[2] for row in key_rows(dot)] == [f.code for f in inside]
    named = {e for f in inside for e in f.elements}
    for node in chosen.nodes:
        assert bool(marks(node_line(dot, node.id))) == (node.id in named)
    outside = len(findings) - len(inside)
    if outside and partly:
        assert f"{outside} more outside it, {len(partly)} of them partly in view" in dot or (
            f"none in this view ({outside} outside it, {len(partly)} of them partly in view)" in dot
        )


def test_a_rule_asked_for_by_name_is_drawn_whatever_its_severity() -> None:
    # AM502 is a note for teachers (info): left out of a diagram of every finding, drawn when asked for
    from argmap.render.findings import findings_of

    m = argmap.load_corpus("allied-space-cooperation")
    assert [f.code for f in findings_of(m, ["AM502"])] == ["AM502", "AM502"]
    assert all(f.severity != "info" for f in findings_of(m))
    dot = argmap.render.to_dot(m, argmap.render.RenderOptions(findings=["AM502"]))
    assert "AM502" in dot and "none (no error or warning" not in dot
