"""One mistake, one finding: the effects of a mistake are attached to its finding as related."""

from __future__ import annotations

import pytest

import argmap
from argmap.checks import check
from argmap.checks.registry import RULES, SEVERITIES
from argmap.checks.related import PRECEDENCE, relate
from argmap.io.native import to_data

# The corpora have sources, so a link added without an anchor is also unsourced (AM601): a second,
# separate matter, which these tests of stance mistakes leave out.
STANCE = {"min_severity": "warning", "ignore": ["AM601"]}


def clean(name: str) -> argmap.ArgumentMap:
    m = argmap.load_corpus(name)
    assert check(m, min_severity="warning") == []  # the premise of every test here
    return m


def test_one_misplaced_attack_on_a_clean_map_gives_one_error_with_its_effects_attached() -> None:
    # two claims of the ban's supporters, both for the ban: one attacking the other is a slip
    builder = argmap.MapBuilder.from_map(clean("school-phones"))
    builder.attacks("daily-relief", "divided-attention", id="misplaced")
    (finding,) = check(builder.build(), **STANCE)
    assert finding.severity == "error" and finding.code == "AM202"
    assert "misplaced" in finding.elements
    # the other rules the slip breaks, each naming the same link, none repeated at top level
    assert sorted(r.code for r in finding.related) == ["AM203", "AM301", "AM302"]
    assert all("misplaced" in r.elements for r in finding.related)
    assert all(r.related == () for r in finding.related)  # one level deep


def test_without_grouping_the_same_slip_breaks_four_rules() -> None:
    builder = argmap.MapBuilder.from_map(clean("school-phones"))
    builder.attacks("daily-relief", "divided-attention", id="misplaced")
    m = builder.build()
    separately = [f for code in ("AM202", "AM203", "AM301", "AM302") for f in check(m, select=code)]
    assert len(separately) == 4


@pytest.mark.parametrize("corpus", ["school-phones", "allied-space-cooperation"])
def test_any_one_reversed_link_in_a_corpus_gives_at_most_one_finding(corpus: str) -> None:
    m = clean(corpus)
    data = to_data(m)
    flipped = 0
    for i, link in enumerate(m.links):
        if link.kind not in ("supports", "attacks"):
            continue
        changed = to_data(m)
        changed["links"][i] = {
            **data["links"][i],
            "kind": "attacks" if link.kind == "supports" else "supports",
        }
        found = check(argmap.validate(changed), **STANCE)
        assert len(found) <= 1, (link.id, [(f.code, f.message) for f in found])
        flipped += bool(found)
    assert flipped > 10


def test_three_separate_mistakes_give_three_findings() -> None:
    builder = argmap.MapBuilder.from_map(clean("school-phones"))
    builder.attacks("daily-relief", "divided-attention", id="slip-1")  # AM202 and its effects
    builder.supports("bullying-resumes", "break-still-worth", id="slip-2")  # opponents back a supporter
    builder.supports("teacher-led-use", "teacher-led-use", id="slip-3")  # a claim as its own reason
    found = check(builder.build(), **STANCE)
    slips = [[s for s in ("slip-1", "slip-2", "slip-3") if s in f.elements] for f in found]
    assert sorted(slips) == [["slip-1"], ["slip-2"], ["slip-3"]]


def test_an_error_is_never_attached_to_a_warning() -> None:
    rank = {code: i for i, code in enumerate(PRECEDENCE)}
    by_level = sorted(PRECEDENCE, key=lambda c: -SEVERITIES.index(RULES[c].severity))
    assert sorted(by_level, key=rank.__getitem__) == by_level
    assert set(PRECEDENCE) <= set(RULES)


def test_findings_that_share_no_link_stay_apart() -> None:
    b = argmap.MapBuilder("m", "T")
    for node in "abcd":
        b.claim(node, node.upper() + ".")
    b.supports("a", "b", id="s1")
    b.supports("c", "d", id="s2")
    m = b.build()
    first = argmap.Finding("AM202", "error", "one", ("a", "s1", "b"))
    second = argmap.Finding("AM203", "warning", "two", ("c", "s2", "d"))
    unrelated = argmap.Finding("AM203", "warning", "three", ("a", "b"))  # names no link
    assert relate(m, [first, second, unrelated]) == [first, second, unrelated]
    grouped = relate(m, [second, argmap.Finding("AM302", "warning", "four", ("s2",))])
    assert [(f.code, [r.code for r in f.related]) for f in grouped] == [("AM302", ["AM203"])]
