"""argmap's argumentation solvers side by side with pygarg and formal-argumentation.

Usage: .venv/bin/python benchmarks/bench_semantics.py [--timeout S] [--markdown OUT]

What it measures, on random frameworks (distinct attacks drawn uniformly,
fixed seeds, written once as ICCMA 2023 .af and as .apx under /tmp):

- SE-GR on 100,000 arguments / 400,000 attacks (argmap's goal: solve < 0.3 s);
- SE-PR and SE-ST on 1,000 arguments / 4,000 attacks (no self-attacks),
  three seeds each: argmap's labelling search (pure Python) and its SAT
  solver (extra ``sat``), pygarg and formal-argumentation.

The peers are installed by this script into a scratch venv of their own,
/tmp/argmap-bench-peers (python-sat with pygarg, which needs it and does not
declare it; formal-argumentation with its z3 extra, the SAT back end it
chooses by itself), never into argmap's environment. Every run is a fresh
subprocess of the tool's own interpreter (benchmarks/semantics/runner.py), in
this one run, with a timeout; parse-and-build time and solve time (best of
three) are reported apart. Ratios are the peer's solve time over argmap's
(its SAT solver for SE-PR/SE-ST). Each returned extension is checked here
to be conflict-free and admissible (stable: attacking everything outside),
and the grounded extensions of all tools must be equal.

This is a benchmark, not a test: it is never run by `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "benchmarks" / "semantics" / "runner.py"
WORK = Path("/tmp/argmap-bench-semantics")
PEERS = Path("/tmp/argmap-bench-peers")
PEER_PACKAGES = ["pygarg", "python-sat>=1.8.dev0", "formal-argumentation[z3]"]

sys.path.insert(0, str(ROOT))
from argmap.semantics import sat  # noqa: E402
from argmap.semantics.framework import Framework  # noqa: E402
from argmap.semantics.iccma import dumps_af, load_framework  # noqa: E402


def random_framework(n: int, m: int, seed: int, *, self_attacks: bool) -> Framework:
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if self_attacks or a != b:
            pairs.add((a, b))
    return Framework.from_attacks([str(i) for i in range(1, n + 1)], sorted(pairs))


def write_instance(name: str, af: Framework) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"{name}.af"
    if not path.exists():
        path.write_text(dumps_af(af))
        # the same framework for pygarg, whose reader takes apx (names a1..aN)
        path.with_suffix(".apx").write_text(
            "".join(f"arg(a{i}).\n" for i in range(1, len(af) + 1))
            + "".join(f"att(a{s + 1},a{t + 1}).\n" for s, t in af.attacks())
        )
    return path


def ensure_peers() -> Path | None:
    python = PEERS / "bin" / "python"
    stamp = PEERS / ".installed"
    if not stamp.exists():
        print(f"installing the peers into {PEERS} ...", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True, timeout=900
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
            print(f"could not install the peers: {err}", file=sys.stderr)
            return None
        stamp.write_text("\n".join(PEER_PACKAGES))
    return python


def peer_versions(python: Path | None) -> dict[str, str]:
    if python is None:
        return {}
    names = ("pygarg", "python-sat", "formal-argumentation", "z3-solver")
    code = f"import importlib.metadata as m, json; print(json.dumps({{p: m.version(p) for p in {names!r}}}))"
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=False)
    return json.loads(out.stdout) if out.returncode == 0 else {}


def run(python: str, tool: str, task: str, path: Path, timeout: float) -> dict[str, Any]:
    env = dict(os.environ)
    if tool.startswith("argmap"):
        env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [python, str(RUNNER), tool, task, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish in {timeout:g} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"failed: {last[:120]}"}
    result: dict[str, Any] = json.loads(done.stdout)
    result["wall"] = time.perf_counter() - start
    return result


def check_extension(af: Framework, names: list[str], task: str) -> str:
    """'ok', or what is wrong with an extension given by argument names (apx names a<i> accepted)."""
    index = {name: i for i, name in enumerate(af.names)}
    chosen = {index[n[1:] if n.startswith("a") else n] for n in names}
    if any(t in chosen for s in chosen for t in af.attacked[s]):
        return "not conflict-free"
    attacked_by_ext = {t for s in chosen for t in af.attacked[s]}
    if any(b not in attacked_by_ext for a in chosen for b in af.attackers[a]):
        return "not admissible"
    if task == "SE-ST" and len(chosen) + len(attacked_by_ext) != len(af):
        return "not stable"
    if task == "SE-PR" and sat.is_available():
        return "not maximal" if sat.sat_can_grow(af, sorted(chosen)) else "ok (maximal)"
    return "ok"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs{memory}; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()}; load average at the end of the run {load}"
    )


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds:.4f}" if seconds < 0.01 else f"{seconds:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    options = parser.parse_args()

    python = ensure_peers()
    versions = peer_versions(python)
    small = random_framework(1_000, 4_000, 0, self_attacks=True)
    instances = [
        ("SE-GR", "gr-1k-4k", small),
        ("SE-GR", "gr-100k-400k", random_framework(100_000, 400_000, 0, self_attacks=True)),
    ]
    # debate-sized (200 / 800), then 1,000 / 4,000: seed 0 has no stable extension,
    # seeds 3 and 4 are the first that have one
    for n, seed in ((200, 0), (1_000, 0), (1_000, 3), (1_000, 4)):
        af = random_framework(n, 4 * n, seed, self_attacks=False)
        label = f"{n // 1000}k-{4 * n // 1000}k" if n >= 1000 else f"{n}-{4 * n}"
        instances += [("SE-PR", f"pr-{label}-s{seed}", af), ("SE-ST", f"pr-{label}-s{seed}", af)]
    tools = [("argmap-search", sys.executable), ("argmap-sat", sys.executable)]
    if python is not None:
        tools += [("pygarg", str(python)), ("formal-argumentation", str(python))]

    rows: list[dict[str, Any]] = []
    given_up: set[tuple[str, str]] = set()
    for task, name, af in instances:
        path = write_instance(name, af)
        assert load_framework(path).attacks() == af.attacks()
        grounded_sets = set()
        for tool, interpreter in tools:
            if task == "SE-GR" and tool == "argmap-sat":
                continue  # the SAT solver computes grounded with the same worklist
            if (task, tool) in given_up:
                rows.append({"task": task, "instance": name, "tool": tool, "size": None, "error": "-"})
                rows[-1]["check"] = "not run: it did not finish an earlier instance of this task"
                continue
            result = run(interpreter, tool, task, path, options.timeout)
            if "did not finish" in result.get("error", ""):
                given_up.add((task, tool))
            ext = result.get("extension")
            if "error" in result:
                verdict = result["error"]
            elif ext is None:
                verdict = "ok (no extension)" if task == "SE-ST" else "no extension?"
            else:
                verdict = check_extension(af, ext, task)
                if task == "SE-GR":
                    grounded_sets.add(frozenset(e[1:] if e.startswith("a") else e for e in ext))
            row = {"task": task, "instance": name, "tool": tool, **result, "check": verdict}
            row["size"] = None if ext is None else len(ext)
            rows.append(row)
            print(
                f"{task} {name:<14} {tool:<21} parse {fmt(result.get('parse')):>7}"
                f"  solve {fmt(result.get('solve')):>7}  size {row['size']}  {verdict}",
                file=sys.stderr,
            )
        if task == "SE-GR" and len(grounded_sets) > 1:
            print("the grounded extensions differ between tools!", file=sys.stderr)

    reference = {
        (r["task"], r["instance"]): r.get("solve")
        for r in rows
        if r["tool"] == ("argmap-search" if r["task"] == "SE-GR" else "argmap-sat")
    }
    lines = [
        f"Machine: {machine()}.",
        ("Peers: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".")
        if versions
        else "Peers: none.",
        "",
        "| task | instance | tool | parse + build (s) | solve (s) | solve / argmap's | extension | check |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ref = reference.get((r["task"], r["instance"]))
        solve = r.get("solve")
        ratio = f"{solve / ref:.1f}x" if solve is not None and ref else "-"
        size = r["size"] if r["size"] is not None else ("-" if "error" in r else "none")
        lines.append(
            f"| {r['task']} | {r['instance']} | {r['tool']} | {fmt(r.get('parse'))} | {fmt(solve)} | {ratio}"
            f" | {size} | {r['check']} |"
        )
    table = "\n".join(lines)
    print(table)
    if options.markdown:
        Path(options.markdown).write_text(table + "\n")


if __name__ == "__main__":
    main()
