"""argmap beside the Argdown tool, in the same run: drawing an Argdown file to DOT and exporting it to JSON.

Usage: python benchmarks/argdown.py [--statements 2000] [--relations 3000] [--repeat 3]

A synthetic debate (statements with titles and texts, supports and attacks
between them) is written as one ``.argdown`` file by argmap's own writer, and
as argmap's YAML. Then each command runs cold as a user would (median of
``--repeat`` runs; the commands take turns, so that a change in the load of a
shared machine hits them all):

- ``argdown map FILE OUTDIR --format dot`` against ``argmap render FILE -o x.dot``;
- ``argdown json FILE OUTDIR`` against ``argmap convert FILE x.json``;
- the same two argmap commands on the YAML file.

Each command runs once untimed first, as a user's second run would: the
operating system caches the files, and Python keeps argmap's compiled
bytecode (an installed package ships it; the benchmark lets Python write it
even when ``PYTHONDONTWRITEBYTECODE`` is set, as on some shared machines).

The Argdown tool (``@argdown/cli@1.7.5``) is installed with npm into
``~/.cache/argmap-argdown`` when missing; without npm the script says so and
measures argmap alone. Figures are ratios to the Argdown tool in the same run,
since the machine's load varies.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path.home() / ".cache" / "argmap-argdown"
TOOL = CACHE / "node_modules" / ".bin" / "argdown"


def tool() -> Path | None:
    if TOOL.exists():
        return TOOL
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [npm, "install", "--silent", "--prefix", str(CACHE), "@argdown/cli@1.7.5"],
        check=False,
        capture_output=True,
        timeout=600,
    )
    return TOOL if TOOL.exists() else None


def debate(statements: int, relations: int, seed: int = 1) -> object:
    import argmap

    rng = random.Random(seed)
    b = argmap.MapBuilder("synthetic", f"A debate of {statements} statements")
    for i in range(statements):
        b.claim(f"s{i}", f"Statement number {i} says something about the motion.", label=f"S{i}")
    seen: set[tuple[int, int]] = set()
    while len(seen) < relations:
        a, c = rng.randrange(statements), rng.randrange(statements)
        if a != c and (a, c) not in seen and (c, a) not in seen:
            seen.add((a, c))
            b.link("supports" if rng.random() < 0.6 else "attacks", f"s{a}", f"s{c}")
    return b.build()


# Python may write bytecode, as an installed package has it.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(argv, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{run.stderr[-2000:]}")
    return seconds


def cold(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The median time of each command; the commands take turns, so that a change in load hits them all."""
    for argv in commands.values():
        run_once(argv)  # the first run warms the caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            times[name].append(run_once(argv))
    return {name: statistics.median(found) for name, found in times.items()}


def machine() -> str:
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python"
        f" {platform.python_version()}, load average {load} when the run began"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--relations", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import argmap
    from argmap.io.argdown import write_argdown

    started = machine()
    m = debate(args.statements, args.relations)
    exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or "argmap"
    found = tool()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "debate.argdown"
        source.write_text(write_argdown(m), encoding="utf-8")  # type: ignore[arg-type]
        native = work / "debate.yaml"
        argmap.dump(m, native)  # type: ignore[arg-type]
        commands: dict[str, list[str]] = {}
        if found is not None:
            commands["dot"] = [str(found), "map", str(source), str(work / "ad-dot"), "--format", "dot"]
            commands["json"] = [str(found), "json", str(source), str(work / "ad-json")]
        for name, path in (("argdown", source), ("yaml", native)):
            dot, js = str(work / f"{name}.dot"), str(work / f"{name}.json")
            commands[f"argmap render {name} -> dot"] = [exe, "render", str(path), "-o", dot]
            commands[f"argmap convert {name} -> json"] = [exe, "convert", str(path), js]
        medians = cold(commands, args.repeat)
        peer = {key: medians.pop(key) for key in ("dot", "json") if key in medians}
        rows = [
            (name, value, peer.get("dot" if "render" in name else "json")) for name, value in medians.items()
        ]
    print(f"{args.statements} statements, {args.relations} relations; median of {args.repeat} runs in turn")
    print(f"machine: {started}")
    if found is None:
        print("(the Argdown tool is not available: npm is missing or the install failed; argmap alone)")
    else:
        print(f"argdown map --format dot: {peer['dot']:.2f} s; argdown json: {peer['json']:.2f} s")
    print(f"{'command':34} {'s':>7} {'ratio to argdown':>17}")
    for name, seconds, other in rows:
        ratio = f"{seconds / other:.2f}x" if other else "n/a"
        print(f"{name:34} {seconds:>7.2f} {ratio:>17}")


if __name__ == "__main__":
    main()
