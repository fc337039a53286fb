"""Inter-annotator agreement between two argument maps of the same text.

Usage::

    python corpora/tools/agreement.py FIRST.yaml SECOND.yaml \
        [--section "Controversies and debates"] [--threshold 0.5] \
        [--side-map SECOND_SIDE=FIRST_SIDE ...] [--side-map-file SIDES.yaml] [--stated-only] \
        [--format text|json|markdown]

Three steps, all deterministic:

1. **Alignment.** The propositions compared are the nodes anchored in the
   chosen section (all anchored nodes when no section is given). A node's
   extent is the set of characters its anchors cover. Pairs of nodes, one
   from each map, are scored by the Dice coefficient of their extents
   (2|a∩b| / (|a|+|b|)); pairs are taken greedily from the highest score
   down (ties broken by node ids), one-to-one, while the score reaches the
   threshold.
2. **Attribution.** For each aligned pair of non-issue nodes, the holder in
   each map (``held_by``, or ``(none)``); the second map's side ids are
   translated into the first's by ``--side-map`` and by equal ids. Reported:
   observed agreement and Cohen's kappa on holders, and on *voice* alone
   (the text's editorial voice, a reported party, or no holder), which needs
   no translation of side ids.
3. **Stance links.** A link is compared through the alignment: its kind, its
   premises and its target (for an undercut, the link it undercuts), with
   symmetric kinds read both ways. Links whose ends are all in scope are
   counted; one whose ends are not all aligned matches nothing. Precision is
   the share of the second map's links found in the first, recall the share
   of the first's found in the second (the first map is the reference), F1
   their harmonic mean; ``attachment`` ignores the kind.

Bad input (an unreadable map, an unknown section) exits with status 2 and a
located message.

Examples:
    >>> kappa(["a", "a", "b", "b"], ["a", "a", "b", "b"])
    1.0
    >>> kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"])
    0.0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

import argmap
from argmap.errors import ArgmapError
from argmap.model import AnyLink, AnyNode, ArgumentMap

NONE = "(none)"
EDITORIAL, PARTY = "editorial", "party"
SYMMETRIC = frozenset({"contradicts", "equivalent"})

Extent = frozenset[tuple[str, int]]  # (source id, character offset)


class AgreementError(Exception):
    """The two maps cannot be compared as asked (e.g. an unknown section)."""


# -- statistics ---------------------------------------------------------------


def kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two labellings of the same items; None when undefined.

    Kappa is undefined when chance agreement is total (both annotators used
    one and the same label for every item) or there are no items.

    Examples:
        >>> kappa(["x", "x", "y"], ["x", "x", "x"])
        0.0
        >>> round(kappa(["a", "a", "a", "b"], ["a", "a", "b", "b"]), 3)
        0.5
        >>> kappa(["a"], ["a"]) is None
        True
    """
    if len(first) != len(second):
        raise ValueError("the two labellings must label the same items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected == 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean of precision and recall (None if either is undefined, 0 if both are 0).

    Examples:
        >>> f1(0.5, 1.0)
        0.6666666666666666
        >>> f1(0.0, 0.0)
        0.0
    """
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when ``whole`` is 0.

    Examples:
        >>> ratio(1, 4), ratio(0, 0)
        (0.25, None)
    """
    return part / whole if whole else None


# -- scope and alignment ------------------------------------------------------


def section_span(maps: Iterable[ArgumentMap], name: str) -> tuple[int, int]:
    """The span of the section ``name``, as the first map declaring it gives it.

    Raises:
        AgreementError: no map declares a section of that name.
    """
    for m in maps:
        for doc in m.sources:
            for sec in doc.sections:
                if sec.name == name:
                    return sec.start, sec.end
    raise AgreementError(f"no source of either map declares a section named {name!r}")


def extent(node: AnyNode) -> Extent:
    """The characters a node's anchors cover, as (source, offset) pairs.

    Examples:
        >>> from argmap.model import Claim, Anchor
        >>> sorted(extent(Claim(id="c", text="C.", anchors=[Anchor(source="s", start=2, end=4)])))
        [('s', 2), ('s', 3)]
    """
    return frozenset((a.source, i) for a in node.anchors for i in range(a.start, a.end))


def in_scope(m: ArgumentMap, span: tuple[int, int] | None) -> list[AnyNode]:
    """The anchored nodes of ``m`` with an anchor inside ``span`` (all anchored nodes if None)."""
    if span is None:
        return [n for n in m.nodes if n.anchors]
    start, end = span
    return [n for n in m.nodes if any(start <= a.start and a.end <= end for a in n.anchors)]


def dice(a: Extent, b: Extent) -> float:
    """The Dice coefficient of two extents.

    Examples:
        >>> dice(frozenset({("s", 1), ("s", 2)}), frozenset({("s", 2), ("s", 3)}))
        0.5
    """
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def align(first: Sequence[AnyNode], second: Sequence[AnyNode], threshold: float) -> dict[str, str]:
    """Pair nodes one-to-one by anchor overlap, best pairs first; returns first id -> second id.

    Examples:
        >>> from argmap.model import Claim, Anchor
        >>> def c(i, s, e): return Claim(id=i, text="T.", anchors=[Anchor(source="t", start=s, end=e)])
        >>> align([c("a", 0, 10), c("b", 10, 20)], [c("x", 0, 9), c("y", 12, 30)], 0.5)
        {'a': 'x', 'b': 'y'}
    """
    extents_a = {n.id: extent(n) for n in first}
    extents_b = {n.id: extent(n) for n in second}
    scored = [
        (score, a, b)
        for a, ea in extents_a.items()
        for b, eb in extents_b.items()
        if ea & eb and (score := dice(ea, eb)) >= threshold
    ]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for _, a, b in scored:
        if a not in pairs and b not in taken:
            pairs[a] = b
            taken.add(b)
    return dict(sorted(pairs.items()))


# -- attribution --------------------------------------------------------------


def voice(m: ArgumentMap, side_id: str | None) -> str:
    """``editorial``, ``party`` or ``(none)`` for a holder of ``m``."""
    if side_id is None:
        return NONE
    return EDITORIAL if m.side(side_id).role == EDITORIAL else PARTY


@dataclass(frozen=True)
class Attribution:
    """Holder agreement over the aligned non-issue propositions."""

    items: int
    agreement: float | None
    kappa: float | None
    voice_agreement: float | None
    voice_kappa: float | None
    side_map: dict[str, str]
    disagreements: list[tuple[str, str, str, str]]  # first node, its holder, second node, its holder


def attribution(
    first: ArgumentMap, second: ArgumentMap, pairs: dict[str, str], side_map: dict[str, str]
) -> Attribution:
    """Compare the holders of aligned propositions (issues left out)."""
    known = {s.id for s in first.sides}
    translate = {s.id: side_map.get(s.id, s.id if s.id in known else f"second:{s.id}") for s in second.sides}
    holders_a, holders_b, voices_a, voices_b = [], [], [], []
    disagreements = []
    for a, b in pairs.items():
        node_a, node_b = first.node(a), second.node(b)
        if node_a.kind == "issue" or node_b.kind == "issue":
            continue
        ha = node_a.held_by or NONE
        hb = translate[node_b.held_by] if node_b.held_by else NONE
        holders_a.append(ha)
        holders_b.append(hb)
        voices_a.append(voice(first, node_a.held_by))
        voices_b.append(voice(second, node_b.held_by))
        if ha != hb:
            disagreements.append((a, ha, b, hb))
    n = len(holders_a)
    return Attribution(
        items=n,
        agreement=ratio(sum(x == y for x, y in zip(holders_a, holders_b, strict=True)), n),
        kappa=kappa(holders_a, holders_b),
        voice_agreement=ratio(sum(x == y for x, y in zip(voices_a, voices_b, strict=True)), n),
        voice_kappa=kappa(voices_a, voices_b),
        side_map={k: v for k, v in sorted(translate.items()) if not v.startswith("second:")},
        disagreements=disagreements,
    )


# -- stance links --------------------------------------------------------------

LinkKey = tuple[object, ...]


_OPPOSITE = {"supports": "attacks", "attacks": "supports"}


def link_key(
    m: ArgumentMap,
    link: AnyLink,
    rename: dict[str, str],
    *,
    with_kind: bool,
    reversed_issues: frozenset[str] = frozenset(),
) -> LinkKey | None:
    """A comparable key of ``link`` with node ids renamed; None if an end is not renamed.

    A supports or attacks link into one of ``reversed_issues`` (an issue whose
    question this map asks the other way round) is read as its opposite.
    """
    premises = [rename.get(p) for p in link.premises]
    if any(p is None for p in premises):
        return None
    target: object
    if link.kind == "undercuts":
        target = link_key(m, m.link(link.target), rename, with_kind=with_kind)
    else:
        target = rename.get(link.target)
    if target is None:
        return None
    stance = _OPPOSITE.get(link.kind, link.kind) if link.target in reversed_issues else link.kind
    kind = stance if with_kind else ("undercuts" if link.kind == "undercuts" else "")
    if link.kind in SYMMETRIC:
        return (kind, frozenset([*premises, target]))
    return (kind, frozenset(premises), target)


def links_in_scope(m: ArgumentMap, scope: set[str], *, stated_only: bool) -> list[AnyLink]:
    """The links of ``m`` whose premises and target lie in ``scope`` (undercuts: their target link's)."""

    def inside(link: AnyLink) -> bool:
        if stated_only and link.inferred:
            return False
        if not all(p in scope for p in link.premises):
            return False
        return inside(m.link(link.target)) if link.kind == "undercuts" else link.target in scope

    return [k for k in m.links if inside(k)]


@dataclass(frozen=True)
class LinkScores:
    """Precision, recall and F1 of the second map's links against the first's."""

    first: int
    second: int
    matched_first: int
    matched_second: int
    precision: float | None
    recall: float | None
    f1: float | None
    unmatched_first: list[str] = field(default_factory=list)
    unmatched_second: list[str] = field(default_factory=list)


def link_scores(
    first: ArgumentMap,
    second: ArgumentMap,
    pairs: dict[str, str],
    scope: tuple[set[str], set[str]],
    *,
    with_kind: bool,
    stated_only: bool,
    reversed_issues: frozenset[str] = frozenset(),
) -> LinkScores:
    """Match links through the alignment (the first map is the reference)."""
    links_a = links_in_scope(first, scope[0], stated_only=stated_only)
    links_b = links_in_scope(second, scope[1], stated_only=stated_only)
    identity = {n: n for n in scope[1]}
    keys_a = {str(k.id): link_key(first, k, pairs, with_kind=with_kind) for k in links_a}
    keys_b = {
        str(k.id): link_key(second, k, identity, with_kind=with_kind, reversed_issues=reversed_issues)
        for k in links_b
    }
    set_a = {key for key in keys_a.values() if key is not None}
    set_b = {key for key in keys_b.values() if key is not None}
    hit_a = [i for i, key in keys_a.items() if key is not None and key in set_b]
    hit_b = [i for i, key in keys_b.items() if key is not None and key in set_a]
    precision, recall = ratio(len(hit_b), len(links_b)), ratio(len(hit_a), len(links_a))
    return LinkScores(
        first=len(links_a),
        second=len(links_b),
        matched_first=len(hit_a),
        matched_second=len(hit_b),
        precision=precision,
        recall=recall,
        f1=f1(precision, recall),
        unmatched_first=[i for i in keys_a if i not in hit_a],
        unmatched_second=[i for i in keys_b if i not in hit_b],
    )


# -- the whole comparison -------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """Everything the comparison of two maps finds."""

    section: str | None
    threshold: float
    nodes_first: int
    nodes_second: int
    aligned: dict[str, str]
    attribution: Attribution
    links: LinkScores
    attachment: LinkScores
    reversed_issues: tuple[str, ...] = ()


def compare(
    first: ArgumentMap,
    second: ArgumentMap,
    *,
    section: str | None = None,
    threshold: float = 0.5,
    side_map: dict[str, str] | None = None,
    stated_only: bool = False,
    reversed_issues: Iterable[str] = (),
) -> Agreement:
    """Compare two maps of the same text: alignment, attribution, stance links.

    ``reversed_issues`` names issues of the second map whose question is the
    first map's asked the other way round ("should X?" against "should not
    X?"): a link that supports one attacks the other, so its kind is read
    reversed. Which questions are reversed is a reading of the two texts of
    each issue, recorded by whoever reconciles the annotations.

    Raises:
        AgreementError: ``section`` is declared by neither map, or the threshold is not in (0, 1].
    """
    if not 0.0 < threshold <= 1.0:
        raise AgreementError(f"the threshold must lie in (0, 1], not {threshold}")
    span = section_span([first, second], section) if section is not None else None
    nodes_a, nodes_b = in_scope(first, span), in_scope(second, span)
    pairs = align(nodes_a, nodes_b, threshold)
    scope = ({n.id for n in nodes_a}, {n.id for n in nodes_b})
    flip = frozenset(reversed_issues)
    for issue_id in sorted(flip):
        if not second.has(issue_id) or second.node(issue_id).kind != "issue":
            raise AgreementError(f"--reverse-issue {issue_id}: the second map has no such issue")
    return Agreement(
        section=section,
        threshold=threshold,
        nodes_first=len(nodes_a),
        nodes_second=len(nodes_b),
        aligned=pairs,
        attribution=attribution(first, second, pairs, side_map or {}),
        links=link_scores(
            first, second, pairs, scope, with_kind=True, stated_only=stated_only, reversed_issues=flip
        ),
        attachment=link_scores(first, second, pairs, scope, with_kind=False, stated_only=stated_only),
        reversed_issues=tuple(sorted(flip)),
    )


def fmt(value: float | None) -> str:
    """Two decimals, or ``n/a``.

    Examples:
        >>> fmt(0.5), fmt(None)
        ('0.50', 'n/a')
    """
    return "n/a" if value is None else f"{value:.2f}"


def markdown(result: Agreement) -> str:
    """The figures as a Markdown table (what corpora/README.md reports)."""
    att, links, attach = result.attribution, result.links, result.attachment
    rows = [
        (
            "propositions (first / second / aligned)",
            f"{result.nodes_first} / {result.nodes_second} / {len(result.aligned)}",
        ),
        ("attribution: items", str(att.items)),
        ("attribution: holder agreement / Cohen's kappa", f"{fmt(att.agreement)} / {fmt(att.kappa)}"),
        (
            "attribution: voice agreement / Cohen's kappa",
            f"{fmt(att.voice_agreement)} / {fmt(att.voice_kappa)}",
        ),
        (
            "stance links (first / second / matched)",
            f"{links.first} / {links.second} / {links.matched_first}",
        ),
        (
            "stance links: precision / recall / F1",
            f"{fmt(links.precision)} / {fmt(links.recall)} / {fmt(links.f1)}",
        ),
        (
            "attachment (any kind): precision / recall / F1",
            f"{fmt(attach.precision)} / {fmt(attach.recall)} / {fmt(attach.f1)}",
        ),
    ]
    if result.reversed_issues:
        rows.insert(4, ("issues asked the other way round (second map)", ", ".join(result.reversed_issues)))
    lines = ["| measure | value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def text_report(result: Agreement) -> str:
    """The figures, the alignment and the disagreements, as plain text."""
    out = [markdown(result), "aligned propositions (first -> second):"]
    out += [f"  {a} -> {b}" for a, b in result.aligned.items()]
    out.append(
        "side map (second -> first): " + ", ".join(f"{b}={a}" for b, a in result.attribution.side_map.items())
    )
    out.append("holder disagreements (first node: holder | second node: holder):")
    out += [f"  {a}: {ha} | {b}: {hb}" for a, ha, b, hb in result.attribution.disagreements]
    out.append("links of the first map not found in the second: " + ", ".join(result.links.unmatched_first))
    out.append("links of the second map not found in the first: " + ", ".join(result.links.unmatched_second))
    return "\n".join(out) + "\n"


def parse_side_map(pairs: Iterable[str]) -> dict[str, str]:
    """``["b=a", ...]`` as ``{"b": "a"}``.

    Raises:
        AgreementError: a pair is not of the form SECOND=FIRST.

    Examples:
        >>> parse_side_map(["critics=burden-critics"])
        {'critics': 'burden-critics'}
    """
    mapping = {}
    for pair in pairs:
        second, sep, first = pair.partition("=")
        if not sep or not second or not first:
            raise AgreementError(f"--side-map expects SECOND_SIDE=FIRST_SIDE, not {pair!r}")
        mapping[second] = first
    return mapping


MAX_SIDE_MAP_BYTES = 64_000


def read_side_map(path: Path) -> dict[str, str]:
    """A side map from a YAML file of ``second_side: first_side`` lines.

    Raises:
        AgreementError: the file cannot be read, is too large, or is not such a mapping.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise AgreementError(f"{path}: cannot read the side map ({err.strerror})") from None
    if len(raw) > MAX_SIDE_MAP_BYTES:
        raise AgreementError(f"{path}: a side map larger than {MAX_SIDE_MAP_BYTES} bytes is not accepted")
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        raise AgreementError(f"{path}: not a YAML side map ({err})") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise AgreementError(f"{path}: expected lines of the form 'second_side: first_side'")
    return dict(data)


def read_issue_list(path: Path) -> list[str]:
    """The issue ids listed in a YAML file (a plain list of ids).

    Raises:
        AgreementError: the file cannot be read or is not a list of ids.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise AgreementError(f"{path}: cannot read the list of issues: {err}") from None
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise AgreementError(f"{path}: expected a YAML list of issue ids")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison from the command line; 0 on success, 2 on bad input."""
    parser = argparse.ArgumentParser(description="Agreement between two argument maps of the same text.")
    parser.add_argument("first", type=Path, help="the reference map")
    parser.add_argument("second", type=Path, help="the map compared with it")
    parser.add_argument("--section", help="compare only nodes anchored in this section of the source")
    parser.add_argument(
        "--threshold", type=float, default=0.5, help="least Dice overlap to align (default 0.5)"
    )
    parser.add_argument("--side-map", action="append", default=[], metavar="SECOND=FIRST")
    parser.add_argument("--side-map-file", type=Path, help="YAML lines 'second_side: first_side'")
    parser.add_argument("--stated-only", action="store_true", help="leave out links marked inferred")
    parser.add_argument(
        "--reverse-issue",
        action="append",
        default=[],
        metavar="ID",
        help="an issue of the second map asked the other way round (its supports and attacks read reversed)",
    )
    parser.add_argument("--reverse-issues-file", type=Path, help="YAML list of such issues")
    parser.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    args = parser.parse_args(argv)
    try:
        first, second = argmap.load(args.first), argmap.load(args.second)
        result = compare(
            first,
            second,
            section=args.section,
            threshold=args.threshold,
            side_map={
                **(read_side_map(args.side_map_file) if args.side_map_file else {}),
                **parse_side_map(args.side_map),
            },
            stated_only=args.stated_only,
            reversed_issues=[
                *(read_issue_list(args.reverse_issues_file) if args.reverse_issues_file else []),
                *args.reverse_issue,
            ],
        )
    except (ArgmapError, AgreementError) as err:
        print(f"agreement: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(json.dumps(asdict(result), indent=2, sort_keys=True) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(markdown(result))
    else:
        sys.stdout.write(text_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
