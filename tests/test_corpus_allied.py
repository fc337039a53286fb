"""The allied-space-cooperation corpus: a map of the seed article, checked against the article's text.

Tests that need the article take the ``seed_text`` fixture (skipped when the
article is absent); tests of the map alone always run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import argmap
from argmap.model import Anchor, ArgumentMap
from argmap.sources import sha256_text, verify_anchors

CORPUS = "allied-space-cooperation"
SOURCE = "article"
CONTROVERSIES_SECTION = "Controversies and debates"
CONTEMPORARY_SECTION = "Contemporary programs and challenges"
FRAMEWORK_SECTION = "Framework and Principles"

# The bullets of "Controversies and debates", in the article's order (headings verbatim).
CONTROVERSIES = (
    pytest.param("Burden-sharing versus strategic autonomy", id="burden"),
    pytest.param("International cooperation versus national interest", id="national-interest"),
    pytest.param("Governance models and resource rights", id="governance"),
    pytest.param("Dependence on adversarial or non-aligned actors", id="dependence"),
    pytest.param("Cultural and institutional debates", id="culture"),
    pytest.param("Debates about speed and scale", id="speed"),
    pytest.param("woke criticism and meritocratic concerns", id="merit"),
)
CONTROVERSY_HEADINGS = tuple(p.values[0] for p in CONTROVERSIES)
BURDEN, _, GOVERNANCE, DEPENDENCE, _, SPEED, MERIT = CONTROVERSY_HEADINGS

# The two debates of "Contemporary programs and challenges" that the map treats as issues.
RESOURCE_RIGHTS = "Resource rights and governance"
ECONOMIC_STRATEGY = "Economic and technological strategy"
CONTEMPORARY_DEBATES = (
    pytest.param(RESOURCE_RIGHTS, id="resource-rights"),
    pytest.param(ECONOMIC_STRATEGY, id="economic-strategy"),
)

FRAMEWORK_PRINCIPLES = (
    "Shared standards and interoperability",
    "Public-private balance",
    "Rule-based order",
    "Burden-sharing and resilience",
    "Security and deterrence",
)

PEJORATIVE_WORDS = ("woke",)
PARAPHRASE_RUN = 8  # words in a row that a paraphrase must not share with the article

BULLET_RE = re.compile(r"^[ \t]*•[ \t]*(?P<heading>[^:\n]+):[ \t]*(?P<body>\S.*)$", re.MULTILINE)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
WORD_RE = re.compile(r"[a-z0-9']+")

Span = tuple[int, int]


# -- helpers ---------------------------------------------------------------


def controversy(heading: str) -> str:
    return f"{CONTROVERSIES_SECTION} / {heading}"


def contemporary(heading: str) -> str:
    return f"{CONTEMPORARY_SECTION} / {heading}"


BULLET_SECTIONS = tuple(controversy(h) for h in CONTROVERSY_HEADINGS) + tuple(
    contemporary(h.values[0]) for h in CONTEMPORARY_DEBATES
)


def all_anchors(m: ArgumentMap) -> Iterator[tuple[str, Anchor]]:
    """Every anchor of every node and link, with the element's id."""
    for element in [*m.nodes, *m.links]:
        for anchor in element.anchors:
            yield str(element.id), anchor


