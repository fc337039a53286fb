from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import argmap
from argmap.corpora import corpora_root, corpus_path
from tests.conftest import ROOT


def test_listing_and_loading_from_a_checkout() -> None:
    assert corpora_root() == ROOT / "corpora"
    names = [c.name for c in argmap.list_corpora()]
    assert names == sorted(names) and {"allied-space-cooperation", "school-phones"} <= set(names)
    assert corpus_path("school-phones") == ROOT / "corpora" / "school-phones" / "map.yaml"
    with pytest.raises(argmap.UnknownElementError, match="available: allied-space-cooperation"):
        argmap.load_corpus("nope")


def test_corpora_load_from_an_installed_wheel(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("argmap-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "argmap/_corpora/allied-space-cooperation/map.yaml" in names
    assert "argmap/_corpora/school-phones/source.md" in names
    assert "argmap/py.typed" in names
    probe = (
        "import argmap, argmap.corpora as c;"
        "print(c.corpora_root());"
        "m = argmap.load_corpus('school-phones');"
        "print(len(m.nodes), len(argmap.find_source_texts(m)))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    root, counts = run.stdout.splitlines()
    assert Path(root) == site / "argmap" / "_corpora"
    assert counts == f"{len(argmap.load_corpus('school-phones').nodes)} 1"
