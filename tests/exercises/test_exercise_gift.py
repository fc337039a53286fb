"""Moodle GIFT export (argmap.exercises.gift), checked with the strict checker in tests/gift_syntax.py."""

from __future__ import annotations

import html

import pytest

import argmap
from argmap.exercises import KINDS, Kind, generate, gift
from argmap.exercises.gift import gift_escape, to_gift
from argmap.exercises.model import Choice, Exercise, Item, Part
from tests.exercises.test_exercise_html import NASTY, handmade
from tests.gift_syntax import check_gift

# --- the checker itself -------------------------------------------------------

GOOD = {
    "multiple choice": "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}",
    "titled, feedback, one answer a line": "::Q1::Pick one{\n\t=right#yes\n\t~wrong#no\n}",
    "two right answers": "::Q2::Any of these{=a =b ~c}",
    "multiple answers": "Two of these{~%50%a ~%50%b ~%-100%c}",
    "thirds": "Three{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}",
    "short answer": "Two plus two equals {=four =4}.",
    "weighted short answer": "Name it{=%100%full =%50%half}",
    "true/false": "The sun rises in the east.{T}",
    "true/false with feedback": "Grant is buried here.{FALSE#wrong feedback#right feedback}",
    "matching": "Match{=a -> 1 =b -> 2 =c -> 3}",
    "matching on lines": "Match {\n=a -> 1\n=b -> 2\n=c -> 3\n}",
    "numerical": "When?{#1822:5}",
    "numerical range": "Pi?{#3.1..3.2}",
    "essay": "Write about it.{}",
    "description": "Just some text.",
    "escapes": "a\\: b \\= c \\~ d \\# e \\{ f \\} g \\\\ h\\nline{=x\\=y ~z\\: w}",
    "category": "$CATEGORY: $course$/argmap/x",
    "comments": "// a comment\n::Q::Text{=a ~b}\n// another",
    "general feedback": "Pick{=a ~b ####well done}",
    "format marker": "[moodle][html] text{=a ~b}",
    "two questions": "Q one{=a ~b}\n\nQ two{=c ~d}",
}

BAD = {
    "empty right answer": ("Pick{= ~b}", 1, "an answer has no text"),
    "empty wrong answer": ("Pick{=a ~}", 1, "an answer has no text"),
    "unclosed block": ("Pick{=a ~b", 1, "not closed"),
    "blank line inside": ("Pick{\n=a\n\n~b}", 1, "not closed"),
    "stray close": ("Pick =a ~b}", 1, "'}' with no '{'"),
    "two blocks": ("Pick{=a ~b} then {=c ~d}", 1, "a second '{'"),
    "unescaped colon in text": ("Note: pick{=a ~b}", 1, "unescaped ':' in the question text"),
    "unescaped equals in text": ("1+1=2?{T}", 1, "unescaped '='"),
    "unescaped hash in answer": ("Pick{=a#b#c ~d}", 1, "too many unescaped '#'"),
    "colon in answer": ("Pick{=a: b ~c}", 1, "unescaped ':' in an answer"),
    "bad escape": ("Pick\\q{=a ~b}", 1, "\\q is not a GIFT escape"),
    "trailing backslash": ("Pick{=a ~b}\\", 1, "a backslash ends the line"),
    "title not closed": ("::Q1 Pick{=a ~b}", 1, "title"),
    "empty title": ("::::Pick{=a ~b}", 1, "the title is empty"),
    "one answer only": ("Pick{~a}", 1, "at least two answers"),
    "weight not a grade": ("Pick{~%42%a ~%58%b}", 1, "not one of Moodle's grade percentages"),
    "weight out of range": ("Pick{=a ~%150%b}", 1, "outside -100..100"),
    "malformed weight": ("Pick{=a ~%5x%b}", 1, "malformed weight"),
    "weights do not add up": ("Pick{~%50%a ~%25%b ~%-100%c}", 1, "share 75%, not 100%"),
    "weight after equals": ("Pick{=%50%a ~b}", 1, "a weight after '='"),
    "matching without arrow": ("Match{=a -> 1 =b -> 2 =c 3}", 1, "lacks '->'"),
    "matching two pairs": ("Match{=a -> 1 =b -> 2}", 1, "at least three pairs"),
    "matching with feedback": ("Match{=a -> 1#f =b -> 2 =c -> 3}", 1, "takes no feedback"),
    "matching empty answer": ("Match{=a -> =b -> 2 =c -> 3}", 1, "nothing after '->'"),
    "no question text": ("{=a ~b}", 1, "no text before its answers"),
    "text before answers": ("Pick{oops =a ~b}", 1, "before the first answer marker"),
    "numerical not a number": ("When?{#soon}", 1, "not a number"),
    "category with escape": ("$CATEGORY: a\\:b", 1, "taken verbatim"),
    "category not alone": ("$CATEGORY: a\nPick{=a ~b}", 2, "must stand alone"),
    "later line": ("// c\n\n::Q::Pick{\n=a\n~}", 5, "an answer has no text"),
}