def anchor_spans(m: ArgumentMap) -> list[Span]:
    return [(a.start, a.end) for _, a in all_anchors(m) if a.source == SOURCE]


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]`` as absolute spans (split after . ! ? and whitespace)."""
    spans, pos = [], start
    for brk in SENTENCE_BREAK.finditer(text, start, end):
        spans.append((pos, brk.start()))
        pos = brk.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def controversy_sentences(m: ArgumentMap, text: str) -> dict[str, list[Span]]:
    """The sentences of each bullet of "Controversies and debates", keyed by the bullet's heading.

    The section's heading line is dropped, and so is each bullet's own
    "Heading:" lead-in, so that the issue anchored on the heading does not
    count as covering the bullet's first sentence.
    """
    section = m.document(SOURCE).section(CONTROVERSIES_SECTION)
    body_start = text.index("\n", section.start)
    return {
        bullet["heading"]: sentence_spans(text, bullet.start("body"), bullet.end("body"))
        for bullet in BULLET_RE.finditer(text, body_start, section.end)
    }


def overlaps(span: Span, spans: list[Span]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def coverage_by_controversy(m: ArgumentMap, text: str) -> dict[str, tuple[int, int]]:
    """For each controversy bullet: (sentences overlapping some anchor, sentences in all)."""
    spans = anchor_spans(m)
    return {
        heading: (sum(overlaps(s, spans) for s in sentences), len(sentences))
        for heading, sentences in controversy_sentences(m, text).items()
    }


def issues_in_section(m: ArgumentMap, section: str) -> list[str]:
    return [n.id for n in m.issues if any(a.section == section for a in n.anchors)]


def bullet_issue(m: ArgumentMap, section: str) -> str:
    """The id of the one issue anchored in the bullet ``section``."""
    found = issues_in_section(m, section)
    if len(found) != 1:
        pytest.fail(f"expected one issue anchored in {section!r}, found {found}")
    return found[0]


def reach(m: ArgumentMap, issue_id: str) -> set[str]:
    return {n.id for n in m.issue_nodes(issue_id)}


def debate_nodes(m: ArgumentMap, section: str) -> set[str]:
    """The nodes bearing on a bullet's issue that are anchored in that bullet itself."""
    return {
        n.id for n in m.issue_nodes(bullet_issue(m, section)) if any(a.section == section for a in n.anchors)
    }


def debate_content(m: ArgumentMap, section: str) -> set[str]:
    """The nodes anchored in a bullet, leaving out principles (shared values, not the debate's own)."""
    return {n.id for n in m.nodes if n.kind != "principle" and any(a.section == section for a in n.anchors)}


def holder(m: ArgumentMap, element_id: str) -> str | None:
    return m.node(element_id).held_by


