"""The printable HTML worksheet and answer key (argmap.exercises.html)."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

import argmap
from argmap.builder import MapBuilder
from argmap.errors import ArgmapError, ExerciseError
from argmap.exercises import KINDS, generate
from argmap.exercises.common import diagram
from argmap.exercises.html import svg_for_page, worksheet_html
from argmap.exercises.layout import FIGURE_SHARE, PAPERS, Paper
from argmap.exercises.model import Choice, Diagram, Exercise, Item, LinkAnswer, Part, Sentence
from argmap.render import available_engines

NASTY = "<script>alert('x')</script> & ~=#{}:\\ “ünïcødé” %50% -> [html]"

needs_engine = pytest.mark.skipif(not available_engines(), reason="no Graphviz layout engine")


def handmade(text: str = NASTY) -> Exercise:
    """An exercise of every answer type, its texts full of ``text``, one diagram drawn from a small map."""
    b = MapBuilder("uniforms", "School uniforms")
    b.side("pro", "Pro side", stances={"q": "for"})
    b.side("con", "Con side", stances={"q": "against"})
    b.issue("q", "Should schools require uniforms?")
    b.claim("c1", f"Uniforms reduce bullying {text}", held_by="pro")
    b.claim("c2", "Uniforms cost families money.", held_by="con")
    b.supports("c1", "q")
    b.attacks("c2", "q")
    m = b.build()
    tags = {"q": "A", "c1": "B", "c2": "C"}
    drawing = diagram(m, "d1", f"The debate {text}", node_tags=tags, hide_sides=True)
    sides = (Choice(id="A", text=f"Pro side {text}"), Choice(id="B", text="Con side"))
    sort = Part(
        kind="sort-by-side",
        title=f"Sort by side {text}",
        instructions=f"Write the letter of the side {text}",
        diagrams=(drawing,),
        items=(
            Item(
                id="1",
                prompt=f"Who holds B {text}?",
                choices=sides,
                key=("A",),
                explanation=f"B is held by Pro {text} EXPLAIN-1",
                diagram="d1",
            ),
            Item(
                id="2",
                prompt="Who holds C?",
                choices=sides,
                key=("B",),
                explanation="C is held by Con EXPLAIN-2",
                diagram="d1",
            ),
            Item(id="3", prompt="Who holds A?", choices=sides, key=("A",), points=2, explanation="EXPLAIN-3"),
        ),
    )
    stances = (
        Choice(id="supports", text="supports"),
        Choice(id="attacks", text=f"attacks {text}"),
        Choice(id="undercuts", text="undercuts"),
    )
    label = Part(
        kind="label-links",
        title="Label the links",
        instructions="Say what each link does.",
        items=(
            Item(
                id="4",
                prompt=f"L1 from B to A is a {text}",
                choices=stances[:2],
                key=("supports",),
                explanation="EXPLAIN-4",
            ),
            Item(
                id="5",
                prompt="L2 from C to A is a",
                choices=stances,
                key=("attacks", "undercuts"),
                explanation="EXPLAIN-5",
            ),
        ),
    )
    links = (Choice(id="L1", text="B to A"), Choice(id="L2", text="C to A"), Choice(id="L3", text="C to B"))
    flaw = Part(
        kind="find-flaw",
        title="Find the flaws",
        instructions="Name every link drawn wrong.",
        items=(
            Item(
                id="6",
                prompt="Which links are wrong?",
                answer_type="choices",
                choices=links,
                key=("L1", "L3"),
                explanation="EXPLAIN-6",
            ),
        ),
    )
    nodes = (
        Choice(id="A", text="the issue"),
        Choice(id="B", text=f"bullying {text}"),
        Choice(id="C", text="cost"),
    )
    rebuild = Part(
        kind="reconstruct",
        title="Draw the links",
        instructions="List the links between the nodes.",
        items=(
            Item(
                id="7",
                prompt="Which links are there?",
                answer_type="links",
                choices=nodes,
                key_links=(
                    LinkAnswer(source="B", kind="supports", target="A"),
                    LinkAnswer(source="C", kind="attacks", target="A"),
                ),
                explanation="EXPLAIN-7",
            ),
        ),
    )
    sentences = (
        Sentence(id="S1", text=f"Uniforms help {text}", source="s", start=0, end=10),
        Sentence(id="S2", text="They cost a lot.", source="s", start=11, end=27),
    )
    locate = Part(
        kind="locate",
        title="Find it in the text",
        instructions="Which sentence says it?",
        sentences=sentences,
        items=(
            Item(
                id="8",
                prompt="Where is the cost claim?",
                choices=(Choice(id="S1", text="S1"), Choice(id="S2", text="S2")),
                key=("S2",),
                explanation="EXPLAIN-8",
            ),
        ),
    )
    return Exercise(
        title=f"Uniforms {text}",
        map_id="uniforms",
        map_title="School uniforms",
        seed=4,
        difficulty=2,
        parts=(sort, label, flaw, rebuild, locate),
    )


def fake_svg(dot: str) -> str:
    """A stand-in layout engine: a tiny SVG with a prolog, doctype and comment, like Graphviz's."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        "<!-- Generated by a fake -->\n"
        f'<svg width="200pt" height="100pt" xmlns="http://www.w3.org/2000/svg"><g id="graph0">'
        f"<text>{len(dot)}</text></g></svg>\n"
    )


