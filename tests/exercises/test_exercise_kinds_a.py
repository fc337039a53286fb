"""The label-links, match-principles and fill-gap exercise kinds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.builder import MapBuilder
from argmap.errors import ExerciseError
from argmap.exercises import Exercise, generate
from argmap.exercises.common import diagram, restrict
from argmap.exercises.kinds.match_principles import appeals
from argmap.exercises.model import Item
from argmap.model import ArgumentMap
from argmap.render.labels import html_text
from tests.strategies import maps

KINDS = ["label-links", "match-principles", "fill-gap"]
ALLIED = argmap.load_corpus("allied-space-cooperation")
PHONES = argmap.load_corpus("school-phones")
# (map, issues): a whole corpus or one issue of it
SCOPES = {
    "allied": (ALLIED, ()),
    "burden-sharing": (ALLIED, ("burden-sharing",)),
    "phones": (PHONES, ()),
}


def plain(text: str) -> str:
    return " ".join(text.split())


def make(scope: str, kind: str, seed: int = 1, difficulty: int = 1) -> tuple[ArgumentMap, Exercise]:
    m, issues = SCOPES[scope]
    return restrict(m, issues), generate(m, kind, seed=seed, difficulty=difficulty, issues=issues)


def dot_of(ex: Exercise, item: Item) -> str:
    (part,) = ex.parts
    return next(d.dot for d in part.diagrams if d.id == item.diagram)


# -- what every kind keeps ---------------------------------------------------------------


@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_same_seed_same_bytes(scope: str, kind: str, difficulty: int) -> None:
    _, first = make(scope, kind, seed=7, difficulty=difficulty)
    _, again = make(scope, kind, seed=7, difficulty=difficulty)
    assert first.to_json() == again.to_json()
    assert first.items


@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("kind", KINDS)
def test_another_seed_another_exercise(scope: str, kind: str) -> None:
    _, first = make(scope, kind, seed=1, difficulty=2)
    _, other = make(scope, kind, seed=2, difficulty=2)
    assert first.parts[0] != other.parts[0]


@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_every_key_is_a_choice_and_right(scope: str, kind: str, difficulty: int) -> None:
    m, ex = make(scope, kind, seed=3, difficulty=difficulty)
    assert_keys_right(kind, m, ex)


def assert_keys_right(kind: str, m: ArgumentMap, ex: Exercise) -> None:
    for item in ex.items:
        assert item.answer_type == "choice"
        assert item.key and set(item.key) <= {c.id for c in item.choices}
        {
            "label-links": assert_label_right,
            "match-principles": assert_principle_right,
            "fill-gap": assert_gap_right,
        }[kind](m, ex, item)


def assert_label_right(m: ArgumentMap, ex: Exercise, item: Item) -> None:
    link = m.link(item.elements[0])
    assert item.key == (link.kind,)
    tag = re.match(r"Link (L\d+) runs from ", item.prompt)
    assert tag is not None
    assert f"<B>{tag.group(1)}</B>" in dot_of(ex, item)
    assert item.explanation.startswith(f"{tag.group(1)} {link.kind}: ")


def principles_reading(m: ArgumentMap, text: str) -> set[str]:
    """The principles a choice's text stands for: its label and text, or its text alone."""
    found = set()
    for p in m.nodes_of_kind("principle"):
        shown = f"{plain(p.label)}: {plain(p.text)}" if p.label else plain(p.text)
        if shown == text:
            found.add(p.id)
    return found


def assert_principle_right(m: ArgumentMap, ex: Exercise, item: Item) -> None:
    node_id = item.elements[0]
    assert m.node(node_id).kind in ("claim", "counterclaim", "evidence")
    assert plain(m.node(node_id).text) in item.prompt
    backers = {
        p for link in m.links_to(node_id, "supports") for p in link.premises if m.node(p).kind == "principle"
    }
    for choice in item.choices:
        shown = principles_reading(m, choice.text)
        assert shown
        # a keyed principle supports the claim, and every principle that does is keyed
        assert bool(shown & backers) == (choice.id in item.key)


