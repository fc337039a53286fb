"""Label the links: say what each link of the diagram does.

The diagram shows the debate with every stance link drawn alike (one grey
arrow, no "+" or "−" mark, no "concedes"), and each link asked about tagged
``L1``, ``L2``...; each item asks what one tagged link does. Symmetric links
(contradicts, equivalent) are drawn as usual and never asked about.

Difficulty: easy asks about up to 6 links, choosing between supports and
attacks; medium up to 10; hard asks about every stance link, undercuts
included (with "undercuts" as a third choice), and hides the sides too, so
that the answer must come from what the nodes say rather than who says it.
Below hard, undercuts are drawn but left untagged.

A link the map's authors inferred (``inferred: true``) is never asked
about: the text does not state it, so there is nothing in the text to
recover. It is drawn, marked "(inferred)", and left untagged.

Examples:
    >>> import argmap
    >>> from argmap.exercises import generate
    >>> ex = generate(argmap.load_corpus("school-phones"), "label-links", seed=2)
    >>> item = ex.items[0]
    >>> [c.id for c in item.choices], item.key[0] in ("supports", "attacks")
    (['supports', 'attacks'], True)
    >>> item.prompt.startswith("Link L1 runs from ")
    True
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from argmap.errors import ExerciseError
from argmap.exercises.common import Hidden, diagram, opening, sample, shuffled, tag_links, tags_for
from argmap.exercises.figures import figure_caption, figure_groups, link_nodes, prints_legibly
from argmap.exercises.model import Choice, Diagram, Item, Part
from argmap.exercises.registry import Setting, kind
from argmap.exercises.vocabulary import NODE_STANCE_KINDS, STANCE_KINDS, STANCE_WORDS
from argmap.graph import undercut_chain, undercut_link
from argmap.model import AnyLink, ArgumentMap

__all__ = ["label_links"]

_COUNTS = {1: 6, 2: 10, 3: 10_000}
_WIDTH = 60
_INFERRED_UNASKED = (
    " A link marked “(inferred)” is the map authors' reading, not something the text says;"
    " it is not asked about."
)


def _names(premises: tuple[str, ...], tags: Mapping[str, str]) -> str:
    """``B``, ``B and C``, ``B, C and D``."""
    shown = [tags[p] for p in premises]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _quoted(m: ArgumentMap, premises: tuple[str, ...], tags: Mapping[str, str]) -> str:
    """The premises as tags with their titles, ``together`` when there are several."""
    shown = [f"{tags[p]} (“{opening(m.node(p))}”)" for p in premises]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1] + " together"


def _target_name(m: ArgumentMap, link: AnyLink, tags: Mapping[str, str], link_tags: Mapping[str, str]) -> str:
    """What ``link`` points to, named for a student: a node's tag, or the link an undercut denies.

    A link is named by its ends: ``link L2 (from B to D)``, or ``the link from B to D`` when
    untagged, an undercut's own link named the same way inside it. In a cycle of undercuts,
    the link that closes the cycle is named by its tag only (``link L1``).
    """
    chain = undercut_chain(m, link)
    closing = chain[-1].target
    if closing in {str(k.id) for k in chain}:
        tag = link_tags.get(closing)
        head = f"link {tag}" if tag else "another link"
    else:
        head = tags[closing]
    for step in reversed(chain[1:]):
        ends = f"from {_names(step.premises, tags)} to {head}"
        tag = link_tags.get(str(step.id))
        head = f"link {tag} ({ends})" if tag else f"the link {ends}"
    return head


def _prompt(m: ArgumentMap, link: AnyLink, tags: Mapping[str, str], link_tags: Mapping[str, str]) -> str:
    tag = link_tags[str(link.id)]
    source = _quoted(m, link.premises, tags)
    if undercut_link(m, link) is not None:
        target = _target_name(m, link, tags, link_tags)
        return f"Link {tag} runs from {source} to {target}. What does it do?"
    node = m.node(link.target)
    if node.kind == "issue":
        # "Supports the issue" means "argues for yes": the question itself says which way that is.
        target = f"the question {tags[node.id]} (“{opening(node, 1000)}”)"
    else:
        target = f"{tags[node.id]} (“{opening(node)}”)"
    return f"Link {tag} runs from {source} to {target}. What does it do?"


def _explanation(m: ArgumentMap, link: AnyLink, tags: Mapping[str, str], link_tags: Mapping[str, str]) -> str:
    tag = link_tags[str(link.id)]
    who = _names(link.premises, tags)
    joint = len(link.premises) > 1
    if link.kind == "supports":
        does = (
            f"{who}{' together' if joint else ''} give{'' if joint else 's'} a reason for {tags[link.target]}"
        )
    elif link.kind == "attacks":
        does = f"{who}{' together' if joint else ''} argue{'' if joint else 's'} against {tags[link.target]}"
    else:  # an undercut: only stance links are asked about
        undercut = m.link(link.target)
        deny = "deny" if joint else "denies"
        if undercut.kind == "supports":
            does = (
                f"{who} {deny} that {_names(undercut.premises, tags)} is a reason for {tags[undercut.target]}"
            )
        elif undercut.kind == "attacks":
            does = (
                f"{who} {deny} that {_names(undercut.premises, tags)} counts against {tags[undercut.target]}"
            )
        else:
            does = f"{who} {deny} that {_target_name(m, link, tags, link_tags)} holds"
    note = (
        " It is a concession: its holder grants this point against their own side." if link.concession else ""
    )
    return f"{tag} {link.kind}: {does}.{note}"


def _asked(setting: Setting, kinds: tuple[str, ...]) -> list[AnyLink]:
    """The links to ask about: one of each kind first, so that no kind is left out, then a random rest."""
    m, rng = setting.m, setting.rng
    pools = {
        k: shuffled(rng, [link for link in m.links if link.kind == k and not link.inferred]) for k in kinds
    }
    first = [pools[k][0] for k in kinds if pools[k]]
    rest = [link for k in kinds for link in pools[k][1:]]
    wanted = _COUNTS[setting.difficulty]
    return (first + sample(rng, rest, wanted - len(first)))[:wanted]


@kind(
    "label-links",
    "Label the links",
    "say whether each link of the diagram supports or attacks what it points to",
    quiz=True,
    # Side colours would tell a support (within a side) from an attack (across).
    hides=Hidden(sides=True, stances=True),
)
def label_links(setting: Setting) -> Part:
    """Items: one per tagged stance link; choices: supports, attacks (and undercuts when hard).

    Raises:
        ExerciseError: the map has no supports or attacks link that it states
            (rather than infers).

    Examples:
        >>> import argmap
        >>> from argmap.exercises.common import seeded
        >>> m = argmap.load_corpus("school-phones")
        >>> part = label_links(Setting(m, seeded(1), 3))
        >>> [c.id for c in part.items[0].choices]
        ['supports', 'attacks', 'undercuts']
    """
    m, rng, level = setting.m, setting.rng, setting.difficulty
    if not any(link.kind in NODE_STANCE_KINDS and not link.inferred for link in m.links):
        inferred = " that is not inferred" if any(link.kind in NODE_STANCE_KINDS for link in m.links) else ""
        raise ExerciseError(
            f"map {m.id!r}: label-links needs at least one supports or attacks link{inferred} (found none)"
        )
    kinds = STANCE_KINDS if level == 3 else NODE_STANCE_KINDS
    choices = tuple(Choice(id=k, text=STANCE_WORDS[k]) for k in kinds)
    tags = tags_for(setting.names, rng, [n.id for n in m.nodes])
    asked = _asked(setting, kinds)
    link_tags = tag_links(rng, [str(link.id) for link in asked])
    asked.sort(key=lambda link: int(link_tags[str(link.id)][1:]))
    said = "with what each link does hidden"

    def drawn(
        diagram_id: str,
        issues: tuple[str, ...],
        nodes: Collection[str] | None,
        part: tuple[int, int] | None = None,
    ) -> Diagram:
        return diagram(
            m,
            diagram_id,
            figure_caption(m, issues, said, part),
            node_tags=tags,
            link_tags=link_tags,
            neutral_links=True,
            # Side colours would tell a support (within a side) from an attack (across): always hidden.
            hide_sides=True,
            nodes=nodes,
            hidden=setting.hidden,
        )

    drawings = [drawn("d1", (), None)]
    figure_of = ["d1"] * len(asked)
    if m.issues and not prints_legibly(drawings[0].dot):
        # Too small to read in one piece: one figure per issue asked about (an issue of many
        # reasons in parts). The tags are dealt again in figure order, so that L1, L2... run
        # through the figures as the items do.
        needed = [link_nodes(m, str(link.id)) for link in asked]
        groups, index = figure_groups(m, needed, lambda nodes: drawn("d", (), nodes).dot)
        order = sorted(range(len(asked)), key=lambda i: (index[i], int(link_tags[str(asked[i].id)][1:])))
        asked = [asked[i] for i in order]
        link_tags = {str(link.id): f"L{n}" for n, link in enumerate(asked, start=1)}
        drawings = [drawn(f"d{i}", f.issues, f.nodes, f.part) for i, f in enumerate(groups, start=1)]
        figure_of = [f"d{index[i] + 1}" for i in order]
    items = [
        Item(
            id=str(number),
            prompt=_prompt(m, link, tags, link_tags),
            choices=choices,
            key=(link.kind,),
            elements=(str(link.id),),
            explanation=_explanation(m, link, tags, link_tags),
            diagram=figure,
        )
        for number, (link, figure) in enumerate(zip(asked, figure_of, strict=True), start=1)
    ]
    what = "supports, attacks or undercuts (denies that another link's reason counts)"
    if level < 3:
        what = "supports or attacks"
    return Part(
        kind="label-links",
        title="Label the links",
        instructions=(
            f"In the {'diagram' if len(drawings) == 1 else 'diagrams'} every link is drawn the same way,"
            " whatever it does. For each tagged"
            f" link named below, say whether it {what} what it points to."
            " A link into a question supports it when it argues for “yes”, and attacks it when it"
            " argues for “no”."
            + _INFERRED_UNASKED
            * any(link.inferred and link.kind in STANCE_KINDS for link in m.links)
        ),
        diagrams=tuple(drawings),
        items=tuple(items),
    )
