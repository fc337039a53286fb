"""Derived attacks of bipolar frameworks: the papers' examples and the definitions read literally."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.builder import MapBuilder
from argmap.errors import ArgmapError
from argmap.semantics.bipolar import derive_attacks
from argmap.semantics.mapping import build_framework
from argmap.semantics.solvers import IN, OUT, UNDEC, extensions, grounded_labelling

pairs = st.tuples(st.integers(0, 7), st.integers(0, 7))


def closure(relation: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs joined by a non-empty path (transitive closure)."""
    result = set(relation)
    while True:
        extra = {(a, d) for a, b in result for c, d in result if b == c} - result
        if not extra:
            return result
        result |= extra


@given(st.sets(pairs, max_size=14), st.sets(pairs, max_size=14))
def test_definition_3_exactly_on_random_8_argument_frameworks(
    attacks: set[tuple[int, int]], supports: set[tuple[int, int]]
) -> None:
    reach = closure(supports)
    supported = {(a, c) for a, b in reach for b2, c in attacks if b == b2}
    indirect = {(a, c) for a, b in attacks for b2, c in reach if b == b2}
    mediated = {(c, a) for a, b in reach for c, b2 in attacks if b == b2}
    got = derive_attacks(8, sorted(attacks), sorted(supports), "supported")
    assert set(got) == (supported | indirect) - attacks
    got_mediated = derive_attacks(8, sorted(attacks), sorted(supports), "mediated")
    assert set(got_mediated) == (supported | indirect | mediated) - attacks
    assert derive_attacks(8, sorted(attacks), sorted(supports), "none") == {}
    for (a, c), derivation in got_mediated.items():
        chain = derivation.chain
        assert len(chain) >= 3
        if derivation.kind == "supported":
            assert (chain[0], chain[-1]) == (a, c) and (chain[-2], c) in attacks
            assert all(step in supports for step in zip(chain[:-2], chain[1:-1], strict=True))
        elif derivation.kind == "indirect":
            assert (chain[0], chain[-1]) == (a, c) and (a, chain[1]) in attacks
            assert all(step in supports for step in zip(chain[1:-1], chain[2:], strict=True))
        else:
            assert (chain[-1], chain[0]) == (a, c) and (a, chain[-2]) in attacks
            assert all(step in supports for step in zip(chain[:-2], chain[1:-1], strict=True))


def test_a_chain_mixing_support_before_and_after_an_attack_derives_no_end_to_end_attack() -> None:
    # a sup b def c sup d: supported defeat a->c, indirect defeat b->d, and nothing from a to d
    derived = derive_attacks(4, [(1, 2)], [(0, 1), (2, 3)], "supported")
    assert sorted(derived) == [(0, 2), (1, 3)]
    # derived attacks are not derived from again: a sup b def c, and d sup a
    derived = derive_attacks(4, [(1, 2)], [(0, 1), (3, 0)], "supported")
    assert sorted(derived) == [(0, 2), (3, 2)]
    assert derived[3, 2].chain == (3, 0, 1, 2)


def _boella_figure_1() -> MapBuilder:
    # Boella, Gabbay, van der Torre, Villata 2010, Figure 1(a): a sup b, b sup c, b def d, e def c
    b = MapBuilder("boella", "Support in abstract argumentation, Figure 1")
    for name in "abcde":
        b.claim(name, f"Argument {name}.")
    b.supports("a", "b")
    b.supports("b", "c")
    b.attacks("b", "d")
    b.attacks("e", "c")
    return b


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ("none", {("b", "d"), ("e", "c")}),
        # Cayrol & Lagasquie-Schiex's supported attack of the figure
        ("supported", {("b", "d"), ("e", "c"), ("a", "d")}),
        # and Boella et al.'s two mediated attacks on the supporters of c
        ("mediated", {("b", "d"), ("e", "c"), ("a", "d"), ("e", "b"), ("e", "a")}),
    ],
)
def test_boella_et_al_2010_figure_1(reading: str, expected: set[tuple[str, str]]) -> None:
    mf = build_framework(_boella_figure_1().build(), reading)
    names = mf.af.names
    assert {(names[s], names[t]) for s, t in mf.af.attacks()} == expected