def assert_gap_right(m: ArgumentMap, ex: Exercise, item: Item) -> None:
    gap = m.node(item.elements[0])
    assert gap.kind in ("claim", "counterclaim", "evidence")
    (key,) = item.key
    assert item.choice(key).text == plain(gap.text)
    texts = [c.text for c in item.choices]
    assert len(set(texts)) == len(texts)


# -- label-links -------------------------------------------------------------------------


@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_label_links_diagram_hides_stances_and_ids(scope: str, difficulty: int) -> None:
    m, ex = make(scope, "label-links", difficulty=difficulty)
    dot = ex.parts[0].diagrams[0].dot
    assert "label=<+>" not in dot and "−" not in dot and "concedes" not in dot
    for element in [n.id for n in m.nodes] + [str(k.id) for k in m.links]:
        assert f'"{element}"' not in dot
    # the same map drawn with its stances shows the marks the exercise hides
    shown = diagram(m, "d1", "", node_tags={n.id: n.id for n in m.nodes})
    assert "label=<+>" in shown.dot


def test_label_links_difficulty_sets_count_and_choices() -> None:
    stance = [k for k in ALLIED.links if k.kind in ("supports", "attacks", "undercuts") and not k.inferred]
    counts = []
    for level in (1, 2, 3):
        _, ex = make("allied", "label-links", difficulty=level)
        counts.append(len(ex.items))
        assert [c.id for c in ex.items[0].choices] == ["supports", "attacks", "undercuts"][: 2 + (level == 3)]
    assert counts == [6, 10, len(stance)]


def test_label_links_asks_every_kind_present() -> None:
    _, ex = make("phones", "label-links", difficulty=1)
    assert {item.key[0] for item in ex.items} == {"supports", "attacks"}


def test_label_links_undercuts_only_when_hard() -> None:
    undercut = next(str(k.id) for k in PHONES.links if k.kind == "undercuts")
    for level in (1, 2):
        _, ex = make("phones", "label-links", difficulty=level)
        assert all(item.elements != (undercut,) for item in ex.items)
    _, ex = make("phones", "label-links", difficulty=3)
    (item,) = [i for i in ex.items if i.elements == (undercut,)]
    assert item.key == ("undercuts",)
    # the prompt names the link it lands on, by its tag
    target = re.search(r"to link (L\d+) \(from ", item.prompt)
    assert target is not None
    target_item = next(i for i in ex.items if i.prompt.startswith(f"Link {target.group(1)} runs"))
    assert target_item.elements == (PHONES.link(undercut).target,)


def test_label_links_names_undercut_chains_and_cycles_by_their_ends() -> None:
    b = MapBuilder("m", "T")
    b.issue("q", "Q?")
    for n in ("a", "x", "y", "v", "w"):
        b.claim(n, n.upper() + " holds.")
    b.supports("a", "q", id="s")
    b.undercuts("x", "s", id="u")
    b.undercuts("y", "u", id="uu")
    b.undercuts("v", "c2", id="c1")
    b.undercuts("w", "c1", id="c2")
    m = b.build()
    ex = generate(m, "label-links", seed=2, difficulty=3)
    tag = {i.elements[0]: i.prompt.split()[1] for i in ex.items}
    by_text = {c.text: c.id for c in ex.parts[0].diagrams[0].statements}
    letter = {n.id: by_text[n.text] for n in m.nodes}
    prompts = {i.elements[0]: i.prompt for i in ex.items}
    # an undercut of an undercut names each link it lands on by its ends, to the node at the end
    assert (
        f"to link {tag['u']} (from {letter['x']} to link {tag['s']} (from {letter['a']} to {letter['q']}))"
        in (prompts["uu"])
    )
    # in a cycle, the asked link is named by its tag only, not again by its ends inside its own name
    assert prompts["c1"].endswith(
        f"to link {tag['c2']} (from {letter['w']} to link {tag['c1']}). What does it do?"
    )
    explained = next(i.explanation for i in ex.items if i.elements == ("c2",))
    named = f"link {tag['c1']} (from {letter['v']} to link {tag['c2']})"
    assert explained == f"{tag['c2']} undercuts: {letter['w']} denies that {named} holds."


