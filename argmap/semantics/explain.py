"""Plain-words explanations of an :class:`~argmap.semantics.evaluate.Evaluation`.

For a node that is out: the attackers that defeat it, how each attack comes
about (a link of the map, or support passing an attack on), and why each
attacker stands. For an undecided node: the cycle of attacks that leaves it
undecided, and whether it is odd (no consistent choice exists) or even (a
choice exists, which grounded semantics does not make).

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.semantics.evaluate import evaluate
    >>> b = MapBuilder("m", "T")
    >>> for n in ("a", "b", "c"):
    ...     _ = b.claim(n, n.upper() + ".")
    >>> _ = b.attacks("a", "b")
    >>> _ = b.attacks("b", "a")
    >>> _ = b.attacks("b", "c")
    >>> print(explain_node(evaluate(b.build()), "c"))  # doctest: +NORMALIZE_WHITESPACE
    undecided: it is attacked by "B." (b), which is caught in a cycle of 2 attacks:
    "B." (b) attacks "A." (a) (link b--attacks--a), which attacks "B." (b) (link a--attacks--b).
    An even cycle: either side could stand, but grounded semantics picks neither; preferred and
    stable semantics try each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.semantics.solvers import IN, OUT, UNDEC

if TYPE_CHECKING:
    from argmap.semantics.evaluate import Evaluation

__all__ = ["describe_argument", "explain_node"]

# An out node lists at most this many of the attackers that defeat it (links of the map first).
MAX_DEFEATERS = 3


def describe_argument(evaluation: Evaluation, index: int) -> str:
    """A readable name for argument ``index``: a node's title and id, or what a helper argument is.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.semantics.evaluate import evaluate
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "All men are mortal.", label="Mortality")
        >>> describe_argument(evaluate(b.build()), 0)
        '"Mortality" (a)'
    """
    argument = evaluation.mf.arguments[index]
    m = evaluation.argument_map
    if argument.kind == "node":
        return f'"{m.node(argument.element).title}" ({argument.element})'
    if argument.kind == "premises":
        return "the joint argument " + " + ".join(argument.element.split(" & "))
    if argument.kind == "inference":
        link = m.link(argument.element)
        premises = " + ".join(link.premises)
        return f"the inference of link {argument.element} ({premises} {link.kind} {link.target})"
    return f"the absence of {argument.element}"


def _attack(evaluation: Evaluation, source: int, target: int) -> str:
    """How ``source`` comes to attack ``target``."""
    origin = evaluation.mf.origins.get((source, target))
    names = evaluation.mf.af.names
    if origin is None:
        return ""
    if origin.link is not None:
        return f" (link {origin.link})"
    chain = [names[i] for i in origin.chain]
    if origin.kind == "supported":
        return f" (supported attack: {' supports '.join(chain[:-1])}, which attacks {chain[-1]})"
    if origin.kind == "indirect":
        return f" (indirect attack: {chain[0]} attacks {' which supports '.join(chain[1:])})"
    if origin.kind == "mediated":
        return (
            f" (mediated attack: {chain[-1]} attacks {chain[-2]}, and {' supports '.join(chain[:-1])};"
            f" so it attacks the supporter {chain[0]})"
        )
    return ""


def _why_stands(evaluation: Evaluation, labelling: list[int], index: int) -> str:
    af = evaluation.mf.af
    argument = evaluation.mf.arguments[index]
    if argument.kind == "node" and argument.element in evaluation.accepted:
        return "it is assumed accepted"
    attackers = sorted(af.attackers[index])
    if not attackers:
        return "nothing attacks it"
    beaten = []
    for attacker in attackers:
        if evaluation.mf.arguments[attacker].kind == "gate":
            beaten.append(f"its premise {evaluation.mf.arguments[attacker].element} stands")
            continue
        defeaters = sorted(d for d in af.attackers[attacker] if labelling[d] == IN)
        by = f" by {describe_argument(evaluation, defeaters[0])}" if defeaters else ""
        beaten.append(f"{describe_argument(evaluation, attacker)} (defeated{by})")
    if all(evaluation.mf.arguments[a].kind == "gate" for a in attackers):
        return "; ".join(beaten)
    return "each of its attackers is out: " + "; ".join(beaten)


def _explain_out(evaluation: Evaluation, labelling: list[int], index: int) -> str:
    af = evaluation.mf.af
    origins = evaluation.mf.origins
    defeaters = sorted(
        (a for a in af.attackers[index] if labelling[a] == IN),
        key=lambda a: (getattr(origins.get((a, index)), "link", None) is None, a),
    )
    parts = []
    for attacker in defeaters[:MAX_DEFEATERS]:
        argument = evaluation.mf.arguments[attacker]
        if argument.kind == "gate":
            parts.append(f"{argument.element} does not stand, and it needs {argument.element}")
            continue
        name = describe_argument(evaluation, attacker)
        short = name.split(" (", 1)[0] if argument.kind == "node" else name
        parts.append(
            f"{name} attacks it{_attack(evaluation, attacker, index)}, and {short} stands: "
            f"{_why_stands(evaluation, labelling, attacker)}"
        )
    more = len(defeaters) - MAX_DEFEATERS
    tail = f" ({more} more attacker{'s' if more > 1 else ''} that stand not shown.)" if more > 0 else ""
    return "out: " + " Also, ".join(p + "." for p in parts) + tail


def _explain_undecided(evaluation: Evaluation, labelling: list[int], index: int) -> str:
    from argmap.semantics.evaluate import undecided_cycle

    af = evaluation.mf.af
    path, cycle = undecided_cycle(labelling, af.attackers, index)
    if not cycle:
        return "undecided."
    describe = [describe_argument(evaluation, i) for i in cycle]
    steps = []
    for position, source in enumerate(cycle):
        target = cycle[(position + 1) % len(cycle)]
        how = _attack(evaluation, source, target)
        steps.append(f"{describe_argument(evaluation, target)}{how}")
    ring = describe[0] + " attacks " + ", which attacks ".join(steps)
    if len(cycle) == 1:
        ring = f"{describe[0]} attacks itself{_attack(evaluation, cycle[0], cycle[0])}"
    lead = "it is"
    if len(path) > 1:
        lead = (
            "it is attacked by "
            + ", which is attacked by ".join(describe_argument(evaluation, i) for i in path[1:])
            + ", which is"
        )
    if len(cycle) % 2:
        kind = (
            "An odd cycle: no choice of what stands in it is consistent, so it stays undecided"
            " under every semantics (and there is no stable extension)."
        )
    elif evaluation.semantics == "grounded":
        kind = (
            "An even cycle: either side could stand, but grounded semantics picks neither;"
            " preferred and stable semantics try each."
        )
    else:
        kind = f"An even cycle, but what attacks it leaves it open in every {evaluation.semantics} extension."
    attacks = f"{len(cycle)} attack{'s' if len(cycle) > 1 else ''}"
    return f"undecided: {lead} caught in a cycle of {attacks}: {ring}. {kind}"


def explain_node(evaluation: Evaluation, node_id: str) -> str:
    """Why ``node_id`` has its status in ``evaluation``, in plain words.

    Args:
        evaluation: The evaluation.
        node_id: A node that is an argument of it.

    Returns:
        One paragraph, starting with ``in``, ``out``, ``undecided`` or, under
        several extensions, what holds in each.

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.semantics.evaluate import evaluate
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> print(explain_node(evaluate(b.build()), "a"))
        in: nothing attacks it.
    """
    m = evaluation.argument_map
    m.node(node_id)
    index = evaluation.mf.node_argument.get(node_id)
    if index is None:
        if node_id in evaluation.removed:
            return "removed (what if)."
        return "not evaluated: an issue is a question, not an assertion."
    if not evaluation.labellings:
        return f"undecided: the map has no {evaluation.semantics} extension."
    labels = [labelling[index] for labelling in evaluation.labellings]
    if len(set(labels)) > 1:
        n_in = labels.count(IN)
        first_other = next(lab for lab in evaluation.labellings if lab[index] != IN)
        rest = _explain_one(evaluation, first_other, index)
        return f"in {n_in} of {len(labels)} {evaluation.semantics} extensions. Where it is not in: {rest}"
    return _explain_one(evaluation, evaluation.labellings[0], index)


def _explain_one(evaluation: Evaluation, labelling: list[int], index: int) -> str:
    label = labelling[index]
    if label == IN:
        return f"in: {_why_stands(evaluation, labelling, index)}."
    if label == OUT:
        return _explain_out(evaluation, labelling, index)
    assert label == UNDEC
    return _explain_undecided(evaluation, labelling, index)