@pytest.mark.parametrize("text", GOOD.values(), ids=GOOD.keys())
def test_the_checker_accepts_valid_gift(text: str) -> None:
    assert check_gift(text + "\n") == []


@pytest.mark.parametrize(("text", "line", "message"), BAD.values(), ids=BAD.keys())
def test_the_checker_finds_each_problem_and_its_line(text: str, line: int, message: str) -> None:
    problems = check_gift(text + "\n")
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]


# --- escaping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("~=#{}:", "\\~\\=\\#\\{\\}\\:"),
        ("back\\slash", "back\\\\slash"),
        ("\\n is not a line break", "\\\\n is not a line break"),
        ("line\r\nbreak\nhere", "line\\nbreak\\nhere"),
        ("[html]<b>", "[moodle][html]&lt;b&gt;"),
        ("ünïcødé “quotes” -> %", "ünïcødé “quotes” -&gt; %"),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        ("bell\x07 nul\x00 del\x7f c1\x85x tab\tend", "bell nul del c1\\nx tab end"),
    ],
)
def test_gift_escape(text: str, expected: str) -> None:
    assert gift_escape(text) == expected
    assert check_gift(f"Q{{={expected} ~x}}\n") == []


# Moodle's GIFT importer (question/format/gift/format.php) first turns each
# escape into a placeholder (a double backslash into one backslash), parses the
# question at the unescaped special characters, then puts the characters back;
# question, answer and feedback texts are then shown as HTML.
_PLACEHOLDERS = [
    ("\\:", "&&058;", ":"),
    ("\\#", "&&035;", "#"),
    ("\\=", "&&061;", "="),
    ("\\{", "&&123;", "{"),
    ("\\}", "&&125;", "}"),
    ("\\~", "&&126;", "~"),
    ("\\n", "&&010", "\n"),
]


def moodle_pre(text: str) -> str:
    """Moodle's first step: escapes become placeholders, a double backslash one backslash."""
    text = text.replace("\\\\", "&&092;")
    for escape, placeholder, _ in _PLACEHOLDERS:
        text = text.replace(escape, placeholder)
    return text.replace("&&092;", "\\")


def moodle_post(text: str) -> str:
    """Moodle's last step: placeholders become their characters; the text is trimmed."""
    for _, placeholder, char in _PLACEHOLDERS:
        text = text.replace(placeholder, char)
    return text.strip()


def moodle_shows(text: str) -> str:
    """What a student sees of an escaped GIFT text once Moodle has imported and displayed it."""
    return html.unescape(moodle_post(moodle_pre(text)))


def unescape(text: str) -> str:
    """What Moodle's importer makes of escaped text, as displayed."""
    return moodle_shows(text)


@pytest.mark.parametrize(
    "text",
    [
        NASTY,
        "a\\=b",
        "\\\\n",
        "::x::",
        "{=a ~b}",
        "&&058; &&092; &amp;",
        "a -> b -> c",
        "####x",
        "<b>bold</b>",
    ],
)
def test_escaping_round_trips(text: str) -> None:
    assert unescape(gift_escape(text, guard=False)) == text