def small_map() -> ArgumentMap:
    b = MapBuilder("small", "Small")
    b.side("pro", "Pro")
    b.side("con", "Con")
    b.issue("q", "Should we?")
    b.claim("a", "Alpha helps.", held_by="pro")
    b.claim("b", "Beta helps too.", held_by="pro")
    b.counterclaim("c", "Gamma hurts.", held_by="con")
    b.evidence("e", "Epsilon was measured.", held_by="pro")
    b.principle("p", "Fairness matters.")
    b.principle("r", "Thrift matters.")
    s = b.supports(["a", "b"], "q")
    b.attacks("c", "a", held_by="con")
    b.supports("e", "a", concession=True, held_by="con")
    b.supports(["p", "e"], "c")
    b.attacks("r", "c")
    b.undercuts("c", s)
    b.contradicts("a", "c")
    return b.build()


def test_label_links_names_linked_premises_together() -> None:
    m = small_map()
    ex = generate(m, "label-links", seed=4, difficulty=3)
    (joint,) = [i for i in ex.items if m.link(i.elements[0]).premises == ("a", "b")]
    assert re.search(
        r"from [A-Z] \(“Alpha helps\.”\) and [A-Z] \(“Beta helps too\.”\) together", joint.prompt
    )
    assert "together give a reason for" in joint.explanation
    # symmetric links are never asked about
    assert all(m.link(i.elements[0]).kind != "contradicts" for i in ex.items)


def test_label_links_concession_is_explained_not_drawn() -> None:
    m = small_map()
    ex = generate(m, "label-links", seed=4, difficulty=3)
    conceded = next(i for i in ex.items if m.link(i.elements[0]).concession)
    assert "concession" in conceded.explanation
    assert "concedes" not in ex.parts[0].diagrams[0].dot


def test_label_links_hides_sides_at_every_difficulty() -> None:
    # side colours would tell a support within a side from an attack across sides
    m = small_map()
    for level in (1, 2, 3):
        dot = generate(m, "label-links", seed=4, difficulty=level).parts[0].diagrams[0].dot
        assert "Con" not in dot and "Pro" not in dot


def test_label_links_refuses_a_map_without_stances() -> None:
    b = MapBuilder("flat", "Flat")
    b.claim("a", "A.")
    b.claim("c", "C.")
    b.contradicts("a", "c")
    with pytest.raises(
        ExerciseError, match=r"map 'flat': label-links needs at least one supports or attacks link"
    ):
        generate(b.build(), "label-links")


# -- match-principles --------------------------------------------------------------------


def test_appeals_counts_linked_premises_and_skips_issues_and_attacks() -> None:
    m = small_map()
    assert appeals(m) == {"c": ("p",)}
    assert appeals(PHONES)["rule-backs-parents"] == ("parental-responsibility",)
    assert "ban" not in appeals(PHONES)


@pytest.mark.parametrize("difficulty", [1, 2])
def test_match_principles_diagram_leaves_principles_out(difficulty: int) -> None:
    m, ex = make("burden-sharing", "match-principles", difficulty=difficulty)
    (drawing,) = ex.parts[0].diagrams
    assert "PRINCIPLE" not in drawing.dot
    listed = {c.text for c in drawing.statements}
    for p in m.nodes_of_kind("principle"):
        assert html_text(p.title, 16) not in drawing.dot and p.text not in listed
    claims = [n for n in m.nodes if n.kind == "claim"]
    assert all(html_text(n.title, 16) in drawing.dot and n.text in listed for n in claims)
    # the diagram's letters are not the choices' letters
    choice_ids = {c.id for c in ex.items[0].choices}
    for item in ex.items:
        tag = re.match(r"Which principle does (?:claim|counterclaim|evidence) (\w+) appeal to", item.prompt)
        assert tag is not None and tag.group(1) not in choice_ids
        assert f">{tag.group(1)}</FONT></B>" in drawing.dot


