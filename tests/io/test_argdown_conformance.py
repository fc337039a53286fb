"""Conformance with the Argdown tool (@argdown/cli 1.7.5).

For the six real documents in ../shared/external/argdown, argmap's import must
give the equivalence classes, arguments and relations (type, from, to) of the
tool's own JSON export. When npm is present, the tool itself is installed into
a cache folder outside the repository and run on what argmap writes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import argmap
from argmap.builder import MapBuilder
from argmap.io.argdown import read_argdown, write_argdown
from argmap.model import ArgumentMap
from tests.strategies import maps

EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "external" / "argdown"
TOOL_JSON = EXTERNAL / "argdown-cli-1.7.5-json"
DOCUMENTS = sorted(p.stem for p in EXTERNAL.glob("*.argdown"))

# The tool's relation types, as argmap reads them.
KINDS = {
    "support": "supports",
    "entails": "supports",
    "attack": "attacks",
    "contrary": "contradicts",
    "contradictory": "contradicts",
    "undercut": "undercuts",
}

End = tuple[str, str]  # ("statement" | "argument", title)


def relation(kind: str, source: End, target: End) -> tuple[Any, ...]:
    if kind == "contradicts":
        return (kind, frozenset((source, target)))
    return (kind, source, target)


def argdown_view(m: ArgumentMap) -> tuple[set[str], set[str], set[tuple[Any, ...]]]:
    """The Argdown statements, arguments and relations an argmap map stands for.

    Titles come from the reader's provenance; every relation comes from the
    map's links: a link between statement or argument nodes is a relation; an
    undercut of a reconstruction's inference (or of the link of an argument
    without one) undercuts that argument. The links of the reconstructions
    themselves, and of a node standing for a reconstructed argument, are not
    relations.
    """
    title = {n.id: n.data["argdown"]["title"] for n in m.nodes}
    arguments = {n.id for n in m.nodes if n.data["argdown"].get("argument")}
    argument_titles = {title[i] for i in arguments}
    inference_of: dict[str, str] = {}
    for link in m.links:
        provenance = link.data.get("argdown", {})
        if "argument" in provenance and not provenance.get("stands_for"):
            argument_titles.add(provenance["argument"])
            inference_of[str(link.id)] = provenance["argument"]

    def end(node_id: str) -> End:
        return ("argument" if node_id in arguments else "statement", title[node_id])

    relations = set()
    for link in m.links:
        if "argument" in link.data.get("argdown", {}) or link.kind == "equivalent":
            continue  # a reconstruction's own links; Argdown has no equivalence between two titles
        if link.kind == "undercuts":
            undercut = m.link(link.target)
            target = (
                ("argument", inference_of[str(undercut.id)])
                if undercut.id in inference_of
                else end(undercut.source)
            )  # type: ignore[arg-type]
        else:
            target = end(link.target)
        relations.add(relation(link.kind, end(link.premises[0]), target))
    statements = {t for i, t in title.items() if i not in arguments}
    return statements, argument_titles, relations


def tool_view(exported: dict[str, Any]) -> tuple[set[str], set[str], set[tuple[Any, ...]]]:
    def end(name: str, kind: str) -> End:
        # The tool files an undercut of a reconstructed argument under its inference.
        return ("argument" if kind in ("argument", "inference") else "statement", name)

    relations = {
        relation(KINDS[r["relationType"]], end(r["from"], r["fromType"]), end(r["to"], r["toType"]))
        for r in exported["relations"]
    }
    return set(exported["statements"]), set(exported["arguments"]), relations


def need_documents() -> None:
    if not TOOL_JSON.is_dir():
        pytest.skip("the Argdown documents and the tool's JSON are not present in ../shared/external/argdown")


@pytest.mark.external
@pytest.mark.parametrize("stem", DOCUMENTS or ["(absent)"])
def test_import_matches_the_argdown_tool(stem: str) -> None:
    need_documents()
    m, _ = read_argdown((EXTERNAL / f"{stem}.argdown").read_text(encoding="utf-8"), f"{stem}.argdown")
    exported = json.loads((TOOL_JSON / f"{stem}.json").read_text(encoding="utf-8"))
    statements, arguments, relations = argdown_view(m)
    expected_statements, expected_arguments, expected_relations = tool_view(exported)
    assert statements == expected_statements
    assert arguments == expected_arguments
    assert relations == expected_relations
    assert relations  # every document has relations: the comparison is not vacuous


def argdown_premises(m: ArgumentMap) -> dict[str, set[str]]:
    """Each reconstructed argument's premises, by title: its links' premises less their conclusions."""
    title = {n.id: n.data["argdown"]["title"] for n in m.nodes}
    premises: dict[str, set[str]] = {}
    concluded: dict[str, set[str]] = {}
    for link in m.links:
        provenance = link.data.get("argdown", {})
        if "argument" in provenance and not provenance.get("stands_for"):
            premises.setdefault(provenance["argument"], set()).update(title[p] for p in link.premises)
            concluded.setdefault(provenance["argument"], set()).add(title[link.target])
    return {argument: found - concluded[argument] for argument, found in premises.items()}


def tool_premises(exported: dict[str, Any]) -> dict[str, set[str]]:
    """Each reconstructed argument's premises as the tool exports them (role "premise" in its pcs)."""
    return {
        name: {s["title"] for s in argument["pcs"] if s.get("role") == "premise"}
        for name, argument in exported["arguments"].items()
        if argument.get("pcs")
    }


