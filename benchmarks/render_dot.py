"""Time DOT emission against Graphviz layout on a large synthetic map.

    .venv/bin/python benchmarks/render_dot.py [--nodes 3000] [--links-per-node 3] [--format svg]

Builds a map of ``--nodes`` nodes (every kind, five sides) in which each node
has about ``--links-per-node`` links (supports, attacks, linked premises,
undercuts, contradicts), then times :func:`argmap.render.to_dot` and the
layout of its output, and prints both and their ratio. The goal is emission
under 10% of layout. Nothing is asserted: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import random
import time

import argmap
from argmap.render import RenderOptions, find_engine, layout, to_dot

KINDS = ("claim", "counterclaim", "principle", "evidence", "claim")
WORDS = (
    "allies share costs burden sharing autonomy launch treaty resources rights orbit debris"
    " budget partners deterrence science curiosity merit diversity speed scale markets"
).split()


def synthetic_map(nodes: int, links_per_node: int, seed: int = 1) -> argmap.ArgumentMap:
    """A reproducible, debate-shaped map of ``nodes`` nodes with about ``links_per_node`` links each.

    One issue per hundred nodes; the other nodes form a forest under the issues
    (each node bears on a parent, three children per parent), and each node's
    further links go to nodes near its parent: reasons for and against
    neighbouring claims, as in a real debate, rather than random spaghetti.
    """
    rng = random.Random(seed)
    b = argmap.MapBuilder("synthetic", f"Synthetic map of {nodes} nodes")
    sides = [b.side(f"side-{i}", f"Side {i}", role="editorial" if i == 0 else "party") for i in range(5)]
    issues = max(1, nodes // 100)
    ids: list[str] = []
    inferential: list[str] = []
    for i in range(nodes):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18))).capitalize() + "."
        if i < issues:
            ids.append(b.issue(f"q{i}", text, label=f"Issue {i}"))
            continue
        kind = KINDS[i % len(KINDS)]
        ids.append(b.node(kind, f"n{i}", text, label=" ".join(text.split()[:4]), held_by=rng.choice(sides)))
        parent = (i - issues) // 3
        for j in range(links_per_node):
            link_id = f"l{i}-{j}"
            near = min(i - 1, max(0, parent + rng.randint(-3, 3)))
            target = ids[parent] if j == 0 else ids[near]
            roll = rng.random()
            if j and roll < 0.05 and inferential:
                b.undercuts(ids[i], inferential[-rng.randint(1, min(5, len(inferential)))], id=link_id)
            elif j and roll < 0.10 and target != ids[i]:
                b.contradicts(ids[i], target, id=link_id)
            elif roll < 0.20 and ids[i - 1] not in (target, ids[i]):
                b.supports([ids[i], ids[i - 1]], target, id=link_id)
                inferential.append(link_id)
            elif target != ids[i]:
                make = b.supports if roll < 0.65 else b.attacks
                make(ids[i], target, id=link_id)
                inferential.append(link_id)
    return b.build()


def best_of(repeats: int, run: object) -> float:
    assert callable(run)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--links-per-node", type=int, default=3)
    parser.add_argument("--format", choices=("svg", "png", "pdf"), default="svg")
    parser.add_argument("--engine", choices=("dot", "bundled"), default=None)
    args = parser.parse_args()

    start = time.perf_counter()
    m = synthetic_map(args.nodes, args.links_per_node)
    built = time.perf_counter() - start
    options = RenderOptions()
    emit = best_of(3, lambda: to_dot(m, options))
    dot = to_dot(m, options)
    engine = find_engine(args.engine)
    start = time.perf_counter()
    drawing = layout(dot, args.format, engine)
    lay = time.perf_counter() - start

    print(f"map: {len(m.nodes)} nodes, {len(m.links)} links (built in {built:.2f} s)")
    print(f"DOT emission:  {emit:8.3f} s  ({len(dot) / 1e6:.1f} MB of DOT, best of 3)")
    print(f"layout ({engine}, {args.format}): {lay:8.3f} s  ({len(drawing) / 1e6:.1f} MB)")
    print(f"emission / layout: {emit / lay:.2%} (goal: under 10%)")


if __name__ == "__main__":
    main()
