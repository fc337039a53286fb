"""Exercises never ask students to recover, as if the text stated it, what the map's authors inferred."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap.exercises import DIFFICULTIES, KINDS, Exercise, generate
from argmap.exercises.kinds.match_principles import appeals, stated_appeals
from argmap.exercises.vocabulary import NODE_STANCE_KINDS
from argmap.io.native import to_data
from argmap.model import ArgumentMap

PHONES = argmap.load_corpus("school-phones")
TEXTS = argmap.find_source_texts(PHONES)
WHY = "The text does not say this; the annotators read it so."


def inferred_phones() -> ArgumentMap:
    """school-phones with every other stance link, every principle link and some anchored claims inferred."""
    data: dict[str, Any] = to_data(PHONES)
    principles = {n["id"] for n in data["nodes"] if n["kind"] == "principle"}
    for i, link in enumerate(data["links"]):
        sources = link["source"] if isinstance(link["source"], list) else [link["source"]]
        if i % 2 == 0 or principles.intersection(sources):
            link.update(inferred=True, note=WHY)
    anchored = [n for n in data["nodes"] if n.get("anchors") and n["kind"] != "issue"]
    for node in anchored[::3]:
        node.update(inferred=True, note=WHY)
    return argmap.validate(data)


INFERRED = inferred_phones()
INFERRED_IDS = {str(e.id) for e in (*INFERRED.nodes, *INFERRED.links) if e.inferred}
# Kinds whose every item is about one element, which must then be stated.
NEVER_ASKED = ("label-links", "fill-gap", "sort-by-side", "locate")


def test_the_map_has_inferred_elements_of_every_sort() -> None:
    assert any(n.inferred for n in INFERRED.nodes if n.anchors)
    assert any(k.inferred and k.kind == "supports" for k in INFERRED.links)
    assert any(k.inferred and k.kind == "attacks" for k in INFERRED.links)
    assert any(not k.inferred for k in INFERRED.links)


def exercises(kind: str) -> list[Exercise]:
    return [
        generate(INFERRED, kind, seed=seed, difficulty=level, texts=TEXTS)
        for seed in range(4)
        for level in DIFFICULTIES.values()
    ]


@pytest.mark.parametrize("kind", NEVER_ASKED)
def test_no_item_asks_about_an_inferred_element(kind: str) -> None:
    asked = [e for ex in exercises(kind) for item in ex.items for e in item.elements]
    assert asked
    assert not INFERRED_IDS.intersection(asked)


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"reconstruct"}))
def test_an_item_resting_on_an_inferred_element_says_so(kind: str) -> None:
    for ex in exercises(kind):
        for item in ex.items:
            if INFERRED_IDS.intersection(item.elements) and kind != "match-principles":
                shown = item.prompt + " ".join(c.text for c in item.choices)
                assert "inferred" in shown, (kind, item.prompt)


def test_reconstruct_keys_no_inferred_link_as_stated() -> None:
    said = 0
    for ex in exercises("reconstruct"):
        for item in ex.items:
            among = set(item.elements)
            keyed = [
                k
                for k in INFERRED.links
                if k.inferred and k.kind in NODE_STANCE_KINDS and {*k.premises, k.target} <= among
            ]
            # the prompt says so exactly when the key holds an inferred link, and the key says how many
            assert ("inferred" in item.prompt) == bool(keyed), item.prompt
            if keyed:
                said += 1
                count = sum(len(k.premises) for k in keyed)
                assert f"({count} of them inferred by the map's authors)" in item.explanation
    assert said


def test_match_principles_says_when_every_appeal_of_the_key_is_inferred() -> None:
    found, stated = appeals(INFERRED), stated_appeals(INFERRED)
    said = 0
    for ex in exercises("match-principles"):
        for item in ex.items:
            node, *right = item.elements
            assert set(right) == set(found[node])
            if any((node, p) in stated for p in right):
                assert "infer" not in item.prompt
            else:
                said += 1
                assert "the map's authors infer this appeal" in item.prompt
                assert "inferred" in item.explanation
    assert said


def test_find_flaw_marks_the_inferred_links_it_lists() -> None:
    marked = 0
    for ex in exercises("find-flaw"):
        for item in ex.items:
            inferred = [c for c in item.choices if c.text.endswith("(inferred)")]
            marked += len(inferred)
            assert bool(inferred) <= ("“(inferred)”" in item.prompt)
    assert marked


def test_diagrams_say_what_the_inferred_mark_means() -> None:
    ex = generate(INFERRED, "label-links", seed=1)
    assert "“(inferred)”: the map authors' reading" in ex.parts[0].diagrams[0].reading
    assert "not asked about" in ex.parts[0].instructions
    stated_only = PHONES.model_copy(update={"links": tuple(k for k in PHONES.links if not k.inferred)})
    assert not any(n.inferred for n in stated_only.nodes)
    plain = generate(stated_only, "label-links", seed=1)
    assert "inferred" not in plain.parts[0].diagrams[0].reading + plain.parts[0].instructions


def test_a_kind_with_nothing_stated_left_says_why() -> None:
    data: dict[str, Any] = to_data(PHONES)
    for node in data["nodes"]:
        if node["kind"] != "issue":
            node.update(inferred=True, note=WHY)
    for link in data["links"]:
        link.update(inferred=True, note=WHY)
    everything = argmap.validate(data)
    messages = {
        "label-links": "supports or attacks link that is not inferred",
        "fill-gap": "linked into the debate and not inferred",
        "sort-by-side": "inferred claims are left out",
        "locate": "anchored and stated: each is inferred",
    }
    for kind, message in messages.items():
        with pytest.raises(argmap.errors.ExerciseError, match=message):
            generate(everything, kind, texts=TEXTS)
