"""The line reader of plain block YAML gives exactly what the event reader gives, or steps aside."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.io.native import dumps, dumps_data
from argmap.io.yaml_ import _plain, parse_yaml
from argmap.io.yaml_block import read_block
from tests.strategies import maps


def fast(text: str) -> tuple[Any, dict[str, list[int]]] | None:
    return read_block(text, partial(_plain, 100), max_depth=100)


def by_events(text: str) -> tuple[Any, dict[str, list[int]]]:
    """The event reader's data, and where it places the items of each top-level list."""
    parsed = parse_yaml(text, "x.yaml")  # positions=True: always the event reader
    items: dict[str, list[int]] = {}
    if isinstance(parsed.data, dict):
        for key, value in parsed.data.items():
            if isinstance(value, list) and value:
                items[key] = [n for i in range(len(value)) for n in parsed.values[(key, i)]]
    return parsed.data, items


def agrees(text: str) -> bool:
    """Whether the line reader read ``text``; when it did, it must agree with the event reader."""
    found = fast(text)
    if found is None:
        return False
    data, items = found
    expected_data, expected_items = by_events(text)
    assert data == expected_data
    assert {k: v for k, v in items.items() if v} == expected_items
    return True


# words and texts that YAML reads in surprising ways, or that need quoting, wrapping or escapes
TRICKY = [
    "yes",
    "No",
    "on",
    "OFF",
    "null",
    "~",
    "",
    " ",
    "true",
    "1",
    "-1",
    "1_000",
    "0x1F",
    "1e3",
    ".inf",
    "2024-01-05",
    "a: b",
    "a:b",
    "#x",
    "x #y",
    "x#y",
    "- x",
    "-x",
    "it's",
    'say "hi"',
    "[a]",
    "{a}",
    "*x",
    "&x",
    "!x",
    "|",
    ">",
    "%",
    "@",
    "`",
    "?",
    ":",
    ",",
    "a,b",
    "tab\there",
    "line\nbreak",
    "two\n\nparagraphs",
    "trailing ",
    " leading",
    "é ünïcode",
    "emoji 🚀",
    "back\\slash",
    "...",
    "---",
    "<<",
    "=",
]
scalars = (
    st.sampled_from(TRICKY)
    | st.text(st.sampled_from("ab :#-'\"\n\\ x1é"), max_size=30)
    | st.text(st.sampled_from("abcdefgh ijk"), min_size=60, max_size=200)  # wrapped at width 88
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.none()
)
keys = st.sampled_from(
    ["id", "kind", "text", "held_by", "a_b", "x-y", "k.1", "yes", "on", "null", "1", "two words"]
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(keys, values, min_size=1, max_size=5)


@settings(max_examples=500)
@given(documents, st.sampled_from([88, 20]), st.booleans())
def test_whatever_the_line_reader_reads_it_reads_as_the_event_reader_does(
    data: dict[str, Any], width: int, unicode: bool
) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=unicode, default_flow_style=False, width=width)
    agrees(text)


@given(maps())
def test_argmaps_own_yaml_of_any_map_is_read_alike(m: argmap.ArgumentMap) -> None:
    agrees(dumps(m))


plain_scalars = (
    st.text(st.sampled_from("abcxyz ,.:'-"), min_size=1, max_size=120).filter(lambda t: t.strip() == t)
    | st.integers()
    | st.none()
)
plain_keys = st.sampled_from(["id", "kind", "text", "held_by", "a_b", "x-y", "k.1"])
plain_values = st.recursive(
    plain_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(plain_keys, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.dictionaries(plain_keys, plain_values, min_size=1, max_size=5), st.sampled_from([88, 30]))
def test_plain_documents_are_mostly_read_by_the_line_reader_and_agree(
    data: dict[str, Any], width: int
) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=width)
    agrees(text)


def test_the_plain_strategy_mostly_takes_the_line_reader() -> None:
    # guards the property above: it must exercise the line reader, not only the fallback
    read = []

    @settings(max_examples=200, database=None)
    @given(st.dictionaries(plain_keys, plain_values, min_size=1, max_size=5))
    def sample(data: dict[str, Any]) -> None:
        read.append(agrees(yaml.safe_dump(data, sort_keys=False, default_flow_style=False, width=30)))

    sample()
    assert sum(read) > len(read) / 3


