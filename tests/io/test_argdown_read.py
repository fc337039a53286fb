"""Reading Argdown: the syntax, how it maps onto argmap's model, findings and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import LoadError
from argmap.io.argdown import read_argdown, write_argdown
from argmap.model import ArgumentMap

CASES = Path(__file__).parent / "argdown_cases"
EXPECTED: dict[str, str] = yaml.safe_load((CASES / "expected.yaml").read_text(encoding="utf-8"))


def read(text: str) -> ArgumentMap:
    m, _ = read_argdown(text, "t.argdown")
    return m


def links(m: ArgumentMap) -> list[tuple[str, tuple[str, ...], str]]:
    return [(k.kind, k.premises, k.target) for k in m.links]


# -- malformed files: every one gives its located message -----------------------


def test_there_are_at_least_fifteen_malformed_cases() -> None:
    files = sorted(p.name for p in CASES.glob("*.argdown"))
    assert len(files) >= 15
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_gives_located_message(name: str) -> None:
    text = (CASES / name).read_text(encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_argdown(text, name)
    assert str(caught.value) == EXPECTED[name]
    first = caught.value.problems[0]
    assert (first.path, first.line, first.column) == tuple(
        [name, *map(int, EXPECTED[name][len(name) + 1 :].split(":")[:2])]
    )


# -- statements, titles, equivalence classes -----------------------------------


def test_titled_untitled_and_equivalent_statements() -> None:
    m = read(
        "[Uniforms]: Schools should require uniforms.\n\n"
        "A plain statement with no title.\n\n"
        "[Uniforms]: The same statement in other words.\n"
    )
    assert [(n.id, n.label, n.text) for n in m.nodes] == [
        ("Uniforms", "Uniforms", "Schools should require uniforms."),
        ("untitled-1", None, "A plain statement with no title."),
    ]
    assert m.node("untitled-1").data["argdown"] == {"title": "Untitled 1"}


def test_titles_that_are_not_ids_become_slugs_and_stay_labels() -> None:
    m = read("[Less bullying]: Uniforms reduce bullying.\n\n[less bullying!]: Another one.\n")
    assert [(n.id, n.label) for n in m.nodes] == [
        ("less-bullying", "Less bullying"),
        ("less-bullying-2", "less bullying!"),
    ]


def test_text_is_cleaned_of_markup_and_joined_across_lines() -> None:
    m = read(
        "[A]: Some **bold** and _italic_ text\n"
        "  with a [link](https://example.org) and \\*stars\\*, a_b stays. #tag #(two words)\n"
    )
    node = m.node("A")
    assert node.text == "Some bold and italic text with a link and *stars*, a_b stays."
    assert node.tags == ("tag", "two words")


def test_a_tag_inside_a_sentence_stays_in_the_text_unless_the_file_removes_tags() -> None:
    assert read("[A]: A #tag in the middle.\n").node("A").text == "A #tag in the middle."
    front = "===\nmodel:\n  removeTagsFromText: true\n===\n\n"
    assert read(front + "[A]: A #tag in the middle.\n").node("A").text == "A in the middle."


def test_comments_of_every_kind_are_ignored() -> None:
    m = read(
        "// a line comment\n"
        "[A]: Visible. /* inline */ Still visible. // trailing\n"
        "  + [B]: Reason. <!-- html\n"
        "  comment -->\n"
        "/* a block\n\nwith an empty line inside */\n"
        "  - [C]: Objection.\n"
    )
    assert m.node("A").text == "Visible. Still visible."
    assert links(m) == [("supports", ("B",), "A"), ("attacks", ("C",), "A")]


def test_front_matter_and_data() -> None:
    m = read(
        "===\ntitle: School uniforms\nauthor: Someone\n===\n\n[A]: Text. {source: 'p. 3', pages: [3, 4]}\n"
    )
    assert m.title == "School uniforms"
    assert m.metadata["argdown"]["front_matter"] == {"author": "Someone"}
    assert m.node("A").data == {"source": "p. 3", "pages": [3, 4], "argdown": {"title": "A"}}


def test_headings_are_sections_not_issues() -> None:
    m = read("# Part one\n\n[A]: In part one.\n\n## Sub {isGroup: false}\n\n[B]: In the sub part.\n")
    assert [n.kind for n in m.nodes] == ["claim", "claim"]
    assert m.metadata["argdown"]["sections"] == [
        {"title": "Part one", "level": 1},
        {"title": "Sub", "level": 2},
    ]
    assert m.node("B").data["argdown"]["section"] == "Sub"


def test_map_id_and_title_come_from_the_file_name_when_nothing_else_says() -> None:
    m, _ = read_argdown("[A]: Text.\n", "debates/School Uniforms.argdown")
    assert (m.id, m.title) == ("school-uniforms", "School Uniforms")


# -- relations in every direction ---------------------------------------------


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        ("+", ("supports", ("B",), "A")),
        ("<+", ("supports", ("B",), "A")),
        ("-", ("attacks", ("B",), "A")),
        ("<-", ("attacks", ("B",), "A")),
        ("+>", ("supports", ("A",), "B")),
        ("->", ("attacks", ("A",), "B")),
        ("><", ("contradicts", ("A",), "B")),
    ],
)
def test_relation_symbols(symbol: str, expected: tuple[str, tuple[str, ...], str]) -> None:
    m = read(f"[A]: One.\n  {symbol} [B]: Two.\n")
    assert links(m) == [expected]


def test_nested_relations_hang_under_the_element_above() -> None:
    m = read("[A]: One.\n  + [B]: Two.\n    - [C]: Three.\n      continued text.\n  - [D]: Four.\n")
    assert links(m) == [
        ("supports", ("B",), "A"),
        ("attacks", ("C",), "B"),
        ("attacks", ("D",), "A"),
    ]
    assert m.node("C").text == "Three. continued text."


def test_strict_mode_reads_an_attack_between_statements_as_contrary() -> None:
    strict = "===\nmodel:\n  mode: strict\n===\n\n"
    body = "[A]: One.\n  - [B]: Two.\n  - <Arg>: An argument.\n"
    assert [k.kind for k in read(body).links] == ["attacks", "attacks"]
    m = read(strict + body)
    assert [k.kind for k in m.links] == ["contradicts", "attacks"]
    assert m.links[0].data == {"argdown": {"relation": "contrary"}}


def test_undercut_of_an_argument_without_reconstruction_undercuts_its_link() -> None:
    m = read("[A]: One.\n  + <Arg>: Because.\n    <_ <Doubt>: The inference fails.\n")
    assert links(m) == [("supports", ("Arg",), "A"), ("undercuts", ("Doubt",), "Arg--supports--A")]


def test_undercut_with_bare_underscore_and_outgoing_undercut() -> None:
    m = read("[A]: One.\n  + <Arg>: Because.\n\n<Doubt>: Hmm.\n  _> <Arg>\n\n<Arg>\n  _ [C]: Also.\n")
    assert links(m) == [
        ("supports", ("Arg",), "A"),
        ("undercuts", ("Doubt",), "Arg--supports--A"),
        ("undercuts", ("C",), "Arg--supports--A"),
    ]


# -- arguments and premise-conclusion structures --------------------------------


PCS = """<Cost>: Uniforms cost families money. #con {source: p3}

