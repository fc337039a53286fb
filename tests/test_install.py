"""Install story: a wheel from the checkout installs in a fresh venv and draws with no system Graphviz."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_wheel_installs_into_a_fresh_venv_and_renders_svg_without_system_graphviz(tmp_path: Path) -> None:
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
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    install = subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    # Only the venv on PATH: no `dot` from the system can be found, so the bundled engine must draw.
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "LANG": os.environ.get("LANG", "C.UTF-8")}
    out = tmp_path / "phones.svg"
    argmap_exe = str(bin_dir / "argmap")
    corpus = subprocess.run(
        [argmap_exe, "corpus", "path", "school-phones"], capture_output=True, text=True, env=env, check=True
    ).stdout.strip()
    assert Path(corpus).is_relative_to(env_dir)  # the corpus ships inside the wheel
    run = subprocess.run(
        [argmap_exe, "render", corpus, "-o", str(out)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Ban phones" in svg
    version = subprocess.run([argmap_exe, "--version"], capture_output=True, text=True, env=env)
    assert version.stdout.startswith("argmap ")
