"""A worksheet of a whole map on paper: one figure per issue when the debate drawn whole prints too small.

allied-space-cooperation drawn whole is over 2,800 pt wide: on a page its
text would print under 2 pt. Its sort-by-side, label-links and
match-principles parts draw instead one figure per issue asked about; a
figure that still prints under 8 pt makes ``argmap exercise`` say so on
stderr.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.exercises import generate
from argmap.exercises.figures import issue_groups, link_nodes
from argmap.exercises.html import small_figures, worksheet_html
from argmap.exercises.layout import LEGIBLE_PT, PAPERS, Paper
from argmap.graph import issue_nodes

ALLIED = "allied-space-cooperation"
WHOLE_MAP_KINDS = ("sort-by-side", "label-links", "match-principles")

# An embedded figure: its natural size (viewBox), its printed width (style), and its text sizes.
_FIGURE = re.compile(
    r'<svg role="img"[^>]*viewBox="[0-9.]+ [0-9.]+ ([0-9.]+) [0-9.]+"[^>]*'
    r'style="width: ([0-9.]+)pt">(.*?)</svg>',
    re.DOTALL,
)


def printed_sizes(page: str) -> list[float]:
    """The printed size of each embedded figure's smallest text, read from the page as a browser sizes it."""
    sizes = []
    for natural, printed, body in _FIGURE.findall(page):
        fonts = [float(f) for f in re.findall(r'font-size="([0-9.]+)"', body)]
        page_width = PAPERS["a4"].content_pt[0]
        # The CSS max-width: 100% caps the printed width at the page's
        shown = min(float(printed), page_width)
        sizes.append(min(fonts) * shown / float(natural))
    return sizes


@pytest.mark.needs_engine
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("kind", WHOLE_MAP_KINDS)
def test_a_whole_map_worksheet_prints_every_figure_readably(kind: str, difficulty: int, paper: Paper) -> None:
    ex = generate(argmap.load_corpus(ALLIED), kind, seed=1, difficulty=difficulty)
    page = worksheet_html(ex, paper=paper)
    sizes = printed_sizes(page)
    if kind == "match-principles" and difficulty == 3:
        assert sizes == []  # hard match-principles draws no diagram
        return
    assert len(sizes) > 1  # split: the whole debate would print at under 2 pt
    assert min(sizes) >= LEGIBLE_PT, sizes
    assert small_figures(ex, paper=paper) == []


@pytest.mark.parametrize("kind", WHOLE_MAP_KINDS[:2])
def test_each_item_is_asked_under_a_figure_that_draws_it(kind: str) -> None:
    m = argmap.load_corpus(ALLIED)
    ex = generate(m, kind, seed=2, difficulty=2)
    (part,) = ex.parts
    statements = {d.id: {c.id for c in d.statements} for d in part.diagrams}
    figures = [item.diagram for item in part.items]
    # The items follow their figures' order, so that each figure prints before its items.
    assert figures == sorted(figures, key=int) and len(set(figures)) == len(part.diagrams) > 1
    for item in part.items:
        assert item.diagram is not None
        drawn = statements[item.diagram]
        # The letters the prompt names (a node, or a link's ends) are all in its figure.
        named = set(re.findall(r"\b([A-Z]{1,2})\b(?= \(|:)", item.prompt))
        assert named and named <= drawn, (item.prompt, item.diagram)
        if kind == "label-links":
            tag = item.prompt.split()[1]
            dot = next(d.dot for d in part.diagrams if d.id == item.diagram)
            assert f"<B>{tag}</B>" in dot


def test_issue_groups_put_each_item_in_an_issue_it_bears_on() -> None:
    m = argmap.load_corpus(ALLIED)
    asked = [link_nodes(m, str(link.id)) for link in m.links]
    groups, of_item = issue_groups(m, asked)
    assert len(of_item) == len(asked)
    for nodes, index in zip(asked, of_item, strict=True):
        issues, members = groups[index]
        assert set(nodes) <= members
        # a figure draws its issues' nodes, and no more than the nodes it must
        bearing = set().union(*(issue_nodes(m, i) for i in issues))
        assert members <= bearing | set().union(*asked)
    # in the map's order of issues, each figure named once
    order = [n.id for n in m.issues]
    firsts = [order.index(issues[0]) for issues, _ in groups if issues]
    assert firsts == sorted(firsts) and len({issues for issues, _ in groups}) == len(groups)


@pytest.mark.needs_engine
def test_a_sheet_with_a_figure_too_small_to_read_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # school-phones' "ban", label-links hard: a run of its reasons still too wide for 8 pt
    sheet = tmp_path / "sheet.html"
    argv = ["exercise", "school-phones", "--kind", "label-links", "--difficulty", "3", "--seed", "1"]
    assert main([*argv, "-o", str(sheet), "--paper", "a4"]) == 0
    err = capsys.readouterr().err
    assert "argmap exercise: warning: Figure 1 (The debate on " in err
    assert "under the 8 pt a page needs" in err and "larger paper" in err
    # what it says is what the page prints, figure by figure
    sizes = printed_sizes(sheet.read_text(encoding="utf-8"))
    small = [size for size in sizes if size < LEGIBLE_PT]
    assert small and err.count("warning:") == len(small)
    assert all(f"at {size:.1f} pt on a4" in err for size in small)
    # a Markdown sheet has no paper: nothing to warn about
    assert main([*argv, "-o", str(tmp_path / "sheet.md")]) == 0
    assert "warning" not in capsys.readouterr().err


@pytest.mark.needs_engine
@pytest.mark.parametrize("kind", WHOLE_MAP_KINDS)
def test_an_issue_of_many_reasons_side_by_side_is_drawn_in_readable_parts(kind: str) -> None:
    # school-phones' "ban" drawn whole printed at 2.5 pt: now a run of its reasons per figure
    m = argmap.load_corpus("school-phones")
    ex = generate(m, kind, seed=1, difficulty=2, issues=["ban"])
    (part,) = ex.parts
    assert len(part.diagrams) > 1
    assert all(", part " in d.caption for d in part.diagrams)
    sizes = printed_sizes(worksheet_html(ex, paper="a4"))
    assert min(sizes) >= LEGIBLE_PT, sizes


@pytest.mark.needs_engine
def test_a_whole_map_sheet_that_reads_prints_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["exercise", ALLIED, "--kind", "sort-by-side", "--kind", "label-links", "--seed", "1"]
    assert main([*argv, "-o", str(tmp_path / "sheet.html"), "--key", str(tmp_path / "key.html")]) == 0
    assert "warning" not in capsys.readouterr().err
