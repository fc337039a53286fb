"""argmap at every size: one table of load, validate, check and DOT times, memory, and cold starts.

Usage: python benchmarks/bench.py [--sizes 1000 10000 100000] [--repeat 3]

Synthetic maps (the checker benchmark's generator: one issue per 100 nodes,
two opposed sides, three links per node) are written as YAML and JSON; each
(size, format) runs in a fresh subprocess so that its peak memory (max RSS) is
its own. Phases, timed separately inside that process:

- parse: the file read and parsed (no positions: they are read again only
  when a message or finding needs them);
- validate: the parsed data made into a map (link ids, references);
- check: every checker rule, findings located in the file;
- dot: the whole map drawn as DOT text.

*argmap check* is parse + validate + check: what ``argmap check map.yaml``
does, in one process; *command* is that command itself, run in its own
process as a user runs it (start-up and printing the report included; from
20,000 elements with a forked helper, see ``--jobs``), and *--jobs 1* the
same command kept in one process. *loaded MB* is the peak
resident memory once the map is loaded (the loading's own peak: parsed data
and map side by side), *peak MB* the peak of
the whole run.

Cold starts run the installed ``argmap`` command as a user would (median of
``--repeat`` runs). The table ends with the growth of each phase per tenfold
size. When the Argdown tool (``@argdown/cli``) can be installed with npm, the
interop benchmark in benchmarks/argdown.py compares with it; this script does
not need it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks import synthetic  # noqa: E402  (the checker benchmark's map generator)

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import gc, json, resource, sys, time

def peak_mb():
    # VmHWM is this process's own peak: ru_maxrss also counts the parent's memory at fork (Linux keeps it
    # across exec), which made every row report the benchmark's own 1.5 GB at 100k nodes.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from argmap.io.located import decode, parse_json, parse_yaml, read_input
from argmap.validation import validate_parsed
from argmap.locations import Origin, attach_origin
import argmap
from argmap.render import to_dot

path, fmt = sys.argv[1], sys.argv[2]
out = {}
t0 = time.perf_counter()
gc.disable()
text = decode(read_input(path), path)
parsed = (parse_json if fmt == "json" else parse_yaml)(text, path, positions=False)
t1 = time.perf_counter()
m = validate_parsed(parsed, path)
attach_origin(m, Origin(path, reparse=lambda: (parse_json if fmt == "json" else parse_yaml)(text, path).values, items=parsed.items))
del parsed
gc.freeze()  # as the command line does once a map is loaded
gc.enable()
t2 = time.perf_counter()
out["rss_loaded_mb"] = peak_mb()
findings = argmap.check(m)
t3 = time.perf_counter()
dot = to_dot(m)
t4 = time.perf_counter()
out.update(parse=t1 - t0, validate=t2 - t1, check=t3 - t2, dot=t4 - t3, findings=len(findings),
           peak_mb=peak_mb(), nodes=len(m.nodes), links=len(m.links))
print(json.dumps(out))
"""


def measure(path: Path, fmt: str) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), fmt], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(run.stdout)
    return result


def command(path: Path, *options: str) -> float:
    """Wall-clock seconds of ``argmap check path`` run as a user runs it (its report thrown away)."""
    exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or "argmap"
    start = time.perf_counter()
    subprocess.run([exe, "check", *options, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import argmap

    print(f"machine: {machine()}")
    rows: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            m = argmap.validate(synthetic(n))
            for fmt in ("yaml", "json"):
                path = Path(folder) / f"map-{n}.{fmt}"
                argmap.dump(m, path, fmt)  # type: ignore[arg-type]
                rows[(fmt, n)] = measure(path, fmt)
                rows[(fmt, n)]["command"] = command(path)
                rows[(fmt, n)]["one process"] = command(path, "--jobs", "1")
                path.unlink()
    header = (
        f"{'format':6} {'nodes':>7} {'links':>7} {'parse s':>8} {'valid. s':>8} {'check s':>8} {'dot s':>7}"
        f" {'total s':>8} {'argmap check s':>14} {'command s':>9} {'--jobs 1 s':>10} {'loaded MB':>9}"
        f" {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for (fmt, _n), r in rows.items():
        phases = r["parse"] + r["validate"] + r["check"]
        total = phases + r["dot"]
        print(
            f"{fmt:6} {r['nodes']:>7.0f} {r['links']:>7.0f} {r['parse']:>8.2f} {r['validate']:>8.2f}"
            f" {r['check']:>8.2f} {r['dot']:>7.2f} {total:>8.2f} {phases:>14.2f} {r['command']:>9.2f}"
            f" {r['one process']:>10.2f} {r['rss_loaded_mb']:>9.0f}"
            f" {r['peak_mb']:>8.0f}"
        )
    sizes = sorted(args.sizes)
    for fmt in ("yaml", "json"):
        for small, big in zip(sizes, sizes[1:], strict=False):
            a, b = rows[(fmt, small)], rows[(fmt, big)]
            ratio = big / small
            growth = ", ".join(
                f"{k} x{b[k] / a[k]:.1f}" for k in ("parse", "validate", "check", "dot") if a[k] > 0
            )
            print(f"growth {fmt} {small} -> {big} (x{ratio:.0f} nodes): {growth}")
    exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or "argmap"
    corpus = str(ROOT / "corpora" / "allied-space-cooperation" / "map.yaml")
    with tempfile.TemporaryDirectory() as folder:
        starts = {
            "argmap --version": cold([exe, "--version"], args.repeat),
            "argmap --help": cold([exe, "--help"], args.repeat),
            "argmap render corpus -o x.dot": cold(
                [exe, "render", corpus, "-o", str(Path(folder) / "x.dot")], args.repeat
            ),
            "python -c 'import argmap'": cold([sys.executable, "-c", "import argmap"], args.repeat),
        }
    print(f"{'cold start (median of ' + str(args.repeat) + ')':40} {'s':>6}")
    for name, seconds in starts.items():
        print(f"{name:40} {seconds:>6.3f}")


if __name__ == "__main__":
    main()
