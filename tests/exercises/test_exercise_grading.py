from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.builder import MapBuilder
from argmap.exercises import generate
from argmap.exercises.answers import Answers, key_answers, load_answers
from argmap.exercises.common import submap as restrict_to
from argmap.exercises.comparison import StanceLink, compare_links, grade_maps
from argmap.exercises.grading import grade
from argmap.exercises.model import Choice, Exercise, Item, LinkAnswer, Part
from argmap.exercises.reports import Grade, format_grade, format_map_grade
from argmap.io.native import to_data
from argmap.model import ArgumentMap
from argmap.validation import validate
from tests.strategies import json_values, maps

STANCES = [Choice(id="supports", text="supports"), Choice(id="attacks", text="attacks")]
TAGS = [Choice(id=t, text=f"node {t}") for t in "ABCD"]
LINKS = [Choice(id=f"L{i}", text=f"link {i}") for i in range(1, 6)]


def exercise() -> Exercise:
    """Items of all three answer types, worth different points."""
    label = Part(
        kind="label-links",
        title="Label the links",
        instructions="Say whether each link supports or attacks.",
        items=[
            Item(
                id="1",
                prompt="L1 from B to D is a...",
                choices=STANCES,
                key=["supports"],
                explanation="B argues for D.",
            ),
            Item(id="2", prompt="Which node does C attack?", choices=TAGS[:3], key=["B"], points=2),
        ],
    )
    flaws = Part(
        kind="find-flaw",
        title="Find the flaws",
        instructions="Which links are drawn with the wrong stance?",
        items=[
            Item(
                id="3",
                prompt="Pick every wrong link.",
                answer_type="choices",
                choices=LINKS,
                key=["L2", "L5"],
                points=2,
            )
        ],
    )
    rebuild = Part(
        kind="reconstruct",
        title="Reconstruct",
        instructions="Draw the links.",
        items=[
            Item(
                id="4",
                prompt="Link A, B, C and D.",
                answer_type="links",
                choices=TAGS,
                key_links=[
                    LinkAnswer(source="A", kind="supports", target="C"),
                    LinkAnswer(source="B", kind="attacks", target="C"),
                    LinkAnswer(source="D", kind="supports", target="A"),
                ],
                points=3,
            ),
            Item(id="5", prompt="Link A and B, if at all.", answer_type="links", choices=TAGS[:2]),
        ],
    )
    return Exercise(
        title="Uniforms",
        map_id="uniforms",
        map_title="School uniforms",
        seed=0,
        difficulty=1,
        parts=[label, flaws, rebuild],
    )


def generated() -> Exercise:
    return generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=1, difficulty=2)


def wrong_answer(item: Item) -> Any:
    """A well-formed answer to ``item`` that is wrong (scores 0)."""
    if item.answer_type == "choice":
        return next(c.id for c in item.choices if c.id not in item.key)
    if item.answer_type == "choices":
        return [c.id for c in item.choices if c.id not in item.key]
    key = {(k.source, k.kind, k.target) for k in item.key_links}
    a, b = item.choices[0].id, item.choices[1].id
    wrong = next(t for t in [(a, "attacks", b), (b, "attacks", a)] if t not in key)
    return [" ".join(wrong)]


def answers_with(ex: Exercise, item_id: str, value: Any) -> Answers:
    answers = dict(key_answers(ex).answers)
    answers[item_id] = value
    return Answers(answers=answers)


# -- the key --------------------------------------------------------------------


@pytest.mark.parametrize("make", [exercise, generated], ids=["hand-made", "sort-by-side"])
def test_the_key_grades_itself_full_marks(make: Any) -> None:
    ex = make()
    g = grade(ex, key_answers(ex))
    assert g.score == g.points == ex.total_points
    assert g.percent == 100
    assert {r.status for r in g.items} == {"right"}
    assert g.notes == ()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_generated_keys_grade_full_marks(seed: int, difficulty: int) -> None:
    ex = generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=seed, difficulty=difficulty)
    assert grade(ex, key_answers(ex)).percent == 100


# -- one wrong answer loses exactly its item's points -----------------------------


@pytest.mark.parametrize(
    ("make", "item_id"),
    [(exercise, i.id) for i in exercise().items] + [(generated, i.id) for i in generated().items],
)
def test_a_wrong_answer_loses_exactly_its_points(make: Any, item_id: str) -> None:
    ex = make()
    item = ex.item(item_id)
    g = grade(ex, answers_with(ex, item_id, wrong_answer(item)))
    assert g.score == ex.total_points - item.points
    assert g.item(item_id).status == "wrong"
    assert g.item(item_id).score == 0
    assert all(r.score == r.points for r in g.items if r.item_id != item_id)
    assert g.notes == ()


