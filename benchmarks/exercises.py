"""Time to make each kind of exercise from synthetic debate maps, whole and cut to one issue.

Usage: python benchmarks/exercises.py [SIZES...]   (default: 1000 10000)

The maps are those of benchmarks/checks.py (one issue per 100 nodes, two
opposed sides, three links per node). Each size runs in a fresh subprocess,
so that its peak memory (max RSS) is its own. "locate" is left out: it needs
a source text, which synthetic maps have none of. Also timed: the printable
worksheet (HTML, Graphviz layout included) of a four-part exercise on one
issue, as a teacher makes for a lesson.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checks import synthetic  # noqa: E402

KINDS = ["sort-by-side", "label-links", "match-principles", "fill-gap", "find-flaw", "reconstruct"]


def measure(n: int) -> dict[str, Any]:
    import argmap
    from argmap.errors import ExerciseError
    from argmap.exercises import generate, worksheet_html

    m = argmap.validate(synthetic(n))
    issue = m.issues[len(m.issues) // 2].id
    scope = len(m.issue_nodes(issue))
    result: dict[str, Any] = {
        "nodes": len(m.nodes),
        "links": len(m.links),
        "issue": issue,
        "scope": scope,
        "kinds": {},
    }
    for kind in KINDS:
        row = {}
        for scope in ("whole", "issue"):
            start = time.perf_counter()
            try:
                ex = generate(m, kind, seed=1, difficulty=2, issues=[issue] if scope == "issue" else [])
            except ExerciseError:
                row[scope] = (round(time.perf_counter() - start, 3), "unfit")
                continue
            row[scope] = (round(time.perf_counter() - start, 3), len(ex.items))
        result["kinds"][kind] = row
    start = time.perf_counter()
    ex = generate(m, KINDS[:4], seed=1, difficulty=2, issues=[issue], skip_unfit=True)
    page = worksheet_html(ex)
    result["worksheet"] = (round(time.perf_counter() - start, 2), len(page))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        print(json.dumps(measure(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [1000, 10000]
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        ).stdout
        r = json.loads(out)
        print(f"\n{r['nodes']:,} nodes, {r['links']:,} links; one issue: {r['issue']} ({r['scope']} nodes)")
        print("| kind | whole map: s (items) | one issue: s (items) |")
        print("|---|---:|---:|")
        for kind, row in r["kinds"].items():
            whole, one = row["whole"], row["issue"]
            print(f"| {kind} | {whole[0]} ({whole[1]}) | {one[0]} ({one[1]}) |")
        seconds, size = r["worksheet"]
        print(f"worksheet (4 parts, one issue, HTML with layout): {seconds} s, {size:,} bytes")
        print(f"peak RSS: {r['peak_rss_mb']} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
