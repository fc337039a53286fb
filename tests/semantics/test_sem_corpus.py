"""The seed corpus under grounded and preferred semantics, and the script that documents it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import argmap
from argmap.semantics.evaluate import evaluate
from argmap.semantics.solvers import IN, OUT
from argmap.words import plural
from tests.conftest import ROOT

READINGS = ["none", "supported", "mediated"]


@pytest.fixture(scope="module")
def allied() -> argmap.ArgumentMap:
    return argmap.load_corpus("allied-space-cooperation")


@pytest.mark.parametrize("reading", READINGS)
def test_grounded_is_within_every_preferred_extension(allied: argmap.ArgumentMap, reading: str) -> None:
    grounded = evaluate(allied, "grounded", support=reading)
    preferred = evaluate(allied, "preferred", support=reading)
    ground = grounded.labellings[0]
    assert preferred.labellings
    for labelling in preferred.labellings:
        assert all(labelling[i] == IN for i, lab in enumerate(ground) if lab == IN)
        assert all(labelling[i] == OUT for i, lab in enumerate(ground) if lab == OUT)
    for node_id, status in grounded.status.items():
        if status != "undecided":
            assert preferred.status[node_id] == status
    # every node that is an argument gets an explanation that starts with its label
    for node_id, status in preferred.status.items():
        text = preferred.explain(node_id)
        assert text.startswith({"accepted": "in", "rejected": "out"}.get(status, "")), (node_id, text)


def test_issues_are_not_arguments(allied: argmap.ArgumentMap) -> None:
    result = evaluate(allied, "grounded")
    issues = {n.id for n in allied.issues}
    assert issues and not issues & set(result.status)
    assert set(result.mf.issue_links) <= issues


def test_the_documenting_script_writes_its_report(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("semantics_corpus", ROOT / "docs" / "semantics_corpus.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    allied = argmap.load_corpus("allied-space-cooperation")
    for semantics, reading in script.RUNS:
        lines = script.mechanisms(evaluate(allied, semantics, support=reading))
        assert lines and all(line.startswith("- ") for line in lines)
    result = evaluate(allied, "grounded", support="none")
    rejected = sum(1 for s in result.status.values() if s == "rejected")
    # without support every defeat is an attack link of the map
    verb = "falls" if rejected == 1 else "fall"
    expected = f"- {plural(rejected, 'rejected node')} {verb} to an attack link of the map itself."
    assert script.mechanisms(result)[0] == expected