def test_wrong_choice_feedback_quotes_the_answer_and_explanation() -> None:
    result = grade(exercise(), Answers(answers={"1": "  ATTACKS "})).item("1")
    assert result.given == "attacks"
    assert result.expected == "supports"
    assert result.feedback == "you said 'attacks'; expected supports: B argues for D."


def test_wrong_choices_feedback_names_missing_and_extra() -> None:
    result = grade(exercise(), Answers(answers={"3": ["L3", "L2"]})).item("3")
    assert (result.status, result.score, result.given) == ("wrong", 0, "L2, L3")
    assert result.feedback == "missing: L5; extra: L3"


@pytest.mark.parametrize(
    "value",
    [
        "L5, L2",
        "l2,l5",
        ["L5", "l2"],
        ["L2, L5"],
        "L2; L5",
        ["L2", "L2", "L5"],
        "L2 L5",
        " L5  l2 ",
        ["L2 L5"],
    ],
)
def test_choices_in_any_written_form(value: Any) -> None:
    result = grade(exercise(), Answers(answers={"3": value})).item("3")
    assert (result.status, result.given) == ("right", "L2, L5")


def test_space_separated_choices_are_read_as_several() -> None:
    # "L2 L3 L5": three choices, one of them wrong, not one unreadable choice
    result = grade(exercise(), Answers(answers={"3": "L2 L3 L5"})).item("3")
    assert (result.status, result.given, result.feedback) == ("wrong", "L2, L3, L5", "extra: L3")


def test_a_choice_given_as_a_one_element_list() -> None:
    assert grade(exercise(), Answers(answers={"2": ["b"]})).item("2").status == "right"


# -- links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        ["A supports C", "B attacks C", "D supports A"],
        [
            {"source": "A", "kind": "supports", "target": "C"},
            "b ATTACKS c",
            {"source": "D", "kind": "supports", "target": "A"},
        ],
        "A supports C; B attacks C, D supports A",
        ["D supports A", "A supports C", "B attacks C", "A supports C"],
    ],
)
def test_links_in_both_forms(value: Any) -> None:
    result = grade(exercise(), Answers(answers={"4": value})).item("4")
    assert (result.status, result.score, result.f1) == ("right", 3, 1.0)


def test_partial_links_credit() -> None:
    # One of two links right, one of three key links found: P = 1/2, R = 1/3, F1 = 2/5.
    result = grade(exercise(), Answers(answers={"4": ["A supports C", "B supports C"]})).item("4")
    assert (result.precision, result.recall) == (0.5, pytest.approx(1 / 3))
    assert result.f1 == pytest.approx(0.4)
    assert result.score == 1.2
    assert result.status == "partial"
    assert result.feedback == "missing: D supports A; wrong stance: B supports C (should be attacks)"


