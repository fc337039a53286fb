"""The one layout both worksheet writers follow."""

from __future__ import annotations

import pytest

import argmap
from argmap.exercises import KINDS, generate
from argmap.exercises.html import worksheet_html
from argmap.exercises.layout import layout
from argmap.exercises.markdown import worksheet_markdown
from argmap.exercises.model import Choice, Diagram, Exercise, Item, Part


@pytest.fixture(scope="module")
def every_kind() -> argmap.exercises.Exercise:
    return generate(argmap.load_corpus("school-phones"), sorted(KINDS), seed=1, difficulty=2)


@pytest.mark.parametrize("by_item", [True, False])
def test_every_diagram_is_placed_once_and_before_its_first_item(
    every_kind: argmap.exercises.Exercise, by_item: bool
) -> None:
    for placed in layout(every_kind, diagrams_by_item=by_item).parts:
        order = [d.id for d in placed.diagrams]
        for item in placed.items:
            order += [d.id for d in item.diagrams]
            if item.item.diagram is not None:
                assert item.item.diagram in order, (placed.part.kind, item.item.id)
        assert sorted(order) == sorted(d.id for d in placed.part.diagrams)
        if not by_item:
            assert all(not item.diagrams for item in placed.items)


def test_only_the_key_marks_right_choices(every_kind: argmap.exercises.Exercise) -> None:
    sheet, key = layout(every_kind), layout(every_kind, key=True)
    assert sheet.made_from is None and key.made_from is not None and "seed 1" in key.made_from
    for blank, keyed in zip(sheet.parts, key.parts, strict=True):
        for a, b in zip(blank.items, keyed.items, strict=True):
            assert a.right == frozenset()
            assert b.right == frozenset(b.item.key)
            assert a.choices == b.choices


def test_a_part_sharing_its_choices_lists_them_once(every_kind: argmap.exercises.Exercise) -> None:
    sheet = layout(every_kind)
    by_kind = {p.part.kind: p for p in sheet.parts}
    sides = by_kind["sort-by-side"]
    assert sides.shared and sides.shared_choices is not None
    assert all(item.choices == () for item in sides.items)
    # locate's choices are its numbered sentences, listed once already
    assert by_kind["locate"].shared and by_kind["locate"].shared_choices is None
    # reconstruct's nodes are the statements under its diagram, or under the earlier one that lists them all
    for item in by_kind["reconstruct"].items:
        assert item.item.diagram is not None
        assert item.listed_under == sheet.same_statements.get(item.item.diagram, item.item.diagram)
        drawings = {d.id: d for d in sheet.diagrams()}
        listed = set(drawings[item.listed_under].statements)
        assert listed >= set(drawings[item.item.diagram].statements)
        assert item.listed_under not in sheet.same_statements


def test_a_statement_list_is_printed_once_and_later_figures_point_to_it() -> None:
    said = {tag: Choice(id=tag, text=f"Statement {tag}.") for tag in "ABCD"}

    def drawing(name: str, tags: str) -> Diagram:
        return Diagram(
            id=name, caption="", dot=f"digraph {{ {tags} }}", statements=tuple(said[t] for t in tags)
        )

    parts = [
        Part(kind="sort-by-side", title="One", instructions="", diagrams=(drawing("1", "ABC"),)),
        Part(
            kind="label-links",
            title="Two",
            instructions="",
            diagrams=(drawing("2", "AB"), drawing("3", "AD")),
        ),
    ]
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=parts)
    sheet = layout(ex)
    # Figure 2's statements are all under Figure 1; Figure 3 has one of its own (D).
    assert dict(sheet.same_statements) == {"2": "1"}
    page = worksheet_html(ex, svg=lambda dot: '<svg width="10pt" height="5pt"></svg>')
    assert page.count("Statement A.") == 2 and page.count("Statement B.") == 1
    assert "The statements are those listed under Figure 1." in page
    markdown = worksheet_markdown(ex)
    assert markdown.count("Statement B.") == 1 and "listed under Figure 1." in markdown


def _gap_part(offered: list[str], *, figure: str = "2") -> Part:
    """A fill-gap part whose items offer the given letters (each a statement ``Text X.``)."""
    items = [
        Item(
            id=str(n),
            prompt=f"Gap {n}?",
            choices=tuple(Choice(id=t, text=f"Text {t}.") for t in letters),
            key=(letters[0],),
            diagram=figure,
        )
        for n, letters in enumerate(offered, start=1)
    ]
    return Part(
        kind="fill-gap",
        title="Gaps",
        instructions="",
        diagrams=(Diagram(id=figure, caption="", dot="digraph {}"),),
        items=tuple(items),
    )


def test_overlapping_lettered_choices_are_pooled_and_each_item_names_its_letters() -> None:
    part = _gap_part(["ABC", "BCD", "ACD"])
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
    (placed,) = layout(ex, key=True).parts
    assert placed.pooled_choices is not None and [c.id for c in placed.pooled_choices] == list("ABCD")
    assert placed.pooled_under is None
    assert [item.offered for item in placed.items] == [("A", "B", "C"), ("B", "C", "D"), ("A", "C", "D")]
    assert all(item.choices == () for item in placed.items)
    page = worksheet_html(ex, svg=lambda dot: '<svg width="10pt" height="5pt"></svg>')
    assert page.count("Text D.") == 1 and page.count("Choose from:") == 3
    markdown = worksheet_markdown(ex)
    assert markdown.count("Text D.") == 1 and "Choose from: **B**, **C**, **D**" in markdown
    # the key marks the right letter among those offered
    assert "Choose from: **A** ✓, **B**, **C**" in worksheet_markdown(ex, key=True)


