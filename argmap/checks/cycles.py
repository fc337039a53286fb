"""AM2xx: cycles: circular support, self-undermining chains, unbalanced stance cycles."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap.checks.context import MAX_WITNESSES, Context
from argmap.checks.registry import Finding, Rule, rule
from argmap.graph import compiled, strongly_connected_components
from argmap.model.fields import SUPPORTS

__all__: list[str] = []

SUPPORT_SEARCH_DEPTH = 4
SUPPORT_SEARCH_STATES = 64


@rule(
    "AM201",
    "circular-support",
    "error",
    summary="A chain of supports leads back to where it started (begging the question).",
    explanation="""
        If A supports B, B supports C and C supports A, each claim is offered as a
        reason for itself: the argument begs the question. Only ``supports`` links
        count (linked premises included); an ``equivalent`` pair is a rephrase, not
        a circle. When several circles of support run through the same nodes,
        argmap reports them once, showing the shortest circle and saying how
        many nodes are caught in them.
    """,
    example="""
        nodes:
          - {id: popular, kind: claim, text: Most residents like the new park.}
          - {id: works, kind: claim, text: The new park has been a success.}
        links:
          - {id: s1, kind: supports, source: popular, target: works}
          - {id: s2, kind: supports, source: works, target: popular}
    """,
    fix="Find the claim the argument really starts from and delete the link that leads back to it.",
    fixed="""
        nodes:
          - {id: popular, kind: claim, text: Most residents like the new park.}
          - {id: works, kind: claim, text: The new park has been a success.}
        links:
          - {id: s1, kind: supports, source: popular, target: works}
    """,
)
def _circular_support(context: Context, this: Rule) -> Iterator[Finding]:
    fast = compiled(context.map)
    support: list[list[tuple[int, str]]] = [[] for _ in context.ids]
    for j, kind in enumerate(fast.link_kind):
        if kind == SUPPORTS:
            target, link_id = fast.link_target[j], fast.link_ids[j]
            for premise in fast.link_premises[j]:
                support[premise].append((target, link_id))
    comp, members = strongly_connected_components([[v for v, _ in edges] for edges in support])
    for group in sorted(members, key=lambda g: g[0]):
        root = group[0]
        if len(group) == 1 and all(v != root for v, _ in support[root]):
            continue
        inside = set(group)
        parent: dict[int, tuple[int, str]] = {}
        queue = deque([root])
        found: tuple[int, str] | None = None
        while queue and found is None:
            u = queue.popleft()
            for v, link_id in support[u]:
                if v == root:
                    found = (u, link_id)
                    break
                if v in inside and v not in parent:
                    parent[v] = (u, link_id)
                    queue.append(v)
        assert found is not None  # a strongly connected component has a cycle through each node
        last, closing = found
        path = [context.ids[root], closing, context.ids[last]]
        while last != root:
            last, link_id = parent[last]
            path += [link_id, context.ids[last]]
        path.reverse()
        more = (
            ""
            if len(group) == len(path) // 2
            else f" ({len(group)} nodes in all support one another round circles; this is one circle)"
        )
        yield this.finding(f"the supports go round in a circle: {context.chain(path)}{more}", path)


@rule(
    "AM202",
    "self-undermining",
    "error",
    summary="A node that, through a chain of links, attacks itself or something it supports.",
    explanation="""
        Follow a chain of links out of a node. Each attack along the way turns
        the chain round; supports and equivalences keep its direction ("A
        attacks B, B attacks C" puts A on C's side). A contradiction ends a
        chain: from a node the chain argues for, it turns against the node at
        the other end, and the chain goes no further ("A and B cannot both
        hold" rules B out once A is accepted, but rejecting A says nothing
        about B's rivals: three rival explanations, each the contrary of the
        other two, are not at odds with themselves). If a chain comes back to
        the node turned against it, the node argues against itself. If the
        node supports Y and another chain from it reaches Y turned against Y,
        it undermines what it supports. Chains that end in a contradiction
        and chains to what a node supports are looked for along up to four
        links; a node that supports and contradicts the same node is AM102's
        finding. Principles are left out: a value that opposing claims both
        appeal to is common ground (AM502), not a node at odds with itself.
        Undercuts and concessions take no side and do not count.
    """,
    example="""
        nodes:
          - {id: motion, kind: issue, text: Should the school day start later?}
          - {id: sleep, kind: claim, text: Teenagers sleep longer when school starts later.}
          - {id: grades, kind: claim, text: Pupils who sleep more get better marks.}
        links:
          - {id: s1, kind: supports, source: sleep, target: motion}
          - {id: s2, kind: supports, source: grades, target: motion}
          - {id: x1, kind: attacks, source: sleep, target: grades}   # the source says: supports
    """,
    fix="Check each link the message names against the source: usually one is the wrong way round.",
    fixed="""
        nodes:
          - {id: motion, kind: issue, text: Should the school day start later?}
          - {id: sleep, kind: claim, text: Teenagers sleep longer when school starts later.}
          - {id: grades, kind: claim, text: Pupils who sleep more get better marks.}
        links:
          - {id: s1, kind: supports, source: sleep, target: motion}
          - {id: s2, kind: supports, source: grades, target: motion}
          - {id: x1, kind: supports, source: sleep, target: grades}
    """,
)
def _self_undermining(context: Context, this: Rule) -> Iterator[Finding]:
    comp, members = context.components
    _, consistent = context.potentials
    reported = 0
    for c in sorted(range(len(members)), key=lambda c: members[c][0]):
        if consistent[c] or reported >= MAX_WITNESSES:
            continue
        root = members[c][0]
        path = context.signed_path(root, root, -1, allowed=members[c])
        assert path is not None  # an inconsistent component has a negative closed walk through each node
        reported += 1
        _, count = context.opposing(path[1::2])
        yield this.finding(
            f"{context.ids[root]!r} argues against itself: {context.chain(path)}"
            f" ({count} on the way, an odd number, so the chain turns against it)",
            path,
        )
    yield from _contradicts_itself(context, this, consistent, comp)
    yield from _undermines_what_it_supports(context, this, consistent, comp)


def _contradicts_itself(
    context: Context, this: Rule, consistent: list[bool], comp: list[int]
) -> Iterator[Finding]:
    """Nodes whose chain, argued for all the way, reaches one of their own contraries."""
    reported = 0
    principles = context.principles
    for x, contraries in enumerate(context.contrary):
        if not contraries or not consistent[comp[x]] or x in principles:
            continue  # a node of an inconsistent component is reported with its component
        path = _bounded_negative_path(context, x, x, None, comp)
        if path is None:
            continue
        reported += 1
        yield this.finding(
            f"{context.ids[x]!r} argues against itself: {context.chain(path)}"
            " (the chain argues for a node that cannot hold together with it)",
            path,
        )
        if reported >= MAX_WITNESSES:
            return


def _undermines_what_it_supports(
    context: Context, this: Rule, consistent: list[bool], comp: list[int], prune: bool = True
) -> Iterator[Finding]:
    out = context.out
    reported = 0
    principles = context.principles
    potential, to_break, from_break = _breaks(context) if prune else ([], [], [])
    far = SUPPORT_SEARCH_DEPTH
    # a second chain into y needs a second edge (or a contradiction) into y
    in_degree = [len(contraries) for contraries in context.contrary]
    for edges in out:
        for e in edges:
            in_degree[e.target] += 1
    for x, edges in enumerate(out):
        if len(edges) < 2 or not consistent[comp[x]] or x in principles:
            continue
        for edge in edges:
            y = edge.target
            if (
                edge.sign != 1
                or y == x
                or in_degree[y] < 2
                or (comp[y] == comp[x] and not context.contrary[y])
                or not consistent[comp[y]]
            ):
                # within one consistent component every chain x -> y has the same sign,
                # unless it ends in a contradiction
                continue
            if prune and potential[x] == potential[y] and to_break[x] + 1 + from_break[y] > far:
                continue  # no chain of up to four links from x to y can take a link that breaks the colouring
            path = _bounded_negative_path(context, x, edge.target, edge.link, comp)
            if path is None:
                continue
            reported += 1
            yield this.finding(
                f"{context.ids[x]!r} supports {context.ids[edge.target]!r} but also works against it:"
                f" {context.chain(path)}",
                [*path, edge.link],
            )
            if reported >= MAX_WITNESSES:
                return


def _breaks(context: Context) -> tuple[list[int], list[int], list[int]]:
    """A two-colouring of the nodes, and how near each node is to a link that breaks it.

    Colour the nodes +1/-1 so that most links agree: a support joins nodes of
    one colour, an attack or a contradiction nodes of two. Along a chain of
    agreeing links the sign is the product of its ends' colours, so a chain
    from ``x`` to ``y`` (coloured alike) can turn against ``y`` only by taking
    a link that breaks the colouring. Returns the colours, then for each node
    the fewest links from it to the start of a breaking link, and from the
    end of a breaking link to it (:data:`SUPPORT_SEARCH_DEPTH` when further
    than the search looks). The colouring is a breadth-first one, mended by
    two passes that recolour a node most of whose links break; it needs to be
    good, not best: a worse one only prunes fewer searches.
    """
    out, contrary = context.out_tuples, context.contrary_tuples
    n = len(out)
    ties: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    into: list[list[int]] = [[] for _ in range(n)]
    for u, edges in enumerate(out):
        for v, sign, _ in edges:
            ties[u].append((v, sign))
            ties[v].append((u, sign))
            into[v].append(u)
    colour = [0] * n
    for root in range(n):
        if colour[root]:
            continue
        colour[root] = 1
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, sign in ties[u]:
                if not colour[v]:
                    colour[v] = colour[u] * sign
                    queue.append(v)
    for _ in range(2):
        # only a node with a breaking link can have most of its links break: the others keep their colour
        suspects = {
            x
            for u, edges in enumerate(out)
            for v, sign, _ in edges
            if colour[v] != colour[u] * sign
            for x in (u, v)
        }
        for u in sorted(suspects):
            around = ties[u]
            mine = colour[u]
            broken = 0
            for v, sign in around:
                if colour[v] * sign != mine:
                    broken += 1
            if 2 * broken > len(around):
                colour[u] = -mine
    far = SUPPORT_SEARCH_DEPTH
    to_break, from_break = [far] * n, [far] * n
    starts: deque[int] = deque()
    ends: deque[int] = deque()
    for u, edges in enumerate(out):
        for v, sign, _ in edges:
            if colour[v] != colour[u] * sign:
                starts.append(u)
                ends.append(v)
    for u, others in enumerate(contrary):
        for v, _ in others:
            if colour[v] == colour[u]:  # a contradiction joins nodes of two colours
                starts.append(u)
                ends.append(v)
    for u in starts:
        to_break[u] = 0
    for v in ends:
        from_break[v] = 0
    # breadth first, backwards from the starts and forwards from the ends, up to the search's depth
    while starts:
        u = starts.popleft()
        if to_break[u] + 1 < far:
            for w in into[u]:
                if to_break[w] == far:
                    to_break[w] = to_break[u] + 1
                    starts.append(w)
    while ends:
        u = ends.popleft()
        if from_break[u] + 1 < far:
            for v in [*(e[0] for e in out[u]), *(e[0] for e in contrary[u])]:
                if from_break[v] == far:
                    from_break[v] = from_break[u] + 1
                    ends.append(v)
    return colour, to_break, from_break


def _bounded_negative_path(
    context: Context, start: int, goal: int, skip: str | None, comp: list[int]
) -> list[str] | None:
    """A chain of up to four links from ``start`` that turns against ``goal``, other than a direct one.

    A breadth-first search over (node, sign) states, at most
    :data:`SUPPORT_SEARCH_STATES` of them. This runs once per support link of
    the map, so it works on plain tuples: a state is the integer
    ``2 * node + (1 if the chain is turned against it)``.
    """
    out, contrary = context.out_tuples, context.contrary_tuples
    # Components come sinks first, so a node in a lower-numbered component than
    # the goal's cannot reach it by supports and attacks: prune those, unless a
    # contradiction may close the chain.
    floor = -1 if contrary[goal] else comp[goal]
    against = 2 * goal + 1
    parent: dict[int, tuple[int, str] | None] = {2 * start: None}
    frontier = [2 * start]
    for depth in range(SUPPORT_SEARCH_DEPTH):
        next_frontier: list[int] = []
        may_contradict = depth > 0 and not (depth == 1 and goal == start)
        for state in frontier:
            u, negative = state >> 1, state & 1
            if may_contradict and not negative:
                # a chain may end in a contradiction; a node that supports and contradicts
                # the same node is AM102's finding
                for target, link in contrary[u]:
                    if target == goal:
                        return [*_unwound(context, parent, state), link, context.ids[goal]]
            for target, sign, link in out[u]:
                if link == skip or comp[target] < floor or (u == start and target == goal):
                    # a direct attack beside the support is AM101's finding, not this one
                    continue
                following = 2 * target + (negative ^ (sign < 0))
                if following in parent:
                    continue
                parent[following] = (state, link)
                if following == against:
                    return _unwound(context, parent, following)
                if len(parent) >= SUPPORT_SEARCH_STATES:
                    return None
                next_frontier.append(following)
        frontier = next_frontier
    return None


def _unwound(context: Context, parent: dict[int, tuple[int, str] | None], end: int) -> list[str]:
    """The path to state ``end`` recorded in a bounded search, as alternating ids."""
    path: list[str] = [context.ids[end >> 1]]
    step = parent[end]
    while step is not None:
        state, link = step
        path += [link, context.ids[state >> 1]]
        step = parent[state]
    path.reverse()
    return path


@rule(
    "AM203",
    "unbalanced-stance-cycle",
    "warning",
    summary="A loop of links with an odd number of attacks: the nodes cannot be split into two camps.",
    explanation="""
        In a debate between two camps, supports run within a camp and attacks
        run across. Then any loop of links, followed whichever way each link
        points, crosses between the camps an even number of times, so it holds
        an even number of attacks. A loop with an odd number ("A attacks B, B
        attacks C, C attacks A") means the nodes cannot be split into two camps
        at all: there is a third position, or a link is the wrong way round.
        Contradictions are left out of the loops: ``contradicts`` says only
        that two statements cannot both hold, which is as true of three rival
        explanations as of two camps, and it has no direction to get wrong
        (a chain that contradicts itself is AM202's finding). Principles are
        left out too (a value both camps invoke is not a camp), and so are
        concessions and undercuts. Each group of linked nodes is reported
        once, with one such loop.
    """,
    example="""
        nodes:
          - {id: tax, kind: claim, text: Raise the fuel tax.}
          - {id: buses, kind: claim, text: Spend the money on buses instead.}
          - {id: wait, kind: claim, text: Change nothing until the review reports.}
        links:
          - {id: x1, kind: attacks, source: tax, target: buses}
          - {id: x2, kind: attacks, source: buses, target: wait}
          - {id: x3, kind: attacks, source: wait, target: tax}
    """,
    fix=(
        "Correct the link that is the wrong way round; if the debate really has three positions,"
        " keep the links and switch the rule off for the map."
    ),
    fixed="""
        checks:
          ignore: [AM203]   # three positions, each against the other two
        nodes:
          - {id: tax, kind: claim, text: Raise the fuel tax.}
          - {id: buses, kind: claim, text: Spend the money on buses instead.}
          - {id: wait, kind: claim, text: Change nothing until the review reports.}
        links:
          - {id: x1, kind: attacks, source: tax, target: buses}
          - {id: x2, kind: attacks, source: buses, target: wait}
          - {id: x3, kind: attacks, source: wait, target: tax}
    """,
)
def _unbalanced_cycle(context: Context, this: Rule) -> Iterator[Finding]:
    skip = context.principles
    ties: list[list[tuple[int, int, str]]] = [[] for _ in context.ids]
    for u, edges in enumerate(context.out):
        if u in skip:
            continue
        for e in edges:
            if e.target not in skip and e.target != u:
                ties[u].append((e.target, e.sign, e.link))
                ties[e.target].append((u, e.sign, e.link))
    colour = [0] * len(context.ids)
    parent: list[tuple[int, str] | None] = [None] * len(context.ids)
    depth = [0] * len(context.ids)
    reported = 0
    for root in range(len(context.ids)):
        if colour[root] or root in skip or not ties[root]:
            continue
        colour[root] = 1
        queue = deque([root])
        conflict: tuple[int, int, str] | None = None
        while queue:
            u = queue.popleft()
            for v, sign, link_id in ties[u]:
                if colour[v] == 0:
                    colour[v] = colour[u] * sign
                    parent[v] = (u, link_id)
                    depth[v] = depth[u] + 1
                    queue.append(v)
                elif colour[v] != colour[u] * sign and conflict is None and not _adjacent(parent, u, v):
                    # two opposite links between one pair are AM101/AM202 findings, not a camp problem
                    conflict = (u, v, link_id)
        if conflict is None or reported >= MAX_WITNESSES:
            continue
        reported += 1
        cycle = _tree_cycle(context, parent, depth, *conflict)
        _, count = context.opposing(cycle[1::2])
        names = list(dict.fromkeys(cycle[::2]))
        yield this.finding(
            f"{_listed(names)} cannot be split into two camps (support within a camp, attack across):"
            f" their links go round a loop with {count}, an odd number: {context.loop(cycle)}",
            cycle,
        )


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _adjacent(parent: list[tuple[int, str] | None], u: int, v: int) -> bool:
    """Whether u and v are joined by an edge of the BFS tree."""
    pu, pv = parent[u], parent[v]
    return (pu is not None and pu[0] == v) or (pv is not None and pv[0] == u)


def _tree_cycle(
    context: Context, parent: list[tuple[int, str] | None], depth: list[int], u: int, v: int, closing: str
) -> list[str]:
    """The cycle closed by the non-tree tie (u, v) in a BFS tree, as alternating ids."""
    left: list[str] = [context.ids[u]]
    right: list[str] = [context.ids[v]]
    a, b = u, v
    while a != b:
        if depth[a] >= depth[b]:
            step = parent[a]
            assert step is not None
            a, link_id = step
            left += [link_id, context.ids[a]]
        else:
            step = parent[b]
            assert step is not None
            b, link_id = step
            right += [link_id, context.ids[b]]
    # left runs u .. lca, right runs v .. lca; the cycle is lca .. u, closing, v .. lca
    return [*reversed(left), closing, *right]