(1) [Bought]: Uniforms must be bought.
(2) Buying things costs money.
-- Modus ponens {uses: [1, 2]} --
(3) [Costly]: Uniforms cost money.
(4) Costs burden families.
----
(5) [Burden]: Uniforms burden families.
  -> [Uniforms]
"""


def test_a_reconstruction_becomes_linked_supports_from_premises_to_conclusion() -> None:
    m = read("[Uniforms]: Schools should require uniforms.\n\n" + PCS)
    assert links(m) == [
        ("supports", ("Bought", "untitled-1"), "Costly"),
        ("supports", ("Costly", "untitled-2"), "Burden"),
        ("attacks", ("Burden",), "Uniforms"),
    ]
    step, main = m.links[0], m.links[1]
    assert step.id == "Cost.1"
    assert step.data == {
        "uses": [1, 2],
        "argdown": {"argument": "Cost", "step": 1, "rules": ["Modus ponens"]},
    }
    assert main.id == "Cost"
    assert main.note == "Uniforms cost families money."
    assert main.tags == ("con",)
    assert main.data == {"source": "p3", "argdown": {"argument": "Cost"}}
    assert m.node("Uniforms").kind == "issue"


def test_relations_of_a_reconstructed_argument() -> None:
    text = (
        "[Uniforms]: Schools should require uniforms.\n"
        "  - <Cost>\n\n"
        "<Cost>\n  <_ [Doubt]: Costs are small.\n  + [Fact]: Prices rose.\n\n"
        "(1) Uniforms must be bought.\n----\n(2) [Costly]: Uniforms cost money.\n"
    )
    m = read(text)
    # Its outgoing attack starts at its conclusion; the support of the argument as a whole
    # goes to a node standing for it, which supports the conclusion; the undercut goes to
    # the inference.
    assert links(m) == [
        ("supports", ("untitled-1",), "Costly"),
        ("supports", ("Cost",), "Costly"),
        ("attacks", ("Costly",), "Uniforms"),
        ("supports", ("Fact",), "Cost"),
        ("undercuts", ("Doubt",), "Cost-2"),
    ]
    assert m.node("Cost").data["argdown"] == {"title": "Cost", "argument": True}


def test_an_argument_without_reconstruction_is_a_node() -> None:
    m = read("[A]: One.\n  + <Arg>: Because of this.\n")
    node = m.node("Arg")
    assert (node.kind, node.text, node.label) == ("claim", "Because of this.", "Arg")
    assert node.data["argdown"] == {"title": "Arg", "argument": True}


# -- findings: what argmap meets while reading ----------------------------------


def findings(text: str) -> list[str]:
    return [str(f) for f in read_argdown(text, "f.argdown")[1]]


def test_statement_used_but_never_given_text() -> None:
    assert findings("[A]: One.\n  + [B]\n") == [
        "f.argdown:2:5: statement [B] is used but never given text; its title stands for its text"
    ]


def test_argument_used_but_never_described() -> None:
    assert findings("[A]: One.\n  + <B>\n") == [
        "f.argdown:2:5: argument <B> is used but never described; its title stands for its text"
    ]


def test_relation_written_twice() -> None:
    assert findings("[A]: One.\n  + [B]: Two.\n\n[B]\n  +> [A]\n") == [
        "f.argdown:5:3: this relation is written twice (first at line 2, column 3)"
    ]


def test_relation_to_itself_and_argument_restating_its_conclusion() -> None:
    text = "[A]: One.\n  + [A]\n  <+ <Arg>\n\n<Arg>\n\n(1) P.\n----\n(2) [A]\n"
    assert findings(text) == [
        "f.argdown:2:3: a relation of a statement to itself is ignored",
        "f.argdown:3:3: argument <Arg> already concludes this statement in its reconstruction;"
        " the relation between them is ignored, as the Argdown tool does",
    ]


def test_undercut_of_a_statement_is_read_as_an_attack() -> None:
    m, found = read_argdown("[A]: One.\n  <_ [B]: Two.\n", "f.argdown")
    assert links(m) == [("attacks", ("B",), "A")]
    assert [str(f) for f in found] == [
        "f.argdown:2:3: the undercut's target is a statement; it is read as an attack"
    ]


def test_reconstructed_twice_and_bad_uses() -> None:
    text = "<Arg>\n\n(1) P.\n----\n(2) C.\n\n<Arg>\n\n(1) Q.\n-- {uses: [7]} --\n(2) D.\n"
    assert findings(text) == [
        "f.argdown:9:1: argument <Arg> is reconstructed twice; the later reconstruction is kept",
        # at 'uses' in the inference's data, where the number to correct is (the '--' is at column 1)
        "f.argdown:10:5: in <Arg>, 'uses' names statement 7, which comes before no inference here;"
        " the statements above the inference line are used instead",
    ]


def test_the_note_on_uses_is_at_uses_even_on_a_line_of_its_own() -> None:
    text = "<Arg>\n\n(1) P.\n(2) Q.\n--\nModus ponens\n  {rule: mp, uses: [1, 7]}\n--\n(3) C.\n"
    assert findings(text) == [
        "f.argdown:7:14: in <Arg>, 'uses' names statement 7, which comes before no inference here;"
        " the statements above the inference line are used instead",
    ]


def test_a_premise_uses_leaves_out_of_every_inference_stays_a_premise_of_the_argument() -> None:
    # The Argdown tool reads 'uses' as data: every numbered premise is one of the argument's premises.
    text = "<Arg>\n\n(1) P.\n(2) Q.\n(3) R.\n--\n{uses: [1, 3]}\n--\n(4) C.\n"
    m, found = read_argdown(text, "f.argdown")
    # in the argument's order, as a reader numbers them
    assert links(m) == [("supports", ("untitled-1", "untitled-2", "untitled-3"), "untitled-4")]
    assert m.link("Arg").data["uses"] == [1, 3]  # kept as written
    assert [str(f) for f in found] == [
        "f.argdown:7:2: in <Arg>, 'uses' leaves out premise (2) (line 4), which no other inference uses;"
        " it is read as a premise of this inference all the same, as the Argdown tool counts it among"
        " the argument's premises"
    ]


@pytest.mark.parametrize("key", ['"uses"', "'uses'", "uses"])
def test_the_note_on_uses_is_at_the_word_even_in_quotes(key: str) -> None:
    text = f"<Arg>\n\n(1) P.\n(2) Q.\n-- {{{key}: [1]}} --\n(3) C.\n"
    (note,) = read_argdown(text, "f.argdown")[1]
    column = 5 + (key[0] in "'\"")  # '-- {' then the quote, if any
    assert str(note).startswith(f"f.argdown:5:{column}: in <Arg>, 'uses' leaves out premise (2)")
    assert text.splitlines()[4][column - 1 :].startswith("uses")


def test_a_premise_an_earlier_inference_uses_is_not_added_again() -> None:
    # (1) goes to the second inference through 'uses'; the first one leaves it out: no note, no extra premise
    text = "<Arg>\n\n(1) P.\n(2) Q.\n-- {uses: [2]} --\n(3) R.\n-- {uses: [1, 3]} --\n(4) C.\n"
    m, found = read_argdown(text, "f.argdown")
    assert links(m) == [
        ("supports", ("untitled-2",), "untitled-3"),
        ("supports", ("untitled-1", "untitled-3"), "untitled-4"),
    ]
    assert found == []


# -- bounded: large input is read in linear time --------------------------------


def big_document(statements: int) -> str:
    lines = []
    for i in range(statements):
        lines.append(f"[S{i}]: Statement number {i} with **some** text. #t{i % 7}")
        if i:
            lines.append(f"  + [S{i - 1}]")
            if i % 2 == 0:
                lines.append(f"  - [S{i // 2}]")
        lines.append("")
    return "\n".join(lines)


def test_a_large_file_is_read() -> None:
    # 2,000 statements and 2,998 relations read in about a second (timed by hand, not here).
    m = read(big_document(2000))
    assert (len(m.nodes), len(m.links)) == (2000, 2998)


# -- any text: a map or a located error, never a crash -------------------------

FRAGMENTS = [
    "[A]: text",
    "[A]",
    "<B>: desc",
    "<B>",
    "  + [C]: c",
    "  - <B>",
    "    -> [A]",
    "  <_ [D]: d",
    "  _> <B>",
    "  >< [A]",
    "(1) [P]: p",
    "(2) q",
    "----",
    "-- rule, other {uses: [1]} --",
    "--",
    "# Heading {isGroup: false}",
    "## Sub",
    "===",
    "title: x",
    "{a: [1, 2]}",
    "text with **bold** and _it_ #tag #(two words)",
    "/* comment",
    "*/",
    "<!-- c -->",
    "// line",
    "\\[escaped\\]",
    "",
    "\t+ tabbed",
]


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=14))
def test_any_text_gives_a_map_or_a_located_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        m, found = read_argdown(text, "fuzz.argdown")
    except LoadError as err:
        assert all(p.path == "fuzz.argdown" and p.line is not None for p in err.problems)
    else:
        assert all(f.path == "fuzz.argdown" and f.line is not None for f in found)
        assert read_argdown(write_argdown(m), "again.argdown")[0].nodes is not None


# -- data written as JSON is read by the fast path as YAML reads it --------------

_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=5), _JSON_VALUES, max_size=4), st.booleans())
def test_json_data_reads_as_yaml_reads_it(data: dict[str, object], ascii_only: bool) -> None:
    import json

    from argmap.io.argdown.inline import _plain_json, parse_data

    source = json.dumps(data, ensure_ascii=ascii_only)
    try:
        expected = yaml.load(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        expected = None
    fast = _plain_json(source)
    if fast is not None:  # taken only when YAML gives exactly the same data
        assert fast == expected
        assert parse_data(source, "d.argdown", 1, 1) == expected


def test_duplicate_keys_in_json_data_are_still_an_error() -> None:
    with pytest.raises(LoadError, match=r"f\.argdown:1:\d+: .*duplicate key 'a'"):
        read_argdown('[A]: One. {"a": 1, "a": 2}\n', "f.argdown")


@pytest.mark.parametrize(
    ("text", "where"),
    [("[A]: One\n  two {a: [}\n", "2:12"), ("[A]: One\n  + [B]: x\n    y \\{ #t {a: [}\n", "3:18")],
)
def test_errors_in_text_spread_over_lines_are_located(text: str, where: str) -> None:
    with pytest.raises(LoadError, match=rf"^f\.argdown:{where}: data in \{{...\}} is not valid YAML"):
        read_argdown(text, "f.argdown")


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ('[A]: x {"k": "} // no comment"} // a comment\n', {"k": "} // no comment"}),
        ('[A]: x {"k": [1, {"j": "]"}]} #t\n', {"k": [1, {"j": "]"}]}),
        ('[A]: x {"k":\n  "v", n: 1.5}\n', {"k": "v", "n": 1.5}),  # JSON on two lines: read as YAML
        ("[A]: x {k: 'it''s'}\n", {"k": "it's"}),
    ],
)
def test_data_is_found_whole_whatever_it_holds(text: str, data: dict[str, object]) -> None:
    m = read(text)
    node = m.node("A")
    assert node.text == "x"
    assert {k: v for k, v in node.data.items() if k != "argdown"} == data


def test_argmap_data_that_is_no_mapping_is_said_once() -> None:
    assert findings("[A]: x {argmap: 5}\n  + [B]: y\n") == [
        "f.argdown:1:8: 'argmap' data must be a mapping; it is ignored"
    ]