def test_boella_figure_1_extensions_per_reading() -> None:
    m = _boella_figure_1().build()
    names = build_framework(m, "mediated").af.names
    got = {
        reading: [{names[i] for i in e} for e in extensions(build_framework(m, reading).af, "preferred")]
        for reading in ("none", "supported", "mediated")
    }
    # without support: a, b, e stand unattacked; d and c fall to them
    assert got["none"] == [{"a", "b", "e"}]
    assert got["supported"] == [{"a", "b", "e"}]
    # mediated: e attacks the supporters of c, so only e and the reinstated d stand
    assert got["mediated"] == [{"d", "e"}]


def _labels(m: object, reading: str = "none") -> dict[str, int]:
    mf = build_framework(m, reading)  # type: ignore[arg-type]
    labels = grounded_labelling(mf.af)
    return {arg.name: labels[i] for i, arg in enumerate(mf.arguments)}


def test_linked_premises_attack_only_together() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "c", "x"):
        b.claim(name, f"{name}.")
    b.attacks(["a", "b"], "c")
    assert _labels(b.build())["c"] == OUT
    b.attacks("x", "b")
    labels = _labels(b.build())
    assert (labels["b"], labels["[a & b]"], labels["c"]) == (OUT, OUT, IN)


def test_undercut_attack_reaches_its_target_only_through_its_inference() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "u"):
        b.claim(name, f"{name}.")
    link = b.attacks("a", "b", id="a-b")
    b.undercuts("u", link)
    labels = _labels(b.build())
    assert (labels["a"], labels["[a-b]"], labels["b"], labels["u"]) == (IN, OUT, IN, IN)


def test_undercut_support_puts_its_inference_out_and_an_undercut_undercut_reinstates_it() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "u", "v"):
        b.claim(name, f"{name}.")
    link = b.supports("a", "b", id="a-b")
    cut = b.undercuts("u", link, id="cut")
    assert _labels(b.build())["[a-b]"] == OUT
    b.undercuts("v", cut)
    labels = _labels(b.build())
    assert (labels["[cut]"], labels["[a-b]"]) == (OUT, IN)


def test_contradiction_is_mutual_attack_and_issues_are_no_arguments() -> None:
    b = MapBuilder("m", "T")
    b.issue("q", "Should we?")
    b.claim("a", "Yes.")
    b.claim("n", "No.")
    b.supports("a", "q")
    b.attacks("n", "q")
    b.contradicts("a", "n")
    mf = build_framework(b.build())
    assert "q" not in mf.af.names
    assert mf.af.attacks() == [(0, 1), (1, 0)]
    assert [(k.link, k.stance) for k in mf.issue_links["q"]] == [
        ("a--supports--q", "for"),
        ("n--attacks--q", "against"),
    ]
    assert _labels(b.build()) == {"a": UNDEC, "n": UNDEC}


def test_equivalent_nodes_share_their_attackers_under_a_support_reading() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "x"):
        b.claim(name, f"{name}.")
    b.equivalent("a", "b")
    b.attacks("x", "a")
    assert _labels(b.build(), "none")["b"] == IN
    assert _labels(b.build(), "supported")["b"] == OUT


def test_removed_nodes_take_their_links_and_derivations_with_them() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "c"):
        b.claim(name, f"{name}.")
    b.supports("a", "b")
    b.attacks("b", "c")
    mf = build_framework(b.build(), "supported", removed=["b"])
    assert mf.af.names == ("a", "c") and mf.af.attacks() == []
    with pytest.raises(ArgmapError, match="no node with id 'zz'"):
        build_framework(b.build(), removed=["zz"])


def test_an_attack_on_one_linked_premise_passes_on_like_an_attack_on_a_single_premise() -> None:
    b = MapBuilder("m", "T")
    for name in ("a", "b", "c", "x"):
        b.claim(name, f"{name}.")
    b.supports(["a", "b"], "c")
    b.attacks("x", "a")
    mf = build_framework(b.build(), "supported")
    names = mf.af.names
    derived = {(names[s], names[t]): o.kind for (s, t), o in mf.origins.items() if o.link is None}
    assert derived.get(("x", "c")) == "indirect"
    assert ("a", "c") not in derived  # a premise alone is no reason: it derives nothing
    labels = _labels(b.build(), "supported")
    assert (labels["a"], labels["[a & b]"], labels["c"]) == (OUT, OUT, OUT)
    assert _labels(b.build(), "none")["c"] == IN
