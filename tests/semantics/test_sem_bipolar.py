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
    # Boella, Gabbay, van der Torre, Villata 2010, Figure 1(a), the paper's own example: arguments a..e,
    # attacks b -> d and e -> c, supports a => b and b => c. The figure marks one supported attack (a on d)
    # and two mediated attacks (e on b, e on a), and the text says {d, e} is the accepted set
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


# -- Definition 3 by brute force: every witnessing sequence, enumerated -------------------------


def _support_paths(start: int, supports: set[tuple[int, int]]) -> list[tuple[int, ...]]:
    """Every sequence ``start sup x sup ...`` of one or more supports whose arguments are distinct.

    A sequence whose support part repeats an argument contains a shorter one
    with the same two ends, so these are all the ends Definition 3 can reach.
    """
    found: list[tuple[int, ...]] = []
    stack: list[tuple[int, ...]] = [(start,)]
    while stack:
        path = stack.pop()
        for a, b in supports:
            if a == path[-1] and b not in path:
                found.append((*path, b))
                stack.append((*path, b))
            elif a == path[-1] and b == path[0] and len(path) > 1:
                found.append((*path, b))  # back to the start: a support cycle (not extended further)
    return found


def witnesses(
    attacks: set[tuple[int, int]], supports: set[tuple[int, int]]
) -> dict[str, set[tuple[int, int]]]:
    """The defeats Definition 3 (and Boella et al.'s mediated attack) define, pair by pair, from sequences."""
    args = {x for pair in attacks | supports for x in pair}
    supported: set[tuple[int, int]] = set()
    indirect: set[tuple[int, int]] = set()
    mediated: set[tuple[int, int]] = set()
    for a1 in args:
        for path in _support_paths(a1, supports):
            # A1 sup ... sup An-1 def An (n >= 3): a supported defeat of An by A1
            supported |= {(a1, an) for last, an in attacks if last == path[-1]}
            # A1 sup ... sup An-1 and An def An-1: Boella et al.'s mediated attack of A1 by An
            mediated |= {(an, a1) for an, last in attacks if last == path[-1]}
    for a1, a2 in attacks:
        # A1 def A2 sup ... sup An (n >= 3): an indirect defeat of An by A1
        indirect |= {(a1, path[-1]) for path in _support_paths(a2, supports)}
    return {"supported": supported, "indirect": indirect, "mediated": mediated}


def is_witness(
    kind: str, chain: tuple[int, ...], attacks: set[tuple[int, int]], sup: set[tuple[int, int]]
) -> bool:
    """Whether ``chain`` is a sequence of the kind Definition 3 (or the mediated attack) describes."""
    steps = list(zip(chain, chain[1:], strict=False))
    if len(chain) < 3:
        return False
    if kind == "supported":
        return all(s in sup for s in steps[:-1]) and steps[-1] in attacks
    if kind == "indirect":
        return steps[0] in attacks and all(s in sup for s in steps[1:])
    return all(s in sup for s in steps[:-1]) and (chain[-1], chain[-2]) in attacks


@given(st.sets(pairs, max_size=14), st.sets(pairs, max_size=14))
def test_derived_defeats_are_exactly_those_with_a_witnessing_sequence(
    attacks: set[tuple[int, int]], supports: set[tuple[int, int]]
) -> None:
    """Random 8-argument bipolar frameworks against a brute-force enumeration of Definition 3's sequences.

    No over-generation: every derived defeat comes with a chain that is a
    witnessing sequence of its kind. No under-generation: every pair some
    witnessing sequence joins is derived (or is already a direct defeat).
    """
    found = witnesses(attacks, supports)
    for reading, kinds in (("supported", ("supported", "indirect")), ("mediated", tuple(found))):
        derived = derive_attacks(8, sorted(attacks), sorted(supports), reading)
        for (a, c), derivation in derived.items():
            assert derivation.kind in kinds
            assert is_witness(derivation.kind, derivation.chain, attacks, supports)
            ends = (derivation.chain[-1], derivation.chain[0]) if derivation.kind == "mediated" else None
            assert (ends or (derivation.chain[0], derivation.chain[-1])) == (a, c)
        assert set(derived) == set().union(*(found[k] for k in kinds)) - attacks


@given(st.sets(pairs, max_size=14), st.sets(pairs, max_size=14))
def test_mediated_attacks_are_secondary_attacks_of_the_reversed_support(
    attacks: set[tuple[int, int]], supports: set[tuple[int, int]]
) -> None:
    """The duality of Cayrol & Lagasquie-Schiex 2013 between deductive and necessary support.

    Read ``a sup b`` as deductive support or, reversed, as necessary support
    ``b nsup a``: Boella et al.'s mediated attacks of the first are the
    secondary (indirect) attacks of the second. The survey draws this
    duality; the property test is our own, derived from the definitions.
    """
    reversed_support = {(b, a) for a, b in supports}
    secondary_of_reversed = witnesses(attacks, reversed_support)["indirect"]
    assert witnesses(attacks, supports)["mediated"] == secondary_of_reversed
    deductive = set(derive_attacks(8, sorted(attacks), sorted(supports), "supported"))
    with_mediated = set(derive_attacks(8, sorted(attacks), sorted(supports), "mediated"))
    assert with_mediated == deductive | (secondary_of_reversed - attacks)