def test_the_corpus_is_read_by_the_line_reader() -> None:
    text = dumps(argmap.load_corpus("allied-space-cooperation"))
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n# a comment\n\nb: two\n",
        "a:\n- x\n- y\nb: 2\n",  # a list at its key's column
        "a:\n  b:\n    c: deep\n  d: []\ne: {}\n",
        "a: a text that goes on\n  over the next line\n  and one more\nb: x\n",
        "a: 'quoted text that goes on\n  over the next line'\nb: \"double, no escapes\"\n",
        "a:\n  - id: x\n    text: wrapped over\n      two lines\n  - id: y\n",
        "a:\nb: 1\n",  # an empty value is null
        "a: 'it''s'\n",
        "a: -1\nb: -x\nc: 0o17\nd: 1_000\ne: 1:30\nf: http://x.org/a#b\n",
    ],
)
def test_plain_block_yaml_is_read_and_agrees(text: str) -> None:
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: {x: 1}\n",  # a flow mapping
        "a: [1, 2]\n",
        "a: &anchor 1\nb: *anchor\n",
        "a: !!str 1\n",
        "a: |\n  block\n",
        "a: 1 # a comment after a value\n",
        'a: "escaped\\n"\n',
        "a: 1\na: 2\n",  # a duplicate: the event reader says where
        "---\na: 1\n",
        "a:\n\tb: 1\n",
        "a: first\n\n  second paragraph\n",  # a blank line inside a wrapped value
        "yes: 1\n",  # a key YAML reads as true
        "- a\n- b\n",  # not a mapping
        "a: 1\n  b: 2\n",
        "a: " + "9" * 101 + "\n",  # a number past the limit
        "a: one\u2028  two\n",  # YAML 1.1 reads U+2028, U+2029 and U+0085 as line breaks
        "a: one\u2029two\n",
        "a: one\x85two\n",
        "a: one\x86two\n",  # a control character the event reader refuses, located
        "a: one\ufefftwo\n",
    ],
)
def test_anything_else_goes_to_the_event_reader(text: str) -> None:
    assert fast(text) is None


def test_a_line_break_of_yaml_1_1_reads_alike_through_either_reader() -> None:
    # the line reader steps aside, so the map's title is the event reader's
    m = argmap.loads("id: m\ntitle: Phones\u2028  in schools\n", path="m.yaml")
    assert m.title == "Phones\u2028in schools"


def test_a_syntax_error_after_a_yaml_1_1_line_break_is_on_the_line_an_editor_shows() -> None:
    with pytest.raises(argmap.LoadError, match=r"^m\.yaml:3:1: YAML syntax error"):
        argmap.loads("id: m\ntitle: Phones\u2028in schools\ntitel: x\n", path="m.yaml")


def test_a_lone_surrogate_is_a_located_error_not_a_traceback() -> None:
    with pytest.raises(argmap.LoadError, match=r"^m\.yaml:2:9: the text holds a lone surrogate U\+D800"):
        argmap.loads("id: m\ntitle: T\ud800\n", path="m.yaml")


def test_a_file_the_line_reader_leaves_keeps_its_located_error() -> None:
    with pytest.raises(argmap.LoadError, match=r"x\.yaml:2:1: duplicate key 'a'"):
        parse_yaml("a: 1\na: 2\n", "x.yaml", positions=False)


def test_the_dumper_style_is_what_the_line_reader_expects() -> None:
    # guards the tests above: argmap's YAML is block style, wrapped at 88 columns
    text = dumps_data({"a": [" ".join(["word"] * 30)], "b": {"c": 1}})
    assert text.startswith("a:\n  - word word") and "\n    word" in text and "b:\n  c: 1" in text
    assert agrees(text)


def test_only_short_words_that_start_with_a_letter_have_a_type() -> None:
    # _plain takes a longer plain scalar that starts with a letter for text without asking the resolvers
    from argmap.io.yaml_ import _BY_FIRST, _LONGEST_WORD, _resolve

    tags = {tag for first, found in _BY_FIRST.items() if first.isalpha() for tag, _ in found}
    assert tags == {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}
    words = ["yes", "no", "true", "false", "on", "off", "null", "y", "n"]
    for word in [*words, *(w.upper() for w in words), *(w.title() for w in words)]:
        for longer in (word + "s", word + " x", word * 2):
            assert len(longer) <= _LONGEST_WORD or _resolve(longer, (True, False)) == "tag:yaml.org,2002:str"
    typed = [w for w in words if _resolve(w, (True, False)) != "tag:yaml.org,2002:str"]
    assert max(len(w) for w in typed) == _LONGEST_WORD
