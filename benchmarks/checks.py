"""Time and memory of every check rule on synthetic debate maps.

Usage: python benchmarks/checks.py [SIZES...]   (default: 10000 100000)

Each size runs in a fresh subprocess, so that its peak memory (max RSS) is
its own. A synthetic map has one issue per 100 nodes, two opposed sides, and
three links per node: mostly supports within a side and attacks across sides
toward earlier nodes of the same issue, plus 1% random links of any kind, so
that every rule has work to do and some findings to report.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from typing import Any

KINDS = ["supports", "attacks", "contradicts", "equivalent"]


def synthetic(n: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    issues = max(1, n // 100)
    nodes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for i in range(n):
        if i < issues:
            nodes.append({"id": f"q{i}", "kind": "issue", "text": f"Issue {i}?"})
            continue
        kind = "principle" if i % 50 == 0 else ("counterclaim" if i % 3 == 0 else "claim")
        nodes.append({"id": f"n{i}", "kind": kind, "text": f"Statement {i}.", "held_by": "pro" if i % 2 else "con"})
    ids = [node["id"] for node in nodes]
    for i in range(issues, n):
        issue = i % issues
        for _ in range(3):
            if rng.random() < 0.01:
                kind, j = rng.choice(KINDS), rng.randrange(n)
            else:
                same_issue = range(issue, i, issues)
                j = rng.choice(same_issue) if len(same_issue) > 1 else issue
                same_side = j < issues or (i - j) % 2 == 0
                kind = "supports" if same_side or j < issues else "attacks"
            if j != i:
                links.append({"kind": kind, "source": ids[i], "target": ids[j]})
    return {
        "id": "synthetic",
        "title": f"Synthetic map of {n} nodes",
        "sides": [
            {"id": "pro", "name": "Pro", "opposes": ["con"]},
            {"id": "con", "name": "Con"},
        ],
        "nodes": nodes,
        "links": links,
    }


def measure(n: int) -> dict[str, Any]:
    from argmap import validate
    from argmap._perf import paused_gc
    from argmap.checks import RULES, check
    from argmap.checks.context import Context

    data = synthetic(n)
    started = time.perf_counter()
    m = validate(data)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    findings = check(m)
    total = time.perf_counter() - started
    per_rule = {}
    for code in sorted(RULES):
        context = Context(m)  # fresh shared structures: each rule pays for what it uses
        started = time.perf_counter()
        with paused_gc():  # as check() does
            count = sum(1 for _ in RULES[code].check(context))
        per_rule[code] = (round(time.perf_counter() - started, 3), count)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "nodes": n,
        "links": len(m.links),
        "validate_s": round(load_seconds, 2),
        "check_all_s": round(total, 2),
        "findings": len(findings),
        "peak_rss_mb": round(peak_mb),
        "per_rule": per_rule,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout))
    print("| nodes | links | validate (s) | all checks (s) | findings | peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['nodes']:,} | {r['links']:,} | {r['validate_s']} | {r['check_all_s']} | {r['findings']:,}"
            f" | {r['peak_rss_mb']:,} |"
        )
    print()
    print("| rule | " + " | ".join(f"{r['nodes']:,} nodes: s (findings)" for r in rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for code in rows[0]["per_rule"]:
        cells = " | ".join(f"{r['per_rule'][code][0]} ({r['per_rule'][code][1]})" for r in rows)
        print(f"| {code} | {cells} |")


if __name__ == "__main__":
    main(sys.argv[1:])