# -- the papers' own examples ---------------------------------------------------------------------


def _set_defeats(af_attacks: set[tuple[str, str]], s: set[str], target: str) -> bool:
    return any((x, target) in af_attacks for x in s)


def _closure_of_support(support: set[tuple[str, str]], s: set[str]) -> set[str]:
    reached = set()
    frontier = set(s)
    while frontier:
        frontier = {b for a, b in support if a in frontier} - reached
        reached |= frontier
    return reached


def test_cayrol_lagasquie_schiex_2005_example_2_reconstructed() -> None:
    """The conflicts and safety the paper states for its Example 2 (p. 385), on a reconstruction.

    We could not see the paper's figure; we could read which sets the paper
    says are (not) conflict-free and (not) safe, and why. The edges below are
    the ones those reasons name: H def B, A sup B, B sup C, C def D, F sup D.
    The assertions are the paper's statements; the graph is derived from them.
    Set-defeat (Definition 4) is the framework's attack relation under the
    ``supported`` reading: a direct, supported or indirect defeat.
    """
    b = MapBuilder("cls2005", "Cayrol & Lagasquie-Schiex 2005, Example 2 (reconstructed)")
    for name in "ABCDFH":
        b.claim(name, f"Argument {name}.")
    b.attacks("H", "B")
    b.supports("A", "B")
    b.supports("B", "C")
    b.attacks("C", "D")
    b.supports("F", "D")
    mf = build_framework(b.build(), "supported")
    names = mf.af.names
    defeats = {(names[s], names[t]) for s, t in mf.af.attacks()}
    support = {("A", "B"), ("B", "C"), ("F", "D")}

    def conflict_free(s: set[str]) -> bool:
        return not any(_set_defeats(defeats, {x}, y) for x in s for y in s)

    def safe(s: set[str]) -> bool:  # Definition 7
        supported = _closure_of_support(support, s)
        return not any(_set_defeats(defeats, s, x) and (x in supported or x in s) for x in names)

    assert conflict_free({"A", "H"}) and conflict_free({"B", "F"})
    assert not conflict_free({"H", "B"})  # a direct defeat
    kind = {(names[s], names[t]): origin.kind for (s, t), origin in mf.origins.items()}
    assert not conflict_free({"H", "C"}) and kind["H", "C"] == "indirect"
    assert not conflict_free({"B", "D"}) and kind["B", "D"] == "supported"
    assert not safe({"A", "H"})  # A supports B, which H defeats
    assert not safe({"B", "F"})  # B set-defeats D, which F supports
    # and A's supported defeat of D runs through the whole support chain A sup B sup C def D
    assert mf.origins[names.index("A"), names.index("D")].chain == tuple(names.index(x) for x in "ABCD")


def test_cayrol_lagasquie_schiex_2005_example_1_as_described() -> None:
    """Example 1 (a murder trial, p. 381), with the edges as a reading of the paper describes them.

    A3 defeats A1, A4 defeats A3; A2 supports A1 (same conclusion), A5
    supports A4 (confirms its premise). We could not check the figure itself.
    Under ``supported`` the one derived defeat is A5's supported defeat of
    A3; ``mediated`` adds A3's attack on A2, the supporter of the A1 it
    attacks. A3 falls to A4 either way, so A1 and A2 stand.
    """
    b = MapBuilder("cls2005-1", "Cayrol & Lagasquie-Schiex 2005, Example 1")
    for i in range(1, 6):
        b.claim(f"A{i}", f"Argument A{i}.")
    b.attacks("A3", "A1")
    b.attacks("A4", "A3")
    b.supports("A2", "A1")
    b.supports("A5", "A4")
    expected = {
        "none": {},
        "supported": {("A5", "A3"): "supported"},
        "mediated": {("A5", "A3"): "supported", ("A3", "A2"): "mediated"},
    }
    for reading, derivations in expected.items():
        mf = build_framework(b.build(), reading)
        names = mf.af.names
        derived = {(names[s], names[t]): o.kind for (s, t), o in mf.origins.items() if o.link is None}
        assert derived == derivations
        labels = grounded_labelling(mf.af)
        assert [labels[names.index(f"A{i}")] for i in range(1, 6)] == [IN, IN, OUT, IN, IN]


def test_supported_and_secondary_attack_of_the_2013_survey_on_three_arguments() -> None:
    """The two smallest cases of the 2013 survey's definitions (derived by us, not the survey's figures).

    Supported attack: a sup b, b att c gives a att c. Secondary attack:
    a att b, b sup c gives a att c. Under ``none`` neither appears.
    """
    assert sorted(derive_attacks(3, [(1, 2)], [(0, 1)], "supported")) == [(0, 2)]
    assert derive_attacks(3, [(1, 2)], [(0, 1)], "supported")[0, 2].kind == "supported"
    assert derive_attacks(3, [(0, 1)], [(1, 2)], "supported")[0, 2].kind == "indirect"
    assert derive_attacks(3, [(0, 1)], [(1, 2)], "none") == {}
    # a supports b and b attacks a: the definition has no distinct-ends condition, so a attacks itself
    assert derive_attacks(2, [(1, 0)], [(0, 1)], "supported")[0, 0].chain == (0, 1, 0)
