from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.render.labels import clean, escape, escape_attribute, html_text, wrap
from tests.strategies import any_text


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        (
            "Burden-sharing versus strategic autonomy",
            10,
            ["Burden-sharing", "versus", "strategic", "autonomy"],
        ),
        ("a b c d", 3, ["a b", "c d"]),
        ("  spaced   out  ", 20, ["spaced out"]),
        ("first\nsecond line", 6, ["first", "second", "line"]),
        ("x\n\ny", 5, ["x", "", "y"]),
        ("non\u00a0breaking space", 5, ["non\u00a0breaking", "space"]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


@given(st.text(st.sampled_from("ab- \n"), max_size=60), st.integers(1, 30))
def test_wrap_breaks_only_at_spaces_and_respects_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    # Same words in the same order, paragraph by paragraph: nothing is split or lost.
    assert [w for line in lines for w in line.split(" ") if w] == [
        w for w in text.replace("\n", " ").split(" ") if w
    ]
    for line in lines:
        assert len(line) <= width or " " not in line


def test_hyphenated_word_is_never_split() -> None:
    assert "burden-sharing" in wrap("the burden-sharing question", 5)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
        ("tab\there", "tab here"),
        ("bell\x07nul\x00esc\x1bdel\x7f", "bellnulescdel"),
        ("not xml \ufffe\uffff", "not xml "),
        ("émoji 🚀 ∑ 中文 \u200b", "émoji 🚀 ∑ 中文 \u200b"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


def test_clean_treats_every_character_as_documented() -> None:
    # clean() skips its work for printable text: every code point of the BMP, and a spread of the
    # others, in text, prove the shortcut
    for code in [*range(0x10000), *range(0x10000, 0x110000, 97), 0x1FFFE, 0x10FFFF]:
        char = chr(code)
        if char in "\n\r\x85\u2028\u2029":
            expected = "\n"
        elif char in "\t\x0b\x0c":
            expected = " "
        elif unicodedata.category(char) == "Cc" or char in "\ufffe\uffff":
            expected = ""
        else:
            expected = char
        assert clean(f"a{char}b") == f"a{expected}b", hex(code)


def test_escape_covers_every_xml_special() -> None:
    assert escape("""<a href="x">Tom & 'Jerry'</a>""") == (
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    )


def test_escape_doubles_backslashes_which_graphviz_reads_as_escapes() -> None:
    assert escape("C:\\ \\N \\\\") == "C:\\\\ \\\\N \\\\\\\\"


def test_escape_attribute_doubles_backslashes_and_encodes_newlines() -> None:
    assert escape_attribute('a\\N "b"\nc') == "a\\\\N &quot;b&quot;&#10;c"


def test_html_text_joins_wrapped_lines_with_br() -> None:
    assert html_text("one two <three>\nfour", 7) == "one two<BR/>&lt;three&gt;<BR/>four"


@given(any_text, st.integers(1, 40))
def test_html_text_never_contains_raw_markup(text: str, width: int) -> None:
    out = html_text(text, width)
    assert "<" not in out.replace("<BR/>", "")
    assert ">" not in out.replace("<BR/>", "")
    assert '"' not in out and "'" not in out
    assert not any(unicodedata.category(ch) == "Cc" for ch in out)