class Balance(HTMLParser):
    """Checks that tags are balanced (void elements aside) and collects every src/href."""

    VOID = frozenset({"meta", "br", "img", "hr", "input", "link", "path", "polygon", "ellipse", "polyline"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.refs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs.extend(value or "" for name, value in attrs if name in ("src", "href", "xlink:href"))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs.extend(value or "" for name, value in attrs if name in ("src", "href", "xlink:href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] not in ("style", "script"):
            self.text.append(data)


def parse(page: str) -> Balance:
    parser = Balance()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("key", [False, True])
def test_the_page_is_deterministic_balanced_and_self_contained(key: bool) -> None:
    ex = handmade()
    page = worksheet_html(ex, key=key, svg=fake_svg)
    assert page == worksheet_html(handmade(), key=key, svg=fake_svg)
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    assert all(not re.match(r"\s*(https?:)?//", ref) for ref in parsed.refs)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page


@pytest.mark.parametrize("key", [False, True])
def test_user_text_is_escaped(key: bool) -> None:
    page = worksheet_html(handmade(), key=key, svg=fake_svg)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; ~=#{}:\\" in page
    # The reader sees the text exactly as written.
    assert NASTY in "".join(parse(page).text)


def test_every_item_choice_sentence_and_diagram_is_on_the_worksheet() -> None:
    ex = handmade("plain")
    page = worksheet_html(ex, svg=fake_svg)
    shown = "".join(parse(page).text)
    for part in ex.parts:
        assert part.title in shown and part.instructions in shown
        for item in part.items:
            assert f'id="item-{item.id}"' in page and item.prompt in shown
            for choice in item.choices:
                assert choice.id in shown and choice.text in shown
        for sentence in part.sentences:
            assert sentence.text in shown
        for d in part.diagrams:
            assert f"Figure {d.id}: {d.caption}" in shown
    assert "Name:" in shown and "Date:" in shown


def test_the_worksheet_gives_nothing_away_and_the_key_has_it_all() -> None:
    ex = handmade("plain")
    sheet = worksheet_html(ex, svg=fake_svg)
    key = worksheet_html(ex, key=True, svg=fake_svg)
    assert "answer key" not in sheet.lower()
    assert "EXPLAIN" not in sheet and "✓" not in sheet
    assert "ANSWER KEY" in key and "<title>Answer key: " in key
    shown = "".join(parse(key).text)
    for item in ex.items:
        assert item.explanation in shown
        if item.answer_type == "links":
            for link in item.key_links:
                assert f"<td>{link.source}</td><td>{link.kind}</td><td>{link.target}</td>" in key
        else:
            shape, joiner = ("box", " or ") if item.answer_type == "choice" else ("line", ", ")
            assert f'class="{shape}">{joiner.join(item.key)}</span>' in key
    assert f"Total: {ex.total_points} points" in shown
    assert "(2 points)" in shown and "(1 point)" in shown


def test_answer_spaces_fit_the_answer_type() -> None:
    page = worksheet_html(handmade("plain"), svg=fake_svg)

    def item(n: str) -> str:
        return page.split(f'id="item-{n}"')[1].split("</section>")[0]

    assert 'class="box"></span>' in item("1")
    assert "Name the links:" in item("6") and 'class="line"></span>' in item("6")
    rows = re.findall(r'<td class="row">\d+</td><td></td><td></td><td></td>', item("7"))
    # One row per node, whatever the size of the key.
    assert len(rows) == 3 and "<th>source</th><th>kind</th><th>target</th>" in item("7")


def test_shared_choices_are_listed_once_per_part() -> None:
    page = worksheet_html(handmade("plain"), svg=fake_svg)
    sort, label = page.split('id="part-2"')
    assert sort.count("Pro side plain") == 1
    assert label.count("attacks plain") == 2


def test_svg_is_cleaned_for_the_page() -> None:
    page = worksheet_html(handmade(), svg=fake_svg)
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page and "<!--" not in page
    assert page.count("<!DOCTYPE") == 1
    assert 'viewBox="0 0 200 100"' in page and 'width="200pt"' not in page
    assert 'id="p1-d1-graph0"' in page


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            '<svg viewBox="0 0 5 5" width="5pt"><g id="a" fill="url(#b)"/><use href="#c"/></svg>',
            '<svg role="img" aria-label="x" viewBox="0 0 5 5" style="max-width: 5pt">'
            '<g id="P-a" fill="url(#P-b)"/><use href="#P-c"/></svg>',
        ),
        ("<!-- c --><svg/>", '<svg role="img" aria-label="x"/>'),
    ],
)
def test_svg_for_page(raw: str, expected: str) -> None:
    assert svg_for_page(raw, "P", "x") == expected


def test_a_layout_that_gives_no_svg_is_an_error() -> None:
    with pytest.raises(ExerciseError, match="diagram 'The debate plain': the layout gave no <svg> element"):
        worksheet_html(handmade("plain"), svg=lambda dot: "Error: syntax")


@needs_engine
def test_a_real_worksheet_embeds_graphviz_svg() -> None:
    ex = generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=2)
    page = worksheet_html(ex)
    assert page == worksheet_html(ex)
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    # school-phones prints too small whole: a figure per issue, its 'ban' in parts
    assert page.count("<svg") == len(ex.parts[0].diagrams) > 1
    assert "<?xml" not in page and "Generated by graphviz" not in page
    assert re.search(r'<svg role="img" aria-label="[^"]+" viewBox="[0-9. ]+"', page)