def test_choices_that_barely_overlap_stay_with_their_items() -> None:
    part = _gap_part(["ABC", "CDE", "EFG"])
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
    (placed,) = layout(ex).parts
    assert placed.pooled_choices is None and all(item.offered == () for item in placed.items)
    assert [len(item.choices) for item in placed.items] == [3, 3, 3]


def test_a_pool_of_statements_listed_earlier_points_to_their_figure() -> None:
    said = tuple(Choice(id=t, text=f"Text {t}.") for t in "ABCD")
    first = Part(
        kind="sort-by-side",
        title="One",
        instructions="",
        diagrams=(Diagram(id="1", caption="", dot="digraph {}", statements=said),),
    )
    ex = Exercise(
        title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[first, _gap_part(["ABC", "BCD"])]
    )
    assert [p.pooled_under for p in layout(ex).parts] == [None, "1"]
    page = worksheet_html(ex, svg=lambda dot: '<svg width="10pt" height="5pt"></svg>')
    assert page.count("Text D.") == 1
    assert "The choices are statements listed under Figure 1" in page


def test_a_narrow_figure_prints_its_notes_and_its_item_beside_it() -> None:
    drawings = tuple(
        Diagram(
            id=name,
            caption="",
            dot=f"digraph {{ {name} }}",
            statements=(Choice(id=name, text=f"Said {name}."),),
        )
        for name in ("1", "2")
    )
    items = [
        Item(id=name, prompt=f"Flaw {name}?", choices=(Choice(id="L1", text="x"),), key=("L1",), diagram=name)
        for name in ("1", "2")
    ]
    part = Part(kind="find-flaw", title="F", instructions="", diagrams=drawings, items=tuple(items))
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])
    narrow = worksheet_html(ex, svg=lambda dot: '<svg width="200pt" height="300pt"></svg>', paper="a4")
    wide = worksheet_html(ex, svg=lambda dot: '<svg width="500pt" height="300pt"></svg>', paper="a4")
    assert '<div class="beside">' not in wide
    assert narrow.count('<div class="beside">') == 2
    # Figure 1 opens the part, its statements beside it; Figure 2 is item 2's own: the item stands beside it
    first, second = narrow.split('<div class="beside">')[1:]
    assert "Said 1." in first and "Flaw 1?" not in first.split("</div></div>")[0]
    assert second.index("Said 2.") < second.index("Flaw 2?") < second.index("</section>\n</div></div>")


def _debate(*marks: str) -> str:
    """The DOT of a two-link debate, each link's mark given (a link tag, or nothing)."""
    edges = [
        f'  "{a}" -> "Q" [color="#555555" arrowhead="normal"{f" label=<{mark}>" if mark else ""}]\n'
        for a, mark in zip("AB", marks, strict=True)
    ]
    return 'digraph "m" {\n  "A" [label="A"]\n  "B" [label="B"]\n  "Q" [label="Q"]\n' + "".join(edges) + "}\n"


def test_a_figure_drawn_before_is_pointed_to_and_the_first_prints_the_link_tags() -> None:
    plain, tagged, other_tags = _debate("", ""), _debate("<B>L1</B>", "<B>L2</B>"), _debate("<B>L2</B>", "")
    drawings = [
        ("1", "The debate, sides hidden", plain),
        ("2", "The debate, links tagged", tagged),
        ("3", "The debate, principles left out", plain),
        ("4", "Another tagging", other_tags),
        ("5", "Yet another debate", plain.replace('"B" -> "Q"', '"Q" -> "B"')),
    ]
    parts = [
        Part(kind="sort-by-side", title=f"P{n}", instructions="", diagrams=(Diagram(id=n, caption=c, dot=d),))
        for n, c, d in drawings
    ]
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=parts)
    sheet = layout(ex)
    # 2 and 3 are Figure 1 again (1 takes 2's tags); 4 tags the links otherwise, 5 is another drawing
    assert dict(sheet.same_drawing) == {"2": "1", "3": "1"}
    assert [d.dot for d in sheet.diagrams()][0] == tagged
    drawn: list[str] = []

    def svg(dot: str) -> str:
        drawn.append(dot)
        return '<svg width="10pt" height="5pt"></svg>'

    page = worksheet_html(ex, svg=svg)
    assert drawn == [tagged, other_tags, drawings[4][2]]
    assert (
        '<p class="same-drawing">Figure 2: The debate, links tagged, is the same drawing as Figure 1.</p>'
        in page
    )
    assert page.count("<figcaption>") == 3
    markdown = worksheet_markdown(ex)
    assert "**Figure 3: The debate, principles left out** is the same drawing as Figure 1." in markdown
    assert markdown.count("```dot") == 3 and markdown.count("<B>L1</B>") == 1


def test_a_debate_with_joint_reasons_is_drawn_once_though_its_junctions_are_named_by_each_part() -> None:
    # school-phones' 'ban' issue has linked premises: sort-by-side names the junction after the link,
    # label-links after its tag; the two figures are still one drawing
    ex = generate(
        argmap.load_corpus("school-phones"), ["sort-by-side", "label-links"], seed=2, issues=["ban"]
    )
    # ('ban' prints too small whole: each part draws it in parts, one figure per run of its reasons)
    sorting, labelling = ex.parts
    pairs = [
        (later.id, first.id)
        for later in labelling.diagrams
        for first in sorting.diagrams
        if "#junction" in first.dot and set(first.statements) == set(later.statements)
    ]
    assert pairs and all(dict(pairs)[b] for b, _ in pairs)  # guards the test
    assert all(first.dot != later.dot for first in sorting.diagrams for later in labelling.diagrams)
    assert dict(layout(ex).same_drawing) == dict(pairs)