@pytest.mark.parametrize("char", list("~=#{}:\\<>&[]%") + ["->", "\\n", "&&058;"])
def test_each_special_character_survives_moodle_in_every_position(char: str) -> None:
    for text in (char, f"a{char}", f"{char}b", f"a {char} b", char * 3):
        escaped = gift_escape(text, guard=False)
        # no unescaped special character is left for the parser to act on
        assert not any(c in moodle_pre(escaped) for c in "~=#{}"), escaped
        assert unescape(escaped) == text


def test_control_characters_never_pass_through() -> None:
    text = "".join(chr(c) for c in range(0x20)) + "x\x7f" + "".join(chr(c) for c in range(0x80, 0xA0))
    escaped = gift_escape(f"a{text}b")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in escaped)
    assert check_gift(f"Q{{={escaped} ~x}}\n") == []


# --- the export -----------------------------------------------------------------


def exercises() -> list[tuple[str, Exercise]]:
    m = argmap.load_corpus("allied-space-cooperation")
    return [
        ("handmade", handmade()),
        ("handmade plain", handmade("plain")),
        ("allied", generate(m, "sort-by-side", issues=["burden-sharing"])),
        ("phones", generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=5, difficulty=3)),
    ]


@pytest.mark.parametrize("matching", [False, True])
@pytest.mark.parametrize(("name", "ex"), exercises(), ids=[name for name, _ in exercises()])
def test_the_export_is_valid_gift(name: str, ex: Exercise, matching: bool) -> None:
    text = to_gift(ex, matching=matching)
    assert check_gift(text) == []
    assert text == to_gift(ex, matching=matching)
    assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")


def questions(text: str) -> dict[str, str]:
    """Each question block by its title."""
    found = {}
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("//")]
        if lines and lines[0].startswith("::"):
            found[lines[0][2:].split("::")[0]] = "\n".join(lines)
    return found


def test_each_item_becomes_the_right_kind_of_question(monkeypatch: pytest.MonkeyPatch) -> None:
    # Judge by the items alone, whatever the registry says of these kinds.
    monkeypatch.setattr(gift, "KINDS", {})
    text = to_gift(handmade("plain"))
    qs = questions(text)
    assert list(qs) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q8"]
    # One right answer, the others wrong, explanation as feedback.
    assert (
        "\t=Pro side plain#B is held by Pro plain EXPLAIN-1\n\t~Con side#B is held by Pro plain EXPLAIN-1"
        in qs["Q1"]
    )
    # Any one of two keys is right: two "=" answers in a single-answer question.
    assert "\t~supports#EXPLAIN-5\n\t=attacks plain#EXPLAIN-5\n\t=undercuts#EXPLAIN-5" in qs["Q5"]
    # Exactly a set: the multiple-answer form, right answers sharing 100%.
    assert "\t~%50%B to A#EXPLAIN-6\n\t~%-100%C to A#EXPLAIN-6\n\t~%50%C to B#EXPLAIN-6" in qs["Q6"]
    assert "// skipped: item 7 asks to draw links" in text
    assert "(See Figure d1 on your worksheet.)" in qs["Q1"]
    assert "See Figure" not in qs["Q3"]
    assert "// Part 1. Sort by side plain: Write the letter of the side plain" in text
    assert text.startswith("// Uniforms plain\n$CATEGORY: $course$/argmap/uniforms seed 4\n\n")