def test_each_diagram_stands_before_the_first_item_that_refers_to_it() -> None:
    dots = [Diagram(id=f"d{n}", caption=f"cap {n}", dot=f"digraph {{ n{n} }}") for n in (1, 2, 3)]
    yes_no = (Choice(id="y", text="yes"), Choice(id="n", text="no"))
    items = [
        Item(id="1", prompt="first?", choices=yes_no, key=("y",), diagram="d2"),
        Item(id="2", prompt="second?", choices=yes_no, key=("y",), diagram="d1"),
        Item(id="3", prompt="third?", choices=yes_no, key=("y",), diagram="d2"),
    ]
    part = Part(kind="find-flaw", title="T", instructions="I", diagrams=tuple(dots), items=tuple(items))
    ex = Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=(part,))
    page = worksheet_html(ex, svg=fake_svg)
    order = re.findall(r'id="(p1-d\d|item-\d)"', page)
    # d2 (the first item's) and d3 (no item's) lead; d1 waits for item 2.
    assert order == ["p1-d2", "p1-d3", "item-1", "p1-d1", "item-2", "item-3"]
    assert "Figure d1: cap 1" in page


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(("size", "printed"), [((200, 100), 200.0), ((900, 100), None), ((400, 1200), None)])
def test_every_diagram_prints_on_a_portrait_page_at_the_page_width(
    size: tuple[int, int], printed: float | None, paper: Paper
) -> None:
    ex = handmade("plain")
    raw = f'<svg width="{size[0]}pt" height="{size[1]}pt"><text font-size="40">x</text></svg>'
    page = worksheet_html(ex, svg=lambda dot: raw, paper=paper)
    assert "landscape" not in page and f"size: {PAPERS[paper].css} portrait;" in page
    widths = {float(w) for w in re.findall(r'<svg role="img"[^>]*style="width: ([0-9.]+)pt"', page)}
    assert len(widths) == 1
    (width,) = widths
    page_width, page_height = PAPERS[paper].content_pt
    # Never enlarged; never wider than the page, nor taller than its share.
    assert width <= min(size[0], page_width)
    assert width * size[1] / size[0] <= FIGURE_SHARE * page_height + 0.1
    assert printed is None or width == printed


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("key", [False, True])
def test_every_registered_kind_makes_a_sound_page(kind: str, key: bool) -> None:
    try:
        ex = generate(argmap.load_corpus("school-phones"), kind, seed=3)
    except ArgmapError as err:
        pytest.skip(f"{kind} makes no exercise from this map: {err}")
    page = worksheet_html(ex, key=key, svg=fake_svg)
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    shown = "".join(parsed.text)
    assert all(item.prompt in shown for item in ex.items)
    assert page.count("<figure") == sum(len(p.diagrams) for p in ex.parts)
    assert ("ANSWER KEY" in page) is key
    explained = [item.explanation in shown for item in ex.items if item.explanation]
    assert explained and all(explained) if key else not any(explained)


def test_a_locate_worksheet_lists_its_sentences_once() -> None:
    ex = generate(argmap.load_corpus("school-phones"), "locate", seed=1)
    (part,) = ex.parts
    assert part.choices_are_sentences
    page = worksheet_html(ex, svg=fake_svg)
    sentence = part.sentences[0]
    assert page.count(escape(sentence.text)) == 1
    assert "Choices for every item" not in page


def test_a_reconstruct_item_does_not_list_its_statements_twice() -> None:
    ex = generate(argmap.load_corpus("school-phones"), "reconstruct", seed=1)
    (part,) = ex.parts
    item = ex.items[0]
    assert part.lists_choices(item)
    page = worksheet_html(ex, svg=fake_svg)
    assert page.count(escape(item.choices[0].text)) == 1
    assert f"listed under Figure {item.diagram}" in page