@pytest.mark.external
@pytest.mark.parametrize("stem", DOCUMENTS or ["(absent)"])
def test_each_reconstruction_has_the_premises_the_argdown_tool_gives_it(stem: str) -> None:
    # greenspan's <Turnover Argument> writes {uses: [1,2,3,4]} over five premises: the tool reads
    # 'uses' as data and keeps (5) among the premises; argmap once left (5) out of the argument.
    need_documents()
    m, _ = read_argdown((EXTERNAL / f"{stem}.argdown").read_text(encoding="utf-8"), f"{stem}.argdown")
    exported = json.loads((TOOL_JSON / f"{stem}.json").read_text(encoding="utf-8"))
    assert argdown_premises(m) == tool_premises(exported)


@pytest.mark.external
def test_the_six_documents_are_all_there() -> None:
    need_documents()
    assert len(DOCUMENTS) == 6


# -- the Argdown tool itself ---------------------------------------------------


@pytest.fixture(scope="module")
def argdown_tool() -> Path:
    """The ``argdown`` command of @argdown/cli 1.7.5, installed into a cache outside the repository."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: the Argdown tool cannot be run")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "argmap-argdown"
    command = cache / "node_modules" / ".bin" / "argdown"
    if not command.exists():
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache), "@argdown/cli@1.7.5"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not command.exists():
            pytest.skip(f"could not install @argdown/cli 1.7.5: {done.stderr.strip()[-300:]}")
    return command


def run_tool(command: Path, text: str, folder: Path) -> dict[str, Any]:
    source = folder / "map.argdown"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [str(command), "json", str(source), str(folder / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "error" not in output.lower() and "warning" not in output.lower(), output
    exported: dict[str, Any] = json.loads((folder / "out" / "map.json").read_text(encoding="utf-8"))
    return exported


def test_the_argdown_tool_reads_the_exported_seed_corpus(argdown_tool: Path, tmp_path: Path) -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    text = write_argdown(m)
    exported = run_tool(argdown_tool, text, tmp_path)
    back, _ = read_argdown(text, "seed.argdown")
    assert tool_view(exported) == argdown_view(back)
    assert set(exported["statements"]) == {n.label or n.id for n in m.nodes}
    attacks = {(k.premises[0], k.target) for k in m.links if k.kind == "attacks"}
    assert len([r for r in exported["relations"] if r["relationType"] == "attack"]) == len(attacks)


def every_feature() -> ArgumentMap:
    b = MapBuilder("features", "Every feature = one map")
    b.side("pro", "Proponents")
    b.issue("q", "Should schools require uniforms?", label="Uniforms")
    b.claim(
        "c1", "They *reduce* bullying [citation needed] // really?", held_by="pro", tags=["pro", "two words"]
    )
    b.claim("c2", "Children compare {brands} #less", data={"source": "p. 3", "pages": [3, 4]})
    b.evidence("e1", "A 2019 survey: 60% of schools = uniforms.", label="Survey")
    b.claim("c3", "Costs burden families.", label="Cost")
    b.claim("c4", "Second-hand uniforms are cheap.")
    b.claim("c5", "Uniforms are a uniform.")
    b.claim("c6", "Uniforms are clothes.")
    b.supports("c1", "q")
    b.supports(["c2", "e1"], "c1", id="compare", note="Comparison drives bullying.")
    b.attacks("c3", "q")
    b.undercuts("c4", "compare")
    b.supports("c4", "c3", id="odd", note="A second-hand market exists.")
    b.contradicts("c5", "c6")
    b.equivalent("c1", "c6")
    return b.build()


def test_the_argdown_tool_reads_every_feature_argmap_writes(argdown_tool: Path, tmp_path: Path) -> None:
    m = every_feature()
    text = write_argdown(m)
    exported = run_tool(argdown_tool, text, tmp_path)
    back, findings = read_argdown(text, "features.argdown")
    assert findings == []
    statements, arguments, relations = tool_view(exported)
    assert (statements, arguments, relations) == argdown_view(back)
    assert arguments == {"compare", "odd"}
    assert ("undercuts", ("statement", "c4"), ("argument", "compare")) in relations
    assert ("contradicts", frozenset({("statement", "c5"), ("statement", "c6")})) in relations


@pytest.mark.external
@pytest.mark.parametrize("stem", DOCUMENTS or ["(absent)"])
def test_the_argdown_tool_reads_what_argmap_writes_of_real_documents(
    argdown_tool: Path, tmp_path: Path, stem: str
) -> None:
    need_documents()
    m, _ = read_argdown((EXTERNAL / f"{stem}.argdown").read_text(encoding="utf-8"), f"{stem}.argdown")
    text = write_argdown(m)
    exported = run_tool(argdown_tool, text, tmp_path)
    back, _ = read_argdown(text, "again.argdown")
    assert tool_view(exported) == argdown_view(back)
    original = tool_view(json.loads((TOOL_JSON / f"{stem}.json").read_text(encoding="utf-8")))
    assert len(exported["relations"]) == len(original[2])
    assert len(exported["arguments"]) == len(original[1])


def test_the_argdown_tool_reads_random_maps_as_argmap_does(argdown_tool: Path, tmp_path: Path) -> None:
    texts: list[str] = []

    @settings(max_examples=25, database=None, derandomize=True, deadline=None)
    @given(maps())
    def collect(m: ArgumentMap) -> None:
        texts.append(write_argdown(m))

    collect()
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"m{i}.argdown").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [str(argdown_tool), "json", str(folder / "*.argdown"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for i, text in enumerate(texts):
        exported = json.loads((tmp_path / "out" / f"m{i}.json").read_text(encoding="utf-8"))
        assert tool_view(exported) == argdown_view(read_argdown(text, f"m{i}.argdown")[0]), text