def split_at_hash(text: str) -> tuple[str, str]:
    """An answer and its feedback: split at the first '#' that no backslash escapes."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == "#":
            return text[:i], text[i + 1 :]
        else:
            i += 1
    return text, ""


def test_special_characters_reach_moodle_unchanged() -> None:
    qs = questions(to_gift(handmade()))
    first = qs["Q1"].splitlines()
    prompt = first[0].split("::", 2)[2].removesuffix("{")
    assert unescape(prompt).startswith(f"Who holds B {NASTY}?")
    answer, feedback = split_at_hash(first[1].removeprefix("\t="))
    assert unescape(answer) == f"Pro side {NASTY}"
    assert unescape(feedback) == f"B is held by Pro {NASTY} EXPLAIN-1"


def test_a_matching_question_for_parts_that_share_their_choices() -> None:
    text = to_gift(handmade("plain"), matching=True)
    qs = questions(text)
    assert "Q1-3" in qs and "Q1" not in qs
    assert (
        "\t=Who holds B plain? -> Pro side plain\n\t=Who holds C? -> Con side\n"
        "\t=Who holds A? -> Pro side plain" in qs["Q1-3"]
    )
    # The label-links part has two items, too few for matching: one question each.
    assert "Q4" in qs and "Q5" in qs


def test_matching_pairs_that_contain_arrows_read_back_verbatim() -> None:
    ex = handmade()
    qs = questions(to_gift(ex, matching=True))
    assert check_gift(qs["Q1-3"] + "\n") == []
    pairs = qs["Q1-3"].splitlines()[1:-1]
    for item, pair in zip(ex.parts[0].items, pairs, strict=True):
        # Moodle splits the pair at the first "->" left after its escapes.
        read = moodle_pre(pair.strip().removeprefix("="))
        stem, answer = read.split("->", 1)
        assert html.unescape(moodle_post(stem)) == " ".join(item.prompt.split())
        chosen = item.choice(item.key[0])
        assert html.unescape(moodle_post(answer)) == chosen.text.strip()


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (Item(id="9", prompt="?", choices=(Choice(id="a", text="a"),), key=("a",)), "fewer than two choices"),
        (
            Item(
                id="9",
                prompt="?",
                choices=(Choice(id="a", text="a"), Choice(id="b", text="b")),
                key=("a", "b"),
            ),
            "no wrong choice",
        ),
        (
            Item(
                id="9",
                prompt="?",
                answer_type="choices",
                key=tuple(f"c{n}" for n in range(11)),
                choices=tuple(Choice(id=f"c{n}", text=str(n)) for n in range(12)),
            ),
            "cannot weight evenly",
        ),
    ],
)
def test_items_a_quiz_cannot_ask_are_skipped_with_a_reason(item: Item, reason: str) -> None:
    ex = Exercise(
        title="T",
        map_id="m",
        map_title="M",
        seed=0,
        difficulty=1,
        parts=(Part(kind="fill-gap", title="P", instructions="", items=(item,)),),
    )
    text = to_gift(ex)
    assert "// skipped: item 9 " in text and reason in text and "::Q9::" not in text
    assert check_gift(text) == []


def test_a_wrong_answer_that_looks_like_a_weight_keeps_its_text() -> None:
    item = Item(
        id="1", prompt="?", choices=(Choice(id="a", text="yes"), Choice(id="b", text="%50% off")), key=("a",)
    )
    ex = Exercise(
        title="T",
        map_id="m",
        map_title="M",
        seed=0,
        difficulty=1,
        parts=(Part(kind="fill-gap", title="P", instructions="", items=(item,)),),
    )
    text = to_gift(ex)
    assert "\t~%0%%50% off" in text and check_gift(text) == []


def test_a_part_of_a_kind_unfit_for_a_quiz_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    real = KINDS["sort-by-side"]
    unfit = Kind(real.name, real.title, real.summary, False, real.build)
    monkeypatch.setattr(gift, "KINDS", {"sort-by-side": unfit})
    text = to_gift(handmade("plain"))
    assert "// skipped: part 1 (sort-by-side) does not fit a quiz" in text
    assert "::Q1::" not in text and "::Q4::" in text


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_registered_kind_exports_valid_gift(kind: str) -> None:
    # school-phones ships its source text, so every kind (locate too) can be made
    ex = generate(argmap.load_corpus("school-phones"), kind, seed=1)
    text = to_gift(ex)
    assert check_gift(text) == []
    if not KINDS[kind].quiz:
        assert f"// skipped: part 1 ({kind}) does not fit a quiz" in text
    else:
        asked = [i for i in ex.items if i.answer_type != "links"]
        assert len(questions(text)) + text.count("// skipped: item") == len(ex.items) and asked