def word_runs(text: str, k: int = PARAPHRASE_RUN) -> set[tuple[str, ...]]:
    words = WORD_RE.findall(text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def sides_oppose(m: ArgumentMap, a: str, b: str) -> bool:
    side_a, side_b = m.side(a), m.side(b)
    if b in side_a.opposes or a in side_b.opposes:
        return True
    common = side_a.stances.keys() & side_b.stances.keys()
    return any({side_a.stances[i], side_b.stances[i]} == {"for", "against"} for i in common)


@pytest.fixture(scope="module")
def amap() -> ArgumentMap:
    return argmap.load_corpus(CORPUS)


# -- 1. loading ------------------------------------------------------------


def test_corpus_is_listed_and_loads() -> None:
    assert CORPUS in [c.name for c in argmap.list_corpora()]
    m = argmap.load_corpus(CORPUS)
    assert m.id == CORPUS
    assert m.origin is not None and m.origin.path.endswith("map.yaml")
    assert [doc.id for doc in m.sources] == [SOURCE]


# -- 2. source text --------------------------------------------------------


@pytest.mark.seed
def test_recorded_sha256_is_the_seed_articles(amap: ArgumentMap, seed_text: str) -> None:
    assert amap.document(SOURCE).sha256 == sha256_text(seed_text)


@pytest.mark.seed
def test_anchors_verify_against_the_seed_article(amap: ArgumentMap, seed_text: str) -> None:
    assert verify_anchors(amap, {SOURCE: seed_text}) == []


def test_anchors_carry_no_quotes(amap: ArgumentMap) -> None:
    # The article is not the team's text: anchors point into it but do not copy it.
    quoted = [eid for eid, a in all_anchors(amap) if a.quote is not None]
    assert quoted == []


# -- 3. anchors and sections -----------------------------------------------


def test_every_node_is_anchored(amap: ArgumentMap) -> None:
    assert [n.id for n in amap.nodes if not n.anchors] == []


def test_anchors_lie_inside_their_sections(amap: ArgumentMap) -> None:
    doc = amap.document(SOURCE)
    outside = []
    for eid, a in all_anchors(amap):
        assert a.source == SOURCE
        if a.section is not None:
            sec = doc.section(a.section)
            if not (sec.start <= a.start and a.end <= sec.end):
                outside.append(f"{eid}: {a.start}..{a.end} not in {a.section!r} {sec.start}..{sec.end}")
    assert outside == []


def test_anchors_name_the_innermost_section(amap: ArgumentMap) -> None:
    sections = amap.document(SOURCE).sections
    wrong = []
    for eid, a in all_anchors(amap):
        around = [s for s in sections if s.start <= a.start and a.end <= s.end]
        innermost = min(around, key=lambda s: s.end - s.start).name if around else None
        if a.section != innermost:
            wrong.append(f"{eid}: {a.start}..{a.end} names {a.section!r}, innermost is {innermost!r}")
    assert wrong == []


def test_subsections_nest_in_their_parent_section(amap: ArgumentMap) -> None:
    doc = amap.document(SOURCE)
    for sec in doc.sections:
        parent, sep, _ = sec.name.partition(" / ")
        if sep:
            outer = doc.section(parent)
            assert outer.start < sec.start and sec.end <= outer.end, sec.name


@pytest.mark.seed
def test_sections_start_at_their_headings(amap: ArgumentMap, seed_text: str) -> None:
    wrong = []
    for sec in amap.document(SOURCE).sections:
        heading = sec.name.rpartition(" / ")[2]
        body = seed_text[sec.start : sec.end]
        if " / " in sec.name:
            # a bullet: "  • Heading: ..." on one line
            ok = (
                body.startswith(heading + ":")
                and seed_text[: sec.start].endswith("• ")
                and "\n" not in body.rstrip("\n")
            )
        else:
            ok = body.startswith(heading + "\n") and seed_text[: sec.start].endswith("\n\n")
        if not ok:
            wrong.append(f"{sec.name!r} at {sec.start}: {body[:50]!r}")
    assert wrong == []


@pytest.mark.seed
def test_declared_bullets_are_the_articles_bullets(amap: ArgumentMap, seed_text: str) -> None:
    assert tuple(controversy_sentences(amap, seed_text)) == CONTROVERSY_HEADINGS
    doc = amap.document(SOURCE)
    declared = {s.name for s in doc.sections}
    assert set(BULLET_SECTIONS) <= declared
    assert {f"{FRAMEWORK_SECTION} / {p}" for p in FRAMEWORK_PRINCIPLES} <= declared


# -- 4. coverage of the controversies --------------------------------------


@pytest.mark.seed
@pytest.mark.parametrize("heading", CONTROVERSIES)
def test_every_controversy_sentence_is_anchored(amap: ArgumentMap, seed_text: str, heading: str) -> None:
    sentences = controversy_sentences(amap, seed_text)[heading]
    assert sentences, f"no sentences found under {heading!r}"
    spans = anchor_spans(amap)
    uncovered = [seed_text[s:e] for s, e in sentences if not overlaps((s, e), spans)]
    assert uncovered == []


@pytest.mark.seed
def test_coverage_by_controversy_is_total(amap: ArgumentMap, seed_text: str) -> None:
    coverage = coverage_by_controversy(amap, seed_text)
    assert tuple(coverage) == CONTROVERSY_HEADINGS
    assert all(total > 0 for _, total in coverage.values())
    assert {h: c for h, c in coverage.items() if c[0] != c[1]} == {}


@pytest.mark.seed
def test_coverage_counts_uncovered_sentences(amap: ArgumentMap, seed_text: str) -> None:
    # The helper must notice a gap: without the anchors of one bullet, none of its sentences is covered.
    section = controversy(BURDEN)

    def unanchored(elements: tuple) -> list:
        return [
            e.model_copy(update={"anchors": tuple(a for a in e.anchors if a.section != section)})
            for e in elements
        ]

    stripped = argmap.validate(
        {**dict(amap), "nodes": unanchored(amap.nodes), "links": unanchored(amap.links)}
    )
    covered, total = coverage_by_controversy(stripped, seed_text)[BURDEN]
    assert total > 0 and covered == 0


# -- 5. issues -------------------------------------------------------------


@pytest.mark.parametrize("heading", CONTROVERSIES)
def test_one_issue_per_controversy_anchored_on_its_heading(amap: ArgumentMap, heading: str) -> None:
    section = amap.document(SOURCE).section(controversy(heading))
    issue = amap.node(bullet_issue(amap, section.name))
    heading_end = section.start + len(heading)
    on_heading = [a for a in issue.anchors if a.start == section.start and a.end == heading_end]
    assert on_heading, f"{issue.id} has no anchor on the heading {heading!r}"


@pytest.mark.parametrize("heading", CONTEMPORARY_DEBATES)
def test_one_issue_per_contemporary_debate(amap: ArgumentMap, heading: str) -> None:
    section = amap.document(SOURCE).section(contemporary(heading))
    issue = amap.node(bullet_issue(amap, section.name))
    assert any(a.start == section.start for a in issue.anchors), f"{issue.id} is not anchored on {heading!r}"


def test_every_issue_belongs_to_exactly_one_debate(amap: ArgumentMap) -> None:
    homes = {
        n.id: [s for s in BULLET_SECTIONS if any(a.section == s for a in n.anchors)] for n in amap.issues
    }
    assert {i: h for i, h in homes.items() if len(h) != 1} == {}
    assert len(amap.issues) == len(BULLET_SECTIONS)


@pytest.mark.seed
@pytest.mark.parametrize("heading", CONTROVERSIES)
def test_controversy_issue_anchor_reads_the_heading(amap: ArgumentMap, seed_text: str, heading: str) -> None:
    issue = amap.node(bullet_issue(amap, controversy(heading)))
    assert heading in [seed_text[a.start : a.end] for a in issue.anchors]


def test_merit_issue_is_phrased_without_pejoratives(amap: ArgumentMap) -> None:
    issue = amap.node(bullet_issue(amap, controversy(MERIT)))
    words = set(WORD_RE.findall(f"{issue.label or ''} {issue.text}".lower()))
    assert "merit" in words
    assert words.isdisjoint(PEJORATIVE_WORDS)


# -- 6. sides within each controversy --------------------------------------


# "Within" a controversy: among the nodes bearing on its issue, those anchored in its own bullet
# (issue_nodes alone would also take in other debates' nodes that bear on it through overlaps).


@pytest.mark.parametrize("heading", CONTROVERSIES)
def test_controversy_has_two_sides_holding_claims(amap: ArgumentMap, heading: str) -> None:
    members = [amap.node(i) for i in debate_nodes(amap, controversy(heading))]
    sides = {n.held_by for n in members if n.kind in ("claim", "counterclaim") and n.held_by}
    assert len(sides) >= 2, sides


@pytest.mark.parametrize("heading", CONTROVERSIES)
def test_controversy_has_an_attack_across_sides(amap: ArgumentMap, heading: str) -> None:
    members = debate_nodes(amap, controversy(heading))
    crossing = [
        k.id
        for k in amap.links
        if k.kind == "attacks" and k.target in members and holder(amap, k.target) is not None
        for p in k.premises
        if p in members and holder(amap, p) not in (None, holder(amap, k.target))
    ]
    assert crossing, f"no attack between nodes of different sides under {heading!r}"


# -- 7. framework principles -----------------------------------------------


@pytest.mark.parametrize("name", FRAMEWORK_PRINCIPLES)
def test_framework_principle_supports_a_claim(amap: ArgumentMap, name: str) -> None:
    section = f"{FRAMEWORK_SECTION} / {name}"
    found = [n for n in amap.nodes if any(a.section == section for a in n.anchors)]
    assert [n.kind for n in found] == ["principle"], [n.id for n in found]
    supported = [amap.node(k.target) for k in amap.links_from(found[0].id, "supports")]
    assert any(n.kind in ("claim", "counterclaim") for n in supported), [n.id for n in supported]


# -- 8. connection to issues -----------------------------------------------


def test_every_node_is_connected_to_an_issue(amap: ArgumentMap) -> None:
    connected = set().union(*(reach(amap, i.id) for i in amap.issues))
    assert [n.id for n in amap.nodes if n.id not in connected] == []


@pytest.mark.parametrize("section", BULLET_SECTIONS, ids=lambda s: s.rpartition(" / ")[2])
def test_nodes_of_a_debate_reach_its_issue(amap: ArgumentMap, section: str) -> None:
    issue = bullet_issue(amap, section)
    belong = [
        n.id
        for n in amap.nodes
        if n.kind != "issue" and (issue in n.tags or any(a.section == section for a in n.anchors))
    ]
    assert belong, f"no node belongs to {issue!r}"
    assert sorted(set(belong) - reach(amap, issue)) == []


# -- 9. paraphrase ---------------------------------------------------------


@pytest.mark.seed
def test_paraphrases_share_no_long_run_with_the_article(amap: ArgumentMap, seed_text: str) -> None:
    article = word_runs(seed_text)
    written = [(f"node {n.id!r} {f}", getattr(n, f)) for n in amap.nodes for f in ("label", "text")]
    written += [(f"side {s.id!r} {f}", getattr(s, f)) for s in amap.sides for f in ("name", "description")]
    copied = [
        f"{where}: {' '.join(run)!r}"
        for where, value in written
        if value
        for run in sorted(word_runs(value) & article)
    ]
    assert not copied, "copied from the article:\n" + "\n".join(copied)


def test_word_runs_detect_a_copied_phrase() -> None:
    phrase = "the partnership model faces stress when major partners drift away"
    assert word_runs(f"As noted, {phrase.upper()}.") & word_runs(f"Indeed {phrase} from norms")
    assert not word_runs("the partnership model faces stress") & word_runs(phrase)


# -- 10. editorial voice ---------------------------------------------------


def editorial_sides(m: ArgumentMap) -> list[str]:
    return [s.id for s in m.sides if s.role == "editorial"]


def test_an_editorial_side_exists(amap: ArgumentMap) -> None:
    assert len(editorial_sides(amap)) == 1


@pytest.mark.parametrize("heading", [BURDEN, SPEED, MERIT], ids=["burden", "speed", "merit"])
def test_editorial_voice_holds_a_node_in(amap: ArgumentMap, heading: str) -> None:
    nodes = amap.issue_nodes(bullet_issue(amap, controversy(heading)))
    assert {n.held_by for n in nodes} & set(editorial_sides(amap))


def test_merit_controversy_has_a_concession_across_sides(amap: ArgumentMap) -> None:
    members = reach(amap, bullet_issue(amap, controversy(MERIT)))
    concessions = [
        k
        for k in amap.links
        if k.concession and k.target in members and all(p in members for p in k.premises)
    ]
    assert concessions, "no concession in the merit-and-diversity controversy"
    # a concession grants a point of another side than the one holding it
    for k in concessions:
        others = {holder(amap, e) for e in (*k.premises, k.target)} - {None, k.held_by}
        assert others, f"{k.id} concedes nothing to another side"


# -- 11. contemporary debates linked to controversies ----------------------


@pytest.mark.parametrize(
    ("debate", "overlapping"),
    [(RESOURCE_RIGHTS, GOVERNANCE), (ECONOMIC_STRATEGY, DEPENDENCE)],
    ids=["resource-rights", "economic-strategy"],
)
def test_contemporary_debate_is_linked_to_its_controversy(
    amap: ArgumentMap, debate: str, overlapping: str
) -> None:
    ours = debate_content(amap, contemporary(debate))
    theirs = debate_content(amap, controversy(overlapping))
    bridges = [
        k.id
        for k in amap.links
        if k.kind != "undercuts"
        for p in k.premises
        if (p in ours and k.target in theirs) or (p in theirs and k.target in ours)
    ]
    assert bridges, f"no link between the nodes of {debate!r} and {overlapping!r}"
    # through the bridge, some node bears on both issues
    shared = reach(amap, bullet_issue(amap, contemporary(debate))) & reach(
        amap, bullet_issue(amap, controversy(overlapping))
    )
    assert shared


# -- 12. shared principles -------------------------------------------------


def test_a_principle_is_invoked_by_opposing_sides(amap: ArgumentMap) -> None:
    invoked_by = {
        p.id: {
            holder(amap, k.target)
            for k in amap.links_from(p.id, "supports")
            if amap.node(k.target).kind in ("claim", "counterclaim") and holder(amap, k.target)
        }
        for p in amap.nodes_of_kind("principle")
    }
    shared = {
        pid
        for pid, sides in invoked_by.items()
        if any(sides_oppose(amap, a, b) for a in sides for b in sides if a < b)
    }
    assert shared, f"no principle supports claims of two opposing sides: {invoked_by}"