def test_an_unreadable_link_counts_as_a_wrong_one() -> None:
    answers = Answers(answers={"4": ["A supports C", "B attacks C", "D suports A"]})
    g = grade(exercise(), answers)
    result = g.item("4")
    assert (result.precision, result.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert result.score == 2
    assert [str(n) for n in g.notes] == [
        "item 4: 'suports' is not a stance (supports, attacks, undercuts); did you mean 'supports'?"
    ]


def test_links_item_with_an_empty_key() -> None:
    ex = exercise()
    assert grade(ex, Answers(answers={"5": []})).item("5").status == "right"
    assert grade(ex, Answers(answers={"5": None})).item("5").status == "unanswered"
    wrong = grade(ex, Answers(answers={"5": ["A attacks B"]})).item("5")
    assert (wrong.status, wrong.score, wrong.feedback) == ("wrong", 0, "extra: A attacks B")


def test_compare_links_counts() -> None:
    key = [
        StanceLink("A", "supports", "C"),
        StanceLink("B", "attacks", "C"),
        StanceLink("D", "supports", "A"),
    ]
    given = [
        StanceLink("A", "supports", "C"),
        StanceLink("C", "attacks", "B"),
        StanceLink("B", "supports", "C"),
        StanceLink("A", "supports", "C"),
    ]
    c = compare_links(given, key)
    assert c.matched == (StanceLink("A", "supports", "C"),)
    assert c.extra == (StanceLink("C", "attacks", "B"),)  # reversed, not a wrong stance
    assert c.missing == (StanceLink("D", "supports", "A"),)
    assert c.wrong_stance == ((StanceLink("B", "supports", "C"), StanceLink("B", "attacks", "C")),)
    assert (c.precision, c.recall, c.f1) == (pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert compare_links([], []).f1 == 1
    assert compare_links([], key).f1 == 0


# -- problems with the answers become notes ------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_answers_for_items_the_exercise_lacks(in_tmp: Path) -> None:
    text = "student: Ana\nanswers:\n  1: supports\n  2: B\n  3: [L2, L5]\n  4: [A supports C]\n  12: B\n"
    g = grade(exercise(), load_answers(write("answers.yaml", text)))
    assert [str(n) for n in g.notes] == ["answers.yaml:7:3: item 12: the exercise has no item 12 (items 1-5)"]
    without = grade(exercise(), load_answers(write("without.yaml", text.replace("  12: B\n", ""))))
    assert g.items == without.items
    assert without.notes == ()


def test_a_choice_typo_is_located_and_invalid(in_tmp: Path) -> None:
    g = grade(exercise(), load_answers(write("answers.yaml", "answers:\n  1: suports\n")))
    assert [str(n) for n in g.notes] == [
        "answers.yaml:2:6: item 1: 'suports' is not one of the choices (supports, attacks);"
        " did you mean 'supports'?"
    ]
    assert (g.item("1").status, g.item("1").score) == ("invalid", 0)


def test_an_unknown_choice_in_a_list_is_located_at_its_entry(in_tmp: Path) -> None:
    g = grade(exercise(), load_answers(write("answers.yaml", "answers:\n  3:\n    - L2\n    - L9\n")))
    assert [str(n) for n in g.notes] == [
        "answers.yaml:4:7: item 3: 'L9' is not one of the choices (L1, L2, L3, L4, L5)"
    ]
    assert g.item("3").status == "invalid"


def test_missing_items_are_unanswered() -> None:
    g = grade(exercise(), Answers(answers={"1": "supports"}))
    assert [(r.item_id, r.status, r.feedback) for r in g.items[1:]] == [
        (i, "unanswered", "no answer") for i in ("2", "3", "4", "5")
    ]
    assert g.notes == ()


@pytest.mark.parametrize(
    ("item_id", "value", "note"),
    [
        ("1", "{source: A}", "item 1: expected one choice id (one of: supports, attacks), not a mapping"),
        ("1", "[supports, {kind: attacks}]", "item 1: expected one choice id, found a mapping"),
        ("3", "[[L1]]", "item 3: expected choice ids, found a list"),
        ("4", "[A supports]", "item 4: cannot read the link 'A supports': write it as 'A supports C'"),
        (
            "4",
            "[{source: A, kind: supports}]",
            "item 4: cannot read the link {source: A, kind: supports}: give source, kind and target",
        ),
        ("4", "[A supports Z]", "item 4: 'Z' is not one of the nodes (A, B, C, D)"),
    ],
)
def test_malformed_values_become_notes(in_tmp: Path, item_id: str, value: str, note: str) -> None:
    g = grade(exercise(), load_answers(write("answers.yaml", f"answers:\n  {item_id}: {value}\n")))
    assert [str(n).split(": ", 1)[1] for n in g.notes] == [note]
    assert str(g.notes[0]).startswith("answers.yaml:2:")
    assert (g.item(item_id).status, g.item(item_id).score) == ("invalid", 0)


def either_exercise() -> Exercise:
    """One item where R and S are each right (match-principles' "either is right"), one where only R is."""
    choices = [Choice(id=c, text=f"principle {c}") for c in "QRST"]
    items = [
        Item(id="1", prompt="Which principle?", choices=choices, key=["R", "S"], explanation="Either."),
        Item(id="2", prompt="Which principle?", choices=choices, key=["R"]),
    ]
    part = Part(kind="match-principles", title="Principles", instructions="One letter each.", items=items)
    return Exercise(title="T", map_id="m", map_title="M", seed=0, difficulty=1, parts=[part])


@pytest.mark.parametrize(
    ("value", "status", "given", "feedback"),
    [
        ("[R, S]", "right", "R, S", "one choice was asked; each one given is right"),
        ("'s, r'", "right", "R, S", "one choice was asked; each one given is right"),
        ("[R, R]", "right", "R", ""),
        (
            "[R, T]",
            "wrong",
            "R, T",
            "one choice was asked and you gave 2 (R, T); T is not right; expected R (principle R) or"
            " S (principle S): Either.",
        ),
        ("[R, Z]", "invalid", "[R, Z]", "it names a choice the item does not have"),
    ],
)
def test_several_choices_where_one_is_asked(
    in_tmp: Path, value: str, status: str, given: str, feedback: str
) -> None:
    g = grade(either_exercise(), load_answers(write("answers.yaml", f"answers:\n  1: {value}\n")))
    result = g.item("1")
    assert (result.status, result.given, result.feedback) == (status, given, feedback)
    assert result.score == (1 if status == "right" else 0)
    # only a choice the item lacks is a note: a well-formed answer is graded, never "unreadable"
    unknown = "answers.yaml:2:10: item 1: 'Z' is not one of the choices (Q, R, S, T)"
    assert [str(n) for n in g.notes] == ([unknown] if status == "invalid" else [])


def test_several_choices_where_one_is_right_is_wrong(in_tmp: Path) -> None:
    g = grade(either_exercise(), load_answers(write("answers.yaml", "answers:\n  2: [R, S]\n")))
    assert (g.item("2").status, g.item("2").score, g.notes) == ("wrong", 0, ())
    assert g.item("2").feedback.startswith("one choice was asked and you gave 2 (R, S); S is not right")


def test_yaml_int_keys_and_string_keys_alike(in_tmp: Path) -> None:
    text = (
        'answers:\n  1: supports\n  "2": b\n  03: L2, L5\n'
        '  " 4 ": [A supports C, B attacks C, D supports A]\n'
    )
    g = grade(exercise(), load_answers(write("answers.yaml", text)))
    assert [r.status for r in g.items] == ["right"] * 4 + ["unanswered"]
    assert g.score == 8


@given(st.dictionaries(st.sampled_from(["1", "2", "3", "4", "5", "6", "01"]), json_values, max_size=6))
def test_grading_never_raises(raw: dict[str, Any]) -> None:
    ex = exercise()
    g = grade(ex, Answers(answers=raw))
    assert [r.item_id for r in g.items] == [i.id for i in ex.items]
    assert all(0 <= r.score <= r.points for r in g.items)
    assert 0 <= g.score <= g.points


# -- reports ------------------------------------------------------------------------


def test_report_and_dict(in_tmp: Path) -> None:
    text = "student: Ana Silva\nanswers:\n  1: attacks\n  2: B\n  3: L2, L5\n  4: [A supports C]\n  9: A\n"
    g = grade(exercise(), load_answers(write("answers.yaml", text)))
    report = format_grade(g)
    assert report.splitlines() == [
        "Uniforms",
        "Student: Ana Silva",
        "1  wrong       0/1    you said 'attacks'; expected supports: B argues for D.",
        "2  right       2/2",
        "3  right       2/2",
        "4  partial     1.5/3  missing: B attacks C, D supports A",
        "5  unanswered  0/1    no answer",
        "Notes:",
        "  answers.yaml:7:3: item 9: the exercise has no item 9 (items 1-5)",
        "Score: 5.5/9 (61.11%)",
    ]
    data = g.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["items"][3] == {
        "item": "4",
        "points": 3,
        "score": 1.5,
        "status": "partial",
        "given": "A supports C",
        "expected": "A supports C; B attacks C; D supports A",
        "feedback": "missing: B attacks C, D supports A",
        "precision": 1.0,
        "recall": 0.3333,
        "f1": 0.5,
    }
    assert data["notes"][0]["line"] == 7
    assert json.dumps(grade(exercise(), load_answers("answers.yaml")).to_dict()) == json.dumps(data)


def test_empty_grade() -> None:
    g = Grade("T", None, ())
    assert (g.score, g.points, g.percent) == (0, 0, 0)
    assert format_grade(g).splitlines()[-1] == "Score: 0/0 (0%)"


# -- maps ---------------------------------------------------------------------------


def small_reference() -> ArgumentMap:
    b = MapBuilder("ref", "Reference")
    for n in "abcdef":
        b.claim(n, f"{n.upper()}.")
    joint = b.supports(["a", "b"], "c", id="joint")
    b.contradicts("c", "d")
    b.undercuts("e", joint)
    b.attacks("f", "d")
    return b.build()


def student_map(
    *, joint: tuple[str, ...] = ("b", "a"), nodes: str = "abcdef", f_kind: str = "attacks"
) -> ArgumentMap:
    b = MapBuilder("mine", "Mine")
    for n in nodes:
        b.claim(n, f"{n.upper()}.")
    link = b.link("supports", list(joint) if len(joint) > 1 else joint[0], "c", id="j2")
    if "d" in nodes:
        b.contradicts("d", "c", id="x")  # the other way round
        b.link(f_kind, "f", "d", id="y")  # type: ignore[arg-type]
    b.undercuts("e", link, id="u")
    return b.build()


def test_maps_match_regardless_of_ids_order_and_symmetric_direction() -> None:
    g = grade_maps(small_reference(), student_map())
    assert (g.precision, g.recall, g.f1) == (1, 1, 1)
    assert [str(k) for k in g.matched] == [
        "a supports c",
        "b supports c",
        "c contradicts d",
        "e undercuts (a+b supports c)",
        "f attacks d",
    ]


def test_linked_premises_and_undercuts_compare_premise_by_premise() -> None:
    g = grade_maps(small_reference(), student_map(joint=("a",)))
    assert [str(k) for k in g.missing] == ["b supports c", "e undercuts (a+b supports c)"]
    assert [str(k) for k in g.extra] == ["e undercuts (a supports c)"]
    assert (g.precision, g.recall) == (0.75, 0.6)
    assert g.wrong_stance == ()


def test_wrong_stance_between_maps() -> None:
    g = grade_maps(small_reference(), student_map(f_kind="supports"))
    assert g.wrong_stance == ((StanceLink("f", "supports", "d"), StanceLink("f", "attacks", "d")),)
    assert (g.missing, g.extra) == ((), ())
    assert g.f1 == 0.8


def test_only_the_students_nodes_count_and_unknown_nodes_are_noted() -> None:
    b = MapBuilder.from_map(student_map(nodes="abcez"))
    b.attacks("z", "a")
    g = grade_maps(small_reference(), b.build())
    assert g.left_out == ("d", "f")
    assert [str(k) for k in g.missing] == []
    assert [str(k) for k in g.extra] == ["z attacks a"]
    assert [str(n) for n in g.notes] == [
        "claim 'z': the reference map has no node 'z'; links to or from it count as extra"
    ]
    assert (g.precision, g.recall) == (0.75, 1)


def test_school_phones_against_itself_and_a_flipped_copy() -> None:
    m = argmap.load_corpus("school-phones")
    same = grade_maps(m, m)
    assert (same.f1, same.missing, same.extra, same.wrong_stance) == (1, (), (), ())
    data = to_data(m)
    undercut = {link["target"] for link in data["links"] if link["kind"] == "undercuts"}
    flip = next(
        link
        for link in data["links"]
        if link["kind"] == "supports" and isinstance(link["source"], str) and link["id"] not in undercut
    )
    flip["kind"] = "attacks"
    g = grade_maps(m, validate(data))
    assert len(g.wrong_stance) == 1
    given_link, expected = g.wrong_stance[0]
    assert (given_link.source, given_link.kind, given_link.target) == (
        flip["source"],
        "attacks",
        flip["target"],
    )
    assert expected.kind == "supports"
    assert (g.missing, g.extra) == ((), ())
    assert len(g.matched) == len(same.matched) - 1


def test_map_grade_report_and_dict() -> None:
    g = grade_maps(small_reference(), student_map(joint=("a",), f_kind="supports"))
    assert format_map_grade(g).splitlines() == [
        "mine compared with ref: 2 matched, 2 missing, 1 extra, 1 wrong stance",
        "Precision 0.50  Recall 0.40  F1 0.44",
        "Missing:",
        "  b supports c",
        "  e undercuts (a+b supports c)",
        "Extra:",
        "  e undercuts (a supports c)",
        "Wrong stance:",
        "  f supports d (reference: attacks)",
    ]
    data = g.to_dict()
    assert data["wrong_stance"] == [{"given": "f supports d", "expected": "f attacks d"}]
    assert json.loads(json.dumps(data)) == data


def test_one_map_report_names_the_student_and_lists_the_statements_it_lacks_in_a_few_lines() -> None:
    reference = argmap.load_corpus("allied-space-cooperation")
    kept = [n.id for n in reference.nodes[:6]]
    drawn = restrict_to(reference, kept).model_copy(update={"metadata": {"student": " Ana Silva "}})
    g = grade_maps(reference, drawn)
    assert g.name == "Ana Silva" and g.to_dict()["name"] == "Ana Silva"
    lines = format_map_grade(g).splitlines()
    assert lines[0].startswith(f"Ana Silva ({drawn.id}) compared with {reference.id}: ")
    lacking = len(reference.nodes) - len(kept)
    heading = f"Not in your map: {lacking} statements of {reference.id} (links through them are not counted):"
    at = lines.index(heading)
    listed = [name.strip() for name in " ".join(lines[at + 1 :]).split(",")]
    # every id once, as many to a line as fit (three or more), not one a line
    assert listed == list(g.left_out) and len(lines) - at - 1 <= lacking // 3
    assert all(len(line) <= 102 for line in lines[at + 1 :])
    # without a name, the map's id
    assert format_map_grade(grade_maps(reference, restrict_to(reference, kept))).startswith(
        f"{drawn.id} compared"
    )


def test_a_map_with_nothing_counted_says_so_rather_than_only_f1_1() -> None:
    reference = argmap.load_corpus("school-phones")
    g = grade_maps(reference, restrict_to(reference, [reference.nodes[0].id]))
    assert "nothing was counted" in format_map_grade(g).splitlines()[1]


@given(maps())
def test_any_map_matches_itself(m: ArgumentMap) -> None:
    g = grade_maps(m, m)
    assert (g.f1, g.missing, g.extra, g.wrong_stance, g.notes) == (1, (), (), (), ())


def test_answers_that_fit_no_item_are_said_to_belong_perhaps_to_another_worksheet() -> None:
    from argmap.exercises.grading import grade

    m = argmap.load_corpus("school-phones")
    sheet = generate(m, "sort-by-side", seed=1)
    letters = {c.id for item in sheet.items for c in item.choices}
    unfit = {item.id: "ZZ" for item in sheet.items}  # no such choice on this sheet
    assert "ZZ" not in letters and len(unfit) >= 3  # guards the test
    first = str(grade(sheet, Answers(answers=unfit, path="ana.yaml")).notes[0])
    assert first.startswith("ana.yaml: none of the") and "another worksheet" in first
    # a student who gets some wrong is not told so
    right = key_answers(sheet).answers
    mixed = {**right, sheet.items[0].id: "ZZ"}
    assert not any("another worksheet" in str(n) for n in grade(sheet, Answers(answers=mixed)).notes)


def test_an_exercise_or_a_map_given_as_answers_is_named_once(tmp_path: Path) -> None:
    sheet = generate(argmap.load_corpus("school-phones"), "sort-by-side", seed=1)
    exercise = tmp_path / "ex.json"
    exercise.write_text(sheet.to_json(), encoding="utf-8")
    with pytest.raises(argmap.LoadError) as raised:
        load_answers(exercise)
    assert [p.message for p in raised.value.problems] == [
        "not an answers file: this is an exercise file; give it first, then the answer files"
    ]
    drawn = tmp_path / "map.yaml"
    argmap.dump(argmap.load_corpus("school-phones"), drawn)
    with pytest.raises(
        argmap.LoadError, match=r"map\.yaml:1:1: not an answers file: this is an argument map"
    ):
        load_answers(drawn)


def test_a_link_from_one_premise_of_a_joint_reason_shown_in_part_counts_neither_way() -> None:
    ref = MapBuilder("ref", "R")
    for n in "abcx":
        _ = ref.claim(n, n.upper() + ".")
    _ = ref.supports(["b", "x"], "a")
    _ = ref.attacks("c", "a")
    drawn = MapBuilder("mine", "S")
    for n in "abc":  # no x: the student could not tell that b gives its reason only with x
        _ = drawn.claim(n, n.upper() + ".")
    _ = drawn.supports("b", "a")
    _ = drawn.attacks("c", "a")
    g = grade_maps(ref.build(), drawn.build())
    assert ([str(k) for k in g.matched], g.missing, g.extra, g.f1) == (["c attacks a"], (), (), 1.0)
    # the wrong stance from it, though, is no guess at a reason it could not see: still extra
    wrong = MapBuilder("mine", "S")
    for n in "abc":
        _ = wrong.claim(n, n.upper() + ".")
    _ = wrong.attacks("b", "a")
    assert [str(k) for k in grade_maps(ref.build(), wrong.build()).extra] == ["b attacks a"]