def test_match_principles_hard_has_no_diagram() -> None:
    _, ex = make("burden-sharing", "match-principles", difficulty=3)
    assert ex.parts[0].diagrams == ()
    assert all(item.diagram is None for item in ex.items)


def test_match_principles_difficulty_sets_items_and_choices() -> None:
    found = appeals(ALLIED)
    appealed = {p for ps in found.values() for p in ps}
    counts = [
        (len(ex.items), len(ex.items[0].choices))
        for ex in (make("allied", "match-principles", difficulty=d)[1] for d in (1, 2, 3))
    ]
    assert [c[0] for c in counts] == [4, 6, len(found)]
    assert counts[1][1] == len(appealed)
    assert counts[0][1] <= counts[1][1] <= counts[2][1] == len(ALLIED.nodes_of_kind("principle"))


def test_match_principles_hard_adds_principles_no_claim_appeals_to() -> None:
    _, medium = make("phones", "match-principles", difficulty=2)
    _, hard = make("phones", "match-principles", difficulty=3)
    texts = {c.text for c in hard.items[0].choices} - {c.text for c in medium.items[0].choices}
    assert [principles_reading(PHONES, t) for t in texts] == [{"learning-first"}]


def test_match_principles_refuses_a_map_without_appeals() -> None:
    b = MapBuilder("bare", "Bare")
    b.claim("a", "A.")
    b.principle("p", "P.")
    b.attacks("p", "a")
    with pytest.raises(
        ExerciseError, match=r"map 'bare': match-principles needs a claim.*that a principle supports"
    ):
        generate(b.build(), "match-principles")


def test_match_principles_refuses_a_single_principle() -> None:
    b = MapBuilder("one", "One")
    b.claim("a", "A.")
    b.principle("p", "P.")
    b.supports("p", "a")
    with pytest.raises(ExerciseError, match=r"at least two principles to choose from \(found 1\)"):
        generate(b.build(), "match-principles", difficulty=3)


# -- fill-gap ----------------------------------------------------------------------------


@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_fill_gap_diagram_hides_the_gap(scope: str, difficulty: int) -> None:
    m, ex = make(scope, "fill-gap", difficulty=difficulty)
    drawings = ex.parts[0].diagrams
    # Items share a diagram, asked in the order of the diagrams; fewer diagrams than items.
    on = [item.diagram for item in ex.items]
    assert on == sorted(on, key=[d.id for d in drawings].index) and {d.id for d in drawings} == set(on)
    for drawing in drawings:
        gaps = [item.elements[0] for item in ex.items if item.diagram == drawing.id]
        assert drawing.dot.count("?  ?  ?") == len(gaps)
        # No two gaps of a diagram are linked: each gap's neighbours are shown.
        assert not any({link.source, link.target} <= set(gaps) for link in m.links)
    for item in ex.items:
        gap = m.node(item.elements[0])
        dot = dot_of(ex, item)
        drawing = next(d for d in drawings if d.id == item.diagram)
        assert html_text(gap.title, 16) not in dot
        assert gap.text not in {c.text for c in drawing.statements}
        shared = sum(i.diagram == item.diagram for i in ex.items) > 1
        assert ("marked “?" in item.prompt) is shared
        # drawn without the blank, the same diagram shows what the exercise hides
        shown = diagram(m, "x", "", node_tags={gap.id: "?"}, nodes=[n.id for n in m.nodes])
        assert html_text(gap.title, 16) in shown.dot
        assert gap.text in {c.text for c in shown.statements}


def test_fill_gap_difficulty_sets_items_and_choices() -> None:
    shapes = [[len(i.choices) for i in make("allied", "fill-gap", difficulty=d)[1].items] for d in (1, 2, 3)]
    assert shapes == [[3] * 3, [4] * 4, [5] * 5]


def test_fill_gap_items_of_one_diagram_do_not_offer_each_others_answers() -> None:
    for scope in sorted(SCOPES):
        m, ex = make(scope, "fill-gap", difficulty=2)
        for item in ex.items:
            others = {
                " ".join(m.node(i.elements[0]).text.split())
                for i in ex.items
                if i.diagram == item.diagram and i is not item
            }
            assert not others & {c.text for c in item.choices}, (scope, item.id)


def test_fill_gap_distractors_avoid_texts_the_diagram_shows() -> None:
    m, ex = make("allied", "fill-gap", difficulty=3)
    for item in ex.items:
        drawing = next(d for d in ex.parts[0].diagrams if d.id == item.diagram)
        listed = {c.text for c in drawing.statements}
        for choice in item.choices:
            assert choice.text not in listed


def test_fill_gap_hard_prefers_the_gaps_own_side() -> None:
    b = MapBuilder("camps", "Camps")
    b.side("pro", "Pro")
    b.side("con", "Con")
    b.issue("q", "Should we?")
    # Enough per side that the gaps of one shared diagram need not be each other's distractors.
    for i in range(10):
        b.claim(f"pro{i}", f"Reason {i} for.", held_by="pro")
        b.supports(f"pro{i}", "q")
        b.claim(f"con{i}", f"Reason {i} against.", held_by="con")
        b.attacks(f"con{i}", "q")
    m = b.build()
    ex = generate(m, "fill-gap", seed=5, difficulty=3)
    assert len(ex.items) == 5
    for item in ex.items:
        side = m.node(item.elements[0]).held_by
        assert all(("for" if side == "pro" else "against") in c.text for c in item.choices)


def test_fill_gap_small_map_gives_fewer_items() -> None:
    m = small_map()
    ex = generate(m, "fill-gap", seed=2, difficulty=3)
    assert sorted(i.elements[0] for i in ex.items) == ["a", "b", "c", "e"]
    assert all(len(i.choices) == 5 for i in ex.items)
    assert_keys_right("fill-gap", m, ex)


def test_fill_gap_refuses_a_map_with_one_candidate() -> None:
    b = MapBuilder("tiny", "Tiny")
    b.issue("q", "Q?")
    b.claim("a", "A.")
    b.claim("loose", "Not linked.")
    b.supports("a", "q")
    with pytest.raises(ExerciseError, match=r"map 'tiny': fill-gap needs at least two claims.*\(found 1\)"):
        generate(b.build(), "fill-gap")


# -- any map -----------------------------------------------------------------------------


@given(maps(), st.sampled_from(KINDS), st.integers(0, 2**16), st.integers(1, 3))
def test_any_map_gives_right_keys_or_a_clear_refusal(
    m: ArgumentMap, kind: str, seed: int, level: int
) -> None:
    try:
        ex = generate(m, kind, seed=seed, difficulty=level)
    except ExerciseError as err:
        assert str(err).startswith(f"map {m.id!r}: {kind} needs ")
        return
    assert_keys_right(kind, m, ex)
    assert generate(m, kind, seed=seed, difficulty=level).to_json() == ex.to_json()


def test_fill_gap_takes_other_choices_off_the_figure_and_of_the_gaps_kind_from_the_whole_map() -> None:
    from argmap.exercises.common import seeded
    from argmap.exercises.kinds.fill_gap import _distractors
    from argmap.exercises.registry import Setting

    b = MapBuilder("m", "T")
    b.issue("q1", "Q1?")
    b.issue("q2", "Q2?")
    b.claim("a", "Claim A.")
    b.claim("b", "Claim B.")
    b.evidence("e", "Evidence E.")
    for name in ("c", "d", "f"):
        b.claim(name, f"Claim {name.upper()}.")
    b.supports("a", "q1")
    b.attacks("b", "q1")
    b.supports("e", "a")
    for name in ("c", "d", "f"):
        b.supports(name, "q2")
    whole = b.build()
    scope = restrict(whole, ["q1"])
    gap = scope.node("a")
    drawn = ["q1", "a", "b", "e"]
    alone = _distractors(Setting(scope, seeded(1), 2), gap, drawn, 2)
    assert {n.id for n in alone} == {"b", "e"}  # no map beyond the scope: the drawn texts, as before
    found = _distractors(Setting(scope, seeded(1), 2, whole=whole), gap, drawn, 2)
    assert {n.id for n in found} <= {"c", "d", "f"}  # claims, like the gap, that no figure draws
